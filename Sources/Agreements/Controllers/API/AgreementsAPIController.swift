import Auth
import Core
import Fluent
import Foundation
import Organisation
import Vapor

/// The registry over the JSON API: public agreements for everyone (filters as on the page), and
/// adding and changing agreements for editors with a personal token.
enum AgreementsAPIController {
    @Sendable static func list(req: Request) async throws -> Response {
        try await req.cachedJSON(varyingOn: RegistryFilter.apiParameters) {
            let catalogue = try await Catalogue.load(try await req.organisation(), on: req.db)
            return try await AgreementQuery.contents(catalogue, forPublic: true, filter: RegistryFilter.read(req, names: RegistryFilter.apiParameters),
                                                    withHistory: true, on: req.db)
        }
    }

    @Sendable static func show(req: Request) async throws -> Response {
        try await req.cachedJSON {
            let catalogue = try await Catalogue.load(try await req.organisation(), on: req.db)
            let key = try req.requiredParameter("agreement")
            guard let (_, content) = try await AgreementQuery.content(key, catalogue: catalogue, forPublic: true, on: req.db) else {
                throw Abort(.notFound, reason: "no public agreement \"\(key)\"")
            }
            return content
        }
    }

    /// What one party of a public agreement has committed to.
    @Sendable static func party(req: Request) async throws -> Response {
        try await req.cachedJSON { try await RegistryController.partyCommitments(req) }
    }

    /// The applications to join an agreement, with contact details: for its editors (the ledningsgrupp).
    @Sendable static func applications(req: Request) async throws -> Response {
        let organisation = try await req.access(.edit, by: AgreementsPermissions.self).organisation
        let agreement = try await agreement(req, organisation)
        return try privateJSON(try await ApplicationContent.all(agreement, on: req.db))
    }

    /// Approves or rejects a pending application (editors); a rejection needs a reason.
    @Sendable static func decide(req: Request) async throws -> Response {
        let access = try await req.access(.edit, by: AgreementsPermissions.self), organisation = access.organisation, user = access.user
        let agreement = try await agreement(req, organisation)
        let input = try req.content.decode(Accessions.Decision.self)
        guard let id = UUID(uuidString: try req.requiredParameter("application")),
              let application = try await AccessionApplication.query(on: req.db).filter(\.$id == id).filter(\.$agreement.$id == agreement.requireID()).first() else {
            throw Abort(.notFound, reason: "no such application")
        }
        try await Accessions.decide(application, approve: input.decision == .approve, reason: input.reason ?? "", agreement: agreement,
                                    organisation: organisation, actor: .user(user), publicURL: req.application.siteShell.publicURL,
                                    at: req.application.now(), on: req.db)
        guard let saved = try await AccessionApplication.find(id, on: req.db) else { throw Abort(.notFound) }
        return try privateJSON(ApplicationContent(saved))
    }

    static func agreement(_ req: Request, _ organisation: OrganisationRecord) async throws -> Agreement {
        let key = try req.requiredParameter("agreement")
        guard let agreement = try await AgreementQuery.agreement(key, organisationID: organisation.requireID(), on: req.db) else {
            throw Abort(.notFound, reason: "no agreement \"\(key)\"")
        }
        return agreement
    }

    static func privateJSON(_ value: some Encodable) throws -> Response {
        let response = Response(status: .ok)
        try response.content.encode(value, using: JSONEncoder.api)
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return response
    }

    /// Every agreement, drafts and internal ones too, with the responsible people: for the organisation's users.
    @Sendable static func registry(req: Request) async throws -> Response {
        let organisation = try await req.access(.read, by: AgreementsPermissions.self).organisation
        let catalogue = try await Catalogue.load(organisation, on: req.db)
        return try privateJSON(try await AgreementQuery.contents(catalogue, forPublic: false,
                                                                 filter: RegistryFilter.read(req, names: RegistryFilter.apiParameters), withHistory: true, on: req.db))
    }

    static func editor(_ req: Request) async throws -> (OrganisationRecord, Account, Catalogue) {
        let access = try await req.access(.edit, by: AgreementsPermissions.self), organisation = access.organisation, user = access.user
        return (organisation, user, try await Catalogue.load(organisation, on: req.db))
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let (_, user, catalogue) = try await editor(req)
        let input = try req.content.decode(AgreementInput.self)
        let now = req.application.now()
        let agreement = try await AgreementWork.create(input.spec, in: catalogue, actor: .user(user), today: CalendarDate.day(of: now), at: now, on: req.db)
        let response = Response(status: .created)
        response.headers.replaceOrAdd(name: .location, value: AgreementsURL.API.agreement.link(catalogue.organisation.slug, agreement.key))
        try response.content.encode(try await staffContent(agreement.key, catalogue, req), using: JSONEncoder.api)
        return response
    }

    @Sendable static func replace(req: Request) async throws -> Response {
        let (organisation, user, catalogue) = try await editor(req)
        let key = try req.requiredParameter("agreement")
        guard let agreement = try await AgreementQuery.agreement(key, organisationID: organisation.requireID(), on: req.db) else {
            throw Abort(.notFound, reason: "no agreement \"\(key)\"")
        }
        let input = try req.content.decode(AgreementInput.self)
        let now = req.application.now()
        _ = try await AgreementWork.update(agreement, to: input.spec, expectedRevision: input.revision, in: catalogue, actor: .user(user),
                                       today: CalendarDate.day(of: now), at: now, on: req.db)
        let response = Response(status: .ok)
        try response.content.encode(try await staffContent(key, catalogue, req), using: JSONEncoder.api)
        return response
    }

    static func staffContent(_ key: String, _ catalogue: Catalogue, _ req: Request) async throws -> AgreementContent {
        guard let (_, content) = try await AgreementQuery.content(key, catalogue: catalogue, forPublic: false, on: req.db) else { throw Abort(.notFound) }
        return content
    }
}

/// What an API client sends to add or change an agreement: the spec, and on PUT the revision it read.
public struct AgreementInput: Content {
    public let spec: AgreementSpec
    /// The revision the client read; a save on top of another is refused (409).
    public let revision: Int?

    public init(from decoder: any Decoder) throws {
        spec = try AgreementSpec(from: decoder)
        revision = try decoder.container(keyedBy: Key.self).decodeIfPresent(Int.self, forKey: .revision)
    }

    public func encode(to encoder: any Encoder) throws {
        try spec.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encodeIfPresent(revision, forKey: .revision)
    }

    enum Key: String, CodingKey { case revision }
}
