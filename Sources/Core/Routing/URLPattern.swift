import Vapor

/// One value gives a route both its pattern and its links, so the two cannot drift apart
/// (the idea of the Swift Package Index server's `Resourceable`, kept to a constant per page).
///
///     static let item = URLPattern("t", ":tenant", "sak", ":item")
///     routes.get(item.pathComponents, use: …)      // the route
///     item.link(tenant, key)                        // "/t/exempel/sak/nummer-ett"
public struct URLPattern: Sendable, Equatable, CustomStringConvertible {
    public let parts: [String]

    public init(_ parts: String...) {
        self.parts = parts
    }

    init(parts: [String]) {
        self.parts = parts
    }

    /// The pattern extended by more parts: a page below this one.
    public func appending(_ more: String...) -> URLPattern {
        URLPattern(parts: parts + more)
    }

    public var parameterNames: [String] {
        parts.filter { $0.hasPrefix(":") }.map { String($0.dropFirst()) }
    }

    public var pathComponents: [PathComponent] {
        parts.map { $0.hasPrefix(":") ? .parameter(String($0.dropFirst())) : .constant($0) }
    }

    /// The path with `values` in place of the parameters, in order.
    public func link(_ values: String...) -> String {
        link(values)
    }

    public func link(_ values: [String]) -> String {
        precondition(values.count == parameterNames.count, "\(self) takes \(parameterNames.count) values, got \(values.count)")
        var remaining = values[...]
        return "/" + parts.map { $0.hasPrefix(":") ? Self.segment(remaining.removeFirst()) : $0 }.joined(separator: "/")
    }

    /// The path with its query: `item.link(tenant, key, query: ["sida": "2"])`.
    public func link(_ values: String..., query: KeyValuePairs<String, String?>) -> String {
        link(values) + QueryString.make(query)
    }

    /// A value as one path segment: percent-encoded, so a link is safe in an attribute as it is
    /// and a value cannot add segments. Keys and slugs pass unchanged.
    static func segment(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: segmentAllowed) ?? value
    }

    private static let segmentAllowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:@!$()*+,;=")

    public var description: String { "/" + parts.joined(separator: "/") }
}
