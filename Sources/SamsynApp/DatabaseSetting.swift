import Foundation

/// Which database to use, read once from `DATABASE_URL`:
/// `postgres://user:pass@host:port/db`, `sqlite:///absolute/path.sqlite`, `sqlite://relative.sqlite`,
/// or nothing for `samsyn.sqlite` in the working directory.
public enum DatabaseSetting: Equatable, Sendable {
    case sqliteFile(path: String)
    case sqliteMemory
    case postgres(url: String, searchPath: [String]? = nil)

    public struct Invalid: Error, CustomStringConvertible {
        public let description: String
    }

    public static func from(environment value: String?) throws -> DatabaseSetting {
        guard let value, !value.isEmpty else { return .sqliteFile(path: "samsyn.sqlite") }
        if value.hasPrefix("postgres://") || value.hasPrefix("postgresql://") { return .postgres(url: value) }
        if value == "sqlite::memory:" || value == "sqlite://:memory:" { return .sqliteMemory }
        if value.hasPrefix("sqlite://") {
            let path = String(value.dropFirst("sqlite://".count))
            guard !path.isEmpty else { throw Invalid(description: "DATABASE_URL \"\(value)\" names no SQLite file") }
            return .sqliteFile(path: path)
        }
        throw Invalid(description: "DATABASE_URL must start with postgres:// or sqlite:// (got \"\(value)\")")
    }

    public var engineName: String {
        switch self {
        case .postgres: "PostgreSQL"
        case .sqliteFile, .sqliteMemory: "SQLite"
        }
    }
}
