import Foundation

public enum HTMLCheck {
    public static func headingLevels(_ html: String) -> [Int] {
        matches(of: #"<h([1-6])[ >]"#, in: html).compactMap { Int($0) }
    }

    public static func tableHeaders(_ html: String) -> [String] {
        matches(of: #"(<th[ >][^>]*>?)"#, in: html)
    }

    /// The text of an HTML fragment: tags dropped, the escapes Plot and Markdown write undone.
    public static func text(_ fragment: String) -> String {
        fragment.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    public static func count(_ needle: String, in html: String) -> Int {
        html.components(separatedBy: needle).count - 1
    }

    public static func matches(of pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
