import Foundation

extension JSONEncoder {
    /// Sorted keys and unescaped slashes, as the rest of the API answers.
    public static var api: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
