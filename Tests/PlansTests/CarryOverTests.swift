import AppTestSupport
import Fluent
import Foundation
@testable import Plans
import Testing
import Vapor

@Suite("Copying a plan to next year asks which key activities are unfinished")
struct CarryOverTests {
    /// A module above Plans answering the question its own way: here, only the first activity is unfinished.
    struct FirstOnly: CarryOverRule {
        func unfinished(_ leaves: [PlanLeaf], of version: VersionReference, on db: any Database) async throws -> Set<UUID> {
            Set(leaves.sorted { $0.key < $1.key }.prefix(1).map(\.id))
        }
    }

    @Test("Plans' own rule carries what is neither done nor cancelled; a registered rule replaces it", arguments: Engine.enabled)
    func registeredRuleDecides(engine: Engine) async throws {
        try await withApp(engine) { app in
            // setup
            let document = try #require(try await SteeringDocument.query(on: app.db).filter(\.$slug == "verksamhetsplan-2023").with(\.$versions).first())
            let version = try #require(document.versions.first)
            let leaves = try await PlanNode.query(on: app.db).filter(\.$version.$id == version.requireID())
                .filter(\.$levelIndex == version.levels.count - 1).all()
            func copiedLeaves(_ slug: String) async throws -> Int {
                let copy = try #require(try await SteeringDocument.query(on: app.db).filter(\.$slug == slug).with(\.$versions).first())
                return try await PlanNode.query(on: app.db).filter(\.$version.$id == copy.versions[0].requireID())
                    .filter(\.$levelIndex == version.levels.count - 1).count()
            }

            // MUT
            _ = try await PlanEditing.copyDocument(version, of: document, slug: "plan-egen-regel", title: "Egen regel", period: (2024, 2024),
                                                   actor: .commandLine, on: app.db)
            app.carryOverRule = FirstOnly()
            _ = try await PlanEditing.copyDocument(version, of: document, slug: "plan-registrerad-regel", title: "Registrerad regel",
                                                   period: (2024, 2024), carryOver: app.carryOverRule, actor: .commandLine, on: app.db)

            // validate
            let unfinished = leaves.filter { !["done", "cancelled"].contains($0.status ?? "") }.count
            #expect(leaves.count > 1)
            #expect(try await copiedLeaves("plan-egen-regel") == unfinished)
            #expect(try await copiedLeaves("plan-registrerad-regel") == 1)
        }
    }
}
