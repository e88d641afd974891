import Auth
import Core
import Fluent
import Foundation
import Mail
import Organisation
import SQLKit

/// Joining an agreement (docs/agreements.md): an organisation applies through the public form and
/// follows its application by a secret link; the agreement's editors (the ledningsgrupp) approve or
/// reject it with a reason; an approved organisation is listed publicly with its day of accession
/// and may leave again. Each write is one transaction with its audit entry and its mail.
public enum Accessions {
    /// Rejected applications are deleted this many days after the decision (the privacy notice says so).
    public static let rejectedKeptDays = 30
    /// The editors are reminded of an application waiting this many days, and again every as many days.
    public static let reminderDays = 7
    /// Applications one client may send per hour: a flood is refused before anything is written.
    public static let perClientPerHour = 10

    public typealias Failure = AgreementWork.Failure

    /// The ledningsgrupp's decision as the API takes it: "approve" or "reject", and the reason.
    public struct Decision: Codable, Sendable {
        public let decision: Verdict
        public let reason: String?
    }

    public enum Verdict: String, Codable, CaseIterable, Sendable { case approve, reject }

    /// What the form asks.
    public struct Form: Sendable, Equatable {
        public var name: String
        public var orgNumber: String
        public var contactName: String
        public var contactEmail: String
        public var area: String
        public var scope: String
        public var sharesPrinciples: Bool

        public init(name: String, orgNumber: String, contactName: String, contactEmail: String, area: String, scope: String, sharesPrinciples: Bool) {
            self.name = name
            self.orgNumber = orgNumber
            self.contactName = contactName
            self.contactEmail = contactEmail
            self.area = area
            self.scope = scope
            self.sharesPrinciples = sharesPrinciples
        }
    }

    /// An organisationsnummer as "NNNNNN-NNNN", or nil: ten digits (a hyphen and the century "16"
    /// may be given), the third 2 or more (an organisation; a personnummer's month is 01–12), the
    /// last the Luhn check digit of the nine before it.
    public static func orgNumber(_ text: String) -> String? {
        var digits = text.filter { !$0.isWhitespace && $0 != "-" }
        if digits.count == 12, digits.hasPrefix("16") { digits = String(digits.dropFirst(2)) }
        guard digits.count == 10, digits.allSatisfy(\.isASCII), case let values = digits.compactMap(\.wholeNumberValue), values.count == 10,
              values[2] >= 2 else { return nil }
        let sum = values.enumerated().reduce(0) { sum, pair in
            let product = pair.element * (pair.offset.isMultiple(of: 2) ? 2 : 1)
            return sum + product / 10 + product % 10
        }
        guard sum.isMultiple(of: 10) else { return nil }
        return String(digits.prefix(6)) + "-" + String(digits.suffix(4))
    }

    static func validate(_ form: Form) throws(Failure) -> Form {
        func invalid(_ swedish: String, _ english: String, _ field: String) -> Failure { .invalid(swedish, english: english, field: field) }
        func clean(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }
        var form = form
        form.name = clean(form.name); form.contactName = clean(form.contactName); form.contactEmail = clean(form.contactEmail).lowercased()
        form.area = clean(form.area); form.scope = clean(form.scope)
        let required: [(String, String, String)] = [(form.name, "name", "Skriv organisationens namn."), (form.contactName, "contactName", "Skriv kontaktpersonens namn."),
                                                    (form.area, "area", "Skriv var i länet organisationen verkar."),
                                                    (form.scope, "scope", "Beskriv verksamhetens inriktning och omfattning.")]
        for (text, field, message) in required where text.isEmpty { throw invalid(message, "\(field) is empty", field) }
        for (text, field, kind, limit) in [(form.name, "name", TextRules.Kind.title, 200), (form.contactName, "contactName", .title, 200),
                                           (form.area, "area", .text, 1000), (form.scope, "scope", .text, 4000)] {
            if let problem = TextRules.problem(in: text, as: kind, limit: limit) { throw invalid(problem.swedish, "\(field) \(problem.english)", field) }
        }
        guard let number = orgNumber(form.orgNumber) else {
            throw invalid("Organisationsnumret stämmer inte. Skriv tio siffror, som 802012-3454; den sista är en kontrollsiffra, och ett personnummer går inte att använda.",
                          "orgNumber is not a valid organisationsnummer (ten digits, Luhn check digit)", "orgNumber")
        }
        form.orgNumber = number
        guard SMTPClient.isAddress(form.contactEmail), form.contactEmail.count <= 254 else {
            throw invalid("Skriv en e-postadress, som namn@forening.se.", "contactEmail is not an e-mail address", "contactEmail")
        }
        guard form.sharesPrinciples else {
            throw invalid("Kryssa i att organisationen delar den värdegrund som principerna formulerar; utan det går det inte att ansluta sig.",
                          "sharesPrinciples must be true", "sharesPrinciples")
        }
        return form
    }

    /// Files an application; returns it with the token of its follow link (only its hash is kept).
    static func apply(_ form: Form, to agreement: Agreement, organisation: OrganisationRecord, publicURL: String, at now: Date,
                             on db: any Database) async throws -> (AccessionApplication, token: String) {
        guard agreement.spec.acceptsAccessions, agreement.isPublic, agreement.status != .draft else { throw Failure.notFound("no agreement open for accession") }
        let form = try validate(form)
        let token = Accounts.randomToken()
        let application = AccessionApplication()
        try await db.write { db in
            let same = try await AccessionApplication.query(on: db).filter(\.$agreement.$id == agreement.requireID())
                .filter(\.$orgNumber == form.orgNumber).filter(\.$status ~~ [.pending, .approved]).first()
            if let same {
                throw Failure.invalid(same.status == .pending ? "Det finns redan en ansökan från organisationsnummer \(form.orgNumber) som väntar på beslut. Följ den med länken ni fick."
                                                             : "Organisationen med nummer \(form.orgNumber) är redan ansluten.",
                                      english: same.status == .pending ? "an application from this organisationsnummer is pending" : "this organisation has joined already",
                                      field: "orgNumber")
            }
            application.organisationID = agreement.organisationID
            application.$agreement.id = try agreement.requireID()
            application.name = form.name
            application.orgNumber = form.orgNumber
            application.contactName = form.contactName
            application.contactEmail = form.contactEmail
            application.area = form.area
            application.scope = form.scope
            application.status = .pending
            application.submittedAt = now
            application.tokenHash = Accounts.hash(token)
            try await application.create(on: db)
            try await AuditLog.record("accession.apply", subject: "\(agreement.key) \(form.orgNumber)", actor: .anonymous, organisationID: agreement.organisationID,
                                      after: form.name, context: .init(name: form.name), on: db)
            let link = publicURL + AgreementsURL.application.link(organisation.slug, agreement.key, token)
            try await Outbox.enqueue(.init(to: form.contactEmail, subject: "Er ansökan om att ansluta er: \(agreement.title)", body: """
                Hej \(form.contactName)!

                Tack för ansökan från \(form.name) om att ansluta sig till \(agreement.title).

                Ledningsgruppen går igenom ansökan. Här kan ni följa den, och efter ett godkännande även lämna överenskommelsen: \(link)

                Länken är personlig; dela den bara inom organisationen.

                Samsyn
                """, reason: "agreements.accession.applied", secret: link), organisationID: agreement.organisationID, at: now, on: db)
        }
        return (application, token)
    }

    /// The application behind a follow link; nil when the link is unknown (or the rejected application is gone).
    static func application(token: String, on db: any Database) async throws -> AccessionApplication? {
        try await AccessionApplication.query(on: db).filter(\.$tokenHash == Accounts.hash(token)).with(\.$agreement).first()
    }

    /// The ledningsgrupp's decision on a pending application; a rejection needs its reason.
    static func decide(_ application: AccessionApplication, approve: Bool, reason: String, agreement: Agreement, organisation: OrganisationRecord,
                              actor: AuditLog.Actor, publicURL: String, at now: Date, on db: any Database) async throws {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard application.status == .pending else {
            throw Failure.invalid("Ansökan är redan avgjord.", english: "the application is decided already", field: "decision")
        }
        guard approve || !reason.isEmpty else {
            throw Failure.invalid("Skriv skälet till avslaget; den sökande får läsa det.", english: "a rejection needs a reason", field: "reason")
        }
        if let problem = TextRules.problem(in: reason, as: .text, limit: 2000) { throw Failure.invalid(problem.swedish, english: "reason \(problem.english)", field: "reason") }
        try await db.write { db in
            // Only a pending row changes, so of two decisions at once the second changes nothing and is refused:
            // the database says which rows the conditional update changed (RETURNING), on both engines.
            struct Row: Decodable { let id: UUID }
            let changed = try await (db as! any SQLDatabase).update(AccessionApplication.schema)
                .set("status", to: SQLBind((approve ? AccessionStatus.approved : .rejected).rawValue)).set("decided_at", to: SQLBind(now))
                .set("decided_by", to: SQLBind(actor.description)).set("reason", to: SQLBind(reason.isEmpty ? nil : reason))
                .set("joined_on", to: SQLBind(approve ? CalendarDate.day(of: now) : nil))
                .where("id", .equal, SQLBind(try application.requireID())).where("status", .equal, SQLBind(AccessionStatus.pending.rawValue))
                .returning("id").all(decoding: Row.self)
            guard !changed.isEmpty else {
                throw Failure.invalid("Ansökan är redan avgjord.", english: "the application is decided already", field: "decision")
            }
            try await AuditLog.record(approve ? "accession.approve" : "accession.reject", subject: "\(agreement.key) \(application.orgNumber)", actor: actor,
                                      organisationID: organisation.requireID(), before: "pending", after: approve ? "approved" : "rejected: \(reason)",
                                      context: .init(name: application.name), on: db)
            try await Outbox.enqueue(.init(to: application.contactEmail, subject: "Beslut om er ansökan: \(agreement.title)", body: """
                Hej \(application.contactName)!

                \(approve ? "Ledningsgruppen har godkänt ansökan från \(application.name). Organisationen är ansluten till \(agreement.title) från och med \(CalendarDate.day(of: now))."
                          : "Ledningsgruppen har avslagit ansökan från \(application.name) om att ansluta sig till \(agreement.title).")
                \(reason.isEmpty ? "" : "\n\(approve ? "Kommentar" : "Skäl"): \(reason)\n")
                \(approve ? "Organisationen visas nu i den offentliga listan över anslutna organisationer." : "Ansökan och era kontaktuppgifter raderas \(rejectedKeptDays) dagar efter beslutet.")

                Samsyn
                """, reason: approve ? "agreements.accession.approved" : "agreements.accession.rejected"), organisationID: organisation.requireID(), at: now, on: db)
        }
    }

    /// An approved organisation leaves the agreement; its days of accession and of leaving stay listed.
    static func leave(_ application: AccessionApplication, agreement: Agreement, at now: Date, on db: any Database) async throws {
        guard application.status == .approved else {
            throw Failure.invalid("Bara en ansluten organisation kan lämna överenskommelsen.", english: "only an approved accession can be left", field: nil)
        }
        try await db.write { db in
            application.status = .left
            application.leftOn = CalendarDate.day(of: now)
            try await application.update(on: db)
            try await AuditLog.record("accession.leave", subject: "\(agreement.key) \(application.orgNumber)", actor: .anonymous,
                                      organisationID: application.organisationID, before: "approved", after: "left", context: .init(name: application.name), on: db)
        }
    }

    /// The periodic pass: reminds the agreement's editors of applications waiting `reminderDays`
    /// (again every `reminderDays`), and deletes rejected applications `rejectedKeptDays` after the decision.
    @discardableResult
    public static func tend(at now: Date, publicURL: String, on db: any Database) async throws -> (reminded: Int, deleted: Int) {
        let due = now.addingTimeInterval(-Double(reminderDays) * 86_400)
        let waiting = try await AccessionApplication.query(on: db).filter(\.$status == .pending).filter(\.$submittedAt <= due).with(\.$agreement).all()
            .filter { ($0.remindedAt ?? .distantPast) <= due }
        var reminded = 0
        for (organisationID, applications) in Dictionary(grouping: waiting, by: \.organisationID) {
            guard let organisation = try await OrganisationRecord.find(organisationID, on: db) else { continue }
            let editors = try await RoleQuery.holders(in: organisationID, kinds: [.editor, .administrator], on: db).map(\.user).filter { !$0.disabled }
            let list = applications.sorted { $0.submittedAt < $1.submittedAt }.map { application in
                "- \(application.name), inskickad \(CalendarDate.day(of: application.submittedAt)): "
                    + publicURL + AgreementsURL.applications.link(organisation.slug, application.agreement.key)
            }.joined(separator: "\n")
            try await db.write { db in
                for editor in Set(editors.map(\.email)).sorted() {
                    try await Outbox.enqueue(.init(to: editor, subject: "Ansökningar om anslutning väntar på beslut (\(applications.count))", body: """
                        Hej!

                        Dessa ansökningar om att ansluta sig till en överenskommelse i \(organisation.name) har väntat i minst \(reminderDays) dagar:

                        \(list)

                        Godkänn eller avslå dem med ett skäl på sidan för ansökningar. Påminnelsen kommer varje vecka så länge någon väntar.

                        Samsyn
                        """, reason: "agreements.accession.reminder"), organisationID: organisationID, at: now, on: db)
                }
                for application in applications {
                    application.remindedAt = now
                    try await application.update(on: db)
                }
            }
            reminded += applications.count
        }
        let expired = now.addingTimeInterval(-Double(rejectedKeptDays) * 86_400)
        let doomed = try await AccessionApplication.query(on: db).filter(\.$status == .rejected).filter(\.$decidedAt <= expired).all()
        if !doomed.isEmpty {
            try await db.write { db in
                for application in doomed {
                    try await application.delete(on: db)
                    try await AuditLog.record("accession.delete", subject: application.orgNumber, actor: .commandLine, organisationID: application.organisationID,
                                              before: "rejected", after: "deleted \(rejectedKeptDays) days after the decision", on: db)
                }
            }
        }
        return (reminded, doomed.count)
    }
}
