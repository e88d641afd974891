import AppTestSupport
import Core
import Fluent
import Foundation
@testable import Mail
import Testing
import Vapor

/// The mail service against a real SMTP server (Python's aiosmtpd via scripts/smtp-test-server.py):
/// STARTTLS, AUTH, delivery once, a failed delivery retried and recorded, and the outbox in its
/// cause's transaction.
@Suite("E-mail: the outbox and the SMTP sender")
struct MailTests {
    @Test("A message written in a transaction that fails is never sent", arguments: Engine.enabled)
    func outboxIsTransactional(engine: Engine) async throws {
        try await withApp(engine, demo: false) { app in
            do {
                try await app.db.transaction { db in
                    try await Outbox.enqueue(.init(to: "a@example.se", subject: "Påminnelse", body: "Hej", reason: "test"), organisationID: nil, on: db)
                    throw Cause()
                }
                Issue.record("the transaction should have failed")
            } catch is Cause {}
            #expect(try await MailMessage.query(on: app.db).count() == 0)
            await #expect(throws: OutboxError.self) {
                try await Outbox.enqueue(.init(to: "inte en adress", subject: "x", body: "x", reason: "test"), organisationID: nil, on: app.db)
            }
        }
    }

    @Test("Delivered through STARTTLS and AUTH, once; Swedish subject and body arrive intact", .enabled(if: TestSMTPServer.available),
          arguments: Engine.enabled)
    func delivers(engine: Engine) async throws {
        let server = try TestSMTPServer()
        defer { server.stop() }
        try await withApp(engine, demo: false) { app in
            let body = "Hej!\n\nTertial 1 stänger den 30 april. Två rader börjar med punkt:\n.en\n..två"
            try await Outbox.enqueue(.init(to: "rapportor@example.se", subject: "Påminnelse: rapportera tertial 1", body: body, reason: "test"),
                                     organisationID: nil, on: app.db)
            let sender = MailSender(client: SMTPClient(settings: server.settings()))
            #expect(try await sender.sendDue(on: app.db, group: app.eventLoopGroup) == .init(sent: 1))
            #expect(try await sender.sendDue(on: app.db, group: app.eventLoopGroup) == .init(), "nothing is sent twice")
            let received = try server.messages()
            #expect(received.count == 1)
            let message = try #require(received.first)
            #expect(message.tls && message.authenticated && message.to == ["rapportor@example.se"] && message.from == "samsyn@example.se")
            #expect(message.data.contains("Subject: =?UTF-8?B?\(Data("Påminnelse: rapportera tertial 1".utf8).base64EncodedString())?="))
            let encoded = message.data.components(separatedBy: "\r\n\r\n").dropFirst().joined().replacingOccurrences(of: "\r\n", with: "")
            #expect(String(decoding: Data(base64Encoded: encoded) ?? Data(), as: UTF8.self) == body.replacingOccurrences(of: "\n", with: "\r\n"))
            let stored = try #require(try await MailMessage.query(on: app.db).first())
            #expect(stored.status == .sent && stored.attempts == 1 && stored.sentAt != nil)
            #expect(try await MailAttempt.query(on: app.db).all().map(\.delivered) == [true])
        }
    }

    @Test("A refused delivery is recorded and tried again later, then given up", .enabled(if: TestSMTPServer.available),
          arguments: Engine.enabled)
    func retries(engine: Engine) async throws {
        let server = try TestSMTPServer()
        defer { server.stop() }
        try await withApp(engine, demo: false) { app in
            var wrong = server.settings()
            wrong.password = "fel"
            let sender = MailSender(client: SMTPClient(settings: wrong))
            let start = Date()
            try await Outbox.enqueue(.init(to: "rapportor@example.se", subject: "x", body: "x", reason: "test"), organisationID: nil, at: start, on: app.db)
            #expect(try await sender.sendDue(at: start, on: app.db, group: app.eventLoopGroup) == .init(retrying: 1))
            let message = try #require(try await MailMessage.query(on: app.db).first())
            #expect(message.status == .pending && message.attempts == 1 && (message.lastError ?? "").hasPrefix("AUTH: 535"))
            #expect(abs(message.nextAttemptAt.timeIntervalSince(start) - MailSender.retryDelays[0]) < 1, "stored to the second")
            #expect(try await sender.sendDue(at: start.addingTimeInterval(30), on: app.db, group: app.eventLoopGroup) == .init(), "not before it is due")
            var now = start
            for delay in MailSender.retryDelays {
                now = now.addingTimeInterval(delay)
                _ = try await sender.sendDue(at: now, on: app.db, group: app.eventLoopGroup)
            }
            let given = try #require(try await MailMessage.query(on: app.db).first())
            #expect(given.status == .failed && given.attempts == MailSender.retryDelays.count + 1)
            #expect(try await MailAttempt.query(on: app.db).count() == MailSender.retryDelays.count + 1)
            #expect(try server.messages().isEmpty)
        }
    }

    @Test("Settings come from the environment; a wrong value is named")
    func settings() throws {
        #expect(try SMTPSettings.fromEnvironment([:]) == nil)
        let settings = try #require(try SMTPSettings.fromEnvironment(["SAMSYN_SMTP_HOST": "smtp.example.se", "SAMSYN_MAIL_FROM": "noreply@example.se"]))
        #expect(settings.port == 587 && settings.security == .starttls)
        #expect(throws: SMTPSettingsError.self) { try SMTPSettings.fromEnvironment(["SAMSYN_SMTP_HOST": "smtp.example.se"]) }
        #expect(throws: SMTPSettingsError.self) {
            try SMTPSettings.fromEnvironment(["SAMSYN_SMTP_HOST": "h", "SAMSYN_MAIL_FROM": "a@b.se", "SAMSYN_SMTP_SECURITY": "none", "SAMSYN_SMTP_PASSWORD": "p"])
        }
        #expect(throws: SMTPSettingsError.self) { try SMTPSettings.fromEnvironment(["SAMSYN_SMTP_HOST": "h", "SAMSYN_MAIL_FROM": "a@b.se", "SAMSYN_SMTP_PORT": "x"]) }
    }
}

/// Whatever made the transaction fail.
struct Cause: Error {}

/// Finding 7 of the probe of 43f0f05: a server that accepts the connection and never answers must
/// not hold the outbox. A listening socket that never accepts is such a server: the kernel completes
/// the connection, and no greeting ever comes.
@Suite("E-mail: a silent SMTP server")
struct SilentSMTPServerTests {
    /// A socket listening on 127.0.0.1 at a free port that nobody accepts on; closed by `close()`.
    final class SilentListener {
        let descriptor: Int32
        let port: Int

        init() throws {
            let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = 0
            let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
            guard bound == 0, listen(listener, 8) == 0 else { throw Failure() }
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) } }
            descriptor = listener
            port = Int(UInt16(bigEndian: address.sin_port))
        }

        func close() { _ = Glibc.close(descriptor) }

        struct Failure: Error {}
    }

    @Test("A reply that never comes ends the attempt after the reply timeout, is recorded, and the next message is tried", arguments: Engine.enabled)
    func silentServer(engine: Engine) async throws {
        let listener = try SilentListener()
        defer { listener.close() }
        try await withApp(engine, demo: false) { app in
            for index in 1...2 {
                try await Outbox.enqueue(.init(to: "mottagare\(index)@example.se", subject: "Påminnelse", body: "Hej", reason: "test"), organisationID: nil, on: app.db)
            }
            var settings = SMTPSettings(host: "127.0.0.1", port: listener.port, security: .none, from: "samsyn@example.se")
            settings.replyTimeout = 1
            let result = try await MailSender(client: SMTPClient(settings: settings)).sendDue(on: app.db, group: app.eventLoopGroup)
            #expect(result.retrying == 2 && result.sent == 0, "each attempt ends at its reply timeout, and the next is tried")
            let messages = try await MailMessage.query(on: app.db).all()
            #expect(messages.allSatisfy { $0.attempts == 1 && ($0.lastError ?? "").contains("no reply within 1 s") }, "\(messages.map(\.lastError))")
        }
    }
}
