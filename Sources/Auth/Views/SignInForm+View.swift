import Core
import Plot

/// The sign-in form. Works without JavaScript; carries a CSRF token.
public enum SignInForm {
    public final class View: Page {
        let csrf: String
        let email: String
        let message: String?

        public init(csrf: String, email: String = "", message: String? = nil) {
            self.csrf = csrf
            self.email = email
            self.message = message
        }

        public override func pageTitle() -> String { "Logga in" }
        public override func breadcrumbs() -> [Breadcrumb] { [Breadcrumb("Start", url: SiteURL.home), Breadcrumb("Logga in")] }

        public override func content() -> Node<HTML.BodyContext> {
            .group(
                .h1(.text("Logga in")),
                .unwrap(message) { .p(.class("form-error"), .attribute(named: "role", value: "alert"), .text($0)) },
                .form(
                    .method(.post), .action(AuthURL.signIn.link()),
                    .input(.type(.hidden), .name("csrf"), .value(HTML.escape(csrf))),
                    .div(.class("field"), .label(.for("email"), .text("E-postadress")),
                         .input(.type(.email), .name("email"), .id("email"), .value(HTML.escape(email)), .attribute(named: "autocomplete", value: "username"), .required(true))),
                    .div(.class("field"), .label(.for("password"), .text("Lösenord")),
                         .input(.type(.password), .name("password"), .id("password"), .attribute(named: "autocomplete", value: "current-password"), .required(true))),
                    .button(.type(.submit), .text("Logga in"))
                )
            )
        }
    }
}
