import Foundation

/// Small lists stored as JSON text in one column: the same bytes on SQLite and PostgreSQL,
/// which keeps both engines' behaviour identical without array types.
public enum JSONColumn {
    public static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(value), as: UTF8.self)) ?? "[]"
    }

    public static func decode<T: Decodable>(_ type: T.Type, from text: String?, default fallback: T) -> T {
        guard let text, let data = text.data(using: .utf8) else { return fallback }
        return (try? JSONDecoder().decode(type, from: data)) ?? fallback
    }
}
