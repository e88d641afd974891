import Auth
import Core
import Fluent
import FluentSQL
import Foundation
import Organisation
import ReferenceData

/// Saving one node: its title and text, its facts and its place, in one transaction under the
/// node's revision. The editor's page saves all of these with one form; the API saves parts.
extension PlanEditing {
    /// The statuses a node can have (the glossary's); "unfinished" is any but done or cancelled.
    public static var statuses: [(value: String, label: String)] { Glossary.statuses }

    public struct Facts: Sendable, Equatable {
        public var responsibleUnit: String?
        public var status: String?
        public var partners: [String]
        public var networks: [String]
        public var strategies: [String]
        public var agenda: [Agenda2030Code]

        public init(responsibleUnit: String?, status: String?, partners: [String], networks: [String], strategies: [String],
                    agenda: [Agenda2030Code]) {
            self.responsibleUnit = responsibleUnit
            self.status = status
            self.partners = partners
            self.networks = networks
            self.strategies = strategies
            self.agenda = agenda
        }

        func keepingOrder(of saved: Facts) -> Facts {
            Facts(responsibleUnit: responsibleUnit, status: status, partners: ordered(partners, like: saved.partners),
                  networks: ordered(networks, like: saved.networks), strategies: ordered(strategies, like: saved.strategies),
                  agenda: ordered(agenda, like: saved.agenda))
        }
    }

    /// Lists in the order `saved` has them, what is new after.
    static func ordered<T: Equatable>(_ submitted: [T], like saved: [T]) -> [T] {
        saved.filter(submitted.contains) + submitted.filter { !saved.contains($0) }
    }

    public struct Agenda2030Code: Sendable, Hashable {
        public let code: String
        public let role: Agenda2030Role
        public init(code: String, role: Agenda2030Role) {
            self.code = code
            self.role = role
        }
    }

    /// What a save changes; nil leaves that part as it is. Text comes with the line breaks a
    /// browser sends (CR LF) made plain, so an unchanged text is the same text.
    public struct NodeChanges: Sendable {
        public var title: String?
        public var text: String?
        public var facts: Facts?
        /// The key of the new parent, one level up.
        public var parent: String?
        public init(title: String? = nil, text: String? = nil, facts: Facts? = nil, parent: String? = nil) {
            self.title = title
            self.text = text.map(TextRules.plainLineBreaks)
            self.facts = facts
            self.parent = parent
        }
    }

    /// The registry keys, network keys and unit names this organisation's nodes can point at.
    /// What a node points at already stays allowed, so a save never drops what a form cannot show.
    public struct FactTargets: Sendable {
        public let partners: Set<String>
        public let networks: Set<String>
        public let units: Set<String>
        public init(partners: Set<String>, networks: Set<String>, units: Set<String>) {
            self.partners = partners
            self.networks = networks
            self.units = units
        }
    }

    /// Saves a node's title and text if nobody saved it since `expectedRevision`. Returns the new revision.
    public static func updateNode(_ nodeID: UUID, expectedRevision: Int, title: String, text: String, actor: AuditLog.Actor,
                                  organisationID: UUID, on db: any Database) async throws -> Int {
        try await save(nodeID, expectedRevision: expectedRevision, NodeChanges(title: title, text: text), targets: nil,
                       actor: actor, organisationID: organisationID, on: db)
    }

    /// Saves a node's facts under the same revision rule as its text.
    public static func updateFacts(_ nodeID: UUID, expectedRevision: Int, facts: Facts, targets: FactTargets, actor: AuditLog.Actor,
                                   organisationID: UUID, on db: any Database) async throws -> Int {
        try await save(nodeID, expectedRevision: expectedRevision, NodeChanges(facts: facts), targets: targets,
                       actor: actor, organisationID: organisationID, on: db)
    }

    /// The one save: checks every part, then writes what differs with one conditional UPDATE
    /// (never read-then-write) and an audit entry per part. A save that changes nothing writes
    /// nothing and keeps the revision.
    public static func save(_ nodeID: UUID, expectedRevision: Int, _ changes: NodeChanges, targets: FactTargets?, actor: AuditLog.Actor,
                            organisationID: UUID, on db: any Database) async throws -> Int {
        let title = changes.title?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let title {
            guard !title.isEmpty else { throw Failure.invalid("Titeln får inte vara tom.", field: "title") }
            try check(title, as: .title, field: "title")
        }
        if let text = changes.text {
            try check(text, as: .text, field: "text")
            guard text.count <= 100_000 else { throw Failure.invalid("Texten är för lång (högst 100 000 tecken).", field: "text") }
        }
        return try await db.write { db in
            let node = try await draftNode(nodeID, on: db)
            let links = try await Agenda2030Link.query(on: db).filter(\.$node.$id == nodeID).sort(\.$position).all()
            let before = facts(of: node, links: links)
            // Lists keep their saved order; what is added comes last. A form lists them in its own order.
            let submitted = changes.facts.map { $0.keepingOrder(of: before) }
            if let submitted { try await checkFacts(submitted, of: node, targets: targets, on: db) }
            let newParent = try await parentChange(of: node, to: changes.parent, on: db)
            let textChanged = (title.map { $0 != node.title } ?? false) || (changes.text.map { $0 != node.text } ?? false)
            let factsChanged = submitted.map { $0 != before } ?? false
            guard textChanged || factsChanged || newParent != nil else {
                guard node.revision == expectedRevision else {
                    throw Failure.conflict(currentTitle: node.title, currentText: node.text, currentRevision: node.revision)
                }
                return node.revision
            }
            let revision = try await conditionalUpdate(nodeID, expectedRevision: expectedRevision, on: db) { update in
                var update = update
                if textChanged { update = update.set("title", to: title ?? node.title).set("text", to: changes.text ?? node.text) }
                if let facts = submitted, factsChanged {
                    update = update.set("responsible_unit", to: facts.responsibleUnit).set("status", to: facts.status)
                        .set("partners", to: JSONColumn.encode(facts.partners)).set("networks", to: JSONColumn.encode(facts.networks))
                        .set("strategies", to: JSONColumn.encode(facts.strategies))
                }
                if let (parent, position) = newParent { update = update.set("parent_id", to: parent.id).set("position", to: position) }
                return update
            }
            let subject = "node \(node.key) in version \(node.version.number)"
            if textChanged {
                try await AuditLog.record("node.update", subject: subject, actor: actor, organisationID: organisationID,
                                          before: "\(node.title)\n\n\(node.text)", after: "\(title ?? node.title)\n\n\(changes.text ?? node.text)", context: try await auditContext(node.version, name: title ?? node.title, item: node.lineage ?? node.key, on: db), on: db)
            }
            if let facts = submitted, factsChanged {
                try await replaceAgenda(of: node, with: facts.agenda, keeping: links, on: db)
                try await AuditLog.record("node.facts", subject: subject, actor: actor, organisationID: organisationID,
                                          before: summary(before), after: summary(facts), context: try await auditContext(node.version, name: node.title, item: node.lineage ?? node.key, on: db), on: db)
            }
            if let (parent, _) = newParent {
                let old = try await node.$parent.get(on: db)
                try await AuditLog.record("node.move", subject: subject, actor: actor, organisationID: organisationID,
                                          before: old?.title, after: parent.title, context: try await auditContext(node.version, name: node.title, item: node.lineage ?? node.key, on: db), on: db)
            }
            return revision
        }
    }

    static func facts(of node: PlanNode, links: [Agenda2030Link]) -> Facts {
        Facts(responsibleUnit: node.responsibleUnit, status: node.status,
              partners: JSONColumn.decode([String].self, from: node.partnersJSON, default: []),
              networks: JSONColumn.decode([String].self, from: node.networksJSON, default: []),
              strategies: JSONColumn.decode([String].self, from: node.strategiesJSON, default: []),
              agenda: links.map { Agenda2030Code(code: $0.code, role: $0.role) })
    }

    static func summary(_ facts: Facts) -> String {
        "unit \(facts.responsibleUnit ?? "–"), status \(facts.status ?? "–"), partners \(facts.partners), networks \(facts.networks), "
            + "strategies \(facts.strategies), Agenda 2030 \(facts.agenda.map { "\($0.code) \($0.role.rawValue)" })"
    }

    /// Refuses facts that point at what the organisation does not have; what the node points
    /// at already is always allowed.
    static func checkFacts(_ facts: Facts, of node: PlanNode, targets: FactTargets?, on db: any Database) async throws {
        let current = Self.facts(of: node, links: [])
        if let status = facts.status, !statuses.contains(where: { $0.value == status }) { throw Failure.invalid("Okänd status.", field: "status") }
        if let targets {
            if let unit = facts.responsibleUnit, unit != current.responsibleUnit, !targets.units.contains(unit) {
                throw Failure.invalid("Okänd enhet: \(unit).", field: "unit")
            }
            let partners = targets.partners.union(current.partners), networks = targets.networks.union(current.networks)
            if let partner = facts.partners.first(where: { !partners.contains($0) }) { throw Failure.invalid("Okänd samarbetspart: \(partner).", field: "partners") }
            if let network = facts.networks.first(where: { !networks.contains($0) }) { throw Failure.invalid("Okänt nätverk: \(network).", field: "networks") }
        }
        if let code = facts.agenda.first(where: { !Agenda2030.isKnown($0.code) }) {
            throw Failure.invalid("\(code.code) är inget mål eller delmål i Agenda 2030.", field: code.role == .primary ? "primary" : "secondary")
        }
        let strategyKeys = Set(try await DocumentSection.query(on: db).filter(\.$version.$id == node.$version.id).filter(\.$role == .strategy).all().map(\.key))
        if let strategy = facts.strategies.first(where: { !strategyKeys.contains($0) }) { throw Failure.invalid("Okänd strategi: \(strategy).", field: "strategies") }
    }

    /// The new parent and the node's place under it, when `key` names another parent than the current one.
    static func parentChange(of node: PlanNode, to key: String?, on db: any Database) async throws -> (parent: PlanNode, position: Int)? {
        guard let key else { return nil }
        let versionID = node.$version.id
        guard let parent = try await PlanNode.query(on: db).filter(\.$version.$id == versionID).filter(\.$key == key).first() else {
            throw Failure.invalid("Det valda målet finns inte i utkastet.", field: "parent")
        }
        guard parent.id != node.$parent.id else { return nil }
        guard parent.levelIndex == node.levelIndex - 1 else { throw Failure.invalid("Den kan bara ligga under något på nivån ovanför.", field: "parent") }
        let last = try await PlanNode.query(on: db).filter(\.$parent.$id == parent.requireID()).max(\.$position) ?? -1
        return (parent, last + 1)
    }

    /// Replaces a node's Agenda 2030 links, keeping the explanation and place of every link that stays.
    static func replaceAgenda(of node: PlanNode, with codes: [Agenda2030Code], keeping links: [Agenda2030Link], on db: any Database) async throws {
        let wanted = Set(codes.map { "\($0.code) \($0.role.rawValue)" })
        for link in links where !wanted.contains("\(link.code) \(link.role.rawValue)") { try await link.delete(on: db) }
        let kept = Set(links.map { "\($0.code) \($0.role.rawValue)" })
        var position = (links.map(\.position).max() ?? 999) + 1
        for entry in codes where !kept.contains("\(entry.code) \(entry.role.rawValue)") {
            let link = Agenda2030Link()
            link.$version.id = node.$version.id
            link.$node.id = try node.requireID()
            link.position = position
            link.code = entry.code
            link.role = entry.role
            link.explanation = ""
            try await link.create(on: db)
            position += 1
        }
    }
}
