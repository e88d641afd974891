import Auth
import Core
import Foundation
import Plot

/// An administrator's view of who has which role in the organisation: each person with their
/// roles, account state and last sign-in. Every change is a page of its own (a new user, a role,
/// removing a role, disabling an account), so nothing typed is lost to another form.
public enum UserIndex {
    public final class View: OrganisationPage {
        public struct Person: Sendable {
            public struct Held: Sendable {
                public let role: RoleKind
                public let represents: String?
            }

            public let email: String
            public let name: String
            public let roles: [Held]
            public let disabled: Bool
            public let lastSignedIn: Date?
        }

        let people: [Person]
        let csrf: String
        let notice: String?
        let error: String?
        /// The administrator looking: their own administrator role and account have no remove or disable link.
        let viewer: String

        public init(organisationSlug: String, organisationName: String, people: [Person], viewer: String, csrf: String, notice: String? = nil,
                    error: String? = nil) {
            self.viewer = viewer
            self.people = people
            self.csrf = csrf
            self.notice = notice
            self.error = error
            super.init(organisationSlug: organisationSlug, organisationName: organisationName)
        }

        public override func pageTitle() -> String { "Användare – \(organisationName)" }
        public override func breadcrumbs() -> [Breadcrumb] { organisationCrumbs(Breadcrumb("Användare")) }

        func query(_ email: String, role: RoleKind? = nil) -> String {
            QueryString.make(["epost": email, "roll": role?.rawValue])
        }

        public override func content() -> Node<HTML.BodyContext> {
            .group(
                .h1(.text("Användare och roller")),
                Forms.messages(error: error, notice: notice),
                .p(.a(.href(OrganisationURL.newUser.link(organisationSlug)), .text("Ny användare …")), .text(" · "),
                   .a(.href(OrganisationURL.grantRole.link(organisationSlug)), .text("Ge en befintlig användare en roll …")), .text(" · "),
                   .a(.href(OrganisationURL.auditTrail.link(organisationSlug)), .text("Ändringslogg")), .text(" · "),
                   .a(.href(OrganisationURL.outbox.link(organisationSlug)), .text("Utkorg"))),
                people.isEmpty ? .p(.text("Ingen har en roll här ännu.")) : .scrollingTable("Användare och roller", .table(
                    .class("stack"),
                    .caption(.text("Roller i \(organisationName)")),
                    .thead(.tr(
                        .th(.attribute(named: "scope", value: "col"), .text("Person")),
                        .th(.attribute(named: "scope", value: "col"), .text("Roller")),
                        .th(.attribute(named: "scope", value: "col"), .text("Konto")),
                        .th(.attribute(named: "scope", value: "col"), .text("Senast inloggad"))
                    )),
                    .tbody(.forEach(people) { person in
                        .tr(
                            .td(.label("Person"), .strong(.text(person.name)), .br(), .text(person.email)),
                            .td(.label("Roller"), .ul(.class("plain"), .forEach(person.roles) { held in
                                .li(.text(held.role.label + (held.represents.map { " för \($0)" } ?? "")), .text(" "),
                                    .if(!(person.email == viewer && held.role == .administrator),
                                        .a(.href(HTML.escape(OrganisationURL.revokeRole.link(organisationSlug) + query(person.email, role: held.role))),
                                           .safeAriaLabel("Ta bort rollen \(held.role.label) från \(person.name)"), .text("Ta bort …"))))
                            })),
                            .td(.label("Konto"), .text(person.disabled ? "Avstängt" : "Aktivt"), .text(" "),
                                person.email == viewer ? .text("(du)") : person.disabled
                                    ? .form(.class("inline"), .method(.post), .action(OrganisationURL.account.link(organisationSlug)), Forms.csrfField(csrf),
                                            .input(.type(.hidden), .name("email"), .value(HTML.escape(person.email))),
                                            .input(.type(.hidden), .name("disabled"), .value("nej")),
                                            .button(.type(.submit), .class("small"), .safeAriaLabel("Öppna kontot för \(person.name)"), .text("Öppna")))
                                    : .a(.href(HTML.escape(OrganisationURL.account.link(organisationSlug) + query(person.email))),
                                         .safeAriaLabel("Stäng av kontot för \(person.name)"), .text("Stäng av …"))),
                            .td(.label("Senast inloggad"), .text(person.lastSignedIn.map(Formatting.minute) ?? "Aldrig"))
                        )
                    })
                ))
            )
        }
    }
}
