import Core
import Foundation
import Organisation
import Plans
import Plot

/// Pieces the registry's pages share: the list of agreements as a table, parties in words, dates.
enum AgreementViews {
    static func partiesText(_ parties: [AgreementContent.Party]) -> String {
        parties.isEmpty ? "Inte angivna" : parties.map(\.name).joined(separator: ", ")
    }

    static func table(_ agreements: [AgreementContent], organisation: String, staff: Bool, caption: String) -> Node<HTML.BodyContext> {
        .scrollingTable(caption, .table(
            .class("registry"),
            .caption(.text(caption)),
            .thead(.tr(
                .th(.attribute(named: "scope", value: "col"), .text("Titel")),
                .th(.attribute(named: "scope", value: "col"), .text("Slag")),
                .th(.attribute(named: "scope", value: "col"), .text("Parter")),
                .th(.attribute(named: "scope", value: "col"), .text("Period")),
                .th(.attribute(named: "scope", value: "col"), .text("Status")),
                .th(.attribute(named: "scope", value: "col"), .text("Omprövning")))),
            .tbody(.forEach(agreements) { agreement in
                .tr(
                    .th(.attribute(named: "scope", value: "row"),
                        .a(.href(HTML.escape((staff ? AgreementsURL.staffAgreement : AgreementsURL.agreement).link(organisation, agreement.key))), .text(agreement.title)),
                        .if(!agreement.isPublic, .span(.class("meta"), .text(" (internt)")))),
                    .td(.text(agreement.kind.label)),
                    .td(.text(partiesText(agreement.parties))),
                    .td(.text(agreement.period ?? "Inte angiven")),
                    .td(.text(agreement.status.label)),
                    .td(.text(agreement.reviewOn ?? "–")))
            })))
    }

    /// The filter form of the registry (GET, so every filtered list has an address).
    /// `parties`: the registry keys the party filter offers (the members, and whoever the agreements name).
    static func filters(_ filter: RegistryFilter, catalogue: Catalogue, parties partyKeys: Set<String>, action: String) -> Node<HTML.BodyContext> {
        func select(_ name: String, _ label: String, _ choices: [(String, String)], _ chosen: String?) -> Node<HTML.FormContext> {
            Markup.element("div", [.value("class", "field")], [
                .element("label", [.value("for", "filter-\(name)")], text: label),
                Forms.select(name: name, id: "filter-\(name)", choices: ([("", "Alla")] + choices).map { Forms.Choice($0.0, $0.1) }, chosen: chosen ?? ""),
            ]).node()
        }
        let parties = catalogue.registry.values.filter { partyKeys.contains(Catalogue.key(of: $0)) }.sorted { AgreementQuery.swedishOrder($0.name, $1.name) }.map { (Catalogue.key(of: $0), $0.name) }
        return .form(.method(.get), .action(HTML.escape(action)), .class("filters"), .attribute(named: "role", value: "search"),
                     .div(.class("field wide"), .label(.for("filter-sok"), .text("Sök i titlarna")),
                          .input(.type(.search), .name("sok"), .id("filter-sok"), .value(HTML.escape(filter.text ?? "")))),
                     select("slag", "Slag", AgreementKind.allCases.map { ($0.rawValue, $0.label) }, filter.kind?.rawValue),
                     select("status", "Status", AgreementStatus.allCases.map { ($0.rawValue, $0.label) }, filter.status?.rawValue),
                     select("part", "Part", [("medlemmar", "Medlemmarna tillsammans")] + parties, filter.party),
                     select("enhet", "Ansvarig enhet", catalogue.units.map { ($0.key, $0.name) }, filter.unit),
                     .div(.class("field"), .label(.for("filter-ar"), .text("Gäller år")),
                          .input(.type(.number), .name("ar"), .id("filter-ar"), .value(HTML.escape(filter.year.map(String.init) ?? "")),
                                 .attribute(named: "inputmode", value: "numeric"))),
                     .div(.class("actions"), .button(.type(.submit), .text("Visa")), .if(!filter.isEmpty, .a(.href(HTML.escape(action)), .text("Rensa filtren")))))
    }

    /// "38 avtal och överenskommelser" or the number found with the filters.
    static func count(_ shown: Int, filtered: Bool) -> String {
        filtered ? "\(shown) av registrets avtal och överenskommelser matchar filtren." : "Registret har \(shown) avtal och överenskommelser."
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1024 * 1024 ? String(format: "%.1f MB", Double(bytes) / 1_048_576).replacingOccurrences(of: ".", with: ",")
            : "\(max(1, bytes / 1024)) kB"
    }
}
