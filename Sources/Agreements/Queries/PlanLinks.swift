import Core
import Fluent
import Foundation
import Organisation
import Plans
import Vapor

/// What the registry answers on other modules' pages: a document's list of agreements, a goal's or
/// key activity's agreements, a registry entry's agreements. Public pages: public agreements only.
enum PlanLinks {
    static func documentParts(for content: DocumentContent, on req: Request) async throws -> [PageSection] {
        let organisation = try await req.organisation()
        let published = try await Agreement.query(on: req.db).filter(\.$organisationID == organisation.requireID())
            .filter(\.$isPublic == true).filter(\.$status != .draft).sort(\.$position).all()
        let listed = published.filter { $0.listedIn == content.slug }
        let carrying = published.filter { $0.spec.text == content.slug || $0.spec.plans.contains(content.slug) }
        return [AgreementSections.carrier(carrying, document: content.slug, organisation: organisation.slug),
                AgreementSections.planList(listed, organisation: organisation.slug)].compactMap { $0 }
    }

    static func nodeSections(for subject: NodeSubject, on req: Request) async throws -> [PageSection] {
        let organisation = try await req.organisation()
        let reference = AgreementSpec.NodeReference(document: subject.content.slug, lineage: subject.node.lineage)
        let published = try await Agreement.query(on: req.db).filter(\.$organisationID == organisation.requireID())
            .filter(\.$isPublic == true).filter(\.$status != .draft).all()
        let agreements = published.filter { $0.spec.activities.contains(reference) || $0.spec.goals.contains(reference) }
            .sorted { AgreementQuery.swedishOrder($0.title, $1.title) }
        let whole = try await RegistryActivity.query(on: req.db).filter(\.$organisationID == organisation.requireID())
            .filter(\.$documentSlug == reference.document).filter(\.$lineage == reference.lineage).first() != nil
        let mark = try await ParticipationMark.query(on: req.db).filter(\.$organisationID == organisation.requireID())
            .filter(\.$documentSlug == reference.document).filter(\.$lineage == reference.lineage).first()
        return (AgreementSections.nodeSection(agreements, wholeRegistry: whole, organisation: organisation.slug).map { [$0] } ?? [])
            + (mark.map { [ParticipationIndex.View.nodeSection($0.level, organisation: organisation.slug)] } ?? [])
            + (try await commitmentSections(reference, among: published, organisation: organisation.slug, on: req.db))
    }

    /// On a commitment's page: who owes it, each party linked to what it has committed to. Only the
    /// registry is read for the parties' kinds and names; the agreements are the page's already.
    static func commitmentSections(_ reference: AgreementSpec.NodeReference, among published: [Agreement], organisation: String,
                                   on db: any Database) async throws -> [PageSection] {
        let owing = published.filter { $0.spec.text == reference.document && $0.spec.commitments.contains { $0.node == reference.lineage } }
        guard !owing.isEmpty else { return [] }
        let registry = Dictionary(try await OrganisationRecord.query(on: db).all().map { (Catalogue.key(of: $0), $0) }, uniquingKeysWith: { first, _ in first })
        return owing.compactMap { agreement in
            guard let bearer = agreement.spec.commitments.first(where: { $0.node == reference.lineage })?.by else { return nil }
            let bound = agreement.spec.parties.compactMap(\.organisation).compactMap { registry[$0] }.filter { bearer.binds($0.kind) }
            return AgreementSections.bearerSection(bearer, parties: bound.map { (Catalogue.key(of: $0), $0.name) }, agreement: agreement,
                                                   organisation: organisation)
        }
    }

    static func actorSections(for subject: OrganisationSlots.Subject, on req: Request) async throws -> [PageSection] {
        let agreements = try await Agreement.query(on: req.db).filter(\.$organisationID == subject.organisation.requireID())
            .filter(\.$isPublic == true).filter(\.$status != .draft).all()
        guard !agreements.isEmpty, let actor = try await RegistryQuery.actor(subject.key, on: req.db) else { return [] }
        let members = try await MemberQuery.members(of: subject.organisation, on: req.db).map(Catalogue.key(of:))
        let bound = agreements.filter { agreement in
            agreement.spec.parties.contains { $0.organisation == subject.key || ($0.members == true && members.contains(subject.key)) }
        }.sorted { AgreementQuery.swedishOrder($0.title, $1.title) }
        return AgreementSections.actorSection(bound, name: actor.name, organisation: subject.organisation.slug, registryHasAgreements: true).map { [$0] } ?? []
    }
}
