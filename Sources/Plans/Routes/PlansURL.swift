import Core
import Organisation

/// Plans' pages and API: route patterns and links from the same constants.
public enum PlansURL {
    public static let documents = OrganisationURL.home.appending("dokument")
    public static let document = documents.appending(":doc")
    public static let version = document.appending("version", ":version")
    public static let node = document.appending(":node")
    public static let versionNode = version.appending(":node")
    public static let compare = document.appending("jamfor")
    public static let agenda2030 = OrganisationURL.home.appending("agenda-2030")

    /// A document; with a version number, that version's own permanent address.
    public static func document(_ org: String, _ doc: String, version: Int? = nil) -> String {
        version.map { Self.version.link(org, doc, String($0)) } ?? document.link(org, doc)
    }

    public static func node(_ org: String, _ doc: String, _ node: String, version: Int? = nil) -> String {
        version.map { versionNode.link(org, doc, String($0), node) } ?? Self.node.link(org, doc, node)
    }

    /// Writing: drafts, nodes and adoption, for editors.
    public enum Editor {
        public static let index = OrganisationURL.workspace
        public static let newDocument = index.appending("nytt")
        public static let newDraft = index.appending(":doc", "utkast")
        public static let copy = index.appending(":doc", "kopia")
        public static let draft = index.appending(":doc", ":version")
        public static let preview = draft.appending("forhandsvisning")
        public static let adopt = draft.appending("anta")
        public static let addNode = draft.appending("ny")
        public static let node = draft.appending("nod", ":node")
        public static let facts = node.appending("fakta")
        public static let reorder = node.appending("ordning")
        public static let move = node.appending("flytta")
        public static let remove = node.appending("ta-bort")
    }

    public enum API {
        public static let agenda2030Goals = URLPattern("api", "v1", "agenda-2030", "goals")
        public static let agenda2030 = OrganisationURL.API.organisation.appending("agenda-2030")
        public static let documents = OrganisationURL.API.organisation.appending("documents")
        public static let document = documents.appending(":doc")
        public static let tree = document.appending("tree")
        public static let node = document.appending("nodes", ":node")
        public static let versions = document.appending("versions")
        public static let version = versions.appending(":version")
        public static let versionNodes = version.appending("nodes")
        public static let versionNode = versionNodes.appending(":node")
        public static let moveNode = versionNode.appending("move")
        public static let facts = versionNode.appending("facts")
        public static let adoption = version.appending("adoption")
    }
}
