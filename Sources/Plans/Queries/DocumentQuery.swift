import Core
import Fluent
import Foundation
import Organisation

/// Reads documents for the public: drafts are filtered out here, once, for every page,
/// API response and export that goes through this query.
public enum DocumentQuery {
    /// The public documents of an organisation, each at its newest public version.
    public static func summaries(organisationID: UUID, on db: any Database) async throws -> [DocumentSummary] {
        let documents = try await SteeringDocument.query(on: db)
            .filter(\.$organisation.$id == organisationID)
            .with(\.$versions)
            .sort(\.$slug)
            .all()
        return documents.compactMap { document in
            guard let latest = document.versions.filter({ $0.status.isPublic }).max(by: { $0.number < $1.number }) else { return nil }
            return DocumentSummary(slug: document.slug, kind: document.kind, title: latest.title, status: latest.status,
                                   version: latest.number, periodStart: latest.periodStart, periodEnd: latest.periodEnd,
                                   adoptedBy: latest.adoptedBy, adoptedOn: latest.adoptedOn)
        }.sorted { ($0.periodStart ?? 0, $0.title) > ($1.periodStart ?? 0, $1.title) }
    }

    /// The slugs of the organisation's documents of a kind (any status), in slug order.
    public static func slugs(organisationID: UUID, kind: DocumentKind, on db: any Database) async throws -> [String] {
        try await SteeringDocument.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$kind == kind).sort(\.$slug)
            .all(\.$slug)
    }

    /// The ids of the organisations that have documents.
    public static func organisationsWithDocuments(on db: any Database) async throws -> Set<UUID> {
        Set(try await SteeringDocument.query(on: db).unique().all(\.$organisation.$id))
    }

    /// Finds the public version to show: the given number, or the newest public one.
    static func publicVersion(organisation: OrganisationRecord, documentSlug: String, number: Int?,
                                     on db: any Database) async throws -> (SteeringDocument, DocumentVersion, [DocumentVersion])? {
        guard let document = try await SteeringDocument.query(on: db)
            .filter(\.$organisation.$id == organisation.requireID())
            .filter(\.$slug == documentSlug)
            .first() else { return nil }
        let versions = try await DocumentVersion.query(on: db)
            .filter(\.$document.$id == document.requireID())
            .sort(\.$number, .descending)
            .all()
            .filter { $0.status.isPublic }
        let chosen = number.map { wanted in versions.first { $0.number == wanted } } ?? versions.first
        guard let chosen else { return nil }
        return (document, chosen, versions)
    }

    /// For editors: a version of any status, with all versions of the document.
    static func anyVersion(organisation: OrganisationRecord, documentSlug: String, number: Int,
                                  on db: any Database) async throws -> (SteeringDocument, DocumentVersion, [DocumentVersion])? {
        guard let document = try await SteeringDocument.query(on: db)
            .filter(\.$organisation.$id == organisation.requireID())
            .filter(\.$slug == documentSlug)
            .first() else { return nil }
        let versions = try await DocumentVersion.query(on: db).filter(\.$document.$id == document.requireID()).sort(\.$number, .descending).all()
        guard let chosen = versions.first(where: { $0.number == number }) else { return nil }
        return (document, chosen, versions)
    }

    /// Loads a whole version in four queries, whatever the size of its tree.
    static func content(organisation: OrganisationRecord, document: SteeringDocument, version: DocumentVersion,
                               allVersions: [DocumentVersion], on db: any Database) async throws -> DocumentContent {
        let versionID = try version.requireID()
        async let sectionRows = DocumentSection.query(on: db).filter(\.$version.$id == versionID).sort(\.$position).all()
        async let nodeRows = PlanNode.query(on: db).filter(\.$version.$id == versionID).sort(\.$position).all()
        async let linkRows = Agenda2030Link.query(on: db).filter(\.$version.$id == versionID).sort(\.$position).all()
        let (sections, nodes, links) = try await (sectionRows, nodeRows, linkRows)
        let names = try await referenceNames(nodes, organisation: organisation, version: version, on: db)
        return assemble(organisation: organisation, document: document, version: version, allVersions: allVersions,
                        sections: sections, nodes: nodes, links: links, names: names)
    }

    /// Names for what the nodes point at: "partner:KEY", "network:KEY" and "unit:NAME" (to the unit's key). An adopted
    /// version's frozen names come first, so a later rename does not rewrite it.
    struct ReferenceNames {
        var names: [String: String] = [:]
        var unitKeys: [String: String] = [:]
    }

    /// The names the registry and the structure give today to the partners ("partner:KEY") and
    /// networks ("network:KEY") the nodes point at: what an adoption freezes, and what a draft shows.
    static func liveNames(_ nodes: [PlanNode], organisationID: UUID, on db: any Database) async throws -> [String: String] {
        let partnerKeys = Set(nodes.flatMap { JSONColumn.decode([String].self, from: $0.partnersJSON, default: []) })
        let networkKeys = Set(nodes.flatMap { JSONColumn.decode([String].self, from: $0.networksJSON, default: []) })
        var names: [String: String] = [:]
        for actor in try await RegistryQuery.actors(ids: [], keys: partnerKeys, on: db) { names["partner:\(actor.scbCode ?? actor.slug)"] = actor.name }
        if !networkKeys.isEmpty {
            for group in try await StructureQuery.groups(organisationID: organisationID, keys: networkKeys, on: db) {
                names["network:\(group.key)"] = group.name
            }
        }
        return names
    }

    static func referenceNames(_ nodes: [PlanNode], organisation: OrganisationRecord, version: DocumentVersion,
                               on db: any Database) async throws -> ReferenceNames {
        var result = ReferenceNames(names: try await liveNames(nodes, organisationID: organisation.requireID(), on: db))
        if nodes.contains(where: { $0.responsibleUnit != nil }) {
            for unit in try await StructureQuery.units(organisationID: organisation.requireID(), on: db) { result.unitKeys[unit.name] = unit.key }
        }
        result.names.merge(version.frozenNames ?? [:]) { _, frozen in frozen }
        return result
    }

    static func info(_ version: DocumentVersion) -> DocumentContent.VersionInfo {
        .init(number: version.number, title: version.title, status: version.status,
              periodStart: version.periodStart, periodEnd: version.periodEnd,
              adoptedBy: version.adoptedBy, adoptedOn: version.adoptedOn,
              decisionReference: version.decisionReference,
              furtherAdoptions: version.furtherAdoptions.isEmpty ? nil : version.furtherAdoptions, levels: version.levels, frozenNames: version.frozenNames)
    }

    static func assemble(organisation: OrganisationRecord, document: SteeringDocument, version: DocumentVersion,
                         allVersions: [DocumentVersion], sections: [DocumentSection], nodes: [PlanNode],
                         links: [Agenda2030Link], names: ReferenceNames) -> DocumentContent {
        let levels = version.levels
        let entry = { (link: Agenda2030Link) in DocumentContent.Agenda2030Entry(code: link.code, role: link.role, explanation: link.explanation,
                                                                                                   interpreted: link.interpreted ? true : nil, note: link.note) }
        let linksByNode = Dictionary(grouping: links.filter { $0.$node.id != nil }, by: { $0.$node.id! })
        let childrenByParent = Dictionary(grouping: nodes, by: { $0.$parent.id })

        func build(_ parentID: UUID?) -> [DocumentContent.Node] {
            (childrenByParent[parentID] ?? []).sorted { $0.position < $1.position }.map { row in
                let partners = JSONColumn.decode([String].self, from: row.partnersJSON, default: [])
                let networks = JSONColumn.decode([String].self, from: row.networksJSON, default: [])
                let references = DocumentContent.References(
                    partners: partners.map { .init(key: $0, name: names.names["partner:\($0)"] ?? $0) },
                    networks: networks.map { .init(key: $0, name: names.names["network:\($0)"] ?? $0) },
                    responsibleUnit: row.responsibleUnit.map { .init(key: names.unitKeys[$0], name: $0) })
                return DocumentContent.Node(
                    key: row.key,
                    lineage: row.lineage ?? row.key,
                    level: levels.indices.contains(row.levelIndex) ? levels[row.levelIndex] : "",
                    depth: row.levelIndex,
                    title: row.title,
                    text: row.text,
                    responsibleUnit: row.responsibleUnit,
                    status: row.status,
                    partners: partners,
                    networks: networks,
                    strategies: JSONColumn.decode([String].self, from: row.strategiesJSON, default: []),
                    implements: JSONColumn.decode([NodeReference].self, from: row.implementsJSON, default: []),
                    agenda2030: (linksByNode[row.id!] ?? []).map(entry),
                    references: references,
                    children: build(row.id)
                )
            }
        }

        return DocumentContent(
            organisation: .init(slug: organisation.slug, name: organisation.name),
            slug: document.slug,
            kind: document.kind,
            version: info(version),
            versions: allVersions.filter { $0.status.isPublic }.sorted { $0.number > $1.number }.map(info),
            sections: sections.map { .init(key: $0.key, heading: $0.heading, depth: $0.depth, role: $0.role, body: $0.body) },
            agenda2030: links.filter { $0.$node.id == nil }.map(entry),
            nodes: build(nil)
        )
    }
}
