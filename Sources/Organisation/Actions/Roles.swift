import Auth
import Core
import Fluent
import Foundation
import SQLKit
import Vapor

/// Giving people roles in an organisation. Identity (accounts, passwords, sessions) is Auth's;
/// what a user may do in an organisation is decided here. Each write runs in one transaction
/// with its audit entry.
public enum Roles {
    @discardableResult
    public static func createUser(email rawEmail: String, name: String, password: String, organisationSlug: String, role: RoleKind,
                                  represents: String? = nil, actor: AuditLog.Actor, hasher: AsyncPasswordHasher, on db: any Database) async throws -> Account {
        let email = Accounts.normalise(email: rawEmail)
        guard email.contains("@"), email.count >= 3, !email.contains(" ") else { throw AccountFailure.invalidEmail(rawEmail) }
        guard password.count >= Accounts.minimumPasswordLength else { throw AccountFailure.weakPassword }
        guard TextRules.problem(in: name, as: .title, limit: 200) == nil, TextRules.problem(in: email, as: .title, limit: 200) == nil else {
            throw AccountFailure.invalidName
        }
        guard let organisation = try await OrganisationRecord.query(on: db).filter(\.$slug == organisationSlug).first() else {
            throw AccountFailure.unknownOrganisation(organisationSlug)
        }
        let representsID = try await member(representedBy: role, key: represents, of: organisation.requireID(), on: db)
        if try await Accounts.account(email: email, on: db) != nil { throw AccountFailure.emailTaken(email) }
        let hash = try await hasher.hash(password).get()
        return try await db.write { db in
            let user = try await Accounts.insert(email: email, name: name.isEmpty ? email : name, passwordHash: hash, on: db)
            try await Role(userID: user.id, organisationID: organisation.requireID(), role: role, representsID: representsID).create(on: db)
            try await AuditLog.record("user.create", subject: "user \(email)", actor: actor, organisationID: organisation.id,
                                      after: "role \(role.rawValue) in \(organisation.slug)", on: db)
            return user
        }
    }

    /// Gives an existing user a role in an organisation.
    public static func grantRole(email rawEmail: String, organisationID: UUID, role: RoleKind, represents: String?, actor: AuditLog.Actor,
                                 on db: any Database) async throws {
        let email = Accounts.normalise(email: rawEmail)
        guard let user = try await Accounts.account(email: email, on: db) else { throw AccountFailure.unknownUser(email) }
        let representsID = try await member(representedBy: role, key: represents, of: organisationID, on: db)
        let userID = user.id
        if try await Role.query(on: db).filter(\.$userID == userID).filter(\.$organisation.$id == organisationID).filter(\.$role == role).first() != nil {
            return
        }
        try await db.write { db in
            try await Role(userID: userID, organisationID: organisationID, role: role, representsID: representsID).create(on: db)
            try await AuditLog.record("role.grant", subject: "user \(email)", actor: actor, organisationID: organisationID, after: role.rawValue, on: db)
        }
    }

    /// Takes a role in an organisation away from a user; their other roles stay.
    public static func revokeRole(email rawEmail: String, organisationID: UUID, role: RoleKind, actor: AuditLog.Actor,
                                  on db: any Database) async throws {
        let email = Accounts.normalise(email: rawEmail)
        guard let user = try await Accounts.account(email: email, on: db) else { throw AccountFailure.unknownUser(email) }
        let userID = user.id
        try await db.write { db in
            if role == .administrator {
                // The organisation's row lock makes two administrators removing each other take turns.
                try await (db as! any SQLDatabase).update(OrganisationRecord.schema).set(SQLIdentifier("slug"), to: SQLIdentifier("slug"))
                    .where("id", .equal, organisationID).run()
                let administrators = try await Role.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$role == .administrator).all()
                if administrators.contains(where: { $0.userID == userID }), administrators.count <= 1 { throw AccountFailure.lastAdministrator }
            }
            try await Role.query(on: db).filter(\.$userID == userID).filter(\.$organisation.$id == organisationID).filter(\.$role == role).delete()
            try await AuditLog.record("role.revoke", subject: "user \(email)", actor: actor, organisationID: organisationID, before: role.rawValue, on: db)
        }
    }

    /// The member a member representative answers for, which must be a member of the
    /// organisation; nil for every other role.
    static func member(representedBy role: RoleKind, key: String?, of organisationID: UUID, on db: any Database) async throws -> UUID? {
        guard role == .memberRepresentative else { return nil }
        guard let key, let member = try await RegistryQuery.actor(key, on: db),
              try await Membership.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$member.$id == member.requireID()).first() != nil
        else { throw AccountFailure.representativeNeedsMember }
        return member.id
    }
}

extension Roles {
    /// An administrator disables or enables an account from their organisation's users page. The
    /// account must have roles here and nowhere else (an account is global), must not be the
    /// administrator's own, and the organisation keeps an enabled administrator.
    @discardableResult
    public static func setAccountDisabled(_ disabled: Bool, email rawEmail: String, organisationID: UUID, by administrator: Account,
                                          on db: any Database) async throws -> Bool {
        let email = Accounts.normalise(email: rawEmail)
        guard email != administrator.email else { throw AccountFailure.ownAccount }
        guard let user = try await Accounts.account(email: email, on: db) else { throw AccountFailure.unknownUser(email) }
        let roles = try await Role.query(on: db).filter(\.$userID == user.id).all()
        guard !roles.isEmpty, roles.contains(where: { $0.$organisation.id == organisationID }) else { throw AccountFailure.unknownUser(email) }
        guard roles.allSatisfy({ $0.$organisation.id == organisationID }) else { throw AccountFailure.rolesElsewhere }
        if disabled, roles.contains(where: { $0.role == .administrator }) {
            let administrators = try await Role.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$role == .administrator).all()
            let enabledAdministrators = try await Accounts.accounts(ids: administrators.map(\.userID), on: db).values.filter { !$0.disabled }.count
            if enabledAdministrators <= 1 { throw AccountFailure.lastAdministrator }
        }
        return try await Accounts.setDisabled(disabled, email: email, actor: .user(administrator), organisationID: organisationID, on: db)
    }
}
