import Core
import Foundation

/// How a published version's work is going, as a module above Plans reports it (FollowUp): the
/// latest closed period's status per key activity, a roll-up per goal, each goal's assessment and
/// each activity's history. Plans shows it beside the tree without knowing where it comes from;
/// the version itself (body, ETag, export) never changes.
public struct ReportedProgress: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public let period: String
        /// The status in words with its mark, e.g. "▶ Pågående, 40 %".
        public let status: String
        public let comment: String

        public init(period: String, status: String, comment: String) {
            self.period = period
            self.status = status
            self.comment = comment
        }
    }

    public let periodName: String
    /// Where the whole follow-up is read.
    public let url: String
    public let example: Bool
    /// By lineage: the latest closed period's entry of each reported activity.
    public let activities: [String: Entry]
    /// By lineage: a goal's roll-up ("6 nyckelaktiviteter: 2 pågående, …") and its assessment ("✓ Uppfyllt").
    public let rollUps: [String: String]
    public let verdicts: [String: String]
    /// By lineage: every closed period's entry, oldest first.
    public let history: [String: [Entry]]

    public init(periodName: String, url: String, example: Bool, activities: [String: Entry], rollUps: [String: String], verdicts: [String: String],
                history: [String: [Entry]]) {
        self.periodName = periodName
        self.url = url
        self.example = example
        self.activities = activities
        self.rollUps = rollUps
        self.verdicts = verdicts
        self.history = history
    }
}

public enum PlansSlots {
    /// The reported progress of a published version, shown on its document and node pages.
    public static let reportedProgress = PageSlot<DocumentContent, ReportedProgress>("plans.reported-progress")
}

/// A section a module above Plans adds to a node's page (a goal's indicators) or a document's page,
/// rendered by that module; Plans places it after the node's facts or the document's sections.
public typealias NodeSection = PageSection

/// The node a page shows, in its version.
public struct NodeSubject: Sendable {
    public let content: DocumentContent
    public let node: DocumentContent.Node
}

extension PlansSlots {
    /// Sections of a published node's page from modules above Plans.
    public static let nodeSections = PageSlot<NodeSubject, NodeSection>("plans.node-sections")
    /// Parts of a document's page that a module above assembles (the figures of an annual report),
    /// shown after the document's own sections.
    public static let documentParts = PageSlot<DocumentContent, NodeSection>("plans.document-parts")
}
