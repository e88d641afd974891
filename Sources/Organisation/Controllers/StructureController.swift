import Core
import Fluent
import Plot
import Vapor

/// The organisation's structure as pages and as JSON. Public: the structure is published.
enum StructureController {
    struct GroupDetailDTO: Content {
        struct Place: Content {
            let unit: String
            let heading: String
        }
        let group: OrganisationStructure.GroupInfo
        let listedUnder: [Place]
        let steersUnits: [String]
        let preparedBy: [String]
        let activities: [PageLink]
    }

    struct ActorDetailDTO: Content {
        struct SeatDTO: Content {
            let group: String
            let seat: OrganisationStructure.SeatInfo
        }
        let actor: OrganisationDTO
        let key: String
        let isMember: Bool
        let convenes: [String]
        let takesPartIn: [String]
        let seats: [SeatDTO]
        let activities: [PageLink]
    }

    /// What a request for a group needs: the organisation, its structure, the group and what other modules link to it.
    struct GroupRequest {
        let organisation: OrganisationRecord
        let structure: OrganisationStructure
        let group: OrganisationStructure.GroupInfo
        let activities: [PageLink]
    }

    static func group(_ req: Request) async throws -> GroupRequest {
        let organisation = try await req.organisation()
        let structure = try await StructureQuery.load(organisationID: organisation.requireID(), on: req.db)
        let key = try req.requiredParameter("group")
        guard let group = structure.group(key) else { throw Abort(.notFound, reason: "no body, network or forum \"\(key)\"") }
        let activities = try await req.application.pageSlots.items(OrganisationSlots.groupActivities,
                                                                   for: .init(organisation: organisation, key: key), request: req)
        return GroupRequest(organisation: organisation, structure: structure, group: group, activities: activities)
    }

    /// What a request for an actor needs: the organisation, its structure, the actor, whether it is a member, and links to it.
    struct ActorRequest {
        let organisation: OrganisationRecord
        let structure: OrganisationStructure
        let actor: OrganisationRecord
        let isMember: Bool
        let activities: [PageLink]
        let sections: [PageSection]
    }

    static func actor(_ req: Request) async throws -> ActorRequest {
        let organisation = try await req.organisation()
        let slug = try req.requiredParameter("actor")
        guard let actor = try await RegistryQuery.actor(slug, on: req.db) else {
            throw Abort(.notFound, reason: "no organisation \"\(slug)\" in the registry")
        }
        let key = actor.scbCode ?? actor.slug
        let structure = try await StructureQuery.load(organisationID: organisation.requireID(), on: req.db)
        let isMember = try await MemberQuery.members(of: organisation, on: req.db).contains { $0.id == actor.id }
        let activities = try await req.application.pageSlots.items(OrganisationSlots.actorActivities,
                                                                   for: .init(organisation: organisation, key: key), request: req)
        let sections = try await req.application.pageSlots.items(OrganisationSlots.actorSections, for: .init(organisation: organisation, key: key), request: req)
        return ActorRequest(organisation: organisation, structure: structure, actor: actor, isMember: isMember, activities: activities, sections: sections)
    }

    static func structure(_ req: Request) async throws -> (OrganisationRecord, OrganisationStructure) {
        let organisation = try await req.organisation()
        return (organisation, try await StructureQuery.load(organisationID: organisation.requireID(), on: req.db))
    }

    // MARK: pages

    @Sendable static func overview(req: Request) async throws -> Response {
        try await req.cachedPage {
            let (organisation, structure) = try await structure(req)
            return req.render(StructureShow.View(organisationSlug: organisation.slug, organisationName: organisation.name, structure: structure))
        }
    }

    @Sendable static func groupPage(req: Request) async throws -> Response {
        try await req.cachedPage {
            let found = try await group(req)
            return req.render(GroupShow.View(organisationSlug: found.organisation.slug, organisationName: found.organisation.name,
                                             structure: found.structure, group: found.group, activities: found.activities))
        }
    }

    @Sendable static func unitPage(req: Request) async throws -> Response {
        try await req.cachedPage {
            let (organisation, structure) = try await structure(req)
            let key = try req.requiredParameter("unit")
            guard let unit = structure.unit(key) else { throw Abort(.notFound, reason: "no unit \"\(key)\"") }
            return req.render(UnitShow.View(organisationSlug: organisation.slug, organisationName: organisation.name, structure: structure, unit: unit))
        }
    }

    @Sendable static func actorPage(req: Request) async throws -> Response {
        try await req.cachedPage {
            let found = try await actor(req)
            return req.render(ActorShow.View(organisationSlug: found.organisation.slug, organisationName: found.organisation.name, actor: found.actor,
                                             isMember: found.isMember, structure: found.structure, activities: found.activities,
                                             sections: found.sections))
        }
    }

    @Sendable static func peoplePage(req: Request) async throws -> Response {
        try await req.cachedPage {
            let (organisation, structure) = try await structure(req)
            return req.render(PeopleIndex.View(organisationSlug: organisation.slug, organisationName: organisation.name, structure: structure))
        }
    }

    @Sendable static func personPage(req: Request) async throws -> Response {
        try await req.cachedPage {
            let (organisation, structure) = try await structure(req)
            let key = try req.requiredParameter("person")
            guard let person = structure.person(key) else { throw Abort(.notFound, reason: "no person \"\(key)\"") }
            return req.render(PersonShow.View(organisationSlug: organisation.slug, organisationName: organisation.name, structure: structure, person: person))
        }
    }

    // MARK: API

    @Sendable static func structureJSON(req: Request) async throws -> Response {
        try await req.cachedJSON { try await structure(req).1 }
    }

    @Sendable static func groupJSON(req: Request) async throws -> Response {
        try await req.cachedJSON {
            let found = try await group(req)
            return GroupDetailDTO(
                group: found.group,
                listedUnder: found.structure.listings(of: found.group.key).map { .init(unit: $0.unit.key, heading: $0.heading) },
                steersUnits: found.structure.steeredUnits(by: found.group.key).map(\.key),
                preparedBy: found.structure.reporting(to: found.group.key).map(\.key),
                activities: found.activities)
        }
    }

    @Sendable static func unitJSON(req: Request) async throws -> Response {
        try await req.cachedJSON {
            let key = try req.requiredParameter("unit")
            guard let unit = try await structure(req).1.unit(key) else { throw Abort(.notFound, reason: "no unit \"\(key)\"") }
            return unit
        }
    }

    @Sendable static func actorJSON(req: Request) async throws -> Response {
        try await req.cachedJSON {
            let found = try await actor(req)
            let key = found.actor.scbCode ?? found.actor.slug
            return ActorDetailDTO(
                actor: .init(found.actor), key: key, isMember: found.isMember,
                convenes: found.structure.groups.filter { $0.convener?.key == key }.map(\.key),
                takesPartIn: found.structure.groups.filter { $0.partners.contains { $0.key == key } }.map(\.key),
                seats: found.structure.seats(representing: key).map { .init(group: $0.group.key, seat: $0.seat) },
                activities: found.activities)
        }
    }
}

/// Places on Organisation's pages that modules above it fill.
public enum OrganisationSlots {
    /// A body, network, forum or registry entry seen from one organisation.
    public struct Subject: Sendable {
        public let organisation: OrganisationRecord
        /// The group's key, or the actor's registry key (SCB code or slug).
        public let key: String
    }

    /// What involves a body, network or forum (key activities, later decisions and agreements).
    public static let groupActivities = PageSlot<Subject, PageLink>("organisation.group-activities")
    /// What involves a member or partner.
    public static let actorActivities = PageSlot<Subject, PageLink>("organisation.actor-activities")
    /// Whole sections of a member's or partner's page from modules above (the agreements it is party to).
    public static let actorSections = PageSlot<Subject, PageSection>("organisation.actor-sections")

    /// The lists other modules offer as open data on the organisation's open data page.
    public static let openDataSets = PageSlot<OrganisationRecord, OpenDataSet>("organisation.open-data-sets")
}
