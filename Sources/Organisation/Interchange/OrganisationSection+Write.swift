import Auth
import Core
import Fluent
import Foundation
import Vapor

extension OrganisationSection {
    /// Whether the import replaced an organisation that was already here.
    public enum Replaced: InterchangeContextKey { public typealias Value = Bool }

    public static func write(_ content: Content, context: inout InterchangeContext, on db: any Database) async throws {
        let existing = try await OrganisationRecord.query(on: db).filter(\.$slug == content.organisation.slug).first()
        if existing != nil, !context.replace {
            throw ImportConflict(slug: content.organisation.slug)
        }
        let registry = try await upsertRegistry(content.registry, on: db)
        let organisation = existing ?? OrganisationRecord()
        organisation.slug = content.organisation.slug
        organisation.name = content.organisation.name
        organisation.kind = content.organisation.kind
        organisation.county = content.organisation.county
        organisation.licenceName = content.organisation.licence?.name
        organisation.licenceURL = content.organisation.licence?.url
        organisation.chartJSON = content.structure.chart.map { JSONColumn.encode($0) }
        try await organisation.save(on: db)
        let organisationID = try organisation.requireID()

        try await Membership.query(on: db).filter(\.$organisation.$id == organisationID).delete()
        for (position, key) in content.organisation.members.enumerated() {
            guard let member = registry[key] else { throw ImportError("organisation.members[\(position)]", "no registry entry with key \"\(key)\"") }
            try await Membership(organisationID: organisationID, memberID: member, position: position).create(on: db)
        }
        try await writeStructure(content.structure, organisationID: organisationID, on: db)
        try await Meeting.query(on: db).filter(\.$organisation.$id == organisationID).delete()
        for entry in content.meetings ?? [] {
            let meeting = Meeting()
            meeting.$organisation.id = organisationID
            meeting.key = entry.key
            Meetings.apply(entry.record, to: meeting)
            try await meeting.create(on: db)
        }
        context.tenant = organisationID
        context[Replaced.self] = existing != nil
        context.counts["groups"] = content.structure.groups.count
    }

    /// Replaces the organisation's units, bodies, networks, listings, people and seats.
    static func writeStructure(_ structure: StructureEntry, organisationID: UUID, on db: any Database) async throws {
        try await Unit.query(on: db).filter(\.$organisation.$id == organisationID).delete()
        try await Group.query(on: db).filter(\.$organisation.$id == organisationID).delete()
        try await Person.query(on: db).filter(\.$organisation.$id == organisationID).delete()

        var unitIDs: [String: UUID] = [:], groupIDs: [String: UUID] = [:], personIDs: [String: UUID] = [:]
        var units: [Unit] = [], people: [Person] = [], groups: [Group] = [], seats: [Seat] = [], listings: [Listing] = []
        for (position, entry) in structure.units.enumerated() {
            let unit = Unit()
            unit.id = UUID()
            unit.$organisation.id = organisationID
            unit.key = entry.key
            unit.name = entry.name
            unit.position = position
            unit.areasHeading = entry.areasHeading
            unit.areasJSON = JSONColumn.encode(entry.areas)
            unit.steeringHeading = entry.steeringHeading
            unit.steeringGroupsJSON = JSONColumn.encode(entry.steeringGroups)
            units.append(unit)
            unitIDs[entry.key] = unit.id
        }
        for entry in structure.people {
            let person = Person()
            person.id = UUID()
            person.$organisation.id = organisationID
            person.key = entry.key
            person.name = entry.name
            person.title = entry.title
            people.append(person)
            personIDs[entry.key] = person.id
        }
        let registry = try await registryIDs(for: structure.groups.flatMap { [$0.convener].compactMap { $0 } + ($0.memberships ?? []).compactMap(\.representing) },
                                             on: db)
        var created: [(Group, OrganisationSection.GroupEntry)] = []
        for (position, entry) in structure.groups.enumerated() {
            let group = Group()
            group.id = UUID()
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
            group.runByActor = entry.runByActor
            group.$convener.id = entry.convener.flatMap { registry[$0] }
            group.preparesForJSON = entry.preparesFor.map { JSONColumn.encode($0) }
            groups.append(group)
            groupIDs[entry.key] = group.id
            created.append((group, entry))
        }
        try await units.create(inBatchesOf: 100, on: db)
        try await people.create(inBatchesOf: 100, on: db)
        try await groups.create(inBatchesOf: 100, on: db)
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
                seat.isCategory = seatEntry.category ?? false
                seat.startsOn = seatEntry.from
                seat.endsOn = seatEntry.to
                seat.position = position
                seats.append(seat)
            }
        }
        try await seats.create(inBatchesOf: 100, on: db)
        for unit in structure.units {
            for (headingPosition, listingEntry) in unit.listings.enumerated() {
                for (position, key) in listingEntry.groups.enumerated() {
                    let listing = Listing()
                    listing.$unit.id = unitIDs[unit.key]!
                    listing.$group.id = groupIDs[key]!
                    listing.heading = listingEntry.heading
                    listing.headingPosition = headingPosition
                    listing.position = position
                    listings.append(listing)
                }
            }
        }
        try await listings.create(inBatchesOf: 100, on: db)
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
    static func upsertRegistry(_ entries: [RegistryEntry], on db: any Database) async throws -> [String: UUID] {
        let codes = entries.compactMap(\.scbCode), slugs = entries.filter { $0.scbCode == nil }.map(\.key)
        var byCode: [String: UUID] = [:], bySlug: [String: UUID] = [:]
        if !codes.isEmpty {
            for found in try await OrganisationRecord.query(on: db).filter(\.$scbCode ~~ codes).all() { byCode[found.scbCode!] = found.id }
        }
        if !slugs.isEmpty {
            for found in try await OrganisationRecord.query(on: db).filter(\.$slug ~~ slugs).all() { bySlug[found.slug] = found.id }
        }
        var ids: [String: UUID] = [:], missing: [OrganisationRecord] = []
        for entry in entries {
            if let found = entry.scbCode.map({ byCode[$0] }) ?? bySlug[entry.key] {
                ids[entry.key] = found
                continue
            }
            let created = OrganisationRecord(slug: entry.scbCode.map { "kommun-\($0)" } ?? entry.key, kind: entry.kind, name: entry.name,
                                       scbCode: entry.scbCode, county: entry.county,
                                       population: entry.population, populationYear: entry.populationYear,
                                       populationSource: entry.populationSource)
            created.id = UUID()
            missing.append(created)
            ids[entry.key] = created.id
            if let code = entry.scbCode { byCode[code] = created.id } else { bySlug[entry.key] = created.id }
        }
        try await missing.create(inBatchesOf: 100, on: db)
        return ids
    }
}

/// The organisation in a file is already here, and the caller did not ask to replace it.
public struct ImportConflict: DomainFailure, CustomStringConvertible {
    public let slug: String
    public var description: String { "organisation \"\(slug)\" already exists; import with --replace to overwrite it" }
    public var english: String { description }
    public var swedish: String { "Organisationen \(slug) finns redan. Välj att ersätta den för att läsa in filen över den." }
    public var status: HTTPResponseStatus { .conflict }
    public var field: String? { nil }
}
