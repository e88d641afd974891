import Core
import Fluent
import Foundation

/// An organisation that joined an agreement, as the public list and API show it: no contact details.
public struct AccessionContent: Codable, Sendable, Equatable {
    public let name: String
    public let joinedOn: String
    /// The day it left; absent while it is a party.
    public let leftOn: String?

    /// Those that joined, in the order they joined, those that left included (with the day).
    static func joined(_ agreement: Agreement, on db: any Database) async throws -> [AccessionContent] {
        try await AccessionApplication.query(on: db).filter(\.$agreement.$id == agreement.requireID()).filter(\.$status ~~ [.approved, .left]).all()
            .compactMap { application in application.joinedOn.map { AccessionContent(name: application.name, joinedOn: $0, leftOn: application.leftOn) } }
            .sorted { ($0.joinedOn, $0.name) < ($1.joinedOn, $1.name) }
    }
}

/// An application as the ledningsgrupp sees it, contact details included.
public struct ApplicationContent: Codable, Sendable, Equatable {
    public let id: String
    public let name: String
    public let orgNumber: String
    public let contactName: String
    public let contactEmail: String
    public let area: String
    public let scope: String
    public let status: AccessionStatus
    public let submittedAt: String
    public let decidedAt: String?
    public let decidedBy: String?
    public let reason: String?
    public let joinedOn: String?
    public let leftOn: String?

    init(_ application: AccessionApplication) {
        let moment = { (date: Date) in ISO8601DateFormatter().string(from: date) }
        id = application.id?.uuidString.lowercased() ?? ""
        name = application.name
        orgNumber = application.orgNumber
        contactName = application.contactName
        contactEmail = application.contactEmail
        area = application.area
        scope = application.scope
        status = application.status
        submittedAt = moment(application.submittedAt)
        decidedAt = application.decidedAt.map(moment)
        decidedBy = application.decidedBy
        reason = application.reason
        joinedOn = application.joinedOn
        leftOn = application.leftOn
    }

    /// Waiting ones first, oldest first; then the decided, newest first.
    static func all(_ agreement: Agreement, on db: any Database) async throws -> [ApplicationContent] {
        let all = try await AccessionApplication.query(on: db).filter(\.$agreement.$id == agreement.requireID()).all()
        let pending = all.filter { $0.status == .pending }.sorted { $0.submittedAt < $1.submittedAt }
        let decided = all.filter { $0.status != .pending }.sorted { ($0.decidedAt ?? $0.submittedAt) > ($1.decidedAt ?? $1.submittedAt) }
        return (pending + decided).map(ApplicationContent.init)
    }
}
