import AppTestSupport
import Foundation
@testable import Plans
@testable import SamsynApp
import Testing
import Vapor

/// Numbers and dates from files and the API have bounds (security probe findings 7 and 15).
@Suite("Numbers and dates in documents are bounded and real")
struct InputBoundsTests {
    static let cases: [(String, String, @Sendable (inout [String: Any]) -> Void)] = [
        ("the largest 64-bit version number", "documents[0].versions[0].number", { file in
            file.edit("documents", 0, "versions", 0) { $0["number"] = Int64.max }
        }),
        ("a version number beyond the bound", "documents[0].versions[0].number", { file in
            file.edit("documents", 0, "versions", 0) { $0["number"] = 10_001 }
        }),
        ("a year beyond the bound", "documents[0].versions[0].periodStart", { file in
            file.edit("documents", 0, "versions", 0) { $0["periodStart"] = 99_999 }
        }),
        ("an adoption date that is no calendar date", "documents[0].versions[0].adoptedOn", { file in
            file.edit("documents", 0, "versions", 0) { $0["adoptedOn"] = "2023-99-99" }
        }),
        ("the 30th of February", "documents[0].versions[0].adoptedOn", { file in
            file.edit("documents", 0, "versions", 0) { $0["adoptedOn"] = "2023-02-30" }
        }),
    ]

    @Test("A file with an out-of-bounds number or a date that does not exist is refused by path, changing nothing", arguments: Engine.enabled)
    func fileBounds(engine: Engine) async throws {
        try await withApp(engine) { app in try await expectRefusals(app, Self.cases) }
    }

    @Test("A version number beyond the bound in an address is a 400, and the API says so", arguments: Engine.enabled)
    func addressBounds(engine: Engine) async throws {
        try await withApp(engine) { app in
            for version in ["10001", "9223372036854775807", "99999999999999999999"] {
                let api = try await app.get("/api/v1/organisations/norrbottens-kommuner/documents/verksamhetsplan-2023?version=\(version)")
                let page = try await app.get("/o/norrbottens-kommuner/dokument/verksamhetsplan-2023/version/\(version)")
                #expect(api.status == .badRequest, "\(version)")
                #expect(page.status == .badRequest, "\(version)")
            }
        }
    }
}
