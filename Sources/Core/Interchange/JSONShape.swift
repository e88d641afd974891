import Foundation

/// A JSON text's shape read from its bytes without building it: how deeply it nests, and the byte
/// ranges of a top-level array's elements. Readers check the depth before they decode, so that no
/// input makes a recursive reader run out of stack (docs/security.md, "Readers that always end"),
/// and a list of pages is split without holding a second copy of each page as Foundation objects.
public enum JSONShape {
    /// The deepest nesting any reader of Samsyn accepts: files and bodies nest a dozen levels at most.
    public static let depthLimit = 64

    /// How deeply arrays and objects nest (0 for a scalar), reading strings as opaque; stops counting at `limit + 1`.
    public static func depth(of data: Data, limit: Int = depthLimit) -> Int {
        data.withUnsafeBytes { bytes in
            var depth = 0, deepest = 0, inString = false, escaped = false
            for byte in bytes {
                if inString {
                    if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                    continue
                }
                switch byte {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    depth += 1
                    if depth > deepest { deepest = depth; if deepest > limit { return deepest } }
                case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
                default: break
                }
            }
            return deepest
        }
    }

    /// Whether the text nests no deeper than `limit`.
    public static func isShallow(_ data: Data, limit: Int = depthLimit) -> Bool { depth(of: data, limit: limit) <= limit }

    /// The byte ranges of the elements of a top-level array, or nil when the text is not one (after
    /// blanks and a byte-order mark). Elements are split at commas outside strings and nesting; each
    /// is checked by the reader it is given to.
    public static func arrayElements(of data: Data) -> [Range<Data.Index>]? {
        data.withUnsafeBytes { bytes -> [Range<Int>]? in
            var index = 0
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
            func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
            while index < bytes.count, isBlank(bytes[index]) { index += 1 }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "[") else { return nil }
            index += 1
            var ranges: [Range<Int>] = [], start = index, depth = 0, inString = false, escaped = false, closed = false
            while index < bytes.count {
                let byte = bytes[index]
                defer { index += 1 }
                if inString {
                    if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                    continue
                }
                switch byte {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
                case UInt8(ascii: "]") where depth == 0, UInt8(ascii: ","):
                    guard depth == 0 else { continue }
                    ranges.append(start..<index)
                    start = index + 1
                    if byte == UInt8(ascii: "]") { closed = true }
                case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
                default: break
                }
                if closed { break }
            }
            guard closed else { return nil }
            while index < bytes.count, isBlank(bytes[index]) { index += 1 }
            guard index == bytes.count else { return nil }
            // An empty array has one blank "element"; trim each range of blanks.
            let trimmed = ranges.map { range -> Range<Int> in
                var lower = range.lowerBound, upper = range.upperBound
                while lower < upper, isBlank(bytes[lower]) { lower += 1 }
                while upper > lower, isBlank(bytes[upper - 1]) { upper -= 1 }
                return lower..<upper
            }
            return trimmed.count == 1 && trimmed[0].isEmpty ? [] : trimmed
        }.map { ranges in ranges.map { (data.startIndex + $0.lowerBound)..<(data.startIndex + $0.upperBound) } }
    }
}
