import Auth
import Core
import Fluent
import Foundation
import Organisation
import Vapor

/// Keeping the registry in the browser, for the organisation's users: every agreement (internal
/// ones too), the forms to add and change one, documents, the reviews and the secret calendar.
/// Signed-in routes (session and CSRF checked by middleware); each handler asks AgreementsPermissions
/// in the organisation of the URL. A refused form comes back with the input and the reason beside
/// the field; a write leads to the page it concerns with a notice of what was done.
enum EditorController {
    /// The signed-in context with the registry's catalogue of parties.
    @dynamicMemberLookup
    struct Context {
        let signedIn: SignedInContext
        let catalogue: Catalogue
        subscript<Value>(dynamicMember path: KeyPath<SignedInContext, Value>) -> Value { signedIn[keyPath: path] }
    }

    static func context(_ req: Request, _ action: AgreementsPermissions.Action) async throws -> Context {
        let signedIn = try await req.access(action, by: AgreementsPermissions.self)
        return Context(signedIn: signedIn, catalogue: try await Catalogue.load(signedIn.organisation, on: req.db))
    }

    static func agreement(_ req: Request, _ context: Context) async throws -> Agreement {
        let key = try req.requiredParameter("agreement")
        guard let agreement = try await AgreementQuery.agreement(key, organisationID: context.organisation.requireID(), on: req.db) else {
            throw Abort(.notFound, reason: "no agreement \"\(key)\" in the registry")
        }
        return agreement
    }

    static func notice(_ req: Request) -> String? {
        switch req.queryValue("klart") {
        case "tillagt": "Avtalet är tillagt i registret."
        case "sparat": "Avtalet är sparat som en ny version."
        case "oforandrat": "Inget ändrades: formuläret skickades utan ändringar."
        case "uppladdat": "Filen är bifogad."
        case "borttaget": "Filen är borttagen."
        case "aterkallad": "Den hemliga kalenderadressen är återkallad."
        default: nil
        }
    }

    static func redirect(_ req: Request, _ url: String, notice: String, at anchor: String? = nil) -> Response {
        req.redirect(to: url + QueryString.make(["klart": "\(notice)"]) + (anchor.map { "#\($0)" } ?? ""), redirectType: .normal)
    }

    static func render(_ req: Request, _ context: Context, _ model: Forms.FormView.Model, status: HTTPStatus = .ok) -> Response {
        privatePage(req.render(Forms.FormView(tenantSlug: context.slug, tenantName: context.organisation.name,
                                              tenantHome: OrganisationURL.home.link(context.slug), model: model, csrf: context.csrf)), status: status)
    }

    static func today(_ req: Request) -> String { CalendarDate.day(of: req.application.now()) }

    // MARK: Pages

    @Sendable static func registry(req: Request) async throws -> Response {
        let context = try await context(req, .read)
        let filter = RegistryFilter.read(req, names: RegistryFilter.pageParameters)
        let all = try await AgreementQuery.contents(context.catalogue, forPublic: false, on: req.db)
        return privatePage(req.render(AgreementIndex.View(agreements: all.filter { filter.matches($0, catalogue: context.catalogue) }, all: all,
                                                   filter: filter, catalogue: context.catalogue, staff: true, mayEdit: context.mayEdit, notice: notice(req))))
    }

    @Sendable static func agreementPage(req: Request) async throws -> Response {
        let context = try await context(req, .read)
        let key = try req.requiredParameter("agreement")
        guard let (_, content) = try await AgreementQuery.content(key, catalogue: context.catalogue, forPublic: false, on: req.db) else {
            throw Abort(.notFound, reason: "no agreement \"\(key)\" in the registry")
        }
        return privatePage(req.render(AgreementShow.View(agreement: content, organisation: context.organisation, staff: true, mayEdit: context.mayEdit,
                                                    notice: notice(req), csrf: context.csrf, partyShares: content.partyShares(context.catalogue))))
    }

    @Sendable static func document(req: Request) async throws -> Response {
        let context = try await context(req, .read)
        let agreement = try await agreement(req, context)
        guard let document = try await RegistryController.document(of: agreement, req), document.stored else {
            throw Abort(.notFound, reason: "no such document")
        }
        let response = DocumentWork.response(document)
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return response
    }

    // MARK: Adding and changing

    static func newModel(_ context: Context, values: [String: String]) -> Forms.FormView.Model {
        .init(heading: "Nytt avtal", intro: ["Avtalet läggs till i registret som version 1. Varje ändring sparas sedan som en ny version."],
              trail: [Breadcrumb("Avtal och överenskommelser", url: AgreementsURL.registry.link(context.slug)),
                      Breadcrumb("Hantera", url: AgreementsURL.staffRegistry.link(context.slug))],
              action: AgreementsURL.newAgreement.link(context.slug), fields: AgreementForm.fields(context.catalogue), state: .init(values: values),
              submit: "Lägg till avtalet", cancelURL: AgreementsURL.staffRegistry.link(context.slug))
    }

    @Sendable static func newForm(req: Request) async throws -> Response {
        let context = try await context(req, .edit)
        return render(req, context, newModel(context, values: ["kind": AgreementKind.avtal.rawValue, "status": AgreementStatus.draft.rawValue, "public": "on"]))
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let context = try await context(req, .edit)
        let values = AgreementForm.submitted(try req.content.decode([String: String].self))
        return try await submit(req, context, newModel(context, values: values)) {
            let agreement = try await AgreementWork.create(try AgreementForm.spec(values, catalogue: context.catalogue), in: context.catalogue,
                                                           actor: context.actor, today: today(req), at: req.application.now(), on: req.db)
            return redirect(req, AgreementsURL.staffAgreement.link(context.slug, agreement.key), notice: "tillagt")
        }
    }

    static func editModel(_ context: Context, _ agreement: Agreement, values: [String: String]) -> Forms.FormView.Model {
        .init(heading: "Ändra \(agreement.title)", intro: ["Ändringen sparas som version \(agreement.revision + 1); de tidigare versionerna finns kvar."],
              trail: [Breadcrumb("Avtal och överenskommelser", url: AgreementsURL.registry.link(context.slug)),
                      Breadcrumb("Hantera", url: AgreementsURL.staffRegistry.link(context.slug)),
                      Breadcrumb(agreement.title, url: AgreementsURL.staffAgreement.link(context.slug, agreement.key))],
              action: AgreementsURL.editAgreement.link(context.slug, agreement.key), fields: AgreementForm.fields(context.catalogue),
              state: .init(values: values), submit: "Spara avtalet", cancelURL: AgreementsURL.staffAgreement.link(context.slug, agreement.key))
    }

    @Sendable static func editForm(req: Request) async throws -> Response {
        let context = try await context(req, .edit)
        let agreement = try await agreement(req, context)
        return render(req, context, editModel(context, agreement, values: AgreementForm.values(agreement.spec, revision: agreement.revision, catalogue: context.catalogue)))
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let context = try await context(req, .edit)
        let agreement = try await agreement(req, context)
        let values = AgreementForm.submitted(try req.content.decode([String: String].self))
        return try await submit(req, context, editModel(context, agreement, values: values)) {
            let outcome = try await AgreementWork.update(agreement, to: try AgreementForm.spec(values, catalogue: context.catalogue, before: agreement.spec),
                                                         expectedRevision: values["revision"].flatMap(Int.init), in: context.catalogue,
                                                         actor: context.actor, today: today(req), at: req.application.now(), on: req.db)
            return redirect(req, AgreementsURL.staffAgreement.link(context.slug, agreement.key), notice: outcome == .unchanged ? "oforandrat" : "sparat")
        }
    }

    static func submit(_ req: Request, _ context: Context, _ model: Forms.FormView.Model, _ write: () async throws -> Response) async throws -> Response {
        do {
            return try await write()
        } catch let failure as AgreementWork.Failure {
            var model = model
            let (field, status): (String, HTTPStatus) = switch failure {
            case .invalid(_, _, let field): (field ?? "", .unprocessableEntity)
            case .conflict: ("", .conflict)
            case .notFound: ("", .notFound)
            }
            model.state.error = (field, failure.swedish)
            return render(req, context, model, status: status)
        }
    }

    // MARK: Documents

    struct Upload: Content {
        var file: File?
        var `public`: String?
    }

    @Sendable static func upload(req: Request) async throws -> Response {
        let context = try await context(req, .edit)
        let agreement = try await agreement(req, context)
        let upload = try? req.content.decode(Upload.self)
        do {
            let file = upload?.file
            _ = try await DocumentWork.add(to: agreement, name: file?.filename ?? "", data: file.map { Data(buffer: $0.data) } ?? Data(),
                                           isPublic: upload?.public == "on", actor: context.actor, at: req.application.now(), on: req.db)
            return redirect(req, AgreementsURL.staffAgreement.link(context.slug, agreement.key), notice: "uppladdat", at: "dokument")
        } catch let failure as AgreementWork.Failure {
            guard let (_, content) = try await AgreementQuery.content(agreement.key, catalogue: context.catalogue, forPublic: false, on: req.db) else {
                throw Abort(.notFound)
            }
            return privatePage(req.render(AgreementShow.View(agreement: content, organisation: context.organisation, staff: true, mayEdit: true,
                                                        csrf: context.csrf, uploadError: failure.swedish)), status: .unprocessableEntity)
        }
    }

    @Sendable static func removeDocumentForm(req: Request) async throws -> Response {
        let context = try await context(req, .edit)
        let agreement = try await agreement(req, context)
        guard let document = try await RegistryController.document(of: agreement, req) else { throw Abort(.notFound, reason: "no such document") }
        let url = AgreementsURL.staffAgreement.link(context.slug, agreement.key)
        return privatePage(req.render(Forms.ConfirmView(
            tenantSlug: context.slug, tenantName: context.organisation.name, tenantHome: OrganisationURL.home.link(context.slug),
            trail: [Breadcrumb("Avtal och överenskommelser", url: AgreementsURL.registry.link(context.slug)), Breadcrumb(agreement.title, url: url)],
            heading: "Ta bort \(document.name)", question: "Filen tas bort från avtalet \(agreement.title). Det går inte att ångra.",
            action: AgreementsURL.removeDocument.link(context.slug, agreement.key, try document.requireID().uuidString.lowercased()),
            fields: ["csrf": context.csrf], confirmLabel: "Ta bort filen", cancelURL: url)))
    }

    @Sendable static func removeDocument(req: Request) async throws -> Response {
        let context = try await context(req, .edit)
        let agreement = try await agreement(req, context)
        guard let document = try await RegistryController.document(of: agreement, req) else { throw Abort(.notFound, reason: "no such document") }
        try await DocumentWork.remove(document, of: agreement, actor: context.actor, on: req.db)
        return redirect(req, AgreementsURL.staffAgreement.link(context.slug, agreement.key), notice: "borttaget", at: "dokument")
    }

    // MARK: Reviews

    @Sendable static func reviews(req: Request) async throws -> Response {
        try await reviewsPage(req, context: try await context(req, .read), newFeedURL: nil)
    }

    static func reviewsPage(_ req: Request, context: Context, newFeedURL: String?) async throws -> Response {
        let months = min(60, max(1, req.queryValue("manader", as: Int.self) ?? 6))
        let today = today(req)
        let horizon = CalendarDate.adding(months * 30, to: today) ?? today
        let all = try await AgreementQuery.contents(context.catalogue, forPublic: false, on: req.db)
            .filter { $0.reviewOn != nil && $0.status != .terminated && $0.status != .expired }
            .sorted { ($0.reviewOn!, $0.title) < ($1.reviewOn!, $1.title) }
        let hasFeed = try await CalendarFeed.query(on: req.db).filter(\.$organisationID == context.organisation.requireID()).first() != nil
        return privatePage(req.render(ReviewIndex.View(
            organisation: context.organisation, overdue: all.filter { $0.reviewOn! < today }, coming: all.filter { $0.reviewOn! >= today && $0.reviewOn! <= horizon },
            months: months, mayEdit: context.mayEdit, hasSecretFeed: hasFeed, newFeedURL: newFeedURL, csrf: context.csrf, notice: notice(req))))
    }

    @Sendable static func calendarLink(req: Request) async throws -> Response {
        let context = try await context(req, .edit)
        let action = (try? req.content.get(String.self, at: "action")) ?? ""
        let organisationID = try context.organisation.requireID()
        if action == "revoke" {
            try await req.db.write { db in
                try await CalendarFeed.query(on: db).filter(\.$organisationID == organisationID).delete()
                try await AuditLog.record("agreements.calendar.revoke", subject: context.slug, actor: context.actor, organisationID: organisationID, on: db)
            }
            return redirect(req, AgreementsURL.reviews.link(context.slug), notice: "aterkallad")
        }
        let token = [UInt8].random(count: 24).map { String(format: "%02x", $0) }.joined()
        try await req.db.write { db in
            try await CalendarFeed.query(on: db).filter(\.$organisationID == organisationID).delete()
            let feed = CalendarFeed()
            feed.organisationID = organisationID
            feed.tokenHash = Accounts.hash(token)
            feed.createdAt = req.application.now()
            feed.createdBy = context.actor.description
            try await feed.create(on: db)
            try await AuditLog.record("agreements.calendar.new", subject: context.slug, actor: context.actor, organisationID: organisationID, on: db)
        }
        let url = req.application.siteShell.publicURL + AgreementsURL.secretCalendar.link(context.slug, token)
        return try await reviewsPage(req, context: context, newFeedURL: url)
    }
}
