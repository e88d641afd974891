import Core
import Foundation

/// Everything an editor keeps about a budget, as forms, the API and the organisation file carry it.
/// Amounts are whole kronor, costs negative as the documents write them.
public struct BudgetSpec: Codable, Equatable, Sendable {
    public var title: String
    /// Where the budget stands in a plan: the document's slug and the section's heading.
    public var listedIn: String?
    public var heading: String?
    /// The paragraphs the plan puts before the table (Markdown).
    public var introduction: String?
    public var adoptedBy: String?
    public var adoptedOn: String?
    public var decisionReference: String?
    public var lines: [Line]
    /// The notes, each with the marker the table shows ("1", "2").
    public var notes: [Note]
    /// Notes on the sums and the result, by marker.
    public var costSumNotes: [String]
    public var revenueSumNotes: [String]
    public var resultNotes: [String]
    /// The line whose amount the members finance (the revenue line "Finansiering"), by cost centre.
    public var financingCostCentre: String?
    /// The inputs of the member fees, where the budget computes them.
    public var fees: FeeBasis?

    public init(title: String, listedIn: String? = nil, heading: String? = nil, introduction: String? = nil, adoptedBy: String? = nil,
                adoptedOn: String? = nil, decisionReference: String? = nil, lines: [Line] = [], notes: [Note] = [], costSumNotes: [String] = [],
                revenueSumNotes: [String] = [], resultNotes: [String] = [], financingCostCentre: String? = nil, fees: FeeBasis? = nil) {
        self.title = title
        self.listedIn = listedIn
        self.heading = heading
        self.introduction = introduction
        self.adoptedBy = adoptedBy
        self.adoptedOn = adoptedOn
        self.decisionReference = decisionReference
        self.lines = lines
        self.notes = notes
        self.costSumNotes = costSumNotes
        self.revenueSumNotes = revenueSumNotes
        self.resultNotes = resultNotes
        self.financingCostCentre = financingCostCentre
        self.fees = fees
    }

    public struct Line: Codable, Equatable, Sendable {
        public var side: BudgetSide
        public var costCentre: String
        public var name: String
        public var amount: Int
        public var notes: [String]

        public init(side: BudgetSide, costCentre: String, name: String, amount: Int, notes: [String] = []) {
            self.side = side
            self.costCentre = costCentre
            self.name = name
            self.amount = amount
            self.notes = notes
        }

        private enum CodingKeys: String, CodingKey { case side, costCentre, name, amount, notes }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            side = try container.decode(BudgetSide.self, forKey: .side)
            costCentre = try container.decode(String.self, forKey: .costCentre)
            name = try container.decode(String.self, forKey: .name)
            amount = try container.decode(Int.self, forKey: .amount)
            notes = try container.decodeIfPresent([String].self, forKey: .notes) ?? []
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(side, forKey: .side)
            try container.encode(costCentre, forKey: .costCentre)
            try container.encode(name, forKey: .name)
            try container.encode(amount, forKey: .amount)
            try container.encode(notes, forKey: .notes)
        }
    }

    public struct Note: Codable, Equatable, Sendable {
        public var marker: String
        public var text: String

        public init(marker: String, text: String) {
            self.marker = marker
            self.text = text
        }
    }

    /// A side's sum; a stored amount beyond `Bounds.kronor` (an older database) is left out, as the table shows it refused.
    public func sum(_ side: BudgetSide) -> Int {
        Bounds.sum(lines.lazy.filter { $0.side == side && Bounds.isKronor($0.amount) }.map(\.amount)) ?? 0
    }
    /// Revenues plus costs (costs are negative): a planned deficit is negative.
    public var result: Int { sum(.revenue) + sum(.cost) }
    public var financing: Int? {
        financingCostCentre.flatMap { centre in lines.first { $0.side == .revenue && $0.costCentre == centre }?.amount }
    }
}

extension BudgetSpec {
    private enum CodingKeys: String, CodingKey {
        case title, listedIn, heading, introduction, adoptedBy, adoptedOn, decisionReference, lines, notes, costSumNotes, revenueSumNotes,
             resultNotes, financingCostCentre, fees
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        title = try container.decode(String.self, forKey: .title)
        listedIn = try container.decodeIfPresent(String.self, forKey: .listedIn)
        heading = try container.decodeIfPresent(String.self, forKey: .heading)
        introduction = try container.decodeIfPresent(String.self, forKey: .introduction)
        adoptedBy = try container.decodeIfPresent(String.self, forKey: .adoptedBy)
        adoptedOn = try container.decodeIfPresent(String.self, forKey: .adoptedOn)
        decisionReference = try container.decodeIfPresent(String.self, forKey: .decisionReference)
        lines = try container.decodeIfPresent([Line].self, forKey: .lines) ?? []
        notes = try container.decodeIfPresent([Note].self, forKey: .notes) ?? []
        costSumNotes = try container.decodeIfPresent([String].self, forKey: .costSumNotes) ?? []
        revenueSumNotes = try container.decodeIfPresent([String].self, forKey: .revenueSumNotes) ?? []
        resultNotes = try container.decodeIfPresent([String].self, forKey: .resultNotes) ?? []
        financingCostCentre = try container.decodeIfPresent(String.self, forKey: .financingCostCentre)
        fees = try container.decodeIfPresent(FeeBasis.self, forKey: .fees)
    }

    /// Empty lists are left out: what a file written by hand need not say.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(title, forKey: .title)
        try container.encodeIfPresent(listedIn, forKey: .listedIn)
        try container.encodeIfPresent(heading, forKey: .heading)
        try container.encodeIfPresent(introduction, forKey: .introduction)
        try container.encodeIfPresent(adoptedBy, forKey: .adoptedBy)
        try container.encodeIfPresent(adoptedOn, forKey: .adoptedOn)
        try container.encodeIfPresent(decisionReference, forKey: .decisionReference)
        try container.encode(lines, forKey: .lines)
        if !notes.isEmpty { try container.encode(notes, forKey: .notes) }
        if !costSumNotes.isEmpty { try container.encode(costSumNotes, forKey: .costSumNotes) }
        if !revenueSumNotes.isEmpty { try container.encode(revenueSumNotes, forKey: .revenueSumNotes) }
        if !resultNotes.isEmpty { try container.encode(resultNotes, forKey: .resultNotes) }
        try container.encodeIfPresent(financingCostCentre, forKey: .financingCostCentre)
        try container.encodeIfPresent(fees, forKey: .fees)
    }
}
