import Core
import Fluent
import Vapor
import Foundation

extension OrganisationSection {
    /// Registry keys that sections above this one refer to (partners of key activities, for
    /// example); the export carries those registry entries too.
    public enum ReferencedRegistryKeys: InterchangeContextKey { public typealias Value = [String] }

    public static func export(tenant: UUID, context: inout InterchangeContext, on db: any Database) async throws -> Content {
        guard let organisation = try await OrganisationRecord.find(tenant, on: db) else { throw Abort(.notFound, reason: "no such organisation") }
        let members = try await MemberQuery.members(of: organisation, on: db)
        let structure = try await StructureQuery.load(organisationID: tenant, on: db)
        let referenced = (context[ReferencedRegistryKeys.self] ?? []) + structure.actors.map(\.key)
        let memberKeys = members.map(registryKey)
        let extraKeys = Set(referenced).subtracting(memberKeys).sorted()
        let extras = try await OrganisationRecord.query(on: db).all().filter { extraKeys.contains(registryKey($0)) }
        return Content(
            organisation: .init(slug: organisation.slug, name: organisation.name, kind: organisation.kind,
                                county: organisation.county, members: memberKeys,
                                licence: organisation.licenceName == nil ? nil : organisation.licence),
            registry: (members + extras.sorted { registryKey($0) < registryKey($1) }).map(registryEntry),
            structure: structureEntry(structure),
            meetings: try await meetingEntries(tenant, on: db))
    }

    static func meetingEntries(_ tenant: UUID, on db: any Database) async throws -> [MeetingEntry]? {
        let meetings = try await Meeting.query(on: db).filter(\.$organisation.$id == tenant).sort(\.$heldOn).sort(\.$key).all()
        guard !meetings.isEmpty else { return nil }
        return meetings.map { meeting in
            let record = meeting.record
            return MeetingEntry(key: meeting.key, title: record.title, heldOn: record.heldOn, group: record.group, notes: record.notes,
                                participants: record.participants, documents: record.documents)
        }
    }

    public static func registryKey(_ organisation: OrganisationRecord) -> String { organisation.scbCode ?? organisation.slug }

    static func registryEntry(_ organisation: OrganisationRecord) -> OrganisationSection.RegistryEntry {
        .init(key: registryKey(organisation), kind: organisation.kind, name: organisation.name, scbCode: organisation.scbCode,
              county: organisation.county, population: organisation.population, populationYear: organisation.populationYear,
              populationSource: organisation.populationSource)
    }

    static func structureEntry(_ structure: OrganisationStructure) -> OrganisationSection.StructureEntry {
        .init(
            units: structure.units.map { unit in
                .init(key: unit.key, name: unit.name, areasHeading: unit.areasHeading, areas: unit.areas,
                      steeringHeading: unit.steeringHeading, steeringGroups: unit.steeringGroups, listings: unit.listings.map { .init(heading: $0.heading, groups: $0.groups) })
            },
            groups: structure.groups.map { group in
                .init(key: group.key, name: group.name, kind: group.kind, body: group.isBody,
                      mandate: group.mandate.isEmpty ? nil : group.mandate, meetingRhythm: group.meetingRhythm,
                      reportsTo: group.reportsTo, runBy: group.runBy, runByActor: group.runByActor?.key, convener: group.convener?.key,
                      partners: group.partners.isEmpty ? nil : group.partners.map(\.key),
                      preparesFor: group.preparesFor.isEmpty ? nil : group.preparesFor.map { .init(body: $0.body, organisation: $0.organisation?.key) },
                      memberships: group.seats.isEmpty ? nil : group.seats.map { seat in
                          .init(role: seat.role, category: seat.isCategory ? true : nil, person: seat.person, representing: seat.representing?.key, from: seat.from, to: seat.to)
                      })
            },
            people: structure.people.map { .init(key: $0.key, name: $0.name, title: $0.title) },
            chart: structure.chart.isEmpty ? nil : structure.chart
        )
    }
}
