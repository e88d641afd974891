/// Every public path in one place: routes are registered from `Segment` and links are
/// built by these functions, so the two cannot drift apart.
public enum SiteURL {
    public enum Segment {
        public static let organisations = "o"
        public static let documents = "dokument"
        public static let version = "version"
        public static let agenda = "agenda-2030"
        public static let members = "medlemmar"
    }

    public static let home = "/"
    public static let stylesheet = "/assets/samsyn.css"

    public static func organisation(_ org: String) -> String { "/\(Segment.organisations)/\(org)" }
    public static func documents(_ org: String) -> String { organisation(org) + "/\(Segment.documents)" }
    public static func members(_ org: String) -> String { organisation(org) + "/\(Segment.members)" }
    public static func agenda(_ org: String) -> String { organisation(org) + "/\(Segment.agenda)" }

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
