import Core
import Fluent
import Foundation
import Organisation

/// What a survey's answers add up to, per network and year: how many answered, the mean score
/// and how the scores spread over 1–5.
public struct SurveyTally: Sendable, Equatable {
    public struct Year: Sendable, Equatable {
        public let year: Int
        public let answers: Int
        /// Invitations sent for the network that year.
        public let asked: Int
        /// Counts of the scores 1 to 5, in order.
        public let distribution: [Int]
        public var mean: Double? { answers == 0 ? nil : Double(zip(1...5, distribution).map { $0 * $1 }.reduce(0, +)) / Double(answers) }
    }

    public struct Network: Sendable, Equatable {
        public let key: String
        public let name: String
        /// Oldest year first.
        public let years: [Year]
    }

    public let networks: [Network]
}

enum SurveyQuery {
    /// The tallies of the organisation's surveys, for the networks in `only` (all when nil).
    static func tally(organisationID: UUID, only: Set<String>? = nil, on db: any Database) async throws -> SurveyTally {
        let surveys = try await Survey.query(on: db).filter(\.$organisationID == organisationID).sort(\.$year).all()
        let ids = surveys.compactMap(\.id)
        let answers = ids.isEmpty ? [] : try await SurveyAnswer.query(on: db).filter(\.$survey.$id ~~ ids).all()
        let invitations = ids.isEmpty ? [] : try await SurveyInvitation.query(on: db).filter(\.$survey.$id ~~ ids).all()
        let groups = try await SurveyWork.groups(organisationID: organisationID, on: db)
        let asked = Set(surveys.flatMap { JSONColumn.decode([String].self, from: $0.networksJSON, default: []) }).filter { only?.contains($0) ?? true }
        return SurveyTally(networks: groups.filter { asked.contains($0.key) }.map { group in
            SurveyTally.Network(key: group.key, name: group.name, years: surveys.compactMap { survey in
                guard JSONColumn.decode([String].self, from: survey.networksJSON, default: []).contains(group.key) else { return nil }
                let scores = answers.filter { $0.$survey.id == survey.id && $0.groupKey == group.key }.map(\.score)
                return SurveyTally.Year(year: survey.year, answers: scores.count,
                                        asked: invitations.filter { $0.$survey.id == survey.id && $0.groupKey == group.key }.count,
                                        distribution: (1...5).map { score in scores.filter { $0 == score }.count })
            })
        })
    }

    /// A published quote as the annual report and the results show it.
    struct Quote: Sendable, Equatable {
        let id: UUID
        let answerID: UUID
        let question: Int
        let text: String
        /// The network's name when the answer allowed it, else nil (anonymous).
        let network: String?
    }

    static func quotes(survey: Survey, on db: any Database) async throws -> [Quote] {
        let answers = try await SurveyAnswer.query(on: db).filter(\.$survey.$id == survey.requireID()).all()
        let quotes = answers.isEmpty ? [] : try await SurveyQuote.query(on: db).filter(\.$answer.$id ~~ answers.compactMap(\.id)).sort(\.$publishedAt).all()
        let groups = try await SurveyWork.groups(organisationID: survey.organisationID, on: db)
        return quotes.compactMap { quote in
            guard let answer = answers.first(where: { $0.id == quote.$answer.id }) else { return nil }
            let texts = JSONColumn.decode([String].self, from: answer.textsJSON, default: [])
            guard quote.question >= 1, quote.question <= texts.count else { return nil }
            return Quote(id: quote.id!, answerID: answer.id!, question: quote.question, text: texts[quote.question - 1],
                         network: answer.consent == .network ? groups.first { $0.key == answer.groupKey }?.name ?? answer.groupKey : nil)
        }
    }
}
