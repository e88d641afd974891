import Foundation
import Vapor

extension Application {
    private struct NowKey: StorageKey { typealias Value = @Sendable () -> Date }

    /// The present moment as the application sees it: the system clock, or a fixed moment a test
    /// sets, so that what depends on today (a review date in the past) is tested at a known date.
    public var now: @Sendable () -> Date {
        get { storage[NowKey.self] ?? { Date() } }
        set { storage[NowKey.self] = newValue }
    }
}

extension Calendar {
    /// Dates of records, periods and deadlines are days in Sweden.
    public static var sweden: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Stockholm")!
        return calendar
    }
}

extension CalendarDate {
    /// YYYY-MM-DD of a moment, in Sweden.
    public static func day(of moment: Date) -> String {
        let parts = Calendar.sweden.dateComponents([.year, .month, .day], from: moment)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// The day `days` after (or before, when negative) a valid YYYY-MM-DD.
    public static func adding(_ days: Int, to day: String) -> String? {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, let date = Calendar.sweden.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: 12)),
              let moved = Calendar.sweden.date(byAdding: .day, value: days, to: date) else { return nil }
        return Self.day(of: moved)
    }
}
