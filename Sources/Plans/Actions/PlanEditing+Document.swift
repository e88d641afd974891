import Auth
import Core
import Fluent
import Foundation
import Organisation

/// Writing a draft's own parts: its title and period, its prose sections, and the draft as a
/// whole (at most one open draft per document; a draft can be discarded).
extension PlanEditing {
    /// The document's open draft, if it has one.
    static func openDraft(of documentID: UUID, on db: any Database) async throws -> DocumentVersion? {
        try await DocumentVersion.query(on: db).filter(\.$document.$id == documentID).filter(\.$status == .draft).first()
    }

    /// Sets a draft's title and period. Returns false when nothing differed (and nothing was written).
    @discardableResult
    static func updateDetails(_ version: DocumentVersion, title: String, period: (Int?, Int?), actor: AuditLog.Actor,
                                     organisationID: UUID, on db: any Database) async throws -> Bool {
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw Failure.invalid("Ange en titel.", field: "title") }
        try check(title, as: .title, limit: DocumentLimits.titleLength, field: "title")
        try checkPeriod(period)
        return try await db.write { db in
            try await requireDraft(version, on: db)
            guard let row = try await DocumentVersion.find(version.requireID(), on: db) else { throw Failure.notFound("version") }
            guard row.title != title || row.periodStart != period.0 || row.periodEnd != period.1 else { return false }
            let before = "\(row.title) (\(periodText(row.periodStart, row.periodEnd)))"
            row.title = title
            row.periodStart = period.0
            row.periodEnd = period.1
            try await row.update(on: db)
            try await AuditLog.record("version.details", subject: "version \(row.number)", actor: actor, organisationID: organisationID,
                                      before: before, after: "\(title) (\(periodText(period.0, period.1)))", context: try await auditContext(row, name: title, item: nil, on: db), on: db)
            return true
        }
    }

    static func periodText(_ start: Int?, _ end: Int?) -> String {
        switch (start, end) {
        case let (start?, end?): start == end ? "\(start)" : "\(start)–\(end)"
        case let (start?, nil): "från \(start)"
        case let (nil, end?): "till \(end)"
        default: "ingen period"
        }
    }

    /// Removes a draft and everything in it. Adopted and superseded versions cannot be removed.
    static func discard(_ version: DocumentVersion, actor: AuditLog.Actor, organisationID: UUID, on db: any Database) async throws {
        try await db.write { db in
            try await requireDraft(version, on: db)
            let versionID = try version.requireID()
            let others = try await DocumentVersion.query(on: db).filter(\.$document.$id == version.$document.id).filter(\.$id != versionID).count()
            guard others > 0 else {
                throw Failure.invalid("Det här är dokumentets enda version. Ett dokument utan antagen version kan inte ha sitt utkast kastat; ändra utkastet i stället.")
            }
            try await Agenda2030Link.query(on: db).filter(\.$version.$id == versionID).delete()
            let nodes = try await PlanNode.query(on: db).filter(\.$version.$id == versionID).sort(\.$levelIndex, .descending).all()
            for node in nodes { try await node.delete(on: db) }
            try await DocumentSection.query(on: db).filter(\.$version.$id == versionID).delete()
            try await DocumentVersion.query(on: db).filter(\.$id == versionID).delete()
            try await AuditLog.record("version.discard", subject: "version \(version.number)", actor: actor, organisationID: organisationID,
                                      before: "draft \(version.title)", after: nil, context: try await auditContext(version, name: version.title, item: nil, on: db), on: db)
        }
    }

    /// A prose section as typed: heading (optional), body in the Markdown subset, heading depth 1–3.
    public struct SectionInput: Sendable, Equatable {
        public let heading: String?
        public let body: String
        public let depth: Int
        public init(heading: String?, body: String, depth: Int) {
            self.heading = (heading?.trimmingCharacters(in: .whitespacesAndNewlines)).nonEmpty
            self.body = TextRules.plainLineBreaks(body)
            self.depth = depth
        }

        func check() throws {
            if let heading { try PlanEditing.check(heading, as: .title, limit: DocumentLimits.titleLength, field: "heading") }
            try PlanEditing.check(body, as: .text, field: "body")
            guard body.count <= 200_000 else { throw Failure.invalid("Texten är för lång (högst 200 000 tecken).", field: "body") }
            guard (1...3).contains(depth) else { throw Failure.invalid("Välj rubriknivå 1, 2 eller 3.", field: "depth") }
            guard heading != nil || !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw Failure.invalid("Ange en rubrik eller en text.", field: "heading")
            }
        }
    }

    /// Adds a prose section last in the draft. Returns its key.
    static func addSection(to version: DocumentVersion, _ input: SectionInput, actor: AuditLog.Actor, organisationID: UUID,
                                  on db: any Database) async throws -> String {
        try input.check()
        return try await db.write { db in
            try await requireDraft(version, on: db)
            let versionID = try version.requireID()
            let sections = try await DocumentSection.query(on: db).filter(\.$version.$id == versionID).all()
            let taken = Set(sections.map(\.key))
            let base = Optional(Slug.make(from: input.heading ?? "avsnitt")).nonEmpty ?? "avsnitt"
            var key = base, suffix = 2
            while taken.contains(key) { key = "\(base)-\(suffix)"; suffix += 1 }
            let section = DocumentSection()
            section.$version.id = versionID
            section.position = (sections.map(\.position).max() ?? -1) + 1
            section.key = key
            section.heading = input.heading
            section.depth = input.depth
            section.body = input.body
            try await section.create(on: db)
            try await AuditLog.record("section.create", subject: "section \(key) in version \(version.number)", actor: actor,
                                      organisationID: organisationID, after: sectionText(input.heading, input.body), context: try await auditContext(version, name: input.heading ?? key, item: "avsnitt:\(key)", on: db), on: db)
            return key
        }
    }

    /// Saves a section's heading, text and depth. Returns false when nothing differed.
    @discardableResult
    static func updateSection(_ key: String, in version: DocumentVersion, _ input: SectionInput, actor: AuditLog.Actor,
                                     organisationID: UUID, on db: any Database) async throws -> Bool {
        try input.check()
        return try await db.write { db in
            try await requireDraft(version, on: db)
            let section = try await section(key, in: version, on: db)
            guard section.heading != input.heading || section.body != input.body || section.depth != input.depth else { return false }
            let before = sectionText(section.heading, section.body)
            section.heading = input.heading
            section.body = input.body
            section.depth = input.depth
            try await section.update(on: db)
            try await AuditLog.record("section.update", subject: "section \(key) in version \(version.number)", actor: actor,
                                      organisationID: organisationID, before: before, after: sectionText(input.heading, input.body), context: try await auditContext(version, name: input.heading ?? key, item: "avsnitt:\(key)", on: db), on: db)
            return true
        }
    }

    /// Swaps a section with its neighbour.
    static func reorderSection(_ key: String, in version: DocumentVersion, direction: Direction, actor: AuditLog.Actor,
                                      organisationID: UUID, on db: any Database) async throws {
        try await db.write { db in
            try await requireDraft(version, on: db)
            let sections = try await DocumentSection.query(on: db).filter(\.$version.$id == version.requireID()).sort(\.$position).all()
            guard let index = sections.firstIndex(where: { $0.key == key }) else { throw Failure.notFound("section \(key)") }
            let target = direction == .up ? index - 1 : index + 1
            guard sections.indices.contains(target) else { return }
            let (section, other) = (sections[index], sections[target])
            (section.position, other.position) = (other.position, section.position)
            try await section.update(on: db)
            try await other.update(on: db)
            try await AuditLog.record("section.reorder", subject: "section \(key) in version \(version.number)", actor: actor,
                                      organisationID: organisationID, before: "place \(index + 1)", after: "place \(target + 1)", context: try await auditContext(version, name: section.heading ?? key, item: "avsnitt:\(key)", on: db), on: db)
        }
    }

    /// Removes a prose section. The goal tree's place cannot be removed, nor a strategy that nodes point at.
    static func removeSection(_ key: String, in version: DocumentVersion, actor: AuditLog.Actor, organisationID: UUID,
                                     on db: any Database) async throws {
        try await db.write { db in
            try await requireDraft(version, on: db)
            let section = try await section(key, in: version, on: db)
            if section.role == .goalTree { throw Failure.invalid("Målträdets plats i dokumentet kan inte tas bort.") }
            if section.role == .strategy {
                let users = try await PlanNode.query(on: db).filter(\.$version.$id == version.requireID()).all()
                    .filter { JSONColumn.decode([String].self, from: $0.strategiesJSON, default: []).contains(key) }
                if !users.isEmpty {
                    throw Failure.invalid("Strategin används av \(users.count) nyckelaktiviteter eller mål. Ta bort kopplingen från dem först.")
                }
            }
            try await section.delete(on: db)
            try await AuditLog.record("section.delete", subject: "section \(key) in version \(version.number)", actor: actor,
                                      organisationID: organisationID, before: sectionText(section.heading, section.body), after: nil, context: try await auditContext(version, name: section.heading ?? key, item: "avsnitt:\(key)", on: db), on: db)
        }
    }

    static func section(_ key: String, in version: DocumentVersion, on db: any Database) async throws -> DocumentSection {
        guard let section = try await DocumentSection.query(on: db).filter(\.$version.$id == version.requireID()).filter(\.$key == key).first() else {
            throw Failure.notFound("section \(key)")
        }
        return section
    }

    static func sectionText(_ heading: String?, _ body: String) -> String {
        [heading, body].compactMap { $0 }.joined(separator: "\n\n")
    }
}

extension PlanEditing {
    /// What an audit entry about `version` records besides its subject, in the words of the moment,
    /// so the history reads the same after renames and removals.
    static func auditContext(_ version: DocumentVersion, name: String?, item: String? = nil, on db: any Database) async throws -> AuditLog.Context {
        let slug = try await SteeringDocument.find(version.$document.id, on: db)?.slug
        return .init(name: name, document: slug, documentTitle: version.title, version: version.number, item: item)
    }
}
