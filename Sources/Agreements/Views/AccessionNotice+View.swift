import Core
import Foundation
import Organisation
import Plot

/// A short message about joining (too many applications).
enum AccessionNotice {
    final class View: OrganisationPage {
        let heading: String
        let message: String

        init(organisation: OrganisationRecord, heading: String, message: String) {
            self.heading = heading
            self.message = message
            super.init(organisationSlug: organisation.slug, organisationName: organisation.name)
        }

        override func pageTitle() -> String { "\(heading) – \(organisationName)" }
        override func content() -> Node<HTML.BodyContext> { .article(.h1(.text(heading)), .p(.text(message))) }
    }
}
