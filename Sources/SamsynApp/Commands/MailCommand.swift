import Fluent
import Mail
import Vapor

/// `samsyn mail list [--status pending|sent|failed]` shows the outbox; `samsyn mail send` puts what
/// has come due in the outbox (reminders) and delivers it through the configured SMTP server.
struct MailCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "list or send")
        var action: String
        @Option(name: "status", help: "list only pending, sent or failed messages")
        var status: String?
    }

    var help: String { "Shows the outbox or sends what is due" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await migrate(app)
        switch signature.action {
        case "list":
            let status = try signature.status.map { value in
                guard let status = MailStatus(rawValue: value) else { throw CommandFailure("--status must be pending, sent or failed, not \"\(value)\"") }
                return status
            }
            for message in try await Outbox.messages(status: status, on: app.db) {
                context.console.print([message.status.rawValue, message.recipient, message.subject, "attempts: \(message.attempts)",
                                       message.lastError ?? ""].filter { !$0.isEmpty }.joined(separator: "\t"))
            }
        case "send":
            guard let settings = app.smtpSettings else { throw CommandFailure("no SMTP server is configured: set SAMSYN_SMTP_HOST and SAMSYN_MAIL_FROM") }
            try await MailModule.produce(on: app)
            let result = try await MailSender(client: SMTPClient(settings: settings)).sendDue(on: app.db, group: app.eventLoopGroup)
            context.console.print("sent \(result.sent), to retry \(result.retrying), failed \(result.failed)")
        default:
            throw CommandFailure("unknown action \"\(signature.action)\": use list or send")
        }
    }
}
