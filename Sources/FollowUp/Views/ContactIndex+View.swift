import Core
import Foundation
import Organisation
import Plot

/// The networks and their contact people, for editors: never shown publicly.
enum ContactIndex {
    final class View: OrganisationPage {
        let groups: [StructureQuery.Named]
        let contacts: [NetworkContact]
        let csrf: String
        let notice: String?

        init(organisationSlug: String, organisationName: String, groups: [StructureQuery.Named], contacts: [NetworkContact], csrf: String, notice: String?) {
            self.groups = groups
            self.contacts = contacts
            self.csrf = csrf
            self.notice = notice
            super.init(organisationSlug: organisationSlug, organisationName: organisationName)
        }

        override func pageTitle() -> String { "Nätverkens kontakter – \(organisationName)" }
        override func breadcrumbs() -> [Breadcrumb] {
            organisationCrumbs(Breadcrumb("Uppföljning", url: FollowUpURL.index.link(organisationSlug)),
                               Breadcrumb("Nätverksenkäter", url: SurveyURL.surveys.link(organisationSlug)), Breadcrumb("Nätverkens kontakter"))
        }

        override func content() -> Node<HTML.BodyContext> {
            .group(
                .h1(.text("Nätverkens kontakter")),
                Forms.messages(error: nil, notice: notice),
                .p(.text("Kontaktpersonerna får nätverksenkätens länk. Uppgifterna syns bara för organisationens redaktörer.")),
                .ul(.class("more"), .li(.a(.href(SurveyURL.newContact.link(organisationSlug)), .text("Lägg till en kontaktperson")))),
                .forEach(groups) { group in
                    let own = contacts.filter { $0.groupKey == group.key }
                    return .section(
                        .h2(.text(group.name)),
                        own.isEmpty ? .p(.class("meta"), .text("Ingen kontaktperson.")) : .ul(.forEach(own) { contact in
                            .li(.text("\(contact.name), \(contact.email) "),
                                .form(.class("inline"), .method(.post), .action(SurveyURL.removeContact.link(organisationSlug, contact.id!.uuidString)),
                                      .input(.type(.hidden), .name("csrf"), .value(HTML.escape(csrf))), .input(.type(.hidden), .name("confirmed"), .value("ja")),
                                      .button(.type(.submit), .class("link"), .text("Ta bort"), .span(.class("visually-hidden"), .text(" \(contact.name) från \(group.name)")))))
                        })
                    )
                }
            )
        }
    }
}
