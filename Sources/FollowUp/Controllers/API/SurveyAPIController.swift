import Auth
import Core
import Fluent
import Foundation
import Organisation
import Vapor

/// The networks' survey over the JSON API, for the organisation's editors with a personal token:
/// contacts, surveys with their numbers, answers and quotes. Nothing of it is public: contact
/// details and answers' words are the editors'; published quotes reach the public through the
/// annual report.
enum SurveyAPIController {
    struct ContactDTO: Content { let id: String; let network: String; let name: String; let email: String }
    struct NewContactDTO: Content { let network: String; let name: String; let email: String }
    struct SurveySummaryDTO: Content {
        let year: Int, title: String, closesOn: String, networks: [String], example: Bool, asked: Int, answered: Int
    }
    struct YearDTO: Content { let year: Int; let answers: Int; let asked: Int; let mean: Double?; let distribution: [Int] }
    struct NetworkTallyDTO: Content { let network: String; let name: String; let years: [YearDTO] }
    struct AnswerDTO: Content {
        let id: String, network: String, score: Int, texts: [String], consent: QuoteConsent, answeredAt: String, quoted: [Int]
    }
    struct QuoteDTO: Content { let answer: String; let question: Int; let text: String; let network: String? }
    struct SurveyDTO: Content {
        let year: Int, title: String, questions: [SurveyQuestion], closesOn: String, networks: [String], example: Bool
        let tally: [NetworkTallyDTO], quotes: [QuoteDTO], answers: [AnswerDTO]
    }
    struct NewSurveyDTO: Content { let year: Int; let title: String; let closesOn: String; let questions: [SurveyQuestion]?; let networks: [String] }
    struct QuoteInputDTO: Content { let answer: String; let question: Int; let published: Bool }

    static func context(_ req: Request) async throws -> EditorController.Context { try await FollowUpAPIController.access(req, .manage) }

    @Sendable static func contacts(req: Request) async throws -> [ContactDTO] {
        let context = try await context(req)
        return try await NetworkContact.query(on: req.db).filter(\.$organisationID == context.organisation.requireID()).sort(\.$groupKey).sort(\.$name).all()
            .map { ContactDTO(id: $0.id!.uuidString, network: $0.groupKey, name: $0.name, email: $0.email) }
    }

    @Sendable static func addContact(req: Request) async throws -> Response {
        let context = try await context(req)
        let input = try req.content.decode(NewContactDTO.self)
        let contact = try await SurveyWork.addContact(name: input.name, email: input.email, group: input.network, organisationID: context.organisation.requireID(),
                                        actor: context.actor, on: req.db)
        let response = Response(status: .created)
        try response.content.encode(ContactDTO(id: contact.id!.uuidString, network: contact.groupKey, name: contact.name, email: contact.email))
        return response
    }

    @Sendable static func removeContact(req: Request) async throws -> HTTPStatus {
        let context = try await context(req)
        guard let id = req.parameters.get("contact", as: UUID.self),
              let contact = try await NetworkContact.query(on: req.db).filter(\.$organisationID == context.organisation.requireID()).filter(\.$id == id).first() else {
            throw Abort(.notFound, reason: "no such contact")
        }
        try await SurveyWork.removeContact(contact, actor: context.actor, on: req.db)
        return .noContent
    }

    @Sendable static func surveys(req: Request) async throws -> [SurveySummaryDTO] {
        let context = try await context(req)
        let surveys = try await Survey.query(on: req.db).filter(\.$organisationID == context.organisation.requireID()).sort(\.$year).all()
        var result: [SurveySummaryDTO] = []
        for survey in surveys {
            let invitations = try await SurveyInvitation.query(on: req.db).filter(\.$survey.$id == survey.requireID()).all()
            result.append(.init(year: survey.year, title: survey.title, closesOn: survey.closesOn,
                                networks: JSONColumn.decode([String].self, from: survey.networksJSON, default: []), example: survey.example,
                                asked: invitations.count, answered: invitations.filter { $0.answeredAt != nil }.count))
        }
        return result
    }

    static func detail(_ survey: Survey, on db: any Database) async throws -> SurveyDTO {
        let answers = try await SurveyAnswer.query(on: db).filter(\.$survey.$id == survey.requireID()).sort(\.$answeredAt).all()
        let quotes = try await SurveyQuery.quotes(survey: survey, on: db)
        let tally = try await SurveyQuery.tally(organisationID: survey.organisationID, on: db)
        return SurveyDTO(
            year: survey.year, title: survey.title, questions: JSONColumn.decode([SurveyQuestion].self, from: survey.questionsJSON, default: []),
            closesOn: survey.closesOn, networks: JSONColumn.decode([String].self, from: survey.networksJSON, default: []), example: survey.example,
            tally: tally.networks.map { network in
                .init(network: network.key, name: network.name,
                      years: network.years.map { .init(year: $0.year, answers: $0.answers, asked: $0.asked, mean: $0.mean, distribution: $0.distribution) })
            },
            quotes: quotes.map { .init(answer: $0.answerID.uuidString, question: $0.question, text: $0.text, network: $0.network) },
            answers: answers.map { answer in
                .init(id: answer.id!.uuidString, network: answer.groupKey, score: answer.score, texts: JSONColumn.decode([String].self, from: answer.textsJSON, default: []),
                      consent: answer.consent, answeredAt: FollowUpSection.moment(answer.answeredAt),
                      quoted: quotes.filter { $0.answerID == answer.id }.map(\.question))
            })
    }

    @Sendable static func show(req: Request) async throws -> SurveyDTO {
        try await detail(try await EditorController.survey(req, try await context(req)), on: req.db)
    }

    @Sendable static func open(req: Request) async throws -> Response {
        let context = try await context(req)
        let input = try req.content.decode(NewSurveyDTO.self)
        let (survey, _) = try await SurveyWork.open(.init(year: input.year, title: input.title, closesOn: input.closesOn, questions: input.questions ?? SurveyQuestion.defaults,
                                        networks: input.networks),
                                  organisationID: context.organisation.requireID(), organisationName: context.organisation.name, actor: context.actor,
                                  publicURL: req.application.siteShell.publicURL, on: req.db)
        let response = Response(status: .created)
        try response.content.encode(try await detail(survey, on: req.db))
        response.headers.replaceOrAdd(name: .location, value: FollowUpURL.API.survey.link(context.slug, String(survey.year)))
        return response
    }

    @Sendable static func quote(req: Request) async throws -> SurveyDTO {
        let context = try await context(req)
        let survey = try await EditorController.survey(req, context)
        let input = try req.content.decode(QuoteInputDTO.self)
        guard let answerID = UUID(uuidString: input.answer),
              let answer = try await SurveyAnswer.query(on: req.db).filter(\.$survey.$id == survey.requireID()).filter(\.$id == answerID).first() else {
            throw Abort(.notFound, reason: "the survey has no answer \(input.answer)")
        }
        if input.published {
            try await SurveyWork.publishQuote(answer: answer, question: input.question, actor: context.actor, on: req.db)
        } else if let quote = try await SurveyQuote.query(on: req.db).filter(\.$answer.$id == answerID).filter(\.$question == input.question).first() {
            try await SurveyWork.withdrawQuote(quote, actor: context.actor, on: req.db)
        }
        return try await detail(survey, on: req.db)
    }
}
