import NIOConcurrencyHelpers
import OpenAPIKit
import Vapor

/// Every route declares the query parameters it reads: pages with `reads(…)`, API routes
/// through their OpenAPI operation's query parameters. Handlers read them with
/// `queryValue(_:)`; a read its route did not declare is logged and remembered
/// (`Application.undeclaredQueryReads`), and the marker crawl, which sends every parameter to
/// every page, fails on any.
extension Route {
    /// The query parameters this page reads.
    @discardableResult
    public func reads(_ names: String...) -> Route {
        reads(names)
    }

    @discardableResult
    public func reads(_ names: [String]) -> Route {
        userInfo["query"] = Set(names).union(userInfo["query"] as? Set<String> ?? [])
        return self
    }

    /// What the route declares: its own names and its API operation's query parameters.
    public var declaredQuery: Set<String> {
        let own = userInfo["query"] as? Set<String> ?? []
        let api = apiOperation?.parameters.filter { $0.location == .query }.map(\.name) ?? []
        return own.union(api)
    }
}

extension Request {
    /// A query parameter the route declared, decoded as `T`; nil when absent or not a `T`.
    public func queryValue(_ name: String) -> String? {
        queryValue(name, as: String.self)
    }

    public func queryValue<T: Decodable>(_ name: String, as type: T.Type) -> T? {
        // Pages declare what they read; a form's POST re-rendering a page with a refusal reads the same, incidentally.
        if method == .GET || method == .HEAD, let route, !route.declaredQuery.contains(name) {
            let read = "\(route.method) \(route.path.string) reads \"\(name)\""
            if application.undeclaredQueryReads.withLockedValue({ $0.insert(read).inserted }) {
                logger.warning("\(read) without declaring it (Route.reads)")
            }
        }
        return try? query.get(T.self, at: name)
    }

    /// A text parameter as a filter uses it: trimmed, at most `limit` characters, nil when empty.
    public func queryText(_ name: String, limit: Int = 200) -> String? {
        let text = (queryValue(name) ?? "").trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : String(text.prefix(limit))
    }
}

extension Application {
    private struct UndeclaredQueryReadsKey: StorageKey { typealias Value = NIOLockedValueBox<Set<String>> }

    /// Query parameters read by routes that did not declare them, as "GET /path reads \"name\"".
    public var undeclaredQueryReads: NIOLockedValueBox<Set<String>> {
        if let box = storage[UndeclaredQueryReadsKey.self] { return box }
        let box = NIOLockedValueBox<Set<String>>([])
        storage[UndeclaredQueryReadsKey.self] = box
        return box
    }
}
