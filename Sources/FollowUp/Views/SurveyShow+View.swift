import Core
import Foundation
import Organisation
import Plot

/// One survey's results for editors: the numbers, every answer's words with its consent, and the
/// quotes chosen for publication.
enum SurveyShow {
    final class View: OrganisationPage {
        let survey: Survey
        let answers: [SurveyAnswer]
        let quotes: [SurveyQuery.Quote]
        let tally: SurveyTally
        let groups: [StructureQuery.Named]
        let invitations: Int
        let csrf: String
        let notice: String?

        init(organisationSlug: String, organisationName: String, survey: Survey, answers: [SurveyAnswer], quotes: [SurveyQuery.Quote], tally: SurveyTally,
             groups: [StructureQuery.Named], invitations: Int, csrf: String, notice: String?) {
            self.survey = survey
            self.answers = answers
            self.quotes = quotes
            self.tally = tally
            self.groups = groups
            self.invitations = invitations
            self.csrf = csrf
            self.notice = notice
            super.init(organisationSlug: organisationSlug, organisationName: organisationName)
        }

        override func pageTitle() -> String { "\(survey.title) – \(organisationName)" }
        override func breadcrumbs() -> [Breadcrumb] {
            organisationCrumbs(Breadcrumb("Uppföljning", url: FollowUpURL.index.link(organisationSlug)),
                               Breadcrumb("Nätverksenkäter", url: SurveyURL.surveys.link(organisationSlug)), Breadcrumb(survey.title))
        }

        func quoteButton(_ answer: SurveyAnswer, _ index: Int, published: Bool) -> Node<HTML.BodyContext> {
            .form(.class("inline"), .method(.post), .action(SurveyURL.quotes.link(organisationSlug, String(survey.year))),
                  .input(.type(.hidden), .name("csrf"), .value(HTML.escape(csrf))), .input(.type(.hidden), .name("answer"), .value(HTML.escape(answer.id!.uuidString))),
                  .input(.type(.hidden), .name("question"), .value(HTML.escape(String(index)))),
                  .input(.type(.hidden), .name("action"), .value(published ? "withdraw" : "publish")),
                  .button(.type(.submit), .class("link"), .text(published ? "Dra tillbaka citatet" : "Publicera som citat")))
        }

        override func content() -> Node<HTML.BodyContext> {
            let questions = JSONColumn.decode([SurveyQuestion].self, from: survey.questionsJSON, default: SurveyQuestion.defaults)
            let ownYear = SurveyTally(networks: tally.networks.map { .init(key: $0.key, name: $0.name, years: $0.years.filter { $0.year == survey.year }) }.filter { !$0.years.isEmpty })
            return .group(
                .p(.class("level-label"), .text("Nätverksenkät")),
                .h1(.text(survey.title)),
                .if(survey.example, DashboardSections.exampleMark("enkätens svar är påhittade", "")),
                Forms.messages(error: nil, notice: notice),
                .p(.text("\(answers.count) svar av \(invitations) skickade länkar; svar till och med \(survey.closesOn).")),
                .h2(.text("Citat som publiceras")),
                quotes.isEmpty ? .p(.text("Inget citat är valt ännu.")) : .group(.forEach(quotes) { SurveyViews.quote($0) }),
                .h2(.text("Per nätverk")),
                SurveyViews.tally(ownYear, headingLevel: 3),
                .h2(.id("svar"), .text("Svaren")),
                .p(.text("Fritext som inte publiceras raderas \(SurveyWork.retentionDays) dagar efter sista svarsdagen. Bara svar vars författare sagt ja kan citeras.")),
                .forEach(answers) { answer in
                    let texts = JSONColumn.decode([String].self, from: answer.textsJSON, default: [])
                    let network = groups.first { $0.key == answer.groupKey }?.name ?? answer.groupKey
                    return .section(
                        .class("survey-answer"),
                        .h3(.text("\(network): betyg \(answer.score)")),
                        .p(.class("meta"), .text("Citat: " + answer.consent.label.replacingOccurrences(of: "Ja, ", with: "ja, ").replacingOccurrences(of: "Nej, ", with: "nej, "))),
                        .dl(.forEach(Array(texts.enumerated())) { index, text in
                            .group(.dt(.text(questions.indices.contains(index + 1) ? questions[index + 1].text : "Fråga \(index + 2)")),
                                   .dd(.text(text.isEmpty ? "–" : text),
                                       .if(!text.isEmpty && answer.consent != .no,
                                           quoteButton(answer, index + 1, published: quotes.contains { $0.answerID == answer.id && $0.question == index + 1 }))))
                        })
                    )
                }
            )
        }
    }
}
