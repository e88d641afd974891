import Core
import Foundation
import Plot

/// The organisation's meeting records, newest first.
enum MeetingIndex {
    final class View: OrganisationPage {
        let meetings: [Meeting]
        let groupNames: [String: String]
        let mayEdit: Bool

        init(organisation: OrganisationRecord, meetings: [Meeting], groupNames: [String: String], mayEdit: Bool) {
            self.meetings = meetings
            self.groupNames = groupNames
            self.mayEdit = mayEdit
            super.init(organisationSlug: organisation.slug, organisationName: organisation.name)
        }

        override func pageTitle() -> String { "Möten – \(organisationName)" }
        override func breadcrumbs() -> [Breadcrumb] { organisationCrumbs(Breadcrumb("Möten")) }

        override func content() -> Node<HTML.BodyContext> {
            .group(
                .h1(.text("Möten")),
                .p(.text("Möten som \(organisationName) har hållit: när, vilka som deltog för vilken part, anteckningar och dokument.")),
                .if(mayEdit, .ul(.class("more"), .li(.a(.href(OrganisationURL.newMeeting.link(organisationSlug)), .text("Lägg till ett möte (för redaktörer)"))))),
                meetings.isEmpty ? .p(.text("Inga möten är införda ännu.")) : .ul(.forEach(meetings) { meeting in
                    .li(.a(.href(OrganisationURL.meeting.link(organisationSlug, meeting.key)), .text(meeting.title)),
                        .text(" – \(meeting.heldOn)\(meeting.groupKey.flatMap { groupNames[$0] }.map { ", \($0)" } ?? "")"))
                })
            )
        }
    }
}
