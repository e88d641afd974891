import Foundation

/// Writes iCalendar (RFC 5545) feeds: all-day events with stable UIDs, text escaped, lines folded
/// at 75 octets and ended by CRLF. Modules make the events; this knows only the format.
public struct ICalendar: Sendable {
    public struct Event: Sendable, Equatable {
        /// Stable across feeds and edits, so calendars update the event instead of adding another.
        public let uid: String
        /// YYYY-MM-DD.
        public let day: String
        public let summary: String
        public let description: String?
        public let url: String?

        public init(uid: String, day: String, summary: String, description: String? = nil, url: String? = nil) {
            self.uid = uid
            self.day = day
            self.summary = summary
            self.description = description
            self.url = url
        }
    }

    public let name: String
    public let events: [Event]

    public init(name: String, events: [Event]) {
        self.name = name
        self.events = events
    }

    /// The feed; `stamp` is DTSTAMP (when the feed was made).
    public func render(stamp: Date) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Samsyn//Samsyn//SV", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                     "X-WR-CALNAME:\(Self.escape(name))", "X-WR-TIMEZONE:Europe/Stockholm"]
        let stampText = Self.stamp(stamp)
        for event in events {
            let start = event.day.replacingOccurrences(of: "-", with: "")
            let end = (CalendarDate.adding(1, to: event.day) ?? event.day).replacingOccurrences(of: "-", with: "")
            lines += ["BEGIN:VEVENT", "UID:\(Self.escape(event.uid))", "DTSTAMP:\(stampText)", "DTSTART;VALUE=DATE:\(start)", "DTEND;VALUE=DATE:\(end)",
                      "SUMMARY:\(Self.escape(event.summary))", "TRANSP:TRANSPARENT"]
            if let description = event.description { lines.append("DESCRIPTION:\(Self.escape(description))") }
            if let url = event.url { lines.append("URL:\(url)") }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// TEXT values: backslash, semicolon, comma and newlines escaped.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;").replacingOccurrences(of: ",", with: "\\,")
            .replacingOccurrences(of: "\r\n", with: "\\n").replacingOccurrences(of: "\n", with: "\\n")
    }

    /// Lines longer than 75 octets continue on lines that start with a space; a character is never split.
    static func fold(_ line: String) -> String {
        var result = "", count = 0
        for character in line {
            let size = String(character).utf8.count
            if count + size > 75 {
                result += "\r\n "
                count = 1
            }
            result.append(character)
            count += size
        }
        return result
    }

    static func stamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }
}
