import Fluent
import Foundation

/// A contact person of a network or forum (by the group's key): who is asked what the support was
/// worth. Contact details are never public: only the organisation's editors see them, and only an
/// administrator's backup carries them.
final class NetworkContact: Model, @unchecked Sendable {
    public static let schema = "followup_network_contacts"

    @ID public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "group_key") public var groupKey: String
    @Field(key: "name") public var name: String
    @Field(key: "email") public var email: String

    public init() {}
}

/// The year's survey of the networks: its questions, the networks asked, and until when links work.
final class Survey: Model, @unchecked Sendable {
    public static let schema = "followup_surveys"

    @ID public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "year") public var year: Int
    @Field(key: "title") public var title: String
    /// JSON: `[SurveyQuestion]`; the first is the score (1–5), the others free text.
    @Field(key: "questions") public var questionsJSON: String
    /// JSON: the group keys of the networks asked.
    @Field(key: "networks") public var networksJSON: String
    /// The last day a link can be answered (YYYY-MM-DD, Swedish time).
    @Field(key: "closes_on") public var closesOn: String
    @Field(key: "opened_at") public var openedAt: Date
    @Field(key: "opened_by") public var openedBy: String
    @Field(key: "example") public var example: Bool

    public init() {}
}

public struct SurveyQuestion: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, CaseIterable, Sendable { case score, text }
    public var kind: Kind
    public var text: String

    public static let defaults = [
        SurveyQuestion(kind: .score, text: "Hur värdefullt har stödet från förbundet varit för ditt eget arbete?"),
        SurveyQuestion(kind: .text, text: "Vad har varit mest användbart?"),
        SurveyQuestion(kind: .text, text: "Vad borde förändras?"),
    ]
}

/// A personal link: one per survey, network and contact; only the token's hash is kept.
final class SurveyInvitation: Model, @unchecked Sendable {
    public static let schema = "followup_survey_invitations"

    @ID public var id: UUID?
    @Parent(key: "survey_id") public var survey: Survey
    @Field(key: "group_key") public var groupKey: String
    @Field(key: "email") public var email: String
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "sent_at") public var sentAt: Date
    @OptionalField(key: "answered_at") public var answeredAt: Date?

    public init() {}
}

/// Whether an answer's words may be quoted, and how.
public enum QuoteConsent: String, Codable, CaseIterable, Sendable {
    case no, anonymous, network

    public var label: String {
        switch self {
        case .no: "Nej, citera inte mitt svar"
        case .anonymous: "Ja, anonymt"
        case .network: "Ja, med nätverkets namn"
        }
    }
}

/// One answer: a network's, never a person's (the invitation only records that it was used).
final class SurveyAnswer: Model, @unchecked Sendable {
    public static let schema = "followup_survey_answers"

    @ID public var id: UUID?
    @Parent(key: "survey_id") public var survey: Survey
    @Field(key: "group_key") public var groupKey: String
    @Field(key: "score") public var score: Int
    /// JSON: the answers to the text questions, in order ("" where none was given).
    @Field(key: "texts") public var textsJSON: String
    @Field(key: "consent") public var consent: QuoteConsent
    @Field(key: "answered_at") public var answeredAt: Date

    public init() {}
}

/// A quote an editor chose to publish, only from an answer whose consent allows it.
final class SurveyQuote: Model, @unchecked Sendable {
    public static let schema = "followup_survey_quotes"

    @ID public var id: UUID?
    @Parent(key: "answer_id") public var answer: SurveyAnswer
    /// Which text question (its index among the questions).
    @Field(key: "question") public var question: Int
    @Field(key: "published_at") public var publishedAt: Date
    @Field(key: "published_by") public var publishedBy: String

    public init() {}
}
