import AppTestSupport
@testable import Auth
import Core
import Foundation
@testable import Organisation
@testable import SamsynApp
import Testing
import Vapor

/// No 500 under concurrency on SQLite (security probe findings 3 and 6), on a file as deployed.
@Suite("SQLite under concurrent use")
struct SQLiteConcurrencyTests {
    static func file() -> String {
        FileManager.default.temporaryDirectory.appending(path: "samsyn-concurrency-\(UUID().uuidString).sqlite").path
    }

    static func app(on file: String) async throws -> Application {
        let app = try await Application.make(.testing)
        app.logger.logLevel = .critical
        try configure(app, database: .sqliteFile(path: file))
        app.passwordCost = 4
        try await migrate(app)
        return app
    }

    static func remove(_ file: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) }
    }

    @Test("12 parallel sign-ins on one server and 18 across two servers on one file: none fails with a server error (finding 3)")
    func parallelSignIns() async throws {
        let file = Self.file()
        defer { Self.remove(file) }
        let first = try await Self.app(on: file), second = try await Self.app(on: file)
        let organisation = try await Factory.organisation(on: first.db)
        for index in 0..<18 { try await Factory.user("person\(index)@example.se", roles: [.reader], in: organisation, on: first.db) }
        for (apps, count) in [([first], 12), ([first, second], 18)] {
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for index in 0..<count {
                    let app = apps[index % apps.count]
                    group.addTask {
                        var browser = Browser(app: app)
                        return try await browser.signIn("person\(index)@example.se", Factory.password)
                    }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == .seeOther }, "\(count) sign-ins: \(statuses.map(\.code))")
        }
        try await first.asyncShutdown()
        try await second.asyncShutdown()
    }

    @Test("Readers get their pages while an import writes (finding 6)")
    func readersDuringImport() async throws {
        let file = Self.file()
        defer { Self.remove(file) }
        let app = try await Self.app(on: file)
        try await Demo.loadIfMissing(on: app.db)
        app.pageCache = PageCache(lifetime: 0)
        let demo = try Data(contentsOf: Demo.fileURL)
        let statuses = try await withThrowingTaskGroup(of: [HTTPStatus].self) { group in
            group.addTask {
                for _ in 0..<3 { _ = try await OrganisationImporter.importFile(demo, replace: true, on: app.db) }
                return []
            }
            for _ in 0..<4 {
                group.addTask {
                    var seen: [HTTPStatus] = []
                    for _ in 0..<6 { seen.append(try await app.get("/o/norrbottens-kommuner/dokument/verksamhetsplan-2023").status) }
                    return seen
                }
            }
            return try await group.reduce(into: [HTTPStatus]()) { $0 += $1 }
        }
        #expect(statuses.count == 24)
        #expect(statuses.allSatisfy { $0 == .ok }, "\(statuses.map(\.code))")
        try await app.asyncShutdown()
    }
}
