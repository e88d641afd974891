import Auth
import Core
import Fluent
import Foundation
import Organisation
import Plans

/// Linking a year's cost lines to the goal areas they serve: the year's links replaced in one
/// transaction with its audit; unchanged input writes nothing.
public enum LineGoalWork {
    public struct Link: Codable, Equatable, Hashable, Sendable {
        public var costCentre: String
        public var document: String
        public var lineage: String

        public init(costCentre: String, document: String, lineage: String) {
            self.costCentre = costCentre
            self.document = document
            self.lineage = lineage
        }
    }

    /// The goal areas links may name: the top level of each published plan with levels.
    public static func goalAreas(of organisation: OrganisationRecord, on db: any Database) async throws -> [PublicNode] {
        try await PublicNodes.list(of: organisation, on: db).filter { $0.parentKey == nil && !$0.isActivity }
    }

    static func links(_ year: Int, of organisation: OrganisationRecord, on db: any Database) async throws -> [LineGoal] {
        try await LineGoal.query(on: db).filter(\.$organisationID == organisation.requireID()).filter(\.$year == year).sort(\.$costCentre).all()
    }

    @discardableResult
    public static func set(_ links: [Link], year: Int, in organisation: OrganisationRecord, actor: AuditLog.Actor, on db: any Database) async throws -> Bool {
        let organisationID = try organisation.requireID()
        guard let budget = try await BudgetQuery.budget(year, organisationID: organisationID, on: db) else { throw BudgetWork.Failure.notFound }
        let costs = Set(budget.spec.lines.filter { $0.side == .cost }.map(\.costCentre))
        let areas = Set(try await goalAreas(of: organisation, on: db).map { "\($0.document)/\($0.lineage)" })
        var seen = Set<String>()
        for (index, link) in links.enumerated() {
            guard costs.contains(link.costCentre) else {
                throw BudgetWork.Failure.invalid(.init(field: "goal.\(link.costCentre)", path: "lines[\(index)].costCentre",
                                                       swedish: "Budgeten har ingen kostnadsrad \(link.costCentre).", english: "is no cost line of the budget"))
            }
            guard areas.contains("\(link.document)/\(link.lineage)") else {
                throw BudgetWork.Failure.invalid(.init(field: "goal.\(link.costCentre)", path: "lines[\(index)]",
                                                       swedish: "Välj ett målområde i en publicerad plan.", english: "is no goal area of a published plan"))
            }
            guard seen.insert(link.costCentre).inserted else {
                throw BudgetWork.Failure.invalid(.init(field: "goal.\(link.costCentre)", path: "lines[\(index)].costCentre",
                                                       swedish: "Raden \(link.costCentre) står två gånger.", english: "a second link for the line"))
            }
        }
        let existing = try await Self.links(year, of: organisation, on: db)
        let before = Set(existing.map { Link(costCentre: $0.costCentre, document: $0.document, lineage: $0.lineage) })
        guard before != Set(links) else { return false }
        try await db.write { db in
            for row in existing { try await row.delete(on: db) }
            for link in links {
                let row = LineGoal()
                row.organisationID = organisationID
                row.year = year
                row.costCentre = link.costCentre
                row.document = link.document
                row.lineage = link.lineage
                row.example = false
                try await row.create(on: db)
            }
            try await AuditLog.record("line-goals.update", subject: String(year), actor: actor, organisationID: organisationID,
                                      after: links.map { "\($0.costCentre) → \($0.document)/\($0.lineage)" }.joined(separator: ", "), on: db)
        }
        return true
    }
}
