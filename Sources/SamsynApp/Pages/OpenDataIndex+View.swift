import Core
import Organisation
import Plot

/// The site's open data page: what Samsyn publishes as open data, for whom, under which
/// licence, and each organisation's own page of downloads.
enum OpenDataIndex {
    final class View: Page {
        let organisations: [OrganisationRecord]

        init(organisations: [OrganisationRecord]) {
            self.organisations = organisations
        }

        override func pageTitle() -> String { "Öppna data" }
        override func pageDescription() -> String { "Styrdokument, mål, aktiviteter, medlemmar och nätverk från kommunförbunden i Samsyn som öppna data: CSV och JSON, fritt att använda." }
        override func breadcrumbs() -> [Breadcrumb] { [Breadcrumb("Start", url: SiteURL.home), Breadcrumb("Öppna data")] }

        override func content() -> Node<HTML.BodyContext> {
            .group(
                .h1(.text("Öppna data")),
                .p(.text("Allt som organisationerna publicerar i Samsyn finns också som öppna data: styrdokumenten med varje antagen version, "
                         + "målen och aktiviteterna med status och samarbetsparter, medlemmarna, organen, nätverken och forumen.")),
                .ul(
                    .li(.strong(.text("Som kalkylark: ")), .text("varje lista kan laddas ned som CSV (UTF-8, kommaseparerad) från organisationens sida om öppna data.")),
                    .li(.strong(.text("För system: ")), .text("ett JSON-API under "), .code(.text(SiteURL.apiBase)),
                        .text(" utan inloggning, som får anropas från vilken webbsida som helst, beskrivet i "),
                        .a(.href(SiteURL.openAPI), .text("OpenAPI 3.1")), .text(".")),
                    .li(.strong(.text("Licens: ")), .text("om inget annat anges är data fria att använda, också kommersiellt och utan källangivelse: "),
                        .a(.href(HTML.escape(Licence.cc0.url)), .text(Licence.cc0.name)), .text("."))
                ),
                .h2(.text("Organisationer")),
                organisations.isEmpty ? .p(.text("Inga organisationer publicerar här ännu."))
                    : .ul(.forEach(organisations) { organisation in
                        .li(.a(.href(OrganisationURL.openData.link(organisation.slug)), .text("Öppna data från \(organisation.name)")))
                    }),
                .h2(.text("Ett exempel")),
                .p(.text("Organisationerna som publicerar här:")),
                .pre(.code(.text("curl \(shell.publicURL.isEmpty ? "https://samsyn.example" : shell.publicURL)\(OrganisationURL.API.organisations.link())")))
            )
        }
    }
}
