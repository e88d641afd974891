import Fluent
import Foundation

/// The audit trail. Every write action records itself here on the same database handle,
/// inside its own transaction, so the change and its entry land together or not at all.
public enum AuditLog {
    public static func record(_ action: String, subject: String, actor: Actor, organisationID: UUID? = nil,
                              before: String? = nil, after: String? = nil, on db: any Database) async throws {
        let entry = AuditEntry()
        entry.organisationID = organisationID
        entry.actorID = actor.userID
        entry.actor = actor.description
        entry.action = action
        entry.subject = subject
        entry.before = before
        entry.after = after
        try await entry.create(on: db)
    }

    /// Who made a change.
    public enum Actor: Sendable, CustomStringConvertible {
        case user(UUID, email: String)
        case commandLine
        case importToken
        case anonymous

        var userID: UUID? {
            if case .user(let id, _) = self { return id }
            return nil
        }

        public var description: String {
            switch self {
            case .user(_, let email): email
            case .commandLine: "command line"
            case .importToken: "import token"
            case .anonymous: "anonymous"
            }
        }
    }
}
