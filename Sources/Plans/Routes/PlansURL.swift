import Core
import Organisation

extension Glossary {
    /// What the editor calls any goal area, goal or activity where no level name fits (and its addresses' segment).
    static let item = "punkt"
}

/// Plans' pages and API: route patterns and links from the same constants.
public enum PlansURL {
    public static let documents = OrganisationURL.home.appending("dokument")
    public static let document = documents.appending(":doc")
    public static let version = document.appending("version", ":version")
    public static let node = document.appending(":node")
    public static let versionNode = version.appending(":node")
    public static let compare = document.appending("jamfor")
    public static let agenda2030 = OrganisationURL.home.appending("agenda-2030")
    /// Open data: the documents, and each document's goals and activities, as CSV.
    public static let documentsCSV = OrganisationURL.openData.appending("styrdokument.csv")
    public static let nodesCSV = OrganisationURL.openData.appending("mal-och-aktiviteter", ":doc")

    /// A document; with a version number, that version's own permanent address.
    public static func document(_ org: String, _ doc: String, version: Int? = nil) -> String {
        version.map { Self.version.link(org, doc, String($0)) } ?? document.link(org, doc)
    }

    public static func node(_ org: String, _ doc: String, _ node: String, version: Int? = nil) -> String {
        version.map { versionNode.link(org, doc, String($0), node) } ?? Self.node.link(org, doc, node)
    }

    /// Where a page of `content` lives: a published version at its public address, a draft in
    /// its editor's preview, so a preview's links stay within the draft.
    public static func page(of content: DocumentContent, node key: String? = nil) -> String {
        let (org, doc, number) = (content.organisation.slug, content.slug, String(content.version.number))
        guard content.version.status == .draft else {
            return key.map { node(org, doc, $0, version: content.version.number) } ?? document(org, doc, version: content.version.number)
        }
        return key.map { Editor.previewNode.link(org, doc, number, $0) } ?? Editor.preview.link(org, doc, number)
    }

    /// Writing: drafts, their prose and tree, adoption, for editors.
    public enum Editor {
        public static let index = OrganisationURL.workspace
        public static let newDocument = index.appending("nytt")
        public static let history = index.appending("historik")
        public static let newDraft = index.appending(":doc", "utkast")
        public static let copy = index.appending(":doc", "kopia")
        public static let draft = index.appending(":doc", ":version")
        public static let preview = draft.appending("forhandsvisning")
        public static let previewNode = preview.appending(":node")
        public static let compare = draft.appending("jamfor")
        public static let details = draft.appending("uppgifter")
        public static let adopt = draft.appending("anta")
        /// One more body's decision on an adopted version (each party of an agreement decides).
        public static let furtherAdoption = draft.appending("fler-beslut")
        public static let discard = draft.appending("kasta")
        public static let addNode = draft.appending("ny")
        public static let node = draft.appending(Glossary.item, ":node")
        public static let reorder = node.appending("ordning")
        public static let remove = node.appending("ta-bort")
        public static let newSection = draft.appending("nytt-avsnitt")
        public static let section = draft.appending("avsnitt", ":section")
        public static let sectionOrder = section.appending("ordning")
        public static let removeSection = section.appending("ta-bort")
    }

    public enum API {
        public static let agenda2030Goals = URLPattern("api", "v1", "agenda-2030", "goals")
        public static let agenda2030 = OrganisationURL.API.organisation.appending("agenda-2030")
        public static let documents = OrganisationURL.API.organisation.appending("documents")
        public static let document = documents.appending(":doc")
        public static let tree = document.appending("tree")
        public static let comparison = document.appending("comparison")
        public static let node = document.appending("nodes", ":node")
        public static let versions = document.appending("versions")
        public static let version = versions.appending(":version")
        public static let versionNodes = version.appending("nodes")
        public static let versionNode = versionNodes.appending(":node")
        public static let moveNode = versionNode.appending("move")
        public static let facts = versionNode.appending("facts")
        public static let adoption = version.appending("adoption")
        public static let furtherAdoptions = version.appending("further-adoptions")
        public static let sections = version.appending("sections")
        public static let section = sections.appending(":section")
        public static let moveSection = section.appending("move")
        public static let history = OrganisationURL.API.organisation.appending("history")
    }
}
