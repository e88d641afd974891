import AppTestSupport
@testable import Auth
import Fluent
import Foundation
@testable import Organisation
@testable import SamsynApp
import Testing
import Vapor

/// Errors name the JSON field by its path in plain English (security probe finding 17).
@Suite("API error messages")
struct APIErrorMessageTests {
    @Test("A malformed body is answered 400 naming the field's path, never a Swift type or coding key", arguments: Engine.enabled)
    func decodingErrorsNameTheField(engine: Engine) async throws {
        try await withApp(engine) { app in
            let organisation = try #require(try await OrganisationRecord.query(on: app.db).filter(\.$slug == "norrbottens-kommuner").first())
            let user = try await Factory.user("api@example.se", roles: [.editor], in: organisation, on: app.db)
            let token = try await Accounts.createToken(for: user, name: "test", on: app.db)
            let base = "/api/v1/organisations/norrbottens-kommuner/documents/verksamhetsplan-2023/versions/1/nodes/jamlik-valfard"
            let cases: [(HTTPMethod, String, String, String)] = [
                (.PUT, base, "{\"title\": \"Ny titel\"}", "text"),
                (.PUT, base + "/facts", "{\"partners\": \"polisen\"}", "partners"),
                (.POST, base + "/move", "{\"direction\": \"sidleds\"}", "direction"),
                (.POST, "/api/v1/organisations/norrbottens-kommuner/documents", "{\"slug\": 5, \"title\": \"x\"}", "slug"),
            ]
            for (method, path, body, field) in cases {
                var headers = HTTPHeaders()
                headers.bearerAuthorization = .init(token: token)
                headers.contentType = .json
                headers.replaceOrAdd(name: .ifMatch, value: "\"1\"")
                try await app.testing().test(method, path, headers: headers, body: ByteBuffer(string: body)) { response async in
                    let reason = (try? JSONDecoder().decode(SamsynErrorMiddleware.APIError.self, from: Data(response.body.string.utf8)))?.error.reason ?? ""
                    #expect(response.status == .badRequest, "\(method) \(path): \(response.status)")
                    #expect(reason.hasPrefix("\(field):"), "\(method) \(path): \(reason)")
                    for leak in ["CodingKeys", "Swift", "Dictionary<", "Array<", "intValue", "Decodable"] {
                        #expect(!reason.contains(leak), "\(method) \(path): \(reason)")
                    }
                }
            }
        }
    }
}
