import Fluent
import Foundation
import SQLKit
import ReferenceData

public struct CreateOrganisationOrganisations: AsyncMigration {
    public init() {}
    public var name: String { "0001-organisation-create-organisations" }

    public func prepare(on database: any Database) async throws {
        try await database.schema(OrganisationRecord.schema)
            .id()
            .field("slug", .string, .required)
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .field("scb_code", .string)
            .field("county", .string)
            .field("population", .int)
            .field("population_year", .int)
            .unique(on: "slug")
            .unique(on: "scb_code")
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(OrganisationRecord.schema).delete()
    }
}

public struct CreateOrganisationMemberships: AsyncMigration {
    public init() {}
    public var name: String { "0002-organisation-create-memberships" }

    public func prepare(on database: any Database) async throws {
        try await database.schema(Membership.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationRecord.schema, "id", onDelete: .cascade))
            .field("member_id", .uuid, .required, .references(OrganisationRecord.schema, "id", onDelete: .cascade))
            .field("position", .int, .required)
            .unique(on: "organisation_id", "member_id")
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(Membership.schema).delete()
    }
}

/// Puts the 290 Swedish municipalities into the registry, so that any organisation
/// can point at them by SCB code. Idempotent: existing codes are left alone.
public struct SeedOrganisationMunicipalities: AsyncMigration {
    public init() {}
    public var name: String { "0003-organisation-seed-municipalities" }

    /// Written with the columns this migration's table has, not through the model: later
    /// migrations add columns the model knows and this point in the history does not.
    public func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        let existing = Set(try await sql.select().column("scb_code").from(OrganisationRecord.schema).where("scb_code", .isNot, SQLLiteral.null)
            .all().compactMap { try? $0.decode(column: "scb_code", as: String.self) })
        try await database.transaction { database in
            let sql = database as! any SQLDatabase
            // A hundred rows to a statement: every test database runs this.
            let missing = Municipalities.all.filter { !existing.contains($0.scbCode) }
            for start in stride(from: 0, to: missing.count, by: 100) {
                let insert = sql.insert(into: OrganisationRecord.schema)
                    .columns("id", "slug", "kind", "name", "scb_code", "county", "population", "population_year")
                for municipality in missing[start..<min(start + 100, missing.count)] {
                    insert.values(SQLBind(UUID()), SQLBind(municipality.slug), SQLBind(OrganisationKind.kommun.rawValue), SQLBind(municipality.name),
                                  SQLBind(municipality.scbCode), SQLBind(municipality.countyName), SQLBind(municipality.population),
                                  SQLBind(municipality.populationYear))
                }
                try await insert.run()
            }
        }
    }

    public func revert(on database: any Database) async throws {
        try await OrganisationRecord.query(on: database).filter(\.$kind == .kommun).delete()
    }
}
