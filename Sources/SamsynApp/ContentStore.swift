import Fluent
import Organisation
import Plans
import Vapor

/// Finds what a public request asks for, or answers 404 with a reason naming what is missing.
struct ContentStore {
    let db: any Database

    func organisation(_ slug: String) async throws -> OrganisationRecord {
        guard let organisation = try await OrganisationRecord.query(on: db).filter(\.$slug == slug).first() else {
            throw Abort(.notFound, reason: "no organisation with slug \"\(slug)\"")
        }
        return organisation
    }

    func content(_ organisation: OrganisationRecord, document slug: String, version: Int?) async throws -> DocumentContent {
        guard let (document, chosen, versions) = try await DocumentQuery.publicVersion(
            organisation: organisation, documentSlug: slug, number: version, on: db) else {
            let what = version.map { "version \($0) of document \"\(slug)\"" } ?? "document \"\(slug)\""
            throw Abort(.notFound, reason: "\(what) does not exist or is not published")
        }
        return try await DocumentQuery.content(organisation: organisation, document: document, version: chosen,
                                               allVersions: versions, on: db)
    }

    /// The newest public version of each of the organisation's documents.
    func contents(_ organisation: OrganisationRecord) async throws -> [DocumentContent] {
        var result: [DocumentContent] = []
        for summary in try await DocumentQuery.summaries(organisationID: organisation.requireID(), on: db) {
            result.append(try await content(organisation, document: summary.slug, version: nil))
        }
        return result
    }

    func members(_ organisation: OrganisationRecord) async throws -> [OrganisationRecord] {
        try await Membership.query(on: db)
            .filter(\.$organisation.$id == organisation.requireID())
            .with(\.$member)
            .sort(\.$position)
            .all()
            .map(\.member)
    }

    /// Organisations that publish something here (not every registry entry).
    func hostedOrganisations() async throws -> [OrganisationRecord] {
        let withDocuments = Set(try await SteeringDocument.query(on: db).all().map(\.$organisation.id))
        let withMembers = Set(try await Membership.query(on: db).all().map(\.$organisation.id))
        let ids = Array(withDocuments.union(withMembers))
        guard !ids.isEmpty else { return [] }
        return try await OrganisationRecord.query(on: db).filter(\.$id ~~ ids).sort(\.$name).all()
    }

    func structure(_ organisation: OrganisationRecord) async throws -> OrganisationStructure {
        try await StructureQuery.load(organisationID: organisation.requireID(), on: db)
    }

    /// The nodes of the organisation's published plans that match, as links: the key
    /// activities that involve a network, a partner or a member.
    func activities(_ organisation: OrganisationRecord, where matches: (DocumentContent.Node) -> Bool) async throws -> [PageLink] {
        try await contents(organisation).flatMap { document in
            document.allNodes.filter(matches).map {
                PageLink(title: $0.title, context: document.title, url: SiteURL.node(organisation.slug, document.slug, $0.key))
            }
        }
    }

    /// Links between this node and the nodes of other documents it carries out, both ways.
    func nodeLinks(for node: DocumentContent.Node, in document: DocumentContent,
                   organisation: OrganisationRecord) async throws -> (implements: [NodeShow.Model.Link], implementedBy: [NodeShow.Model.Link]) {
        let others = try await contents(organisation).filter { $0.slug != document.slug }
        let implements = node.implements.compactMap { reference -> NodeShow.Model.Link? in
            guard let target = others.first(where: { $0.slug == reference.document }),
                  let targetNode = target.allNodes.first(where: { $0.key == reference.node }) else { return nil }
            return .init(title: targetNode.title, context: target.title,
                         url: SiteURL.node(organisation.slug, target.slug, targetNode.key))
        }
        let reference = NodeReference(document: document.slug, node: node.key)
        let implementedBy = others.flatMap { other in
            other.allNodes.filter { $0.implements.contains(reference) }.map {
                NodeShow.Model.Link(title: $0.title, context: other.title, url: SiteURL.node(organisation.slug, other.slug, $0.key))
            }
        }
        return (implements, implementedBy)
    }
}

import Core

extension Request {
    var store: ContentStore { ContentStore(db: db) }

    /// A positive version number from the path or `?version=`, or nil when absent.
    func versionParameter() throws -> Int? {
        guard let raw = parameters.get("version") ?? (try? query.get(String.self, at: "version")) else { return nil }
        guard let number = Int(raw), number >= 1 else {
            throw Abort(.badRequest, reason: "version must be a positive whole number (got \"\(raw)\")")
        }
        return number
    }

    func requiredParameter(_ name: String) throws -> String {
        guard let value = parameters.get(name) else { throw Abort(.badRequest, reason: "missing \(name)") }
        return value
    }
}
