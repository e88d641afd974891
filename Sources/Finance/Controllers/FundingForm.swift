import Core
import Foundation
import Organisation
import Plans

/// The funding form: its fields, the values a spec shows in it, and the spec a submitted form gives.
/// Lists are a line each: years as "2023: 1 200 000", deadlines as "2023-09-30; Lägesrapport; 14; 2023-09-28".
enum FundingForm {
    static func fields(funders: [OrganisationRecord], activities: [PublicNode], costCentres: [(String, String)]) -> [Forms.FieldSpec] {
        [
            .init("title", "Rubrik", hint: "Vad finansieringen heter, till exempel projektets namn."),
            .init("key", "Adress", hint: "Små bokstäver, siffror och bindestreck. Lämna tomt så bildas den av rubriken."),
            .init("funder", "Finansiär", .select([.init("", "Välj en organisation i registret")] + funders.map { .init($0.scbCode ?? $0.slug, $0.name) })),
            .init("programme", "Program eller utlysning", hint: "Till exempel Europeiska socialfonden+ eller statsbidrag för psykisk hälsa."),
            .init("amount", "Beviljat belopp, kronor", .number),
            .init("startsOn", "Perioden börjar", .date),
            .init("endsOn", "Perioden slutar", .date),
            .init("byYear", "Belopp per budgetår", .textarea(rows: 3),
                  hint: "Ett år per rad, som 2023: 1 200 000. Budgetsidan räknar bara med belopp som beslutet fördelar på år."),
            .init("costCentre", "Budgetrad som finansieringen går till",
                  .select([.init("", "Ingen särskild rad")] + costCentres.map { .init($0.0, "\($0.0) \($0.1)") })),
            .init("activities", "Nyckelaktiviteter som finansieringen betalar", .checkboxes(activities.map {
                .init("\($0.document)/\($0.lineage)", "\($0.documentTitle): \($0.title)")
            })),
            .init("projects", "Projekt utanför planerna", .textarea(rows: 2), hint: "Ett projekt per rad."),
            .init("deadlines", "Rapporter till finansiären", .textarea(rows: 3),
                  hint: "En per rad: datum; vad som ska rapporteras; dagar före som påminnelsen skickas (14 om tomt); datum då rapporten lämnades."),
            .init("contact", "Kontaktperson (e-post)", hint: "Får påminnelserna. Lämna tomt så får organisationens redaktörer dem."),
            .init("summary", "Om finansieringen", .textarea(rows: 3), hint: "Markdown går bra."),
            .init("example", "Exempeldata (påhittad, visas märkt)", .checkbox),
        ]
    }

    static func values(_ spec: FundingSpec, key: String) -> [String: String] {
        [
            "title": spec.title, "key": key, "funder": spec.funder, "programme": spec.programme, "amount": String(spec.amount),
            "startsOn": spec.startsOn, "endsOn": spec.endsOn, "byYear": spec.byYear.map { "\($0.year): \(Formatting.thousands($0.amount))" }.joined(separator: "\n"),
            "costCentre": spec.costCentre ?? "", "activities": spec.activities.map { "\($0.document)/\($0.lineage)" }.joined(separator: "\n"),
            "projects": spec.projects.joined(separator: "\n"),
            "deadlines": spec.deadlines.map { deadline in
                [deadline.on, deadline.what, String(deadline.remindDaysBefore)] + (deadline.reportedOn.map { [$0] } ?? [])
            }.map { $0.joined(separator: "; ") }.joined(separator: "\n"),
            "contact": spec.contact ?? "", "summary": spec.summary ?? "", "example": spec.example ? "on" : "",
        ]
    }

    static func submitted(_ form: [String: String]) -> [String: String] {
        var values = form.filter { !$0.key.hasPrefix("activities.") && $0.key != FormCSRF.field }
        values["activities"] = Forms.checked("activities", in: form)
        return values
    }

    static func problem(_ field: String, _ swedish: String) -> FundingWork.Failure {
        .invalid(.init(field: field, path: field, swedish: swedish, english: swedish))
    }

    static func spec(_ values: [String: String]) throws(FundingWork.Failure) -> FundingSpec {
        func text(_ name: String) -> String { (values[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        func optional(_ name: String) -> String? { text(name).isEmpty ? nil : text(name) }
        func lines(_ name: String) -> [String] { text(name).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        guard let amount = BudgetForm.amount(text("amount")) else { throw problem("amount", "Skriv beviljat belopp i hela kronor, som 1 200 000.") }
        var byYear: [FundingSpec.YearAmount] = []
        for line in lines("byYear") {
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let year = Int(parts[0]), let value = BudgetForm.amount(parts[1]) else {
                throw problem("byYear", "Raden ”\(line)” ska vara ett år och ett belopp, som 2023: 1 200 000.")
            }
            byYear.append(.init(year: year, amount: value))
        }
        var deadlines: [FundingSpec.Deadline] = []
        for line in lines("deadlines") {
            let parts = line.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count >= 2, parts.count <= 4 else { throw problem("deadlines", "Raden ”\(line)” ska vara datum; vad som ska rapporteras.") }
            let days = parts.count > 2 && !parts[2].isEmpty ? Int(parts[2]) : 14
            guard let days else { throw problem("deadlines", "Dagar före i raden ”\(line)” ska vara ett heltal.") }
            deadlines.append(.init(on: parts[0], what: parts[1], remindDaysBefore: days, reportedOn: parts.count > 3 && !parts[3].isEmpty ? parts[3] : nil))
        }
        let activities = lines("activities").compactMap { reference -> FundingSpec.Activity? in
            guard let slash = reference.firstIndex(of: "/") else { return nil }
            return .init(document: String(reference[..<slash]), lineage: String(reference[reference.index(after: slash)...]))
        }
        return FundingSpec(title: text("title"), funder: text("funder"), programme: text("programme"), amount: amount, startsOn: text("startsOn"),
                           endsOn: text("endsOn"), byYear: byYear, costCentre: optional("costCentre"), activities: activities, projects: lines("projects"),
                           deadlines: deadlines, contact: optional("contact"), summary: optional("summary"), example: values["example"] == "on")
    }
}
