import Auth
import Core
import Fluent
import Foundation
import Vapor

/// Writes meeting records, each in one transaction with its audit entry. Refusals name the field in
/// Swedish for forms and in English for the API.
public enum Meetings {
    public struct Failure: DomainFailure, Equatable {
        public let swedish: String
        /// What is wrong with the field, without its name.
        public let problem: String
        public let name: String

        public init(swedish: String, english: String, field: String) {
            self.swedish = swedish
            self.problem = english
            self.name = field
        }

        public var english: String { "\(name): \(problem)" }
        public var field: String? { name }
        public var status: HTTPResponseStatus { .unprocessableEntity }
    }

    /// Parties are the organisation's members or registry entries; the body is the organisation's;
    /// documents are web addresses.
    public static func validate(_ record: MeetingRecord, registry: Set<String>, groups: Set<String>) throws(Failure) {
        func fail(_ swedish: String, _ english: String, _ field: String) -> Failure { Failure(swedish: swedish, english: english, field: field) }
        guard !record.title.trimmingCharacters(in: .whitespaces).isEmpty else { throw fail("Skriv mötets rubrik.", "title is empty", "title") }
        if let problem = TextRules.problem(in: record.title, as: .title, limit: 300) { throw fail(problem.swedish, "title \(problem.english)", "title") }
        guard CalendarDate.isValid(record.heldOn) else { throw fail("Skriv ett datum som finns, som 2024-03-15.", "heldOn is not a date written as YYYY-MM-DD", "heldOn") }
        if let group = record.group, !groups.contains(group) { throw fail("Organet finns inte i organisationen.", "no group \"\(group)\"", "group") }
        if let notes = record.notes, let problem = TextRules.problem(in: notes, as: .text, limit: 50_000) {
            throw fail(problem.swedish, "notes \(problem.english)", "notes")
        }
        for participant in record.participants {
            if let problem = TextRules.problem(in: participant.name, as: .title, limit: 200) ?? (participant.name.isEmpty ? .tooLong(limit: 0) : nil) {
                throw fail(participant.name.isEmpty ? "En deltagare saknar namn." : problem.swedish, "a participant's name is empty or not plain text", "participants")
            }
            if let party = participant.party, !registry.contains(party) {
                throw fail("Parten \"\(party)\" finns inte i registret.", "party \"\(party)\" is not in the registry", "participants")
            }
        }
        for document in record.documents {
            // Quotes, angle brackets and blanks never belong in an address (RFC 3986): refused, as well as escaped where shown.
            guard document.url.count <= 2_000, !document.url.contains(where: { "\"<>'` \\".contains($0) || $0.isWhitespace }),
                  let url = URL(string: document.url), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
                throw fail("\(document.url) är inte en webbadress (http:// eller https://).", "document url \(document.url) is not an http(s) address", "documents")
            }
            if let problem = TextRules.problem(in: document.title, as: .title, limit: 300) { throw fail(problem.swedish, "document title \(problem.english)", "documents") }
        }
    }

    static func apply(_ record: MeetingRecord, to meeting: Meeting) {
        meeting.title = record.title.trimmingCharacters(in: .whitespaces)
        meeting.heldOn = record.heldOn
        meeting.groupKey = record.group
        meeting.notes = record.notes ?? ""
        meeting.participantsJSON = JSONColumn.encode(record.participants)
        meeting.documentsJSON = JSONColumn.encode(record.documents)
    }

    static func context(_ organisationID: UUID, on db: any Database) async throws -> (registry: Set<String>, groups: Set<String>) {
        let registry = Set(try await OrganisationRecord.query(on: db).all().map { $0.scbCode ?? $0.slug })
        let groups = Set(try await Group.query(on: db).filter(\.$organisation.$id == organisationID).all().map(\.key))
        return (registry, groups)
    }

    static func create(_ record: MeetingRecord, in organisation: OrganisationRecord, actor: AuditLog.Actor, on db: any Database) async throws -> Meeting {
        let organisationID = try organisation.requireID()
        let known = try await context(organisationID, on: db)
        try validate(record, registry: known.registry, groups: known.groups)
        // Two meetings with one title and day saved at once choose the same free key; the one the
        // unique index refuses chooses again (at most five times), rather than answering 500.
        var attempt = 1
        while true {
            do { return try await insert(record, organisationID: organisationID, actor: actor, on: db) } catch let error as any DatabaseError
                where error.isConstraintFailure && attempt < 5 {
                attempt += 1
            }
        }
    }

    static func insert(_ record: MeetingRecord, organisationID: UUID, actor: AuditLog.Actor, on db: any Database) async throws -> Meeting {
        try await db.write { db in
            let meeting = Meeting()
            meeting.$organisation.id = organisationID
            var key = Slug.make(from: "\(record.heldOn) \(record.title)"), number = 2
            let base = key.isEmpty ? record.heldOn : key
            key = base
            while try await Meeting.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$key == key).first() != nil {
                key = "\(base)-\(number)"
                number += 1
            }
            meeting.key = key
            apply(record, to: meeting)
            try await meeting.create(on: db)
            try await AuditLog.record("meeting.create", subject: key, actor: actor, organisationID: organisationID, after: record.title, on: db)
            return meeting
        }
    }

    /// Saves a changed record; an unchanged one writes nothing and returns false.
    static func update(_ meeting: Meeting, to record: MeetingRecord, actor: AuditLog.Actor, on db: any Database) async throws -> Bool {
        let known = try await context(meeting.$organisation.id, on: db)
        try validate(record, registry: known.registry, groups: known.groups)
        guard record != meeting.record else { return false }
        try await db.write { db in
            apply(record, to: meeting)
            try await meeting.update(on: db)
            try await AuditLog.record("meeting.update", subject: meeting.key, actor: actor, organisationID: meeting.$organisation.id, after: record.title, on: db)
        }
        return true
    }
}
