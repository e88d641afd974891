import Core
import Organisation
import Plans
import Plot
import Vapor

/// The public HTML pages. Everything here is readable without signing in.
enum WebController {
    @Sendable static func home(req: Request) async throws -> Response {
        try await req.application.pageCache.respond(to: req) {
            let organisations = try await req.store.hostedOrganisations()
            return HomeIndex.View(model: .init(organisations: organisations, demoMode: req.application.isDemo)).document().render()
        }
    }

    @Sendable static func organisation(req: Request) async throws -> Response {
        try await req.application.pageCache.respond(to: req) {
            let organisation = try await req.store.organisation(req.requiredParameter("org"))
            let model = OrganisationShow.Model(
                organisation: organisation,
                members: try await req.store.members(organisation),
                documents: try await DocumentQuery.summaries(organisationID: organisation.requireID(), on: req.db))
            return OrganisationShow.View(model: model).document().render()
        }
    }

    @Sendable static func members(req: Request) async throws -> Response {
        try await req.application.pageCache.respond(to: req) {
            let organisation = try await req.store.organisation(req.requiredParameter("org"))
            return MemberIndex.View(organisation: organisation, members: try await req.store.members(organisation)).document().render()
        }
    }

    @Sendable static func documents(req: Request) async throws -> Response {
        try await req.application.pageCache.respond(to: req) {
            let organisation = try await req.store.organisation(req.requiredParameter("org"))
            let documents = try await DocumentQuery.summaries(organisationID: organisation.requireID(), on: req.db)
            return DocumentIndex.View(organisationSlug: organisation.slug, organisationName: organisation.name, documents: documents)
                .document().render()
        }
    }

    @Sendable static func document(req: Request) async throws -> Response {
        let version = try req.versionParameter()
        return try await req.application.pageCache.respond(to: req) {
            let organisation = try await req.store.organisation(req.requiredParameter("org"))
            let content = try await req.store.content(organisation, document: req.requiredParameter("doc"), version: version)
            return DocumentShow.View(model: content).document().render()
        }
    }

    @Sendable static func node(req: Request) async throws -> Response {
        let version = try req.versionParameter()
        return try await req.application.pageCache.respond(to: req) {
            let organisation = try await req.store.organisation(req.requiredParameter("org"))
            let content = try await req.store.content(organisation, document: req.requiredParameter("doc"), version: version)
            let key = try req.requiredParameter("node")
            guard let path = content.path(to: key) else {
                throw Abort(.notFound, reason: "document \"\(content.slug)\" has no node \"\(key)\"")
            }
            let node = path[path.count - 1]
            let links = try await req.store.nodeLinks(for: node, in: content, organisation: organisation)
            let structure = try await req.store.structure(organisation)
            let partners = try await RegistryQuery.actors(ids: [], keys: Set(node.partners), on: req.db)
            let model = NodeShow.Model(
                document: content, path: path, implements: links.implements, implementedBy: links.implementedBy,
                partners: node.partners.compactMap { key in
                    let live = partners.first { ($0.scbCode ?? $0.slug) == key }
                    guard let name = content.version.frozenNames?["partner:\(key)"] ?? live?.name else { return nil }
                    return PageLink(title: name, context: live?.kind.label ?? "", url: live.map { SiteURL.actor(organisation.slug, $0.slug) } ?? "")
                },
                networks: node.networks.compactMap { key in
                    let live = structure.group(key)
                    guard let name = content.version.frozenNames?["network:\(key)"] ?? live?.name else { return nil }
                    return PageLink(title: name, context: live?.kind.label ?? "", url: live.map { SiteURL.group(organisation.slug, $0.key) } ?? "")
                })
            return NodeShow.View(model: model).document().render()
        }
    }

    @Sendable static func agenda2030(req: Request) async throws -> Response {
        try await req.application.pageCache.respond(to: req) {
            let organisation = try await req.store.organisation(req.requiredParameter("org"))
            let model = Agenda2030Show.Model(organisationSlug: organisation.slug, organisationName: organisation.name,
                                         documents: try await req.store.contents(organisation))
            return Agenda2030Show.View(model: model).document().render()
        }
    }

    @Sendable static func stylesheet(req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return Response(status: .ok, headers: headers, body: .init(string: Stylesheet.css))
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
