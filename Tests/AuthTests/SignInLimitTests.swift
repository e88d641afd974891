import AppTestSupport
@testable import Auth
import Core
import Fluent
import Foundation
@testable import Organisation
import Testing
import Vapor

/// Sign-in that cannot be turned against users (security probe findings 1, 2, 4, 10, 11). Clients
/// are told apart the way a deployment behind a load balancer does: the in-memory test transport
/// has no peer address ("unknown"), which is listed as the trusted proxy, and each client sends
/// its own X-Forwarded-For.
@Suite("Sign-in limits")
struct SignInLimitTests {
    static let modules: [any AppModule.Type] = [AuthModule.self, OrganisationModule.self]

    func setUp(_ app: Application) async throws -> CountingHasher {
        app.trustedProxies = TrustedProxies(["unknown"])
        let hasher = CountingHasher()
        app.passwords.use { _ in hasher }
        let organisation = try await Factory.organisation(on: app.db)
        try await Factory.user("agare@example.se", roles: [.editor], in: organisation, on: app.db)
        return hasher
    }

    @Test("Successful sign-ins are never counted against an address (finding 1)", arguments: Engine.enabled)
    func successesDoNotCount(engine: Engine) async throws {
        try await withApp(engine, modules: Self.modules, demo: false) { app in
            _ = try await setUp(app)
            for attempt in 1...25 {
                var browser = Browser(app: app, from: "10.0.0.1")
                #expect(try await browser.signIn("agare@example.se", Factory.password) == .seeOther, "sign-in \(attempt)")
            }
        }
    }

    @Test("Anonymous failures from one address do not lock out anyone at another address (finding 1)", arguments: Engine.enabled)
    func failuresStayWithTheirAddress(engine: Engine) async throws {
        try await withApp(engine, modules: Self.modules, demo: false) { app in
            _ = try await setUp(app)
            for attempt in 1...25 {
                var attacker = Browser(app: app, from: "203.0.113.9")
                let status = try await attacker.signIn("nobody-\(attempt)@example.se", "fel-losenord-123")
                #expect(status == .unauthorized || status == .tooManyRequests)
            }
            var owner = Browser(app: app, from: "10.0.0.1")
            #expect(try await owner.signIn("agare@example.se", Factory.password) == .seeOther)
        }
    }

    @Test("Wrong passwords for an account from one address cannot lock its owner out at another (finding 2)", arguments: Engine.enabled)
    func ownerIsNotLockedOut(engine: Engine) async throws {
        try await withApp(engine, modules: Self.modules, demo: false) { app in
            _ = try await setUp(app)
            var attacker = Browser(app: app, from: "203.0.113.9")
            for _ in 1...10 { _ = try await attacker.signIn("agare@example.se", "fel-losenord-123") }
            #expect(try await attacker.signIn("agare@example.se", Factory.password) == .tooManyRequests, "the attacker's pair waits")
            var owner = Browser(app: app, from: "10.0.0.1")
            #expect(try await owner.signIn("agare@example.se", Factory.password) == .seeOther)
        }
    }

    @Test("40 parallel wrong passwords get no more password checks than the limit (finding 4)", arguments: Engine.enabled)
    func parallelAttemptsAreCountedAtomically(engine: Engine) async throws {
        try await withApp(engine, modules: Self.modules, demo: false) { app in
            let hasher = try await setUp(app)
            try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 1...40 {
                    group.addTask {
                        var browser = Browser(app: app, from: "203.0.113.9")
                        return try await browser.signIn("agare@example.se", "fel-losenord-123")
                    }
                }
                for try await status in group { #expect(status == .unauthorized || status == .tooManyRequests) }
            }
            #expect(hasher.verifications <= Accounts.attemptsPerWindow, "\(hasher.verifications) password checks")
        }
    }

    @Test("Unknown and disabled accounts cost exactly one password verification, off the event loop (findings 10, 11)",
          arguments: Engine.enabled)
    func unknownAccountsVerifyOnce(engine: Engine) async throws {
        try await withApp(engine, modules: Self.modules, demo: false) { app in
            let hasher = try await setUp(app)
            var browser = Browser(app: app, from: "10.0.0.1")
            let before = hasher.verifications
            #expect(try await browser.signIn("finns-inte@example.se", Factory.password) == .unauthorized)
            #expect(hasher.verifications == before + 1)
            try await Accounts.disableUser(email: "agare@example.se", actor: .commandLine, on: app.db)
            #expect(try await browser.signIn("agare@example.se", Factory.password) == .unauthorized)
            #expect(hasher.verifications == before + 2)
            #expect(try await browser.signIn("agare@example.se", Factory.password) == .unauthorized)
            #expect(hasher.verificationsOnEventLoop == 0, "bcrypt must not run on an event loop")
        }
    }

    @Test("The client is the peer unless the peer is a trusted proxy")
    func trustedProxies() {
        let proxies = TrustedProxies(setting: " 10.0.0.2, 10.0.0.3 ")
        #expect(proxies.client(peer: "198.51.100.7", forwardedFor: ["1.2.3.4"]) == "198.51.100.7", "an untrusted peer cannot claim an address")
        #expect(proxies.client(peer: "10.0.0.2", forwardedFor: ["1.2.3.4, 10.0.0.3"]) == "1.2.3.4")
        #expect(proxies.client(peer: "10.0.0.2", forwardedFor: ["6.6.6.6", "5.5.5.5, 10.0.0.3"]) == "5.5.5.5", "the nearest untrusted hop")
        #expect(proxies.client(peer: "10.0.0.2", forwardedFor: []) == "10.0.0.2")
    }
}
