import Core
import Fluent
import FollowUp
import Foundation
import Organisation
import Plans
import Plot
import Vapor

/// What Finance adds to other modules' pages: the money beside a follow-up period's activities, the
/// year's outcome in an annual report, and a goal area's external funding on its page.
enum FinanceSlotSections {
    /// The outcome through the period's last month beside the budget, with deviations and forecasts.
    static func period(_ subject: PeriodSubject, on req: Request) async throws -> [PageSection] {
        guard let year = Int(subject.endsOn.prefix(4)), let month = Int(subject.endsOn.dropFirst(5).prefix(2)), (1...12).contains(month),
              let budget = try await BudgetQuery.budget(year, organisationID: subject.organisation.requireID(), on: req.db) else { return [] }
        let content = try await OutcomeContent.load(budget, through: month, on: req.db)
        let link = FinanceURL.outcomes.link(subject.organisation.slug, String(year))
        let html: Node<HTML.BodyContext> = content.latestMonth == 0
            ? .p(.text("Det finns inget utfall för \(year) ännu. "), .a(.href(FinanceURL.budget.link(subject.organisation.slug, String(year))), .text("Budgeten \(year)")))
            : .group(
                .if(content.example, .exampleMark("bokföringen här är påhittad", "organisationens eget utfall")),
                .if(content.latestMonth < month, .p(.strong(.text("Bokföringen är inläst till och med \(OutcomeContent.months[content.latestMonth - 1]); "
                                                                  + "utfallet nedan saknar periodens sista månader.")))),
                OutcomeTable.explanation(),
                OutcomeTable.table(content, caption: "Ekonomi \(subject.name): utfall, avvikelse och prognos per rad, kronor"),
                OutcomeTable.comments(content),
                .p(.a(.href(HTML.escape(link)), .text("Utfallet för hela \(year)"))))
        return [PageSection(heading: "Ekonomi \(subject.name)", content: html)]
    }

    /// In an annual report: the year's outcome at the latest month the books have reached.
    static func annualReport(_ content: DocumentContent, on req: Request) async throws -> [PageSection] {
        guard content.kind == .verksamhetsberattelse, let year = content.version.periodStart else { return [] }
        let organisation = try await req.organisation()
        guard let budget = try await BudgetQuery.budget(year, organisationID: organisation.requireID(), on: req.db) else { return [] }
        let latest = try await Outcome.query(on: req.db).filter(\.$organisationID == budget.organisationID).filter(\.$year == year).max(\.$month) ?? 0
        guard latest > 0 else {
            return [PageSection(heading: "Ekonomiskt utfall \(year)", content: Node<HTML.BodyContext>.p(.text("Det finns inget utfall för \(year) i Samsyn.")))]
        }
        let outcome = try await OutcomeContent.load(budget, through: latest, on: req.db)
        let html = Node<HTML.BodyContext>.group(
            .if(outcome.example, .exampleMark("bokföringen här är påhittad", "organisationens eget utfall")),
            .p(.text(latest == 12 ? "Årets utfall per budgetrad bredvid budgeten." : "Utfallet till och med \(OutcomeContent.months[latest - 1]), det senaste som är inläst.")),
            OutcomeTable.table(outcome, caption: "Ekonomiskt utfall \(year) per rad, kronor"),
            OutcomeTable.comments(outcome),
            .p(.a(.href(FinanceURL.outcomes.link(organisation.slug, String(year))), .text("Utfallet per period")), .text(" · "),
               .a(.href(FinanceURL.budget.link(organisation.slug, String(year))), .text("Budgeten \(year)"))))
        return [PageSection(heading: "Ekonomiskt utfall \(year)", content: html)]
    }

    /// On a goal area's page (and any node some funding pays for): the external funding tied to its key
    /// activities, and on a goal area the budget lines linked to it, or that none is.
    static func node(_ subject: NodeSubject, on req: Request) async throws -> [PageSection] {
        let organisation = try await req.organisation()
        let fundings = try await FundingQuery.fundings(of: organisation, on: req.db)
        var lineages: Set<String> = []
        func walk(_ node: DocumentContent.Node) { lineages.insert(node.lineage); node.children.forEach(walk) }
        walk(subject.node)
        let tied = fundings.filter { $0.spec.activities.contains { $0.document == subject.content.slug && lineages.contains($0.lineage) } }
        let isGoalArea = subject.node.depth == 0 && !subject.node.children.isEmpty
        let links = isGoalArea ? try await LineGoal.query(on: req.db).filter(\.$organisationID == organisation.requireID())
            .filter(\.$document == subject.content.slug).filter(\.$lineage == subject.node.lineage).sort(\.$year).all() : []
        guard !tied.isEmpty || (isGoalArea && (!fundings.isEmpty || !links.isEmpty)) else { return [] }
        let external = fundingList(try await FundingQuery.contents(tied, of: organisation, on: req.db), document: subject.content.slug,
                                   lineages: lineages, organisation: organisation.slug)
        guard isGoalArea else { return [PageSection(heading: "Extern finansiering", content: external)] }
        var lines: [(year: Int, line: FinancingContent.Line)] = []
        for year in Set(links.map(\.year)).sorted() {
            guard let budget = try await BudgetQuery.budget(year, organisationID: organisation.requireID(), on: req.db) else { continue }
            lines += FinancingContent.make(budget, fundings: fundings, links: links.filter { $0.year == year }).lines.filter { $0.goalArea != nil }.map { (year, $0) }
        }
        let html = Node<HTML.BodyContext>.group(.h3(.text("Extern finansiering")), external, .h3(.text("Budgeten")),
                                                lineList(lines, example: links.contains(where: \.example), organisation: organisation.slug))
        return [PageSection(heading: "Finansiering", content: html)]
    }

    static func fundingList(_ fundings: [FundingContent], document: String, lineages: Set<String>, organisation: String) -> Node<HTML.BodyContext> {
        guard !fundings.isEmpty else { return .p(.text("Ingen extern finansiering är knuten till nyckelaktiviteterna här.")) }
        return .ul(.forEach(fundings) { funding in
            let paid = funding.activities.filter { $0.document == document && lineages.contains($0.lineage) }.map(\.title).joined(separator: "; ")
            return .li(.a(.href(FinanceURL.funding.link(organisation, funding.key)), .text(funding.title)), .if(funding.example, .text(" (exempel)")),
                       .text(" – \(Formatting.thousands(funding.amount)) kronor från \(funding.funder.name), \(funding.startsOn) – \(funding.endsOn). Betalar: \(paid)"))
        })
    }

    static func lineList(_ lines: [(year: Int, line: FinancingContent.Line)], example: Bool, organisation: String) -> Node<HTML.BodyContext> {
        guard !lines.isEmpty else {
            return .p(.text("I övrigt finansieras arbetet av medlemsavgifterna och övriga intäkter. Ingen budgetrad är kopplad till målområdet, "
                            + "så här anges ingen andel av dem. "), .a(.href(FinanceURL.budgets.link(organisation)), .text("Budgeten")))
        }
        let note = example ? " (exempel: kopplingen är demonstrationens egen läsning av budgeten)" : ""
        return .group(.p(.text("Budgetrader som är kopplade till målområdet\(note):")), .ul(.forEach(lines) { entry in
            let line = entry.line
            return .li(.a(.href(FinanceURL.budget.link(organisation, String(entry.year))), .text("Budget \(entry.year)")),
                       .text(": \(line.costCentre) \(line.name), kostnad \(Formatting.thousands(line.cost)) kronor, varav externa medel "
                             + "\(Formatting.thousands(line.external)) och medlemsavgifter m.m. \(Formatting.thousands(line.byMembers)) kronor."))
        }))
    }
}
