import Auth
import Core
import Fluent
import Foundation
import Mail
import Organisation
import SQLKit

/// The networks' annual survey: contacts, opening a survey (which sends each contact a personal
/// link through the outbox), answering through a link, and choosing quotes. Each change is one
/// transaction with its audit entry; the links' tokens are kept only as hashes.
public enum SurveyWork {
    typealias Failure = FollowUpWork.Failure

    /// What an answer link can say instead of a form.
    public enum LinkProblem: Error, Equatable {
        case unknown, used, expired

        public var swedish: String {
            switch self {
            case .unknown: "Länken finns inte. Kontrollera att hela adressen kom med från e-postmeddelandet."
            case .used: "Den här länken har redan använts: nätverkets svar är inlämnat. Tack!"
            case .expired: "Enkäten är stängd, så länken fungerar inte längre."
            }
        }

        public var english: String {
            switch self {
            case .unknown: "no such survey link"
            case .used: "this link has already been used"
            case .expired: "the survey is closed; the link has expired"
            }
        }
    }

    static let textLength = 2_000

    // MARK: Contacts

    /// The organisation's networks and forums (not its bodies' decision-making roles alone): every group.
    static func groups(organisationID: UUID, on db: any Database) async throws -> [StructureQuery.Named] {
        try await StructureQuery.groups(organisationID: organisationID, on: db)
    }

    @discardableResult
    static func addContact(name: String, email: String, group: String, organisationID: UUID, actor: AuditLog.Actor,
                                  on db: any Database) async throws -> NetworkContact {
        let name = name.trimmingCharacters(in: .whitespaces), email = email.trimmingCharacters(in: .whitespaces).lowercased()
        guard try await groups(organisationID: organisationID, on: db).contains(where: { $0.key == group }) else {
            throw Failure.invalid("Välj ett nätverk eller forum.", english: "no network \"\(group)\" in the organisation", field: "group")
        }
        guard !name.isEmpty, name.count <= 200, TextRules.problem(in: name, as: .title) == nil else {
            throw Failure.invalid("Ange kontaktpersonens namn.", english: "name must be 1–200 characters of plain text", field: "name")
        }
        guard SMTPClient.isAddress(email) else {
            throw Failure.invalid("Ange en e-postadress, till exempel namn@kommun.se.", english: "not an e-mail address", field: "email")
        }
        return try await db.write { db in
            if try await NetworkContact.query(on: db).filter(\.$organisationID == organisationID).filter(\.$groupKey == group)
                .filter(\.$email == email).first() != nil {
                throw Failure.invalid("Personen är redan kontakt för nätverket.", english: "the network already has this contact", field: "email")
            }
            let contact = NetworkContact()
            contact.organisationID = organisationID
            contact.groupKey = group
            contact.name = name
            contact.email = email
            try await contact.create(on: db)
            try await AuditLog.record("contact.add", subject: group, actor: actor, organisationID: organisationID, after: "\(name) <\(email)>",
                                      context: .init(name: group), on: db)
            return contact
        }
    }

    static func removeContact(_ contact: NetworkContact, actor: AuditLog.Actor, on db: any Database) async throws {
        try await db.write { db in
            try await contact.delete(on: db)
            try await AuditLog.record("contact.remove", subject: contact.groupKey, actor: actor, organisationID: contact.organisationID,
                                      before: "\(contact.name) <\(contact.email)>", context: .init(name: contact.groupKey), on: db)
        }
    }

    // MARK: Opening

    public struct NewSurvey: Sendable {
        public var year: Int
        public var title: String
        public var closesOn: String
        public var questions: [SurveyQuestion]
        public var networks: [String]
        public var example = false

        public init(year: Int, title: String, closesOn: String, questions: [SurveyQuestion] = SurveyQuestion.defaults, networks: [String]) {
            self.year = year
            self.title = title
            self.closesOn = closesOn
            self.questions = questions
            self.networks = networks
        }
    }

    /// Opens the year's survey and puts a personal link to every contact of the chosen networks in
    /// the outbox, in the same transaction. Returns the survey and how many links were sent.
    @discardableResult
    static func open(_ new: NewSurvey, organisationID: UUID, organisationName: String, actor: AuditLog.Actor, publicURL: String,
                            at now: Date = Date(), on db: any Database) async throws -> (Survey, sent: Int) {
        let title = new.title.trimmingCharacters(in: .whitespaces)
        guard (2000...2100).contains(new.year) else { throw Failure.invalid("Ange ett år, till exempel 2023.", english: "year must be 2000–2100", field: "year") }
        guard !title.isEmpty, TextRules.problem(in: title, as: .title) == nil else {
            throw Failure.invalid("Ange en rubrik för enkäten.", english: "title is empty or not plain text", field: "title")
        }
        guard CalendarDate.isValid(new.closesOn), new.closesOn >= Calendar.day(now) else {
            throw Failure.invalid("Ange ett datum från och med i dag, som ÅÅÅÅ-MM-DD.", english: "closesOn must be a date from today on", field: "closesOn")
        }
        guard new.questions.first?.kind == .score, new.questions.dropFirst().allSatisfy({ $0.kind == .text }), new.questions.count <= 6,
              new.questions.allSatisfy({ !$0.text.trimmingCharacters(in: .whitespaces).isEmpty && $0.text.count <= 300 }) else {
            throw Failure.invalid("Varje fråga behöver en text på högst 300 tecken.", english: "a score question first, then up to five text questions, each 1–300 characters",
                                  field: "question0")
        }
        let groups = try await groups(organisationID: organisationID, on: db)
        let chosen = Array(Set(new.networks)).sorted()
        guard !chosen.isEmpty else { throw Failure.invalid("Välj minst ett nätverk.", english: "choose at least one network", field: "networks") }
        if let unknown = chosen.first(where: { key in !groups.contains { $0.key == key } }) {
            throw Failure.invalid("Nätverket \(unknown) finns inte.", english: "no network \"\(unknown)\"", field: "networks")
        }
        let contacts = try await NetworkContact.query(on: db).filter(\.$organisationID == organisationID).filter(\.$groupKey ~~ chosen).all()
        let without = chosen.filter { key in !contacts.contains { $0.groupKey == key } }
        guard without.isEmpty else {
            let names = without.map { key in groups.first { $0.key == key }?.name ?? key }
            throw Failure.invalid("Lägg till kontaktpersoner först för: \(names.joined(separator: ", ")).",
                                  english: "networks without contacts: \(without.joined(separator: ", "))", field: "networks")
        }
        return try await db.write { db in
            if try await Survey.query(on: db).filter(\.$organisationID == organisationID).filter(\.$year == new.year).first() != nil {
                throw Failure.invalid("Året \(new.year) har redan en enkät.", english: "\(new.year) already has a survey", field: "year")
            }
            let survey = Survey()
            survey.organisationID = organisationID
            survey.year = new.year
            survey.title = title
            survey.questionsJSON = JSONColumn.encode(new.questions.map { SurveyQuestion(kind: $0.kind, text: $0.text.trimmingCharacters(in: .whitespaces)) })
            survey.networksJSON = JSONColumn.encode(chosen)
            survey.closesOn = new.closesOn
            survey.openedAt = now
            survey.openedBy = actor.description
            survey.example = new.example
            try await survey.create(on: db)
            for contact in contacts {
                let token = Accounts.randomToken()
                let invitation = SurveyInvitation()
                invitation.$survey.id = try survey.requireID()
                invitation.groupKey = contact.groupKey
                invitation.email = contact.email
                invitation.tokenHash = Accounts.hash(token)
                invitation.sentAt = now
                try await invitation.create(on: db)
                let network = groups.first { $0.key == contact.groupKey }?.name ?? contact.groupKey
                let link = publicURL + SurveyURL.answer.link(token)
                try await Outbox.enqueue(Outbox.Mail(to: contact.email, subject: "\(title): vad var stödet värt för \(network)?", body: """
                    Hej \(contact.name)!

                    \(organisationName) vill veta vad stödet har varit värt för ert arbete i \(network) under \(new.year). Det tar ett par minuter.

                    Svara här: \(link)

                    Länken är personlig, fungerar en gång och till och med \(new.closesOn). Du behöver inget konto. Svaret räknas för nätverket, inte för dig som person, och du väljer själv om något får citeras.

                    Samsyn för \(organisationName)
                    """, reason: "followup.survey.invitation", secret: link), organisationID: organisationID, at: now, on: db)
            }
            try await AuditLog.record("survey.open", subject: String(new.year), actor: actor, organisationID: organisationID,
                                      after: "\(title): \(chosen.count) nätverk, \(contacts.count) länkar", context: .init(name: title), on: db)
            return (survey, contacts.count)
        }
    }

    // MARK: Answering

    /// The invitation a token names, and its survey; or why the link does not work.
    static func invitation(token: String, at now: Date = Date(), on db: any Database) async throws -> (SurveyInvitation, Survey, LinkProblem?) {
        guard !token.isEmpty, token.count <= 100,
              let invitation = try await SurveyInvitation.query(on: db).filter(\.$tokenHash == Accounts.hash(token)).with(\.$survey).first() else {
            throw LinkProblem.unknown
        }
        let problem: LinkProblem? = invitation.answeredAt != nil ? .used : (Calendar.day(now) > invitation.survey.closesOn ? .expired : nil)
        return (invitation, invitation.survey, problem)
    }

    public struct Answer: Sendable {
        public var score: Int
        public var texts: [String]
        public var consent: QuoteConsent

        public init(score: Int, texts: [String], consent: QuoteConsent) {
            self.score = score
            self.texts = texts
            self.consent = consent
        }
    }

    /// Records an answer through a link: once, while the survey is open. The link is marked used
    /// by a conditional update in the same transaction, so two submissions cannot both count.
    public static func answer(_ answer: Answer, token: String, at now: Date = Date(), on db: any Database) async throws {
        let (invitation, survey, problem) = try await invitation(token: token, at: now, on: db)
        if let problem { throw problem }
        guard (1...5).contains(answer.score) else {
            throw Failure.invalid("Välj ett värde från 1 till 5.", english: "score must be 1–5", field: "score")
        }
        let questions = JSONColumn.decode([SurveyQuestion].self, from: survey.questionsJSON, default: [])
        let texts = answer.texts.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard texts.count == questions.count - 1 else { throw Failure.invalid("Svaret saknar en fråga.", english: "one text per text question", field: "text1") }
        if let index = texts.firstIndex(where: { $0.count > textLength }) {
            throw Failure.invalid("Skriv högst \(textLength) tecken.", english: "answer \(index + 1) is longer than \(textLength) characters", field: "text\(index + 1)")
        }
        // The text rules of every other form: an answer may be quoted on a page and travels in the organisation file.
        for (index, text) in texts.enumerated() {
            if let problem = TextRules.problem(in: text, as: .title, limit: textLength) {
                throw Failure.invalid(problem.swedish, english: "answer \(index + 1) \(problem.english)", field: "text\(index + 1)")
            }
        }
        try await db.write { db in
            let id = try invitation.requireID()
            struct Row: Decodable { let id: UUID }
            let claimed = try await (db as! any SQLDatabase).update(SurveyInvitation.schema).set("answered_at", to: SQLBind(now))
                .where("id", .equal, SQLBind(id)).where("answered_at", .is, SQLLiteral.null).returning("id").all(decoding: Row.self)
            guard !claimed.isEmpty else { throw LinkProblem.used }
            let row = SurveyAnswer()
            row.$survey.id = try survey.requireID()
            row.groupKey = invitation.groupKey
            row.score = answer.score
            row.textsJSON = JSONColumn.encode(texts)
            row.consent = answer.consent
            row.answeredAt = now
            try await row.create(on: db)
            try await AuditLog.record("survey.answer", subject: "\(survey.year) \(invitation.groupKey)", actor: .anonymous,
                                      organisationID: survey.organisationID, after: "betyg \(answer.score)", context: .init(name: survey.title), on: db)
        }
    }

    // MARK: Quotes

    /// Publishes the answer's text to question `question`, only if its consent allows a quote.
    static func publishQuote(answer: SurveyAnswer, question: Int, actor: AuditLog.Actor, at now: Date = Date(), on db: any Database) async throws {
        guard answer.consent != .no else {
            throw Failure.invalid("Svaret får inte citeras: den som svarade sa nej.", english: "the answer was given without consent to quote it", field: "")
        }
        let texts = JSONColumn.decode([String].self, from: answer.textsJSON, default: [])
        guard question >= 1, question <= texts.count, !texts[question - 1].isEmpty else {
            throw Failure.invalid("Det finns inget svar att citera.", english: "no text for question \(question)", field: "")
        }
        let organisationID = try await answer.$survey.get(on: db).organisationID
        try await db.write { db in
            if try await SurveyQuote.query(on: db).filter(\.$answer.$id == answer.requireID()).filter(\.$question == question).first() != nil { return }
            let quote = SurveyQuote()
            quote.$answer.id = try answer.requireID()
            quote.question = question
            quote.publishedAt = now
            quote.publishedBy = actor.description
            try await quote.create(on: db)
            try await AuditLog.record("quote.publish", subject: answer.groupKey, actor: actor, organisationID: organisationID, after: texts[question - 1], on: db)
        }
    }

    static func withdrawQuote(_ quote: SurveyQuote, actor: AuditLog.Actor, on db: any Database) async throws {
        // The organisation's administrators see the withdrawal in their trail, as they see the publication.
        let answer = try await quote.$answer.get(on: db)
        let organisationID = try await answer.$survey.get(on: db).organisationID
        try await db.write { db in
            try await quote.delete(on: db)
            try await AuditLog.record("quote.withdraw", subject: answer.groupKey, actor: actor, organisationID: organisationID, on: db)
        }
    }

    // MARK: Retention

    /// Days after a survey closes that its unpublished free text is kept (docs/follow-up.md).
    public static let retentionDays = 365

    /// Blanks the free text of answers to surveys closed more than `retentionDays` ago, except the
    /// texts chosen as quotes. Scores and consents stay. Returns how many answers changed.
    @discardableResult
    public static func purgeOldText(at now: Date = Date(), on db: any Database) async throws -> Int {
        guard let cutoff = Calendar.stockholm.date(byAdding: .day, value: -retentionDays, to: now) else { return 0 }
        let surveys = try await Survey.query(on: db).filter(\.$closesOn < Calendar.day(cutoff)).all()
        guard !surveys.isEmpty else { return 0 }
        var changed = 0
        // Runs every 30 seconds: one query for the answers and one for their quotes, whatever their number.
        let answers = try await SurveyAnswer.query(on: db).filter(\.$survey.$id ~~ surveys.compactMap(\.id)).all()
        let quotes = answers.isEmpty ? [] : try await SurveyQuote.query(on: db).filter(\.$answer.$id ~~ answers.compactMap(\.id)).all()
        for answer in answers {
            let quoted = Set(quotes.filter { $0.$answer.id == answer.id }.map(\.question))
            let texts = JSONColumn.decode([String].self, from: answer.textsJSON, default: [])
            let kept = texts.enumerated().map { quoted.contains($0.offset + 1) ? $0.element : "" }
            guard kept != texts else { continue }
            answer.textsJSON = JSONColumn.encode(kept)
            try await answer.update(on: db)
            changed += 1
        }
        return changed
    }
}
