import Core
import Foundation

/// FollowUp's part of the organisation file: the period templates, the reporters, and every
/// period with its reports and assessments. Absent when the organisation follows nothing up.
/// Documented in docs/organisation-file.md and schema/sections/follow-up.schema.json.
public enum FollowUpSection: InterchangeSection {
    public struct Content: Codable, Equatable, Sendable {
        public var followUp: FollowUpEntry?
    }

    public struct FollowUpEntry: Codable, Equatable, Sendable {
        /// The organisation's own templates; absent when it uses the defaults.
        var periodTemplates: [PeriodTemplate.Value]?
        public var reporters: [ReporterEntry]?
        public var periods: [PeriodEntry]
        /// The indicators of goals; absent when there are none.
        public var indicators: [IndicatorEntry]?
        /// The Kolada KPIs the indicators use, with the members' values.
        public var kolada: KoladaEntry?
        /// The networks' contact people (never public; this file is an administrator's backup).
        public var contacts: [ContactEntry]?
        /// The networks' annual surveys with links (hashed), answers and chosen quotes.
        public var surveys: [SurveyEntry]?
        /// The figures of adopted annual reports as they were adopted.
        public var reportSnapshots: [ReportSnapshotEntry]?
    }

    public struct ReporterEntry: Codable, Equatable, Sendable {
        public var document: String
        public var lineage: String
        public var email: String
    }

    public struct PeriodEntry: Codable, Equatable, Sendable {
        public var document: String
        public var version: Int
        public var key: String
        public var name: String
        public var endsOn: String
        public var deadline: String
        public var remindDaysBefore: Int?
        public var state: PeriodState
        /// Moments as ISO 8601 in UTC, to the second.
        public var openedAt: String
        public var openedBy: String
        public var closedAt: String?
        public var closedBy: String?
        /// True for demonstration data; absent otherwise.
        public var example: Bool?
        public var reports: [ReportEntry]
        public var assessments: [AssessmentEntry]
    }

    public struct ReportEntry: Codable, Equatable, Sendable {
        public var lineage: String
        public var status: ActivityStatus
        public var progress: Int?
        public var comment: String?
        public var reportedBy: String
        public var reportedAt: String
        public var revision: Int
    }

    public struct AssessmentEntry: Codable, Equatable, Sendable {
        public var lineage: String
        public var verdict: Verdict
        public var motivation: String
        public var assessedBy: String
        public var assessedAt: String
        public var revision: Int
    }

    static func moment(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }
    static func moment(_ text: String) -> Date? { ISO8601DateFormatter().date(from: text) }
}
