import Core
import Fluent
import Foundation

/// How the books' rows become the budget's lines: rules tried in order, the first that fits an
/// account (and, where it names one, the cost-centre object) gives the side and the line. A rule
/// without a line takes the row's cost-centre object (dimension 1) as the line. Without a saved
/// mapping the default holds: 3000–3999 revenues, 4000–8999 costs, the object names the line.
public struct OutcomeMapping: Codable, Equatable, Sendable {
    public struct Rule: Codable, Equatable, Sendable {
        public var from: Int
        public var to: Int
        /// The cost-centre object (dimension 1) the rule is limited to; any object when absent.
        public var object: String?
        public var side: BudgetSide
        /// The budget line's cost centre; the row's own object when absent.
        public var costCentre: String?

        public init(from: Int, to: Int, object: String? = nil, side: BudgetSide, costCentre: String? = nil) {
            self.from = from
            self.to = to
            self.object = object
            self.side = side
            self.costCentre = costCentre
        }
    }

    public var rules: [Rule]

    public init(rules: [Rule]) {
        self.rules = rules
    }

    public static let standard = OutcomeMapping(rules: [.init(from: 3000, to: 3999, side: .revenue), .init(from: 4000, to: 8999, side: .cost)])

    /// The side and line of a row, or nil where no rule fits or no line can be named.
    public func line(account: String, object: String?) -> (side: BudgetSide, costCentre: String)? {
        guard let number = Int(account) else { return nil }
        for rule in rules where (rule.from...rule.to).contains(number) && (rule.object == nil || rule.object == object) {
            guard let centre = rule.costCentre ?? object else { return nil }
            return (rule.side, centre)
        }
        return nil
    }

    /// A rule as the form writes it: "3000–3999 intäkt", "6990 objekt 10 kostnad 10".
    public static func text(_ rule: Rule) -> String {
        [rule.from == rule.to ? String(rule.from) : "\(rule.from)–\(rule.to)", rule.object.map { "objekt \($0)" },
         rule.side == .cost ? "kostnad" : "intäkt", rule.costCentre].compactMap { $0 }.joined(separator: " ")
    }

    /// A form's line as a rule; nil for anything else.
    public static func rule(_ text: String) -> Rule? {
        var words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard !words.isEmpty else { return nil }
        let range = words.removeFirst().replacingOccurrences(of: "–", with: "-").split(separator: "-").compactMap { Int($0) }
        guard range.count == 1 || range.count == 2 else { return nil }
        var object: String?
        if words.first == "objekt", words.count >= 2 { object = words[1]; words.removeFirst(2) }
        guard let sideWord = words.first, let side: BudgetSide = sideWord == "kostnad" ? .cost : sideWord == "intäkt" ? .revenue : nil,
              words.count <= 2 else { return nil }
        return Rule(from: range[0], to: range.last!, object: object, side: side, costCentre: words.count == 2 ? words[1] : nil)
    }

    /// What is wrong with the rules, in Swedish and English, with the rule's index.
    public func problem() -> BudgetRules.Problem? {
        for (index, rule) in rules.enumerated() {
            let path = "rules[\(index)]"
            guard (1000...9999).contains(rule.from), (1000...9999).contains(rule.to), rule.from <= rule.to else {
                return .init(field: "rules", path: path, swedish: "Regel \(index + 1): kontona skrivs med fyra siffror, det första inte större än det sista.",
                             english: "from and to are accounts 1000–9999, from not above to")
            }
            for value in [rule.object, rule.costCentre].compactMap({ $0 }) where value.range(of: #"^[0-9A-Za-z]{1,12}$"#, options: .regularExpression) == nil {
                return .init(field: "rules", path: path, swedish: "Regel \(index + 1): objekt och kostnadsställen skrivs med siffror eller bokstäver.",
                             english: "object and costCentre are 1–12 letters or digits")
            }
        }
        return rules.count > 200 ? .init(field: "rules", path: "rules", swedish: "Högst 200 regler.", english: "at most 200 rules") : nil
    }
}

/// An organisation's saved mapping, as JSON (`OutcomeMapping`).
final class OutcomeMappingRecord: Model, @unchecked Sendable {
    public static let schema = "finance_mappings"

    @ID public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "rules") public var rulesJSON: String
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}

    public var mapping: OutcomeMapping {
        get { JSONColumn.decode(OutcomeMapping.self, from: rulesJSON, default: .standard) }
        set { rulesJSON = JSONColumn.encode(newValue) }
    }
}
