import Core
import Foundation

/// The budget form: a spec as the form's values, and the spec a submitted form gives. Lines are a
/// grid (`line.N.side`, `.costCentre`, `.name`, `.amount`, `.notes`) with empty rows to add to;
/// notes are one per line, "1: text".
enum BudgetForm {
    static let emptyRows = 4

    static func values(_ spec: BudgetSpec, revision: Int) -> [String: String] {
        var values = ["title": spec.title, "heading": spec.heading ?? "", "listedIn": spec.listedIn ?? "", "introduction": spec.introduction ?? "",
                      "notes": spec.notes.map { "\($0.marker): \($0.text)" }.joined(separator: "\n"),
                      "costSumNotes": spec.costSumNotes.joined(separator: " "), "revenueSumNotes": spec.revenueSumNotes.joined(separator: " "),
                      "resultNotes": spec.resultNotes.joined(separator: " "), "financingCostCentre": spec.financingCostCentre ?? "",
                      "revision": String(revision)]
        for (index, line) in spec.lines.enumerated() {
            values["line.\(index).side"] = line.side.rawValue
            values["line.\(index).costCentre"] = line.costCentre
            values["line.\(index).name"] = line.name
            values["line.\(index).amount"] = String(line.amount)
            values["line.\(index).notes"] = line.notes.joined(separator: " ")
        }
        return values
    }

    static func rowCount(_ values: [String: String]) -> Int {
        let used = values.keys.compactMap { key -> Int? in
            let parts = key.split(separator: ".")
            return parts.count == 3 && parts[0] == "line" ? Int(parts[1]) : nil
        }
        return min((used.max() ?? -1) + 1, 500)
    }

    /// "-408 695", "−408695" or "-408695" as whole kronor; nil for anything else.
    static func amount(_ text: String) -> Int? {
        let cleaned = text.filter { !$0.isWhitespace && $0 != "\u{202F}" && $0 != "\u{00A0}" }.replacingOccurrences(of: "−", with: "-")
        guard cleaned.range(of: #"^-?[0-9]{1,13}$"#, options: .regularExpression) != nil, let amount = Int(cleaned), Bounds.isKronor(amount) else { return nil }
        return amount
    }

    static func markers(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
    }

    /// The spec the form says, keeping what the form does not show (the fee inputs, the decision).
    static func spec(_ values: [String: String], keeping before: BudgetSpec) throws(BudgetWork.Failure) -> BudgetSpec {
        func text(_ name: String) -> String { values[name]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }
        func optional(_ name: String) -> String? { text(name).isEmpty ? nil : text(name) }
        var lines: [BudgetSpec.Line] = []
        for index in 0..<rowCount(values) {
            let prefix = "line.\(index)."
            let fields = ["costCentre", "name", "amount", "notes"].map { text(prefix + $0) }
            if fields.allSatisfy(\.isEmpty) { continue }
            guard let side = BudgetSide(rawValue: text(prefix + "side")) else {
                throw .invalid(.init(field: "line\(index)", path: "lines[\(index)].side", swedish: "Välj kostnad eller intäkt.", english: "is not cost or revenue"))
            }
            guard let amount = amount(fields[2]) else {
                throw .invalid(.init(field: "line\(index)", path: "lines[\(index)].amount",
                                     swedish: "Beloppet \"\(fields[2])\" är inte ett heltal i kronor. Skriv till exempel -408695.", english: "is not a whole number of kronor"))
            }
            lines.append(.init(side: side, costCentre: fields[0], name: fields[1], amount: amount, notes: markers(fields[3])))
        }
        var notes: [BudgetSpec.Note] = []
        for raw in text("notes").split(whereSeparator: \.isNewline) {
            let parts = raw.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else {
                throw .invalid(.init(field: "notes", path: "notes", swedish: "Skriv varje not som markering, kolon och text, till exempel \"1: Styrelsen har …\".",
                                     english: "a note is marker: text"))
            }
            notes.append(.init(marker: parts[0], text: parts[1]))
        }
        var spec = before
        spec.title = text("title")
        spec.heading = optional("heading")
        spec.listedIn = optional("listedIn")
        spec.introduction = optional("introduction")
        spec.lines = lines
        spec.notes = notes
        spec.costSumNotes = markers(values["costSumNotes"])
        spec.revenueSumNotes = markers(values["revenueSumNotes"])
        spec.resultNotes = markers(values["resultNotes"])
        spec.financingCostCentre = optional("financingCostCentre")
        return spec
    }
}
