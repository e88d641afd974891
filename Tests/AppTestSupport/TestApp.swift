@testable import Auth
import Core
import FluentKit
import Foundation
@testable import Organisation
@testable import Plans
import SQLKit
import SamsynApp
import Testing
import Vapor
import VaporTesting

/// The engines every database test runs on: SQLite always, PostgreSQL when
/// SAMSYN_TEST_POSTGRES_URL is set (CI always sets it).
public enum Engine: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    public static var enabled: [Engine] {
        ProcessInfo.processInfo.environment["SAMSYN_TEST_POSTGRES_URL"].map { _ in [.sqlite, .postgres] } ?? [.sqlite]
    }

    public var testDescription: String { rawValue }
}

/// Runs `body` with a fresh, migrated application on `engine` made of `modules` (all by
/// default), with the demo loaded unless asked otherwise (the demo needs every module), and its
/// example follow-up unless `examples` is false.
/// SQLite gets its own in-memory database (or, with `sqliteFile`, its own file, which has the
/// locking of a deployment: concurrency tests want that); PostgreSQL its own schema, dropped
/// afterwards, so tests run in parallel without seeing each other.
public func withApp(_ engine: Engine, modules: [any AppModule.Type] = allModules, demo: Bool = true, examples: Bool = true, sqliteFile: Bool = false,
                    _ body: (Application) async throws -> Void) async throws {
    let app = try await Application.make(.testing)
    app.logger.logLevel = .warning
    var schema: String?, file: String?
    do {
        switch engine {
        case .sqlite where sqliteFile:
            file = FileManager.default.temporaryDirectory.appending(path: "samsyn-test-\(UUID().uuidString).sqlite").path
            try configure(app, database: .sqliteFile(path: file!), modules: modules)
        case .sqlite:
            try configure(app, database: .sqliteMemory, modules: modules)
        case .postgres:
            let url = try #require(ProcessInfo.processInfo.environment["SAMSYN_TEST_POSTGRES_URL"])
            let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
            schema = String(name)
            // One connection per event loop keeps the parallel suites under the server's limit; under
            // that load a burst of concurrent transactions (the adoption races) may wait longer than
            // the production default of 10 s for a connection.
            try configure(app, database: .postgres(url: url, searchPath: [String(name)]), modules: modules, connectionsPerEventLoop: 1,
                          connectionWait: .seconds(60))
            try await (app.db as! any SQLDatabase).raw("CREATE SCHEMA \(unsafeRaw: String(name))").run()
        }
        app.passwordCost = 4
        try await migrate(app)
        if demo { try await Demo.loadIfMissing(examples: examples, on: app.db) }
        EngineLog.record(engine)
        try await body(app)
    } catch {
        await cleanUp(app, schema: schema, file: file)
        throw error
    }
    await cleanUp(app, schema: schema, file: file)
}

private func cleanUp(_ app: Application, schema: String?, file: String?) async {
    if let schema {
        try? await (app.db as! any SQLDatabase).raw("DROP SCHEMA IF EXISTS \(unsafeRaw: schema) CASCADE").run()
    }
    try? await app.asyncShutdown()
    if let file {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: file + suffix) }
    }
}

/// Counts database test runs per engine in SAMSYN_TEST_ENGINE_LOG, for .ci/run's summary.
public enum EngineLog {
    public static func record(_ engine: Engine) {
        guard let path = ProcessInfo.processInfo.environment["SAMSYN_TEST_ENGINE_LOG"] else { return }
        let line = Data("\(engine.rawValue)\n".utf8)
        if let handle = FileHandle(forWritingAtPath: path) {
            handle.seekToEndOfFile()
            handle.write(line)
            try? handle.close()
        } else {
            FileManager.default.createFile(atPath: path, contents: line)
        }
    }
}

extension Application {
    /// GET a path and return status and body.
    public func get(_ path: String, headers: HTTPHeaders = [:]) async throws -> (status: HTTPStatus, body: String, headers: HTTPHeaders) {
        try await request(.GET, path, headers: headers)
    }

    /// Any method without a body: status, body and headers.
    public func request(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders = [:]) async throws -> (status: HTTPStatus, body: String, headers: HTTPHeaders) {
        var result: (HTTPStatus, String, HTTPHeaders) = (.internalServerError, "", [:])
        try await testing().test(method, path, headers: headers) { response async in
            result = (response.status, response.body.string, response.headers)
        }
        return result
    }

    /// An API request with a personal token (none when nil) and a JSON body: status, body and headers.
    public func api(_ method: HTTPMethod, _ path: String, token: String?, body: String? = nil) async throws -> (HTTPStatus, String, HTTPHeaders) {
        var headers = HTTPHeaders()
        if let token { headers.bearerAuthorization = .init(token: token) }
        if body != nil { headers.contentType = .json }
        var result: (HTTPStatus, String, HTTPHeaders) = (.internalServerError, "", [:])
        try await testing().test(method, path, headers: headers, body: body.map { ByteBuffer(string: $0) }) { result = ($0.status, $0.body.string, $0.headers) }
        return result
    }

    /// A new personal API token of the user with `email`.
    public func apiToken(_ email: String) async throws -> String {
        let user = try #require(try await Accounts.account(email: email, on: db))
        return try await Accounts.createToken(for: user, name: "test", on: db)
    }

    public func getJSON<T: Decodable>(_ path: String, as type: T.Type) async throws -> T {
        let (status, body, _) = try await get(path)
        #expect(status == .ok, "GET \(path) answered \(status)")
        return try JSONDecoder().decode(T.self, from: Data(body.utf8))
    }
}

/// The sections of an exported organisation file, for assertions.
extension InterchangeFile {
    public var documents: [DocumentsSection.DocumentEntry] { content(DocumentsSection.Content.self)?.documents ?? [] }
    public var structure: OrganisationSection.StructureEntry { content(OrganisationSection.Content.self)!.structure }
}
