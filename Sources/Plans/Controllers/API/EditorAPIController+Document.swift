import Auth
import Core
import Fluent
import Organisation
import Vapor

/// A draft's title and period, its prose sections and discarding it, over the API: the same
/// actions, rights and audit trail as the editor's pages.
extension EditorAPIController {
    struct VersionDetails: Content { let title: String; let periodStart: Int?; let periodEnd: Int? }
    struct SectionInput: Content { let heading: String?; let depth: Int; let body: String }
    struct SectionCreated: Content { let key: String }
    struct Step: Content { let direction: PlanEditing.Direction }

    @Sendable static func putVersion(req: Request) async throws -> Response {
        let (organisation, actor) = try await requireEditor(req)
        let input = try req.content.decode(VersionDetails.self)
        let version = try await version(req, organisation)
        try await PlanEditing.updateDetails(version, title: input.title, period: (input.periodStart, input.periodEnd), actor: actor,
                                            organisationID: organisation.requireID(), on: req.db)
        return Response(status: .noContent)
    }

    @Sendable static func deleteVersion(req: Request) async throws -> Response {
        let (organisation, actor) = try await requireEditor(req)
        let version = try await version(req, organisation)
        try await PlanEditing.discard(version, actor: actor, organisationID: organisation.requireID(), on: req.db)
        return Response(status: .noContent)
    }

    static func sectionInput(_ req: Request) throws -> PlanEditing.SectionInput {
        let input = try req.content.decode(SectionInput.self)
        return PlanEditing.SectionInput(heading: input.heading, body: input.body, depth: input.depth)
    }

    @Sendable static func addSection(req: Request) async throws -> Response {
        let (organisation, actor) = try await requireEditor(req)
        let input = try sectionInput(req)
        let version = try await version(req, organisation)
        let key = try await PlanEditing.addSection(to: version, input, actor: actor, organisationID: organisation.requireID(), on: req.db)
        let response = Response(status: .created)
        try response.content.encode(SectionCreated(key: key))
        return response
    }

    @Sendable static func putSection(req: Request) async throws -> Response {
        let (organisation, actor) = try await requireEditor(req)
        let input = try sectionInput(req)
        let version = try await version(req, organisation)
        let key = try req.requiredParameter("section")
        try await PlanEditing.updateSection(key, in: version, input, actor: actor, organisationID: organisation.requireID(), on: req.db)
        return Response(status: .noContent)
    }

    @Sendable static func moveSection(req: Request) async throws -> Response {
        let (organisation, actor) = try await requireEditor(req)
        let step = try req.content.decode(Step.self)
        let version = try await version(req, organisation)
        let key = try req.requiredParameter("section")
        try await PlanEditing.reorderSection(key, in: version, direction: step.direction, actor: actor, organisationID: organisation.requireID(), on: req.db)
        return Response(status: .noContent)
    }

    @Sendable static func deleteSection(req: Request) async throws -> Response {
        let (organisation, actor) = try await requireEditor(req)
        let version = try await version(req, organisation)
        let key = try req.requiredParameter("section")
        try await PlanEditing.removeSection(key, in: version, actor: actor, organisationID: organisation.requireID(), on: req.db)
        return Response(status: .noContent)
    }
}
