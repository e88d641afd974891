/// What text Samsyn accepts, the same in forms, the API and files: no control characters but
/// tab and line breaks (a NUL cut stored text short, and escapes could spoof a page), no
/// bidirectional overrides in names and titles (they make text read other than it is), and
/// names and titles of bounded length.
public enum TextRules {
    /// The longest title, name or heading.
    public static let titleLength = 2_000

    public enum Kind: Sendable {
        /// A title, name or heading: one line, no direction overrides, bounded.
        case title
        /// Prose and other free text.
        case text
    }

    public enum Problem: Sendable, Equatable {
        case controlCharacter
        case directionOverride
        case tooLong(limit: Int)

        public var english: String {
            switch self {
            case .controlCharacter: "contains a control character (only tab and line breaks are allowed)"
            case .directionOverride: "contains a character that overrides the reading direction"
            case .tooLong(let limit): "is longer than \(limit) characters"
            }
        }

        public var swedish: String {
            switch self {
            case .controlCharacter: "Texten innehåller ett styrtecken; bara tabb och radbrytningar är tillåtna."
            case .directionOverride: "Texten innehåller ett tecken som ändrar läsriktningen."
            case .tooLong(let limit): "Texten är längre än \(limit) tecken."
            }
        }
    }

    /// The problem with `text`, if any. Titles are bounded by `limit` (default `titleLength`); prose
    /// only when a limit is given.
    public static func problem(in text: String, as kind: Kind, limit: Int? = nil) -> Problem? {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: continue
            case 0x00...0x1F, 0x7F: return .controlCharacter
            case 0x202A...0x202E, 0x2066...0x2069 where kind == .title: return .directionOverride
            default: continue
            }
        }
        if let limit = limit ?? (kind == .title ? titleLength : nil), text.unicodeScalars.count > limit, text.count > limit {
            return .tooLong(limit: limit)
        }
        return nil
    }

    /// The first string in a decoded JSON value that breaks a rule, with its path. Properties
    /// named `name`, `title` or `heading` are titles; every other string is text.
    public static func firstProblem(in json: Any, path: String = "") -> (path: String, problem: Problem)? {
        if let object = json as? [String: Any] {
            for key in object.keys.sorted() {
                let childPath = path.isEmpty ? key : "\(path).\(key)"
                if let string = object[key] as? String {
                    if let problem = problem(in: string, as: ["name", "title", "heading"].contains(key) ? .title : .text) {
                        return (childPath, problem)
                    }
                } else if let found = firstProblem(in: object[key]!, path: childPath) {
                    return found
                }
            }
        } else if let array = json as? [Any] {
            for (index, element) in array.enumerated() {
                if let string = element as? String, let problem = problem(in: string, as: .text) { return ("\(path)[\(index)]", problem) }
                if let found = firstProblem(in: element, path: "\(path)[\(index)]") { return found }
            }
        }
        return nil
    }

    /// Line breaks as stored: browsers send a textarea's lines with CR LF.
    public static func plainLineBreaks(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
