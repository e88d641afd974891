import Core
import Organisation
import Plot
import ReferenceData

public enum Agenda2030Show {
    /// One link from the organisation's documents to a goal or target.
    public struct Use: Codable, Sendable, Equatable {
        public let code: String
        public let goal: String
        public let role: Agenda2030Role
        public let explanation: String
        public let document: String
        public let documentTitle: String
        public let node: String?
        public let nodeTitle: String?
    }

    public struct Model: Sendable {
        public let organisationSlug: String
        public let organisationName: String
        public let uses: [Use]

        public init(organisationSlug: String, organisationName: String, documents: [DocumentContent]) {
            self.organisationSlug = organisationSlug
            self.organisationName = organisationName
            self.uses = documents.flatMap { document in
                document.agenda2030.map { entry in
                    Use(code: entry.code, goal: Agenda2030.goalCode(of: entry.code), role: entry.role, explanation: entry.explanation,
                        document: document.slug, documentTitle: document.title, node: nil, nodeTitle: nil)
                } + document.allNodes.flatMap { node in
                    node.agenda2030.map { entry in
                        Use(code: entry.code, goal: Agenda2030.goalCode(of: entry.code), role: entry.role, explanation: entry.explanation,
                            document: document.slug, documentTitle: document.title, node: node.key, nodeTitle: node.title)
                    }
                }
            }
        }

        public func uses(ofGoal code: String) -> [Use] { uses.filter { $0.goal == code } }
        public func uses(ofTarget code: String) -> [Use] { uses.filter { $0.code == code } }
        public var servedGoals: [String] { Agenda2030.goals.map(\.code).filter { !uses(ofGoal: $0).isEmpty } }
    }

    public final class View: OrganisationPage {
        let model: Model

        public init(model: Model) {
            self.model = model
            super.init(organisationSlug: model.organisationSlug, organisationName: model.organisationName)
        }

        public override func pageTitle() -> String { "Agenda 2030 – \(organisationName)" }
        public override func breadcrumbs() -> [Breadcrumb] { organisationCrumbs(Breadcrumb("Agenda 2030")) }

        public override func content() -> Node<HTML.BodyContext> {
            .group(
                .h1(.text("Agenda 2030")),
                .p(.text("Vilka av Agenda 2030:s 17 mål och 169 delmål som \(organisationName)s styrdokument tjänar. "
                         + "\(model.servedGoals.count) av 17 mål berörs.")),
                .forEach(Agenda2030.goals) { goal in goalSection(goal) }
            )
        }

        func goalSection(_ goal: Agenda2030.Goal) -> Node<HTML.BodyContext> {
            let uses = model.uses(ofGoal: goal.code)
            return .section(
                .id(HTML.escape("mal-\(goal.code)")),
                .h2(.span(.class("sdg-chip"), .text(goal.code)), .text(goal.titleSv)),
                uses.isEmpty
                    ? .p(.class("meta"), .text("Inga styrdokument är kopplade till målet."))
                    : .ul(.forEach(uses) { use in
                        .li(
                            .span(.class("role served"), .text("\(use.role.label): ")),
                            .a(.href(HTML.escape(use.node.map { PlansURL.node(organisationSlug, use.document, $0) } ?? PlansURL.document(organisationSlug, use.document))),
                               .text(use.nodeTitle ?? use.documentTitle)),
                            .unwrap(use.code == goal.code ? nil : use.code) { .text(" (delmål \($0))") },
                            .p(.class("meta"), .text(use.explanation))
                        )
                    }),
                .element(named: "details", nodes: [
                    .element(named: "summary", text: "Delmål (\(Agenda2030.targets(ofGoal: goal.code).count))"),
                    .ul(.forEach(Agenda2030.targets(ofGoal: goal.code)) { target in
                        let served = !model.uses(ofTarget: target.code).isEmpty
                        return .li(
                            .strong(.text(target.code)), .text(" \(target.titleSv)"),
                            .if(served, .span(.class("served"), .text(" – berörs av organisationens mål")))
                        )
                    })
                ])
            )
        }
    }
}
