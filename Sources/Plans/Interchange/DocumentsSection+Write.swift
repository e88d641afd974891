import Core
import Fluent
import Foundation
import Organisation

extension DocumentsSection {
    /// Replaces the organisation's documents with the file's.
    public static func write(_ content: Content, context: inout InterchangeContext, on db: any Database) async throws {
        guard let organisationID = context.tenant else { preconditionFailure("the organisation section writes the tenant first") }
        try await SteeringDocument.query(on: db).filter(\.$organisation.$id == organisationID).delete()
        var nodeCount = 0
        for document in content.documents {
            nodeCount += try await write(document, organisationID: organisationID, on: db)
        }
        context.counts["documents"] = content.documents.count
        context.counts["nodes"] = nodeCount
    }

    static func write(_ entry: DocumentEntry, organisationID: UUID, on db: any Database) async throws -> Int {
        let document = SteeringDocument(organisationID: organisationID, slug: entry.slug, kind: entry.kind)
        try await document.create(on: db)
        var nodeCount = 0
        for versionEntry in entry.versions {
            let version = DocumentVersion()
            version.$document.id = try document.requireID()
            version.number = versionEntry.number
            version.title = versionEntry.title
            version.status = versionEntry.status
            version.periodStart = versionEntry.periodStart
            version.periodEnd = versionEntry.periodEnd
            version.adoptedBy = versionEntry.adoptedBy
            version.adoptedOn = versionEntry.adoptedOn
            version.decisionReference = versionEntry.decisionReference
            version.furtherAdoptions = versionEntry.furtherAdoptions ?? []
            version.levels = versionEntry.levels
            version.frozenNamesJSON = versionEntry.frozenNames.map { JSONColumn.encode($0) }
            try await version.create(on: db)
            let versionID = try version.requireID()

            var sections: [DocumentSection] = [], links: [Agenda2030Link] = [], nodes: [PlanNode] = []
            for (position, sectionEntry) in versionEntry.sections.enumerated() {
                let section = DocumentSection()
                section.$version.id = versionID
                section.position = position
                section.key = sectionEntry.key
                section.heading = sectionEntry.heading
                section.depth = sectionEntry.depth
                section.role = sectionEntry.role
                section.body = sectionEntry.body
                sections.append(section)
            }
            var linkPosition = 0
            func link(_ agenda: DocumentsSection.Agenda2030Entry, node: UUID?) {
                let link = Agenda2030Link()
                link.$version.id = versionID
                link.$node.id = node
                link.position = linkPosition
                link.code = agenda.code
                link.role = agenda.role
                link.explanation = agenda.explanation
                link.interpreted = agenda.interpreted ?? false
                link.note = agenda.note
                linkPosition += 1
                links.append(link)
            }
            for agenda in versionEntry.agenda2030 { link(agenda, node: nil) }

            // Parents before children, so every foreign key points at a row that exists.
            let ids = Dictionary(uniqueKeysWithValues: versionEntry.nodes.map { ($0.key, UUID()) })
            let ordered = versionEntry.nodes.enumerated().sorted { lhs, rhs in
                let left = versionEntry.levels.firstIndex(of: lhs.element.level)!, right = versionEntry.levels.firstIndex(of: rhs.element.level)!
                return (left, lhs.offset) < (right, rhs.offset)
            }
            for (position, nodeEntry) in ordered {
                let node = PlanNode()
                node.id = ids[nodeEntry.key]
                node.$version.id = versionID
                node.$parent.id = nodeEntry.parent.flatMap { ids[$0] }
                node.key = nodeEntry.key
                node.levelIndex = versionEntry.levels.firstIndex(of: nodeEntry.level)!
                node.position = position
                node.title = nodeEntry.title
                node.text = nodeEntry.text ?? ""
                node.responsibleUnit = nodeEntry.responsibleUnit
                node.status = nodeEntry.status
                node.partnersJSON = JSONColumn.encode(nodeEntry.partners ?? [])
                node.networksJSON = JSONColumn.encode(nodeEntry.networks ?? [])
                node.strategiesJSON = JSONColumn.encode(nodeEntry.strategies ?? [])
                node.implementsJSON = JSONColumn.encode(nodeEntry.implements ?? [])
                node.lineage = nodeEntry.lineage
                node.revision = 1
                nodes.append(node)
                for agenda in nodeEntry.agenda2030 ?? [] { link(agenda, node: node.id) }
            }
            // Parents come before children in `nodes`, and batches go in order.
            try await sections.create(inBatchesOf: 100, on: db)
            try await nodes.create(inBatchesOf: 100, on: db)
            try await links.create(inBatchesOf: 100, on: db)
            nodeCount += versionEntry.nodes.count
        }
        return nodeCount
    }
}
