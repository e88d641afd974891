import Core
import Fluent
import Vapor

/// The members of an organisation and the registry's municipalities, as pages and JSON. Public.
enum MemberController {
    @Sendable static func page(req: Request) async throws -> Response {
        try await req.cachedPage {
            let organisation = try await req.organisation()
            return req.render(MemberIndex.View(organisation: organisation, members: try await MemberQuery.members(of: organisation, on: req.db)))
        }
    }

    @Sendable static func json(req: Request) async throws -> Response {
        try await req.cachedJSON {
            try await MemberQuery.members(of: try await req.organisation(), on: req.db).map(OrganisationDTO.init)
        }
    }

    @Sendable static func municipalities(req: Request) async throws -> Response {
        try await req.cachedJSON {
            try await OrganisationRecord.query(on: req.db).all().filter { $0.kind == .kommun }
                .sorted { ($0.scbCode ?? "") < ($1.scbCode ?? "") }.map(OrganisationDTO.init)
        }
    }
}
