import Core
import Crypto
import Fluent
import Foundation
import Vapor

/// Why an account action was refused: English for the CLI and API, Swedish for pages.
public enum AccountFailure: DomainFailure, Equatable, CustomStringConvertible {
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
    case invalidName
    case lastAdministrator
    case ownAdministratorRole
    case ownAccount
    case rolesElsewhere
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
        case .representativeNeedsMember: "a member representative needs --represents with the SCB code or slug of one of the organisation's members"
        case .wrongCurrentPassword: "the current password is wrong"
        case .invalidTokenName: "give the token a name of at most 100 characters, without control characters"
        case .invalidName: "the name must be at most 200 characters, without control characters or direction overrides"
        case .lastAdministrator: "the organisation's last administrator cannot lose the role; make someone else administrator first"
        case .ownAdministratorRole: "you cannot take away your own administrator role; another administrator can"
        case .unknownToken: "no such token"
        case .ownAccount: "you cannot disable your own account"
        case .rolesElsewhere: "the account has roles in other organisations; it can be disabled from the command line"
        }
    }

    public var swedish: String {
        switch self {
        case .invalidCredentials: "Fel e-postadress eller lösenord, eller så är kontot avstängt."
        case .rateLimited: "För många inloggningsförsök. Vänta 15 minuter och försök igen."
        case .wrongCurrentPassword: "Det nuvarande lösenordet stämmer inte."
        case .invalidTokenName: "Ge nyckeln ett namn på högst 100 tecken, utan styrtecken."
        case .invalidName: "Namnet får ha högst 200 tecken, utan styrtecken eller tecken som ändrar läsriktningen."
        case .lastAdministrator: "Organisationens sista administratör kan inte förlora rollen. Gör någon annan till administratör först."
        case .ownAdministratorRole: "Du kan inte ta bort din egen administratörsroll. En annan administratör kan göra det."
        case .ownAccount: "Du kan inte stänga av ditt eget konto."
        case .rolesElsewhere: "Kontot har roller i andra organisationer och kan därför inte stängas av härifrån. Ta bort rollerna här i stället, eller be Samsyns driftansvariga."
        case .weakPassword: "Lösenordet måste ha minst \(Accounts.minimumPasswordLength) tecken."
        case .emailTaken(let email): "Det finns redan en användare med e-postadressen \(email)."
        case .invalidEmail(let email): "”\(email)” är ingen e-postadress."
        case .unknownUser(let email): "Det finns ingen användare med e-postadressen \(email)."
        case .representativeNeedsMember: "En medlemsrepresentant måste företräda en av organisationens medlemmar. Välj vilken."
        default: description
        }
    }
}

/// Creating users, giving roles, signing in and out, changing passwords. Each write runs in
/// one transaction with its audit entry.
public enum Accounts {
    public static let minimumPasswordLength = 12
    public static let sessionLifetime: TimeInterval = 8 * 3600
    /// Sign-in attempts per account and address in a window.
    public static let attemptsPerWindow = 5
    /// Failed sign-ins per address in a window.
    public static let failuresPerClient = 20
    public static let attemptWindow: TimeInterval = 15 * 60

    public static func disableUser(email rawEmail: String, actor: AuditLog.Actor, on db: any Database) async throws {
        try await setDisabled(true, email: rawEmail, actor: actor, on: db)
    }

    /// Disables an account (ending its sessions) or enables it again. Returns false when it already was so.
    @discardableResult
    public static func setDisabled(_ disabled: Bool, email rawEmail: String, actor: AuditLog.Actor, organisationID: UUID? = nil,
                                   on db: any Database) async throws -> Bool {
        let email = normalise(email: rawEmail)
        guard let user = try await User.query(on: db).filter(\.$email == email).first() else { throw AccountFailure.unknownUser(email) }
        guard user.disabled != disabled else { return false }
        try await db.write { db in
            user.disabled = disabled
            try await user.update(on: db)
            if disabled { try await UserSession.query(on: db).filter(\.$user.$id == user.requireID()).delete() }
            try await AuditLog.record(disabled ? "user.disable" : "user.enable", subject: "user \(email)", actor: actor, organisationID: organisationID,
                                      before: disabled ? "enabled" : "disabled", after: disabled ? "disabled" : "enabled",
                                      context: .init(name: user.name), on: db)
        }
        return true
    }

    /// Checks the password and opens a session; returns the token for the cookie.
    ///
    /// Limits follow OWASP's advice against both guessing and lock-out: attempts are counted per
    /// account *and* address (5 per 15 minutes), so wrong passwords from one place never lock the
    /// owner out at another; and failures (never successes) per address (20 per 15 minutes),
    /// which slows one client trying many accounts. The pair's count is taken atomically before
    /// the password is checked, so parallel attempts get no more checks than the limit. Unknown
    /// and disabled accounts are checked against `dummyHash` (a hash of the same cost), so the
    /// answer takes as long as for a known account.
    public static func signIn(email rawEmail: String, password: String, client: String, hasher: AsyncPasswordHasher, dummyHash: String,
                              now: Date = Date(), on db: any Database) async throws -> String {
        let email = normalise(email: rawEmail)
        let clientKey = "sign-in:client:\(client)", pairKey = "sign-in:pair:\(email)|\(client)"
        guard try await RateCounters.count(clientKey, window: attemptWindow, now: now, on: db) < failuresPerClient,
              try await RateCounters.increment(pairKey, window: attemptWindow, now: now, on: db) <= attemptsPerWindow else {
            throw AccountFailure.rateLimited
        }
        let user = try await User.query(on: db).filter(\.$email == email).first().flatMap { $0.disabled ? nil : $0 }
        let matches = try await hasher.verify(password, created: user?.passwordHash ?? dummyHash).get()
        guard let user, matches else {
            _ = try await RateCounters.increment(clientKey, window: attemptWindow, now: now, on: db)
            throw AccountFailure.invalidCredentials
        }
        let token = randomToken()
        let session = UserSession()
        session.$user.id = try user.requireID()
        session.tokenHash = hash(token)
        session.csrfToken = randomToken()
        session.expiresAt = now.addingTimeInterval(sessionLifetime)
        try await db.write { db in
            try await session.create(on: db)
            try await RateCounter.query(on: db).filter(\.$key == pairKey).delete()
            // Sign-ins are rare and cheap to piggyback on: what has expired goes now.
            try await deleteExpired(now: now, on: db)
            try await User.query(on: db).filter(\.$id == user.requireID()).set(\.$lastSignedInAt, to: now).update()
            try await AuditLog.record("session.create", subject: "user \(email)", actor: .user(user), on: db)
        }
        return token
    }

    /// The session and user for a cookie token, when the session is current and the user enabled.
    static func session(token: String, now: Date = Date(), on db: any Database) async throws -> (UserSession, User)? {
        guard let session = try await UserSession.query(on: db).filter(\.$tokenHash == hash(token)).with(\.$user).first(),
              session.expiresAt > now, !session.user.disabled else { return nil }
        return (session, session.user)
    }

    static func signOut(_ session: UserSession, on db: any Database) async throws {
        try await db.write { db in
            try await session.delete(on: db)
            try await AuditLog.record("session.delete", subject: "user \(session.user.email)", actor: .user(session.user.id!, email: session.user.email), on: db)
        }
    }

    /// Changes the password and ends the user's other sessions (whoever had the old password
    /// is signed out); with `revokeTokens`, their API tokens stop working too.
    static func changePassword(_ account: Account, current: String, new: String, keeping session: UserSession?, revokeTokens: Bool,
                                      hasher: AsyncPasswordHasher, now: Date = Date(), on db: any Database) async throws {
        guard let user = try await User.find(account.id, on: db) else { throw AccountFailure.unknownUser(account.email) }
        guard try await hasher.verify(current, created: user.passwordHash).get() else { throw AccountFailure.wrongCurrentPassword }
        guard new.count >= minimumPasswordLength else { throw AccountFailure.weakPassword }
        let hash = try await hasher.hash(new).get()
        let userID = try user.requireID(), keptID = session?.id
        try await db.write { db in
            user.passwordHash = hash
            try await user.update(on: db)
            let others = UserSession.query(on: db).filter(\.$user.$id == userID)
            if let keptID { others.filter(\.$id != keptID) }
            try await others.delete()
            if revokeTokens {
                try await ApiToken.query(on: db).filter(\.$user.$id == userID).filter(\.$revokedAt == nil).set(\.$revokedAt, to: now).update()
            }
            try await AuditLog.record("user.password", subject: "user \(user.email)", actor: .user(user),
                                      after: revokeTokens ? "other sessions ended, API tokens revoked" : "other sessions ended", on: db)
        }
    }

    /// Deletes expired sessions and the counters of past windows.
    public static func purge(now: Date = Date(), on db: any Database) async throws {
        try await db.write { db in try await deleteExpired(now: now, on: db) }
    }

    static func deleteExpired(now: Date, on db: any Database) async throws {
        try await UserSession.query(on: db).filter(\.$expiresAt < now).delete()
        try await RateCounters.purge(window: attemptWindow, now: now, on: db)
    }

    public static func randomToken() -> String {
        Data((0..<32).map { _ in UInt8.random(in: .min ... .max) }).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    public static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

extension AccountFailure {
    public var english: String { description }

    /// The form field a refusal concerns (the administration's and the account's forms).
    public var field: String? {
        switch self {
        case .weakPassword: "password"
        case .emailTaken, .invalidEmail, .unknownUser: "email"
        case .invalidName: "name"
        case .representativeNeedsMember: "represents"
        case .wrongCurrentPassword: "current"
        case .invalidTokenName: "name"
        default: nil
        }
    }

    public var status: HTTPResponseStatus {
        switch self {
        case .invalidCredentials: .unauthorized
        case .rateLimited: .tooManyRequests
        case .unknownUser, .unknownOrganisation, .unknownToken: .notFound
        case .lastAdministrator, .ownAdministratorRole, .ownAccount, .rolesElsewhere, .emailTaken: .conflict
        default: .unprocessableEntity
        }
    }
}
