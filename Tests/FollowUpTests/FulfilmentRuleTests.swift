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

    static let rows: [(rule: Int, verdict: Verdict, statuses: [ActivityStatus?])] = [
        (1, .notAssessable, []),
        (1, .notAssessable, [.cancelled, .cancelled]),
        (2, .notAssessable, [.done, nil, nil]),
        (2, .notAssessable, [.done, nil, nil, .cancelled]),
        (3, .achieved, [.done, .done, .cancelled]),
        (4, .partlyAchieved, [.done, .ongoing, .planned, .postponed]),
        (4, .partlyAchieved, [.done, .done, nil]),
        (5, .notAchieved, [.planned, .postponed, .ongoing]),
        (5, .notAchieved, [.planned, .planned, nil, .done]),
    ]

    @Test("Each row decides when it is the first that holds", arguments: rows.indices)
    func row(index: Int) {
        let row = Self.rows[index]
        let proposal = FulfilmentRule.propose(Self.rollUp(row.statuses), level: "Nyckelaktivitet")
        #expect(proposal.rule == row.rule && proposal.verdict == row.verdict, "\(row.statuses)")
        #expect(proposal.basis.contains("Regel \(row.rule): \(FulfilmentRule.table[row.rule - 1].condition)"))
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
