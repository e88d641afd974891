import Core
import Plot

/// Word-level differences between two texts, for reading a change: the words removed and added
/// between the unchanged ones. Longest common subsequence over words, after trimming the common
/// start and end; a middle too large to compare word by word is shown as replaced whole.
public enum WordDiff {
    public enum Part: Equatable, Sendable {
        case same(String), removed(String), added(String)
    }

    static let cellLimit = 4_000_000

    public static func parts(_ old: String, _ new: String) -> [Part] {
        let a = tokens(old), b = tokens(new)
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let x = Array(a[prefix..<(a.count - suffix)]), y = Array(b[prefix..<(b.count - suffix)])
        var parts: [Part] = a[..<prefix].map { .same($0) }
        if x.count * y.count > cellLimit {
            parts += x.map { .removed($0) } + y.map { .added($0) }
        } else {
            parts += middle(x, y)
        }
        parts += a[(a.count - suffix)...].map { .same($0) }
        return merged(parts)
    }

    /// Words and the whitespace between them, as separate tokens, so joining the parts gives the
    /// text back and a word matches whatever space follows it.
    static func tokens(_ text: String) -> [String] {
        var result: [String] = [], current = ""
        for character in text {
            if let last = current.last, last.isWhitespace != character.isWhitespace { result.append(current); current = "" }
            current.append(character)
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    static func middle(_ x: [String], _ y: [String]) -> [Part] {
        guard !x.isEmpty || !y.isEmpty else { return [] }
        let n = x.count, m = y.count
        var table = [[Int32]](repeating: [Int32](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i][j] = x[i] == y[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var parts: [Part] = [], i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, x[i] == y[j] { parts.append(.same(x[i])); i += 1; j += 1 }
            // What was removed reads before what replaced it.
            else if i < n, j == m || table[i + 1][j] >= table[i][j + 1] { parts.append(.removed(x[i])); i += 1 }
            else { parts.append(.added(y[j])); j += 1 }
        }
        return parts
    }

    static func merged(_ parts: [Part]) -> [Part] {
        var result: [Part] = []
        for part in parts {
            switch (result.last, part) {
            case let (.same(a)?, .same(b)): result[result.count - 1] = .same(a + b)
            case let (.removed(a)?, .removed(b)): result[result.count - 1] = .removed(a + b)
            case let (.added(a)?, .added(b)): result[result.count - 1] = .added(a + b)
            default: result.append(part)
            }
        }
        return result
    }

    /// The change as HTML: removed words in <del>, added in <ins>, each also said in words for
    /// screen readers and print, so the meaning is never in colour alone.
    public static func html(_ old: String, _ new: String) -> String {
        parts(old, new).map { part in
            switch part {
            case .same(let text): HTML.escape(text)
            case .removed(let text): "<del><span class=\"visually-hidden\">[borttaget:] </span>\(HTML.escape(text))</del>"
            case .added(let text): "<ins><span class=\"visually-hidden\">[tillagt:] </span>\(HTML.escape(text))</ins>"
            }
        }.joined()
    }
}
