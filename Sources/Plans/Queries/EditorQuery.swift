import Fluent
import Organisation
import Vapor

/// What the editor reads besides a version's content, shared by the browser and the API.
enum EditorQuery {
    /// A document of the organisation with its newest version, draft or not; 404 when missing.
    static func latestVersion(of slug: String, in organisation: OrganisationRecord, on db: any Database) async throws -> (SteeringDocument, DocumentVersion) {
        guard let document = try await SteeringDocument.query(on: db).filter(\.$organisation.$id == organisation.requireID())
                .filter(\.$slug == slug).with(\.$versions).first(),
              let latest = document.versions.max(by: { $0.number < $1.number }) else { throw Abort(.notFound, reason: "no document \"\(slug)\"") }
        return (document, latest)
    }

    /// What a node's facts may point at: the organisation's units, its members and partners, its networks.
    static func factOptions(_ organisation: OrganisationRecord, on db: any Database) async throws -> Editor.FactOptions {
        let structure = try await StructureQuery.load(organisationID: organisation.requireID(), on: db)
        let members = try await MemberQuery.members(of: organisation, on: db).map { (key: $0.scbCode ?? $0.slug, name: $0.name) }
        var seen = Set(members.map(\.key))
        let partners = structure.partners
            .filter { seen.insert($0.key).inserted }.sorted { $0.name < $1.name }.map { (key: $0.key, name: $0.name) }
        return .init(units: structure.units.map(\.name), partners: partners + members,
                     networks: structure.groups.map { (key: $0.key, name: $0.name) })
    }
}
