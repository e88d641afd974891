import Core
import Foundation
import Plot

/// One meeting: when, who took part for which party, notes and documents.
enum MeetingShow {
    final class View: OrganisationPage {
        let meeting: Meeting
        let record: MeetingRecord
        let partyNames: [String: String]
        let groupName: String?
        let mayEdit: Bool
        let notice: String?

        init(organisation: OrganisationRecord, meeting: Meeting, partyNames: [String: String], groupName: String?, mayEdit: Bool, notice: String?) {
            self.meeting = meeting
            self.record = meeting.record
            self.partyNames = partyNames
            self.groupName = groupName
            self.mayEdit = mayEdit
            self.notice = notice
            super.init(organisationSlug: organisation.slug, organisationName: organisation.name)
        }

        override func pageTitle() -> String { "\(record.title) – \(organisationName)" }
        override func breadcrumbs() -> [Breadcrumb] {
            organisationCrumbs(Breadcrumb("Möten", url: OrganisationURL.meetings.link(organisationSlug)), Breadcrumb(record.title))
        }

        override func content() -> Node<HTML.BodyContext> {
            let byParty = Dictionary(grouping: record.participants) { $0.party.flatMap { partyNames[$0] } ?? "Utan angiven part" }
            return .article(
                .header(.p(.class("level-label"), .text("Möte")), .h1(.text(record.title))),
                Forms.messages(error: nil, notice: notice),
                .if(mayEdit, .ul(.class("more"), .li(.a(.href(OrganisationURL.editMeeting.link(organisationSlug, meeting.key)), .text("Ändra mötet (för redaktörer)"))))),
                .dl(.class("facts"),
                    .dt("Datum"), .dd(.text(record.heldOn)),
                    .unwrap(groupName) { name in .group(.dt("Organ"), .dd(.a(.href(OrganisationURL.group.link(organisationSlug, record.group ?? "")), .text(name)))) }),
                .section(.h2(.text("Deltagare")),
                         record.participants.isEmpty ? .p(.text("Deltagarna är inte införda."))
                            : .forEach(byParty.keys.sorted()) { party in
                                .group(.h3(.text(party)), .ul(.forEach(byParty[party] ?? []) { .li(.text($0.name)) }))
                            }),
                .unwrap(record.notes) { .section(.h2(.text("Anteckningar")), .markdown($0)) },
                .if(!record.documents.isEmpty, .section(.h2(.text("Dokument")), .ul(.forEach(record.documents) { document in
                    .li(.a(.href(HTML.escape(document.url)), .text(document.title)))
                })))
            )
        }
    }
}
