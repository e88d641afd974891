import Core
import Crypto
import Fluent
import Foundation
import Mail
import Organisation
import Plans

/// The registry's part of the organisation file: every agreement with its spec, its place in a
/// document's list, its revisions and its documents' descriptions (the bytes travel in the
/// archive beside the file; see docs/organisation-file.md). Absent when the registry is empty.
/// Documented in docs/agreements.md and schema/sections/agreements.schema.json.
public enum AgreementsSection: InterchangeSection {
    public struct Content: Codable, Equatable, Sendable {
        public var agreements: AgreementsEntry?
    }

    public struct AgreementsEntry: Codable, Equatable, Sendable {
        public var agreements: [AgreementEntry]
        /// Key activities that concern the whole registry.
        public var registryActivities: [AgreementSpec.NodeReference]?
        /// The secret calendar address, as its SHA-256 only.
        public var calendarFeed: CalendarFeedEntry?
        /// Key activities marked with the level of participation they offer.
        public var participation: [ParticipationEntry]?
    }

    public struct ParticipationEntry: Codable, Equatable, Sendable {
        public var document: String
        public var lineage: String
        public var level: ParticipationLevel
    }

    public struct CalendarFeedEntry: Codable, Equatable, Sendable {
        public var tokenHash: String
        public var createdAt: String
        public var createdBy: String
    }

    public struct AgreementEntry: Codable, Equatable, Sendable {
        public var key: String
        public var spec: AgreementSpec
        public var listedIn: String?
        public var heading: ListHeading?
        public var position: Int?
        public var revision: Int
        public var updatedAt: String
        /// Every saved state, oldest first; absent in a file written by hand (the spec becomes revision 1).
        public var revisions: [RevisionEntry]?
        public var documents: [DocumentEntry]?
        /// Applications to join and accessions, contact details included: the file is an administrator's backup.
        public var accessions: [AccessionEntry]?
    }

    public struct AccessionEntry: Codable, Equatable, Sendable {
        public var name: String
        public var orgNumber: String
        public var contactName: String
        public var contactEmail: String
        public var area: String
        public var scope: String
        public var status: AccessionStatus
        public var submittedAt: String
        public var decidedAt: String?
        public var decidedBy: String?
        public var reason: String?
        public var joinedOn: String?
        public var leftOn: String?
        /// The follow link's SHA-256, hex; the link itself is never stored.
        public var tokenHash: String
        public var remindedAt: String?
    }

    public struct RevisionEntry: Codable, Equatable, Sendable {
        public var number: Int
        public var changedAt: String
        public var changedBy: String
        public var spec: AgreementSpec
    }

    public struct DocumentEntry: Codable, Equatable, Sendable {
        public var name: String
        public var contentType: String
        public var size: Int
        /// SHA-256 of the bytes, hex: the name of the file in the archive's documents/ folder.
        public var sha256: String
        public var isPublic: Bool
        public var uploadedAt: String
        public var uploadedBy: String
    }

    /// Document bytes by SHA-256 that an archive brings beside the file.
    public enum DocumentBytes: InterchangeContextKey { public typealias Value = [String: Data] }

    /// The folder of the archive that holds the documents, each named by its SHA-256.
    public static let archiveFolder = "documents/"

    /// The stored documents of a tenant's agreements, for the archive beside the file.
    public static func documentFiles(tenant: UUID, on db: any Database) async throws -> [TarArchive.Entry] {
        let ids = try await Agreement.query(on: db).filter(\.$organisationID == tenant).all().compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        var seen = Set<String>()
        return try await AgreementDocument.query(on: db).filter(\.$agreement.$id ~~ ids).filter(\.$stored == true).sort(\.$sha256).all()
            .filter { seen.insert($0.sha256).inserted }
            .map { TarArchive.Entry(name: archiveFolder + $0.sha256, data: $0.data ?? Data()) }
    }

    /// An archive's documents, each checked against its name (its SHA-256).
    public static func documentBytes(_ entries: [TarArchive.Entry]) throws -> [String: Data] {
        var bytes: [String: Data] = [:]
        for entry in entries where entry.name.hasPrefix(archiveFolder) {
            let name = String(entry.name.dropFirst(archiveFolder.count))
            guard SHA256.hash(data: entry.data).map({ String(format: "%02x", $0) }).joined() == name else {
                throw ImportError(entry.name, "the document's bytes do not match its name (SHA-256)")
            }
            bytes[name] = entry.data
        }
        return bytes
    }

    static func moment(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }
    static func moment(_ text: String) -> Date? { ISO8601DateFormatter().date(from: text) }

    public static func export(tenant: UUID, context: inout InterchangeContext, on db: any Database) async throws -> Content {
        let agreements = try await Agreement.query(on: db).filter(\.$organisationID == tenant).sort(\.$key).all()
        let activities = try await RegistryActivity.query(on: db).filter(\.$organisationID == tenant).sort(\.$documentSlug).sort(\.$lineage).all()
        let feed = try await CalendarFeed.query(on: db).filter(\.$organisationID == tenant).first()
        let marks = try await ParticipationMark.query(on: db).filter(\.$organisationID == tenant).sort(\.$documentSlug).sort(\.$lineage).all()
        guard !agreements.isEmpty || !activities.isEmpty || feed != nil || !marks.isEmpty else { return Content(agreements: nil) }
        let ids = agreements.compactMap(\.id)
        let revisions = ids.isEmpty ? [] : try await AgreementRevision.query(on: db).filter(\.$agreement.$id ~~ ids).sort(\.$number).all()
        let documents = try await AgreementDocument.descriptions(of: ids, on: db)
        let accessions = try await AccessionApplication.query(on: db).filter(\.$organisationID == tenant).sort(\.$submittedAt).sort(\.$orgNumber).all()
        // The organisation itself is in the file already (a party of its own agreements).
        let own = try await OrganisationRecord.find(tenant, on: db)?.slug
        let parties = agreements.flatMap { $0.spec.parties.compactMap(\.organisation) }.filter { $0 != own }
        context[OrganisationSection.ReferencedRegistryKeys.self] = (context[OrganisationSection.ReferencedRegistryKeys.self] ?? []) + parties
        return Content(agreements: AgreementsEntry(
            agreements: agreements.map { agreement in
                let documents = documents.filter { $0.$agreement.id == agreement.id }
                return AgreementEntry(
                    key: agreement.key, spec: agreement.spec, listedIn: agreement.listedIn, heading: agreement.heading, position: agreement.position,
                    revision: agreement.revision, updatedAt: moment(agreement.updatedAt),
                    revisions: revisionEntries(revisions.filter { $0.$agreement.id == agreement.id }, of: agreement),
                    documents: documents.isEmpty ? nil : documents.map {
                        DocumentEntry(name: $0.name, contentType: $0.contentType, size: $0.size, sha256: $0.sha256, isPublic: $0.isPublic,
                                      uploadedAt: moment($0.uploadedAt), uploadedBy: $0.uploadedBy)
                    },
                    accessions: accessionEntries(accessions.filter { $0.$agreement.id == agreement.id }))
            },
            registryActivities: activities.isEmpty ? nil : activities.map { .init(document: $0.documentSlug, lineage: $0.lineage) },
            calendarFeed: feed.map { .init(tokenHash: $0.tokenHash, createdAt: moment($0.createdAt), createdBy: $0.createdBy) },
            participation: marks.isEmpty ? nil : marks.map { .init(document: $0.documentSlug, lineage: $0.lineage, level: $0.level) }))
    }

    static func accessionEntries(_ applications: [AccessionApplication]) -> [AccessionEntry]? {
        applications.isEmpty ? nil : applications.map {
            AccessionEntry(name: $0.name, orgNumber: $0.orgNumber, contactName: $0.contactName, contactEmail: $0.contactEmail, area: $0.area,
                           scope: $0.scope, status: $0.status, submittedAt: moment($0.submittedAt), decidedAt: $0.decidedAt.map(moment),
                           decidedBy: $0.decidedBy, reason: $0.reason, joinedOn: $0.joinedOn, leftOn: $0.leftOn, tokenHash: $0.tokenHash,
                           remindedAt: $0.remindedAt.map(moment))
        }
    }

    static func validate(_ accessions: [AccessionEntry], at path: String, tokens: inout Set<String>) throws {
        for (index, entry) in accessions.enumerated() {
            let at = "\(path)[\(index)]"
            guard Accessions.orgNumber(entry.orgNumber) == entry.orgNumber else { throw ImportError("\(at).orgNumber", "an organisationsnummer as NNNNNN-NNNN with its check digit") }
            guard SMTPClient.isAddress(entry.contactEmail) else { throw ImportError("\(at).contactEmail", "not an e-mail address") }
            for (name, text) in [("name", entry.name), ("contactName", entry.contactName), ("area", entry.area), ("scope", entry.scope)] {
                try Core.requireText(text, at: "\(at).\(name)")
            }
            guard entry.tokenHash.count == 64, entry.tokenHash.allSatisfy(\.isHexDigit), tokens.insert(entry.tokenHash).inserted else {
                throw ImportError("\(at).tokenHash", "a SHA-256 in hex, used once")
            }
            for (name, value) in [("submittedAt", Optional(entry.submittedAt)), ("decidedAt", entry.decidedAt), ("remindedAt", entry.remindedAt)] {
                if let value, moment(value) == nil { throw ImportError("\(at).\(name)", "a moment in ISO 8601") }
            }
            for (name, value) in [("joinedOn", entry.joinedOn), ("leftOn", entry.leftOn)] {
                if let value, !CalendarDate.isValid(value) { throw ImportError("\(at).\(name)", "a date as YYYY-MM-DD") }
            }
            let decided = entry.status != .pending
            guard (entry.decidedAt != nil) == decided, (entry.joinedOn != nil) == [.approved, .left].contains(entry.status),
                  (entry.leftOn != nil) == (entry.status == .left), entry.status != .rejected || entry.reason != nil else {
                throw ImportError("\(at).status", "decidedAt once decided; joinedOn when approved or left; leftOn when left; a reason when rejected")
            }
        }
    }

    /// The revisions, or nil when the only one is what a file without revisions makes (the spec as
    /// revision 1, saved by "organisation file" when last updated): the file stays as it was written.
    static func revisionEntries(_ revisions: [AgreementRevision], of agreement: Agreement) -> [RevisionEntry]? {
        let entries = revisions.map {
            RevisionEntry(number: $0.number, changedAt: moment($0.changedAt), changedBy: $0.changedBy,
                          spec: JSONColumn.decode(AgreementSpec.self, from: $0.specJSON, default: agreement.spec))
        }
        return entries == [defaultRevision(agreement.spec, updatedAt: moment(agreement.updatedAt))] ? nil : entries
    }

    static func defaultRevision(_ spec: AgreementSpec, updatedAt: String) -> RevisionEntry {
        RevisionEntry(number: 1, changedAt: updatedAt, changedBy: "organisation file", spec: spec)
    }

    /// Keys, titles and dates as the registry's rules say; parties in the registry; links to the
    /// file's own goals, key activities, networks and units.
    public static func validate(_ content: Content, context: inout InterchangeContext, on db: any Database) async throws {
        guard let entry = content.agreements else { return }
        let registry = (context[OrganisationSection.RegistryKeys.self] ?? []).union([context[OrganisationSection.OwnKey.self]].compactMap { $0 })
        let groups = context[OrganisationSection.GroupKeys.self] ?? []
        let units = context[OrganisationSection.UnitKeys.self] ?? []
        let versions = context[DocumentsSection.Versions.self] ?? [:]
        func activities(_ document: String) -> Set<String> { versions[document]?.values.reduce(into: Set<String>()) { $0.formUnion($1.activities) } ?? [] }
        func goals(_ document: String) -> Set<String> { versions[document]?.values.reduce(into: Set<String>()) { $0.formUnion($1.goals) } ?? [] }
        var keys = Set<String>(), titles = Set<String>(), accessionTokens = Set<String>()
        for (index, agreement) in entry.agreements.enumerated() {
            let path = "agreements.agreements[\(index)]"
            guard Slug.isValid(agreement.key), !AgreementWork.reservedKeys.contains(agreement.key) else {
                throw ImportError("\(path).key", "lowercase letters, digits and hyphens, not one of \(AgreementWork.reservedKeys.sorted())")
            }
            guard keys.insert(agreement.key).inserted else { throw ImportError("\(path).key", "duplicate key \"\(agreement.key)\"") }
            for (name, spec) in [("spec", agreement.spec)] + (agreement.revisions ?? []).enumerated().map({ ("revisions[\($0)].spec", $1.spec) }) {
                try validate(spec, at: "\(path).\(name)", registry: registry, groups: groups, units: units, activities: activities, goals: goals,
                             documents: Set(versions.keys))
            }
            guard titles.insert(Agreement.fold(agreement.spec.title)).inserted else { throw ImportError("\(path).spec.title", "a second agreement with this title") }
            guard agreement.revision >= 1 else { throw ImportError("\(path).revision", "1 or more") }
            guard moment(agreement.updatedAt) != nil else { throw ImportError("\(path).updatedAt", "a moment in ISO 8601") }
            try validate(agreement.accessions ?? [], at: "\(path).accessions", tokens: &accessionTokens)
            if let listedIn = agreement.listedIn, versions[listedIn] == nil { throw ImportError("\(path).listedIn", "no document \"\(listedIn)\" in the file") }
            guard (agreement.listedIn == nil) == (agreement.heading == nil) else { throw ImportError("\(path).heading", "a listed agreement has a heading, and only it") }
            if let revisions = agreement.revisions {
                guard revisions.map(\.number) == Array(1...max(1, revisions.count)), revisions.last?.number == agreement.revision,
                      revisions.last?.spec == agreement.spec else {
                    throw ImportError("\(path).revisions", "numbered 1, 2, … up to the agreement's revision, the last one its spec")
                }
                if let bad = revisions.firstIndex(where: { moment($0.changedAt) == nil }) { throw ImportError("\(path).revisions[\(bad)].changedAt", "a moment in ISO 8601") }
            } else if agreement.revision != 1 {
                throw ImportError("\(path).revisions", "an agreement past revision 1 carries its revisions")
            }
            for (position, document) in (agreement.documents ?? []).enumerated() {
                let at = "\(path).documents[\(position)]"
                try Core.requireText(document.name, at: "\(at).name")
                guard DocumentWork.FileType.allCases.contains(where: { $0.contentType == document.contentType }) else {
                    throw ImportError("\(at).contentType", "one of the accepted types (\(DocumentWork.FileType.allCases.map(\.contentType).joined(separator: ", ")))")
                }
                guard document.sha256.count == 64, document.sha256.allSatisfy(\.isHexDigit) else { throw ImportError("\(at).sha256", "a SHA-256 in hex") }
                guard (0...DocumentWork.maxBytes).contains(document.size) else { throw ImportError("\(at).size", "0 to \(DocumentWork.maxBytes) bytes") }
                guard moment(document.uploadedAt) != nil else { throw ImportError("\(at).uploadedAt", "a moment in ISO 8601") }
            }
        }
        for (index, reference) in (entry.registryActivities ?? []).enumerated() where !activities(reference.document).contains(reference.lineage) {
            throw ImportError("agreements.registryActivities[\(index)]", "no key activity \"\(reference.lineage)\" in document \"\(reference.document)\"")
        }
        var marked = Set<String>()
        for (index, mark) in (entry.participation ?? []).enumerated() {
            guard activities(mark.document).contains(mark.lineage) else {
                throw ImportError("agreements.participation[\(index)]", "no key activity \"\(mark.lineage)\" in document \"\(mark.document)\"")
            }
            guard marked.insert("\(mark.document)/\(mark.lineage)").inserted else { throw ImportError("agreements.participation[\(index)]", "marked twice") }
        }
        if let feed = entry.calendarFeed {
            guard feed.tokenHash.count == 64, feed.tokenHash.allSatisfy(\.isHexDigit) else { throw ImportError("agreements.calendarFeed.tokenHash", "a SHA-256 in hex") }
            guard moment(feed.createdAt) != nil else { throw ImportError("agreements.calendarFeed.createdAt", "a moment in ISO 8601") }
        }
    }

    static func validate(_ spec: AgreementSpec, at path: String, registry: Set<String>, groups: Set<String>, units: Set<String>,
                         activities: (String) -> Set<String>, goals: (String) -> Set<String>, documents: Set<String>) throws {
        try Core.requireText(spec.title, at: "\(path).title")
        for (name, day) in [("startsOn", spec.startsOn), ("endsOn", spec.endsOn), ("reviewOn", spec.reviewOn)] {
            if let day, !CalendarDate.isValid(day) { throw ImportError("\(path).\(name)", "a date that exists, as YYYY-MM-DD") }
        }
        if let start = spec.startsOn, let end = spec.endsOn, end < start { throw ImportError("\(path).endsOn", "before startsOn") }
        if let reviewer = spec.reviewer, !SMTPClient.isAddress(reviewer) { throw ImportError("\(path).reviewer", "not an e-mail address") }
        if let unit = spec.unit, !units.contains(unit) { throw ImportError("\(path).unit", "no unit \"\(unit)\" in the structure") }
        for (index, party) in spec.parties.enumerated() {
            let at = "\(path).parties[\(index)]"
            guard [party.organisation != nil, party.members == true, party.description != nil].filter({ $0 }).count == 1 else {
                throw ImportError(at, "exactly one of organisation, members (true) and description")
            }
            if let key = party.organisation, !registry.contains(key) { throw ImportError("\(at).organisation", "no registry entry with key \"\(key)\"") }
        }
        for (index, goal) in spec.goals.enumerated() where !goals(goal.document).contains(goal.lineage) {
            throw ImportError("\(path).goals[\(index)]", "no goal \"\(goal.lineage)\" in document \"\(goal.document)\"")
        }
        for (index, activity) in spec.activities.enumerated() where !activities(activity.document).contains(activity.lineage) {
            throw ImportError("\(path).activities[\(index)]", "no key activity \"\(activity.lineage)\" in document \"\(activity.document)\"")
        }
        if let text = spec.text, !documents.contains(text) { throw ImportError("\(path).text", "no document \"\(text)\" in the file") }
        for (index, plan) in spec.plans.enumerated() where !documents.contains(plan) {
            throw ImportError("\(path).plans[\(index)]", "no document \"\(plan)\" in the file")
        }
        guard spec.commitments.isEmpty || spec.text != nil else { throw ImportError("\(path).commitments", "commitments need the agreement's text") }
        var committed = Set<String>()
        for (index, commitment) in spec.commitments.enumerated() {
            let nodes = spec.text.map { activities($0).union(goals($0)) } ?? []
            guard nodes.contains(commitment.node) else {
                throw ImportError("\(path).commitments[\(index)].node", "no node \"\(commitment.node)\" in document \"\(spec.text ?? "")\"")
            }
            guard committed.insert(commitment.node).inserted else { throw ImportError("\(path).commitments[\(index)].node", "a second commitment for this node") }
        }
        for (index, network) in spec.networks.enumerated() where !groups.contains(network) {
            throw ImportError("\(path).networks[\(index)]", "no group \"\(network)\" in the structure")
        }
    }

    /// Replaces the organisation's registry with the file's. Bytes of documents come from the
    /// archive, or stay from the registry being replaced when the same file (by SHA-256) was there.
    public static func write(_ content: Content, context: inout InterchangeContext, on db: any Database) async throws {
        guard let organisationID = context.tenant else { return }
        let old = try await Agreement.query(on: db).filter(\.$organisationID == organisationID).all().compactMap(\.id)
        var bytes = context[DocumentBytes.self] ?? [:]
        if !old.isEmpty {
            for document in try await AgreementDocument.query(on: db).filter(\.$agreement.$id ~~ old).filter(\.$stored == true).all() where bytes[document.sha256] == nil {
                bytes[document.sha256] = document.data
            }
        }
        try await AccessionApplication.query(on: db).filter(\.$organisationID == organisationID).delete()
        try await Agreement.query(on: db).filter(\.$organisationID == organisationID).delete()
        try await RegistryActivity.query(on: db).filter(\.$organisationID == organisationID).delete()
        try await CalendarFeed.query(on: db).filter(\.$organisationID == organisationID).delete()
        try await ParticipationMark.query(on: db).filter(\.$organisationID == organisationID).delete()
        guard let entry = content.agreements else { return }
        var marks: [ParticipationMark] = [], agreements: [Agreement] = [], revisions: [AgreementRevision] = [], activities: [RegistryActivity] = []
        for mark in entry.participation ?? [] {
            let row = ParticipationMark()
            row.organisationID = organisationID
            row.documentSlug = mark.document
            row.lineage = mark.lineage
            row.level = mark.level
            marks.append(row)
        }
        try await marks.create(inBatchesOf: 100, on: db)
        // Agreements and their revisions go in batches first; documents (bytes) and applications
        // (few) one by one after them.
        var later: [(Agreement, AgreementsSection.AgreementEntry, Date)] = []
        for item in entry.agreements {
            let agreement = Agreement()
            agreement.id = UUID()
            agreement.organisationID = organisationID
            agreement.key = item.key
            agreement.listedIn = item.listedIn
            agreement.heading = item.heading
            agreement.position = item.position
            agreement.revision = item.revision
            let updatedAt = moment(item.updatedAt) ?? Date()
            AgreementWork.apply(item.spec, to: agreement, at: updatedAt)
            agreements.append(agreement)
            later.append((agreement, item, updatedAt))
            for revision in item.revisions ?? [defaultRevision(item.spec, updatedAt: item.updatedAt)] {
                let row = AgreementRevision()
                row.$agreement.id = try agreement.requireID()
                row.number = revision.number
                row.specJSON = JSONColumn.encode(revision.spec)
                row.changedAt = moment(revision.changedAt) ?? updatedAt
                row.changedBy = revision.changedBy
                revisions.append(row)
            }
        }
        try await agreements.create(inBatchesOf: 100, on: db)
        try await revisions.create(inBatchesOf: 100, on: db)
        for (agreement, item, updatedAt) in later {
            for document in item.documents ?? [] {
                let row = AgreementDocument()
                row.$agreement.id = try agreement.requireID()
                row.name = document.name
                row.contentType = document.contentType
                row.size = document.size
                row.sha256 = document.sha256
                row.isPublic = document.isPublic
                row.data = bytes[document.sha256]
                row.stored = row.data != nil
                row.uploadedAt = moment(document.uploadedAt) ?? updatedAt
                row.uploadedBy = document.uploadedBy
                try await row.create(on: db)
            }
            for entry in item.accessions ?? [] {
                let row = AccessionApplication()
                row.organisationID = organisationID
                row.$agreement.id = try agreement.requireID()
                row.name = entry.name
                row.orgNumber = entry.orgNumber
                row.contactName = entry.contactName
                row.contactEmail = entry.contactEmail
                row.area = entry.area
                row.scope = entry.scope
                row.status = entry.status
                row.submittedAt = moment(entry.submittedAt) ?? updatedAt
                row.decidedAt = entry.decidedAt.flatMap(moment)
                row.decidedBy = entry.decidedBy
                row.reason = entry.reason
                row.joinedOn = entry.joinedOn
                row.leftOn = entry.leftOn
                row.tokenHash = entry.tokenHash
                row.remindedAt = entry.remindedAt.flatMap(moment)
                try await row.create(on: db)
            }
        }
        for reference in entry.registryActivities ?? [] {
            let row = RegistryActivity()
            row.organisationID = organisationID
            row.documentSlug = reference.document
            row.lineage = reference.lineage
            activities.append(row)
        }
        try await activities.create(inBatchesOf: 100, on: db)
        if let feed = entry.calendarFeed {
            let row = CalendarFeed()
            row.organisationID = organisationID
            row.tokenHash = feed.tokenHash
            row.createdAt = moment(feed.createdAt) ?? Date()
            row.createdBy = feed.createdBy
            try await row.create(on: db)
        }
        context.counts["agreements"] = entry.agreements.count
    }
}
