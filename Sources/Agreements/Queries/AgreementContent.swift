import Core
import Foundation
import Organisation

/// An agreement as pages and the API show it: the spec with names resolved, its documents and its
/// history. `forPublic` leaves out what only the organisation's users see (the responsible person,
/// internal documents, who changed what).
public struct AgreementContent: Codable, Sendable, Equatable {
    public struct Party: Codable, Sendable, Equatable {
        /// The registry key, when the party is a registry organisation.
        public let organisation: String?
        /// True when the party is all members of the organisation.
        public let members: Bool?
        public let name: String
        public let note: String?
        public let signatory: String?
    }

    public struct Linked: Codable, Sendable, Equatable {
        public let document: String
        public let lineage: String
        /// The node's key in the document's newest public version.
        public let key: String
        public let level: String
        public let title: String
    }

    public struct Network: Codable, Sendable, Equatable {
        public let key: String
        public let name: String
    }

    public struct Document: Codable, Sendable, Equatable {
        public let id: String
        public let name: String
        public let contentType: String
        public let size: Int
        public let isPublic: Bool
        /// False when the organisation file this came from did not carry the bytes.
        public let available: Bool
        public let uploadedAt: String
    }

    /// A steering document of the organisation: the agreement's text, or a plan it carries.
    public struct DocumentLink: Codable, Sendable, Equatable {
        public let slug: String
        public let title: String
    }

    /// A commitment of the agreement's text, with the principle (the node above it) and who owes it.
    public struct Commitment: Codable, Sendable, Equatable {
        public let document: String
        public let lineage: String
        /// The node's key in the text's newest public version (its page's address).
        public let key: String
        public let text: String
        public let principleKey: String?
        public let principle: String?
        public let by: CommitmentBearer
        public let byLabel: String
    }

    public struct Change: Codable, Sendable, Equatable {
        public let revision: Int
        public let changedAt: String
        /// Who saved it; absent in public answers.
        public let changedBy: String?
        public let changes: [String]
    }

    public let key: String
    public let title: String
    public let kind: AgreementKind
    public let status: AgreementStatus
    public let startsOn: String?
    public let endsOn: String?
    /// The period in words: "2022–2030", "2023", "2023-03-01–2025-02-28".
    public let period: String?
    public let reviewOn: String?
    public let reviewer: String?
    public let unit: Network?
    public let isPublic: Bool
    public let summary: String?
    /// The document whose list of agreements it stands in, and the list's heading there.
    public let listedIn: String?
    public let listedInTitle: String?
    public let heading: String?
    public let parties: [Party]
    public let goals: [Linked]
    public let activities: [Linked]
    public let networks: [Network]
    public let documents: [Document]
    /// The document carrying the agreement's own text, the plans it carries, and who owes each commitment.
    public let text: DocumentLink?
    public let plans: [DocumentLink]
    public let commitments: [Commitment]
    /// Organisations may apply to join through the public form.
    public let acceptsAccessions: Bool
    public let revision: Int
    public let history: [Change]

    /// The period as a page writes it; whole years as years.
    public static func period(_ start: String?, _ end: String?) -> String? {
        switch (start, end) {
        case (nil, nil): return nil
        case (let start?, let end?) where start.hasSuffix("-01-01") && end.hasSuffix("-12-31"):
            let (from, to) = (start.prefix(4), end.prefix(4))
            return from == to ? String(from) : "\(from)–\(to)"
        case (let start?, let end?): return "\(start)–\(end)"
        case (let start?, nil): return "från \(start)"
        case (nil, let end?): return "till \(end)"
        }
    }

    /// Whether the agreement's period includes some day of `year`; nil when it states no period.
    public func covers(year: Int) -> Bool? {
        guard startsOn != nil || endsOn != nil else { return nil }
        let from = startsOn.flatMap { Int($0.prefix(4)) } ?? Int.min, to = endsOn.flatMap { Int($0.prefix(4)) } ?? Int.max
        return from <= year && year <= to
    }
}

extension AgreementContent {
    init(_ agreement: Agreement, catalogue: Catalogue, documents: [AgreementDocument], revisions: [AgreementRevision], forPublic: Bool) {
        let spec = agreement.spec
        key = agreement.key
        title = spec.title
        kind = spec.kind
        status = spec.status
        startsOn = spec.startsOn
        endsOn = spec.endsOn
        period = Self.period(spec.startsOn, spec.endsOn)
        reviewOn = spec.reviewOn
        reviewer = forPublic ? nil : spec.reviewer
        unit = spec.unit.flatMap { key in catalogue.units.first { $0.key == key }.map { Network(key: $0.key, name: $0.name) } }
        isPublic = spec.isPublic
        summary = spec.summary
        listedIn = agreement.listedIn
        listedInTitle = agreement.listedIn.flatMap { catalogue.documentTitles[$0] }
        heading = agreement.heading?.label
        parties = spec.parties.map { Party(organisation: $0.organisation, members: $0.members, name: catalogue.name(of: $0), note: $0.note, signatory: $0.signatory) }
        func linked(_ references: [AgreementSpec.NodeReference]) -> [Linked] {
            references.compactMap { reference in
                catalogue.node(reference).map { Linked(document: reference.document, lineage: reference.lineage, key: $0.key, level: $0.level, title: $0.title) }
            }
        }
        goals = linked(spec.goals)
        activities = linked(spec.activities)
        networks = spec.networks.compactMap { key in catalogue.networks.first { $0.key == key }.map { Network(key: $0.key, name: $0.name) } }
        self.documents = documents.filter { !forPublic || $0.isPublic }.map {
            Document(id: $0.id?.uuidString.lowercased() ?? "", name: $0.name, contentType: $0.contentType, size: $0.size, isPublic: $0.isPublic,
                     available: $0.stored, uploadedAt: ISO8601DateFormatter().string(from: $0.uploadedAt))
        }
        let link = { (slug: String) in DocumentLink(slug: slug, title: catalogue.documentTitles[slug] ?? slug) }
        text = spec.text.map(link)
        plans = spec.plans.map(link)
        commitments = Self.commitments(spec, catalogue: catalogue)
        acceptsAccessions = spec.acceptsAccessions
        revision = agreement.revision
        let sorted = revisions.sorted { $0.number < $1.number }
        history = sorted.enumerated().map { index, revision in
            let now = JSONColumn.decode(AgreementSpec.self, from: revision.specJSON, default: spec)
            let changes = index == 0 ? ["upprättat i registret"]
                : AgreementWork.changes(from: JSONColumn.decode(AgreementSpec.self, from: sorted[index - 1].specJSON, default: now), to: now)
            return Change(revision: revision.number, changedAt: ISO8601DateFormatter().string(from: revision.changedAt),
                          changedBy: forPublic ? nil : revision.changedBy, changes: changes)
        }.reversed()
    }
}

extension AgreementContent {
    /// The spec's commitments in the text's order, each with its principle.
    static func commitments(_ spec: AgreementSpec, catalogue: Catalogue) -> [Commitment] {
        guard let text = spec.text else { return [] }
        let bearers = Dictionary(spec.commitments.map { ($0.node, $0.by) }, uniquingKeysWith: { first, _ in first })
        let nodes = catalogue.nodes.filter { $0.reference.document == text }
        return nodes.compactMap { node in
            guard let by = bearers[node.reference.lineage] else { return nil }
            let principle = node.parentKey.flatMap { key in nodes.first { $0.key == key } }
            return Commitment(document: text, lineage: node.reference.lineage, key: node.key, text: node.title, principleKey: principle?.key,
                              principle: principle?.title, by: by, byLabel: by.label)
        }
    }

    /// Each registry party with the number of commitments it owes, for the agreement page.
    public func partyShares(_ catalogue: Catalogue) -> [(party: Party, count: Int)] {
        guard !commitments.isEmpty else { return [] }
        return parties.filter { $0.organisation != nil }.map { ($0, commitments(of: $0, catalogue: catalogue).count) }
    }

    /// The commitments a party owes, by the kind of organisation it is; none for a party only described.
    public func commitments(of party: Party, catalogue: Catalogue) -> [Commitment] {
        let spec = AgreementSpec.Party(organisation: party.organisation, members: party.members)
        let kinds = catalogue.kinds(of: spec)
        return commitments.filter { commitment in kinds.contains { commitment.by.binds($0) } }
    }
}
