import Core
import Plot

/// Open data for people: what the organisation publishes, each list as CSV and JSON, how to
/// fetch it, and the licence.
public enum OpenDataShow {
    public final class View: OrganisationPage {
        let sets: [OpenDataSet]
        let example: String?
        let licence: Licence

        public init(organisationSlug: String, organisationName: String, sets: [OpenDataSet], example: String?, licence: Licence) {
            self.sets = sets
            self.example = example
            self.licence = licence
            super.init(organisationSlug: organisationSlug, organisationName: organisationName)
        }

        public override func pageTitle() -> String { "Öppna data – \(organisationName)" }
        public override func pageDescription() -> String { "\(organisationName)s styrdokument, medlemmar, nätverk och samarbetsparter som öppna data: CSV och JSON." }
        public override func breadcrumbs() -> [Breadcrumb] { organisationCrumbs(Breadcrumb("Öppna data")) }

        public override func content() -> Node<HTML.BodyContext> {
            let members = OrganisationURL.API.members.link(organisationSlug)
            return .group(
                .h1(.text("Öppna data")),
                .p(.text("Allt som \(organisationName) publicerar här finns också som öppna data: listor att ladda ned som CSV (öppnas i Excel och LibreOffice) "
                         + "och ett JSON-API för andra system. Identiteterna (slug, nyckel, SCB-kod) är stabila och desamma i CSV, JSON och på sidorna.")),
                licenceSection(),
                .h2(.text("Listor")),
                .scrollingTable("Listor att ladda ned", .table(
                    .caption(.text("Listor att ladda ned")),
                    .thead(.tr(.th(.attribute(named: "scope", value: "col"), .text("Lista")), .th(.attribute(named: "scope", value: "col"), .text("Innehåll")),
                               .th(.attribute(named: "scope", value: "col"), .text("Ladda ned")))),
                    .tbody(.forEach(sets) { set in
                        .tr(.th(.attribute(named: "scope", value: "row"), .text(set.title)), .td(.text(set.description)),
                            .td(.a(.href(HTML.escape(set.csv)), .safeAriaLabel("\(set.title) som CSV"), .text("CSV")), .text(" · "),
                                .a(.href(HTML.escape(set.json)), .safeAriaLabel("\(set.title) som JSON"), .text("JSON"))))
                    })
                )),
                .h2(.text("Hämta med API:t")),
                .p(.text("API:t svarar med JSON utan inloggning och får anropas från vilken webbsida som helst (CORS). Till exempel medlemmarna:")),
                .pre(.code(.text("curl \(shell.publicURL.isEmpty ? "https://samsyn.example" : shell.publicURL)\(members)"))),
                .unwrap(example) { json in .group(.p(.text("svarar (förkortat till den första):")), .pre(.code(.text(json)))) },
                .p(.text("Alla anrop, fält och felkoder står i "), .a(.href(SiteURL.openAPI), .text("API-beskrivningen (OpenAPI 3.1)")),
                   .text(". Svaren har en ETag; skicka den i If-None-Match så svarar API:t 304 när inget ändrats.")),
                .p(.a(.href(OrganisationURL.siteOpenData.link()), .text("Om öppna data i Samsyn")))
            )
        }

        func licenceSection() -> Node<HTML.BodyContext> {
            .section(.class("licence"), .attribute(named: "aria-labelledby", value: "licens"),
                     .h2(.id("licens"), .text("Licens")),
                     licence == .cc0
                        ? .p(.text("Data får användas fritt, också kommersiellt, utan att källan behöver anges: "), .a(.href(HTML.escape(licence.url)), .text(licence.name)), .text("."))
                        : .p(.text("\(organisationName) publicerar sina data under licensen "), .a(.href(HTML.escape(licence.url)), .text(licence.name)), .text(".")))
        }
    }
}
