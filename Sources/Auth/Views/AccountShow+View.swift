import Core
import Plot

/// The signed-in user's account: roles, password change, sign-out.
public enum AccountShow {
    public final class View: Page {
        /// A role the user holds, with the pages it opens.
        public struct RoleLine: Sendable {
            public let description: String
            public let links: [Breadcrumb]
            public init(description: String, links: [Breadcrumb]) {
                self.description = description
                self.links = links
            }
        }

        let name: String
        let email: String
        let roles: [RoleLine]
        let csrf: String
        let message: String?
        let isError: Bool
        let tokens: [(id: String, name: String, revoked: Bool)]
        let newToken: String?

        public init(name: String, email: String, roles: [RoleLine], csrf: String, message: String? = nil, isError: Bool = false,
                    tokens: [(id: String, name: String, revoked: Bool)] = [], newToken: String? = nil) {
            self.tokens = tokens
            self.newToken = newToken
            self.name = name
            self.email = email
            self.roles = roles
            self.csrf = csrf
            self.message = message
            self.isError = isError
        }

        public override func pageTitle() -> String { "Mitt konto" }
        public override func breadcrumbs() -> [Breadcrumb] { [Breadcrumb("Start", url: SiteURL.home), Breadcrumb("Mitt konto")] }

        public override func content() -> Node<HTML.BodyContext> {
            .group(
                .h1(.text("Mitt konto")),
                .unwrap(message) { .p(.class(isError ? "form-error" : "form-ok"), .attribute(named: "role", value: isError ? "alert" : "status"), .text($0)) },
                .dl(.class("facts"), .dt("Namn"), .dd(.text(name)), .dt("E-post"), .dd(.text(email))),
                .h2(.text("Roller")),
                roles.isEmpty ? .p(.text("Du har inga roller ännu.")) : .ul(.forEach(roles) { line in
                    .li(.text(line.description), .forEach(line.links.indices) { index in
                        .group(.text(index == 0 ? " – " : " · "), .a(.href(HTML.escape(line.links[index].url ?? "")), .text(line.links[index].title)))
                    })
                }),
                .h2(.text("Lösenord")),
                .p(.a(.href(AuthURL.changePassword.link()), .text("Byt lösenord …"))),
                .h2(.text("API-nycklar")),
                .p(.text("En personlig nyckel ger JSON-API:t samma rättigheter som du har. Skicka den som Authorization: Bearer <nyckel>.")),
                .unwrap(newToken) { token in
                    .p(.class("form-ok"), .attribute(named: "role", value: "status"),
                       .text("Ny nyckel (visas bara nu): "), .code(.text(token)))
                },
                .unwrap(tokens.isEmpty ? nil : tokens) { list in
                    .ul(.forEach(list) { token in
                        .li(.text(token.name), .if(token.revoked, .text(" – återkallad")),
                            .if(!token.revoked, .form(.class("inline"), .method(.post), .action(AuthURL.revokeToken.link(token.id)),
                                                      .input(.type(.hidden), .name("csrf"), .value(HTML.escape(csrf))),
                                                      .button(.type(.submit), .class("small"), .attribute(named: "aria-label", value: HTML.escape("Återkalla \(token.name)")), .text("Återkalla")))))
                    })
                },
                .p(.a(.href(AuthURL.tokens.link()), .text("Ny API-nyckel …"))),
                .h2(.text("Logga ut")),
                .form(
                    .method(.post), .action(AuthURL.signOut.link()),
                    .input(.type(.hidden), .name("csrf"), .value(HTML.escape(csrf))),
                    .button(.type(.submit), .text("Logga ut"))
                )
            )
        }
    }
}
