import Core
import Foundation
import Organisation
import Vapor

/// The inputs of a proposal's member fees, kept by its editors: the ceiling's rate, the tax capacity
/// with its source, and each member's population on one date with its source.
enum FeeBasisController {
    static func fields(_ members: [OrganisationRecord]) -> [Forms.FieldSpec] {
        [.init("perMille", "Taket i promille", hint: "Till exempel 0,34."),
         .init("ceilingPeriod", "Period som taket gäller", hint: "Till exempel 2023–2026."),
         .init("taxCapacity", "Medelskattekraft i riket, kronor per invånare", .number, hint: "Hela kronor, till exempel 239200."),
         .init("taxCapacityYear", "Medelskattekraften gäller år", .number),
         .init("taxCapacityKind", "Medelskattekraften är", .select(TaxCapacityKind.allCases.map { .init($0.rawValue, $0.label) })),
         .init("taxCapacitySource", "Källa för medelskattekraften"),
         .init("populationDate", "Befolkningen räknad den", .date, hint: "ÅÅÅÅ-MM-DD, till exempel 2021-12-31."),
         .init("populationSource", "Källa för befolkningen")]
            + members.map { .init("pop.\($0.scbCode ?? $0.slug)", "Befolkning i \($0.name)", .number) }
            + [.init("revision", "", .hidden)]
    }

    static func values(_ basis: FeeBasis?, revision: Int) -> [String: String] {
        var values = ["revision": String(revision)]
        guard let basis else { return values.merging(["taxCapacityKind": TaxCapacityKind.published.rawValue]) { $1 } }
        values.merge(["perMille": basis.perMille.replacingOccurrences(of: ".", with: ","), "ceilingPeriod": basis.ceilingPeriod ?? "",
                      "taxCapacity": String(basis.taxCapacity), "taxCapacityYear": String(basis.taxCapacityYear),
                      "taxCapacityKind": basis.taxCapacityKind.rawValue, "taxCapacitySource": basis.taxCapacitySource,
                      "populationDate": basis.populationDate, "populationSource": basis.populationSource]) { $1 }
        for entry in basis.populations { values["pop.\(entry.member)"] = String(entry.population) }
        return values
    }

    /// The basis the form says; a member's population that is not a whole number above zero is refused beside it.
    static func basis(_ values: [String: String], members: [OrganisationRecord]) throws(BudgetWork.Failure) -> FeeBasis {
        func text(_ name: String) -> String { values[name]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }
        func whole(_ name: String) -> Int? { Int(text(name).filter { !$0.isWhitespace && $0 != "\u{202F}" && $0 != "\u{00A0}" }) }
        func refuse(_ field: String, _ swedish: String) -> BudgetWork.Failure {
            .invalid(.init(field: field, path: "fees.\(field)", swedish: swedish, english: "is not valid"))
        }
        guard let taxCapacity = whole("taxCapacity") else { throw refuse("taxCapacity", "Skriv medelskattekraften i hela kronor, som 239200.") }
        guard let year = whole("taxCapacityYear") else { throw refuse("taxCapacityYear", "Skriv ett årtal, som 2023.") }
        guard let kind = TaxCapacityKind(rawValue: text("taxCapacityKind")) else { throw refuse("taxCapacityKind", "Välj utfall eller prognos.") }
        var populations: [FeeBasis.MemberPopulation] = []
        for member in members {
            let key = member.scbCode ?? member.slug
            guard let population = whole("pop.\(key)"), population > 0 else {
                throw refuse("pop.\(key)", "Skriv befolkningen i \(member.name) som ett heltal större än noll.")
            }
            populations.append(.init(member: key, population: population))
        }
        return FeeBasis(perMille: text("perMille").replacingOccurrences(of: ",", with: "."), ceilingPeriod: text("ceilingPeriod").isEmpty ? nil : text("ceilingPeriod"),
                        taxCapacity: taxCapacity, taxCapacityYear: year, taxCapacityKind: kind, taxCapacitySource: text("taxCapacitySource"),
                        populationDate: text("populationDate"), populationSource: text("populationSource"), populations: populations)
    }

    static func model(_ organisation: OrganisationRecord, _ budget: Budget, _ members: [OrganisationRecord], values: [String: String]) -> Forms.FormView.Model {
        .init(heading: "Indata för medlemsavgifterna \(budget.year)",
              intro: ["Taket är promillen gånger medlemmens befolkning gånger medelskattekraften i riket. Ange varifrån siffrorna kommer; sidan om medlemsavgifterna visar källorna."],
              trail: [Breadcrumb("Budget", url: FinanceURL.budgets.link(organisation.slug)), Breadcrumb("Hantera", url: FinanceURL.keep.link(organisation.slug))],
              action: FinanceURL.editFees.link(organisation.slug, String(budget.year)), fields: fields(members), state: .init(values: values),
              submit: "Spara indata", cancelURL: FinanceURL.keep.link(organisation.slug))
    }

    @Sendable static func form(req: Request) async throws -> Response {
        let organisation = try await req.financeEditor().organisation
        let budget = try await EditorController.budget(req, organisation)
        guard budget.status == .proposal else { throw Abort(.conflict, reason: BudgetWork.Failure.adopted.english) }
        let members = try await MemberQuery.members(of: organisation, on: req.db)
        return try EditorController.formPage(req, organisation, model(organisation, budget, members, values: values(budget.spec.fees, revision: budget.revision)))
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let editor = try await req.financeEditor(), organisation = editor.organisation, user = editor.user
        let budget = try await EditorController.budget(req, organisation)
        let members = try await MemberQuery.members(of: organisation, on: req.db)
        let values = try req.content.decode([String: String].self)
        do {
            var spec = budget.spec
            spec.fees = try basis(values, members: members)
            let outcome = try await BudgetWork.update(budget, to: spec, expectedRevision: values["revision"].flatMap(Int.init), in: organisation,
                                                      actor: .user(user), at: req.application.now(), on: req.db)
            return req.redirect(to: FinanceURL.keep.link(organisation.slug, query: ["klart": outcome == .unchanged ? "oforandrad" : "sparad"]), redirectType: .normal)
        } catch let failure as BudgetWork.Failure {
            var model = model(organisation, budget, members, values: values)
            model.state.refuse(failure)
            return try EditorController.formPage(req, organisation, model, status: failure.status)
        }
    }
}
