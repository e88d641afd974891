import Auth
import Core
import Foundation
import Plot

/// The audit trail of an organisation, optionally of one user: read-only by design.
public final class AuditPage: OrganisationPage {
    let entries: [AuditEntry]
    let user: String?

    public init(organisationSlug: String, organisationName: String, entries: [AuditEntry], user: String?) {
        self.entries = entries
        self.user = user
        super.init(organisationSlug: organisationSlug, organisationName: organisationName)
    }

    public override func pageTitle() -> String { "Ändringslogg – \(organisationName)" }
    public override func breadcrumbs() -> [Breadcrumb] { organisationCrumbs(Breadcrumb("Ändringslogg")) }

    static let formatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "sv_SE")
        formatter.timeZone = TimeZone(identifier: "Europe/Stockholm")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter
    }()

    public override func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(user.map { "Ändringslogg för \($0)" } ?? "Ändringslogg")),
            .p(.text("Varje ändring, vem som gjorde den och när, från vad till vad. Loggen kan inte ändras eller raderas i Samsyn. "),
               .unwrap(user) { _ in .a(.href(OrganisationURL.auditTrail.link(organisationSlug)), .text("Visa alla användare")) }),
            entries.isEmpty ? .p(.text("Inga ändringar ännu.")) : .table(
                .caption(.text("\(entries.count) senaste ändringarna")),
                .thead(.tr(
                    .th(.attribute(named: "scope", value: "col"), .text("Tid")),
                    .th(.attribute(named: "scope", value: "col"), .text("Vem")),
                    .th(.attribute(named: "scope", value: "col"), .text("Vad")),
                    .th(.attribute(named: "scope", value: "col"), .text("Före")),
                    .th(.attribute(named: "scope", value: "col"), .text("Efter"))
                )),
                .tbody(.forEach(entries) { entry in
                    .tr(
                        .td(.text(entry.createdAt.map(Self.formatter.string) ?? "–")),
                        .td(entry.actorID == nil ? .text(entry.actor)
                            : .a(.href(OrganisationURL.auditTrail.link(organisationSlug) + "?anvandare=\(entry.actor.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"),
                                 .text(entry.actor))),
                        .td(.text("\(entry.action): \(entry.subject)")),
                        .td(.text(entry.before ?? "–")),
                        .td(.text(entry.after ?? "–"))
                    )
                })
            )
        )
    }
}
