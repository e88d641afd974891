import Finance
import Fluent
import Foundation
import Organisation
import Vapor

/// `samsyn sie import --org SLUG [--year YEAR] FILE`: reads an SIE file from the accounting system
/// into the organisation's outcomes per budget line and month, in one transaction, and says what
/// changed and where the file disagrees with itself. `--year` names the year a 4I file without #RAR is for.
struct SIECommand: AnyAsyncCommand {
    var help: String { "Imports outcomes from the accounting system: samsyn sie import --org SLUG [--year YEAR] FILE (docs/finance.md)" }

    func outputHelp(using context: inout CommandContext) {
        context.console.print("Usage: samsyn sie import --org SLUG [--year YEAR] FILE")
        context.console.print("Reads an SIE file (type 2, 3, 4E or 4I, PC8) into the organisation's outcomes per budget line and month;")
        context.console.print("--year is the year the file must be for, and the year of a 4I file without #RAR.")
    }

    func run(using context: inout CommandContext) async throws {
        var arguments = context.input.arguments
        guard arguments.first == "import" else { throw CommandFailure("unknown action \"\(arguments.first ?? "")\": use samsyn sie import --org SLUG FILE") }
        arguments.removeFirst()
        guard let flag = arguments.firstIndex(of: "--org"), flag + 1 < arguments.count else { throw CommandFailure("name the organisation: --org SLUG") }
        let slug = arguments[flag + 1]
        arguments.removeSubrange(flag...(flag + 1))
        var year: Int?
        if let yearFlag = arguments.firstIndex(of: "--year") {
            guard yearFlag + 1 < arguments.count, let value = Int(arguments[yearFlag + 1]), (1900...2200).contains(value) else {
                throw CommandFailure("--year takes a year, such as 2023")
            }
            year = value
            arguments.removeSubrange(yearFlag...(yearFlag + 1))
        }
        guard arguments.count == 1, let path = arguments.first else { throw CommandFailure("name one SIE file") }
        let app = context.application
        try await migrate(app)
        guard let data = FileManager.default.contents(atPath: path) else { throw CommandFailure("\(path): cannot be read") }
        guard let organisation = try await OrganisationRecord.query(on: app.db).filter(\.$slug == slug).first() else {
            throw CommandFailure("no organisation \"\(slug)\"")
        }
        do {
            let report = try await OutcomeImport.run(data, name: URL(fileURLWithPath: path).lastPathComponent, in: organisation, expectedYear: year,
                                                     actor: .commandLine, at: app.now(), on: app.db)
            context.console.print(report.description)
        } catch let failure as OutcomeImport.Failure {
            throw CommandFailure("\(path): \(failure.description); nothing was imported")
        }
    }
}
