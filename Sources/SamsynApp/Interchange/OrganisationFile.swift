import Agreements
import Auth
import Core
import Fluent
import Foundation
import Organisation
import Plans

/// The organisation file: one organisation with every version of every document and the
/// registry entries it refers to, made of one section per module in dependency order.
/// Documented in docs/organisation-file.md and schema/; keep them in step.
public enum OrganisationFile {
    public static let format = InterchangeFormat(name: "samsyn-organisation", version: 1, sections: allModules.flatMap { $0.fileSections })

    public static func decode(_ data: Data) throws(ImportError) -> InterchangeFile {
        try format.decode(data)
    }
}

/// An organisation file with its attachments: a tar archive of organisation.json and documents/SHA-256.
public enum OrganisationArchive {
    public static let fileName = "organisation.json"
}

/// Writes an organisation file into the database in one transaction: either all of it
/// lands, or nothing changes.
public enum OrganisationImporter {
    public struct Outcome: Sendable, Equatable {
        public let organisationSlug: String
        public let documents: Int
        public let nodes: Int
        public let replaced: Bool
    }

    public static func importFile(_ data: Data, replace: Bool = false, actor: AuditLog.Actor = .commandLine, on db: any Database) async throws -> Outcome {
        try await importFile(try OrganisationFile.decode(data), replace: replace, actor: actor, on: db)
    }

    /// An organisation file, or an archive holding one (organisation.json) and its documents.
    public static func importFileOrArchive(_ data: Data, replace: Bool = false, actor: AuditLog.Actor = .commandLine,
                                           on db: any Database) async throws -> Outcome {
        guard TarArchive.isArchive(data) else { return try await importFile(data, replace: replace, actor: actor, on: db) }
        let entries = try TarArchive.read(data)
        guard let json = entries.first(where: { $0.name == OrganisationArchive.fileName }) else {
            throw ImportError("archive", "no \(OrganisationArchive.fileName) in the archive")
        }
        var given = InterchangeContext()
        given[AgreementsSection.DocumentBytes.self] = try AgreementsSection.documentBytes(entries)
        return try await importFile(try OrganisationFile.decode(json.data), replace: replace, actor: actor, given: given, on: db)
    }

    public static func importFile(_ file: InterchangeFile, replace: Bool = false, actor: AuditLog.Actor = .commandLine,
                                  given: InterchangeContext = InterchangeContext(), on db: any Database) async throws -> Outcome {
        try await OrganisationFile.format.write(file, replace: replace, given: given, on: db) { context, db in
            guard let organisationID = context.tenant, let organisation = try await OrganisationRecord.find(organisationID, on: db) else {
                preconditionFailure("the organisation section writes the tenant")
            }
            let replaced = context[OrganisationSection.Replaced.self] ?? false
            let (documents, nodes) = (context.counts["documents"] ?? 0, context.counts["nodes"] ?? 0)
            try await AuditLog.record(replaced ? "organisation.replace" : "organisation.import", subject: organisation.slug, actor: actor,
                                      organisationID: organisationID,
                                      after: "\(documents) documents, \(nodes) nodes, \(context.counts["groups"] ?? 0) bodies and networks", on: db)
            return Outcome(organisationSlug: organisation.slug, documents: documents, nodes: nodes, replaced: replaced)
        }
    }
}

/// Reads one organisation, with every version of every document, into an organisation file.
public enum OrganisationExporter {
    public enum Failure: Error, CustomStringConvertible {
        case unknownOrganisation(String)
        public var description: String {
            switch self {
            case .unknownOrganisation(let slug): "no organisation with slug \"\(slug)\""
            }
        }
    }

    public static func export(slug: String, on db: any Database) async throws -> InterchangeFile {
        guard let organisation = try await OrganisationRecord.query(on: db).filter(\.$slug == slug).first() else {
            throw Failure.unknownOrganisation(slug)
        }
        return try await OrganisationFile.format.export(tenant: organisation.requireID(), on: db)
    }

    /// The file and the documents attached to its agreements, as one tar archive (docs/organisation-file.md).
    public static func archive(slug: String, on db: any Database) async throws -> Data {
        let file = try await export(slug: slug, on: db)
        guard let organisation = try await OrganisationRecord.query(on: db).filter(\.$slug == slug).first() else { throw Failure.unknownOrganisation(slug) }
        let documents = try await AgreementsSection.documentFiles(tenant: organisation.requireID(), on: db)
        return try TarArchive.write([TarArchive.Entry(name: OrganisationArchive.fileName, data: try encode(file))] + documents)
    }

    /// Stable, readable JSON: sorted keys, pretty printed, UTF-8 unescaped.
    public static func encode(_ file: InterchangeFile) throws -> Data {
        try OrganisationFile.format.encode(file)
    }
}
