import Core
import Fluent
import Foundation
import Organisation
import Plans

/// A funding as pages and the API show it: the funder and the key activities by name and address.
/// The contact person is the organisation's own business: only the organisation file carries it.
public struct FundingContent: Codable, Sendable, Equatable {
    public struct Funder: Codable, Sendable, Equatable {
        public let key: String
        public let name: String
    }

    public struct Activity: Codable, Sendable, Equatable {
        public let document: String
        public let lineage: String
        public let title: String
        public let documentTitle: String
        /// The key activity's page; absent where it is no longer in a published plan.
        public let url: String?
    }

    public let key: String
    public let title: String
    public let funder: Funder
    public let programme: String
    public let amount: Int
    public let startsOn: String
    public let endsOn: String
    public let byYear: [FundingSpec.YearAmount]
    public let costCentre: String?
    public let activities: [Activity]
    public let projects: [String]
    public let deadlines: [FundingSpec.Deadline]
    public let summary: String?
    public let example: Bool
}

public enum FundingQuery {
    static func fundings(of organisation: OrganisationRecord, on db: any Database) async throws -> [Funding] {
        try await Funding.query(on: db).filter(\.$organisationID == organisation.requireID()).all()
            .sorted { ($0.spec.startsOn, $0.spec.title) < ($1.spec.startsOn, $1.spec.title) }
    }

    static func funding(_ key: String, of organisation: OrganisationRecord, on db: any Database) async throws -> Funding? {
        try await Funding.query(on: db).filter(\.$organisationID == organisation.requireID()).filter(\.$key == key).first()
    }

    /// The fundings as shown, with the registry's names and the plans' titles read once for all of them.
    static func contents(_ fundings: [Funding], of organisation: OrganisationRecord, on db: any Database) async throws -> [FundingContent] {
        guard !fundings.isEmpty else { return [] }
        let funders = Set(fundings.map(\.spec.funder))
        let names = Dictionary(try await RegistryQuery.actors(ids: [], keys: funders, on: db).map { ($0.scbCode ?? $0.slug, $0.name) },
                               uniquingKeysWith: { first, _ in first })
        let nodes = try await PublicNodes.list(of: organisation, on: db)
        return fundings.map { funding in
            let spec = funding.spec
            return FundingContent(
                key: funding.key, title: spec.title, funder: .init(key: spec.funder, name: names[spec.funder] ?? spec.funder), programme: spec.programme,
                amount: spec.amount, startsOn: spec.startsOn, endsOn: spec.endsOn, byYear: spec.byYear, costCentre: spec.costCentre,
                activities: spec.activities.map { activity in
                    let node = nodes.first { $0.document == activity.document && $0.lineage == activity.lineage }
                    return .init(document: activity.document, lineage: activity.lineage, title: node?.title ?? activity.lineage,
                                 documentTitle: node?.documentTitle ?? activity.document,
                                 url: node.map { PlansURL.node(organisation.slug, $0.document, $0.key) })
                },
                projects: spec.projects, deadlines: spec.deadlines, summary: spec.summary, example: spec.example)
        }
    }
}

/// How a budget year's costs are financed, per cost centre: the external funding the decisions put
/// on that year and line, and the rest, which the member fees and the other revenues carry. Funding
/// not split per year, or not tied to a line, is listed, never spread by guess.
public struct FinancingContent: Codable, Sendable, Equatable {
    public struct Line: Codable, Sendable, Equatable {
        public let costCentre: String
        public let name: String
        /// The line's cost as a positive amount.
        public let cost: Int
        public let external: Int
        /// Cost less external funding: what the member fees and other revenues carry.
        public let byMembers: Int
        /// The fundings counted, by key.
        public let fundings: [String]
        /// The goal area the line serves, where the organisation links it to one.
        public let goalArea: GoalArea?
    }

    public struct GoalArea: Codable, Sendable, Equatable {
        public let document: String
        public let lineage: String
        public let title: String
        public let example: Bool
    }

    public struct Other: Codable, Sendable, Equatable {
        public let key: String
        public let title: String
        /// The year's amount where the decision gives one.
        public let amount: Int?
        public let reason: String
    }

    public let year: Int
    public let lines: [Line]
    /// Fundings of the year that no line counts: not tied to a line, or not split per year.
    public let other: [Other]

    static func load(_ budget: Budget, of organisation: OrganisationRecord, on db: any Database) async throws -> FinancingContent {
        let links = try await LineGoalWork.links(budget.year, of: organisation, on: db)
        return make(budget, fundings: try await FundingQuery.fundings(of: organisation, on: db), links: links,
                    areas: links.isEmpty ? [] : try await LineGoalWork.goalAreas(of: organisation, on: db))
    }

    static func make(_ budget: Budget, fundings: [Funding], links: [LineGoal] = [], areas: [PublicNode] = []) -> FinancingContent {
        let year = budget.year
        let current = fundings.filter { (Int($0.spec.startsOn.prefix(4)) ?? 0) <= year && year <= (Int($0.spec.endsOn.prefix(4)) ?? 0) }
        let lines = budget.spec.lines.filter { $0.side == .cost }.map { line in
            let counted = current.filter { $0.spec.costCentre == line.costCentre && $0.spec.amount(in: year) != nil }
            // Stored values beyond the bounds (an older database) count as nothing rather than trap.
            let external = Bounds.sum(counted.compactMap { $0.spec.amount(in: year) }.filter(Bounds.isKronor)) ?? 0
            let amount = Bounds.isKronor(line.amount) ? line.amount : 0
            let goal = links.first { $0.costCentre == line.costCentre }.map { link in
                GoalArea(document: link.document, lineage: link.lineage,
                         title: areas.first { $0.document == link.document && $0.lineage == link.lineage }?.title ?? link.lineage, example: link.example)
            }
            return Line(costCentre: line.costCentre, name: line.name, cost: -amount, external: external, byMembers: -amount - external,
                        fundings: counted.map(\.key), goalArea: goal)
        }
        let lineCentres = Set(lines.map(\.costCentre))
        let other = current.compactMap { funding -> Other? in
            let spec = funding.spec
            if spec.amount(in: year) == nil {
                return Other(key: funding.key, title: spec.title, amount: nil, reason: "beslutet fördelar inte beloppet på år")
            }
            guard let centre = spec.costCentre, lineCentres.contains(centre) else {
                return Other(key: funding.key, title: spec.title, amount: spec.amount(in: year), reason: "inte knuten till någon budgetrad")
            }
            return nil
        }
        return FinancingContent(year: year, lines: lines, other: other)
    }
}
