import Core
import Fluent
import Foundation
import Organisation
import Vapor

extension DocumentsSection {
    public static func export(tenant: UUID, context: inout InterchangeContext, on db: any Database) async throws -> Content {
        guard let organisation = try await OrganisationRecord.find(tenant, on: db) else { throw Abort(.notFound, reason: "no such organisation") }
        let documents = try await SteeringDocument.query(on: db)
            .filter(\.$organisation.$id == tenant)
            .with(\.$versions)
            .sort(\.$slug)
            .all()
        var entries: [DocumentEntry] = []
        var partnerKeys: [String] = []
        for document in documents {
            var versions: [VersionEntry] = []
            for version in document.versions.sorted(by: { $0.number < $1.number }) {
                let content = try await DocumentQuery.content(organisation: organisation, document: document, version: version,
                                                              allVersions: document.versions, on: db)
                let entry = versionEntry(content)
                partnerKeys += entry.nodes.flatMap { $0.partners ?? [] }
                versions.append(entry)
            }
            entries.append(.init(slug: document.slug, kind: document.kind, versions: versions))
        }
        context[OrganisationSection.ReferencedRegistryKeys.self] = (context[OrganisationSection.ReferencedRegistryKeys.self] ?? []) + partnerKeys
        return Content(documents: entries)
    }

    static func versionEntry(_ content: DocumentContent) -> VersionEntry {
        let agenda = { (entry: DocumentContent.Agenda2030Entry) in DocumentsSection.Agenda2030Entry(code: entry.code, role: entry.role, explanation: entry.explanation,
                                                                                                                      interpreted: entry.interpreted, note: entry.note) }
        var nodes: [DocumentsSection.NodeEntry] = []
        func walk(_ children: [DocumentContent.Node], parent: String?) {
            for node in children {
                nodes.append(.init(
                    key: node.key, lineage: node.lineage == node.key ? nil : node.lineage, parent: parent, level: node.level, title: node.title,
                    text: node.text.isEmpty ? nil : node.text,
                    responsibleUnit: node.responsibleUnit, status: node.status,
                    partners: node.partners.isEmpty ? nil : node.partners,
                    networks: node.networks.isEmpty ? nil : node.networks,
                    strategies: node.strategies.isEmpty ? nil : node.strategies,
                    implements: node.implements.isEmpty ? nil : node.implements,
                    agenda2030: node.agenda2030.isEmpty ? nil : node.agenda2030.map(agenda)
                ))
                walk(node.children, parent: node.key)
            }
        }
        walk(content.nodes, parent: nil)
        let version = content.version
        return .init(
            number: version.number, title: version.title, status: version.status,
            periodStart: version.periodStart, periodEnd: version.periodEnd,
            adoptedBy: version.adoptedBy, adoptedOn: version.adoptedOn, decisionReference: version.decisionReference,
            furtherAdoptions: version.furtherAdoptions,
            levels: version.levels,
            frozenNames: version.frozenNames,
            sections: content.sections.map { .init(key: $0.key, heading: $0.heading, depth: $0.depth, role: $0.role, body: $0.body) },
            agenda2030: content.agenda2030.map(agenda),
            nodes: nodes
        )
    }
}
