import Crypto
import Fluent
import Foundation
import Vapor

/// Why an account action was refused: English for the CLI and API, Swedish for pages.
public enum AccountFailure: Error, Equatable, CustomStringConvertible {
    case invalidCredentials
    case rateLimited
    case weakPassword
    case emailTaken(String)
    case invalidEmail(String)
    case unknownUser(String)
    case unknownOrganisation(String)
    case representativeNeedsMember
    case wrongCurrentPassword
    case invalidTokenName
    case unknownToken

    public var description: String {
        switch self {
        case .invalidCredentials: "wrong e-mail address or password, or the account is disabled"
        case .rateLimited: "too many sign-in attempts; wait 15 minutes and try again"
        case .weakPassword: "the password must be at least \(Accounts.minimumPasswordLength) characters"
        case .emailTaken(let email): "there is already a user with the e-mail address \(email)"
        case .invalidEmail(let email): "\"\(email)\" is not an e-mail address"
        case .unknownUser(let email): "no user with the e-mail address \(email)"
        case .unknownOrganisation(let slug): "no organisation with slug \"\(slug)\""
        case .representativeNeedsMember: "a member representative needs --represents with the member's SCB code or slug"
        case .wrongCurrentPassword: "the current password is wrong"
        case .invalidTokenName: "give the token a name of at most 100 characters"
        case .unknownToken: "no such token"
        }
    }

    public var swedish: String {
        switch self {
        case .invalidCredentials: "Fel e-postadress eller lösenord, eller så är kontot avstängt."
        case .rateLimited: "För många inloggningsförsök. Vänta 15 minuter och försök igen."
        case .weakPassword: "Lösenordet måste ha minst \(Accounts.minimumPasswordLength) tecken."
        case .wrongCurrentPassword: "Det nuvarande lösenordet stämmer inte."
        case .invalidTokenName: "Ge nyckeln ett namn på högst 100 tecken."
        default: description
        }
    }
}

/// Creating users, giving roles, signing in and out, changing passwords. Each write runs in
/// one transaction with its audit entry.
public enum Accounts {
    public static let minimumPasswordLength = 12
    public static let sessionLifetime: TimeInterval = 8 * 3600
    public static let attemptsPerWindow = 5
    public static let attemptWindow: TimeInterval = 15 * 60

    public static func disableUser(email rawEmail: String, actor: AuditLog.Actor, on db: any Database) async throws {
        let email = User.normalise(email: rawEmail)
        guard let user = try await User.query(on: db).filter(\.$email == email).first() else { throw AccountFailure.unknownUser(email) }
        try await db.transaction { db in
            user.disabled = true
            try await user.update(on: db)
            try await UserSession.query(on: db).filter(\.$user.$id == user.requireID()).delete()
            try await AuditLog.record("user.disable", subject: "user \(email)", actor: actor, before: "enabled", after: "disabled", on: db)
        }
    }

    /// Checks the password, counting attempts per e-mail and per client address, and opens a session.
    /// Returns the session and the token for the cookie.
    public static func signIn(email rawEmail: String, password: String, client: String, now: Date = Date(),
                              on db: any Database) async throws -> (UserSession, token: String) {
        let email = User.normalise(email: rawEmail)
        for key in ["sign-in:email:\(email)", "sign-in:client:\(client)"] {
            guard try await allowAttempt(key, limit: key.contains(":client:") ? attemptsPerWindow * 4 : attemptsPerWindow, now: now, on: db) else {
                throw AccountFailure.rateLimited
            }
        }
        guard let user = try await User.query(on: db).filter(\.$email == email).first(), !user.disabled,
              try Bcrypt.verify(password, created: user.passwordHash) else {
            throw AccountFailure.invalidCredentials
        }
        let token = randomToken()
        let session = UserSession()
        session.$user.id = try user.requireID()
        session.tokenHash = hash(token)
        session.csrfToken = randomToken()
        session.expiresAt = now.addingTimeInterval(sessionLifetime)
        try await db.transaction { db in
            try await session.create(on: db)
            try await RateCounter.query(on: db).filter(\.$key == "sign-in:email:\(email)").delete()
            try await AuditLog.record("session.create", subject: "user \(email)", actor: .user(user.id!, email: email), on: db)
        }
        return (session, token)
    }

    /// The session and user for a cookie token, when the session is current and the user enabled.
    public static func session(token: String, now: Date = Date(), on db: any Database) async throws -> (UserSession, User)? {
        guard let session = try await UserSession.query(on: db).filter(\.$tokenHash == hash(token)).with(\.$user).first(),
              session.expiresAt > now, !session.user.disabled else { return nil }
        return (session, session.user)
    }

    public static func signOut(_ session: UserSession, on db: any Database) async throws {
        try await db.transaction { db in
            try await session.delete(on: db)
            try await AuditLog.record("session.delete", subject: "user \(session.user.email)", actor: .user(session.user.id!, email: session.user.email), on: db)
        }
    }

    public static func changePassword(_ user: User, current: String, new: String, cost: Int = 12, on db: any Database) async throws {
        guard try Bcrypt.verify(current, created: user.passwordHash) else { throw AccountFailure.wrongCurrentPassword }
        guard new.count >= minimumPasswordLength else { throw AccountFailure.weakPassword }
        let hash = try Bcrypt.hash(new, cost: cost)
        try await db.transaction { db in
            user.passwordHash = hash
            try await user.update(on: db)
            try await AuditLog.record("user.password", subject: "user \(user.email)", actor: .user(user.id!, email: user.email), on: db)
        }
    }

    /// One more attempt for `key` in the current window, or false when the limit is reached.
    static func allowAttempt(_ key: String, limit: Int, now: Date, on db: any Database) async throws -> Bool {
        try await db.transaction { db in
            guard let counter = try await RateCounter.query(on: db).filter(\.$key == key).first() else {
                let counter = RateCounter()
                counter.key = key
                counter.windowStart = now
                counter.count = 1
                try await counter.create(on: db)
                return true
            }
            if now.timeIntervalSince(counter.windowStart) > attemptWindow {
                counter.windowStart = now
                counter.count = 0
            }
            guard counter.count < limit else { return false }
            counter.count += 1
            try await counter.update(on: db)
            return true
        }
    }

    public static func randomToken() -> String {
        Data((0..<32).map { _ in UInt8.random(in: .min ... .max) }).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
