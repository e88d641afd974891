import FluentKit
import Foundation
import SQLKit

extension Database {
    /// One transaction of writes: all of it lands or none.
    ///
    /// SQLite lets one writer in at a time, and its driver waits for the file's lock by spinning
    /// on a thread of the small I/O pool; two writers of this process waiting at once can starve
    /// the one that holds the lock. So on SQLite this process's write transactions take turns
    /// through one gate, and the rare refusal left (another process holding the file) is retried.
    /// On PostgreSQL they run side by side; rows locked inside decide.
    public func write<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard (self as? any SQLDatabase)?.dialect.name == "sqlite", !inTransaction else { return try await transaction(body) }
        return try await SQLiteWriteGate.shared.run { try await WriteRetry.onLocked { try await self.transaction(body) } }
    }
}

extension Database {
    /// A write whose unique indexes may refuse what a concurrent write committed in between (the
    /// same key, the same revision number): that refusal becomes `failure` — the 409 or 422 the checks
    /// before the write would have given — never a database error. The transaction is rolled back.
    public func write<T: Sendable>(refusingDuplicatesAs failure: @autoclosure () -> any Error,
                                   _ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        do {
            return try await write(body)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw failure()
        }
    }
}

/// Lets one task at a time through, in arrival order; a task already inside passes again.
actor SQLiteWriteGate {
    static let shared = SQLiteWriteGate()
    @TaskLocal static var inside = false

    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    nonisolated func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        if Self.inside { return try await body() }
        await enter()
        do {
            let result = try await Self.$inside.withValue(true) { try await body() }
            await leave()
            return result
        } catch {
            await leave()
            throw error
        }
    }

    private func enter() async {
        guard busy else { busy = true; return }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func leave() {
        if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
    }
}

extension Array where Element: Model {
    /// Inserts the rows in order, `size` rows to a statement: one round trip per batch instead of
    /// one per row (an interchange file's import writes thousands). Ids set beforehand are kept;
    /// the rest are generated, as `create(on:)` does. Every row must set the same fields.
    public func create(inBatchesOf size: Int, on db: any Database) async throws {
        var start = startIndex
        while start < endIndex {
            let end = Swift.min(start + size, endIndex)
            // FluentKit's one-statement insert of a collection.
            try await self[start..<end].create(on: db)
            start = end
        }
    }
}
