import Fluent
import Foundation
import Organisation
import Plans

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

    public static func export(slug: String, on db: any Database) async throws -> OrganisationFile {
        guard let organisation = try await OrganisationRecord.query(on: db).filter(\.$slug == slug).first() else {
            throw Failure.unknownOrganisation(slug)
        }
        let organisationID = try organisation.requireID()
        let memberships = try await Membership.query(on: db)
            .filter(\.$organisation.$id == organisationID)
            .with(\.$member)
            .sort(\.$position)
            .all()
        let documents = try await SteeringDocument.query(on: db)
            .filter(\.$organisation.$id == organisationID)
            .with(\.$versions)
            .sort(\.$slug)
            .all()

        var documentEntries: [OrganisationFile.DocumentEntry] = []
        var partnerKeys: [String] = []
        for document in documents {
            var versions: [OrganisationFile.VersionEntry] = []
            for version in document.versions.sorted(by: { $0.number < $1.number }) {
                let content = try await DocumentQuery.content(organisation: organisation, document: document, version: version,
                                                              allVersions: document.versions, on: db)
                let entry = versionEntry(content)
                partnerKeys += entry.nodes.flatMap { $0.partners ?? [] }
                versions.append(entry)
            }
            documentEntries.append(.init(slug: document.slug, kind: document.kind, versions: versions))
        }

        let structure = try await StructureQuery.load(organisationID: organisationID, on: db)
        partnerKeys += structure.groups.flatMap { group in
            [group.convener?.key].compactMap { $0 } + group.partners.map(\.key) + group.seats.compactMap(\.representing?.key)
        }
        let members = memberships.map(\.member)
        let memberKeys = members.map(registryKey)
        let extraKeys = Set(partnerKeys).subtracting(memberKeys).sorted()
        let extras = try await OrganisationRecord.query(on: db).all().filter { extraKeys.contains(registryKey($0)) }
        return OrganisationFile(
            format: OrganisationFile.formatName,
            formatVersion: OrganisationFile.currentVersion,
            organisation: .init(slug: organisation.slug, name: organisation.name, kind: organisation.kind,
                                county: organisation.county, members: memberKeys),
            registry: (members + extras.sorted { registryKey($0) < registryKey($1) }).map(registryEntry),
            structure: structureEntry(structure),
            documents: documentEntries
        )
    }

    /// Stable, readable JSON: sorted keys, pretty printed, UTF-8 unescaped.
    public static func encode(_ file: OrganisationFile) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(file)
    }

    static func registryKey(_ organisation: OrganisationRecord) -> String { organisation.scbCode ?? organisation.slug }

    static func registryEntry(_ organisation: OrganisationRecord) -> OrganisationFile.RegistryEntry {
        .init(key: registryKey(organisation), kind: organisation.kind, name: organisation.name, scbCode: organisation.scbCode,
              county: organisation.county, population: organisation.population, populationYear: organisation.populationYear)
    }

    static func structureEntry(_ structure: OrganisationStructure) -> OrganisationFile.StructureEntry {
        .init(
            units: structure.units.map { unit in
                .init(key: unit.key, name: unit.name, areasHeading: unit.areasHeading, areas: unit.areas,
                      steeringGroups: unit.steeringGroups, listings: unit.listings.map { .init(heading: $0.heading, groups: $0.groups) })
            },
            groups: structure.groups.map { group in
                .init(key: group.key, name: group.name, kind: group.kind, body: group.isBody,
                      mandate: group.mandate.isEmpty ? nil : group.mandate, meetingRhythm: group.meetingRhythm,
                      reportsTo: group.reportsTo, runBy: group.runBy, convener: group.convener?.key,
                      partners: group.partners.isEmpty ? nil : group.partners.map(\.key),
                      memberships: group.seats.isEmpty ? nil : group.seats.map { seat in
                          .init(role: seat.role, person: seat.person, representing: seat.representing?.key, from: seat.from, to: seat.to)
                      })
            },
            people: structure.people.map { .init(key: $0.key, name: $0.name, title: $0.title) }
        )
    }

    static func versionEntry(_ content: DocumentContent) -> OrganisationFile.VersionEntry {
        let agenda = { (entry: DocumentContent.Agenda2030Entry) in OrganisationFile.Agenda2030Entry(code: entry.code, role: entry.role, explanation: entry.explanation) }
        var nodes: [OrganisationFile.NodeEntry] = []
        func walk(_ children: [DocumentContent.Node], parent: String?) {
            for node in children {
                nodes.append(.init(
                    key: node.key, lineage: node.lineage == node.key ? nil : node.lineage, parent: parent, level: node.level, title: node.title,
                    text: node.text.isEmpty ? nil : node.text,
                    responsibleUnit: node.responsibleUnit, status: node.status,
                    partners: node.partners.isEmpty ? nil : node.partners,
                    networks: node.networks.isEmpty ? nil : node.networks,
                    strategies: node.strategies.isEmpty ? nil : node.strategies,
                    implements: node.implements.isEmpty ? nil : node.implements,
                    agenda2030: node.agenda2030.isEmpty ? nil : node.agenda2030.map(agenda)
                ))
                walk(node.children, parent: node.key)
            }
        }
        walk(content.nodes, parent: nil)
        let version = content.version
        return .init(
            number: version.number, title: version.title, status: version.status,
            periodStart: version.periodStart, periodEnd: version.periodEnd,
            adoptedBy: version.adoptedBy, adoptedOn: version.adoptedOn, decisionReference: version.decisionReference,
            levels: version.levels,
            frozenNames: version.frozenNames,
            sections: content.sections.map { .init(key: $0.key, heading: $0.heading, depth: $0.depth, role: $0.role, body: $0.body) },
            agenda2030: content.agenda2030.map(agenda),
            nodes: nodes
        )
    }
}
