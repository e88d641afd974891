import Fluent
import Foundation

/// The members of an organisation (the municipalities that own a kommunförbund), in the order
/// the organisation lists them.
public enum MemberQuery {
    public static func members(of organisation: OrganisationRecord, on db: any Database) async throws -> [OrganisationRecord] {
        try await members(organisationID: organisation.requireID(), on: db)
    }

    public static func members(organisationID: UUID, on db: any Database) async throws -> [OrganisationRecord] {
        try await Membership.query(on: db)
            .filter(\.$organisation.$id == organisationID)
            .with(\.$member)
            .sort(\.$position)
            .all()
            .map(\.member)
    }

    /// The ids of the organisations that have members.
    public static func organisationsWithMembers(on db: any Database) async throws -> Set<UUID> {
        Set(try await Membership.query(on: db).unique().all(\.$organisation.$id))
    }
}
