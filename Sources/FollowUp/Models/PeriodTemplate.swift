import Fluent
import Foundation

/// One of an organisation's usual reporting periods: "Tertial 1" ends on 30 April, reports are due
/// a number of days later. Opening a period starts from a template. An organisation without
/// templates of its own uses `PeriodTemplate.defaults`.
final class PeriodTemplate: Model, @unchecked Sendable {
    public static let schema = "followup_period_templates"

    @ID public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "position") public var position: Int
    @Field(key: "name") public var name: String
    @Field(key: "ends_month") public var endsMonth: Int
    @Field(key: "ends_day") public var endsDay: Int
    @Field(key: "deadline_days") public var deadlineDays: Int
    @OptionalField(key: "remind_days_before") public var remindDaysBefore: Int?

    public init() {}

    public init(organisationID: UUID, position: Int, value: Value) {
        self.organisationID = organisationID
        self.position = position
        self.name = value.name
        self.endsMonth = value.endsMonth
        self.endsDay = value.endsDay
        self.deadlineDays = value.deadlineDays
        self.remindDaysBefore = value.remindDaysBefore
    }

    /// A template as a plain value: what pages, the API and the file show.
    public struct Value: Codable, Sendable, Equatable {
        public var name: String
        public var endsMonth: Int
        public var endsDay: Int
        public var deadlineDays: Int
        public var remindDaysBefore: Int?

        public init(name: String, endsMonth: Int, endsDay: Int, deadlineDays: Int, remindDaysBefore: Int?) {
            self.name = name
            self.endsMonth = endsMonth
            self.endsDay = endsDay
            self.deadlineDays = deadlineDays
            self.remindDaysBefore = remindDaysBefore
        }
    }

    public var value: Value { Value(name: name, endsMonth: endsMonth, endsDay: endsDay, deadlineDays: deadlineDays, remindDaysBefore: remindDaysBefore) }

    /// Tertial 1, tertial 2 and the year, with reports due 15 days after each and a reminder 7 days before.
    public static let defaults: [Value] = [
        Value(name: "Tertial 1", endsMonth: 4, endsDay: 30, deadlineDays: 15, remindDaysBefore: 7),
        Value(name: "Tertial 2", endsMonth: 8, endsDay: 31, deadlineDays: 15, remindDaysBefore: 7),
        Value(name: "Helår", endsMonth: 12, endsDay: 31, deadlineDays: 31, remindDaysBefore: 7),
    ]
}
