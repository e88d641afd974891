public enum Formatting {
    /// Swedish digit grouping with a narrow no-break space: 80 321.
    public static func thousands(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append("\u{202F}") }
            out.append(character)
        }
        return (value < 0 ? "−" : "") + out
    }
}

extension Optional where Wrapped == String {
    /// The text, or nil when it is absent or empty: what an optional form field means.
    public var nonEmpty: String? {
        flatMap { $0.isEmpty ? nil : $0 }
    }
}
