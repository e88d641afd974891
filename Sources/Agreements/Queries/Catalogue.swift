import Auth
import Core
import Fluent
import Foundation
import Organisation
import Plans

/// What an agreement of one organisation may refer to, with the names pages show: registry
/// organisations, the members, the structure's units and networks, the goals and key activities of
/// the organisation's public documents, and the users who may be responsible for a review.
public struct Catalogue: Sendable {
    /// A goal or key activity as Plans lists it, referred to as agreements refer to nodes.
    @dynamicMemberLookup
    public struct Node: Sendable, Equatable {
        public let node: PublicNode
        public var reference: AgreementSpec.NodeReference { .init(document: node.document, lineage: node.lineage) }
        public subscript<T>(dynamicMember path: KeyPath<PublicNode, T>) -> T { node[keyPath: path] }
    }

    public let organisation: OrganisationRecord
    /// Registry entries by key (SCB code or slug), the organisation itself included (a party to its own agreements).
    public let registry: [String: OrganisationRecord]
    public let memberKeys: [String]
    public let units: [(key: String, name: String)]
    public let networks: [(key: String, name: String)]
    public let nodes: [Node]
    /// The titles of the organisation's public documents, by slug.
    public let documentTitles: [String: String]
    /// Users with a role in the organisation: e-mail (lower case) and name.
    public let people: [(email: String, name: String)]

    public static func key(of record: OrganisationRecord) -> String { record.scbCode ?? record.slug }

    public static func load(_ organisation: OrganisationRecord, on db: any Database) async throws -> Catalogue {
        let organisationID = try organisation.requireID()
        let registry = try await OrganisationRecord.query(on: db).all()
        let members = try await MemberQuery.members(of: organisation, on: db)
        let units = try await StructureQuery.units(organisationID: organisationID, on: db)
        let groups = try await StructureQuery.groups(organisationID: organisationID, by: .name, on: db)
        var people: [String: String] = [:]
        for holder in try await RoleQuery.holders(in: organisationID, on: db) { people[holder.user.email.lowercased()] = holder.user.name }
        return Catalogue(
            organisation: organisation,
            registry: Dictionary(registry.map { (key(of: $0), $0) }, uniquingKeysWith: { first, _ in first }),
            memberKeys: members.map(key(of:)),
            units: units.map { ($0.key, $0.name) }, networks: groups.map { ($0.key, $0.name) },
            nodes: try await nodes(of: organisation, on: db),
            documentTitles: Dictionary(try await DocumentQuery.summaries(organisationID: organisationID, on: db).map { ($0.slug, $0.title) },
                                       uniquingKeysWith: { first, _ in first }),
            people: people.sorted { $0.value < $1.value }.map { ($0.key, $0.value) })
    }

    /// The goals and key activities of each public document at its newest public version.
    static func nodes(of organisation: OrganisationRecord, on db: any Database) async throws -> [Node] {
        try await PublicNodes.list(of: organisation, on: db).map(Node.init)
    }

    public func node(_ reference: AgreementSpec.NodeReference) -> Node? { nodes.first { $0.reference == reference } }

    /// The kind of organisation a party is, where the registry knows it; the members' kind for "the members".
    public func kinds(of party: AgreementSpec.Party) -> [OrganisationKind] {
        if let key = party.organisation { return registry[key].map { [$0.kind] } ?? [] }
        if party.members == true { return Array(Set(memberKeys.compactMap { registry[$0]?.kind })) }
        return []
    }
    public var activities: [Node] { nodes.filter(\.isActivity) }
    public var goals: [Node] { nodes.filter { !$0.isActivity } }

    /// A party as a page names it: the registry's name, "Medlemmarna (N kommuner)", or the description.
    public func name(of party: AgreementSpec.Party) -> String {
        if party.members == true { return "\(organisation.name)s medlemmar (\(memberKeys.count))" }
        if let key = party.organisation { return registry[key]?.name ?? key }
        return party.description ?? ""
    }

    /// Whether the party binds the registry entry with this key (a member is bound by "the members").
    public func binds(_ party: AgreementSpec.Party, key: String) -> Bool {
        party.organisation == key || (party.members == true && memberKeys.contains(key))
    }
}
