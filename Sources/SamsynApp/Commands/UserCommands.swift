import Auth
import Fluent
import Foundation
import Organisation
import Vapor

/// `samsyn user create|list|disable`: the first administrator and account care from the shell.
enum UserCommands {
    static func group() -> any AsyncCommandGroup {
        var commands = AsyncCommands()
        commands.use(Create(), as: "create")
        commands.use(List(), as: "list")
        commands.use(Disable(), as: "disable")
        return commands.group(help: "Manages user accounts: create, list, disable.")
    }

    /// Creates a user with one role; the password is read from standard input (one line).
    struct Create: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "email", help: "The user's e-mail address (their sign-in name).")
            var email: String?
            @Option(name: "org", help: "The slug of the organisation the role is in.")
            var org: String?
            @Option(name: "role", help: "administrator, editor, member-representative or reader.")
            var role: String?
            @Option(name: "name", help: "The user's name (defaults to the e-mail address).")
            var name: String?
            @Option(name: "represents", help: "For a member representative: the member's SCB code or slug.")
            var represents: String?
        }

        var help: String { "Creates a user with a role in an organisation; reads the password from standard input." }

        func run(using context: CommandContext, signature: Signature) async throws {
            guard let email = signature.email else { throw CommandFailure("missing --email") }
            guard let org = signature.org else { throw CommandFailure("missing --org SLUG") }
            guard let roleName = signature.role, let role = RoleKind(rawValue: roleName) else {
                throw CommandFailure("--role must be one of \(RoleKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard let password = readLine(strippingNewline: true), !password.isEmpty else {
                throw CommandFailure("no password on standard input; pipe it in, e.g. printf '%s\\n' \"$PASSWORD\" | samsyn user create …")
            }
            let app = context.application
            try await migrate(app)
            try await Roles.createUser(email: email, name: signature.name ?? "", password: password, organisationSlug: org, role: role,
                                          represents: signature.represents, actor: .commandLine, hasher: app.password.async, on: app.db)
            app.logger.notice("Created \(Accounts.normalise(email: email)) as \(role.rawValue) in \(org)")
        }
    }

    /// Lists users with their roles, one line each, on standard output.
    struct List: AsyncCommand {
        struct Signature: CommandSignature {}
        var help: String { "Lists users, their roles and whether they are disabled." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            try await migrate(app)
            let users = try await Accounts.all(on: app.db)
            let roles = try await RoleQuery.everyRole(on: app.db)
            let lines = users.map { user in
                let roles = (roles[user.id] ?? []).sorted().joined(separator: ",")
                return "\(user.email)\t\(user.name)\t\(roles)\t\(user.disabled ? "disabled" : "active")"
            }
            FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")).utf8))
        }
    }

    /// Disables a user and ends their sessions; nothing is deleted (the audit trail keeps its references).
    struct Disable: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "email", help: "The e-mail address of the user to disable.")
            var email: String?
        }
        var help: String { "Disables a user and ends their sessions." }

        func run(using context: CommandContext, signature: Signature) async throws {
            guard let email = signature.email else { throw CommandFailure("missing --email") }
            let app = context.application
            try await migrate(app)
            try await Accounts.disableUser(email: email, actor: .commandLine, on: app.db)
            app.logger.notice("Disabled \(Accounts.normalise(email: email))")
        }
    }
}
