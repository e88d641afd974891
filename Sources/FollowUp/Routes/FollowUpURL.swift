import Core
import Organisation
import Plans

/// FollowUp's pages and API: route patterns and links from the same constants.
public enum FollowUpURL {
    /// Public: the organisation's followed-up documents, and each one's dashboard of closed periods.
    public static let index = OrganisationURL.home.appending("uppfoljning")
    public static let dashboard = index.appending(":doc")
    /// Signed-in: the work of following up, open periods included.
    public static let periods = dashboard.appending("perioder")
    public static let newPeriod = periods.appending("ny")
    public static let period = periods.appending(":period")
    public static let report = period.appending("rapport", ":lineage")
    public static let assessment = period.appending("bedomning", ":lineage")
    public static let close = period.appending("stang")
    public static let reporters = dashboard.appending("rapportorer")
    /// Public: an indicator of a goal, and its values as CSV.
    public static let indicator = dashboard.appending("indikatorer", ":indicator")
    public static let indicatorCSV = OrganisationURL.openData.appending("indikatorer", ":doc", ":indicator")
    /// Signed-in: a document's indicators to manage, and the forms to add, change, type values and remove.
    public static let indicators = dashboard.appending("indikatorer")
    public static let newIndicator = indicators.appending("ny")
    public static let editIndicator = indicator.appending("andra")
    public static let indicatorValues = indicator.appending("varden")
    public static let deleteIndicator = indicator.appending("ta-bort")
    public static let templates = OrganisationURL.home.appending("admin", "uppfoljning")
    /// Open data: every closed period's reports of a document, as CSV.
    public static let csv = OrganisationURL.openData.appending("uppfoljning", ":doc")

    /// A closed period's public dashboard.
    public static func dashboard(_ org: String, _ doc: String, period: String? = nil) -> String {
        dashboard.link(org, doc, query: ["period": period])
    }

    public enum API {
        /// Public: the closed periods with their reports and assessments.
        public static let followUp = PlansURL.API.document.appending("follow-up")
        /// With a token: every period, opening one, reporting, assessing and closing.
        public static let periods = followUp.appending("periods")
        public static let period = periods.appending(":period")
        public static let report = period.appending("reports", ":lineage")
        public static let assessment = period.appending("assessments", ":lineage")
        public static let closure = period.appending("closure")
        /// Public: a document's indicators; with a token, adding, replacing and removing one.
        public static let indicators = PlansURL.API.document.appending("indicators")
        public static let indicator = indicators.appending(":indicator")
        /// With a token: Kolada files (pages of one answer, or KPI metadata) imported.
        public static let koladaImports = OrganisationURL.API.organisation.appending("kolada-imports")
        /// Public: an adopted annual report's figures, as adopted.
        public static let annualReport = OrganisationURL.API.organisation.appending("annual-reports", ":year")
        /// With an editor's token: the networks' contacts and surveys.
        public static let contacts = OrganisationURL.API.organisation.appending("network-contacts")
        public static let contact = contacts.appending(":contact")
        public static let surveys = OrganisationURL.API.organisation.appending("surveys")
        public static let survey = surveys.appending(":year")
        public static let quotes = survey.appending("quotes")
    }
}

/// The networks' annual survey: the editors' pages, and the personal answer link (no account).
public enum SurveyURL {
    public static let contacts = FollowUpURL.index.appending("natverk")
    public static let newContact = contacts.appending("ny-kontakt")
    public static let removeContact = contacts.appending("kontakter", ":contact", "ta-bort")
    public static let surveys = FollowUpURL.index.appending("enkater")
    public static let newSurvey = surveys.appending("ny")
    public static let results = surveys.appending(":year")
    public static let quotes = results.appending("citat")
    /// Public, by the token in the e-mail.
    public static let answer = URLPattern("enkat", ":token")
}
