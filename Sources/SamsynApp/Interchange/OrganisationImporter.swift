import Auth
import Core
import Fluent
import Foundation
import Organisation
import Plans

/// The organisation in a file is already here, and the caller did not ask to replace it.
public struct ImportConflict: Error, CustomStringConvertible {
    public let slug: String
    public var description: String { "organisation \"\(slug)\" already exists; import with --replace to overwrite it" }
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
        let file = try OrganisationFile.decode(data)
        return try await importFile(file, replace: replace, actor: actor, on: db)
    }

    public static func importFile(_ file: OrganisationFile, replace: Bool = false, actor: AuditLog.Actor = .commandLine,
                                  on db: any Database) async throws -> Outcome {
        let known = try await knownRegistryKeys(on: db)
        try file.validate(knownRegistryKeys: known)
        return try await db.transaction { db in
            let existing = try await OrganisationRecord.query(on: db).filter(\.$slug == file.organisation.slug).first()
            if existing != nil, !replace {
                throw ImportConflict(slug: file.organisation.slug)
            }
            let registry = try await upsertRegistry(file.registry, on: db)
            let organisation = existing ?? OrganisationRecord()
            organisation.slug = file.organisation.slug
            organisation.name = file.organisation.name
            organisation.kind = file.organisation.kind
            organisation.county = file.organisation.county
            try await organisation.save(on: db)
            let organisationID = try organisation.requireID()

            try await SteeringDocument.query(on: db).filter(\.$organisation.$id == organisationID).delete()
            try await Membership.query(on: db).filter(\.$organisation.$id == organisationID).delete()
            for (position, key) in file.organisation.members.enumerated() {
                guard let member = registry[key] else { throw ImportError("organisation.members[\(position)]", "no registry entry with key \"\(key)\"") }
                try await Membership(organisationID: organisationID, memberID: member, position: position).create(on: db)
            }
            try await writeStructure(file.structure, organisationID: organisationID, on: db)
            var nodeCount = 0
            for document in file.documents {
                nodeCount += try await write(document, organisationID: organisationID, on: db)
            }
            try await AuditLog.record(existing == nil ? "organisation.import" : "organisation.replace", subject: organisation.slug, actor: actor,
                                      organisationID: organisationID,
                                      after: "\(file.documents.count) documents, \(nodeCount) nodes, \(file.structure.groups.count) bodies and networks", on: db)
            return Outcome(organisationSlug: organisation.slug, documents: file.documents.count, nodes: nodeCount, replaced: existing != nil)
        }
    }

    /// Replaces the organisation's units, bodies, networks, listings, people and seats.
    static func writeStructure(_ structure: OrganisationFile.StructureEntry, organisationID: UUID, on db: any Database) async throws {
        try await Unit.query(on: db).filter(\.$organisation.$id == organisationID).delete()
        try await Group.query(on: db).filter(\.$organisation.$id == organisationID).delete()
        try await Person.query(on: db).filter(\.$organisation.$id == organisationID).delete()

        var unitIDs: [String: UUID] = [:], groupIDs: [String: UUID] = [:], personIDs: [String: UUID] = [:]
        for (position, entry) in structure.units.enumerated() {
            let unit = Unit()
            unit.$organisation.id = organisationID
            unit.key = entry.key
            unit.name = entry.name
            unit.position = position
            unit.areasHeading = entry.areasHeading
            unit.areasJSON = JSONColumn.encode(entry.areas)
            unit.steeringGroupsJSON = JSONColumn.encode(entry.steeringGroups)
            try await unit.create(on: db)
            unitIDs[entry.key] = try unit.requireID()
        }
        for entry in structure.people {
            let person = Person()
            person.$organisation.id = organisationID
            person.key = entry.key
            person.name = entry.name
            person.title = entry.title
            try await person.create(on: db)
            personIDs[entry.key] = try person.requireID()
        }
        let registry = try await registryIDs(for: structure.groups.flatMap { [$0.convener].compactMap { $0 } + ($0.memberships ?? []).compactMap(\.representing) }, on: db)
        var created: [(Group, OrganisationFile.GroupEntry)] = []
        for (position, entry) in structure.groups.enumerated() {
            let group = Group()
            group.$organisation.id = organisationID
            group.key = entry.key
            group.name = entry.name
            group.kind = entry.kind
            group.isBody = entry.body
            group.mandate = entry.mandate ?? ""
            group.meetingRhythm = entry.meetingRhythm
            group.position = position
            group.partnersJSON = JSONColumn.encode(entry.partners ?? [])
            group.$runBy.id = entry.runBy.flatMap { unitIDs[$0] }
            group.$convener.id = entry.convener.flatMap { registry[$0] }
            try await group.create(on: db)
            groupIDs[entry.key] = try group.requireID()
            created.append((group, entry))
        }
        // Reporting lines point at groups that now all exist.
        for (group, entry) in created {
            if let reportsTo = entry.reportsTo {
                group.$reportsTo.id = groupIDs[reportsTo]
                try await group.update(on: db)
            }
            for (position, seatEntry) in (entry.memberships ?? []).enumerated() {
                let seat = Seat()
                seat.$group.id = try group.requireID()
                seat.$person.id = seatEntry.person.flatMap { personIDs[$0] }
                seat.$representing.id = seatEntry.representing.flatMap { registry[$0] }
                seat.role = seatEntry.role
                seat.startsOn = seatEntry.from
                seat.endsOn = seatEntry.to
                seat.position = position
                try await seat.create(on: db)
            }
        }
        for unit in structure.units {
            for (headingPosition, listingEntry) in unit.listings.enumerated() {
                for (position, key) in listingEntry.groups.enumerated() {
                    let listing = Listing()
                    listing.$unit.id = unitIDs[unit.key]!
                    listing.$group.id = groupIDs[key]!
                    listing.heading = listingEntry.heading
                    listing.headingPosition = headingPosition
                    listing.position = position
                    try await listing.create(on: db)
                }
            }
        }
    }

    /// The database ids of registry entries by key (SCB code or slug).
    static func registryIDs(for keys: [String], on db: any Database) async throws -> [String: UUID] {
        let wanted = Set(keys)
        guard !wanted.isEmpty else { return [:] }
        var ids: [String: UUID] = [:]
        for organisation in try await OrganisationRecord.query(on: db).all() {
            let key = organisation.scbCode ?? organisation.slug
            if wanted.contains(key) { ids[key] = organisation.id }
        }
        return ids
    }

    /// Registry keys the database already knows: SCB codes of municipalities, slugs of the rest.
    static func knownRegistryKeys(on db: any Database) async throws -> Set<String> {
        Set(try await OrganisationRecord.query(on: db).all().map { $0.scbCode ?? $0.slug })
    }

    /// Matches registry entries by key, creating those the database lacks. Existing entries
    /// are shared with other organisations and are not overwritten.
    static func upsertRegistry(_ entries: [OrganisationFile.RegistryEntry], on db: any Database) async throws -> [String: UUID] {
        var ids: [String: UUID] = [:]
        for entry in entries {
            let query = OrganisationRecord.query(on: db)
            if let code = entry.scbCode { query.filter(\.$scbCode == code) } else { query.filter(\.$slug == entry.key) }
            if let found = try await query.first() {
                ids[entry.key] = try found.requireID()
                continue
            }
            let created = OrganisationRecord(slug: entry.scbCode.map { "kommun-\($0)" } ?? entry.key, kind: entry.kind, name: entry.name,
                                       scbCode: entry.scbCode, county: entry.county,
                                       population: entry.population, populationYear: entry.populationYear)
            try await created.create(on: db)
            ids[entry.key] = try created.requireID()
        }
        return ids
    }

    static func write(_ entry: OrganisationFile.DocumentEntry, organisationID: UUID, on db: any Database) async throws -> Int {
        let document = SteeringDocument(organisationID: organisationID, slug: entry.slug, kind: entry.kind)
        try await document.create(on: db)
        var nodeCount = 0
        for versionEntry in entry.versions {
            let version = DocumentVersion()
            version.$document.id = try document.requireID()
            version.number = versionEntry.number
            version.title = versionEntry.title
            version.status = versionEntry.status
            version.periodStart = versionEntry.periodStart
            version.periodEnd = versionEntry.periodEnd
            version.adoptedBy = versionEntry.adoptedBy
            version.adoptedOn = versionEntry.adoptedOn
            version.decisionReference = versionEntry.decisionReference
            version.levels = versionEntry.levels
            version.frozenNamesJSON = versionEntry.frozenNames.map { JSONColumn.encode($0) }
            try await version.create(on: db)
            let versionID = try version.requireID()

            for (position, sectionEntry) in versionEntry.sections.enumerated() {
                let section = DocumentSection()
                section.$version.id = versionID
                section.position = position
                section.key = sectionEntry.key
                section.heading = sectionEntry.heading
                section.depth = sectionEntry.depth
                section.role = sectionEntry.role
                section.body = sectionEntry.body
                try await section.create(on: db)
            }
            var linkPosition = 0
            func link(_ agenda: OrganisationFile.Agenda2030Entry, node: UUID?) async throws {
                let link = Agenda2030Link()
                link.$version.id = versionID
                link.$node.id = node
                link.position = linkPosition
                link.code = agenda.code
                link.role = agenda.role
                link.explanation = agenda.explanation
                linkPosition += 1
                try await link.create(on: db)
            }
            for agenda in versionEntry.agenda2030 { try await link(agenda, node: nil) }

            // Parents before children, so every foreign key points at a row that exists.
            let ids = Dictionary(uniqueKeysWithValues: versionEntry.nodes.map { ($0.key, UUID()) })
            let ordered = versionEntry.nodes.enumerated().sorted { lhs, rhs in
                let left = versionEntry.levels.firstIndex(of: lhs.element.level)!, right = versionEntry.levels.firstIndex(of: rhs.element.level)!
                return (left, lhs.offset) < (right, rhs.offset)
            }
            for (position, nodeEntry) in ordered {
                let node = PlanNode()
                node.id = ids[nodeEntry.key]
                node.$version.id = versionID
                node.$parent.id = nodeEntry.parent.flatMap { ids[$0] }
                node.key = nodeEntry.key
                node.levelIndex = versionEntry.levels.firstIndex(of: nodeEntry.level)!
                node.position = position
                node.title = nodeEntry.title
                node.text = nodeEntry.text ?? ""
                node.responsibleUnit = nodeEntry.responsibleUnit
                node.status = nodeEntry.status
                node.partnersJSON = JSONColumn.encode(nodeEntry.partners ?? [])
                node.networksJSON = JSONColumn.encode(nodeEntry.networks ?? [])
                node.strategiesJSON = JSONColumn.encode(nodeEntry.strategies ?? [])
                node.implementsJSON = JSONColumn.encode(nodeEntry.implements ?? [])
                node.lineage = nodeEntry.lineage
                node.revision = 1
                try await node.create(on: db)
                for agenda in nodeEntry.agenda2030 ?? [] { try await link(agenda, node: node.id) }
            }
            nodeCount += versionEntry.nodes.count
        }
        return nodeCount
    }
}
