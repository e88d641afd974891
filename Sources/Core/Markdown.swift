import Plot

/// A deliberately small Markdown subset for document prose: paragraphs, `- ` lists,
/// `**strong**` and `*emphasis*`. Everything else is text, and all text is escaped,
/// so prose from an import can never inject markup.
public enum Markdown {
    public enum Block: Equatable, Sendable {
        case paragraph(String)
        case list([String])
    }

    public static func blocks(_ source: String) -> [Block] {
        var blocks: [Block] = []
        let chunks = source.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
        for chunk in chunks {
            let lines = chunk.split(separator: "\n", omittingEmptySubsequences: true).map { $0.trimmingCharacters(in: .whitespaces) }
            guard !lines.isEmpty else { continue }
            if lines.allSatisfy({ $0.hasPrefix("- ") }) {
                blocks.append(.list(lines.map { String($0.dropFirst(2)) }))
            } else {
                blocks.append(.paragraph(lines.joined(separator: " ")))
            }
        }
        return blocks
    }

    /// Safe HTML for a whole text. Published prose does not change, and converting it was a third
    /// of an uncached document page's time (docs/performance.md), so results are remembered by
    /// their text, within a bound.
    public static func html(_ source: String) -> String {
        converted.text(for: source) { convert(source) }
    }

    private static let converted = BoundedMemo(maximumBytes: 8 << 20, maximumEntries: 4_096)

    static func convert(_ source: String) -> String {
        blocks(source).map { block in
            switch block {
            case .paragraph(let text): "<p>\(inlineHTML(text))</p>"
            case .list(let items): "<ul>" + items.map { "<li>\(inlineHTML($0))</li>" }.joined() + "</ul>"
            }
        }.joined(separator: "\n")
    }

    /// The text a reader sees, without markup: for search, summaries and tests.
    public static func plainText(_ source: String) -> String {
        blocks(source).map { block in
            switch block {
            case .paragraph(let text): stripInline(text)
            case .list(let items): items.map(stripInline).joined(separator: "\n")
            }
        }.joined(separator: "\n\n")
    }

    static func stripInline(_ text: String) -> String {
        text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "*", with: "")
    }

    static func inlineHTML(_ text: String) -> String {
        var out = ""
        var plain = text[text.startIndex..<text.startIndex]
        var strong = false, emphasis = false
        var index = text.startIndex
        func flush() {
            out += HTML.escape(String(plain))
            plain = text[index..<index]
        }
        while index < text.endIndex {
            if text[index...].hasPrefix("**") {
                flush()
                out += strong ? "</strong>" : "<strong>"
                strong.toggle()
                index = text.index(index, offsetBy: 2)
                plain = text[index..<index]
                continue
            }
            if text[index] == "*" {
                flush()
                out += emphasis ? "</em>" : "<em>"
                emphasis.toggle()
                index = text.index(after: index)
                plain = text[index..<index]
                continue
            }
            plain = text[plain.startIndex...index]
            index = text.index(after: index)
        }
        out += HTML.escape(String(plain))
        if emphasis { out += "</em>" }
        if strong { out += "</strong>" }
        return out
    }

}
