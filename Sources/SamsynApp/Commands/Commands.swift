import Foundation
import Mail
import Vapor

/// The address options of `serve` and `demo` (Vapor's conventions).
struct ServeSignature: CommandSignature {
    @Option(name: "hostname", short: "H", help: "The hostname to serve on (default 127.0.0.1).")
    var hostname: String?
    @Option(name: "port", short: "p", help: "The port to serve on (default 8080).")
    var port: Int?

    func serve(_ context: CommandContext) async throws {
        try await Self.serve(context, hostname: hostname, port: port)
    }

    /// Hands over to Vapor's own serve command, which runs until SIGINT or SIGTERM.
    static func serve(_ context: CommandContext, hostname: String?, port: Int?) async throws {
        var arguments = ["samsyn"]
        if let hostname { arguments += ["--hostname", hostname] }
        if let port { arguments += ["--port", String(port)] }
        var serveContext = CommandContext(console: context.console, input: CommandInput(arguments: arguments))
        serveContext.application = context.application
        MailModule.startSending(on: context.application)
        try await context.application.servers.asyncCommand.run(using: &serveContext)
    }
}

/// `samsyn serve`: brings the schema up to date, then serves.
struct MigratingServeCommand: AsyncCommand {
    var help: String { "Brings the database schema up to date, then serves Samsyn over HTTP." }

    func run(using context: CommandContext, signature: ServeSignature) async throws {
        try await migrate(context.application)
        try await signature.serve(context)
    }
}

/// `samsyn demo [--no-examples]`: loads the demo organisation when missing, then serves like `samsyn serve`.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "hostname", short: "H", help: "The hostname to serve on (default 127.0.0.1).")
        var hostname: String?
        @Option(name: "port", short: "p", help: "The port to serve on (default 8080).")
        var port: Int?
        @Flag(name: "no-examples", help: "Leave out the example data (the invented follow-up of the 2023 plan).")
        var noExamples: Bool
    }

    var help: String { "Loads the demo organisation (Norrbottens Kommuner) when missing, then serves Samsyn." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await migrate(app)
        if try await Demo.loadIfMissing(examples: !signature.noExamples, on: app.db) {
            app.logger.notice("Loaded the demo organisations \(Demo.organisationSlug) and \(Demo.agreementSlug)")
        }
        try await Demo.createAccountsIfMissing(hasher: app.password.async, on: app.db)
        app.isDemo = true
        try await ServeSignature.serve(context, hostname: signature.hostname, port: signature.port)
    }
}

/// `samsyn migrate`: brings the database schema up to date. Never asks for confirmation.
struct MigrateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "yes", short: "y", help: "Accepted for compatibility; migrate never asks.")
        var yes: Bool
    }

    var help: String { "Brings the database schema up to date (idempotent, never asks)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await migrate(context.application)
        context.application.logger.notice("The database is up to date")
    }
}

/// `samsyn import FILE [--replace]`: imports an organisation file in one transaction.
struct ImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "The organisation file (JSON), or an archive of it with its documents (tar), to import.")
        var file: String
        @Flag(name: "replace", help: "Overwrite the organisation when it already exists.")
        var replace: Bool
    }

    var help: String { "Imports an organisation file (refuses an existing organisation unless --replace)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let data = FileManager.default.contents(atPath: signature.file) else {
            throw CommandFailure("cannot read \(signature.file)")
        }
        try await migrate(app)
        let outcome = try await OrganisationImporter.importFileOrArchive(data, replace: signature.replace, on: app.db)
        app.logger.notice("\(outcome.replaced ? "Replaced" : "Imported") \(outcome.organisationSlug): \(outcome.documents) documents, \(outcome.nodes) nodes")
    }
}

/// `samsyn export --org SLUG [--output FILE]`: writes an organisation file.
struct ExportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "org", help: "The slug of the organisation to export.")
        var org: String?
        @Option(name: "output", short: "o", help: "Write to this file instead of standard output.")
        var output: String?
        @Flag(name: "archive", help: "Write a tar archive of the file and the documents attached to its agreements.")
        var archive: Bool
    }

    var help: String { "Exports an organisation with every version of its documents as one JSON file." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let slug = signature.org, !slug.isEmpty else { throw CommandFailure("missing --org SLUG") }
        let app = context.application
        try await migrate(app)
        if signature.archive {
            guard let output = signature.output else { throw CommandFailure("--archive needs --output FILE") }
            guard FileManager.default.createFile(atPath: output, contents: try await OrganisationExporter.archive(slug: slug, on: app.db)) else {
                throw CommandFailure("cannot write \(output)")
            }
            return
        }
        let data = try OrganisationExporter.encode(try await OrganisationExporter.export(slug: slug, on: app.db))
        if let output = signature.output {
            guard FileManager.default.createFile(atPath: output, contents: data) else { throw CommandFailure("cannot write \(output)") }
        } else {
            FileHandle.standardOutput.write(data)
            FileHandle.standardOutput.write(Data("\n".utf8))
        }
    }
}

/// `samsyn openapi`: prints the API's OpenAPI document (committed as docs/openapi.json).
struct OpenAPICommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Prints the OpenAPI document of the JSON API, as served at /api/v1/openapi.json." }

    func run(using context: CommandContext, signature: Signature) async throws {
        FileHandle.standardOutput.write(Data(context.application.openAPIJSON.utf8))
    }
}

struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
