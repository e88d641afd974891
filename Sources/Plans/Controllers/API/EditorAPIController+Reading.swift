import Auth
import Core
import Fluent
import Organisation
import Vapor

/// What editors read over the API that the public does not see: any version, drafts too, and
/// the history of the organisation's documents, as the editor's pages show them.
extension EditorAPIController {
    struct HistoryEntry: Content {
        /// When, in ISO 8601 (UTC).
        let at: String?
        let actor: String
        let action: String
        /// The action as the history page names it, in Swedish.
        let actionLabel: String
        let subject: String
        let subjectName: String?
        let document: String?
        let documentTitle: String?
        let version: Int?
        let item: String?
        let before: String?
        let after: String?
    }

    struct HistoryPage: Content {
        let page: Int
        let hasMore: Bool
        let entries: [HistoryEntry]
    }

    /// GET …/documents/:doc/versions/:version: a version with its prose and tree, drafts too.
    @Sendable static func getVersion(req: Request) async throws -> Response {
        let (organisation, _) = try await requireEditor(req, for: .readDrafts)
        let slug = try req.requiredParameter("doc")
        guard let number = Int(try req.requiredParameter("version")),
              let (document, version, versions) = try await DocumentQuery.anyVersion(organisation: organisation, documentSlug: slug, number: number, on: req.db) else {
            throw Abort(.notFound, reason: "no such version of \"\(slug)\"")
        }
        return try privateJSON(try await DocumentQuery.content(organisation: organisation, document: document, version: version,
                                                                allVersions: versions, on: req.db))
    }

    /// JSON for one signed-in reader: encoded as the public API encodes, never stored by caches.
    static func privateJSON<T: Encodable>(_ value: T) throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(string: try APIJSON.string(value)))
    }

    /// GET /api/v1/organisations/:org/history[?document=&item=&user=&from=&to=&page=]: changes to documents, newest first.
    @Sendable static func history(req: Request) async throws -> Response {
        let (organisation, _) = try await requireEditor(req, for: .readDrafts)
        let query = { (name: String) in req.queryValue(name).flatMap { $0.isEmpty ? nil : String($0.prefix(200)) } }
        for name in ["from", "to"] {
            if let date = query(name), !CalendarDate.isValid(date) { throw Abort(.badRequest, reason: "\(name) must be a date that exists, as YYYY-MM-DD") }
        }
        let page = query("page").map { Int($0) }
        if let page, page.map({ (1...10_000).contains($0) }) != true { throw Abort(.badRequest, reason: "page must be a number from 1 to 10000") }
        let filter = AuditFilter(document: query("document"), item: query("item"), user: query("user").map(Accounts.normalise),
                                 from: query("from"), to: query("to"), page: (page ?? 1) ?? 1)
        let (entries, hasMore) = try await AuditQuery.page(organisationID: organisation.requireID(), filter: filter, documentsOnly: true, on: req.db)
        let body = HistoryPage(page: filter.page, hasMore: hasMore, entries: entries.map {
            HistoryEntry(at: $0.createdAt.map { ISO8601DateFormatter().string(from: $0) }, actor: $0.actor, action: $0.action, actionLabel: AuditLog.swedish[$0.action] ?? $0.action, subject: $0.subject,
                         subjectName: $0.subjectName, document: $0.document, documentTitle: $0.documentTitle, version: $0.version, item: $0.item,
                         before: $0.before, after: $0.after)
        })
        return try privateJSON(body)
    }
}
