import Core
import Fluent
import Vapor

/// The organisation's open data: a page for people (what there is, how to fetch it, the licence)
/// and its lists as CSV. Public.
enum OpenDataController {
    /// The organisation's own lists; modules above add theirs through `OrganisationSlots.openDataSets`.
    static func ownSets(_ slug: String) -> [OpenDataSet] {
        [
            OpenDataSet(title: "Medlemmar", description: "Medlemskommunerna med SCB-kod, län och folkmängd.",
                        csv: OrganisationURL.membersCSV.link(slug), json: OrganisationURL.API.members.link(slug), order: 30),
            OpenDataSet(title: "Nätverk, forum och organ", description: "Varje nätverk, forum och organ med typ, sammankallande, vem som driver det och var det står i organisationen.",
                        csv: OrganisationURL.groupsCSV.link(slug), json: OrganisationURL.API.structure.link(slug), order: 40),
            OpenDataSet(title: "Samarbetsparter", description: "Organisationer som sammankallar eller deltar i nätverk, forum och organ.",
                        csv: OrganisationURL.partnersCSV.link(slug), json: OrganisationURL.API.structure.link(slug), order: 50),
        ]
    }

    @Sendable static func page(req: Request) async throws -> Response {
        try await req.cachedPage {
            let organisation = try await req.organisation()
            let sets = (ownSets(organisation.slug) + (try await req.application.pageSlots.items(OrganisationSlots.openDataSets, for: organisation, request: req)))
                .sorted { $0.order < $1.order }
            let example = try await MemberQuery.members(of: organisation, on: req.db).first.map(OrganisationDTO.init)
            return req.render(OpenDataShow.View(organisationSlug: organisation.slug, organisationName: organisation.name, sets: sets,
                                           example: try example.map { try APIJSON.pretty([$0]) }, licence: organisation.licence))
        }
    }

    @Sendable static func membersCSV(req: Request) async throws -> Response {
        let organisation = try await req.organisation()
        let members = try await MemberQuery.members(of: organisation, on: req.db)
        return try CSVTable(columns: ["slug", "name", "scbCode", "county", "population", "populationYear", "populationSource", "url"],
                            rows: members.map { member in
            [member.slug, member.name, member.scbCode ?? "", member.county ?? "", member.population.map(String.init) ?? "",
             member.populationYear.map(String.init) ?? "", member.populationSource ?? "", OrganisationURL.actor.link(organisation.slug, member.slug)]
        }).response(filename: "\(organisation.slug)-medlemmar.csv")
    }

    @Sendable static func groupsCSV(req: Request) async throws -> Response {
        let organisation = try await req.organisation()
        let structure = try await StructureQuery.load(organisationID: organisation.requireID(), on: req.db)
        return try CSVTable(columns: ["key", "name", "kind", "isBody", "reportsTo", "preparesFor", "runBy", "runByActor", "convener", "partners",
                                      "units", "url"],
                            rows: structure.groups.map { group in
            [group.key, group.name, group.kind.rawValue, group.isBody ? "true" : "false", group.reportsTo ?? "",
             CSVTable.list(group.preparesFor.map(\.body)), group.runBy ?? "", group.runByActor?.key ?? "",
             group.convener?.key ?? "", CSVTable.list(group.partners.map(\.key)),
             CSVTable.list(structure.listings(of: group.key).map(\.unit.key)), OrganisationURL.group.link(organisation.slug, group.key)]
        }).response(filename: "\(organisation.slug)-natverk-och-forum.csv")
    }

    @Sendable static func partnersCSV(req: Request) async throws -> Response {
        let organisation = try await req.organisation()
        let structure = try await StructureQuery.load(organisationID: organisation.requireID(), on: req.db)
        let actors = structure.partners.sorted { $0.name < $1.name }
        return try CSVTable(columns: ["key", "slug", "name", "kind", "groups", "url"], rows: actors.map { actor in
            [actor.key, actor.slug, actor.name, actor.kind.rawValue, CSVTable.list(structure.groups(involving: actor.key).map(\.key)),
             OrganisationURL.actor.link(organisation.slug, actor.slug)]
        }).response(filename: "\(organisation.slug)-samarbetsparter.csv")
    }
}
