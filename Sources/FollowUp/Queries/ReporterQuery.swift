import Auth
import Fluent
import Foundation
import Organisation

enum TemplateQuery {
    /// The organisation's period templates, or the defaults when it has none of its own.
    static func templates(organisationID: UUID, on db: any Database) async throws -> [PeriodTemplate.Value] {
        let rows = try await PeriodTemplate.query(on: db).filter(\.$organisationID == organisationID).sort(\.$position).all()
        return rows.isEmpty ? PeriodTemplate.defaults : rows.map(\.value)
    }
}

/// Who can report, and who reports what.
public enum ReporterQuery {
    public struct Person: Sendable, Equatable {
        public let email: String
        public let name: String
    }

    /// Everyone with a role in the organisation: the people a key activity can be given to.
    public static func candidates(organisationID: UUID, on db: any Database) async throws -> [Person] {
        people(try await RoleQuery.holders(in: organisationID, on: db))
    }

    /// The editors and administrators: who reports an activity without a reporter of its own.
    public static func editors(organisationID: UUID, on db: any Database) async throws -> [Person] {
        people(try await RoleQuery.holders(in: organisationID, kinds: [.editor, .administrator], on: db))
    }

    /// The enabled users the roles belong to, each once, by name.
    static func people(_ holders: [(user: Account, role: RoleKind)]) -> [Person] {
        var seen = Set<String>()
        return holders.compactMap { holder in
            guard !holder.user.disabled, seen.insert(holder.user.email.lowercased()).inserted else { return nil }
            return Person(email: holder.user.email.lowercased(), name: holder.user.name)
        }.sorted { $0.name < $1.name }
    }

    /// The assigned reporters of a document's activities, by lineage (e-mail addresses).
    public static func assigned(organisationID: UUID, document: String, on db: any Database) async throws -> [String: String] {
        let rows = try await ActivityReporter.query(on: db).filter(\.$organisationID == organisationID).filter(\.$documentSlug == document).all()
        return Dictionary(rows.map { ($0.lineage, $0.email) }) { $1 }
    }
}
