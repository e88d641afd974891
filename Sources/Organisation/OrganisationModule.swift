import Auth
import Core
import Fluent
import SQLKit
import Vapor

/// The shared registry of organisations, each organisation's members and structure, roles per
/// organisation, and their pages and API.
public enum OrganisationModule: AppModule {
    public static var migrations: [any Migration] {
        [CreateOrganisationOrganisations(), CreateOrganisationMemberships(), SeedOrganisationMunicipalities(), CreateOrganisationStructure(), UpdateOrganisationAddLicence(), UpdateOrganisationAddChart(),
         UpdateOrganisationStructureAddStatements(), CreateOrganisationMeetings()]
    }

    public static func routes(_ routes: ModuleRoutes) throws {
        typealias URL = OrganisationURL
        routes.pages.get(URL.members.pathComponents, use: MemberController.page)
        routes.pages.get(URL.structure.pathComponents, use: StructureController.overview)
        routes.pages.get(URL.group.pathComponents, use: StructureController.groupPage)
        routes.pages.get(URL.unit.pathComponents, use: StructureController.unitPage)
        routes.pages.get(URL.actor.pathComponents, use: StructureController.actorPage)
        routes.pages.get(URL.people.pathComponents, use: StructureController.peoplePage)
        routes.pages.get(URL.person.pathComponents, use: StructureController.personPage)

        routes.pages.get(URL.openData.pathComponents, use: OpenDataController.page)
        routes.pages.get(URL.membersCSV.pathComponents, use: OpenDataController.membersCSV)
        routes.pages.get(URL.groupsCSV.pathComponents, use: OpenDataController.groupsCSV)
        routes.pages.get(URL.partnersCSV.pathComponents, use: OpenDataController.partnersCSV)

        routes.pages.get(URL.meetings.pathComponents, use: MeetingController.list)
        routes.pages.get(URL.meeting.pathComponents, use: MeetingController.show).reads("klart")

        let form: HTTPBodyStreamStrategy = .collect(maxSize: "16kb")
        routes.signedIn.get(URL.newMeeting.pathComponents, use: MeetingController.newForm)
        routes.signedIn.on(.POST, URL.newMeeting.pathComponents, body: .collect(maxSize: "128kb"), use: MeetingController.create)
        routes.signedIn.get(URL.editMeeting.pathComponents, use: MeetingController.editForm)
        routes.signedIn.on(.POST, URL.editMeeting.pathComponents, body: .collect(maxSize: "128kb"), use: MeetingController.update)
        routes.signedIn.get(URL.auditTrail.pathComponents, use: AdminController.audit).reads("dokument", "punkt", "anvandare", "fran", "till", "sida")
        routes.signedIn.get(URL.outbox.pathComponents, use: AdminController.outbox)
        routes.signedIn.get(URL.users.pathComponents, use: AdminController.users)
        routes.signedIn.get(URL.newUser.pathComponents, use: AdminController.newUserForm)
        routes.signedIn.on(.POST, URL.users.pathComponents, body: form, use: AdminController.createUser)
        routes.signedIn.on(.POST, URL.newUser.pathComponents, body: form, use: AdminController.createUser)
        routes.signedIn.get(URL.grantRole.pathComponents, use: AdminController.grantRoleForm)
        routes.signedIn.on(.POST, URL.grantRole.pathComponents, body: form, use: AdminController.grantRole)
        routes.signedIn.get(URL.revokeRole.pathComponents, use: AdminController.revokeRoleForm).reads("epost", "roll")
        routes.signedIn.on(.POST, URL.revokeRole.pathComponents, body: form, use: AdminController.revokeRole)
        routes.signedIn.get(URL.account.pathComponents, use: AdminController.accountForm).reads("epost")
        routes.signedIn.on(.POST, URL.account.pathComponents, body: form, use: AdminController.setAccount)

        routes.publicAPI.get(URL.API.municipalities.pathComponents, use: MemberController.municipalities).describe(OrganisationOpenAPI.municipalities)
        routes.publicAPI.get(URL.API.members.pathComponents, use: MemberController.json).describe(OrganisationOpenAPI.members)
        routes.publicAPI.get(URL.API.structure.pathComponents, use: StructureController.structureJSON).describe(OrganisationOpenAPI.structure)
        routes.publicAPI.get(URL.API.group.pathComponents, use: StructureController.groupJSON).describe(OrganisationOpenAPI.group)
        routes.publicAPI.get(URL.API.unit.pathComponents, use: StructureController.unitJSON).describe(OrganisationOpenAPI.unit)
        routes.publicAPI.get(URL.API.actor.pathComponents, use: StructureController.actorJSON).describe(OrganisationOpenAPI.actor)
        routes.publicAPI.get(URL.API.meetings.pathComponents, use: MeetingController.listJSON).describe(OrganisationOpenAPI.meetings)
        routes.publicAPI.get(URL.API.meeting.pathComponents, use: MeetingController.showJSON).describe(OrganisationOpenAPI.meeting)
        routes.tokenAPI.on(.POST, URL.API.meetings.pathComponents, body: .collect(maxSize: "128kb"), use: MeetingController.createJSON)
            .describe(OrganisationOpenAPI.createMeeting)
        routes.tokenAPI.on(.PUT, URL.API.meeting.pathComponents, body: .collect(maxSize: "128kb"), use: MeetingController.replaceJSON)
            .describe(OrganisationOpenAPI.replaceMeeting)
    }

    public static var openAPI: OpenAPIComponents { OrganisationOpenAPI.components }

    public static var fileSections: [any InterchangeSection.Type] { [OrganisationSection.self] }

    /// The members, the structure with every body, network, unit, person and organisation it names, and open data.
    public static func sitemap(for organisation: String, on req: Request) async throws -> [String] {
        guard let record = try await OrganisationRecord.query(on: req.db).filter(\.$slug == organisation).first() else { return [] }
        let structure = try await StructureQuery.load(organisationID: record.requireID(), on: req.db)
        let members = try await MemberQuery.members(of: record, on: req.db)
        let actors = Set(members.map(\.slug) + structure.actors.map(\.slug))
        let meetings = try await Meeting.query(on: req.db).filter(\.$organisation.$id == record.requireID()).sort(\.$key).all()
        return [OrganisationURL.members.link(organisation), OrganisationURL.structure.link(organisation), OrganisationURL.people.link(organisation),
                OrganisationURL.openData.link(organisation)]
            + (meetings.isEmpty ? [] : [OrganisationURL.meetings.link(organisation)] + meetings.map { OrganisationURL.meeting.link(organisation, $0.key) })
            + structure.groups.map { OrganisationURL.group.link(organisation, $0.key) }
            + structure.units.map { OrganisationURL.unit.link(organisation, $0.key) }
            + structure.people.map { OrganisationURL.person.link(organisation, $0.key) }
            + actors.sorted().map { OrganisationURL.actor.link(organisation, $0) }
    }

    /// The structure and the members where the organisation has them; its open data always.
    public static func navigation(tenant: Tenant, on db: any Database) async throws -> [NavigationEntry] {
        // One query: every tenant page asks it when the page cache misses.
        struct Has: Decodable { let structure: Int; let members: Int; let meetings: Int }
        let id = tenant.id
        let has = try await (db as! any SQLDatabase).raw("""
            SELECT CASE WHEN EXISTS (SELECT 1 FROM \(ident: Group.schema) WHERE organisation_id = \(bind: id))
                          OR EXISTS (SELECT 1 FROM \(ident: Unit.schema) WHERE organisation_id = \(bind: id)) THEN 1 ELSE 0 END AS structure,
                   CASE WHEN EXISTS (SELECT 1 FROM \(ident: Membership.schema) WHERE organisation_id = \(bind: id)) THEN 1 ELSE 0 END AS members,
                   CASE WHEN EXISTS (SELECT 1 FROM \(ident: Meeting.schema) WHERE organisation_id = \(bind: id)) THEN 1 ELSE 0 END AS meetings
            """).first(decoding: Has.self)
        let (hasStructure, hasMembers) = (has?.structure == 1, has?.members == 1)
        return (hasStructure ? [NavigationEntry("Organisation och nätverk", url: OrganisationURL.structure.link(tenant.slug), order: 20)] : [])
            + (hasMembers ? [NavigationEntry("Medlemmar", url: OrganisationURL.members.link(tenant.slug), order: 30)] : [])
            + (has?.meetings == 1 ? [NavigationEntry("Möten", url: OrganisationURL.meetings.link(tenant.slug), order: 35)] : [])
            + [NavigationEntry("Öppna data", url: OrganisationURL.openData.link(tenant.slug), order: 90)]
    }

    public static func register(in app: Application) throws {
        app.pageSlots.register(AuthSlots.accountRoles) { user, req in
            try await Role.query(on: req.db).filter(\.$userID == user.id).with(\.$organisation).with(\.$represents).all().map { role in
                let slug = role.organisation.slug
                var links: [Breadcrumb] = []
                if role.role.mayEdit {
                    links += [Breadcrumb("redigera styrdokument", url: OrganisationURL.workspace.link(slug)), Breadcrumb("möten", url: OrganisationURL.meetings.link(slug))]
                }
                if role.role == .administrator {
                    links += [Breadcrumb("användare", url: OrganisationURL.users.link(slug)), Breadcrumb("ändringslogg", url: OrganisationURL.auditTrail.link(slug)),
                              Breadcrumb("utkorg", url: OrganisationURL.outbox.link(slug))]
                }
                let description = "\(role.role.label) i \(role.organisation.name)" + (role.represents.map { " för \($0.name)" } ?? "")
                return AccountShow.View.RoleLine(description: description, links: links)
            }
        }
    }
}
