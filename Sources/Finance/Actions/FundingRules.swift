import Core
import Foundation

/// The rules of a funding's spec, the same for the form, the API and files. Each problem names the
/// form's field and the JSON path and says what is wrong in Swedish and English.
public enum FundingRules {
    /// What a funding may refer to: the registry's organisations and the plans' key activities.
    public struct Known: Sendable {
        public let funders: Set<String>
        public let activities: Set<FundingSpec.Activity>

        public init(funders: Set<String>, activities: Set<FundingSpec.Activity>) {
            self.funders = funders
            self.activities = activities
        }
    }

    public static func problem(_ spec: FundingSpec, known: Known) -> BudgetRules.Problem? {
        func problem(_ field: String, _ path: String, _ swedish: String, _ english: String) -> BudgetRules.Problem {
            .init(field: field, path: path, swedish: swedish, english: english)
        }
        for (name, text, label) in [("title", spec.title, "rubrik"), ("programme", spec.programme, "program eller utlysning")] {
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return problem(name, name, "Skriv finansieringens \(label).", "is empty") }
            if let found = TextRules.problem(in: text, as: .title, limit: 300) { return problem(name, name, found.swedish, found.english) }
        }
        if let summary = spec.summary, let found = TextRules.problem(in: summary, as: .text, limit: 5_000) {
            return problem("summary", "summary", found.swedish, found.english)
        }
        guard known.funders.contains(spec.funder) else {
            return problem("funder", "funder", "Välj finansiären bland registrets organisationer.", "\"\(spec.funder)\" is no organisation of the registry")
        }
        guard spec.amount > 0, spec.amount < 100_000_000_000 else {
            return problem("amount", "amount", "Skriv beviljat belopp i hela kronor, större än noll.", "is not whole kronor above zero")
        }
        for (name, day) in [("startsOn", spec.startsOn), ("endsOn", spec.endsOn)] where !CalendarDate.isValid(day) {
            return problem(name, name, "Skriv ett datum som finns, som 2023-01-01.", "is not a date written as YYYY-MM-DD")
        }
        guard spec.startsOn <= spec.endsOn else { return problem("endsOn", "endsOn", "Perioden slutar före den börjar.", "is before startsOn") }
        let years = spec.byYear.map(\.year)
        guard Set(years).count == years.count else { return problem("byYear", "byYear", "Ett år står två gånger.", "names a year twice") }
        let first = Int(spec.startsOn.prefix(4)) ?? 0, last = Int(spec.endsOn.prefix(4)) ?? 0
        for (index, entry) in spec.byYear.enumerated() {
            guard (first...last).contains(entry.year) else {
                return problem("byYear", "byYear[\(index)].year", "År \(entry.year) ligger utanför perioden.", "is outside the funding's period")
            }
            guard entry.amount >= 0 else { return problem("byYear", "byYear[\(index)].amount", "Beloppet för \(entry.year) är negativt.", "is negative") }
            guard entry.amount <= spec.amount else {
                return problem("byYear", "byYear[\(index)].amount", "Beloppet för \(entry.year) är större än det beviljade beloppet.", "is more than amount")
            }
        }
        guard let sum = Bounds.sum(spec.byYear.map(\.amount)), sum <= spec.amount else {
            return problem("byYear", "byYear", "Beloppen per år är tillsammans större än det beviljade beloppet.", "adds up to more than amount")
        }
        if let centre = spec.costCentre, centre.range(of: #"^[0-9A-Za-z]{1,12}$"#, options: .regularExpression) == nil {
            return problem("costCentre", "costCentre", "Kostnadsstället skrivs med siffror eller bokstäver, som 12.", "is not 1–12 letters or digits")
        }
        for (index, activity) in spec.activities.enumerated() where !known.activities.contains(activity) {
            return problem("activities", "activities[\(index)]", "En vald nyckelaktivitet finns inte i någon publicerad plan.",
                           "\(activity.document)/\(activity.lineage) is no key activity of a published plan")
        }
        for (index, project) in spec.projects.enumerated() {
            if project.trimmingCharacters(in: .whitespaces).isEmpty { return problem("projects", "projects[\(index)]", "Ett projekt saknar namn.", "is empty") }
            if let found = TextRules.problem(in: project, as: .title, limit: 300) { return problem("projects", "projects[\(index)]", found.swedish, found.english) }
        }
        for (index, deadline) in spec.deadlines.enumerated() {
            let path = "deadlines[\(index)]"
            guard CalendarDate.isValid(deadline.on) else {
                return problem("deadlines", "\(path).on", "Rapportdatum skrivs som 2023-09-30.", "is not a date written as YYYY-MM-DD")
            }
            if deadline.what.trimmingCharacters(in: .whitespaces).isEmpty {
                return problem("deadlines", "\(path).what", "Skriv vad som ska rapporteras \(deadline.on).", "is empty")
            }
            if let found = TextRules.problem(in: deadline.what, as: .title, limit: 300) { return problem("deadlines", "\(path).what", found.swedish, found.english) }
            guard (0...365).contains(deadline.remindDaysBefore) else {
                return problem("deadlines", "\(path).remindDaysBefore", "Påminnelsen skickas 0–365 dagar före.", "is not 0–365")
            }
            if let reported = deadline.reportedOn, !CalendarDate.isValid(reported) {
                return problem("deadlines", "\(path).reportedOn", "Skriv datumet då rapporten lämnades, som 2023-09-28.", "is not a date written as YYYY-MM-DD")
            }
        }
        if let contact = spec.contact, !(contact.contains("@") && contact.count >= 3 && !contact.contains(" ") && contact.count <= 200) {
            return problem("contact", "contact", "Skriv en e-postadress, som namn@exempel.se.", "is not an e-mail address")
        }
        return nil
    }
}
