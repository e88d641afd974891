import Fluent
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

    public func prepare(on database: any Database) async throws {
        let existing = Set(try await OrganisationRecord.query(on: database).filter(\.$scbCode != nil).all().compactMap(\.scbCode))
        try await database.transaction { database in
            for municipality in Municipalities.all where !existing.contains(municipality.scbCode) {
                try await OrganisationRecord(slug: municipality.slug, kind: .kommun, name: municipality.name, scbCode: municipality.scbCode,
                                             county: municipality.countyName, population: municipality.population,
                                             populationYear: municipality.populationYear).create(on: database)
            }
        }
    }

    public func revert(on database: any Database) async throws {
        try await OrganisationRecord.query(on: database).filter(\.$kind == .kommun).delete()
    }
}
