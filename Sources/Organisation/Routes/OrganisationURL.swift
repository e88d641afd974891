import Core

/// The organisation's pages and API: route patterns and links from the same constants.
public enum OrganisationURL {
    public static let home = URLPattern("o", ":org")
    public static let members = home.appending("medlemmar")
    public static let structure = home.appending("organisation")
    /// A body, network or forum.
    public static let group = structure.appending(":group")
    public static let unit = home.appending("enheter", ":unit")
    /// A member or partner organisation as seen from this organisation.
    public static let actor = home.appending("aktorer", ":actor")
    public static let people = home.appending("personer")
    public static let person = people.appending(":person")

    /// Meeting records: public list and page; editors' forms.
    public static let meetings = home.appending("moten")
    public static let meeting = meetings.appending(":meeting")
    public static let newMeeting = meetings.appending("ny")
    public static let editMeeting = meeting.appending("andra")

    /// Where an organisation's editors start writing; the modules that write list their work there.
    public static let workspace = home.appending("redigera")

    public static let users = home.appending("admin", "anvandare")
    public static let grantRole = users.appending("roll")
    public static let revokeRole = users.appending("aterkalla")
    public static let newUser = users.appending("ny")
    /// The site's open data page, and each organisation's with its lists as CSV.
    public static let siteOpenData = URLPattern("oppna-data")
    public static let openData = home.appending("oppna-data")
    public static let membersCSV = openData.appending("medlemmar.csv")
    public static let groupsCSV = openData.appending("natverk-och-forum.csv")
    public static let partnersCSV = openData.appending("samarbetsparter.csv")
    public static let account = users.appending("konto")
    public static let auditTrail = home.appending("admin", "logg")
    public static let outbox = home.appending("admin", "utkorg")

    public enum API {
        public static let organisations = URLPattern("api", "v1", "organisations")
        public static let municipalities = URLPattern("api", "v1", "municipalities")
        public static let organisation = organisations.appending(":org")
        public static let members = organisation.appending("members")
        public static let structure = organisation.appending("structure")
        public static let group = organisation.appending("groups", ":group")
        public static let unit = organisation.appending("units", ":unit")
        public static let actor = organisation.appending("actors", ":actor")
        public static let meetings = organisation.appending("meetings")
        public static let meeting = meetings.appending(":meeting")
    }
}
