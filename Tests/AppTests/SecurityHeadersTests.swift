import AppTestSupport
import Core
import Foundation
@testable import SamsynApp
import Testing
import Vapor

@Suite("Security headers on every response")
struct SecurityHeadersTests {
    /// Security probe finding 16: no CSP, no framing protection, no nosniff, no referrer policy.
    @Test("Pages, API answers, errors and redirects carry CSP without inline script, no framing, nosniff and a referrer policy; HSTS only over TLS",
          arguments: Engine.enabled)
    func everyResponse(engine: Engine) async throws {
        try await withApp(engine) { app in
            for path in ["/", "/o/norrbottens-kommuner/dokument/verksamhetsplan-2023", "/api/v1/organisations", "/o/finns-inte",
                         "/api/v1/finns-inte", "/logga-in", "/konto", "/assets/samsyn.css"] {
                let headers = try await app.get(path).headers
                let policy = try #require(headers.first(name: "Content-Security-Policy"), "\(path) has no CSP")
                #expect(policy.contains("frame-ancestors 'none'") && policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"), "\(path): \(policy)")
                #expect(headers.first(name: "X-Frame-Options") == "DENY", "\(path)")
                #expect(headers.first(name: "X-Content-Type-Options") == "nosniff", "\(path)")
                #expect(headers.first(name: "Referrer-Policy") != nil, "\(path)")
                #expect(headers.first(name: "Strict-Transport-Security") == nil, "\(path) sent HSTS over plain HTTP")
            }
        }
    }
}

@Suite("Cross-origin reads")
struct CORSTests {
    @Test("Public API reads answer any origin and its preflight; token routes, pages and signed-in routes do not", arguments: Engine.enabled)
    func publicReadsOnly(engine: Engine) async throws {
        try await withApp(engine) { app in
            let origin: HTTPHeaders = ["Origin": "https://www.lulea.se"]
            for path in ["/api/v1/organisations", "/api/v1/organisations/norrbottens-kommuner/documents/verksamhetsplan-2023",
                         "/api/v1/openapi.json"] {
                let response = try await app.request(.GET, path, headers: origin)
                #expect(response.headers.first(name: .accessControlAllowOrigin) == "*", "\(path)")
                #expect(response.headers.first(name: .accessControlExpose)?.contains("ETag") == true)
                var preflight = origin
                preflight.add(name: .accessControlRequestMethod, value: "GET")
                preflight.add(name: .accessControlRequestHeaders, value: "if-none-match")
                let answer = try await app.request(.OPTIONS, path, headers: preflight)
                #expect(answer.status == .noContent && answer.headers.first(name: .accessControlAllowHeaders)?.contains("If-None-Match") == true)
                #expect(answer.headers.first(name: .accessControlAllowCredentials) == nil, "never with credentials")
            }
            for path in ["/api/v1/organisations/norrbottens-kommuner/history", "/o/norrbottens-kommuner/dokument", "/konto", "/logga-in"] {
                let response = try await app.request(.GET, path, headers: origin)
                #expect(response.headers.first(name: .accessControlAllowOrigin) == nil, "\(path) must not be readable cross-origin")
                #expect(try await app.request(.OPTIONS, path, headers: origin).headers.first(name: .accessControlAllowOrigin) == nil)
            }
            let openAPI = try await app.get("/api/v1/openapi.json").body
            #expect(openAPI.contains(#""license":{"name":"CC0 1.0 Universal","url":"https:\/\/creativecommons.org\/publicdomain\/zero\/1.0\/"}"#)
                    || openAPI.contains("CC0 1.0 Universal"))
        }
    }
}
