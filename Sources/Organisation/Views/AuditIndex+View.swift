import Auth
import Core
import Foundation
import Plot

/// The audit trail as a history: who did what to which item, in the names it had then, with
/// filters and paging. Read-only by design.
public enum AuditIndex {
    public final class View: OrganisationPage {
        public struct Model: Sendable {
            public let heading: String
            public let trail: [Breadcrumb]
            /// Where the filter form and the paging links go.
            public let base: String
            public let entries: [AuditRecord]
            public let hasMore: Bool
            public let filter: AuditFilter
            /// The documents to filter by: (slug, title).
            public let documents: [Forms.Choice]
            /// What the filtered item is called, when filtering by one.
            public let itemName: String?

            public init(heading: String, trail: [Breadcrumb], base: String, entries: [AuditRecord], hasMore: Bool, filter: AuditFilter,
                        documents: [Forms.Choice], itemName: String? = nil) {
                self.heading = heading
                self.trail = trail
                self.base = base
                self.entries = entries
                self.hasMore = hasMore
                self.filter = filter
                self.documents = documents
                self.itemName = itemName
            }
        }

        let model: Model

        public init(organisationSlug: String, organisationName: String, model: Model) {
            self.model = model
            super.init(organisationSlug: organisationSlug, organisationName: organisationName)
        }

        public override func pageTitle() -> String { "\(model.heading) – \(organisationName)" }
        public override func breadcrumbs() -> [Breadcrumb] { tenantCrumbs(model.trail + [Breadcrumb(model.heading)]) }

        public override func content() -> Node<HTML.BodyContext> {
            let filter = model.filter
            return .group(
                .h1(.text(model.heading)),
                .p(.text("Varje ändring, vem som gjorde den och när, från vad till vad, med namnen som de var då. Historiken kan inte ändras eller raderas.")),
                .unwrap(model.itemName) { name in .p(.text("Visar historiken för "), .strong(.text(name)), .text(". "), .a(.href(HTML.escape(model.base)), .text("Visa all historik"))) },
                filterForm(),
                model.entries.isEmpty ? .p(.text(filter == AuditFilter() ? "Inga ändringar ännu." : "Inga ändringar matchar filtret.")) : .scrollingTable("Ändringar", .table(
                    .class("stack"),
                    .caption(.text("Ändringar, nyaste först (sida \(filter.page))")),
                    .thead(.tr(
                        .th(.attribute(named: "scope", value: "col"), .text("När")),
                        .th(.attribute(named: "scope", value: "col"), .text("Vem")),
                        .th(.attribute(named: "scope", value: "col"), .text("Vad")),
                        .th(.attribute(named: "scope", value: "col"), .text("Före")),
                        .th(.attribute(named: "scope", value: "col"), .text("Efter"))
                    )),
                    .tbody(.forEach(model.entries) { entry in
                        .tr(
                            .td(.label("När"), .text(entry.createdAt.map(Formatting.minute) ?? "–")),
                            .td(.label("Vem"), entry.actorID == nil ? .text(Self.actorName(entry.actor))
                                : .a(.href(HTML.escape(model.base + AuditFilter(user: entry.actor).query(page: 1))), .text(entry.actor))),
                            .td(.label("Vad"), what(entry)),
                            .td(.label("Före"), long(entry.before)),
                            .td(.label("Efter"), long(entry.after))
                        )
                    })
                )),
                .nav(.ariaLabel("Sidor"), .class("paging"),
                     .if(filter.page > 1, .a(.href(HTML.escape(model.base + filter.query(page: filter.page - 1))), .text("← Nyare"))),
                     .if(model.hasMore, .a(.href(HTML.escape(model.base + filter.query(page: filter.page + 1))), .text("Äldre →"))))
            )
        }

        static func actorName(_ actor: String) -> String {
            switch actor {
            case "command line": "Kommandoraden"
            case "import token": "Import med nyckel"
            case "anonymous": "Okänd"
            default: actor
            }
        }

        func what(_ entry: AuditRecord) -> Node<HTML.BodyContext> {
            let action = AuditLog.swedish[entry.action] ?? entry.action
            let name = entry.subjectName ?? entry.subject
            let place = entry.documentTitle.map { title in " (\(title)" + (entry.version.map { ", version \($0)" } ?? "") + ")" } ?? ""
            return .group(.strong(.text(action)), .text(": \(name)\(place)"))
        }

        /// Text before or after a change; long text folds away.
        func long(_ text: String?) -> Node<HTML.BodyContext> {
            guard let text, !text.isEmpty else { return .text("–") }
            guard text.count > 160 else { return .text(text) }
            return .element(named: "details", nodes: [.element(named: "summary", text: String(text.prefix(120)) + " …"), .p(.class("pre"), .text(text))])
        }

        func filterForm() -> Node<HTML.BodyContext> {
            let filter = model.filter
            let values = ["dokument": filter.document ?? "", "anvandare": filter.user ?? "", "fran": filter.from ?? "", "till": filter.to ?? ""]
            var specs = [Forms.FieldSpec("anvandare", "Användare (e-post)"), Forms.FieldSpec("fran", "Från och med", .date),
                         Forms.FieldSpec("till", "Till och med", .date)]
            if !model.documents.isEmpty {
                specs.insert(Forms.FieldSpec("dokument", "Dokument", .select([Forms.Choice("", "Alla")] + model.documents)), at: 0)
            }
            return .form(.method(.get), .action(HTML.escape(model.base)), .class("filters"), .attribute(named: "role", value: "search"),
                         .attribute(named: "aria-label", value: "Filtrera historiken"),
                         .unwrap(filter.item) { .input(.type(.hidden), .name("punkt"), .value(HTML.escape($0))) },
                         Forms.fields(specs, state: .init(values: values), idPrefix: "logg-"),
                         .button(.type(.submit), .class("secondary"), .text("Filtrera")))
        }
    }
}
