import Auth
import Core
import Plot

/// An administrator's view of who has which role in the organisation, and forms to add people.
public final class UsersPage: OrganisationPage {
    public struct Line: Sendable {
        public let email: String
        public let name: String
        public let role: RoleKind
        public let represents: String?
        public let disabled: Bool
        public init(email: String, name: String, role: RoleKind, represents: String?, disabled: Bool) {
            self.email = email
            self.name = name
            self.role = role
            self.represents = represents
            self.disabled = disabled
        }
    }

    let lines: [Line]
    let members: [(key: String, name: String)]
    let csrf: String
    let message: String?
    let isError: Bool

    public init(organisationSlug: String, organisationName: String, lines: [Line], members: [(key: String, name: String)], csrf: String,
                message: String? = nil, isError: Bool = false) {
        self.lines = lines
        self.members = members
        self.csrf = csrf
        self.message = message
        self.isError = isError
        super.init(organisationSlug: organisationSlug, organisationName: organisationName)
    }

    public override func pageTitle() -> String { "Användare – \(organisationName)" }
    public override func breadcrumbs() -> [Breadcrumb] { organisationCrumbs(Breadcrumb("Användare")) }

    func selects() -> (roles: String, members: String) {
        // The least role is the default: a new user reads until someone gives more.
        let roles = RoleKind.allCases.map { "<option value=\"\($0.rawValue)\"\($0 == .reader ? " selected" : "")>\(Markdown.escape($0.label))</option>" }.joined()
        let members = (["<option value=\"\">Ingen (behövs bara för medlemsrepresentant)</option>"]
            + self.members.map { "<option value=\"\(Markdown.escape($0.key))\">\(Markdown.escape($0.name))</option>" }).joined()
        return (roles, members)
    }

    public override func content() -> Node<HTML.BodyContext> {
        let (roles, memberOptions) = selects()
        let action = OrganisationURL.users.link(organisationSlug)
        let hidden: Node<HTML.FormContext> = .input(.type(.hidden), .name("csrf"), .value(Markdown.escape(csrf)))
        let field = { (id: String, label: String, type: HTMLInputType) -> Node<HTML.FormContext> in
            .div(.class("field"), .label(.for(id), .text(label)), .input(.type(type), .name(id.components(separatedBy: "-").last!), .id(id)))
        }
        let roleField = { (prefix: String) -> Node<HTML.FormContext> in
            .group(
                .div(.class("field"), .label(.for("\(prefix)-role"), .text("Roll")), .raw("<select name=\"role\" id=\"\(prefix)-role\">\(roles)</select>")),
                .div(.class("field"), .label(.for("\(prefix)-represents"), .text("Företräder")),
                     .raw("<select name=\"represents\" id=\"\(prefix)-represents\">\(memberOptions)</select>"))
            )
        }
        return .group(
            .h1(.text("Användare och roller")),
            .unwrap(message) { .p(.class(isError ? "form-error" : "form-ok"), .attribute(named: "role", value: isError ? "alert" : "status"), .text($0)) },
            lines.isEmpty ? .p(.text("Ingen har en roll här ännu.")) : .table(
                .caption(.text("Roller i \(organisationName)")),
                .thead(.tr(
                    .th(.attribute(named: "scope", value: "col"), .text("E-post")),
                    .th(.attribute(named: "scope", value: "col"), .text("Namn")),
                    .th(.attribute(named: "scope", value: "col"), .text("Roll")),
                    .th(.attribute(named: "scope", value: "col"), .text("Konto")),
                    .th(.attribute(named: "scope", value: "col"), .text("Åtgärd"))
                )),
                .tbody(.forEach(lines) { line in
                    .tr(.td(.text(line.email)), .td(.text(line.name)),
                        .td(.text(line.role.label + (line.represents.map { " för \($0)" } ?? ""))),
                        .td(.text(line.disabled ? "Avstängt" : "Aktivt")),
                        .td(.form(.class("inline"), .method(.post), .action(OrganisationURL.revokeRole.link(organisationSlug)), hidden,
                                  .input(.type(.hidden), .name("email"), .value(Markdown.escape(line.email))),
                                  .input(.type(.hidden), .name("role"), .value(line.role.rawValue)),
                                  .button(.type(.submit), .class("small"),
                                          .attribute(named: "aria-label", value: Markdown.escape("Ta bort rollen \(line.role.label) från \(line.email)")),
                                          .text("Ta bort roll")))))
                })
            ),
            .h2(.text("Ny användare")),
            .form(.method(.post), .action(action), hidden,
                  field("new-email", "E-postadress", .email), field("new-name", "Namn", .text),
                  roleField("new"),
                  field("new-password", "Första lösenord (minst \(Accounts.minimumPasswordLength) tecken; be personen byta det)", .password),
                  .button(.type(.submit), .text("Skapa användare"))),
            .h2(.text("Ge en befintlig användare en roll")),
            .form(.method(.post), .action(OrganisationURL.grantRole.link(organisationSlug)), hidden,
                  field("grant-email", "E-postadress", .email),
                  roleField("grant"),
                  .button(.type(.submit), .text("Ge roll")))
        )
    }
}
