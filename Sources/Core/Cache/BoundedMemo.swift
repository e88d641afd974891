import NIOConcurrencyHelpers

/// Text computed from inputs that never change (adopted prose, a closed period), remembered by a
/// key that names those inputs exactly, within a bound of entries and bytes: past either, it
/// starts afresh. Unlike the page cache it outlives writes, so a key must change whenever its
/// inputs could (an id that a replacement renews, a moment a change updates).
public final class BoundedMemo: Sendable {
    struct Entries {
        var texts: [String: String] = [:]
        var bytes = 0
    }

    let maximumBytes: Int
    let maximumEntries: Int
    private let entries = NIOLockedValueBox(Entries())

    public init(maximumBytes: Int, maximumEntries: Int) {
        self.maximumBytes = maximumBytes
        self.maximumEntries = maximumEntries
    }

    public func text(for key: String, compute: () throws -> String) rethrows -> String {
        if let known = entries.withLockedValue({ $0.texts[key] }) { return known }
        let text = try compute()
        store(text, for: key)
        return text
    }

    /// The same, for text whose inputs are read from the database first.
    public func text(for key: String, compute: () async throws -> String) async rethrows -> String {
        if let known = entries.withLockedValue({ $0.texts[key] }) { return known }
        let text = try await compute()
        store(text, for: key)
        return text
    }

    private func store(_ text: String, for key: String) {
        entries.withLockedValue { memo in
            let cost = key.utf8.count + text.utf8.count
            if memo.bytes + cost > maximumBytes || memo.texts.count >= maximumEntries { memo = Entries() }
            memo.texts[key] = text
            memo.bytes += cost
        }
    }
}
