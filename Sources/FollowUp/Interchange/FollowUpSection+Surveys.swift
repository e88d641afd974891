import Core
import Fluent
import Foundation
import Mail
import Plans

/// The networks' survey in the organisation file: contacts, surveys with their questions and
/// networks, the links (as hashes only), the answers and the chosen quotes. The file is an
/// administrator's full backup; nothing of it is a public download.
extension FollowUpSection {
    public struct ContactEntry: Codable, Equatable, Sendable {
        public var network: String
        public var name: String
        public var email: String
    }

    public struct SurveyEntry: Codable, Equatable, Sendable {
        public struct Invitation: Codable, Equatable, Sendable {
            public var network: String
            public var email: String
            /// SHA-256 of the link's token, hex: the token itself is never stored.
            public var tokenHash: String
            public var sentAt: String
            public var answeredAt: String?
        }

        public struct Answer: Codable, Equatable, Sendable {
            public var network: String
            public var score: Int
            public var texts: [String]
            public var consent: QuoteConsent
            public var answeredAt: String
            /// The text questions (1-based) whose answer is published as a quote.
            public var quoted: [Int]?
        }

        public var year: Int
        public var title: String
        public var questions: [SurveyQuestion]
        public var networks: [String]
        public var closesOn: String
        public var openedAt: String
        public var openedBy: String
        public var example: Bool?
        public var invitations: [Invitation]
        public var answers: [Answer]
    }

    static func exportSurveys(tenant: UUID, on db: any Database) async throws -> ([ContactEntry], [SurveyEntry]) {
        let contacts = try await NetworkContact.query(on: db).filter(\.$organisationID == tenant).sort(\.$groupKey).sort(\.$email).all()
        var surveys: [SurveyEntry] = []
        for survey in try await Survey.query(on: db).filter(\.$organisationID == tenant).sort(\.$year).all() {
            let invitations = try await SurveyInvitation.query(on: db).filter(\.$survey.$id == survey.requireID()).sort(\.$groupKey).sort(\.$email).all()
            let answers = try await SurveyAnswer.query(on: db).filter(\.$survey.$id == survey.requireID()).sort(\.$answeredAt).sort(\.$groupKey).all()
            let quotes = answers.isEmpty ? [] : try await SurveyQuote.query(on: db).filter(\.$answer.$id ~~ answers.compactMap(\.id)).all()
            surveys.append(SurveyEntry(
                year: survey.year, title: survey.title, questions: JSONColumn.decode([SurveyQuestion].self, from: survey.questionsJSON, default: []),
                networks: JSONColumn.decode([String].self, from: survey.networksJSON, default: []), closesOn: survey.closesOn,
                openedAt: moment(survey.openedAt), openedBy: survey.openedBy, example: survey.example ? true : nil,
                invitations: invitations.map {
                    .init(network: $0.groupKey, email: $0.email, tokenHash: $0.tokenHash, sentAt: moment($0.sentAt), answeredAt: $0.answeredAt.map(moment))
                },
                answers: answers.map { answer in
                    let quoted = quotes.filter { $0.$answer.id == answer.id }.map(\.question).sorted()
                    return .init(network: answer.groupKey, score: answer.score, texts: JSONColumn.decode([String].self, from: answer.textsJSON, default: []),
                                 consent: answer.consent, answeredAt: moment(answer.answeredAt), quoted: quoted.isEmpty ? nil : quoted)
                }))
        }
        return (contacts.map { .init(network: $0.groupKey, name: $0.name, email: $0.email) }, surveys)
    }

    /// Networks are groups of the file's structure; scores 1–5; quotes only of consenting answers' texts.
    static func validateSurveys(_ entry: FollowUpEntry, groups: Set<String>) throws {
        var contacts = Set<String>()
        for (index, contact) in (entry.contacts ?? []).enumerated() {
            let path = "followUp.contacts[\(index)]"
            guard groups.contains(contact.network) else { throw ImportError("\(path).network", "no group \"\(contact.network)\" in the structure") }
            try Core.requireText(contact.name, at: "\(path).name")
            guard SMTPClient.isAddress(contact.email) else { throw ImportError("\(path).email", "not an e-mail address") }
            guard contacts.insert("\(contact.network) \(contact.email.lowercased())").inserted else { throw ImportError(path, "the network has this contact twice") }
        }
        var years = Set<Int>(), hashes = Set<String>()
        for (index, survey) in (entry.surveys ?? []).enumerated() {
            let path = "followUp.surveys[\(index)]"
            guard years.insert(survey.year).inserted else { throw ImportError("\(path).year", "a second survey for \(survey.year)") }
            try Core.requireText(survey.title, at: "\(path).title")
            guard survey.questions.first?.kind == .score, survey.questions.dropFirst().allSatisfy({ $0.kind == .text }) else {
                throw ImportError("\(path).questions", "a score question first, then text questions")
            }
            guard CalendarDate.isValid(survey.closesOn) else { throw ImportError("\(path).closesOn", "a date that exists, as YYYY-MM-DD") }
            guard moment(survey.openedAt) != nil else { throw ImportError("\(path).openedAt", "a moment in ISO 8601") }
            if let unknown = survey.networks.first(where: { !groups.contains($0) }) { throw ImportError("\(path).networks", "no group \"\(unknown)\"") }
            for (position, invitation) in survey.invitations.enumerated() {
                let at = "\(path).invitations[\(position)]"
                guard survey.networks.contains(invitation.network) else { throw ImportError("\(at).network", "not a network of the survey") }
                guard invitation.tokenHash.count == 64, invitation.tokenHash.allSatisfy(\.isHexDigit), hashes.insert(invitation.tokenHash).inserted else {
                    throw ImportError("\(at).tokenHash", "a SHA-256 in hex, once")
                }
                guard moment(invitation.sentAt) != nil, invitation.answeredAt.map({ moment($0) != nil }) ?? true else { throw ImportError(at, "moments in ISO 8601") }
            }
            for (position, answer) in survey.answers.enumerated() {
                let at = "\(path).answers[\(position)]"
                guard survey.networks.contains(answer.network) else { throw ImportError("\(at).network", "not a network of the survey") }
                guard (1...5).contains(answer.score) else { throw ImportError("\(at).score", "1–5") }
                guard answer.texts.count == survey.questions.count - 1 else { throw ImportError("\(at).texts", "one text per text question") }
                guard moment(answer.answeredAt) != nil else { throw ImportError("\(at).answeredAt", "a moment in ISO 8601") }
                for question in answer.quoted ?? [] {
                    guard answer.consent != .no else { throw ImportError("\(at).quoted", "the answer was given without consent to quote it") }
                    guard (1...answer.texts.count).contains(question), !answer.texts[question - 1].isEmpty else { throw ImportError("\(at).quoted", "no text to quote") }
                }
            }
        }
    }

    static func writeSurveys(_ entry: FollowUpEntry, organisationID: UUID, on db: any Database) async throws {
        try await NetworkContact.query(on: db).filter(\.$organisationID == organisationID).delete()
        try await Survey.query(on: db).filter(\.$organisationID == organisationID).delete()
        for entry in entry.contacts ?? [] {
            let contact = NetworkContact()
            contact.organisationID = organisationID
            contact.groupKey = entry.network
            contact.name = entry.name
            contact.email = entry.email.lowercased()
            try await contact.create(on: db)
        }
        for entry in entry.surveys ?? [] {
            let survey = Survey()
            survey.organisationID = organisationID
            survey.year = entry.year
            survey.title = entry.title
            survey.questionsJSON = JSONColumn.encode(entry.questions)
            survey.networksJSON = JSONColumn.encode(entry.networks)
            survey.closesOn = entry.closesOn
            survey.openedAt = moment(entry.openedAt)!
            survey.openedBy = entry.openedBy
            survey.example = entry.example ?? false
            try await survey.create(on: db)
            for item in entry.invitations {
                let invitation = SurveyInvitation()
                invitation.$survey.id = try survey.requireID()
                invitation.groupKey = item.network
                invitation.email = item.email
                invitation.tokenHash = item.tokenHash
                invitation.sentAt = moment(item.sentAt)!
                invitation.answeredAt = item.answeredAt.flatMap(moment)
                try await invitation.create(on: db)
            }
            for item in entry.answers {
                let answer = SurveyAnswer()
                answer.$survey.id = try survey.requireID()
                answer.groupKey = item.network
                answer.score = item.score
                answer.textsJSON = JSONColumn.encode(item.texts)
                answer.consent = item.consent
                answer.answeredAt = moment(item.answeredAt)!
                try await answer.create(on: db)
                for question in item.quoted ?? [] {
                    let quote = SurveyQuote()
                    quote.$answer.id = try answer.requireID()
                    quote.question = question
                    quote.publishedAt = answer.answeredAt
                    quote.publishedBy = survey.openedBy
                    try await quote.create(on: db)
                }
            }
        }
    }
}

/// The figures of adopted annual reports, as adopted.
extension FollowUpSection {
    public struct ReportSnapshotEntry: Codable, Equatable, Sendable {
        public var document: String
        public var version: Int
        public var takenAt: String
        public var data: AnnualReportData
    }

    static func exportSnapshots(tenant: UUID, on db: any Database) async throws -> [ReportSnapshotEntry] {
        try await ReportSnapshot.query(on: db).filter(\.$organisationID == tenant).sort(\.$documentSlug).sort(\.$versionNumber).all().map {
            ReportSnapshotEntry(document: $0.documentSlug, version: $0.versionNumber, takenAt: moment($0.takenAt),
                                data: try JSONDecoder().decode(AnnualReportData.self, from: Data($0.dataJSON.utf8)))
        }
    }

    static func validateSnapshots(_ entry: FollowUpEntry, versions: DocumentsSection.Versions.Value) throws {
        var seen = Set<String>()
        for (index, snapshot) in (entry.reportSnapshots ?? []).enumerated() {
            let path = "followUp.reportSnapshots[\(index)]"
            guard let version = versions[snapshot.document]?[snapshot.version], version.status != .draft else {
                throw ImportError("\(path).version", "document \"\(snapshot.document)\" has no adopted version \(snapshot.version) in the file")
            }
            guard seen.insert("\(snapshot.document) \(snapshot.version)").inserted else { throw ImportError(path, "a second snapshot of the same version") }
            guard moment(snapshot.takenAt) != nil else { throw ImportError("\(path).takenAt", "a moment in ISO 8601") }
        }
    }

    static func writeSnapshots(_ entry: FollowUpEntry?, organisationID: UUID, on db: any Database) async throws {
        try await ReportSnapshot.query(on: db).filter(\.$organisationID == organisationID).delete()
        for item in entry?.reportSnapshots ?? [] {
            let snapshot = ReportSnapshot()
            snapshot.organisationID = organisationID
            snapshot.documentSlug = item.document
            snapshot.versionNumber = item.version
            snapshot.takenAt = moment(item.takenAt)!
            snapshot.dataJSON = JSONColumn.encode(item.data)
            try await snapshot.create(on: db)
        }
    }
}
