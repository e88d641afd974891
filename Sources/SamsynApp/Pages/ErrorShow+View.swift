import Core
import Organisation
import Plot
import Vapor

enum ErrorShow {
    final class View: Page {
        let status: HTTPResponseStatus

        init(status: HTTPResponseStatus) {
            self.status = status
        }

        override func pageTitle() -> String { heading }

        var heading: String {
            switch status.code {
            case 404: "Sidan finns inte"
            case 400: "Felaktig adress"
            case 400..<500: "Förfrågan kunde inte utföras"
            default: "Något gick fel"
            }
        }

        override func content() -> Node<HTML.BodyContext> {
            .group(
                .h1(.text(heading)),
                .p(.text(status.code == 404
                    ? "Vi hittar ingen sida på den här adressen. Den kan ha flyttats, eller så är adressen felstavad."
                    : status.code < 500 ? "Adressen eller uppgifterna i förfrågan är inte giltiga." : "Ett oväntat fel inträffade hos oss. Felet är loggat; försök igen om en stund.")),
                .p(.a(.href(SiteURL.home), .text("Till startsidan")))
            )
        }
    }
}
