import Foundation

/// Query strings, built in one place (the idea of the Swift Package Index server's
/// `QueryParameter`): every value percent-encoded, so a link is safe in an attribute as it is and
/// a value can neither end its parameter nor start another.
///
///     FollowUpURL.dashboard.link(org, doc, query: ["period": "2023"])   // "…?period=2023"
public enum QueryString {
    /// `?name=value&…` in the order given; pairs without a value (nil or empty) are left out, and
    /// when none remain the result is empty.
    public static func make(_ pairs: KeyValuePairs<String, String?>) -> String {
        make(pairs.map { ($0.key, $0.value) })
    }

    public static func make(_ pairs: [(String, String?)]) -> String {
        let items = pairs.compactMap { name, value -> String? in
            guard let value, !value.isEmpty else { return nil }
            return encode(name) + "=" + encode(value)
        }
        return items.isEmpty ? "" : "?" + items.joined(separator: "&")
    }

    /// One name or value: everything but letters, digits and `-._~` percent-encoded (UTF-8).
    public static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    private static let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
}
