import Auth
import Core
import Fluent
import FluentSQL
import Foundation
import Organisation
import ReferenceData
import Vapor

/// Writing plans: drafts, node edits, order, adoption. Every action runs in one transaction
/// with its audit entry; adopted versions are frozen, so only drafts change.
public enum PlanEditing {
    public enum Failure: DomainFailure, Equatable, CustomStringConvertible {
        case notADraft
        case notFound(String)
        /// A rule is broken; `field` names the form field it concerns, when one does.
        case invalid(String, field: String? = nil)
        /// Someone saved the node since this editor loaded it.
        case conflict(currentTitle: String, currentText: String, currentRevision: Int)
        case slugTaken(String)
        /// The document already has an open draft; there is at most one.
        case draftOpen(Int)

        public var description: String {
            switch self {
            case .notADraft: "only a draft can be changed; adopted versions are frozen"
            case .notFound(let what): "\(what) does not exist"
            case .invalid(let reason, _): reason
            case .conflict: "the node was changed by someone else since you opened it"
            case .slugTaken(let slug): "there is already a document \"\(slug)\""
            case .draftOpen(let number): "version \(number) is already an open draft; change it, or discard it first"
            }
        }

        public var swedish: String {
            switch self {
            case .notADraft: "Bara ett utkast kan ändras. En antagen version är låst; skapa en ny version för att ändra."
            case .notFound: "Det du försöker ändra finns inte."
            case .invalid(let reason, _): reason
            case .conflict: "Någon annan har sparat samma punkt sedan du öppnade den. Din text är inte sparad; jämför nedan och spara igen."
            case .slugTaken(let slug): "Det finns redan ett dokument med adressen \(slug)."
            case .draftOpen(let number): "Version \(number) är redan ett öppet utkast. Ändra det, eller kasta det först."
            }
        }
    }

    /// Copies a version into a new draft of the same document, numbered after the highest.
    static func newDraft(of document: SteeringDocument, from source: DocumentVersion, actor: AuditLog.Actor,
                                on db: any Database) async throws -> DocumentVersion {
        try await db.write { db in
            try await lockDocument(of: source, on: db)
            if let open = try await openDraft(of: document.requireID(), on: db) { throw Failure.draftOpen(open.number) }
            let highest = try await DocumentVersion.query(on: db).filter(\.$document.$id == document.requireID()).max(\.$number) ?? 0
            guard highest < DocumentLimits.versionNumbers.upperBound else {
                throw Failure.invalid("Dokumentet har redan \(DocumentLimits.versionNumbers.upperBound) versioner, det högsta antalet.")
            }
            let draft = try await copy(source, into: document.requireID(), number: highest + 1, title: source.title,
                                       period: (source.periodStart, source.periodEnd), leafFilter: { _ in true }, on: db)
            try await AuditLog.record("version.create", subject: "\(document.slug) version \(draft.number)", actor: actor,
                                      organisationID: document.$organisation.id, after: "draft copied from version \(source.number)", context: try await auditContext(draft, name: draft.title, item: nil, on: db), on: db)
            return draft
        }
    }

    /// A new document from another's version (next year's plan from this year's): its prose and
    /// tree, with the deepest level's nodes carried only while unfinished, as `carryOver` decides.
    static func copyDocument(_ source: DocumentVersion, of sourceDocument: SteeringDocument, slug: String, title: String,
                                    period: (Int?, Int?), carryOver: any CarryOverRule = RecordedStatusCarryOver(),
                                    actor: AuditLog.Actor, on db: any Database) async throws -> SteeringDocument {
        let organisationID = sourceDocument.$organisation.id
        try check(title, as: .title, limit: DocumentLimits.titleLength)
        try checkPeriod(period)
        if try await SteeringDocument.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$slug == slug).first() != nil {
            throw Failure.slugTaken(slug)
        }
        let leaves = try await PlanNode.query(on: db).filter(\.$version.$id == source.requireID())
            .filter(\.$levelIndex == source.levels.count - 1).all()
        let unfinished = try await carryOver.unfinished(leaves.map(PlanLeaf.init), of: VersionReference(source, of: sourceDocument), on: db)
        return try await db.write { db in
            let document = SteeringDocument(organisationID: organisationID, slug: slug, kind: sourceDocument.kind)
            try await document.create(on: db)
            _ = try await copy(source, into: document.requireID(), number: 1, title: title, period: period,
                               leafFilter: { $0.id.map(unfinished.contains) ?? false }, on: db)
            try await AuditLog.record("document.create", subject: slug, actor: actor, organisationID: organisationID,
                                      after: "draft copied from \(sourceDocument.slug) version \(source.number)", context: .init(name: title, document: slug, documentTitle: title, version: 1), on: db)
            return document
        }
    }

    /// A new, empty document: its first version is a draft with the level model the editor chose.
    static func createDocument(organisationID: UUID, slug: String, title: String, kind: DocumentKind, period: (Int?, Int?),
                                      levels: [String], actor: AuditLog.Actor, on db: any Database) async throws -> SteeringDocument {
        let levels = levels.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for level in levels { try check(level, as: .title, limit: 100) }
        guard !levels.isEmpty, Set(levels).count == levels.count, levels.count <= 6 else {
            throw Failure.invalid("Ange en till sex olika nivåer, till exempel Målområde, Mål, Nyckelaktivitet.")
        }
        guard !title.trimmingCharacters(in: .whitespaces).isEmpty else { throw Failure.invalid("Ange en titel.") }
        try check(title, as: .title, limit: DocumentLimits.titleLength)
        try checkPeriod(period)
        if try await SteeringDocument.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$slug == slug).first() != nil {
            throw Failure.slugTaken(slug)
        }
        return try await db.write { db in
            let document = SteeringDocument(organisationID: organisationID, slug: slug, kind: kind)
            try await document.create(on: db)
            let version = DocumentVersion()
            version.$document.id = try document.requireID()
            version.number = 1
            version.title = title.trimmingCharacters(in: .whitespaces)
            version.status = .draft
            version.periodStart = period.0
            version.periodEnd = period.1
            version.levels = levels
            try await version.create(on: db)
            // An annual report is prose and figures from elsewhere: it has no goal tree of its own.
            if kind != .verksamhetsberattelse {
                let tree = DocumentSection()
                tree.$version.id = try version.requireID()
                tree.position = 0
                tree.key = "innehall"
                tree.depth = 1
                tree.role = .goalTree
                tree.body = ""
                try await tree.create(on: db)
            }
            try await AuditLog.record("document.create", subject: slug, actor: actor, organisationID: organisationID,
                                      after: "new draft with levels \(levels.joined(separator: " → "))", context: .init(name: title, document: slug, documentTitle: title, version: 1), on: db)
            return document
        }
    }

    /// Refuses text that breaks Core's text rules, with the rule's Swedish message.
    static func check(_ text: String, as kind: TextRules.Kind, limit: Int? = nil, field: String? = nil) throws {
        if let problem = TextRules.problem(in: text, as: kind, limit: limit) { throw Failure.invalid(problem.swedish, field: field) }
    }

    /// A period's years lie within the bounds, and it ends no earlier than it starts.
    public static func checkPeriod(_ period: (Int?, Int?)) throws {
        for (year, field) in [(period.0, "periodStart"), (period.1, "periodEnd")] {
            if let year, !DocumentLimits.years.contains(year) {
                throw Failure.invalid("Ange år mellan \(DocumentLimits.years.lowerBound) och \(DocumentLimits.years.upperBound).", field: field)
            }
        }
        if let start = period.0, let end = period.1, end < start { throw Failure.invalid("Perioden slutar innan den börjar.", field: "periodEnd") }
    }

    static func copy(_ source: DocumentVersion, into documentID: UUID, number: Int, title: String, period: (Int?, Int?),
                     leafFilter: (PlanNode) -> Bool, on db: any Database) async throws -> DocumentVersion {
        let sourceID = try source.requireID()
        let draft = DocumentVersion()
        draft.$document.id = documentID
        draft.number = number
        draft.title = title
        draft.status = .draft
        draft.periodStart = period.0
        draft.periodEnd = period.1
        draft.levelsJSON = source.levelsJSON
        try await draft.create(on: db)
        let draftID = try draft.requireID()
        for section in try await DocumentSection.query(on: db).filter(\.$version.$id == sourceID).all() {
            let copy = DocumentSection()
            copy.$version.id = draftID
            copy.position = section.position
            copy.key = section.key
            copy.heading = section.heading
            copy.depth = section.depth
            copy.role = section.role
            copy.body = section.body
            try await copy.create(on: db)
        }
        let leafLevel = source.levels.count - 1
        let nodes = try await PlanNode.query(on: db).filter(\.$version.$id == sourceID).sort(\.$levelIndex).sort(\.$position).all()
        var newIDs: [UUID: UUID] = [:]
        for node in nodes where node.levelIndex < leafLevel || leafFilter(node) {
            guard node.$parent.id == nil || newIDs[node.$parent.id!] != nil else { continue }
            let copy = PlanNode()
            copy.id = UUID()
            copy.$version.id = draftID
            copy.$parent.id = node.$parent.id.flatMap { newIDs[$0] }
            copy.key = node.key
            copy.lineage = node.lineage ?? node.key
            copy.levelIndex = node.levelIndex
            copy.position = node.position
            copy.title = node.title
            copy.text = node.text
            copy.responsibleUnit = node.responsibleUnit
            copy.status = node.status
            copy.partnersJSON = node.partnersJSON
            copy.networksJSON = node.networksJSON
            copy.strategiesJSON = node.strategiesJSON
            copy.implementsJSON = node.implementsJSON
            copy.revision = 1
            try await copy.create(on: db)
            newIDs[node.id!] = copy.id
        }
        for link in try await Agenda2030Link.query(on: db).filter(\.$version.$id == sourceID).all() {
            if let node = link.$node.id, newIDs[node] == nil { continue }
            let copy = Agenda2030Link()
            copy.$version.id = draftID
            copy.$node.id = link.$node.id.flatMap { newIDs[$0] }
            copy.position = link.position
            copy.code = link.code
            copy.role = link.role
            copy.explanation = link.explanation
            copy.interpreted = link.interpreted
            try await copy.create(on: db)
        }
        return draft
    }

    /// The node, when it belongs to a draft.
    static func draftNode(_ nodeID: UUID, on db: any Database) async throws -> PlanNode {
        guard let node = try await PlanNode.query(on: db).filter(\.$id == nodeID).with(\.$version).first() else { throw Failure.notFound("node") }
        try await lockDocument(of: node.version, on: db)
        guard try await DocumentVersion.find(node.version.requireID(), on: db)?.status == .draft else { throw Failure.notADraft }
        return node
    }

    /// Inside a write transaction: takes the document's lock, then checks that `version` is
    /// still a draft as the database has it now, not as the caller read it. A concurrent
    /// adoption commits either before (and this refuses) or after (and waits for this).
    static func requireDraft(_ version: DocumentVersion, on db: any Database) async throws {
        try await lockDocument(of: version, on: db)
        guard try await DocumentVersion.find(version.requireID(), on: db)?.status == .draft else { throw Failure.notADraft }
    }

    /// Locks the version's document row until the transaction ends (on PostgreSQL a row lock that
    /// concurrent writes to the same document wait for; SQLite has one writer anyway), so edits,
    /// new versions and adoptions of one document happen one after another.
    static func lockDocument(of version: DocumentVersion, on db: any Database) async throws {
        try await (db as! any SQLDatabase).update(SteeringDocument.schema)
            .set(SQLIdentifier("slug"), to: SQLIdentifier("slug"))
            .where("id", .equal, version.$document.id)
            .run()
    }

    /// One conditional UPDATE that also bumps the revision, only when it is still `expectedRevision`.
    /// Returns the new revision, or throws `conflict` with what is saved now.
    static func conditionalUpdate(_ nodeID: UUID, expectedRevision: Int, on db: any Database,
                                  set fields: (SQLUpdateBuilder) -> SQLUpdateBuilder) async throws -> Int {
        let update = (db as! any SQLDatabase).update(PlanNode.schema)
        let updated = try await fields(update)
            .set(SQLIdentifier("revision"), to: SQLBinaryExpression(left: SQLIdentifier("revision"), op: SQLBinaryOperator.add, right: SQLLiteral.numeric("1")))
            .where("id", .equal, nodeID)
            .where("revision", .equal, expectedRevision)
            .returning("revision")
            .all()
        guard let row = updated.first else {
            guard let current = try await PlanNode.find(nodeID, on: db) else { throw Failure.notFound("node") }
            throw Failure.conflict(currentTitle: current.title, currentText: current.text, currentRevision: current.revision)
        }
        return try row.decode(column: "revision", as: Int.self)
    }

    /// The names the version shows today for every partner and network its nodes point at.
    static func namesToFreeze(_ version: DocumentVersion, organisationID: UUID, on db: any Database) async throws -> [String: String] {
        let nodes = try await PlanNode.query(on: db).filter(\.$version.$id == version.requireID()).all()
        return try await DocumentQuery.liveNames(nodes, organisationID: organisationID, on: db)
    }

    /// Adds a node under `parentKey` (or at the top), one level below its parent, last among its siblings.
    @discardableResult
    static func addNode(to version: DocumentVersion, parentKey: String?, title: String, actor: AuditLog.Actor,
                               organisationID: UUID, on db: any Database) async throws -> PlanNode {
        guard version.status == .draft else { throw Failure.notADraft }
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw Failure.invalid("Ange en titel.") }
        try check(title, as: .title)
        let versionID = try version.requireID()
        return try await db.write { db in
            try await requireDraft(version, on: db)
            let siblings: [PlanNode]
            let parent: PlanNode?
            if let parentKey {
                guard let found = try await PlanNode.query(on: db).filter(\.$version.$id == versionID).filter(\.$key == parentKey).first() else {
                    throw Failure.notFound("node \(parentKey)")
                }
                guard found.levelIndex + 1 < version.levels.count else { throw Failure.invalid("Under den nivån finns ingen nivå till; lägg till på en högre nivå.") }
                parent = found
                siblings = try await PlanNode.query(on: db).filter(\.$parent.$id == found.requireID()).all()
            } else {
                parent = nil
                siblings = try await PlanNode.query(on: db).filter(\.$version.$id == versionID).filter(\.$parent.$id == nil).all()
            }
            let taken = Set(try await PlanNode.query(on: db).filter(\.$version.$id == versionID).all().map(\.key))
            let base = Slug.make(from: title).isEmpty ? Glossary.item : Slug.make(from: title)
            var key = base, suffix = 2
            while taken.contains(key) { key = "\(base)-\(suffix)"; suffix += 1 }
            let node = PlanNode()
            node.$version.id = versionID
            node.$parent.id = parent?.id
            node.key = key
            node.lineage = key
            node.levelIndex = (parent?.levelIndex ?? -1) + 1
            node.position = (siblings.map(\.position).max() ?? -1) + 1
            node.title = title
            node.text = ""
            node.partnersJSON = "[]"
            node.networksJSON = "[]"
            node.strategiesJSON = "[]"
            node.implementsJSON = "[]"
            node.revision = 1
            try await node.create(on: db)
            try await AuditLog.record("node.create", subject: "node \(key) in version \(version.number)", actor: actor,
                                      organisationID: organisationID, after: title, context: try await auditContext(version, name: title, item: key, on: db), on: db)
            return node
        }
    }

    public enum Direction: String, Codable, CaseIterable, Sendable { case up, down }

    /// Swaps a node with its neighbour among its siblings.
    static func reorder(_ key: String, in version: DocumentVersion, direction: Direction, actor: AuditLog.Actor,
                               organisationID: UUID, on db: any Database) async throws {
        guard version.status == .draft else { throw Failure.notADraft }
        let versionID = try version.requireID()
        try await db.write { db in
            try await requireDraft(version, on: db)
            guard let node = try await PlanNode.query(on: db).filter(\.$version.$id == versionID).filter(\.$key == key).first() else {
                throw Failure.notFound("node \(key)")
            }
            let siblings = try await PlanNode.query(on: db).filter(\.$version.$id == versionID).all()
                .filter { $0.$parent.id == node.$parent.id }.sorted { $0.position < $1.position }
            guard let index = siblings.firstIndex(where: { $0.id == node.id }) else { return }
            let target = direction == .up ? index - 1 : index + 1
            guard siblings.indices.contains(target) else { return }
            let other = siblings[target]
            (node.position, other.position) = (other.position, node.position)
            if node.position == other.position { node.position += direction == .up ? -1 : 1 }
            try await node.update(on: db)
            try await other.update(on: db)
            try await AuditLog.record("node.reorder", subject: "node \(key) in version \(version.number)", actor: actor,
                                      organisationID: organisationID, before: "place \(index + 1)", after: "place \(target + 1)", context: try await auditContext(version, name: node.title, item: node.lineage ?? key, on: db), on: db)
        }
    }

    /// Moves a node (with everything under it) to another parent one level up, last among its new siblings.
    static func move(_ key: String, in version: DocumentVersion, toParent parentKey: String, actor: AuditLog.Actor,
                            organisationID: UUID, on db: any Database) async throws {
        guard version.status == .draft else { throw Failure.notADraft }
        let versionID = try version.requireID()
        try await db.write { db in
            try await requireDraft(version, on: db)
            let nodes = try await PlanNode.query(on: db).filter(\.$version.$id == versionID).all()
            guard let node = nodes.first(where: { $0.key == key }), let parent = nodes.first(where: { $0.key == parentKey }) else {
                throw Failure.notFound("node")
            }
            guard parent.levelIndex == node.levelIndex - 1 else { throw Failure.invalid("Den kan bara ligga under något på nivån ovanför.") }
            let oldParent = nodes.first { $0.id == node.$parent.id }
            node.$parent.id = parent.id
            node.position = (nodes.filter { $0.$parent.id == parent.id }.map(\.position).max() ?? -1) + 1
            try await node.update(on: db)
            try await AuditLog.record("node.move", subject: "node \(key) in version \(version.number)", actor: actor, organisationID: organisationID,
                                      before: oldParent?.title, after: parent.title, context: try await auditContext(version, name: node.title, item: node.lineage ?? key, on: db), on: db)
        }
    }

    /// Removes a node and everything under it from a draft.
    static func remove(_ key: String, in version: DocumentVersion, actor: AuditLog.Actor, organisationID: UUID,
                              on db: any Database) async throws {
        guard version.status == .draft else { throw Failure.notADraft }
        let versionID = try version.requireID()
        try await db.write { db in
            try await requireDraft(version, on: db)
            let nodes = try await PlanNode.query(on: db).filter(\.$version.$id == versionID).all()
            guard let node = nodes.first(where: { $0.key == key }) else { throw Failure.notFound("node \(key)") }
            var doomed: [UUID] = [node.id!]
            var frontier = [node.id!]
            while !frontier.isEmpty {
                let children = nodes.filter { child in child.$parent.id.map(frontier.contains) ?? false }.compactMap(\.id)
                doomed += children
                frontier = children
            }
            try await Agenda2030Link.query(on: db).filter(\.$node.$id ~~ doomed).delete()
            for id in doomed.reversed() { try await PlanNode.query(on: db).filter(\.$id == id).delete() }
            try await AuditLog.record("node.delete", subject: "node \(key) in version \(version.number)", actor: actor,
                                      organisationID: organisationID, before: node.title, after: nil, context: try await auditContext(version, name: node.title, item: node.lineage ?? key, on: db), on: db)
        }
    }

    /// The rules of an adoption's record: who decided, a date that exists, a reference in plain text.
    public static func checkAdoption(body: String, date: String, reference: String) throws {
        guard !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw Failure.invalid("Ange vilket organ som antog dokumentet.", field: "body") }
        try check(body, as: .title, field: "body")
        guard CalendarDate.isValid(date) else { throw Failure.invalid("Ange ett datum som finns, som ÅÅÅÅ-MM-DD.", field: "date") }
        try check(reference, as: .title, field: "reference")
    }

    /// Adopts a draft: records body, date and decision; the previously adopted version is superseded.
    static func adopt(_ version: DocumentVersion, body: String, date: String, reference: String, actor: AuditLog.Actor,
                             organisationID: UUID, hooks: [AdoptionHook] = [], on db: any Database) async throws {
        guard version.status == .draft else { throw Failure.notADraft }
        try checkAdoption(body: body, date: date, reference: reference)
        let body = body.trimmingCharacters(in: .whitespacesAndNewlines), reference = reference.trimmingCharacters(in: .whitespacesAndNewlines)
        let frozen = try await namesToFreeze(version, organisationID: organisationID, on: db)
        try await db.write { db in
            try await requireDraft(version, on: db)
            version.frozenNamesJSON = JSONColumn.encode(frozen)
            try await DocumentVersion.query(on: db)
                .filter(\.$document.$id == version.$document.id)
                .filter(\.$status == .adopted)
                .set(\.$status, to: .superseded)
                .update()
            version.status = .adopted
            version.adoptedBy = body
            version.adoptedOn = date
            version.decisionReference = reference.isEmpty ? nil : reference
            try await version.update(on: db)
            if !hooks.isEmpty {
                let reference = VersionReference(version, of: try await version.$document.get(on: db))
                for hook in hooks { try await hook(reference, db) }
            }
            try await AuditLog.record("version.adopt", subject: "version \(version.number)", actor: actor, organisationID: organisationID,
                                      before: "draft", after: "adopted by \(body) on \(date)\(reference.isEmpty ? "" : ", \(reference)")", context: try await auditContext(version, name: version.title, item: nil, on: db), on: db)
        }
    }

    /// Records one more body's decision on a version already adopted: an agreement is decided on by
    /// each of its parties. The date and reference may be unknown; a body named twice is refused.
    static func recordFurtherAdoption(_ version: DocumentVersion, _ adoption: Adoption, actor: AuditLog.Actor,
                                             organisationID: UUID, on db: any Database) async throws {
        guard version.status != .draft else {
            throw Failure.invalid("Anta versionen först; därefter kan fler organs beslut läggas till.", field: "body")
        }
        let body = adoption.body.trimmingCharacters(in: .whitespacesAndNewlines)
        let date = adoption.adoptedOn?.trimmingCharacters(in: .whitespaces) ?? "", reference = adoption.decisionReference?.trimmingCharacters(in: .whitespaces) ?? ""
        guard !body.isEmpty else { throw Failure.invalid("Ange vilket organ som antog dokumentet.", field: "body") }
        try check(body, as: .title, field: "body")
        guard date.isEmpty || CalendarDate.isValid(date) else { throw Failure.invalid("Ange ett datum som finns, som ÅÅÅÅ-MM-DD, eller lämna fältet tomt.", field: "date") }
        try check(reference, as: .title, field: "reference")
        let known = [version.adoptedBy].compactMap { $0 } + version.furtherAdoptions.map(\.body)
        guard !known.contains(where: { $0.compare(body, options: [.caseInsensitive]) == .orderedSame }) else {
            throw Failure.invalid("\(body) finns redan bland besluten om versionen.", field: "body")
        }
        let recorded = Adoption(body: body, adoptedOn: date.isEmpty ? nil : date, decisionReference: reference.isEmpty ? nil : reference)
        try await db.write { db in
            version.furtherAdoptions.append(recorded)
            try await version.update(on: db)
            try await AuditLog.record("version.adopt.further", subject: "version \(version.number)", actor: actor, organisationID: organisationID,
                                      before: nil, after: "also adopted by \(body)" + (date.isEmpty ? "" : " on \(date)") + (reference.isEmpty ? "" : ", \(reference)"),
                                      context: try await auditContext(version, name: version.title, item: nil, on: db), on: db)
        }
    }
}

extension PlanEditing.Failure {
    /// As the API answers: a stale ETag is a failed precondition; the rest as the page says it.
    public var status: HTTPResponseStatus {
        switch self {
        case .notADraft, .slugTaken, .draftOpen: .conflict
        case .conflict: .preconditionFailed
        case .notFound: .notFound
        case .invalid: .unprocessableEntity
        }
    }

    public var english: String {
        switch self {
        case .invalid(let reason, let field): field.map { "\($0): \(reason)" } ?? reason
        case .conflict: "the node has changed since that ETag; GET it again"
        default: description
        }
    }

    public var field: String? {
        switch self {
        case .invalid(_, let field): field
        case .slugTaken: "slug"
        default: nil
        }
    }
}
