import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Rendered public pages and API bodies, kept for a few seconds.
///
/// Adopted versions are frozen, so what a path shows changes only when a new version or an
/// import lands. This instance forgets everything at once on its own writes; other instances
/// (PostgreSQL behind a load balancer) see a change within `lifetime`.
///
/// When an entry expires, one request renders it again while the others are answered from the
/// expired entry (stale-while-revalidate), so a busy page never has every request render at once.
public final class PageCache: Sendable {
    struct Entry: Sendable {
        let body: String
        let contentType: HTTPMediaType
        let etag: String
        let expires: Date
        var bytes: Int { body.utf8.count }
    }

    struct Slot: Sendable {
        var entry: Entry?
        var refreshing = false
        var lastUsed: UInt64 = 0
    }

    struct State: Sendable {
        var slots: [String: Slot] = [:]
        var bytes = 0
        var clock: UInt64 = 0
    }

    let lifetime: TimeInterval
    let maximumEntries: Int
    let maximumBytes: Int
    /// The present moment; a test sets one it can move, instead of sleeping past the lifetime.
    let now: @Sendable () -> Date
    private let state = NIOLockedValueBox(State())
    /// Small values pages are built from (a tenant's navigation), by key, with when they expire.
    private let remembered = NIOLockedValueBox([String: (value: any Sendable, expires: Date)]())

    /// Bounded in entries and in bytes; past either bound, the least recently used entries go.
    public init(lifetime: TimeInterval = 5, maximumEntries: Int = 2_000, maximumBytes: Int = 64 << 20, now: @escaping @Sendable () -> Date = { Date() }) {
        self.now = now
        self.lifetime = lifetime
        self.maximumEntries = maximumEntries
        self.maximumBytes = maximumBytes
    }

    public var entryCount: Int { state.withLockedValue { $0.slots.values.filter { $0.entry != nil }.count } }
    public var byteCount: Int { state.withLockedValue { $0.bytes } }

    public func removeAll() {
        state.withLockedValue { $0 = State() }
        remembered.withLockedValue { $0 = [:] }
    }

    /// A small value every page of a tenant is built from, kept as long as a page and forgotten
    /// with the pages, so that a page served from the cache costs no query for it.
    public func remembered<T: Sendable>(_ key: String, compute: () async throws -> T) async throws -> T {
        guard lifetime > 0 else { return try await compute() }
        if let found = remembered.withLockedValue({ $0[key] }), found.expires > now(), let value = found.value as? T { return value }
        let value = try await compute()
        let now = self.now()
        remembered.withLockedValue { values in
            // Bounded like the pages: any path names a tenant, so unknown ones must not pile up.
            if values.count >= maximumEntries { values = values.filter { $0.value.expires > now } }
            if values.count >= maximumEntries { values.removeAll() }
            values[key] = (value, now.addingTimeInterval(lifetime))
        }
        return value
    }

    /// The cache key: the path and only the query parameters the page uses (`varyingOn`), so
    /// that other parameters, however many, all share one entry.
    static func key(_ request: Request, varyingOn parameters: [String]) -> String {
        let used = parameters.sorted().compactMap { name in (try? request.query.get(String.self, at: name)).map { "\(name)=\($0)" } }
        return request.url.path + QueryString.make([]) + used.joined(separator: "&")
    }

    /// Answers from the cache, or renders, stores and answers. Honours If-None-Match with 304.
    public func respond(to request: Request, contentType: HTTPMediaType = .html, varyingOn parameters: [String] = [],
                        render: () async throws -> String) async throws -> Response {
        let key = Self.key(request, varyingOn: parameters)
        let entry: Entry
        if let usable = lifetime > 0 ? claim(key) : nil {
            entry = usable
        } else {
            do {
                let body = try await render()
                entry = Entry(body: body, contentType: contentType, etag: Self.etag(for: body), expires: now().addingTimeInterval(lifetime))
            } catch {
                if lifetime > 0 { state.withLockedValue { $0.slots[key]?.refreshing = false } }
                throw error
            }
            if lifetime > 0 { store(entry, at: key) }
        }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .eTag, value: entry.etag)
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=0, must-revalidate")
        if request.headers.first(name: .ifNoneMatch) == entry.etag {
            return Response(status: .notModified, headers: headers)
        }
        headers.contentType = entry.contentType
        return Response(status: .ok, headers: headers, body: .init(string: entry.body))
    }

    /// The entry to answer with, or nil when this request must render: there is none yet, or
    /// it has expired and no other request is already rendering it.
    private func claim(_ key: String) -> Entry? {
        state.withLockedValue { state in
            guard let entry = state.slots[key]?.entry else { return nil }
            state.clock += 1
            state.slots[key]?.lastUsed = state.clock
            if entry.expires > now() || state.slots[key]?.refreshing == true { return entry }
            state.slots[key]?.refreshing = true
            return nil
        }
    }

    private func store(_ entry: Entry, at key: String) {
        state.withLockedValue { state in
            state.bytes -= state.slots[key]?.entry?.bytes ?? 0
            state.slots[key] = nil
            guard entry.bytes <= maximumBytes else { return }
            while state.slots.count >= maximumEntries || state.bytes + entry.bytes > maximumBytes,
                  let oldest = state.slots.min(by: { $0.value.lastUsed < $1.value.lastUsed })?.key {
                state.bytes -= state.slots[oldest]?.entry?.bytes ?? 0
                state.slots[oldest] = nil
            }
            state.clock += 1
            state.slots[key] = Slot(entry: entry, refreshing: false, lastUsed: state.clock)
            state.bytes += entry.bytes
        }
    }

    /// A weak validator from the body's FNV-1a hash: cheap, stable across instances.
    static func etag(for body: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in body.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return "W/\"\(String(hash, radix: 16))\""
    }
}

extension Application {
    private struct PageCacheKey: StorageKey {
        typealias Value = PageCache
    }

    /// Five seconds unless SAMSYN_PAGE_CACHE_SECONDS says otherwise (0 renders every request).
    public var pageCache: PageCache {
        get {
            if let cache = storage[PageCacheKey.self] { return cache }
            let cache = PageCache()
            storage[PageCacheKey.self] = cache
            return cache
        }
        set { storage[PageCacheKey.self] = newValue }
    }
}

extension Request {
    /// A public page from the page cache, rendered when missing or stale. `varyingOn` names the
    /// query parameters the page reads; others do not make another entry.
    public func cachedPage(varyingOn parameters: [String] = [], _ render: () async throws -> String) async throws -> Response {
        try await application.pageCache.respond(to: self, varyingOn: parameters, render: render)
    }

    /// A public API body from the page cache, encoded by `APIJSON`.
    public func cachedJSON<T: Encodable>(varyingOn parameters: [String] = [], _ build: () async throws -> T) async throws -> Response {
        try await application.pageCache.respond(to: self, contentType: .json, varyingOn: parameters) { try APIJSON.string(try await build()) }
    }
}

/// The API's JSON: keys sorted and slashes unescaped, so bodies are stable and diffable.
public enum APIJSON {
    /// As the API sends it, but indented: for examples on pages.
    public static func pretty<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    public static func string<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
