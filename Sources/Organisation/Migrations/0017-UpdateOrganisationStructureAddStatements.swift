import Fluent
import ReferenceData
import SQLKit

/// What the documents state and the first structure did not hold: another organisation that runs
/// a network, bodies of other organisations a body prepares for, seats described without a count,
/// a unit's own heading over its steering groups, and the source of each population figure.
public struct UpdateOrganisationStructureAddStatements: AsyncMigration {
    public init() {}
    public var name: String { "0017-organisation-structure-add-statements" }

    public func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds one column per ALTER TABLE.
        try await database.schema(Group.schema).field("run_by_actor", .string).update()
        try await database.schema(Group.schema).field("prepares_for", .string).update()
        try await database.schema(Seat.schema).field("is_category", .bool, .required, .custom(SQLColumnConstraintAlgorithm.default(false))).update()
        try await database.schema(Unit.schema).field("steering_heading", .string).update()
        try await database.schema(OrganisationRecord.schema).field("population_source", .string).update()
        // The municipalities seeded by 0003 get the source of their figure from the same reference file.
        try await database.transaction { database in
            let sql = database as! any SQLDatabase
            // One statement per source and year (there is one of each): every test database runs this.
            let groups = Dictionary(grouping: Municipalities.all.filter { $0.populationSource != nil }) {
                "\($0.populationSource!)\u{0}\($0.populationYear)"
            }
            for municipalities in groups.values {
                let first = municipalities[0]
                try await sql.update(OrganisationRecord.schema).set("population_source", to: SQLBind(first.populationSource!))
                    .where("scb_code", .in, SQLBind.group(municipalities.map(\.scbCode)))
                    .where("population_year", .equal, SQLBind(first.populationYear))
                    .run()
            }
        }
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(OrganisationRecord.schema).deleteField("population_source").update()
        try await database.schema(Unit.schema).deleteField("steering_heading").update()
        try await database.schema(Seat.schema).deleteField("is_category").update()
        try await database.schema(Group.schema).deleteField("prepares_for").update()
        try await database.schema(Group.schema).deleteField("run_by_actor").update()
    }
}
