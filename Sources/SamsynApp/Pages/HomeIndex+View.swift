import Core
import Auth
import Organisation
import Plot

enum HomeIndex {
    struct Model {
        let organisations: [OrganisationRecord]
        let demoMode: Bool
    }

    final class View: Page {
        let model: Model

        init(model: Model) {
            self.model = model
        }

        override func content() -> Node<HTML.BodyContext> {
            .group(
                .h1(.text("Samsyn")),
                .p(.text("Här styr, följer upp och publicerar kommunförbund, regioner och civilsamhälle sitt gemensamma arbete – öppet för alla att läsa.")),
                .h2(.text("Organisationer")),
                model.organisations.isEmpty
                    ? .p(.text("Inga organisationer är inlagda ännu. Importera en organisationsfil med kommandot samsyn import."))
                    : .ul(.forEach(model.organisations) { organisation in
                        .li(.a(.href(OrganisationURL.home.link(organisation.slug)), .text(organisation.name)),
                            .text(" – \(organisation.kind.label)"))
                    }),
                .if(model.demoMode, .section(
                    .h2(.text("Demonstration")),
                    .p(.text("Det här är en demonstration med Norrbottens Kommuners Verksamhetsplan 2023 och Inriktning 2023–2026, "
                             + "och den regionala överenskommelsen med civilsamhället i Norrbotten. "
                             + "Logga in med någon av demokontona; lösenordet är \(Demo.password).")),
                    .ul(.forEach(Demo.accounts) { account in
                        .li(.text("\(account.role.label)\(account.organisation == Demo.organisationSlug ? "" : " i överenskommelsen"): \(account.email)"))
                    }),
                    .p(.a(.href(AuthURL.signIn.link()), .text("Till inloggningen")))
                ))
            )
        }
    }
}
