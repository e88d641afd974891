import Core
import Foundation
import Mail
import Plot

/// The organisation's e-mail outbox for its administrators: what is waiting, what went and what
/// failed, with the number of attempts and the last error, so nothing is lost when no SMTP server
/// is configured.
public enum OutboxIndex {
    public final class View: OrganisationPage {
        let messages: [OutboxEntry]
        let configured: Bool

        public init(organisationSlug: String, organisationName: String, messages: [OutboxEntry], configured: Bool) {
            self.messages = messages
            self.configured = configured
            super.init(organisationSlug: organisationSlug, organisationName: organisationName)
        }

        public override func pageTitle() -> String { "Utkorg – \(organisationName)" }
        public override func breadcrumbs() -> [Breadcrumb] {
            organisationCrumbs(Breadcrumb("Användare", url: OrganisationURL.users.link(organisationSlug)), Breadcrumb("Utkorg"))
        }

        static func label(_ status: MailStatus) -> String {
            switch status {
            case .pending: "Väntar"
            case .sent: "Skickat"
            case .failed: "Misslyckades"
            }
        }

        public override func content() -> Node<HTML.BodyContext> {
            .group(
                .h1(.text("Utkorg")),
                .p(.text(configured
                    ? "E-post skickas genom den inställda SMTP-servern. Ett misslyckat försök görs om efter 1, 5, 30 och 120 minuter."
                    : "Ingen SMTP-server är inställd: e-posten väntar här och skickas när en server ställs in (SAMSYN_SMTP_HOST).")),
                messages.isEmpty ? .p(.text("Utkorgen är tom.")) : .scrollingTable("Utkorg", .table(
                    .class("stack"),
                    .caption(.text("De senaste 100 breven")),
                    .thead(.tr(
                        .th(.attribute(named: "scope", value: "col"), .text("Till")),
                        .th(.attribute(named: "scope", value: "col"), .text("Ämne")),
                        .th(.attribute(named: "scope", value: "col"), .text("Läge")),
                        .th(.attribute(named: "scope", value: "col"), .text("Försök")),
                        .th(.attribute(named: "scope", value: "col"), .text("Skapat")),
                        .th(.attribute(named: "scope", value: "col"), .text("Senaste fel"))
                    )),
                    .tbody(.forEach(messages) { message in
                        .tr(
                            .td(.label("Till"), .text(message.recipient)),
                            .td(.label("Ämne"), .text(message.subject)),
                            .td(.label("Läge"), .text(Self.label(message.status))),
                            .td(.label("Försök"), .text(String(message.attempts))),
                            .td(.label("Skapat"), .text(message.createdAt.map(Formatting.minute) ?? "–")),
                            .td(.label("Senaste fel"), .text(message.lastError ?? "–"))
                        )
                    })
                ))
            )
        }
    }
}
