import Core
import Fluent
import Foundation

/// External funding of the organisation's work: a grant or an EU fund from a funder in the
/// registry, with the key activities and projects it pays for and the reports the funder wants.
/// Kept whole as one spec, like a budget.
final class Funding: Model, @unchecked Sendable {
    public static let schema = "finance_fundings"

    @ID public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    /// The address segment, unique within the organisation: "yrkesresan-esf".
    @Field(key: "key") public var key: String
    @Field(key: "spec") public var specJSON: String
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}

    public var spec: FundingSpec {
        get { JSONColumn.decode(FundingSpec.self, from: specJSON, default: FundingSpec(title: key, funder: "", programme: "", amount: 0, startsOn: "", endsOn: "")) }
        set { specJSON = JSONColumn.encode(newValue) }
    }
}

/// A reminder sent about one reporting deadline of a funding, to one recipient: sent once.
final class FundingReminder: Model, @unchecked Sendable {
    public static let schema = "finance_funding_reminders"

    @ID public var id: UUID?
    @Parent(key: "funding_id") public var funding: Funding
    @Field(key: "deadline") public var deadline: String
    @Field(key: "recipient") public var recipient: String
    @Field(key: "sent_at") public var sentAt: Date

    public init() {}
}

/// Everything kept about a funding, as the form, the API and the organisation file carry it.
public struct FundingSpec: Codable, Equatable, Sendable {
    public var title: String
    /// The funder, by its registry key (SCB code or slug): "lansstyrelsen-norrbotten".
    public var funder: String
    /// The funder's programme or call: "Europeiska socialfonden+ 2021–2027".
    public var programme: String
    /// The whole grant in kronor.
    public var amount: Int
    /// The period the grant covers, YYYY-MM-DD.
    public var startsOn: String
    public var endsOn: String
    /// The grant per budget year, where the decision splits it; the budget page counts only these.
    public var byYear: [YearAmount]
    /// The budget's cost line (cost centre) the grant pays into, if any.
    public var costCentre: String?
    /// The key activities it pays for, by document and lineage.
    public var activities: [Activity]
    /// Projects it pays for that are not key activities of a plan, by name.
    public var projects: [String]
    public var deadlines: [Deadline]
    /// Who is reminded of the deadlines; the organisation's editors when absent.
    public var contact: String?
    public var summary: String?
    /// Invented (the demo's), marked wherever it is shown.
    public var example: Bool

    public init(title: String, funder: String, programme: String, amount: Int, startsOn: String, endsOn: String, byYear: [YearAmount] = [],
                costCentre: String? = nil, activities: [Activity] = [], projects: [String] = [], deadlines: [Deadline] = [],
                contact: String? = nil, summary: String? = nil, example: Bool = false) {
        self.title = title
        self.funder = funder
        self.programme = programme
        self.amount = amount
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.byYear = byYear
        self.costCentre = costCentre
        self.activities = activities
        self.projects = projects
        self.deadlines = deadlines
        self.contact = contact
        self.summary = summary
        self.example = example
    }

    public struct YearAmount: Codable, Equatable, Sendable {
        public var year: Int
        public var amount: Int

        public init(year: Int, amount: Int) {
            self.year = year
            self.amount = amount
        }
    }

    public struct Activity: Codable, Equatable, Hashable, Sendable {
        public var document: String
        public var lineage: String

        public init(document: String, lineage: String) {
            self.document = document
            self.lineage = lineage
        }
    }

    /// A report the funder wants by a day; reminded `remindDaysBefore` days ahead until it is reported.
    public struct Deadline: Codable, Equatable, Sendable {
        public var on: String
        public var what: String
        public var remindDaysBefore: Int
        public var reportedOn: String?

        public init(on: String, what: String, remindDaysBefore: Int = 14, reportedOn: String? = nil) {
            self.on = on
            self.what = what
            self.remindDaysBefore = remindDaysBefore
            self.reportedOn = reportedOn
        }
    }

    /// The grant for one budget year, where the decision says it.
    public func amount(in year: Int) -> Int? { byYear.first { $0.year == year }?.amount }
}

extension FundingSpec {
    private enum CodingKeys: String, CodingKey {
        case title, funder, programme, amount, startsOn, endsOn, byYear, costCentre, activities, projects, deadlines, contact, summary, example
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(title: try container.decode(String.self, forKey: .title), funder: try container.decode(String.self, forKey: .funder),
                  programme: try container.decode(String.self, forKey: .programme), amount: try container.decode(Int.self, forKey: .amount),
                  startsOn: try container.decode(String.self, forKey: .startsOn), endsOn: try container.decode(String.self, forKey: .endsOn),
                  byYear: try container.decodeIfPresent([YearAmount].self, forKey: .byYear) ?? [],
                  costCentre: try container.decodeIfPresent(String.self, forKey: .costCentre),
                  activities: try container.decodeIfPresent([Activity].self, forKey: .activities) ?? [],
                  projects: try container.decodeIfPresent([String].self, forKey: .projects) ?? [],
                  deadlines: try container.decodeIfPresent([Deadline].self, forKey: .deadlines) ?? [],
                  contact: try container.decodeIfPresent(String.self, forKey: .contact),
                  summary: try container.decodeIfPresent(String.self, forKey: .summary),
                  example: try container.decodeIfPresent(Bool.self, forKey: .example) ?? false)
    }

    /// Lists and the example mark only where a funding has them.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(title, forKey: .title)
        try container.encode(funder, forKey: .funder)
        try container.encode(programme, forKey: .programme)
        try container.encode(amount, forKey: .amount)
        try container.encode(startsOn, forKey: .startsOn)
        try container.encode(endsOn, forKey: .endsOn)
        if !byYear.isEmpty { try container.encode(byYear, forKey: .byYear) }
        try container.encodeIfPresent(costCentre, forKey: .costCentre)
        if !activities.isEmpty { try container.encode(activities, forKey: .activities) }
        if !projects.isEmpty { try container.encode(projects, forKey: .projects) }
        if !deadlines.isEmpty { try container.encode(deadlines, forKey: .deadlines) }
        try container.encodeIfPresent(contact, forKey: .contact)
        try container.encodeIfPresent(summary, forKey: .summary)
        if example { try container.encode(example, forKey: .example) }
    }
}
