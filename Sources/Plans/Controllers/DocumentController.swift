import Core
import Fluent
import Organisation
import Plot
import Vapor

/// The public pages of documents: the list, a document, a node, the Agenda 2030 overview and
/// the comparison of two versions. Everything here is readable without signing in.
enum DocumentController {
    @Sendable static func index(req: Request) async throws -> Response {
        try await req.cachedPage {
            let organisation = try await req.organisation()
            let documents = try await DocumentQuery.summaries(organisationID: organisation.requireID(), on: req.db)
            return req.render(DocumentIndex.View(organisationSlug: organisation.slug, organisationName: organisation.name, documents: documents))
        }
    }

    @Sendable static func show(req: Request) async throws -> Response {
        _ = try req.versionParameter()
        return try await req.cachedPage(varyingOn: ["version"]) {
            let content = try await req.publishedContent().1
            return req.render(DocumentShow.View(model: content, progress: try await reportedProgress(content, req),
                                                parts: try await req.application.pageSlots.items(PlansSlots.documentParts, for: content, request: req)))
        }
    }

    @Sendable static func node(req: Request) async throws -> Response {
        _ = try req.versionParameter()
        return try await req.cachedPage(varyingOn: ["version"]) {
            let (organisation, content) = try await req.publishedContent()
            let key = try req.requiredParameter("node")
            guard let path = content.path(to: key) else {
                throw Abort(.notFound, reason: "document \"\(content.slug)\" has no node \"\(key)\"")
            }
            var model = try await nodeModel(path, in: content, organisation: organisation, on: req.db)
            model.progress = try await reportedProgress(content, req)
            model.sections = try await req.application.pageSlots.items(PlansSlots.nodeSections, for: NodeSubject(content: content, node: path[path.count - 1]),
                                                                      request: req)
            return req.render(NodeShow.View(model: model))
        }
    }

    /// A node's page model: its place, the nodes it carries out and is carried out by, its partners and networks
    /// (with the names frozen at adoption). Also the editor's preview of a draft's node.
    static func nodeModel(_ path: [DocumentContent.Node], in content: DocumentContent, organisation: OrganisationRecord,
                          on db: any Database) async throws -> NodeShow.Model {
        let node = path[path.count - 1]
        let links = try await PublishedContent.nodeLinks(for: node, in: content, organisation: organisation, on: db)
        let structure = try await StructureQuery.load(organisationID: organisation.requireID(), on: db)
        let partners = try await RegistryQuery.actors(ids: [], keys: Set(node.partners), on: db)
        return NodeShow.Model(
            document: content, path: path, implements: links.implements, implementedBy: links.implementedBy,
            partners: node.partners.compactMap { key in
                let live = partners.first { ($0.scbCode ?? $0.slug) == key }
                guard let name = content.version.frozenNames?["partner:\(key)"] ?? live?.name else { return nil }
                return PageLink(title: name, context: live?.kind.label ?? "", url: live.map { OrganisationURL.actor.link(organisation.slug, $0.slug) } ?? "")
            },
            networks: node.networks.compactMap { key in
                let live = structure.group(key)
                guard let name = content.version.frozenNames?["network:\(key)"] ?? live?.name else { return nil }
                return PageLink(title: name, context: live?.kind.label ?? "", url: live.map { OrganisationURL.group.link(organisation.slug, $0.key) } ?? "")
            })
    }

    /// What a module above reports about the version's work, if any.
    static func reportedProgress(_ content: DocumentContent, _ req: Request) async throws -> ReportedProgress? {
        try await req.application.pageSlots.items(PlansSlots.reportedProgress, for: content, request: req).first
    }

    @Sendable static func agenda2030(req: Request) async throws -> Response {
        try await req.cachedPage {
            let organisation = try await req.organisation()
            let model = Agenda2030Show.Model(organisationSlug: organisation.slug, organisationName: organisation.name,
                                             documents: try await PublishedContent.contents(organisation, on: req.db))
            return req.render(Agenda2030Show.View(model: model))
        }
    }

    /// The changes between two public versions.
    @Sendable static func compare(req: Request) async throws -> Response {
        let (from, to) = try comparedVersions(req, names: ("fran", "till"))
        return try await req.cachedPage(varyingOn: ["fran", "till"]) {
            let (_, old, new) = try await comparedContents(req, from: from, to: to)
            return req.render(VersionCompare.View(old: old, new: new, names: frozenNames(old, new)))
        }
    }

    /// The two version numbers a comparison names in its query, within the bounds of version numbers.
    static func comparedVersions(_ req: Request, names: (String, String)) throws -> (Int, Int) {
        guard let from = req.queryValue(names.0, as: Int.self), let to = req.queryValue(names.1, as: Int.self),
              DocumentLimits.versionNumbers.contains(from), DocumentLimits.versionNumbers.contains(to) else {
            throw Abort(.badRequest, reason: "name the versions to compare: ?\(names.0)=1&\(names.1)=2, each 1–\(DocumentLimits.versionNumbers.upperBound)")
        }
        return (from, to)
    }

    static func comparedContents(_ req: Request, from: Int, to: Int) async throws -> (OrganisationRecord, DocumentContent, DocumentContent) {
        let organisation = try await req.organisation()
        let slug = try req.requiredParameter("doc")
        let old = try await PublishedContent.content(organisation, document: slug, version: from, on: req.db)
        let new = try await PublishedContent.content(organisation, document: slug, version: to, on: req.db)
        return (organisation, old, new)
    }

    /// The partner and network names both versions froze at adoption.
    static func frozenNames(_ old: DocumentContent, _ new: DocumentContent) -> [String: String] {
        (old.version.frozenNames ?? [:]).merging(new.version.frozenNames ?? [:]) { $1 }
    }
}
