/// Every public path in one place: routes are registered from `Segment` and links are
/// built by these functions, so the two cannot drift apart.
public enum SiteURL {
    public enum Segment {
        public static let organisations = "o"
        public static let documents = "dokument"
        public static let version = "version"
        public static let agenda2030 = "agenda-2030"
        public static let members = "medlemmar"
        public static let structure = "organisation"
        public static let units = "enheter"
        public static let actors = "aktorer"
        public static let people = "personer"
    }

    public static let home = "/"
    public static let stylesheet = "/assets/samsyn.css"
    public static let signIn = "/logga-in"
    public static let signOut = "/logga-ut"
    public static let account = "/konto"
    public static let changePassword = "/konto/losenord"

    public static func organisation(_ org: String) -> String { "/\(Segment.organisations)/\(org)" }
    public static func documents(_ org: String) -> String { organisation(org) + "/\(Segment.documents)" }
    public static func members(_ org: String) -> String { organisation(org) + "/\(Segment.members)" }
    public static func agenda2030(_ org: String) -> String { organisation(org) + "/\(Segment.agenda2030)" }

    public static func structure(_ org: String) -> String { organisation(org) + "/\(Segment.structure)" }
    /// A body, network or forum.
    public static func group(_ org: String, _ key: String) -> String { structure(org) + "/\(key)" }
    public static func unit(_ org: String, _ key: String) -> String { organisation(org) + "/\(Segment.units)/\(key)" }
    /// A member or partner organisation as seen from this organisation.
    public static func actor(_ org: String, _ slug: String) -> String { organisation(org) + "/\(Segment.actors)/\(slug)" }
    public static func people(_ org: String) -> String { organisation(org) + "/\(Segment.people)" }
    public static func person(_ org: String, _ key: String) -> String { people(org) + "/\(key)" }

    /// A document; with a version number, that version's own permanent address.
    public static func document(_ org: String, _ doc: String, version: Int? = nil) -> String {
        let base = documents(org) + "/\(doc)"
        guard let version else { return base }
        return base + "/\(Segment.version)/\(version)"
    }

    public static func node(_ org: String, _ doc: String, _ node: String, version: Int? = nil) -> String {
        document(org, doc, version: version) + "/\(node)"
    }

    public enum API {
        public static let base = "/api/v1"
        public static let openAPI = base + "/openapi.json"
        public static func organisation(_ org: String) -> String { base + "/organisations/\(org)" }
        public static func document(_ org: String, _ doc: String) -> String { organisation(org) + "/documents/\(doc)" }
    }
}
