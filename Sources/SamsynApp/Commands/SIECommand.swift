import Finance
import Fluent
import Foundation
import Organisation
import Vapor

/// `samsyn sie import --org SLUG FILE`: reads an SIE 4 file from the accounting system into the
/// organisation's outcomes per budget line and month, in one transaction, and says what changed.
struct SIECommand: AnyAsyncCommand {
    var help: String { "Imports outcomes from the accounting system: samsyn sie import --org SLUG FILE (docs/finance.md)" }

    func outputHelp(using context: inout CommandContext) {
        context.console.print("Usage: samsyn sie import --org SLUG FILE")
        context.console.print("Reads an SIE 4 file (type 4E or 4I, PC8) into the organisation's outcomes per budget line and month.")
    }

    func run(using context: inout CommandContext) async throws {
        var arguments = context.input.arguments
        guard arguments.first == "import" else { throw CommandFailure("unknown action \"\(arguments.first ?? "")\": use samsyn sie import --org SLUG FILE") }
        arguments.removeFirst()
        guard let flag = arguments.firstIndex(of: "--org"), flag + 1 < arguments.count else { throw CommandFailure("name the organisation: --org SLUG") }
        let slug = arguments[flag + 1]
        arguments.removeSubrange(flag...(flag + 1))
        guard arguments.count == 1, let path = arguments.first else { throw CommandFailure("name one SIE file") }
        let app = context.application
        try await migrate(app)
        guard let data = FileManager.default.contents(atPath: path) else { throw CommandFailure("\(path): cannot be read") }
        guard let organisation = try await OrganisationRecord.query(on: app.db).filter(\.$slug == slug).first() else {
            throw CommandFailure("no organisation \"\(slug)\"")
        }
        do {
            let report = try await OutcomeImport.run(data, name: URL(fileURLWithPath: path).lastPathComponent, in: organisation, actor: .commandLine,
                                                     at: Date(), on: app.db)
            context.console.print(report.description)
        } catch let failure as OutcomeImport.Failure {
            throw CommandFailure("\(path): \(failure.description); nothing was imported")
        }
    }
}
