import Foundation

/// The assessment Samsyn proposes for a goal or goal area from its key activities' reports in a
/// period and from its indicators in the period's year. The rows are checked in order and the
/// first that holds decides; docs/follow-up.md prints the same table, and a test checks each row.
public enum FulfilmentRule {
    /// What a proposal rests on: the activities' roll-up, and of the goal's indicators with both a
    /// value and a target for the period's year, how many there are and how many reached it.
    public struct Basis: Sendable, Equatable {
        public let rollUp: RollUp
        public let indicatorsMeasured: Int
        public let indicatorsReached: Int
        public let year: Int?

        public init(rollUp: RollUp, indicatorsMeasured: Int = 0, indicatorsReached: Int = 0, year: Int? = nil) {
            self.rollUp = rollUp
            self.indicatorsMeasured = indicatorsMeasured
            self.indicatorsReached = indicatorsReached
            self.year = year
        }

        /// The activities that count: all except those cancelled.
        var counted: Int { rollUp.activities - rollUp.count(.cancelled) }
    }

    public struct Row: Sendable {
        public let number: Int
        public let condition: String
        public let verdict: Verdict
        let holds: @Sendable (Basis) -> Bool
    }

    public struct Proposal: Sendable, Equatable {
        public let verdict: Verdict
        public let rule: Int
        /// What the proposal rests on, in words: the counts and the row that decided.
        public let basis: String
    }

    public static let table: [Row] = [
        Row(number: 1, condition: "Målet har inga nyckelaktiviteter som inte är avbrutna och ingen indikator med både värde och målvärde för periodens år.",
            verdict: .notAssessable) { $0.counted == 0 && $0.indicatorsMeasured == 0 },
        Row(number: 2, condition: "Färre än hälften av de nyckelaktiviteter som inte är avbrutna är rapporterade.", verdict: .notAssessable) {
            2 * ($0.counted - $0.rollUp.missing) < $0.counted
        },
        Row(number: 3, condition: "Ingen av målets indikatorer med värde och målvärde för periodens år har nått målvärdet.", verdict: .notAchieved) {
            $0.indicatorsMeasured > 0 && $0.indicatorsReached == 0
        },
        Row(number: 4, condition: "Någon av målets indikatorer med värde och målvärde för periodens år har inte nått målvärdet.", verdict: .partlyAchieved) {
            $0.indicatorsReached < $0.indicatorsMeasured
        },
        Row(number: 5, condition: "Alla nyckelaktiviteter som inte är avbrutna är rapporterade som genomförda.", verdict: .achieved) {
            $0.rollUp.count(.done) == $0.counted
        },
        Row(number: 6, condition: "Minst hälften av de nyckelaktiviteter som inte är avbrutna är genomförda eller pågående.", verdict: .partlyAchieved) {
            2 * ($0.rollUp.count(.done) + $0.rollUp.count(.ongoing)) >= $0.counted
        },
        Row(number: 7, condition: "Annars: de flesta är planerade, uppskjutna eller inte rapporterade.", verdict: .notAchieved) { _ in true },
    ]

    public static func propose(_ basis: Basis, level: String) -> Proposal {
        let row = table.first { $0.holds(basis) }!
        var words = basis.rollUp.phrase(level: level)
        if basis.indicatorsMeasured > 0, let year = basis.year {
            words += "; \(basis.indicatorsReached) av \(basis.indicatorsMeasured) \(basis.indicatorsMeasured == 1 ? "indikator" : "indikatorer") har nått målvärdet för \(year)"
        }
        return Proposal(verdict: row.verdict, rule: row.number, basis: "\(words). Regel \(row.number): \(row.condition)")
    }
}
