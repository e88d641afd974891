import Core
import Fluent
import Organisation
import Vapor

/// Plans' lists as CSV: the published documents, and a document's goals and activities with
/// their facts. Public; the same content as the JSON API's documents and tree.
enum OpenDataCSVController {
    @Sendable static func documents(req: Request) async throws -> Response {
        let organisation = try await req.organisation()
        let documents = try await DocumentQuery.summaries(organisationID: organisation.requireID(), on: req.db)
        return try CSVTable(columns: ["slug", "title", "kind", "status", "version", "periodStart", "periodEnd", "adoptedBy", "adoptedOn",
                                      "url", "nodesCSV"],
                            rows: documents.map { document in
            [document.slug, document.title, document.kind.rawValue, document.status.rawValue, String(document.version),
             document.periodStart.map(String.init) ?? "", document.periodEnd.map(String.init) ?? "",
             document.adoptedBy ?? "", document.adoptedOn ?? "",
             PlansURL.document(organisation.slug, document.slug), PlansURL.nodesCSV.link(organisation.slug, document.slug)]
        }).response(filename: "\(organisation.slug)-styrdokument.csv")
    }

    /// GET …/oppna-data/mal-och-aktiviteter/:doc[?version=N]: the tree of a public version, one row per node, parents first.
    @Sendable static func nodes(req: Request) async throws -> Response {
        _ = try req.versionParameter()
        let (organisation, content) = try await req.publishedContent()
        var rows: [[String]] = []
        func walk(_ nodes: [DocumentContent.Node], parent: DocumentContent.Node?) {
            for (index, node) in nodes.enumerated() {
                rows.append([node.key, node.lineage, node.level, String(node.depth), String(index + 1), parent?.key ?? "", node.title, node.text,
                             node.status ?? "", Glossary.status(node.status) ?? "", node.responsibleUnit ?? "", CSVTable.list(node.partners),
                             CSVTable.list(node.networks), CSVTable.list(node.strategies),
                             CSVTable.list(node.agenda2030.map { "\($0.code) \($0.role.rawValue)" }),
                             CSVTable.list(node.implements.map { "\($0.document)/\($0.node)" }),
                             PlansURL.node(organisation.slug, content.slug, node.key, version: content.version.number)])
                walk(node.children, parent: node)
            }
        }
        walk(content.nodes, parent: nil)
        return try CSVTable(columns: ["key", "lineage", "level", "depth", "position", "parent", "title", "text", "status", "statusLabel",
                                      "responsibleUnit", "partners", "networks", "strategies", "agenda2030", "implements", "url"], rows: rows)
            .response(filename: "\(organisation.slug)-\(content.slug)-version-\(content.version.number).csv")
    }
}
