import Foundation

/// Everything an editor keeps about an agreement, as forms, the API and the organisation file
/// carry it, and as each revision stores it.
public struct AgreementSpec: Codable, Equatable, Sendable {
    public var title: String
    public var kind: AgreementKind
    public var status: AgreementStatus
    /// The period, YYYY-MM-DD; a period from 1 January to 31 December is shown as years.
    public var startsOn: String?
    public var endsOn: String?
    public var reviewOn: String?
    /// The e-mail of the user responsible for the review (a user with a role in the organisation).
    public var reviewer: String?
    /// The key of the unit of the organisation's structure that is responsible.
    public var unit: String?
    /// Public agreements are on the public registry and in the public calendar.
    public var isPublic: Bool
    public var summary: String?
    public var parties: [Party]
    public var goals: [NodeReference]
    public var activities: [NodeReference]
    public var networks: [String]
    /// The steering document that carries the agreement's own text (its principles and commitments).
    public var text: String?
    /// Plans the agreement carries: steering documents followed up like any plan (an action plan).
    public var plans: [String]
    /// Who owes each commitment of the text: a node of `text`, by lineage.
    public var commitments: [Commitment]
    /// Organisations may apply to join the agreement through the public form (the regional agreement's idéburna organisations).
    public var acceptsAccessions: Bool

    public init(title: String, kind: AgreementKind, status: AgreementStatus, startsOn: String? = nil, endsOn: String? = nil,
                reviewOn: String? = nil, reviewer: String? = nil, unit: String? = nil, isPublic: Bool = true, summary: String? = nil,
                parties: [Party] = [], goals: [NodeReference] = [], activities: [NodeReference] = [], networks: [String] = [],
                text: String? = nil, plans: [String] = [], commitments: [Commitment] = [], acceptsAccessions: Bool = false) {
        self.title = title
        self.kind = kind
        self.status = status
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.reviewOn = reviewOn
        self.reviewer = reviewer
        self.unit = unit
        self.isPublic = isPublic
        self.summary = summary
        self.parties = parties
        self.goals = goals
        self.activities = activities
        self.networks = networks
        self.text = text
        self.plans = plans
        self.commitments = commitments
        self.acceptsAccessions = acceptsAccessions
    }

    /// A commitment of the agreement's text and who owes it.
    public struct Commitment: Codable, Equatable, Sendable {
        public var node: String
        public var by: CommitmentBearer

        public init(node: String, by: CommitmentBearer) {
            self.node = node
            self.by = by
        }
    }

    /// A party: a registry organisation (by its key), all members of the organisation ("kommunerna"),
    /// or a party only described ("enskilda skolhuvudmän"); with a note and who signed for it.
    public struct Party: Codable, Equatable, Sendable {
        public var organisation: String?
        public var members: Bool?
        public var description: String?
        public var note: String?
        public var signatory: String?

        public init(organisation: String? = nil, members: Bool? = nil, description: String? = nil, note: String? = nil, signatory: String? = nil) {
            self.organisation = organisation
            self.members = members
            self.description = description
            self.note = note
            self.signatory = signatory
        }
    }

    /// A goal or key activity of a steering document, by the node's lineage.
    public struct NodeReference: Codable, Equatable, Hashable, Sendable {
        public var document: String
        public var lineage: String

        public init(document: String, lineage: String) {
            self.document = document
            self.lineage = lineage
        }
    }
}

extension AgreementSpec {
    private enum CodingKeys: String, CodingKey {
        case title, kind, status, startsOn, endsOn, reviewOn, reviewer, unit, isPublic, summary, parties, goals, activities, networks,
             text, plans, commitments, acceptsAccessions
    }

    /// Lists may be left out (empty), and `isPublic` (true): what an API client or a file need not say.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        title = try container.decode(String.self, forKey: .title)
        kind = try container.decode(AgreementKind.self, forKey: .kind)
        status = try container.decode(AgreementStatus.self, forKey: .status)
        startsOn = try container.decodeIfPresent(String.self, forKey: .startsOn)
        endsOn = try container.decodeIfPresent(String.self, forKey: .endsOn)
        reviewOn = try container.decodeIfPresent(String.self, forKey: .reviewOn)
        reviewer = try container.decodeIfPresent(String.self, forKey: .reviewer)
        unit = try container.decodeIfPresent(String.self, forKey: .unit)
        isPublic = try container.decodeIfPresent(Bool.self, forKey: .isPublic) ?? true
        summary = try container.decodeIfPresent(String.self, forKey: .summary)
        parties = try container.decodeIfPresent([Party].self, forKey: .parties) ?? []
        goals = try container.decodeIfPresent([NodeReference].self, forKey: .goals) ?? []
        activities = try container.decodeIfPresent([NodeReference].self, forKey: .activities) ?? []
        networks = try container.decodeIfPresent([String].self, forKey: .networks) ?? []
        text = try container.decodeIfPresent(String.self, forKey: .text)
        plans = try container.decodeIfPresent([String].self, forKey: .plans) ?? []
        commitments = try container.decodeIfPresent([Commitment].self, forKey: .commitments) ?? []
        acceptsAccessions = try container.decodeIfPresent(Bool.self, forKey: .acceptsAccessions) ?? false
    }

    /// The text, plans and commitments only where an agreement has them: most agreements are records
    /// of a document kept elsewhere.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(title, forKey: .title)
        try container.encode(kind, forKey: .kind)
        try container.encode(status, forKey: .status)
        try container.encodeIfPresent(startsOn, forKey: .startsOn)
        try container.encodeIfPresent(endsOn, forKey: .endsOn)
        try container.encodeIfPresent(reviewOn, forKey: .reviewOn)
        try container.encodeIfPresent(reviewer, forKey: .reviewer)
        try container.encodeIfPresent(unit, forKey: .unit)
        try container.encode(isPublic, forKey: .isPublic)
        try container.encodeIfPresent(summary, forKey: .summary)
        try container.encode(parties, forKey: .parties)
        try container.encode(goals, forKey: .goals)
        try container.encode(activities, forKey: .activities)
        try container.encode(networks, forKey: .networks)
        try container.encodeIfPresent(text, forKey: .text)
        if !plans.isEmpty { try container.encode(plans, forKey: .plans) }
        if !commitments.isEmpty { try container.encode(commitments, forKey: .commitments) }
        if acceptsAccessions { try container.encode(true, forKey: .acceptsAccessions) }
    }
}
