import AppTestSupport
import Foundation
@testable import SamsynApp
import Testing

/// Runs the built `samsyn` binary as a subprocess, as scripts and CI do.
/// `.ci/run` builds it first; `swift test` alone does not build executables, so run
/// `swift build` before these tests when the sources have changed.
@Suite("The samsyn command line", .enabled(if: CLI.isRunnable, "build the binary first: swift build"))
struct CLITests {
    @Test("--help lists every command with one line each")
    func help() throws {
        let result = try CLI.run(["--help"])
        #expect(result.status == 0)
        for command in ["serve", "migrate", "demo", "import", "export", "user", "mail", "kolada", "sie"] {
            #expect(result.output.contains(command), "--help does not list \(command)")
        }
    }

    @Test("kolada import reports what it did, and a malformed file exits 1 naming the row and writing nothing")
    func koladaImport() throws {
        let database = CLI.temporaryDatabase()
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "../FollowUpTests/Fixtures/kolada").standardizedFileURL
        let imported = try CLI.run(["kolada", "import", fixtures.appending(path: "v3-data-page-1.json").path, fixtures.appending(path: "v3-kpi.json").path],
                                   database: database)
        #expect(imported.status == 0 && imported.output.contains("values: 5 added, 0 changed, 0 deleted, 0 unchanged; KPIs: 2 added"))
        let refused = try CLI.run(["kolada", "import", fixtures.appending(path: "malformed.json").path], database: database)
        #expect(refused.status == 1 && refused.errors.contains("malformed.json: row 2, municipality: missing; nothing was imported"))
        let again = try CLI.run(["kolada", "import", fixtures.appending(path: "v3-data-page-1.json").path], database: database)
        #expect(again.output.contains("values: 0 added, 0 changed, 0 deleted, 5 unchanged"))
    }

    @Test("sie import reads outcomes into the budget's lines, again changes nothing, and a broken file exits 1 naming its line")
    func sieImport() throws {
        let database = CLI.temporaryDatabase()
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "../FinanceTests/Fixtures/sie").standardizedFileURL
        #expect(try CLI.run(["import", Demo.fileURL.path], database: database).status == 0)
        let file = fixtures.appending(path: "exempel-4e.se").path
        let imported = try CLI.run(["sie", "import", "--org", "norrbottens-kommuner", file], database: database)
        #expect(imported.status == 0 && imported.output.contains("2023, months 1, 2: 2 added, 0 changed, 0 removed, 0 unchanged; 1 rows not mapped"), "\(imported.errors)")
        #expect(try CLI.run(["sie", "import", "--org", "norrbottens-kommuner", file], database: database).output.contains("0 added, 0 changed, 0 removed, 2 unchanged"))
        let broken = try CLI.run(["sie", "import", "--org", "norrbottens-kommuner", fixtures.appending(path: "trasig-4e.se").path], database: database)
        #expect(broken.status == 1 && broken.errors.contains("line 23: an object list is not closed with }; nothing was imported"))
        #expect(try CLI.run(["sie", "import", "--org", "finns-inte", file], database: database).status == 1)
        // A 4I file without #RAR: read for the year --year names, with the file's own disagreement as a warning.
        let fourI = FileManager.default.temporaryDirectory.appending(path: "samsyn-4i-\(UUID().uuidString).se")
        try Data("#FLAGGA 0\n#SIETYP 4I\n#VER A 1 20230315 \"Faktura\"\n{\n#TRANS 5010 {1 \"14\"} 300.00\n#TRANS 1930 {} -290.00\n}\n".utf8).write(to: fourI)
        defer { try? FileManager.default.removeItem(at: fourI) }
        let withoutYear = try CLI.run(["sie", "import", "--org", "norrbottens-kommuner", fourI.path], database: database)
        #expect(withoutYear.status == 1 && withoutYear.errors.contains("the file names no financial year (#RAR 0)"))
        let withYear = try CLI.run(["sie", "import", "--org", "norrbottens-kommuner", "--year", "2023", fourI.path], database: database)
        #expect(withYear.status == 0 && withYear.output.contains("2023, months 3: 1 added") && withYear.output.contains("warning: line 3: voucher A 1 does not balance: its rows add to 10.00"),
                "\(withYear.output) \(withYear.errors)")
        #expect(try CLI.run(["sie", "import", "--org", "norrbottens-kommuner", "--year", "tjugo", fourI.path], database: database).status == 1)
    }

    @Test("import, export, refusal of an existing organisation, --replace, and a lossless file")
    func importAndExport() throws {
        let database = CLI.temporaryDatabase()
        let demo = Demo.fileURL.path
        #expect(try CLI.run(["migrate"], database: database).status == 0)
        let imported = try CLI.run(["import", demo], database: database)
        #expect(imported.status == 0, "\(imported.errors)")

        let again = try CLI.run(["import", demo], database: database)
        #expect(again.status == 1)
        #expect(again.errorLines == ["error: organisation \"norrbottens-kommuner\" already exists; import with --replace to overwrite it"])
        #expect(try CLI.run(["import", demo, "--replace"], database: database).status == 0)

        let exported = try CLI.run(["export", "--org", "norrbottens-kommuner"], database: database)
        #expect(exported.status == 0)
        let file = try OrganisationFile.decode(Data(exported.output.utf8))
        #expect(file == (try OrganisationFile.decode(Data(contentsOf: Demo.fileURL))), "standard output carries only the file")

        let output = FileManager.default.temporaryDirectory.appendingPathComponent("samsyn-\(UUID()).json").path
        #expect(try CLI.run(["export", "--org", "norrbottens-kommuner", "--output", output], database: database).status == 0)
        #expect(try OrganisationFile.decode(Data(contentsOf: URL(fileURLWithPath: output))) == file)
    }

    @Test("serve and demo migrate, listen on --hostname/--port, and stop cleanly on SIGTERM")
    func serveAndDemo() async throws {
        for (command, port, path) in [("serve", 8193, "/api/v1/municipalities"), ("demo", 8194, "/o/norrbottens-kommuner/dokument/verksamhetsplan-2023")] {
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = [command, "--hostname", "127.0.0.1", "--port", String(port)]
            var environment = ProcessInfo.processInfo.environment
            environment["DATABASE_URL"] = CLI.temporaryDatabase()
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            try process.run()
            defer { if process.isRunning { process.terminate() } }
            var status: Int?
            for _ in 0..<100 where status == nil {
                try await Task.sleep(for: .milliseconds(200))
                status = await CLI.status(of: "http://127.0.0.1:\(port)\(path)")
            }
            #expect(status == 200, "\(command) did not answer on port \(port)")
            process.terminate()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(command) did not stop cleanly")
        }
    }

    @Test("user create reads the password from standard input; user list and user disable")
    func users() throws {
        let database = CLI.temporaryDatabase()
        let env = ["SAMSYN_PASSWORD_COST": "4"]
        #expect(try CLI.run(["import", Demo.fileURL.path], database: database).status == 0)
        let created = try CLI.run(["user", "create", "--email", "Admin@Example.se", "--org", "norrbottens-kommuner", "--role", "administrator", "--name", "Första admin"],
                                  database: database, environment: env, input: "ett-langt-losenord\n")
        #expect(created.status == 0, "\(created.errors)")
        let noPassword = try CLI.run(["user", "create", "--email", "b@example.se", "--org", "norrbottens-kommuner", "--role", "editor"],
                                     database: database, environment: env)
        #expect(noPassword.status == 1)
        #expect(noPassword.errorLines.first?.hasPrefix("error: no password on standard input") == true)
        let badRole = try CLI.run(["user", "create", "--email", "b@example.se", "--org", "norrbottens-kommuner", "--role", "kung"],
                                  database: database, environment: env, input: "ett-langt-losenord\n")
        #expect(badRole.errorLines == ["error: --role must be one of administrator, editor, member-representative, reader"])
        let short = try CLI.run(["user", "create", "--email", "b@example.se", "--org", "norrbottens-kommuner", "--role", "editor"],
                                database: database, environment: env, input: "kort\n")
        #expect(short.errorLines == ["error: the password must be at least 12 characters"])

        #expect(try CLI.run(["user", "list"], database: database).output == "admin@example.se\tFörsta admin\tadministrator@norrbottens-kommuner\tactive\n")
        #expect(try CLI.run(["user", "disable", "--email", "admin@example.se"], database: database).status == 0)
        #expect(try CLI.run(["user", "list"], database: database).output.hasSuffix("\tdisabled\n"))
        #expect(try CLI.run(["user", "disable", "--email", "ingen@example.se"], database: database).errorLines == ["error: no user with the e-mail address ingen@example.se"])
    }

    @Test("Failures exit 1 with one line naming the problem, never a backtrace")
    func failures() throws {
        let database = CLI.temporaryDatabase()
        let broken = FileManager.default.temporaryDirectory.appendingPathComponent("samsyn-\(UUID()).json")
        try Data("{\"format\": \"samsyn-organisation\", \"formatVersion\": 1}".utf8).write(to: broken)
        for (arguments, expected) in [
            (["export", "--org", "finns-inte"], "no organisation with slug \"finns-inte\""),
            (["export"], "missing --org SLUG"),
            (["import", "/finns/inte.json"], "cannot read /finns/inte.json"),
            (["import", broken.path], "organisation: required property is missing"),
        ] {
            let result = try CLI.run(arguments, database: database)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.errorLines == ["error: \(expected)"], "\(arguments)")
            #expect(!result.errors.contains("Backtrace") && !result.errors.contains("Fatal error"))
        }
        let badURL = try CLI.run(["migrate"], environment: ["DATABASE_URL": "mysql://localhost/samsyn"])
        #expect(badURL.status == 1)
        #expect(badURL.errorLines.first?.contains("DATABASE_URL must start with postgres:// or sqlite://") == true)
    }
}

enum CLI {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let binary = packageRoot.appendingPathComponent(".build/debug/samsyn")

    /// Under CI=true the tests always run (.ci/run builds first); elsewhere when the binary exists.
    static var isRunnable: Bool {
        ProcessInfo.processInfo.environment["CI"] == "true" || FileManager.default.isExecutableFile(atPath: binary.path)
    }

    /// The HTTP status of a GET, or nil when nothing answers.
    static func status(of url: String) async -> Int? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-s", "-o", "/dev/null", "-w", "%{http_code}", url]
        let output = Pipe()
        process.standardOutput = output
        guard (try? process.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Int(String(decoding: data, as: UTF8.self)).flatMap { $0 == 0 ? nil : $0 }
    }

    static func temporaryDatabase() -> String {
        "sqlite://" + FileManager.default.temporaryDirectory.appendingPathComponent("samsyn-cli-\(UUID()).sqlite").path
    }

    struct Result {
        let status: Int32
        let output: String
        let errors: String
        /// Standard error without log lines: what the user is told.
        var errorLines: [String] { errors.split(separator: "\n").map(String.init).filter { $0.hasPrefix("error:") } }
    }

    static func run(_ arguments: [String], database: String? = nil, environment: [String: String] = [:], input: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["DATABASE_URL"] = database
        env.merge(environment) { $1 }
        process.environment = env
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let stdin = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
                      errors: String(decoding: errData, as: UTF8.self))
    }
}
