import Core
import Foundation
import Organisation
import Plot

/// The organisation's surveys, newest first, with the networks' numbers over the years.
enum SurveyIndex {
    final class View: OrganisationPage {
        let surveys: [Survey]
        let tally: SurveyTally
        let notice: String?

        init(organisationSlug: String, organisationName: String, surveys: [Survey], tally: SurveyTally, notice: String?) {
            self.surveys = surveys
            self.tally = tally
            self.notice = notice
            super.init(organisationSlug: organisationSlug, organisationName: organisationName)
        }

        override func pageTitle() -> String { "Nätverksenkäter – \(organisationName)" }
        override func breadcrumbs() -> [Breadcrumb] {
            organisationCrumbs(Breadcrumb("Uppföljning", url: FollowUpURL.index.link(organisationSlug)), Breadcrumb("Nätverksenkäter"))
        }

        override func content() -> Node<HTML.BodyContext> {
            .group(
                .h1(.text("Nätverksenkäter")),
                Forms.messages(error: nil, notice: notice),
                .p(.text("En gång om året frågar organisationen sina nätverk vad stödet har varit värt för deras eget arbete.")),
                .ul(.class("more"), .li(.a(.href(SurveyURL.newSurvey.link(organisationSlug)), .text("Öppna årets enkät"))),
                    .li(.a(.href(SurveyURL.contacts.link(organisationSlug)), .text("Nätverkens kontakter")))),
                surveys.isEmpty ? .p(.text("Ingen enkät är öppnad ännu.")) : .ul(.forEach(surveys) { survey in
                    .li(.a(.href(SurveyURL.results.link(organisationSlug, String(survey.year))), .text(survey.title)),
                        .text(" (svar till och med \(survey.closesOn))"), .if(survey.example, .span(.class("meta"), .text(" exempeldata"))))
                }),
                .h2(.text("Över åren")),
                SurveyViews.tally(tally, headingLevel: 3)
            )
        }
    }
}
