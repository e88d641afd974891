import Auth
import Core
import Fluent
import Foundation
import Organisation
import Vapor

/// The public registry: the list with filters, an agreement's page, its public documents and the
/// review calendars. Drafts and internal agreements are never here (404, not 403, so their titles
/// do not leak).
enum RegistryController {
    @Sendable static func registry(req: Request) async throws -> Response {
        try await req.cachedPage(varyingOn: RegistryFilter.pageParameters) {
            let catalogue = try await Catalogue.load(try await req.organisation(), on: req.db)
            let filter = RegistryFilter.read(req, names: RegistryFilter.pageParameters)
            let all = try await AgreementQuery.contents(catalogue, forPublic: true, on: req.db)
            return req.render(AgreementIndex.View(agreements: all.filter { filter.matches($0, catalogue: catalogue) }, all: all, filter: filter,
                                           catalogue: catalogue, staff: false, mayEdit: false))
        }
    }

    @Sendable static func agreement(req: Request) async throws -> Response {
        try await req.cachedPage {
            let organisation = try await req.organisation()
            let catalogue = try await Catalogue.load(organisation, on: req.db)
            let key = try req.requiredParameter("agreement")
            guard let (_, content) = try await AgreementQuery.content(key, catalogue: catalogue, forPublic: true, on: req.db) else {
                throw Abort(.notFound, reason: "no public agreement \"\(key)\"")
            }
            return req.render(AgreementShow.View(agreement: content, organisation: organisation, staff: false, mayEdit: false,
                                            partyShares: content.partyShares(catalogue)))
        }
    }

    @Sendable static func party(req: Request) async throws -> Response {
        try await req.cachedPage {
            let organisation = try await req.organisation()
            return req.render(CommitmentIndex.View(model: try await partyCommitments(req), organisation: organisation))
        }
    }

    /// A public agreement's party and what it owes; 404 for anything else.
    static func partyCommitments(_ req: Request) async throws -> PartyCommitments {
        let catalogue = try await Catalogue.load(try await req.organisation(), on: req.db)
        let key = try req.requiredParameter("agreement"), party = try req.requiredParameter("party")
        guard let (_, content) = try await AgreementQuery.content(key, catalogue: catalogue, forPublic: true, on: req.db),
              let commitments = PartyCommitments.of(party, in: content, catalogue: catalogue) else {
            throw Abort(.notFound, reason: "no party \"\(party)\" with commitments in a public agreement \"\(key)\"")
        }
        return commitments
    }

    @Sendable static func document(req: Request) async throws -> Response {
        let organisation = try await req.organisation()
        let key = try req.requiredParameter("agreement")
        guard let agreement = try await AgreementQuery.agreement(key, organisationID: organisation.requireID(), on: req.db),
              agreement.isPublic, agreement.status != .draft,
              let document = try await document(of: agreement, req), document.isPublic, document.stored else {
            throw Abort(.notFound, reason: "no public document here")
        }
        return DocumentWork.response(document)
    }

    static func document(of agreement: Agreement, _ req: Request) async throws -> AgreementDocument? {
        guard let id = UUID(uuidString: try req.requiredParameter("document")) else { return nil }
        return try await AgreementDocument.query(on: req.db).filter(\.$id == id).filter(\.$agreement.$id == agreement.requireID()).first()
    }

    /// The public registry as CSV, with the API's field names as columns.
    @Sendable static func csv(req: Request) async throws -> Response {
        let catalogue = try await Catalogue.load(try await req.organisation(), on: req.db)
        let rows = try await AgreementQuery.contents(catalogue, forPublic: true, on: req.db).map { agreement in
            [agreement.key, agreement.title, agreement.kind.rawValue, agreement.status.rawValue, agreement.startsOn ?? "", agreement.endsOn ?? "",
             agreement.reviewOn ?? "", CSVTable.list(agreement.parties.map(\.name)), agreement.unit?.name ?? "", agreement.listedIn ?? "",
             agreement.heading ?? "", CSVTable.list(agreement.activities.map(\.title)),
             req.application.siteShell.publicURL + AgreementsURL.agreement.link(catalogue.organisation.slug, agreement.key)]
        }
        return try CSVTable(columns: ["key", "title", "kind", "status", "startsOn", "endsOn", "reviewOn", "parties", "unit", "listedIn", "heading",
                                      "activities", "url"], rows: rows).response(filename: "avtal.csv")
    }

    // MARK: Calendars

    @Sendable static func calendar(req: Request) async throws -> Response {
        let organisation = try await req.organisation()
        return try await feed(organisation, includeInternal: false, req)
    }

    @Sendable static func secretCalendar(req: Request) async throws -> Response {
        let organisation = try await req.organisation()
        let token = try req.requiredParameter("token").replacingOccurrences(of: ".ics", with: "")
        guard try await CalendarFeed.query(on: req.db).filter(\.$organisationID == organisation.requireID())
            .filter(\.$tokenHash == Accounts.hash(token)).first() != nil else {
            throw Abort(.notFound, reason: "no calendar at this address; it may have been revoked")
        }
        let response = try await feed(organisation, includeInternal: true, req)
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "no-referrer")
        return response
    }

    static func feed(_ organisation: OrganisationRecord, includeInternal: Bool, _ req: Request) async throws -> Response {
        var query = Agreement.query(on: req.db).filter(\.$organisationID == (try organisation.requireID())).filter(\.$reviewOn != nil)
        if !includeInternal { query = query.filter(\.$isPublic == true).filter(\.$status != .draft) }
        let publicURL = req.application.siteShell.publicURL
        let events = try await query.sort(\.$reviewOn).sort(\.$key).all().map { agreement in
            ICalendar.Event(uid: "agreement-review-\(agreement.id!.uuidString.lowercased())@samsyn", day: agreement.reviewOn!,
                            summary: "Omprövning: \(agreement.title)", description: "\(agreement.kind.label), \(agreement.status.label.lowercased()).",
                            url: publicURL + (includeInternal ? AgreementsURL.staffAgreement : AgreementsURL.agreement).link(organisation.slug, agreement.key))
        }
        let body = ICalendar(name: "Omprövningar av avtal – \(organisation.name)", events: events).render(stamp: req.application.now())
        let response = Response(status: .ok, body: .init(string: body))
        response.headers.replaceOrAdd(name: .contentType, value: "text/calendar; charset=utf-8")
        response.headers.replaceOrAdd(name: .contentDisposition, value: "inline; filename=\"omprovningar.ics\"")
        return response
    }
}
