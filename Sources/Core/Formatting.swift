import Foundation

public enum Formatting {
    /// A moment as Swedish public servants read it: 2026-11-26 14:05, Stockholm time.
    public static func minute(_ date: Date) -> String { minuteFormatter.string(from: date) }

    static let minuteFormatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "sv_SE")
        formatter.timeZone = TimeZone(identifier: "Europe/Stockholm")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter
    }()

    /// Swedish digit grouping with a narrow no-break space: 80 321.
    public static func thousands(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append("\u{202F}") }
            out.append(character)
        }
        return (value < 0 ? "−" : "") + out
    }

    /// Whole kronor as `thousands`, or, for a stored amount beyond `Bounds.kronor` (an older database), words saying it is refused.
    public static func amount(_ value: Int) -> String {
        Bounds.isKronor(value) ? thousands(value) : refused
    }

    /// What a page shows for a stored value that a bound refuses.
    public static let refused = "ogiltigt värde (utanför gränserna)"
}

extension Optional where Wrapped == String {
    /// The text, or nil when it is absent or empty: what an optional form field means.
    public var nonEmpty: String? {
        flatMap { $0.isEmpty ? nil : $0 }
    }
}
