import Core
import Organisation
import Plans
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
        let actor: APIController.OrganisationDTO
        let key: String
        let isMember: Bool
        let convenes: [String]
        let takesPartIn: [String]
        let seats: [SeatDTO]
        let activities: [PageLink]
    }

    /// What a request for a group needs: the organisation, its structure, the group and its activities.
    static func group(_ req: Request) async throws -> (OrganisationRecord, OrganisationStructure, OrganisationStructure.GroupInfo, [PageLink]) {
        let organisation = try await req.store.organisation(req.requiredParameter("org"))
        let structure = try await req.store.structure(organisation)
        let key = try req.requiredParameter("group")
        guard let group = structure.group(key) else { throw Abort(.notFound, reason: "no body, network or forum \"\(key)\"") }
        let activities = try await req.store.activities(organisation) { $0.networks.contains(key) }
        return (organisation, structure, group, activities)
    }

    static func actor(_ req: Request) async throws -> (OrganisationRecord, OrganisationStructure, OrganisationRecord, Bool, [PageLink]) {
        let organisation = try await req.store.organisation(req.requiredParameter("org"))
        let slug = try req.requiredParameter("actor")
        guard let actor = try await RegistryQuery.actor(slug, on: req.db) else {
            throw Abort(.notFound, reason: "no organisation \"\(slug)\" in the registry")
        }
        let key = actor.scbCode ?? actor.slug
        let structure = try await req.store.structure(organisation)
        let isMember = try await req.store.members(organisation).contains { $0.id == actor.id }
        let activities = try await req.store.activities(organisation) { $0.partners.contains(key) }
        return (organisation, structure, actor, isMember, activities)
    }

    // MARK: pages

    @Sendable static func overview(req: Request) async throws -> Response {
        try await req.application.pageCache.respond(to: req) {
            let organisation = try await req.store.organisation(req.requiredParameter("org"))
            return StructureShow.View(organisationSlug: organisation.slug, organisationName: organisation.name,
                                      structure: try await req.store.structure(organisation)).document().render()
        }
    }

    @Sendable static func groupPage(req: Request) async throws -> Response {
        try await req.application.pageCache.respond(to: req) {
            let (organisation, structure, group, activities) = try await group(req)
            return GroupShow.View(organisationSlug: organisation.slug, organisationName: organisation.name, structure: structure,
                                  group: group, activities: activities).document().render()
        }
    }

    @Sendable static func unitPage(req: Request) async throws -> Response {
        try await req.application.pageCache.respond(to: req) {
            let organisation = try await req.store.organisation(req.requiredParameter("org"))
            let structure = try await req.store.structure(organisation)
            let key = try req.requiredParameter("unit")
            guard let unit = structure.unit(key) else { throw Abort(.notFound, reason: "no unit \"\(key)\"") }
            return UnitShow.View(organisationSlug: organisation.slug, organisationName: organisation.name, structure: structure, unit: unit)
                .document().render()
        }
    }

    @Sendable static func actorPage(req: Request) async throws -> Response {
        try await req.application.pageCache.respond(to: req) {
            let (organisation, structure, actor, isMember, activities) = try await actor(req)
            return ActorShow.View(organisationSlug: organisation.slug, organisationName: organisation.name, actor: actor,
                                  isMember: isMember, structure: structure, activities: activities).document().render()
        }
    }

    @Sendable static func peoplePage(req: Request) async throws -> Response {
        try await req.application.pageCache.respond(to: req) {
            let organisation = try await req.store.organisation(req.requiredParameter("org"))
            return PeopleIndex.View(organisationSlug: organisation.slug, organisationName: organisation.name,
                                    structure: try await req.store.structure(organisation)).document().render()
        }
    }

    @Sendable static func personPage(req: Request) async throws -> Response {
        try await req.application.pageCache.respond(to: req) {
            let organisation = try await req.store.organisation(req.requiredParameter("org"))
            let structure = try await req.store.structure(organisation)
            let key = try req.requiredParameter("person")
            guard let person = structure.person(key) else { throw Abort(.notFound, reason: "no person \"\(key)\"") }
            return PersonShow.View(organisationSlug: organisation.slug, organisationName: organisation.name, structure: structure, person: person)
                .document().render()
        }
    }

    // MARK: API

    @Sendable static func structureJSON(req: Request) async throws -> Response {
        try await APIController.cached(req) {
            try await req.store.structure(try await req.store.organisation(req.requiredParameter("org")))
        }
    }

    @Sendable static func groupJSON(req: Request) async throws -> Response {
        try await APIController.cached(req) {
            let (_, structure, group, activities) = try await group(req)
            return GroupDetailDTO(
                group: group,
                listedUnder: structure.listings(of: group.key).map { .init(unit: $0.unit.key, heading: $0.heading) },
                steersUnits: structure.steeredUnits(by: group.key).map(\.key),
                preparedBy: structure.reporting(to: group.key).map(\.key),
                activities: activities)
        }
    }

    @Sendable static func unitJSON(req: Request) async throws -> Response {
        try await APIController.cached(req) {
            let structure = try await req.store.structure(try await req.store.organisation(req.requiredParameter("org")))
            let key = try req.requiredParameter("unit")
            guard let unit = structure.unit(key) else { throw Abort(.notFound, reason: "no unit \"\(key)\"") }
            return unit
        }
    }

    @Sendable static func actorJSON(req: Request) async throws -> Response {
        try await APIController.cached(req) {
            let (_, structure, actor, isMember, activities) = try await actor(req)
            let key = actor.scbCode ?? actor.slug
            return ActorDetailDTO(
                actor: .init(actor), key: key, isMember: isMember,
                convenes: structure.groups.filter { $0.convener?.key == key }.map(\.key),
                takesPartIn: structure.groups.filter { $0.partners.contains { $0.key == key } }.map(\.key),
                seats: structure.seats(representing: key).map { .init(group: $0.group.key, seat: $0.seat) },
                activities: activities)
        }
    }
}
