import Core
import Fluent
import Foundation

/// An organisation's units, bodies, networks, forums, people and seats as plain values:
/// the pages, the API and the export all read this one model.
public struct OrganisationStructure: Codable, Sendable, Equatable {
    /// A registry entry as others point at it.
    public struct Actor: Codable, Sendable, Equatable, Hashable {
        /// The SCB code for a municipality, otherwise the registry slug: what files refer to.
        public let key: String
        /// The address of its page.
        public let slug: String
        public let name: String
        public let kind: OrganisationKind

        public init(_ organisation: OrganisationRecord) {
            key = organisation.scbCode ?? organisation.slug
            slug = organisation.slug
            name = organisation.name
            kind = organisation.kind
        }
    }

    public struct Listing: Codable, Sendable, Equatable {
        public let heading: String
        public let groups: [String]
    }

    public struct UnitInfo: Codable, Sendable, Equatable {
        public let key: String
        public let name: String
        public let areasHeading: String?
        public let areas: [String]
        public let steeringHeading: String?
        public let steeringGroups: [String]
        public let listings: [Listing]
    }

    public struct SeatInfo: Codable, Sendable, Equatable {
        public let role: String
        /// A category of seats described without a count, not one seat.
        public let isCategory: Bool
        public let person: String?
        public let representing: Actor?
        public let from: String?
        public let to: String?
    }

    public struct GroupInfo: Codable, Sendable, Equatable {
        public let key: String
        public let name: String
        public let kind: GroupKind
        public let isBody: Bool
        public let mandate: String
        public let meetingRhythm: String?
        public let reportsTo: String?
        /// The unit through which the organisation runs it, where its documents say so.
        public let runBy: String?
        /// Another organisation that runs it, where the documents say so.
        public let runByActor: Actor?
        public let convener: Actor?
        public let partners: [Actor]
        public let preparesFor: [ExternalBody]
        public let seats: [SeatInfo]

        /// The other organisations it names: its runner, convener, partners and the owners of the bodies it prepares for.
        public var namedActors: [Actor] {
            [runByActor, convener].compactMap { $0 } + partners + preparesFor.compactMap(\.organisation)
        }
    }

    /// A body of another organisation (Region Norrbotten's board), named as the documents name it.
    public struct ExternalBody: Codable, Sendable, Equatable {
        public let body: String
        public let organisation: Actor?
    }

    /// A box of the organisation chart as a document draws it: the document's words, the body it
    /// is (if any), its row from the top, and the box it hangs from (a line is drawn only where
    /// the document's structure says so).
    public struct ChartBox: Codable, Sendable, Equatable {
        public let id: String
        public let label: String
        public let group: String?
        public let row: Int
        public let under: String?
        /// The person the box names, for a box that is a post rather than a body ("Förbundsdirektör").
        public let person: String?

        public init(id: String, label: String, group: String?, row: Int, under: String?, person: String? = nil) {
            self.id = id
            self.label = label
            self.group = group
            self.row = row
            self.under = under
            self.person = person
        }
    }

    public struct PersonInfo: Codable, Sendable, Equatable {
        public let key: String
        public let name: String
        public let title: String?
    }

    public let units: [UnitInfo]
    public let groups: [GroupInfo]
    public let people: [PersonInfo]
    /// The chart of the organisation's own documents; empty when they have none.
    public let chart: [ChartBox]

    public var bodies: [GroupInfo] { groups.filter(\.isBody) }
    public func group(_ key: String) -> GroupInfo? { groups.first { $0.key == key } }
    public func unit(_ key: String) -> UnitInfo? { units.first { $0.key == key } }
    public func person(_ key: String) -> PersonInfo? { people.first { $0.key == key } }

    /// Where the documents list a group: (unit, heading) pairs, plus the units it steers.
    public func listings(of key: String) -> [(unit: UnitInfo, heading: String)] {
        units.flatMap { unit in unit.listings.filter { $0.groups.contains(key) }.map { (unit, $0.heading) } }
    }

    public func steeredUnits(by key: String) -> [UnitInfo] { units.filter { $0.steeringGroups.contains(key) } }
    public func reporting(to key: String) -> [GroupInfo] { groups.filter { $0.reportsTo == key } }

    /// Everything in the structure that points at an actor: groups it convenes or takes part in, seats for it.
    public func groups(involving actor: String) -> [GroupInfo] {
        groups.filter { group in
            group.convener?.key == actor || group.runByActor?.key == actor || group.partners.contains { $0.key == actor }
                || group.preparesFor.contains { $0.organisation?.key == actor }
        }
    }

    /// The organisations that run, convene, take part in or are prepared for by its groups, once each.
    public var partners: [Actor] { unique(groups.flatMap(\.namedActors)) }

    /// Every registry entry the structure points at, seats' principals included, once each.
    public var actors: [Actor] { unique(groups.flatMap { $0.namedActors + $0.seats.compactMap(\.representing) }) }

    private func unique(_ actors: [Actor]) -> [Actor] {
        var seen = Set<String>()
        return actors.filter { seen.insert($0.key).inserted }
    }

    public func seats(representing actor: String) -> [(group: GroupInfo, seat: SeatInfo)] {
        groups.flatMap { group in group.seats.filter { $0.representing?.key == actor }.map { (group, $0) } }
    }

    public func seats(of person: String) -> [(group: GroupInfo, seat: SeatInfo)] {
        groups.flatMap { group in group.seats.filter { $0.person == person }.map { (group, $0) } }
    }
}

public enum StructureQuery {
    /// Loads the whole structure in seven queries.
    public static func load(organisationID: UUID, on db: any Database) async throws -> OrganisationStructure {
        let units = try await Unit.query(on: db).filter(\.$organisation.$id == organisationID).sort(\.$position).all()
        let groups = try await Group.query(on: db).filter(\.$organisation.$id == organisationID).sort(\.$position).all()
        let people = try await Person.query(on: db).filter(\.$organisation.$id == organisationID).sort(\.$key).all()
        let groupIDs = groups.compactMap(\.id)
        let listings = groupIDs.isEmpty ? [] : try await Listing.query(on: db).filter(\.$group.$id ~~ groupIDs).all()
        let seats = groupIDs.isEmpty ? [] : try await Seat.query(on: db).filter(\.$group.$id ~~ groupIDs).sort(\.$position).all()

        let actorIDs = Set(groups.compactMap(\.$convener.id) + seats.compactMap(\.$representing.id))
        let partnerKeys = Set(groups.flatMap { $0.partners + [$0.runByActor].compactMap { $0 } + $0.preparesFor.compactMap(\.organisation) })
        let actors = try await RegistryQuery.actors(ids: actorIDs, keys: partnerKeys, on: db)
        let actorByID = Dictionary(uniqueKeysWithValues: actors.compactMap { organisation in organisation.id.map { ($0, organisation) } })
        let actorByKey = Dictionary(actors.map { ($0.scbCode ?? $0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        let unitKey = Dictionary(uniqueKeysWithValues: units.compactMap { unit in unit.id.map { ($0, unit.key) } })
        let groupKey = Dictionary(uniqueKeysWithValues: groups.compactMap { group in group.id.map { ($0, group.key) } })
        let personKey = Dictionary(uniqueKeysWithValues: people.compactMap { person in person.id.map { ($0, person.key) } })
        let seatsByGroup = Dictionary(grouping: seats, by: \.$group.id)

        let chartJSON = try await OrganisationRecord.find(organisationID, on: db)?.chartJSON ?? "[]"
        let chart: [OrganisationStructure.ChartBox] = JSONColumn.decode([OrganisationStructure.ChartBox].self, from: chartJSON, default: [])
        return OrganisationStructure(
            units: units.map { unit in
                let own = listings.filter { $0.$unit.id == unit.id }.sorted { ($0.headingPosition, $0.position) < ($1.headingPosition, $1.position) }
                var grouped: [OrganisationStructure.Listing] = []
                for listing in own {
                    let key = groupKey[listing.$group.id] ?? ""
                    if grouped.last?.heading == listing.heading {
                        grouped[grouped.count - 1] = .init(heading: listing.heading, groups: grouped[grouped.count - 1].groups + [key])
                    } else {
                        grouped.append(.init(heading: listing.heading, groups: [key]))
                    }
                }
                return .init(key: unit.key, name: unit.name, areasHeading: unit.areasHeading, areas: unit.areas,
                             steeringHeading: unit.steeringHeading, steeringGroups: unit.steeringGroups, listings: grouped)
            },
            groups: groups.map { group in
                .init(key: group.key, name: group.name, kind: group.kind, isBody: group.isBody, mandate: group.mandate,
                      meetingRhythm: group.meetingRhythm,
                      reportsTo: group.$reportsTo.id.flatMap { groupKey[$0] },
                      runBy: group.$runBy.id.flatMap { unitKey[$0] },
                      runByActor: group.runByActor.flatMap { actorByKey[$0] }.map(OrganisationStructure.Actor.init),
                      convener: group.$convener.id.flatMap { actorByID[$0] }.map(OrganisationStructure.Actor.init),
                      partners: group.partners.compactMap { actorByKey[$0] }.map(OrganisationStructure.Actor.init),
                      preparesFor: group.preparesFor.map { external in
                          .init(body: external.body, organisation: external.organisation.flatMap { actorByKey[$0] }.map(OrganisationStructure.Actor.init))
                      },
                      seats: (seatsByGroup[group.id!] ?? []).map { seat in
                          .init(role: seat.role, isCategory: seat.isCategory, person: seat.$person.id.flatMap { personKey[$0] },
                                representing: seat.$representing.id.flatMap { actorByID[$0] }.map(OrganisationStructure.Actor.init),
                                from: seat.startsOn, to: seat.endsOn)
                      })
            },
            people: people.map { .init(key: $0.key, name: $0.name, title: $0.title) },
            chart: chart
        )
    }
}

/// Looks up registry entries by id or by key (SCB code or slug).
public enum RegistryQuery {
    public static func actors(ids: Set<UUID>, keys: Set<String>, on db: any Database) async throws -> [OrganisationRecord] {
        var found: [OrganisationRecord] = []
        if !ids.isEmpty { found += try await OrganisationRecord.query(on: db).filter(\.$id ~~ Array(ids)).all() }
        let codes = keys.filter { $0.count == 4 && $0.allSatisfy(\.isNumber) }
        let slugs = keys.subtracting(codes)
        if !codes.isEmpty { found += try await OrganisationRecord.query(on: db).filter(\.$scbCode ~~ Array(codes)).all() }
        if !slugs.isEmpty { found += try await OrganisationRecord.query(on: db).filter(\.$slug ~~ Array(slugs)).all() }
        var seen = Set<UUID>()
        return found.filter { seen.insert($0.id!).inserted }
    }

    /// One registry entry by its key (SCB code or slug) or by its page slug.
    public static func actor(_ key: String, on db: any Database) async throws -> OrganisationRecord? {
        if key.count == 4, key.allSatisfy(\.isNumber) {
            return try await OrganisationRecord.query(on: db).filter(\.$scbCode == key).first()
        }
        return try await OrganisationRecord.query(on: db).filter(\.$slug == key).first()
    }
}
