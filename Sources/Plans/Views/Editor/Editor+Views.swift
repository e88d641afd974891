import Core
import Organisation
import Plot

/// The editor's pages: documents with every version, a draft with its prose and tree, a node's
/// form, and the one-form pages around them. Each page holds one form that saves; buttons that
/// only act (order, new draft) carry no input that another form could lose.
public enum Editor {
    public struct DocumentVersions: Sendable {
        public struct Version: Sendable {
            public let number: Int
            public let title: String
            public let status: DocumentStatus
            public let adoptedOn: String?
        }

        public let slug: String
        public let versions: [Version]
        public var draft: Version? { versions.first { $0.status == .draft } }
        public var latest: Version? { versions.max { $0.number < $1.number } }
    }

    static func editURL(_ org: String, _ doc: String, _ version: Int) -> String { PlansURL.Editor.draft.link(org, doc, String(version)) }

    static func csrfField(_ csrf: String) -> Node<HTML.FormContext> { Forms.csrfField(csrf) }

    /// How the editor names a version's state: the one in force, those it replaced, the draft.
    static func stateLabel(_ status: DocumentStatus, adoptedOn: String?) -> String {
        switch status {
        case .adopted: "Gällande" + (adoptedOn.map { ", antagen \($0)" } ?? "")
        case .superseded: "Ersatt" + (adoptedOn.map { ", antagen \($0)" } ?? "")
        case .draft: "Utkast – ej publicerat"
        }
    }

    /// A button that posts without input, so it loses nothing typed elsewhere on the page.
    static func actionButton(_ action: String, csrf: String, label: String, ariaLabel: String? = nil, fields: [String: String] = [:],
                             small: Bool = false) -> Node<HTML.BodyContext> {
        .form(.class("inline"), .method(.post), .action(HTML.escape(action)), csrfField(csrf),
              .forEach(fields.sorted { $0.key < $1.key }) { .input(.type(.hidden), .name(HTML.escape($0.key)), .value(HTML.escape($0.value))) },
              .button(.type(.submit), .class(small ? "small" : "secondary"),
                      .unwrap(ariaLabel) { .attribute(named: "aria-label", value: HTML.escape($0)) }, .text(label)))
    }
}

/// What the editor's last write did, said on the page it leads to. Carried as `?klart=` with a
/// fixed set of values, so no text from a request reaches the page.
public enum EditorNotice: String, Sendable, CaseIterable {
    case saved = "sparad", facts = "fakta", added = "tillagd", moved = "flyttad", reordered = "ordnad", removed = "borttagen"
    case draft = "utkast", copied = "kopia", created = "skapad", unchanged = "oforandrad", details = "uppgifter"
    case sectionSaved = "avsnitt-sparat", sectionAdded = "avsnitt-tillagt", sectionRemoved = "avsnitt-borttaget", sectionReordered = "avsnitt-ordnat"
    case discarded = "kastat", draftOpen = "oppet-utkast", adopted = "antagen", furtherAdoption = "fler-beslut"

    public static let parameter = "klart"

    var message: String {
        switch self {
        case .saved: "Ändringen är sparad."
        case .facts: "Uppgifterna är sparade."
        case .added: "Tillagd."
        case .moved: "Flyttad."
        case .reordered: "Ordningen är ändrad."
        case .removed: "Borttagen ur utkastet."
        case .draft: "Ett nytt utkast är skapat. Ändra det och anta det när beslutet är fattat."
        case .copied: "Kopian är skapad som utkast."
        case .created: "Dokumentet är skapat som utkast."
        case .unchanged: "Inget var ändrat, så inget sparades."
        case .details: "Titel och period är sparade."
        case .sectionSaved: "Avsnittet är sparat."
        case .sectionAdded: "Avsnittet är tillagt sist i dokumentet."
        case .sectionRemoved: "Avsnittet är borttaget ur utkastet."
        case .sectionReordered: "Avsnittens ordning är ändrad."
        case .discarded: "Utkastet är kastat. Den gällande versionen är orörd."
        case .draftOpen: "Dokumentet har redan ett öppet utkast. Här är det; ändra det eller kasta det."
        case .adopted: "Versionen är antagen och publicerad. Den version som gällde före är nu ersatt."
        case .furtherAdoption: "Beslutet är tillagt och visas på den publicerade sidan."
        }
    }
}
