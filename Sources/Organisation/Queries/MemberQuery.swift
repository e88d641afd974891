import Fluent

/// The members of an organisation (the municipalities that own a kommunförbund), in the order
/// the organisation lists them.
public enum MemberQuery {
    public static func members(of organisation: OrganisationRecord, on db: any Database) async throws -> [OrganisationRecord] {
        try await Membership.query(on: db)
            .filter(\.$organisation.$id == organisation.requireID())
            .with(\.$member)
            .sort(\.$position)
            .all()
            .map(\.member)
    }
}
