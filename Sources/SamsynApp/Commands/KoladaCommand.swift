import FollowUp
import Foundation
import Vapor

/// `samsyn kolada import FILE…`: reads files in the Kolada API's JSON format (data pages of one
/// answer, and KPI metadata) in one transaction, with a progress bar on standard error. A command
/// of its own kind, since ConsoleKit's signatures take no list of arguments.
struct KoladaCommand: AnyAsyncCommand {
    var help: String { "Imports Kolada key figures: samsyn kolada import FILE… (docs/kolada.md)" }

    func outputHelp(using context: inout CommandContext) {
        context.console.print("Usage: samsyn kolada import FILE…")
        context.console.print("Imports files in the Kolada API's JSON format (v3 or v2 data pages of one answer, and /kpi metadata) in one transaction.")
    }

    func run(using context: inout CommandContext) async throws {
        let arguments = context.input.arguments
        guard arguments.first == "import" else { throw CommandFailure("unknown action \"\(arguments.first ?? "")\": use samsyn kolada import FILE…") }
        let paths = Array(arguments.dropFirst())
        guard !paths.isEmpty else { throw CommandFailure("name at least one Kolada JSON file") }
        let app = context.application
        try await migrate(app)
        var files: [(name: String, data: Data)] = []
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else { throw CommandFailure("\(path): cannot be read") }
            files.append((path, data))
        }
        let bar = ProgressBar()
        do {
            let report = try await KoladaImport.run(files, actor: .commandLine, on: app.db) { done, total in bar.show(done, of: total) }
            bar.finish()
            context.console.print(report.description)
        } catch let failure as KoladaFile.Failure {
            throw CommandFailure(failure.description + "; nothing was imported")
        }
    }
}

/// "[#####     ]  52 % (52 000 of 100 000)" on standard error, redrawn in place; only on a terminal.
final class ProgressBar: @unchecked Sendable {
    let enabled = isatty(STDERR_FILENO) == 1
    var shown = false

    func show(_ done: Int, of total: Int) {
        guard enabled, total > 0 else { return }
        let share = Double(done) / Double(total), width = 30
        let filled = Int(share * Double(width))
        let line = "\r[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled) + "] "
            + String(format: "%3d %%", Int(share * 100)) + " (\(done) of \(total))"
        FileHandle.standardError.write(Data(line.utf8))
        shown = true
    }

    func finish() {
        if shown { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
