import Fluent
import Foundation
import Vapor

/// A person who signs in, as other modules see them: a plain value read from Auth's `User`
/// model, which stays inside Auth. The acting user of a request (`Request.user`) is one.
public struct Account: Sendable, Hashable, Authenticatable {
    public let id: UUID
    public let email: String
    public let name: String
    public let disabled: Bool
    public let lastSignedInAt: Date?

    init(_ user: User) {
        self.id = user.id!
        self.email = user.email
        self.name = user.name
        self.disabled = user.disabled
        self.lastSignedInAt = user.lastSignedInAt
    }
}

extension Accounts {
    /// E-mail addresses are compared without case and surrounding space.
    public static func normalise(email: String) -> String {
        User.normalise(email: email)
    }

    /// The account with this e-mail address (compared normalised), if any.
    public static func account(email: String, on db: any Database) async throws -> Account? {
        try await User.query(on: db).filter(\.$email == normalise(email: email)).first().map(Account.init)
    }

    /// The accounts with these ids, by id; ids without an account are left out.
    public static func accounts(ids: some Collection<UUID>, on db: any Database) async throws -> [UUID: Account] {
        guard !ids.isEmpty else { return [:] }
        return Dictionary(uniqueKeysWithValues: try await User.query(on: db).filter(\.$id ~~ Array(Set(ids))).all().map { ($0.id!, Account($0)) })
    }

    /// Every account, by e-mail address: for `samsyn user list`.
    public static func all(on db: any Database) async throws -> [Account] {
        try await User.query(on: db).sort(\.$email).all().map(Account.init)
    }

    /// Creates an account with a password hash already made; the caller runs it in its own
    /// transaction with what else the new account comes with (a role) and its audit entry.
    public static func insert(email: String, name: String, passwordHash: String, on db: any Database) async throws -> Account {
        let user = User(email: email, name: name, passwordHash: passwordHash)
        try await user.create(on: db)
        return Account(user)
    }
}
