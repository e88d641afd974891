import Core
import Fluent
import Organisation
import Plans
import Vapor

/// The pages and API reads that combine modules: the site's home (the organisations that
/// publish here) and an organisation's home (its members and documents).
enum HomeController {
    struct OrganisationDetailDTO: Content {
        let organisation: OrganisationDTO
        let members: [OrganisationDTO]
        let documents: [DocumentSummary]
        /// The licence of everything the organisation publishes (CC0 1.0 unless it chose another).
        let licence: Licence
    }

    /// Organisations that publish something here (not every registry entry).
    static func hostedOrganisations(on db: any Database) async throws -> [OrganisationRecord] {
        let withDocuments = try await DocumentQuery.organisationsWithDocuments(on: db)
        let withMembers = try await MemberQuery.organisationsWithMembers(on: db)
        let ids = Array(withDocuments.union(withMembers))
        guard !ids.isEmpty else { return [] }
        return try await OrganisationRecord.query(on: db).filter(\.$id ~~ ids).sort(\.$name).all()
    }

    @Sendable static func home(req: Request) async throws -> Response {
        try await req.cachedPage {
            let organisations = try await hostedOrganisations(on: req.db)
            return req.render(HomeIndex.View(model: .init(organisations: organisations, demoMode: req.application.isDemo)))
        }
    }

    @Sendable static func openData(req: Request) async throws -> Response {
        try await req.cachedPage { req.render(OpenDataIndex.View(organisations: try await hostedOrganisations(on: req.db))) }
    }

    @Sendable static func organisation(req: Request) async throws -> Response {
        try await req.cachedPage {
            let organisation = try await req.organisation()
            let contents = try await PublishedContent.contents(organisation, on: req.db)
            // The direction (inriktning) says what the organisation is for, if it has one; else any document that does.
            let lead = (contents.filter { $0.kind == .inriktning } + contents.filter { $0.kind != .inriktning }).lazy.compactMap(OrganisationShow.Lead.init).first
            let documents = try await DocumentQuery.summaries(organisationID: organisation.requireID(), on: req.db)
                .sorted { ($0.status == .adopted ? 0 : 1, -($0.periodEnd ?? 0)) < ($1.status == .adopted ? 0 : 1, -($1.periodEnd ?? 0)) }
            let model = OrganisationShow.Model(organisation: organisation, members: try await MemberQuery.members(of: organisation, on: req.db),
                                               documents: documents, lead: lead)
            return req.render(OrganisationShow.View(model: model))
        }
    }

    @Sendable static func organisationsJSON(req: Request) async throws -> Response {
        try await req.cachedJSON { try await hostedOrganisations(on: req.db).map(OrganisationDTO.init) }
    }

    @Sendable static func organisationJSON(req: Request) async throws -> Response {
        try await req.cachedJSON {
            let organisation = try await req.organisation()
            return OrganisationDetailDTO(
                organisation: .init(organisation),
                members: try await MemberQuery.members(of: organisation, on: req.db).map(OrganisationDTO.init),
                documents: try await DocumentQuery.summaries(organisationID: organisation.requireID(), on: req.db),
                licence: organisation.licence)
        }
    }

    @Sendable static func stylesheet(req: Request) async throws -> Response {
        asset(Stylesheet.css, type: HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"]))
    }

    @Sendable static func editorScript(req: Request) async throws -> Response {
        asset(EditorScript.source, type: HTTPMediaType(type: "text", subType: "javascript", parameters: ["charset": "utf-8"]))
    }

    static func asset(_ body: String, type: HTTPMediaType) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = type
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return Response(status: .ok, headers: headers, body: .init(string: body))
    }
}

extension Application {
    private struct DemoModeKey: StorageKey { typealias Value = Bool }

    /// Set by `samsyn demo`: the home page then says it is a demonstration.
    var isDemo: Bool {
        get { storage[DemoModeKey.self] ?? false }
        set { storage[DemoModeKey.self] = newValue }
    }
}
