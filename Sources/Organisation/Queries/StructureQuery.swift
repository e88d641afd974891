import Fluent
import Foundation

/// The organisation's groups (bodies, networks, forums) and units as other modules read them: by
/// key and name, as plain values. `load` gives the whole structure, for pages that show it.
extension StructureQuery {
    public struct Named: Sendable, Equatable, Hashable {
        public let key: String
        public let name: String
    }

    public enum Order: Sendable { case position, name }

    /// The organisation's groups (all, or those with one of `keys`), in the organisation's order or by name.
    public static func groups(organisationID: UUID, keys: Set<String>? = nil, by order: Order = .position,
                              on db: any Database) async throws -> [Named] {
        let query = Group.query(on: db).filter(\.$organisation.$id == organisationID)
        if let keys {
            guard !keys.isEmpty else { return [] }
            query.filter(\.$key ~~ Array(keys))
        }
        switch order {
        case .position: query.sort(\.$position)
        case .name: query.sort(\.$name)
        }
        return try await query.all().map { Named(key: $0.key, name: $0.name) }
    }

    /// One group of the organisation by its key.
    public static func group(organisationID: UUID, key: String, on db: any Database) async throws -> Named? {
        try await Group.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$key == key).first()
            .map { Named(key: $0.key, name: $0.name) }
    }

    /// The organisation's own units, in its order or by name.
    public static func units(organisationID: UUID, by order: Order = .position, on db: any Database) async throws -> [Named] {
        let query = Unit.query(on: db).filter(\.$organisation.$id == organisationID)
        switch order {
        case .position: query.sort(\.$position)
        case .name: query.sort(\.$name)
        }
        return try await query.all().map { Named(key: $0.key, name: $0.name) }
    }
}
