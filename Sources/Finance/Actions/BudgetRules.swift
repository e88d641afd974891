import Core
import Foundation

/// The rules of a budget's spec, the same for forms, the API and files: each problem names the
/// form's field, the JSON path, and says what is wrong in Swedish and English.
public enum BudgetRules {
    public struct Problem: Error, Equatable {
        public let field: String
        public let path: String
        public let swedish: String
        public let english: String
    }

    public static func problem(_ spec: BudgetSpec, members: [String]) -> Problem? {
        func problem(_ field: String, _ path: String, _ swedish: String, _ english: String) -> Problem {
            Problem(field: field, path: path, swedish: swedish, english: english)
        }
        if spec.title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return problem("title", "title", "Skriv budgetens rubrik.", "is empty") }
        if let text = TextRules.problem(in: spec.title, as: .title, limit: 200) { return problem("title", "title", text.swedish, text.english) }
        for (name, text) in [("introduction", spec.introduction), ("heading", spec.heading), ("adoptedBy", spec.adoptedBy), ("decisionReference", spec.decisionReference)] {
            if let text, let found = TextRules.problem(in: text, as: name == "introduction" ? .text : .title, limit: name == "introduction" ? 20_000 : 400) {
                return problem(name, name, found.swedish, found.english)
            }
        }
        if let day = spec.adoptedOn, !CalendarDate.isValid(day) {
            return problem("adoptedOn", "adoptedOn", "Skriv ett datum som finns, som 2022-11-24.", "is not a date written as YYYY-MM-DD")
        }
        let markers = spec.notes.map(\.marker)
        if Set(markers).count != markers.count { return problem("notes", "notes", "Två noter har samma markering.", "two notes have the same marker") }
        for (index, note) in spec.notes.enumerated() where note.marker.isEmpty || note.text.trimmingCharacters(in: .whitespaces).isEmpty {
            return problem("notes", "notes[\(index)]", "En not behöver en markering och en text.", "a note needs a marker and a text")
        }
        guard spec.lines.count <= Bounds.budgetLines else {
            return problem("lines", "lines", "En budget har högst \(Bounds.budgetLines) rader.", "has more than \(Bounds.budgetLines) lines")
        }
        var seen = Set<String>()
        for (index, line) in spec.lines.enumerated() {
            let field = "line\(index)"
            if line.costCentre.range(of: #"^[0-9A-Za-z]{1,12}$"#, options: .regularExpression) == nil {
                return problem(field, "lines[\(index)].costCentre", "Kostnadsstället skrivs med siffror eller bokstäver, som 12.", "is not 1–12 letters or digits")
            }
            if line.name.trimmingCharacters(in: .whitespaces).isEmpty {
                return problem(field, "lines[\(index)].name", "Raden \(line.costCentre) behöver ett namn.", "is empty")
            }
            if let text = TextRules.problem(in: line.name, as: .title, limit: 200) { return problem(field, "lines[\(index)].name", text.swedish, text.english) }
            guard seen.insert("\(line.side.rawValue) \(line.costCentre)").inserted else {
                return problem(field, "lines[\(index)].costCentre", "Kostnadsställe \(line.costCentre) finns redan bland \(line.side.label.lowercased()).",
                               "a second \(line.side.rawValue) line for cost centre \(line.costCentre)")
            }
            guard Bounds.isKronor(line.amount) else {
                return problem(field, "lines[\(index)].amount", Bounds.kronorSwedish, Bounds.kronorEnglish)
            }
            if let marker = line.notes.first(where: { !markers.contains($0) }) {
                return problem(field, "lines[\(index)].notes", "Det finns ingen not \(marker).", "no note \"\(marker)\"")
            }
        }
        for (name, list) in [("costSumNotes", spec.costSumNotes), ("revenueSumNotes", spec.revenueSumNotes), ("resultNotes", spec.resultNotes)] {
            if let marker = list.first(where: { !markers.contains($0) }) { return problem(name, name, "Det finns ingen not \(marker).", "no note \"\(marker)\"") }
        }
        if let centre = spec.financingCostCentre, !spec.lines.contains(where: { $0.side == .revenue && $0.costCentre == centre }) {
            return problem("financingCostCentre", "financingCostCentre", "Det finns ingen intäktsrad \(centre) att fördela på medlemmarna.",
                           "no revenue line with cost centre \(centre)")
        }
        if let fees = spec.fees { return feeProblem(fees, members: members) }
        return nil
    }

    static func feeProblem(_ fees: FeeBasis, members: [String]) -> Problem? {
        func problem(_ field: String, _ path: String, _ swedish: String, _ english: String) -> Problem {
            Problem(field: field, path: "fees.\(path)", swedish: swedish, english: english)
        }
        if fees.rate == nil { return problem("perMille", "perMille", "Skriv taket i promille som ett tal större än noll och högst 1 000, som 0,34.", "is not a positive decimal of at most 1000") }
        if fees.taxCapacity <= 0 || fees.taxCapacity > FeeBasis.maxTaxCapacity {
            return problem("taxCapacity", "taxCapacity", "Medelskattekraften ska vara större än noll och högst 10 000 000 kronor per invånare.", "must be more than zero and at most 10 000 000")
        }
        if !(1900...2200).contains(fees.taxCapacityYear) { return problem("taxCapacityYear", "taxCapacityYear", "Skriv ett årtal.", "is not a year") }
        if !CalendarDate.isValid(fees.populationDate) {
            return problem("populationDate", "populationDate", "Skriv ett datum som finns, som 2021-12-31.", "is not a date written as YYYY-MM-DD")
        }
        for (name, text) in [("taxCapacitySource", fees.taxCapacitySource), ("populationSource", fees.populationSource)]
            where text.trimmingCharacters(in: .whitespaces).isEmpty {
            return problem(name, name, "Ange källan.", "is empty")
        }
        var counted = Set<String>()
        for (index, entry) in fees.populations.enumerated() {
            guard counted.insert(entry.member).inserted else {
                return problem("populations", "populations[\(index)]", "Medlemmen \(entry.member) har två befolkningstal.", "a second population for \(entry.member)")
            }
            guard members.contains(entry.member) else {
                return problem("populations", "populations[\(index)].member", "\(entry.member) är inte medlem.", "\(entry.member) is not a member")
            }
            guard entry.population > 0 else {
                return problem("populations", "populations[\(index)].population", "Befolkningen ska vara fler än noll.", "must be more than zero")
            }
            guard Bounds.isPopulation(entry.population) else {
                return problem("populations", "populations[\(index)].population", Bounds.populationSwedish, Bounds.populationEnglish)
            }
        }
        if let missing = members.first(where: { !counted.contains($0) }) {
            return problem("populations", "populations", "Befolkningstal saknas för medlemmen \(missing).", "no population for member \(missing)")
        }
        return nil
    }
}
