import Foundation

/// SQLite lets one writer in at a time and answers a second, concurrent one with "database is
/// locked" at once. Short write transactions retry on that answer, so two simultaneous saves are
/// decided by the data (a conditional update), not by which connection happened to lose the lock.
public enum WriteRetry {
    public static func onLocked<T: Sendable>(attempts: Int = 20, _ operation: @Sendable () async throws -> T) async throws -> T {
        var attempt = 1
        while true {
            do {
                return try await operation()
            } catch where attempt < attempts && isLocked(error) {
                attempt += 1
                try await Task.sleep(for: .milliseconds(Int.random(in: 2...15)))
            }
        }
    }

    static func isLocked(_ error: any Error) -> Bool {
        let text = String(describing: error)
        return text.contains("database is locked") || text.contains("database table is locked") || text.contains("SQLITE_BUSY")
    }
}
