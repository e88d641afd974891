import Core
import Fluent
import Foundation
import SQLKit

/// Attempt counters in the database, so every instance sees the same counts. Each change is one
/// statement (an upsert that starts a new window when the old one has passed and returns the
/// count), so parallel attempts on either engine are counted one by one.
public enum RateCounters {
    /// Adds one to `key` in the current window and returns the new count.
    public static func increment(_ key: String, window: TimeInterval, now: Date, on db: any Database) async throws -> Int {
        let cutoff = now.addingTimeInterval(-window)
        let row = try await db.write { db in
            try await (db as! any SQLDatabase).raw("""
                INSERT INTO \(ident: RateCounter.schema) (id, key, window_start, count) VALUES (\(bind: UUID()), \(bind: key), \(bind: now), 1)
                ON CONFLICT (key) DO UPDATE SET
                  count = CASE WHEN \(ident: RateCounter.schema).window_start < \(bind: cutoff) THEN 1 ELSE \(ident: RateCounter.schema).count + 1 END,
                  window_start = CASE WHEN \(ident: RateCounter.schema).window_start < \(bind: cutoff) THEN \(bind: now) ELSE \(ident: RateCounter.schema).window_start END
                RETURNING count
                """).first()
        }
        return try row?.decode(column: "count", as: Int.self) ?? 1
    }

    /// The count of `key` in the current window (0 when it has passed).
    public static func count(_ key: String, window: TimeInterval, now: Date, on db: any Database) async throws -> Int {
        guard let counter = try await RateCounter.query(on: db).filter(\.$key == key).first(),
              counter.windowStart >= now.addingTimeInterval(-window) else { return 0 }
        return counter.count
    }

    static func reset(_ key: String, on db: any Database) async throws {
        try await db.write { db in try await RateCounter.query(on: db).filter(\.$key == key).delete() }
    }

    /// Forgets counters whose window has passed.
    static func purge(window: TimeInterval, now: Date, on db: any Database) async throws {
        try await RateCounter.query(on: db).filter(\.$windowStart < now.addingTimeInterval(-window)).delete()
    }
}
