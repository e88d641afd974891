import Core
import Foundation
import Organisation
import Plot

/// The registry: every public agreement (or, for the organisation's users, every agreement) with
/// filters by kind, status, party, unit and year and a search of the titles.
enum AgreementIndex {
    final class View: OrganisationPage {
        let agreements: [AgreementContent]
        let total: Int
        let parties: Set<String>
        let filter: RegistryFilter
        let catalogue: Catalogue
        let staff: Bool
        let mayEdit: Bool
        let notice: String?

        init(agreements: [AgreementContent], all: [AgreementContent], filter: RegistryFilter, catalogue: Catalogue, staff: Bool, mayEdit: Bool, notice: String? = nil) {
            self.agreements = agreements
            self.total = all.count
            self.parties = Set(catalogue.memberKeys + all.flatMap { $0.parties.compactMap(\.organisation) })
            self.filter = filter
            self.catalogue = catalogue
            self.staff = staff
            self.mayEdit = mayEdit
            self.notice = notice
            super.init(organisationSlug: catalogue.organisation.slug, organisationName: catalogue.organisation.name)
        }

        override func pageTitle() -> String { "Avtal och överenskommelser – \(organisationName)" }
        override func breadcrumbs() -> [Breadcrumb] {
            staff ? organisationCrumbs(Breadcrumb("Avtal och överenskommelser", url: AgreementsURL.registry.link(organisationSlug)), Breadcrumb("Hantera"))
                  : organisationCrumbs(Breadcrumb("Avtal och överenskommelser"))
        }

        override func content() -> Node<HTML.BodyContext> {
            let org = organisationSlug
            let action = (staff ? AgreementsURL.staffRegistry : AgreementsURL.registry).link(org)
            return .article(.class("wide"),
                .h1(.text(staff ? "Avtalsregistret: alla avtal" : "Avtal och överenskommelser")),
                Forms.messages(error: nil, notice: notice),
                .p(.text(staff ? "Här finns alla avtal i registret, också utkast och interna avtal. Den offentliga listan visar bara publicerade."
                               : "Avtal och överenskommelser som \(organisationName) har förhandlat fram för medlemmarna: parter, period, status och när de ska omprövas.")),
                .ul(.class("more"),
                    .if(staff, .li(.a(.href(AgreementsURL.registry.link(org)), .text("Den offentliga listan")))),
                    .if(!staff, .li(.a(.href(AgreementsURL.staffRegistry.link(org)), .text("Alla avtal, också interna (för organisationens användare)")))),
                    .if(mayEdit, .li(.a(.href(AgreementsURL.newAgreement.link(org)), .text("Lägg till ett avtal")))),
                    .if(staff, .li(.a(.href(AgreementsURL.reviews.link(org)), .text("Omprövningar")))),
                    .li(.a(.href(AgreementsURL.calendar.link(org)), .text("Omprövningarna som kalender (iCalendar)")))),
                AgreementViews.filters(filter, catalogue: catalogue, parties: parties, action: action),
                .p(.attribute(named: "role", value: "status"), .text(AgreementViews.count(agreements.count, filtered: !filter.isEmpty))),
                agreements.isEmpty ? .p(.text(total == 0 ? "Registret är tomt." : "Inget avtal matchar filtren."))
                    : AgreementViews.table(agreements, organisation: org, staff: staff, caption: "Avtal och överenskommelser"),
                .if(!staff, .downloads("registret", csv: AgreementsURL.csv.link(org), json: AgreementsURL.API.agreements.link(org)))
            )
        }
    }
}
