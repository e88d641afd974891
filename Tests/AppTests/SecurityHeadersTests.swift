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
