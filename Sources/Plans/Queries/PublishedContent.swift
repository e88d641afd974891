import Core
import Fluent
import Organisation
import Vapor

/// What the public may read of an organisation's documents: the newest public version of each,
/// or a named public version, and the links between them. Missing things are 404 with a reason.
public enum PublishedContent {
    public static func content(_ organisation: OrganisationRecord, document slug: String, version: Int?,
                               on db: any Database) async throws -> DocumentContent {
        guard let (document, chosen, versions) = try await DocumentQuery.publicVersion(
            organisation: organisation, documentSlug: slug, number: version, on: db) else {
            let what = version.map { "version \($0) of document \"\(slug)\"" } ?? "document \"\(slug)\""
            throw Abort(.notFound, reason: "\(what) does not exist or is not published")
        }
        return try await DocumentQuery.content(organisation: organisation, document: document, version: chosen, allVersions: versions, on: db)
    }

    /// The newest public version of each of the organisation's documents.
    public static func contents(_ organisation: OrganisationRecord, on db: any Database) async throws -> [DocumentContent] {
        var result: [DocumentContent] = []
        for summary in try await DocumentQuery.summaries(organisationID: organisation.requireID(), on: db) {
            result.append(try await content(organisation, document: summary.slug, version: nil, on: db))
        }
        return result
    }

    /// The nodes of the organisation's published documents that match, as links: the key
    /// activities that involve a network, a partner or a member.
    static func activities(_ organisation: OrganisationRecord, on db: any Database,
                           where matches: (DocumentContent.Node) -> Bool) async throws -> [PageLink] {
        try await contents(organisation, on: db).flatMap { document in
            document.allNodes.filter(matches).map {
                PageLink(title: $0.title, context: document.title, url: PlansURL.node(organisation.slug, document.slug, $0.key))
            }
        }
    }

    /// Links between this node and the nodes of other documents it carries out, both ways.
    static func nodeLinks(for node: DocumentContent.Node, in document: DocumentContent, organisation: OrganisationRecord,
                          on db: any Database) async throws -> (implements: [NodeShow.Model.Link], implementedBy: [NodeShow.Model.Link]) {
        let others = try await contents(organisation, on: db).filter { $0.slug != document.slug }
        let implements = node.implements.compactMap { reference -> NodeShow.Model.Link? in
            guard let target = others.first(where: { $0.slug == reference.document }),
                  let targetNode = target.allNodes.first(where: { $0.key == reference.node }) else { return nil }
            return .init(title: targetNode.title, context: target.title, url: PlansURL.node(organisation.slug, target.slug, targetNode.key))
        }
        let reference = NodeReference(document: document.slug, node: node.key)
        let implementedBy = others.flatMap { other in
            other.allNodes.filter { $0.implements.contains(reference) }.map {
                NodeShow.Model.Link(title: $0.title, context: other.title, url: PlansURL.node(organisation.slug, other.slug, $0.key))
            }
        }
        return (implements, implementedBy)
    }
}

extension Request {
    /// A positive version number from the path or `?version=`, or nil when absent.
    public func versionParameter() throws -> Int? {
        guard let raw = parameters.get("version") ?? queryValue("version") else { return nil }
        guard let number = Int(raw), DocumentLimits.versionNumbers.contains(number) else {
            throw Abort(.badRequest, reason: "version must be a whole number from 1 to \(DocumentLimits.versionNumbers.upperBound) (got \"\(raw)\")")
        }
        return number
    }

    /// The public version of the document named by the path, at `?version=` or the path's version.
    public func publishedContent() async throws -> (OrganisationRecord, DocumentContent) {
        let version = try versionParameter()
        let organisation = try await organisation()
        return (organisation, try await PublishedContent.content(organisation, document: requiredParameter("doc"), version: version, on: db))
    }
}
