import Core
import Foundation

/// How the key activities under a goal stand in one period: counts by reported status, the ones
/// not reported, and their mean progress. "6 nyckelaktiviteter: 2 pågående, 1 genomförd, 3 ej rapporterade".
public struct RollUp: Codable, Sendable, Equatable {
    public let activities: Int
    public let counts: [ActivityStatus: Int]
    public let missing: Int
    /// The mean of the progress reported, rounded; nil when none was.
    public let meanProgress: Int?

    public init(statuses: [ReportValue?]) {
        activities = statuses.count
        var counts: [ActivityStatus: Int] = [:]
        for report in statuses.compactMap({ $0 }) { counts[report.status, default: 0] += 1 }
        self.counts = counts
        missing = statuses.filter { $0 == nil }.count
        let progress = statuses.compactMap { $0?.progress }
        meanProgress = progress.isEmpty ? nil : Int((Double(progress.reduce(0, +)) / Double(progress.count)).rounded())
    }

    init(activities: Int, counts: [ActivityStatus: Int], missing: Int, meanProgress: Int?) {
        self.activities = activities
        self.counts = counts
        self.missing = missing
        self.meanProgress = meanProgress
    }

    public func count(_ status: ActivityStatus) -> Int { counts[status] ?? 0 }

    /// The counts in words, statuses in their usual order; `level` names the activities ("nyckelaktivitet").
    public func phrase(level: String) -> String {
        let parts = ActivityStatus.allCases.compactMap { status in counts[status].map { "\($0) \(status.countLabel($0))" } }
            + (missing > 0 ? ["\(missing) ej rapporterade".replacingOccurrences(of: "1 ej rapporterade", with: "1 ej rapporterad")] : [])
        let head = "\(activities) \(Glossary.heading(level, count: activities).lowercased())"
        return parts.isEmpty ? head : "\(head): \(parts.joined(separator: ", "))"
    }
}

extension ActivityStatus {
    /// The status after a number: "1 genomförd", "2 genomförda".
    public func countLabel(_ count: Int) -> String {
        let one = count == 1
        return switch self {
        case .planned: one ? "planerad" : "planerade"
        case .ongoing: "pågående"
        case .done: one ? "genomförd" : "genomförda"
        case .postponed: one ? "uppskjuten" : "uppskjutna"
        case .cancelled: one ? "avbruten" : "avbrutna"
        }
    }
}
