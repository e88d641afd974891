import AppTestSupport
import Fluent
import Foundation
@testable import Plans
import Testing
import Vapor

/// Adopted stays adopted (security probe findings 8 and 13): tree edits and adoption decide the
/// draft state inside their transaction, so nothing lands in a version after its adoption, and
/// of two drafts adopted at once exactly one is in force.
@Suite("Adoption against concurrent edits")
struct AdoptionRaceTests {
    static func draft(_ app: Application) async throws -> (SteeringDocument, DocumentVersion) {
        let document = try #require(try await SteeringDocument.query(on: app.db).filter(\.$slug == "verksamhetsplan-2023").with(\.$versions).first())
        let latest = try #require(document.versions.max { $0.number < $1.number })
        return (document, try await PlanEditing.newDraft(of: document, from: latest, actor: .commandLine, on: app.db))
    }

    /// A second open draft, as only a file import can make one: the editor allows one at a time.
    static func secondDraft(_ app: Application) async throws -> DocumentVersion {
        let document = try #require(try await SteeringDocument.query(on: app.db).filter(\.$slug == "verksamhetsplan-2023").with(\.$versions).first())
        let latest = try #require(document.versions.max { $0.number < $1.number })
        return try await PlanEditing.copy(latest, into: document.requireID(), number: latest.number + 1, title: latest.title,
                                          period: (latest.periodStart, latest.periodEnd), leafFilter: { _ in true }, on: app.db)
    }

    @Test("Nothing is added to a version after its adoption commits, over several rounds of truly concurrent edits",
          arguments: Engine.enabled)
    func nothingAfterAdoption(engine: Engine) async throws {
        try await withApp(engine, sqliteFile: true) { app in
            let organisationID = try #require(try await SteeringDocument.query(on: app.db).first()).$organisation.id
            for round in 1...4 {
                // setup
                let versionID = try await Self.draft(app).1.requireID()
                @Sendable func countNodes() async throws -> Int { try await PlanNode.query(on: app.db).filter(\.$version.$id == versionID).count() }
                // MUT: the adoption, 16 additions and 4 moves, all at once
                let nodesAtAdoption = try await withThrowingTaskGroup(of: Int?.self) { group in
                    // Each task reads the version itself, as each request does.
                    @Sendable func loaded() async throws -> DocumentVersion { try #require(try await DocumentVersion.find(versionID, on: app.db)) }
                    group.addTask {
                        try await PlanEditing.adopt(try await loaded(), body: "Styrelsen", date: "2024-01-0\(round)", reference: "",
                                                    actor: .commandLine, organisationID: organisationID, on: app.db)
                        return try await countNodes()
                    }
                    for index in 0..<16 {
                        group.addTask {
                            // A request reads the version, then spends a moment before it writes.
                            let version = try await loaded()
                            try await Task.sleep(for: .milliseconds(Int.random(in: 0...40)))
                            _ = try? await PlanEditing.addNode(to: version, parentKey: nil, title: "Tillägg \(round)-\(index)", actor: .commandLine,
                                                               organisationID: organisationID, on: app.db)
                            return nil
                        }
                    }
                    for _ in 0..<4 {
                        group.addTask {
                            try? await PlanEditing.reorder("jamlik-valfard", in: try await loaded(), direction: .down, actor: .commandLine,
                                                           organisationID: organisationID, on: app.db)
                            return nil
                        }
                    }
                    var counted: Int?
                    for try await result in group { if let result { counted = result } }
                    return try #require(counted)
                }
                // validate
                #expect(try await countNodes() == nodesAtAdoption, "round \(round): a node landed after the adoption")
            }
        }
    }

    @Test("Two drafts adopted at the same moment leave exactly one in force; of concurrent new drafts exactly one is made",
          arguments: Engine.enabled)
    func oneAdopted(engine: Engine) async throws {
        try await withApp(engine, sqliteFile: true) { app in
            let organisationID = try #require(try await SteeringDocument.query(on: app.db).first()).$organisation.id
            for round in 1...3 {
                let (document, first) = try await Self.draft(app)
                let second = try await Self.secondDraft(app)
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for id in [try first.requireID(), try second.requireID()] {
                        group.addTask {
                            guard let draft = try await DocumentVersion.find(id, on: app.db) else { return }
                            try? await PlanEditing.adopt(draft, body: "Styrelsen", date: "2024-02-0\(round)", reference: "", actor: .commandLine,
                                                         organisationID: organisationID, on: app.db)
                        }
                    }
                    try await group.waitForAll()
                }
                let adopted = try await DocumentVersion.query(on: app.db).filter(\.$document.$id == document.requireID())
                    .filter(\.$status == .adopted).count()
                #expect(adopted == 1, "round \(round): \(adopted) versions in force")
            }
            let document = try #require(try await SteeringDocument.query(on: app.db).filter(\.$slug == "verksamhetsplan-2023").with(\.$versions).first())
            let latest = try #require(document.versions.max { $0.number < $1.number })
            let outcomes = try await withThrowingTaskGroup(of: Result<Int, PlanEditing.Failure>.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        do { return .success(try await PlanEditing.newDraft(of: document, from: latest, actor: .commandLine, on: app.db).number) }
                        catch let failure as PlanEditing.Failure { return .failure(failure) }
                    }
                }
                var outcomes: [Result<Int, PlanEditing.Failure>] = []
                for try await outcome in group { outcomes.append(outcome) }
                return outcomes
            }
            let made = outcomes.compactMap { try? $0.get() }
            #expect(made.count == 1, "one open draft per document")
            for case .failure(let failure) in outcomes { #expect(failure == .draftOpen(made[0]), "the others are told which draft is open") }
        }
    }
}
