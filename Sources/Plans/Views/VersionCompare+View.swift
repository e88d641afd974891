import Core
import Organisation
import Plot

public enum VersionCompare {
    /// What changed between two versions of a document (or a plan and next year's): the
    /// document's title and period, its prose sections and its nodes, words removed and added marked.
    public final class View: OrganisationPage {
        public struct Model: Sendable {
            public let old: DocumentContent
            public let new: DocumentContent
            public let comparison: VersionDiff.Comparison
            public var trail: [Breadcrumb]
            /// In the editor: the versions that can be chosen to compare with, and where the choice goes.
            public var choices: (action: String, options: [Editor.Choice], selected: String)?
        }

        let model: Model

        public init(model: Model) {
            self.model = model
            super.init(organisationSlug: model.new.organisation.slug, organisationName: model.new.organisation.name)
        }

        public convenience init(old: DocumentContent, new: DocumentContent, names: [String: String] = [:]) {
            let trail = [Breadcrumb("Styrdokument", url: PlansURL.documents.link(new.organisation.slug)),
                         Breadcrumb(new.title, url: PlansURL.page(of: new))]
            self.init(model: Model(old: old, new: new, comparison: VersionDiff.compare(old, new, names: names), trail: trail))
        }

        static func name(_ content: DocumentContent) -> String {
            "\(content.title), version \(content.version.number) (\(Editor.stateLabel(content.version.status, adoptedOn: content.version.adoptedOn).lowercased()))"
        }

        public override func pageTitle() -> String { "Ändringar i \(model.new.title)" }
        public override func breadcrumbs() -> [Breadcrumb] { tenantCrumbs(model.trail + [Breadcrumb("Jämför")]) }

        public override func content() -> Node<HTML.BodyContext> {
            let comparison = model.comparison
            return .group(
                .h1(.text("Ändringar i \(model.new.title)")),
                .p(.text("Från "), .strong(.text(Self.name(model.old))), .text(" till "), .strong(.text(Self.name(model.new))), .text(": "),
                   .text(comparison.isEmpty ? "inga ändringar." : "\(comparison.count) ändringar.")),
                .unwrap(model.choices) { choices in
                    .form(.method(.get), .action(HTML.escape(choices.action)), .class("filters"),
                          Editor.fields([Editor.FieldSpec("med", "Jämför med", .select(choices.options))], state: .init(values: ["med": choices.selected])),
                          .button(.type(.submit), .class("secondary"), .text("Jämför")))
                },
                .if(!comparison.isEmpty, .p(.class("hint"), .text("Borttagna ord är överstrukna, tillagda understrukna."))),
                .if(!comparison.document.isEmpty, .section(.h2(.text("Dokumentet")), fields(comparison.document))),
                .if(!comparison.sections.isEmpty, .section(.h2(.text("Avsnitt")), .forEach(comparison.sections) { change in
                    .article(.class("change"), .h3(.span(.class("change-kind"), .text("\(change.kind.label): ")), .text(change.heading)), fields(change.fields))
                })),
                .if(!comparison.nodes.isEmpty, .section(.h2(.text("Punkter")), .forEach(comparison.nodes) { change in
                    .article(.class("change"),
                             .h3(.span(.class("change-kind"), .text("\(change.kind.label): ")), .text("\(change.level) – \(change.title)")),
                             .unwrap(change.previousParentTitle) { previous in
                                 .p(.text("Flyttad från "), .em(.text(previous)), .text(" till "), .em(.text(change.parentTitle ?? "översta nivån")), .text("."))
                             },
                             .if(change.kind == .added, .unwrap(change.parentTitle) { .p(.text("Under "), .em(.text($0)), .text(".")) }),
                             fields(change.fields))
                }))
            )
        }

        func fields(_ fields: [VersionDiff.Field]) -> Node<HTML.BodyContext> {
            guard !fields.isEmpty else { return .empty }
            return .dl(.class("diff"), .forEach(fields) { field in
                .group(.dt(.text(field.label)),
                       .dd(field.words ? .raw(WordDiff.html(field.old, field.new))
                           : .group(.del(.span(.class("visually-hidden"), .text("[tidigare:] ")), .text(field.old.isEmpty ? "–" : field.old)),
                                    .text(" → "), .ins(.span(.class("visually-hidden"), .text("[nu:] ")), .text(field.new.isEmpty ? "–" : field.new)))))
            })
        }
    }
}
