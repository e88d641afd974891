import Foundation

/// The assessment Samsyn proposes for a goal or goal area from its key activities' reports in a
/// period. The rows are checked in order and the first that holds decides; docs/follow-up.md
/// prints the same table, and a test checks each row.
public enum FulfilmentRule {
    public struct Row: Sendable {
        public let number: Int
        public let condition: String
        public let verdict: Verdict
        let holds: @Sendable (RollUp) -> Bool
    }

    public struct Proposal: Sendable, Equatable {
        public let verdict: Verdict
        public let rule: Int
        /// What the proposal rests on, in words: the counts and the row that decided.
        public let basis: String
    }

    /// The activities that count: all except those cancelled.
    static func counted(_ rollUp: RollUp) -> Int { rollUp.activities - rollUp.count(.cancelled) }

    public static let table: [Row] = [
        Row(number: 1, condition: "Målet har inga nyckelaktiviteter, eller alla är avbrutna.", verdict: .notAssessable) { counted($0) == 0 },
        Row(number: 2, condition: "Färre än hälften av de nyckelaktiviteter som inte är avbrutna är rapporterade.", verdict: .notAssessable) {
            2 * (counted($0) - $0.missing) < counted($0)
        },
        Row(number: 3, condition: "Alla nyckelaktiviteter som inte är avbrutna är rapporterade som genomförda.", verdict: .achieved) {
            $0.count(.done) == counted($0)
        },
        Row(number: 4, condition: "Minst hälften av de nyckelaktiviteter som inte är avbrutna är genomförda eller pågående.", verdict: .partlyAchieved) {
            2 * ($0.count(.done) + $0.count(.ongoing)) >= counted($0)
        },
        Row(number: 5, condition: "Annars: de flesta är planerade, uppskjutna eller inte rapporterade.", verdict: .notAchieved) { _ in true },
    ]

    public static func propose(_ rollUp: RollUp, level: String) -> Proposal {
        let row = table.first { $0.holds(rollUp) }!
        return Proposal(verdict: row.verdict, rule: row.number, basis: "\(rollUp.phrase(level: level)). Regel \(row.number): \(row.condition)")
    }
}
