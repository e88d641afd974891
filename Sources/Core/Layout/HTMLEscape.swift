import Plot

/// The one escaping path for data in HTML and SVG. Plot escapes text nodes (`.text`), but
/// 0.14 writes attribute values as given, and a few components (forms, charts, the account bar)
/// assemble markup themselves: every value that comes from data passes through here first.
/// `ArchitectureTests.dataReachesAttributesEscaped` rejects an attribute whose value is neither
/// a literal, a link built by `URLPattern`/`QueryString` (percent-encoded, so attribute-safe),
/// nor this.
extension HTML {
    /// Text for an attribute value or raw markup: `& < > " '` as character references.
    public static func escape(_ text: String) -> String {
        guard text.contains(where: { needsEscape($0) }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    private static func needsEscape(_ character: Character) -> Bool {
        character == "&" || character == "<" || character == ">" || character == "\"" || character == "'"
    }
}
