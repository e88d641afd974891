import Core

/// What a reporter says about a key activity in a period. The labels are Plans' (`Glossary.statuses`).
public enum ActivityStatus: String, Codable, CodingKeyRepresentable, CaseIterable, Sendable {
    case planned, ongoing, done, postponed, cancelled

    public var label: String { Glossary.status(rawValue) ?? rawValue }
}

/// An editor's judgement of how far a goal or goal area was met in a period.
public enum Verdict: String, Codable, CaseIterable, Sendable {
    case achieved
    case partlyAchieved = "partly-achieved"
    case notAchieved = "not-achieved"
    case notAssessable = "not-assessable"

    public var label: String {
        switch self {
        case .achieved: "Uppfyllt"
        case .partlyAchieved: "Delvis uppfyllt"
        case .notAchieved: "Inte uppfyllt"
        case .notAssessable: "Kan inte bedömas"
        }
    }

    /// A mark that carries the meaning without colour.
    public var symbol: String {
        switch self {
        case .achieved: "✓"
        case .partlyAchieved: "◐"
        case .notAchieved: "✗"
        case .notAssessable: "?"
        }
    }
}

public enum PeriodState: String, Codable, CaseIterable, Sendable {
    case open, closed

    public var label: String { self == .open ? "Öppen" : "Stängd" }
}
