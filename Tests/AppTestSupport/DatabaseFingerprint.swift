import FluentKit
import SQLKit

/// The content of every table the database catalogue lists, row by row in key order, hashed:
/// proof that a refused or unchanged action changed nothing at all. Counting rows would miss an
/// UPDATE. Sessions and sign-in counters change on every sign-in and are left out.
public enum DatabaseFingerprint {
    static let volatile: Set<String> = ["auth_sessions", "auth_rate_counters"]

    /// Each table's row count and a hash of its rows.
    public static func take(_ db: any Database) async throws -> [String: String] {
        guard let sql = db as? any SQLDatabase else { preconditionFailure("fingerprints need an SQL database") }
        var fingerprint: [String: String] = [:]
        for table in try await tables(sql) where !volatile.contains(table) {
            let rows = try await sql.raw(try await rowsQuery(table, sql)).all().map { try $0.decode(column: "r", as: String?.self) ?? "NULL" }
            fingerprint[table] = "\(rows.count) rows, \(hash(rows.joined(separator: "\n")))"
        }
        return fingerprint
    }

    static func tables(_ sql: any SQLDatabase) async throws -> [String] {
        let query: SQLQueryString = sql.dialect.name == "sqlite"
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            : "SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
        return try await sql.raw(query).all().map { try $0.decode(column: "name", as: String.self) }.sorted()
    }

    /// One text per row, ordered by the row's text (which begins with its id).
    static func rowsQuery(_ table: String, _ sql: any SQLDatabase) async throws -> SQLQueryString {
        if sql.dialect.name == "sqlite" {
            let columns = try await sql.raw("SELECT name FROM pragma_table_info(\(bind: table))").all().map { try $0.decode(column: "name", as: String.self) }
            let row = columns.map { "quote(\"\($0)\")" }.joined(separator: " || '|' || ")
            return "SELECT \(unsafeRaw: row) AS r FROM \(ident: table) ORDER BY r"
        }
        return "SELECT CAST(t AS text) AS r FROM \(ident: table) AS t ORDER BY r"
    }

    /// FNV-1a, 64 bits: stable, and enough to tell two contents apart in a test.
    static func hash(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
