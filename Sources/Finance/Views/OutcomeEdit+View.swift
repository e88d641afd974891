import Core
import Foundation
import Organisation
import Plot

/// The editors' outcome work for one year: a file from the books, a month typed in, and links to
/// each period's forecasts. A refused file says which line and why; a read file says what changed.
enum OutcomeEdit {
    final class View: OrganisationPage {
        let year: Int
        let title: String
        let columns: [OutcomeContent.Column]
        let csrf: String
        let notice: String?
        let warnings: [OutcomeImport.Warning]
        let uploadError: String?
        let mapping: OutcomeMapping
        let typed: (values: [String: String], lines: [BudgetSpec.Line], error: (field: String, message: String)?)

        init(organisation: OrganisationRecord, year: Int, title: String, columns: [OutcomeContent.Column], csrf: String, notice: String?,
             warnings: [OutcomeImport.Warning] = [], uploadError: String? = nil, mapping: OutcomeMapping,
             typed: (values: [String: String], lines: [BudgetSpec.Line], error: (field: String, message: String)?)) {
            self.year = year
            self.title = title
            self.columns = columns
            self.csrf = csrf
            self.notice = notice
            self.warnings = warnings
            self.uploadError = uploadError
            self.mapping = mapping
            self.typed = typed
            super.init(organisationSlug: organisation.slug, organisationName: organisation.name)
        }

        override func pageTitle() -> String { "Utfall \(year) – hantera – \(organisationName)" }
        override func breadcrumbs() -> [Breadcrumb] {
            organisationCrumbs(Breadcrumb("Budget", url: FinanceURL.budgets.link(organisationSlug)),
                               Breadcrumb("Hantera", url: FinanceURL.keep.link(organisationSlug)), Breadcrumb("Utfall \(year)"))
        }

        override func content() -> Node<HTML.BodyContext> {
            .group(
                .h1(.text("Utfall \(year)")),
                Forms.messages(error: nil, notice: notice),
                .if(!warnings.isEmpty, .section(
                    .class("warnings"), .attribute(named: "aria-labelledby", value: "varningar"),
                    .h2(.id("varningar"), .text("Filen stämmer inte med sig själv")),
                    .p(.text("Utfallet är inläst, men filen säger emot sig själv eller har rader som inte lästes. Kontrollera i ekonomisystemet:")),
                    .ul(.forEach(warnings) { warning in .li(.text((warning.line.map { "Rad \($0): " } ?? "") + warning.swedish)) }))),
                .p(.a(.href(FinanceURL.outcomes.link(organisationSlug, String(year))), .text("Se utfallet som alla ser det"))),
                fileSection(), monthSection(), forecastLinks()
            )
        }

        func fileSection() -> Node<HTML.BodyContext> {
            let describedBy = "file-hint" + (uploadError == nil ? "" : " file-error")
            let error: Node<HTML.FormContext> = uploadError.map { .p(.class("field-error"), .id("file-error"), .text($0)) } ?? .empty
            let field: Node<HTML.FormContext> = .div(
                .class(uploadError == nil ? "field" : "field invalid"), .label(.for("file"), .text("Fil med utfall")),
                .p(.class("hint"), .id("file-hint"), .text("SIE eller CSV, högst 20 MB.")),
                .input(.type(.file), .name("file"), .id("file"), .attribute(named: "accept", value: ".se,.si,.sie,.csv,.txt"),
                       .attribute(named: "aria-describedby", value: HTML.escape(describedBy))),
                error)
            return .section(
                .h2(.text("Läs in från bokföringen")),
                .p(.text("En SIE-fil från ekonomisystemet (typ 2 eller 3 med periodsaldon, eller 4E eller 4I med verifikationer), eller en CSV med "
                         + "kolumnerna year, month, side, costCentre, amount (som nedladdningen av öppna data). Filens månader ersätter det som fanns "
                         + "för dem; samma fil två gånger ändrar ingenting.")),
                .p(.text(mapping == .standard ? "Kontomappningen är standardmappningen: " : "Organisationens kontomappning: "),
                   .text(mapping.rules.map(Self.describe).joined(separator: "; ") + ". "),
                   .a(.href(FinanceURL.mapping.link(organisationSlug)), .text("Ändra kontomappningen"))),
                .form(.method(.post), .action(FinanceURL.importOutcomes.link(organisationSlug, String(year))),
                      .attribute(named: "enctype", value: "multipart/form-data"), Forms.csrfField(csrf), field,
                      .div(.class("actions"), .button(.type(.submit), .text("Läs in utfallet")))))
        }

        /// A rule in words: "konto 3000–3999 blir intäkter på raden som kostnadsstället (dimension 1) anger".
        static func describe(_ rule: OutcomeMapping.Rule) -> String {
            let accounts = rule.from == rule.to ? "konto \(rule.from)" : "konton \(rule.from)–\(rule.to)"
            let object = rule.object.map { " med kostnadsställe \($0)" } ?? ""
            let side = rule.side == .cost ? "kostnader" : "intäkter"
            let line = rule.costCentre.map { "raden \($0)" } ?? "raden som kostnadsstället (dimension 1) anger"
            return "\(accounts)\(object) blir \(side) på \(line)"
        }

        func monthSection() -> Node<HTML.BodyContext> {
            let months = OutcomeContent.months.enumerated().map { Forms.Choice(String($0 + 1), $1.capitalized) }
            let chooser: Node<HTML.BodyContext> = .form(
                .method(.get), .action(FinanceURL.importOutcomes.link(organisationSlug, String(year))), .class("inline"),
                .label(.for("manad"), .text("Månad ")), Forms.select(name: "manad", id: "manad", choices: months, chosen: month).node(), .text(" "), .button(.type(.submit), .class("secondary"), .text("Visa månaden")))
            return .section(
                .h2(.text("Skriv in en månad")),
                .p(.text("Utan SIE-fil: varje rads utfall för en månad i hela kronor, kostnader med minustecken. En tom ruta betyder inget utfall.")),
                chooser, typedForm())
        }

        func forecastLinks() -> Node<HTML.BodyContext> {
            let org = organisationSlug, yearText = String(year)
            let links: [(url: String, label: String)] = columns.map { column in
                let periods = column.periods.isEmpty ? "" : " (\(column.periods.joined(separator: ", ")))"
                return (FinanceURL.forecasts.link(org, yearText, String(column.throughMonth)), "Prognos vid \(column.label)\(periods)")
            }
            return .section(
                .h2(.text("Prognos per period")),
                links.isEmpty ? .p(.text("När det finns utfall kan en prognos för helåret göras vid varje periods slut."))
                    : .ul(.forEach(links) { link in .li(.a(.href(HTML.escape(link.url)), .text(link.label))) }))
        }

        func typedForm() -> Node<HTML.BodyContext> {
            let heading = "Utfall för \(monthName) \(year)"
            let monthError: Node<HTML.FormContext> = typed.error?.field == "month" ? .p(.class("field-error"), .text(typed.error?.message ?? "")) : .empty
            return .form(.method(.post), .action(FinanceURL.typeOutcomes.link(organisationSlug, String(year))), Forms.csrfField(csrf),
                         .input(.type(.hidden), .name("month"), .value(HTML.escape(month))), .h3(.text(heading)), monthError, grid().node(),
                         .div(.class("actions"), .button(.type(.submit), .text("Spara utfallet för \(monthName)"))))
        }

        var month: String { typed.values["month"].flatMap { Int($0) }.map { (1...12).contains($0) ? String($0) : "1" } ?? "1" }
        var monthName: String { OutcomeContent.months[(Int(month) ?? 1) - 1] }

        func grid() -> Markup {
            var body: [Markup] = []
            for (index, line) in typed.lines.enumerated() {
                let key = "line.\(index).amount", label = "\(line.costCentre) \(line.name) (\(line.side == .cost ? "kostnad" : "intäkt"))"
                let invalid = typed.error?.field == "line\(index)"
                body.append(.element("tr", [.value("class", invalid ? "invalid" : nil)], [
                    .element("th", [.value("scope", "row")], [.element("label", [.value("for", key)], text: label)]),
                    .element("td", [], [.void("input", [.value("type", "text"), .value("inputmode", "numeric"), .value("name", key), .value("id", key),
                                                        .value("size", "12"), .value("value", typed.values[key] ?? ""),
                                                        .value("aria-invalid", invalid ? "true" : nil), .value("aria-describedby", invalid ? "\(key)-error" : nil)])]),
                ]))
                if invalid, let error = typed.error {
                    body.append(.element("tr", [], [.element("td", [.value("colspan", "2")], [
                        .element("p", [.value("class", "field-error"), .value("id", "\(key)-error")], text: error.message)])]))
                }
            }
            return OutcomeGrid.table(label: "Månadens utfall per rad", columns: [("Rad", nil), ("Utfall, kronor", nil)], rows: body)
        }
    }
}
