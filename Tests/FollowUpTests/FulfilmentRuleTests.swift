@testable import FollowUp
import Foundation
import Testing

/// Each row of the rule table in docs/follow-up.md, with a case that meets it and none before it.
@Suite("The fulfilment proposal's rule table")
struct FulfilmentRuleTests {
    static func rollUp(_ statuses: [ActivityStatus?]) -> RollUp {
        RollUp(statuses: statuses.map { status in
            status.map { FulfilmentRuleTests.report($0) }
        })
    }

    static func report(_ status: ActivityStatus) -> ReportValue {
        ReportValue(lineage: UUID().uuidString, status: status, progress: status == .done ? 100 : 30, comment: "", reportedBy: "test",
                    reportedAt: Date(), revision: 1)
    }

    /// Statuses of the activities, and (measured, reached) of the indicators with a value and a target for the year.
    static let rows: [(rule: Int, verdict: Verdict, statuses: [ActivityStatus?], indicators: (Int, Int))] = [
        (1, .notAssessable, [], (0, 0)),
        (1, .notAssessable, [.cancelled, .cancelled], (0, 0)),
        (2, .notAssessable, [.done, nil, nil], (0, 0)),
        (2, .notAssessable, [.done, nil, nil, .cancelled], (2, 2)),
        (3, .notAchieved, [.done, .done], (2, 0)),
        (3, .notAchieved, [], (1, 0)),
        (4, .partlyAchieved, [.done, .done, .cancelled], (3, 2)),
        (5, .achieved, [.done, .done, .cancelled], (0, 0)),
        (5, .achieved, [.done], (2, 2)),
        (5, .achieved, [], (1, 1)),
        (6, .partlyAchieved, [.done, .ongoing, .planned, .postponed], (0, 0)),
        (6, .partlyAchieved, [.done, .done, nil], (1, 1)),
        (7, .notAchieved, [.planned, .postponed, .ongoing], (0, 0)),
        (7, .notAchieved, [.planned, .planned, nil, .done], (1, 1)),
    ]

    @Test("Each row decides when it is the first that holds", arguments: rows.indices)
    func row(index: Int) {
        let row = Self.rows[index]
        let basis = FulfilmentRule.Basis(rollUp: Self.rollUp(row.statuses), indicatorsMeasured: row.indicators.0, indicatorsReached: row.indicators.1, year: 2023)
        let proposal = FulfilmentRule.propose(basis, level: "Nyckelaktivitet")
        #expect(proposal.rule == row.rule && proposal.verdict == row.verdict, "\(row.statuses) \(row.indicators)")
        #expect(proposal.basis.contains("Regel \(row.rule): \(FulfilmentRule.table[row.rule - 1].condition)"))
        if row.indicators.0 > 0 { #expect(proposal.basis.contains("\(row.indicators.1) av \(row.indicators.0) indikator")) }
    }

    @Test("Every row is reached by some case")
    func everyRowReached() {
        #expect(Set(Self.rows.map(\.rule)) == Set(FulfilmentRule.table.map(\.number)))
    }

    @Test("The table in docs/follow-up.md is the table in the code")
    func documented() throws {
        let doc = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "../../docs/follow-up.md"), encoding: .utf8)
        for row in FulfilmentRule.table {
            #expect(doc.contains("| \(row.number) | \(row.condition) | \(row.verdict.label) |"), "row \(row.number)")
        }
    }

    @Test("The roll-up says its counts in words")
    func phrase() {
        #expect(Self.rollUp([.ongoing, .ongoing, .done, nil, .postponed, .cancelled]).phrase(level: "Nyckelaktivitet")
                == "6 nyckelaktiviteter: 2 pågående, 1 genomförd, 1 uppskjuten, 1 avbruten, 1 ej rapporterad")
        #expect(Self.rollUp([.done]).phrase(level: "Nyckelaktivitet") == "1 nyckelaktivitet: 1 genomförd")
    }
}
