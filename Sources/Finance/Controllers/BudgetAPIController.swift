import Auth
import Core
import Foundation
import Organisation
import Vapor

/// Keeping budgets over the JSON API, for editors with a personal token: a new budget (empty or a
/// copy of the year before), a proposal's spec replaced, the decision recorded. Refusals in English.
enum BudgetAPIController {
    struct NewBudget: Codable, Sendable {
        let year: Int
        /// Start from this year's budget (its lines, notes and fee inputs) instead of an empty one.
        let copyOf: Int?
    }

    struct BudgetInput: Codable, Sendable {
        let spec: BudgetSpec
        /// The revision read; another save in between gives 409.
        let revision: Int?
    }

    struct Decision: Codable, Sendable {
        let adoptedBy: String
        let adoptedOn: String
        let decisionReference: String?
    }

    /// A write's answer: the value as the API encodes it.
    static func json<T: Encodable>(_ value: T, status: HTTPStatus = .ok) throws -> Response {
        let response = Response(status: status)
        try response.content.encode(value, using: JSONEncoder.api)
        return response
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let editor = try await req.financeEditor(), organisation = editor.organisation, user = editor.user
        let input = try req.content.decode(NewBudget.self)
        let budget: Budget
        if let source = input.copyOf {
            guard input.year == source + 1, let from = try await BudgetQuery.budget(source, organisationID: organisation.requireID(), on: req.db) else {
                throw Abort(.unprocessableEntity, reason: "copyOf: a budget of the year before \(input.year)")
            }
            budget = try await BudgetWork.copy(from, in: organisation, actor: .user(user), at: req.application.now(), on: req.db)
        } else {
            budget = try await BudgetWork.create(year: input.year, in: organisation, actor: .user(user), at: req.application.now(), on: req.db)
        }
        return try json(try await BudgetQuery.content(budget.year, organisationID: organisation.requireID(), on: req.db), status: .created)
    }

    @Sendable static func replace(req: Request) async throws -> Response {
        let editor = try await req.financeEditor(), organisation = editor.organisation, user = editor.user
        let budget = try await EditorController.budget(req, organisation)
        let input = try req.content.decode(BudgetInput.self)
        _ = try await BudgetWork.update(budget, to: input.spec, expectedRevision: input.revision, in: organisation, actor: .user(user),
                                    at: req.application.now(), on: req.db)
        return try json(try await BudgetQuery.content(budget.year, organisationID: organisation.requireID(), on: req.db))
    }

    @Sendable static func adopt(req: Request) async throws -> Response {
        let editor = try await req.financeEditor(), organisation = editor.organisation, user = editor.user
        let budget = try await EditorController.budget(req, organisation)
        let input = try req.content.decode(Decision.self)
        try await BudgetWork.adopt(budget, by: input.adoptedBy, on: input.adoptedOn, reference: input.decisionReference, in: organisation,
                                   actor: .user(user), at: req.application.now(), on: req.db)
        return Response(status: .noContent)
    }
}
