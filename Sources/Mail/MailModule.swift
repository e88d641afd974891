import Foundation
import Core
import Fluent
import Vapor

/// E-mail as a platform service: an outbox every module writes to in its own transaction, and a
/// sender that delivers it through the configured SMTP server (docs/mail.md).
public enum MailModule: AppModule {
    public static var migrations: [any Migration] { [CreateMail(), UpdateMailAddSecret()] }

    public static func routes(_ routes: ModuleRoutes) throws {}

    /// Reads the SMTP settings; a wrong one stops the start with its name.
    public static func register(in app: Application) throws {
        app.smtpSettings = try SMTPSettings.fromEnvironment()
    }

    /// Every 30 seconds until the application shuts down: lets the modules put what is due in the
    /// outbox (`mailProducers`), then sends it when an SMTP server is set. Only the serving
    /// commands call it, after their migrations: a one-off command (`samsyn mail send`, an
    /// import) must not race a background sender for the same message.
    public static func startSending(on app: Application) {
        guard app.environment != .testing else { return }
        let loop = MailSenderLoop()
        loop.start(app, sender: app.smtpSettings.map { MailSender(client: SMTPClient(settings: $0)) })
        app.lifecycle.use(loop)
    }

    /// Runs every producer once: what the modules have due goes into the outbox.
    public static func produce(on app: Application, at now: Date = Date()) async throws {
        for producer in app.mailProducers { try await producer(app, now) }
    }
}

/// Puts mail that has come due into the outbox (reminders before a deadline); runs before each send round.
public typealias MailProducer = @Sendable (Application, Date) async throws -> Void

extension Application {
    private struct SMTPSettingsKey: StorageKey { typealias Value = SMTPSettings }

    /// Where mail goes; nil keeps every message in the outbox.
    public var smtpSettings: SMTPSettings? {
        get { storage[SMTPSettingsKey.self] }
        set { storage[SMTPSettingsKey.self] = newValue }
    }

    private struct MailProducersKey: StorageKey { typealias Value = [MailProducer] }

    /// What the modules register to fill the outbox on a schedule (`AppModule.register(in:)`).
    public var mailProducers: [MailProducer] {
        get { storage[MailProducersKey.self] ?? [] }
        set { storage[MailProducersKey.self] = newValue }
    }
}

/// Fills and sends the outbox in the background, in two loops so that the periodic work (reminders,
/// blanking survey texts, deleting rejected applications) never waits behind a slow SMTP server;
/// stopped when the application shuts down.
struct MailSenderLoop: LifecycleHandler {
    final class Running: @unchecked Sendable { var tasks: [Task<Void, Never>] = [] }
    let running = Running()

    func start(_ app: Application, sender: MailSender?) {
        running.tasks.append(Task {
            while !Task.isCancelled {
                do {
                    try await MailModule.produce(on: app)
                } catch {
                    app.logger.warning("mail: what was due could not be put in the outbox: \(error)")
                }
                try? await Task.sleep(for: .seconds(30))
            }
        })
        guard let sender else { return }
        running.tasks.append(Task {
            while !Task.isCancelled {
                do {
                    _ = try await sender.sendDue(on: app.db, group: app.eventLoopGroup)
                } catch {
                    app.logger.warning("mail: the outbox could not be read: \(error)")
                }
                try? await Task.sleep(for: .seconds(30))
            }
        })
    }

    func shutdownAsync(_ app: Application) async {
        for task in running.tasks { task.cancel() }
    }
}
