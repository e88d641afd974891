import Fluent
import Foundation
import NIOCore

/// Delivers the outbox: every message that is due, one connection each, each attempt recorded.
/// A failed delivery is tried again after 1, 5, 30 and 120 minutes, then marked failed.
public struct MailSender: Sendable {
    public static let retryDelays: [TimeInterval] = [60, 300, 1_800, 7_200]

    public struct Result: Sendable, Equatable {
        public var sent = 0
        public var retrying = 0
        public var failed = 0
    }

    let client: SMTPClient

    public init(client: SMTPClient) {
        self.client = client
    }

    /// Sends what is due at `now`, at most `limit` messages.
    public func sendDue(at now: Date = Date(), limit: Int = 50, on db: any Database, group: any EventLoopGroup) async throws -> Result {
        let due = try await MailMessage.query(on: db).filter(\.$status == .pending).filter(\.$nextAttemptAt <= now)
            .sort(\.$nextAttemptAt).limit(limit).all()
        var result = Result()
        for message in due {
            let id = try message.requireID()
            var detail = "250 accepted"
            var delivered = true
            do {
                try await client.send(to: message.recipient, subject: message.subject, body: message.body,
                                      messageID: "\(id.uuidString.lowercased())@\(client.settings.clientName)", on: group)
            } catch {
                delivered = false
                detail = String(describing: error)
            }
            let outcome: MailStatus = delivered ? .sent : (message.attempts + 1 > Self.retryDelays.count ? .failed : .pending)
            message.attempts += 1
            message.status = outcome
            message.sentAt = delivered ? now : nil
            message.lastError = delivered ? nil : detail
            if outcome == .pending { message.nextAttemptAt = now.addingTimeInterval(Self.retryDelays[message.attempts - 1]) }
            if outcome != .pending, let secret = message.secret {
                message.body = message.body.replacingOccurrences(of: secret, with: "[personlig länk, borttagen när meddelandet skickats]")
                message.secret = nil
            }
            let attempt = MailAttempt(messageID: id, at: now, delivered: delivered, detail: String(detail.prefix(1_000)))
            try await db.transaction { db in
                try await message.update(on: db)
                try await attempt.create(on: db)
            }
            switch outcome {
            case .sent: result.sent += 1
            case .failed: result.failed += 1
            case .pending: result.retrying += 1
            }
        }
        return result
    }
}
