import Core
import Foundation
import Organisation
import Plot

/// The page a survey link opens when it cannot take an answer: used, expired or unknown; the
/// network's own results where the link is known.
enum SurveyNotice {
    final class View: OrganisationPage {
        let heading: String
        let message: String
        let notice: String?
        let tally: SurveyTally?

        init(organisationSlug: String, organisationName: String, heading: String, message: String, notice: String? = nil, tally: SurveyTally?) {
            self.heading = heading
            self.message = message
            self.notice = notice
            self.tally = tally
            super.init(organisationSlug: organisationSlug, organisationName: organisationName)
        }

        override func pageTitle() -> String { heading }
        override func content() -> Node<HTML.BodyContext> {
            .group(
                .h1(.text(heading)),
                Forms.messages(error: nil, notice: notice),
                .p(.text(message)),
                .unwrap(tally) { tally in
                    .group(.h2(.text("Nätverkets resultat")), .p(.text("Bara nätverkets egna siffror visas här; svaren räknas per nätverk, aldrig per person.")),
                           SurveyViews.tally(tally, headingLevel: 3))
                }
            )
        }
    }
}
