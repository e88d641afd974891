import Auth
import Core
import Fluent
import Foundation
import Organisation
import Vapor

/// Outcomes, forecasts and external funding over the JSON API, for editors with a personal token.
/// Refusals in English, naming the line or field.
enum OutcomeAPIController {
    struct ForecastInput: Codable, Sendable {
        struct Line: Codable, Sendable {
            let side: BudgetSide
            let costCentre: String
            let amount: Int
            let comment: String?
        }
        let throughMonth: Int
        let lines: [Line]
    }

    struct FundingInput: Codable, Sendable {
        let key: String?
        let spec: FundingSpec
    }

    /// The body is the file itself: SIE (PC8) or CSV, told apart by the first character.
    @Sendable static func importFile(req: Request) async throws -> Response {
        let editor = try await req.financeEditor(), organisation = editor.organisation, user = editor.user
        let budget = try await EditorController.budget(req, organisation)
        guard let buffer = req.body.data, buffer.readableBytes > 0 else { throw Abort(.unprocessableEntity, reason: "the body is empty: send the SIE or CSV file") }
        let report = try await OutcomeWork.importFile(Data(buffer: buffer), name: "api-\(budget.year).se", year: budget.year, in: organisation,
                                                      actor: .user(user), at: req.application.now(), on: req.db)
        return try BudgetAPIController.json(report)
    }

    @Sendable static func forecasts(req: Request) async throws -> Response {
        let editor = try await req.financeEditor(), organisation = editor.organisation, user = editor.user
        let budget = try await EditorController.budget(req, organisation)
        let input = try req.content.decode(ForecastInput.self)
        var inputs: [OutcomeWork.LineKey: OutcomeWork.ForecastInput] = [:]
        for (index, line) in input.lines.enumerated() {
            if let comment = line.comment, let problem = TextRules.problem(in: comment, as: .title, limit: 1_000) {
                throw Abort(.unprocessableEntity, reason: "lines[\(index)].comment: \(problem.english)")
            }
            guard Bounds.isKronor(line.amount) else { throw Abort(.unprocessableEntity, reason: "lines[\(index)].amount: \(Bounds.kronorEnglish)") }
            guard inputs.updateValue(.init(amount: line.amount, comment: line.comment), forKey: .init(side: line.side, costCentre: line.costCentre)) == nil else {
                throw Abort(.unprocessableEntity, reason: "lines[\(index)]: a second forecast for \(line.side.rawValue) \(line.costCentre)")
            }
        }
        try await OutcomeWork.forecast(year: budget.year, throughMonth: input.throughMonth, inputs, in: organisation, actor: .user(user),
                                       at: req.application.now(), on: req.db)
        return try BudgetAPIController.json(try await OutcomeContent.load(budget, through: input.throughMonth, on: req.db))
    }

    @Sendable static func financing(req: Request) async throws -> Response {
        try await req.cachedJSON {
            let organisation = try await req.organisation()
            let budget = try await EditorController.budget(req, organisation)
            return try await FinancingContent.load(budget, of: organisation, on: req.db)
        }
    }

    static func content(_ funding: Funding, _ organisation: OrganisationRecord, on db: any Database) async throws -> FundingContent {
        guard let content = try await FundingQuery.contents([funding], of: organisation, on: db).first else { throw Abort(.notFound) }
        return content
    }

    @Sendable static func createFunding(req: Request) async throws -> Response {
        let editor = try await req.financeEditor(), organisation = editor.organisation, user = editor.user
        let input = try req.content.decode(FundingInput.self)
        let (funding, _) = try await FundingWork.save(input.spec, key: input.key, replacing: nil, in: organisation, actor: .user(user), at: req.application.now(), on: req.db)
        return try BudgetAPIController.json(try await content(funding, organisation, on: req.db), status: .created)
    }

    @Sendable static func replaceFunding(req: Request) async throws -> Response {
        let editor = try await req.financeEditor(), organisation = editor.organisation, user = editor.user
        let existing = try await FundingController.funding(req, organisation)
        let input = try req.content.decode(FundingInput.self)
        let (funding, _) = try await FundingWork.save(input.spec, key: input.key, replacing: existing, in: organisation, actor: .user(user), at: req.application.now(), on: req.db)
        return try BudgetAPIController.json(try await content(funding, organisation, on: req.db))
    }

    @Sendable static func deleteFunding(req: Request) async throws -> Response {
        let editor = try await req.financeEditor(), organisation = editor.organisation, user = editor.user
        try await FundingWork.remove(try await FundingController.funding(req, organisation), actor: .user(user), on: req.db)
        return Response(status: .noContent)
    }
}
