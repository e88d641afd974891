import Auth
import Core
import Fluent
import Foundation
import Organisation
import SQLKit
import Vapor

/// Writing follow-up: opening and closing periods, reports, assessments, reporters and period
/// templates. Each write is one transaction with its audit entry. A period's writes first take
/// the period row while it is still open, so closing (one conditional UPDATE) and a late report
/// cannot both land.
public enum FollowUpWork {
    public enum Failure: DomainFailure, Equatable, CustomStringConvertible {
        /// A rule is broken; `field` names the form field it concerns, when one does.
        case invalid(String, english: String, field: String? = nil)
        case closed(period: String)
        case notFound(String)
        /// Someone saved since this form was loaded; the revision saved now.
        case conflict(currentRevision: Int)
        case keyTaken(String)

        public var description: String {
            switch self {
            case .invalid(_, let english, _): english
            case .closed(let period): "the period \"\(period)\" is closed; its reports and assessments can no longer change"
            case .notFound(let what): "\(what) does not exist"
            case .conflict(let revision): "someone saved this since you loaded it (revision \(revision) is saved now)"
            case .keyTaken(let key): "the document already has a period \"\(key)\""
            }
        }

        public var swedish: String {
            switch self {
            case .invalid(let swedish, _, _): swedish
            case .closed(let period): "Perioden \(period) är stängd. Rapporter och bedömningar i den kan inte längre ändras."
            case .notFound: "Det du försöker ändra finns inte."
            case .conflict: "Någon annan har sparat samma sak sedan du öppnade formuläret. Läs det som är sparat nu och spara igen."
            case .keyTaken: "Dokumentet har redan en period med det namnet. Välj ett annat namn."
            }
        }
    }

    static let commentLength = 4_000

    // MARK: Periods

    public struct NewPeriod: Sendable {
        public var name: String
        public var endsOn: String
        public var deadline: String
        public var remindDaysBefore: Int?
        public var example = false

        public init(name: String, endsOn: String, deadline: String, remindDaysBefore: Int?, example: Bool = false) {
            self.name = name
            self.endsOn = endsOn
            self.deadline = deadline
            self.remindDaysBefore = remindDaysBefore
            self.example = example
        }

        /// The period a template gives for the plan's year.
        init(template: PeriodTemplate.Value, year: Int) {
            let calendar = Calendar.stockholm
            let ends = calendar.date(from: DateComponents(year: year, month: template.endsMonth, day: template.endsDay)) ?? Date()
            let deadline = calendar.date(byAdding: .day, value: template.deadlineDays, to: ends) ?? ends
            self.init(name: "\(template.name) \(year)", endsOn: Calendar.day(ends), deadline: Calendar.day(deadline),
                      remindDaysBefore: template.remindDaysBefore)
        }
    }

    static func check(_ period: NewPeriod) throws {
        let name = period.name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw Failure.invalid("Ange periodens namn, till exempel Tertial 1 2024.", english: "name is empty", field: "name") }
        if let problem = TextRules.problem(in: name, as: .title, limit: 100) { throw Failure.invalid(problem.swedish, english: "name \(problem.english)", field: "name") }
        guard !Slug.make(from: name).isEmpty, Slug.make(from: name) != "ny" else {
            throw Failure.invalid("Namnet behöver fler bokstäver eller siffror.", english: "name needs more letters or digits", field: "name")
        }
        for (date, field) in [(period.endsOn, "endsOn"), (period.deadline, "deadline")] where !CalendarDate.isValid(date) {
            throw Failure.invalid("Ange ett datum som finns, som ÅÅÅÅ-MM-DD.", english: "\(field) must be a date that exists, as YYYY-MM-DD", field: field)
        }
        guard period.deadline >= period.endsOn else {
            throw Failure.invalid("Sista dag att rapportera kan inte ligga före periodens slut.", english: "deadline is before endsOn", field: "deadline")
        }
        if let days = period.remindDaysBefore, !(0...90).contains(days) {
            throw Failure.invalid("Ange 0–90 dagar, eller lämna tomt för ingen påminnelse före.", english: "remindDaysBefore must be 0–90", field: "remindDaysBefore")
        }
    }

    /// Opens a period for the adopted version `tree` shows.
    static func openPeriod(_ new: NewPeriod, for tree: FollowedTree, organisationID: UUID, actor: AuditLog.Actor,
                                  at now: Date = Date(), on db: any Database) async throws -> ReportingPeriod {
        try check(new)
        guard tree.status == .adopted else {
            throw Failure.invalid("Bara en gällande version kan följas upp.", english: "only the adopted version can be followed up")
        }
        let key = Slug.make(from: new.name)
        return try await db.write { db in
            if try await PeriodQuery.period(organisationID: organisationID, document: tree.documentSlug, key: key, on: db) != nil {
                throw Failure.keyTaken(key)
            }
            let period = ReportingPeriod()
            period.organisationID = organisationID
            period.documentSlug = tree.documentSlug
            period.versionNumber = tree.versionNumber
            period.key = key
            period.name = new.name.trimmingCharacters(in: .whitespaces)
            period.endsOn = new.endsOn
            period.deadline = new.deadline
            period.remindDaysBefore = new.remindDaysBefore
            period.state = .open
            period.openedAt = now
            period.openedBy = actor.description
            period.example = new.example
            try await period.create(on: db)
            try await AuditLog.record("period.open", subject: "\(tree.documentSlug) \(key)", actor: actor, organisationID: organisationID,
                                      after: "\(period.name): slutar \(period.endsOn), sista rapportdag \(period.deadline)",
                                      context: context(period, tree: tree, item: nil), on: db)
            return period
        }
    }

    /// Closes an open period: one conditional UPDATE, so it closes once.
    static func close(_ period: ReportingPeriod, tree: FollowedTree, actor: AuditLog.Actor, at now: Date = Date(), on db: any Database) async throws {
        try await db.write { db in
            let closed = try await (db as! any SQLDatabase).update(ReportingPeriod.schema)
                .set("state", to: PeriodState.closed.rawValue)
                .set("closed_at", to: SQLBind(now))
                .set("closed_by", to: actor.description)
                .where("id", .equal, SQLBind(try period.requireID()))
                .where("state", .equal, PeriodState.open.rawValue)
                .returning("id")
                .all()
            guard !closed.isEmpty else { throw Failure.closed(period: period.name) }
            try await AuditLog.record("period.close", subject: "\(period.documentSlug) \(period.key)", actor: actor, organisationID: period.organisationID,
                                      before: PeriodState.open.label, after: PeriodState.closed.label, context: context(period, tree: tree, item: nil), on: db)
        }
        period.state = .closed
        period.closedAt = now
        period.closedBy = actor.description
    }

    /// Takes the period's row for this transaction while it is open; refuses when it is closed.
    static func holdOpen(_ period: ReportingPeriod, on db: any Database) async throws {
        let held = try await (db as! any SQLDatabase).update(ReportingPeriod.schema)
            .set(SQLIdentifier("state"), to: SQLIdentifier("state"))
            .where("id", .equal, SQLBind(try period.requireID()))
            .where("state", .equal, PeriodState.open.rawValue)
            .returning("id")
            .all()
        guard !held.isEmpty else { throw Failure.closed(period: period.name) }
    }

    static func context(_ period: ReportingPeriod, tree: FollowedTree, item: FollowedTree.Item?) -> AuditLog.Context {
        .init(name: item.map { "\($0.title) – \(period.name)" } ?? period.name, document: tree.documentSlug, documentTitle: tree.title,
              version: tree.versionNumber, item: item?.key)
    }
}

extension Calendar {
    /// Dates of periods and deadlines are days in Sweden.
    static var stockholm: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Stockholm")!
        return calendar
    }

    /// YYYY-MM-DD of a moment, in Sweden.
    static func day(_ date: Date) -> String {
        let parts = stockholm.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}

extension FollowUpWork.Failure {
    public var english: String { description }

    public var status: HTTPResponseStatus {
        switch self {
        case .invalid: .unprocessableEntity
        case .closed, .conflict, .keyTaken: .conflict
        case .notFound: .notFound
        }
    }

    public var field: String? {
        switch self {
        case .invalid(_, _, let field): field
        case .keyTaken: "name"
        default: nil
        }
    }
}
