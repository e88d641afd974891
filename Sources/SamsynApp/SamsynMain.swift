import Auth
import Core
import Foundation
import Logging
import Organisation
import Vapor

/// The `samsyn` executable: reads the environment once, builds the app, runs the command.
/// Failures end with one line on standard error and exit code 1, never a backtrace.
public enum SamsynMain {
    public static func run() async -> Int32 {
        var environment: Environment
        do {
            environment = try Environment.detect()
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            return 1
        }
        // Logs go to standard error, so standard output carries only data (an export).
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = environment == .production ? .notice : .info
            return handler
        }
        let app: Application
        do {
            app = try await Application.make(environment)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            return 1
        }
        var status: Int32 = 0
        do {
            let database = try DatabaseSetting.from(environment: Environment.get("DATABASE_URL"))
            try configure(app, database: database)
            try await app.execute()
        } catch {
            FileHandle.standardError.write(Data("error: \(describe(error))\n".utf8))
            status = 1
        }
        try? await app.asyncShutdown()
        return status
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case let failure as any DomainFailure:
            return failure.english
        case let error as any CustomStringConvertible where error is CommandFailure || error is OrganisationExporter.Failure || error is DatabaseSetting.Invalid:
            return error.description
        case let error as any AbortError:
            return error.reason
        default:
            return String(describing: error).split(separator: "\n").first.map(String.init) ?? "unknown error"
        }
    }
}
