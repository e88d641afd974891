import NIOConcurrencyHelpers
import Vapor

/// bcrypt at the application's cost (`passwordCost`: 12 in production, lower in tests), used
/// through Vapor's password hashers so that hashing runs on the thread pool, never on an event loop.
struct BcryptPasswordHasher: PasswordHasher {
    let cost: Int

    func hash<Password: DataProtocol>(_ password: Password) throws -> [UInt8] {
        Array(try Bcrypt.hash(String(decoding: Array(password), as: UTF8.self), cost: cost).utf8)
    }

    func verify<Password: DataProtocol, Digest: DataProtocol>(_ password: Password, created digest: Digest) throws -> Bool {
        try Bcrypt.verify(String(decoding: Array(password), as: UTF8.self), created: String(decoding: Array(digest), as: UTF8.self))
    }
}

/// A hash of a random password, made once with the application's hasher, so that a sign-in for
/// an unknown or disabled account checks a password of the same cost as a real one.
final class DummyPasswordHash: Sendable {
    private let hash = NIOLockedValueBox<String?>(nil)

    func value(using hasher: AsyncPasswordHasher) async throws -> String {
        if let existing = hash.withLockedValue({ $0 }) { return existing }
        let made = try await hasher.hash(Accounts.randomToken()).get()
        return hash.withLockedValue { current in
            if let current { return current }
            current = made
            return made
        }
    }
}

extension Application {
    private struct DummyHashKey: StorageKey { typealias Value = DummyPasswordHash }

    /// Sets up password hashing; called once at start by `AuthModule.register(in:)`.
    func configurePasswords() {
        passwords.use { app in BcryptPasswordHasher(cost: app.passwordCost) }
        storage[DummyHashKey.self] = DummyPasswordHash()
    }

    public func dummyPasswordHash() async throws -> String {
        guard let dummy = storage[DummyHashKey.self] else { preconditionFailure("AuthModule.register(in:) sets up passwords") }
        return try await dummy.value(using: password.async)
    }
}
