import AppTestSupport
import Foundation
@testable import SamsynApp
import Testing
import Vapor

/// What the server does with a method a path does not have, and what the OpenAPI document says
/// of bodies (security probe finding 20).
@Suite("Methods and media types")
struct MethodNotAllowedTests {
    @Test("A method a path does not have is 405 with Allow; a path that does not exist stays 404", arguments: Engine.enabled)
    func methodNotAllowed(engine: Engine) async throws {
        try await withApp(engine, demo: false) { app in
            for (method, path, allowed) in [(HTTPMethod.PATCH, "/api/v1/organisations", "GET, OPTIONS, POST"), (.DELETE, "/api/v1/organisations/x/members", "GET, OPTIONS"),
                                            (.PUT, "/logga-in", "GET, POST")] {
                try await app.testing().test(method, path) { response async in
                    #expect(response.status == .methodNotAllowed, "\(method) \(path)")
                    #expect(response.headers.first(name: .allow) == allowed, "\(method) \(path)")
                }
            }
            try await app.testing().test(.PATCH, "/finns/inte") { response async in #expect(response.status == .notFound) }
        }
    }

    @Test("Operations with a body document 413 and 415")
    func bodiesDocumentTheirRefusals() async throws {
        let app = try await Application.make(.testing)
        try configure(app, database: .sqliteMemory)
        let document = try JSONSerialization.jsonObject(with: Data(app.openAPIJSON.utf8)) as? [String: Any]
        let paths = try #require(document?["paths"] as? [String: [String: Any]])
        var checked = 0
        for (path, item) in paths {
            for (method, value) in item {
                guard let operation = value as? [String: Any], operation["requestBody"] != nil else { continue }
                let responses = operation["responses"] as? [String: Any] ?? [:]
                #expect(responses["413"] != nil && responses["415"] != nil, "\(method) \(path)")
                checked += 1
            }
        }
        #expect(checked > 5)
        try await app.asyncShutdown()
    }
}
