import Core
import Fluent
import Foundation
import Vapor

/// Which audit entries to show: by document, item (a node's lineage or a section), user and
/// date range, a page at a time.
public struct AuditFilter: Sendable, Equatable {
    public var document: String?
    public var item: String?
    public var user: String?
    public var from: String?
    public var to: String?
    public var page: Int

    public init(document: String? = nil, item: String? = nil, user: String? = nil, from: String? = nil, to: String? = nil, page: Int = 1) {
        self.document = document
        self.item = item
        self.user = user
        self.from = from
        self.to = to
        self.page = page
    }

    /// From the query string (?dokument=&punkt=&anvandare=&fran=&till=&sida=); dates that do not exist are ignored.
    public init(_ req: Request) {
        let text = { (name: String) in req.queryValue(name).flatMap { $0.isEmpty ? nil : String($0.prefix(200)) } }
        self.init(document: text("dokument"), item: text("punkt"), user: text("anvandare").map(Accounts.normalise),
                  from: text("fran").flatMap { CalendarDate.isValid($0) ? $0 : nil }, to: text("till").flatMap { CalendarDate.isValid($0) ? $0 : nil },
                  page: min(max(text("sida").flatMap(Int.init) ?? 1, 1), 10_000))
    }

    /// The query string of this filter on another page.
    public func query(page: Int) -> String {
        let pairs: [(String, String?)] = [("dokument", document), ("punkt", item), ("anvandare", user), ("fran", from), ("till", to),
                                          ("sida", page == 1 ? nil : String(page))]
        return QueryString.make(pairs)
    }
}

/// One audit entry as pages show it: a plain value read from Auth's `AuditEntry` model.
public struct AuditRecord: Sendable, Equatable {
    public let id: UUID
    public let organisationID: UUID?
    public let actorID: UUID?
    /// Who, in words: an e-mail address, or "command line".
    public let actor: String
    public let action: String
    public let subject: String
    public let before: String?
    public let after: String?
    /// At write time: the subject's name, and the document, its title, version and item it concerns.
    public let subjectName: String?
    public let document: String?
    public let documentTitle: String?
    public let version: Int?
    public let item: String?
    public let createdAt: Date?

    init(_ entry: AuditEntry) {
        id = entry.id!
        organisationID = entry.organisationID
        actorID = entry.actorID
        actor = entry.actor
        action = entry.action
        subject = entry.subject
        before = entry.before
        after = entry.after
        subjectName = entry.subjectName
        document = entry.document
        documentTitle = entry.documentTitle
        version = entry.version
        item = entry.item
        createdAt = entry.createdAt
    }
}

/// Reading the audit trail: the one way other modules see it.
public enum AuditQuery {
    public static let pageSize = 50

    static let stockholm: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Stockholm")!
        return calendar
    }()

    /// The start of a day in Stockholm.
    static func start(of day: String) -> Date? {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return stockholm.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
    }

    /// A page of the organisation's entries, newest first, and whether there are more.
    /// `documentsOnly` keeps to changes of documents; `ownEventsOf` adds a user's own account
    /// events (sign-ins, tokens) to a user filter, for administrators of an organisation where they have a role.
    public static func page(organisationID: UUID, filter: AuditFilter, documentsOnly: Bool = false, includeAccountEvents: Bool = false,
                            on db: any Database) async throws -> (entries: [AuditRecord], hasMore: Bool) {
        let query = AuditEntry.query(on: db).sort(\.$createdAt, .descending).sort(\.$id, .descending)
        if let user = filter.user {
            query.filter(\.$actor == user).group(.or) { group in
                group.filter(\.$organisationID == organisationID)
                if includeAccountEvents { group.filter(\.$subject == "user \(user)") }
            }
        } else {
            query.filter(\.$organisationID == organisationID)
        }
        if documentsOnly { query.filter(\.$document != nil) }
        if let document = filter.document { query.filter(\.$document == document) }
        if let item = filter.item { query.filter(\.$item == item) }
        if let from = filter.from.flatMap(start(of:)) { query.filter(\.$createdAt >= from) }
        if let to = filter.to.flatMap(start(of:)), let end = stockholm.date(byAdding: .day, value: 1, to: to) { query.filter(\.$createdAt < end) }
        let rows = try await query.range(((filter.page - 1) * pageSize)..<(filter.page * pageSize + 1)).all()
        return (rows.prefix(pageSize).map(AuditRecord.init), rows.count > pageSize)
    }

    /// An item's name as the newest entry about it in the organisation's document has it.
    public static func latestName(of item: String, in document: String?, organisationID: UUID, on db: any Database) async throws -> String? {
        try await AuditEntry.query(on: db).filter(\.$organisationID == organisationID).filter(\.$item == item).filter(\.$document == document)
            .sort(\.$createdAt, .descending).first()?.subjectName
    }
}
