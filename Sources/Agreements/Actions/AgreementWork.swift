import Auth
import Core
import Fluent
import Foundation
import Organisation
import Vapor

/// Writes to the registry, each in one transaction with its audit entry and, for the agreement
/// itself, a revision. Refusals name the field in Swedish for forms and in English for the API.
public enum AgreementWork {
    public enum Failure: DomainFailure, Equatable {
        case invalid(String, english: String, field: String?)
        case notFound(String)
        /// Someone saved in between: the revision the form was opened at is gone.
        case conflict

        public var swedish: String {
            switch self {
            case .invalid(let swedish, _, _): swedish
            case .notFound: "Avtalet finns inte."
            case .conflict: "Någon annan har ändrat avtalet sedan du öppnade formuläret. Öppna det igen för att se den nya lydelsen."
            }
        }

        public var english: String {
            switch self {
            case .invalid(_, let english, let field): field.map { "\($0): \(english)" } ?? english
            case .notFound(let what): what
            case .conflict: "the agreement changed since revision given; read it again"
            }
        }

        public var field: String? { if case .invalid(_, _, let field) = self { field } else { nil } }

        public var status: HTTPResponseStatus {
            switch self {
            case .invalid: .unprocessableEntity
            case .notFound: .notFound
            case .conflict: .conflict
            }
        }
    }

    /// Keys the registry's pages use for themselves, so no agreement can take them.
    static let reservedKeys: Set<String> = ["ny", "omprovningar", "kalender", "hantera", "kalender-ics"]

    /// The rules of a spec (docs/agreements.md). `today` is given for interactive creation, which
    /// refuses a review date in the past; imports of history pass nil.
    public static func validate(_ spec: AgreementSpec, catalogue: Catalogue, today: String?) throws(Failure) {
        func invalid(_ swedish: String, _ english: String, _ field: String) -> Failure { .invalid(swedish, english: english, field: field) }
        let title = spec.title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw invalid("Skriv avtalets titel.", "title is empty", "title") }
        guard title.count <= 400 else { throw invalid("Titeln får vara högst 400 tecken.", "title is longer than 400 characters", "title") }
        // Control characters, direction overrides and lengths, as everywhere (TextRules).
        let texts: [(String?, TextRules.Kind, Int, String)] = [(spec.summary, .text, 20_000, "summary")]
            + spec.parties.flatMap { party in [party.description, party.note, party.signatory].map { ($0, TextRules.Kind.title, 400, party.description == nil ? "parties" : "describedParties") } }
        if let problem = TextRules.problem(in: title, as: .title, limit: 400) { throw invalid(problem.swedish, "title \(problem.english)", "title") }
        for (text, kind, limit, field) in texts {
            if let text, let problem = TextRules.problem(in: text, as: kind, limit: limit) { throw invalid(problem.swedish, "\(field) \(problem.english)", field) }
        }
        for (field, day) in [("startsOn", spec.startsOn), ("endsOn", spec.endsOn), ("reviewOn", spec.reviewOn)] {
            if let day, !CalendarDate.isValid(day) {
                throw invalid("Skriv ett datum som finns, som 2023-01-31.", "\(field) is not a date written as YYYY-MM-DD", field)
            }
        }
        if let start = spec.startsOn, let end = spec.endsOn, end < start {
            throw invalid("Slutdatumet ligger före startdatumet.", "endsOn is before startsOn", "endsOn")
        }
        if let today, let review = spec.reviewOn, review < today {
            throw invalid("Omprövningsdatumet har redan passerat. Välj ett datum från och med i dag.", "reviewOn is in the past", "reviewOn")
        }
        if let reviewer = spec.reviewer, !catalogue.people.contains(where: { $0.email == reviewer.lowercased() }) {
            throw invalid("Den ansvariga för omprövningen ska ha en roll i \(catalogue.organisation.name).",
                          "reviewer \(reviewer) has no role in the organisation", "reviewer")
        }
        if let unit = spec.unit, !catalogue.units.contains(where: { $0.key == unit }) {
            throw invalid("Enheten finns inte i organisationen.", "no unit \"\(unit)\"", "unit")
        }
        var seen = Set<String>()
        for party in spec.parties {
            let kinds = [party.organisation != nil, party.members == true, party.description != nil].filter { $0 }.count
            guard kinds == 1 else {
                throw invalid("En part är antingen en organisation i registret, medlemmarna eller en beskriven part.",
                              "a party has exactly one of organisation, members and description", "parties")
            }
            if let key = party.organisation, catalogue.registry[key] == nil {
                throw invalid("Parten \(key) finns inte i registret.", "party \"\(key)\" is not in the registry", "parties")
            }
            if let description = party.description, description.trimmingCharacters(in: .whitespaces).isEmpty {
                throw invalid("En beskriven part behöver en beskrivning.", "a described party has an empty description", "describedParties")
            }
            guard seen.insert(party.organisation ?? (party.members == true ? "members" : "text:" + (party.description ?? "").lowercased())).inserted else {
                throw invalid("En part finns med två gånger.", "a party appears twice", "parties")
            }
        }
        for reference in spec.goals where catalogue.node(reference).map({ !$0.isActivity }) != true {
            throw invalid("Målet finns inte i en publicerad plan.", "no goal \(reference.document)/\(reference.lineage)", "goals")
        }
        for reference in spec.activities where catalogue.node(reference)?.isActivity != true {
            throw invalid("Nyckelaktiviteten finns inte i en publicerad plan.", "no key activity \(reference.document)/\(reference.lineage)", "activities")
        }
        if let network = spec.networks.first(where: { key in !catalogue.networks.contains { $0.key == key } }) {
            throw invalid("Nätverket finns inte i organisationen.", "no network \"\(network)\"", "networks")
        }
        for slug in [spec.text].compactMap({ $0 }) + spec.plans where catalogue.documentTitles[slug] == nil {
            throw invalid("Styrdokumentet \(slug) finns inte bland organisationens publicerade dokument.", "no published document \"\(slug)\"",
                          spec.text == slug ? "text" : "plans")
        }
        guard Set(spec.plans).count == spec.plans.count else { throw invalid("En plan finns med två gånger.", "a plan appears twice", "plans") }
        guard !spec.acceptsAccessions || (spec.isPublic && spec.status != .draft) else {
            throw invalid("Bara ett offentligt avtal som inte är ett utkast kan ta emot ansökningar om anslutning.",
                          "only a public agreement that is not a draft accepts accessions", "accession")
        }
        guard spec.commitments.isEmpty || spec.text != nil else {
            throw invalid("Åtaganden hör till avtalets text: ange texten först.", "commitments need the agreement's text", "commitments")
        }
        var committed = Set<String>()
        for commitment in spec.commitments {
            guard let text = spec.text, catalogue.node(.init(document: text, lineage: commitment.node)) != nil else {
                throw invalid("Åtagandet \(commitment.node) finns inte i avtalets text.", "no node \"\(commitment.node)\" in the agreement's text", "commitments")
            }
            guard committed.insert(commitment.node).inserted else {
                throw invalid("Ett åtagande finns med två gånger.", "commitment \"\(commitment.node)\" appears twice", "commitments")
            }
        }
    }

    /// The spec as stored: titles and texts trimmed, e-mail in lower case, empty texts as nil.
    static func normalised(_ spec: AgreementSpec) -> AgreementSpec {
        func clean(_ text: String?) -> String? {
            let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            return trimmed.isEmpty ? nil : trimmed
        }
        var spec = spec
        spec.title = spec.title.trimmingCharacters(in: .whitespacesAndNewlines)
        spec.reviewer = clean(spec.reviewer)?.lowercased()
        spec.summary = clean(spec.summary)
        spec.unit = clean(spec.unit)
        spec.parties = spec.parties.map { .init(organisation: $0.organisation, members: $0.members, description: clean($0.description),
                                               note: clean($0.note), signatory: clean($0.signatory)) }
        return spec
    }

    static func titleTaken(_ title: String, organisationID: UUID, except: UUID?, on db: any Database) async throws -> Bool {
        var query = Agreement.query(on: db).filter(\.$organisationID == organisationID).filter(\.$titleFolded == Agreement.fold(title))
        if let except { query = query.filter(\.$id != except) }
        return try await query.first() != nil
    }

    /// Where an agreement came from when it stands in a document's list.
    public struct Listing: Sendable {
        public let document: String
        public let heading: ListHeading
        public let position: Int
        public init(document: String, heading: ListHeading, position: Int) {
            self.document = document
            self.heading = heading
            self.position = position
        }
    }

    /// Adds an agreement to the registry (revision 1).
    static func create(_ spec: AgreementSpec, in catalogue: Catalogue, actor: AuditLog.Actor, today: String?, at now: Date,
                              key: String? = nil, listing: Listing? = nil, on db: any Database) async throws -> Agreement {
        let spec = normalised(spec)
        try validate(spec, catalogue: catalogue, today: today)
        let organisationID = try catalogue.organisation.requireID()
        return try await refusingDuplicates(as: .invalid("Registret har redan ett avtal med den titeln.", english: "an agreement with this title exists",
                                                         field: "title")) { try await db.write { db in
            guard try await !titleTaken(spec.title, organisationID: organisationID, except: nil, on: db) else {
                throw Failure.invalid("Registret har redan ett avtal med den titeln.", english: "an agreement with this title exists", field: "title")
            }
            let agreement = Agreement()
            agreement.organisationID = organisationID
            agreement.key = try await freeKey(key ?? Slug.make(from: spec.title), organisationID: organisationID, on: db)
            agreement.listedIn = listing?.document
            agreement.heading = listing?.heading
            agreement.position = listing?.position
            agreement.revision = 1
            apply(spec, to: agreement, at: now)
            try await agreement.create(on: db)
            try await revise(agreement, spec: spec, actor: actor, at: now, on: db)
            try await AuditLog.record("agreement.create", subject: agreement.key, actor: actor, organisationID: organisationID,
                                      after: spec.title, context: .init(name: spec.title), on: db)
            return agreement
        } }
    }

    /// What a save that committed in between makes the unique indexes refuse (the same title; the
    /// same revision number) is refused with `failure`, as the checks before it would have.
    static func refusingDuplicates<T>(as failure: Failure, _ write: () async throws -> T) async throws -> T {
        do {
            return try await write()
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw failure
        }
    }

    public enum Outcome: Sendable, Equatable { case saved(revision: Int), unchanged }

    /// Saves a changed agreement as its next revision; an unchanged spec writes nothing.
    static func update(_ agreement: Agreement, to spec: AgreementSpec, expectedRevision: Int?, in catalogue: Catalogue,
                              actor: AuditLog.Actor, today: String?, at now: Date, on db: any Database) async throws -> Outcome {
        let spec = normalised(spec)
        let before = agreement.spec
        // A review date already in the past may stay as it was; a new one must not be.
        try validate(spec, catalogue: catalogue, today: spec.reviewOn == before.reviewOn ? nil : today)
        guard spec != before else { return .unchanged }
        if let expectedRevision, expectedRevision != agreement.revision { throw Failure.conflict }
        let agreementID = try agreement.requireID()
        return try await refusingDuplicates(as: .conflict) { try await db.write { db in
            guard try await !titleTaken(spec.title, organisationID: agreement.organisationID, except: agreementID, on: db) else {
                throw Failure.invalid("Registret har redan ett avtal med den titeln.", english: "an agreement with this title exists", field: "title")
            }
            guard let current = try await Agreement.find(agreementID, on: db), current.revision == agreement.revision else { throw Failure.conflict }
            current.revision += 1
            apply(spec, to: current, at: now)
            try await current.update(on: db)
            try await revise(current, spec: spec, actor: actor, at: now, on: db)
            try await AuditLog.record("agreement.update", subject: current.key, actor: actor, organisationID: current.organisationID,
                                      before: changes(from: before, to: spec).joined(separator: "; "), after: "revision \(current.revision)",
                                      context: .init(name: spec.title), on: db)
            agreement.revision = current.revision
            agreement.specJSON = current.specJSON
            return .saved(revision: current.revision)
        } }
    }

    static func apply(_ spec: AgreementSpec, to agreement: Agreement, at now: Date) {
        agreement.title = spec.title
        agreement.titleFolded = Agreement.fold(spec.title)
        agreement.kind = spec.kind
        agreement.status = spec.status
        agreement.startsOn = spec.startsOn
        agreement.endsOn = spec.endsOn
        agreement.reviewOn = spec.reviewOn
        agreement.isPublic = spec.isPublic
        agreement.specJSON = JSONColumn.encode(spec)
        agreement.updatedAt = now
    }

    static func revise(_ agreement: Agreement, spec: AgreementSpec, actor: AuditLog.Actor, at now: Date, on db: any Database) async throws {
        let revision = AgreementRevision()
        revision.$agreement.id = try agreement.requireID()
        revision.number = agreement.revision
        revision.specJSON = JSONColumn.encode(spec)
        revision.changedAt = now
        revision.changedBy = actor.description
        try await revision.create(on: db)
    }

    static func freeKey(_ wanted: String, organisationID: UUID, on db: any Database) async throws -> String {
        let base = wanted.isEmpty || reservedKeys.contains(wanted) ? "avtal" : wanted
        var candidate = base, number = 2
        while try await Agreement.query(on: db).filter(\.$organisationID == organisationID).filter(\.$key == candidate).first() != nil {
            candidate = "\(base)-\(number)"
            number += 1
        }
        return candidate
    }

    /// What changed between two revisions, in the words of the agreement page.
    public static func changes(from before: AgreementSpec, to after: AgreementSpec) -> [String] {
        var changes: [String] = []
        func note<T: Equatable>(_ label: String, _ a: T, _ b: T) { if a != b { changes.append(label) } }
        note("titel", before.title, after.title)
        note("slag", before.kind, after.kind)
        note("status", before.status, after.status)
        note("period", [before.startsOn, before.endsOn], [after.startsOn, after.endsOn])
        note("omprövning", [before.reviewOn, before.reviewer], [after.reviewOn, after.reviewer])
        note("ansvarig enhet", before.unit, after.unit)
        note("synlighet", before.isPublic, after.isPublic)
        note("beskrivning", before.summary, after.summary)
        note("parter", before.parties, after.parties)
        note("kopplingar", [before.goals, before.activities], [after.goals, after.activities])
        note("nätverk", before.networks, after.networks)
        note("text", before.text, after.text)
        note("planer", before.plans, after.plans)
        note("åtaganden", before.commitments, after.commitments)
        note("anslutning", before.acceptsAccessions, after.acceptsAccessions)
        return changes
    }
}
