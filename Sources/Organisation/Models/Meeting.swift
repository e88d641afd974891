import Core
import Fluent
import Foundation

/// A meeting of the organisation or one of its bodies, kept as a minimal record: when, who took part
/// for which party, notes and documents. The annual meeting of an agreement is one; the decisions
/// module extends the record with agendas and minutes.
final class Meeting: Model, @unchecked Sendable {
    public static let schema = "organisation_meetings"

    @ID public var id: UUID?
    @Parent(key: "organisation_id") public var organisation: OrganisationRecord
    @Field(key: "key") public var key: String
    @Field(key: "title") public var title: String
    @Field(key: "held_on") public var heldOn: String
    /// The body, network or forum that met (its key), if not the organisation as a whole.
    @OptionalField(key: "group_key") public var groupKey: String?
    @Field(key: "notes") public var notes: String
    /// JSON: `[MeetingRecord.Participant]`.
    @Field(key: "participants") public var participantsJSON: String
    /// JSON: `[MeetingRecord.Document]`.
    @Field(key: "documents") public var documentsJSON: String

    public init() {}

    public var record: MeetingRecord {
        MeetingRecord(title: title, heldOn: heldOn, group: groupKey, notes: notes.isEmpty ? nil : notes,
                      participants: JSONColumn.decode([MeetingRecord.Participant].self, from: participantsJSON, default: []),
                      documents: JSONColumn.decode([MeetingRecord.Document].self, from: documentsJSON, default: []))
    }
}

/// What a meeting record says, as forms, the API and the organisation file carry it.
public struct MeetingRecord: Codable, Equatable, Sendable {
    public struct Participant: Codable, Equatable, Sendable {
        public var name: String
        /// The registry key of the party the person took part for, if any.
        public var party: String?
        public init(name: String, party: String? = nil) {
            self.name = name
            self.party = party
        }
    }

    /// A document of the meeting, by its address (minutes, presentations).
    public struct Document: Codable, Equatable, Sendable {
        public var title: String
        public var url: String
        public init(title: String, url: String) {
            self.title = title
            self.url = url
        }
    }

    public var title: String
    public var heldOn: String
    public var group: String?
    public var notes: String?
    public var participants: [Participant]
    public var documents: [Document]

    public init(title: String, heldOn: String, group: String? = nil, notes: String? = nil, participants: [Participant] = [], documents: [Document] = []) {
        self.title = title
        self.heldOn = heldOn
        self.group = group
        self.notes = notes
        self.participants = participants
        self.documents = documents
    }
}
