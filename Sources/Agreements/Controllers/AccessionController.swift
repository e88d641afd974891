import Auth
import Core
import Fluent
import Foundation
import Organisation
import Plans
import Vapor

/// Joining an agreement. Public: the application form (no account; a double-submit CSRF token, a
/// rate limit per client and a size limit on the body), the applicant's follow link and leaving,
/// the list of organisations that joined. For the agreement's editors: the applications and the
/// decisions.
enum AccessionController {
    static func openAgreement(_ req: Request) async throws -> (OrganisationRecord, Agreement) {
        let organisation = try await req.organisation()
        let key = try req.requiredParameter("agreement")
        guard let agreement = try await AgreementQuery.agreement(key, organisationID: organisation.requireID(), on: req.db),
              agreement.isPublic, agreement.status != .draft, agreement.spec.acceptsAccessions else {
            throw Abort(.notFound, reason: "no agreement open for accession \"\(key)\"")
        }
        return (organisation, agreement)
    }

    static func formModel(_ organisation: OrganisationRecord, _ agreement: Agreement, values: [String: String]) -> Forms.FormView.Model {
        let textURL = agreement.spec.text.map { PlansURL.document(organisation.slug, $0) }
        return .init(
            heading: "Ansök om att ansluta er till överenskommelsen",
            intro: ["\(agreement.title).",
                    "Idéburna organisationer som verkar regionalt välkomnas att ansluta sig. Ledningsgruppen går igenom ansökan; ni får en länk där ni följer den."
                        + (textURL == nil ? "" : " Läs överenskommelsen och dess sju principer innan ni ansöker."),
                    "Kontaktpersonens namn och e-post visas aldrig offentligt. Organisationens namn och anslutningsdatum visas i listan över anslutna."],
            trail: [Breadcrumb("Avtal och överenskommelser", url: AgreementsURL.registry.link(organisation.slug)),
                    Breadcrumb(agreement.title, url: AgreementsURL.agreement.link(organisation.slug, agreement.key))],
            action: AgreementsURL.accession.link(organisation.slug, agreement.key),
            fields: [
                .init("name", "Organisationens namn"),
                .init("orgNumber", "Organisationsnummer", hint: "Tio siffror, som 802012-3454."),
                .init("contactName", "Kontaktperson"),
                .init("contactEmail", "Kontaktpersonens e-post", hint: "Hit skickas länken till ansökan och beslutet."),
                .init("area", "Var i länet verkar organisationen?", .textarea(rows: 2), hint: "Till exempel i hela länet, eller i vilka kommuner."),
                .init("scope", "Verksamhetens inriktning och omfattning", .textarea(rows: 5), hint: "Vad organisationen gör, för vilka, och hur många den samlar."),
                .init("sharesPrinciples", "Organisationen delar den grundläggande värdegrund som finns formulerad i överenskommelsens sju principer", .checkbox),
            ],
            state: .init(values: values), submit: "Skicka ansökan", cancelURL: AgreementsURL.agreement.link(organisation.slug, agreement.key),
            links: textURL.map { [Forms.Choice($0, "Överenskommelsens text och principer")] } ?? [])
    }

    /// The form with a fresh double-submit token in a cookie limited to the form's path.
    static func render(_ req: Request, _ organisation: OrganisationRecord, _ model: Forms.FormView.Model, status: HTTPStatus = .ok) -> Response {
        let csrf = Accounts.randomToken()
        let response = privatePage(req.render(Forms.FormView(tenantSlug: organisation.slug, tenantName: organisation.name,
                                                             tenantHome: OrganisationURL.home.link(organisation.slug), model: model, csrf: csrf)), status: status)
        response.cookies[DoubleSubmitCSRFMiddleware.cookie] = HTTPCookies.Value(
            string: csrf, maxAge: 3600, path: model.action, isSecure: req.cameOverTLS, isHTTPOnly: true, sameSite: .strict)
        return response
    }

    @Sendable static func form(req: Request) async throws -> Response {
        let (organisation, agreement) = try await openAgreement(req)
        return render(req, organisation, formModel(organisation, agreement, values: [:]))
    }

    @Sendable static func apply(req: Request) async throws -> Response {
        let (organisation, agreement) = try await openAgreement(req)
        guard try await RateCounters.increment("accession:client:\(req.clientAddress)", window: 3600, now: req.application.now(), on: req.db)
                <= Accessions.perClientPerHour else {
            return privatePage(req.render(AccessionNotice.View(organisation: organisation, heading: "För många ansökningar",
                message: "Härifrån har det kommit för många ansökningar den senaste timmen. Vänta en stund och försök igen.")), status: .tooManyRequests)
        }
        let values = try req.content.decode([String: String].self).filter { $0.key != FormCSRF.field }
        let form = Accessions.Form(name: values["name"] ?? "", orgNumber: values["orgNumber"] ?? "", contactName: values["contactName"] ?? "",
                                   contactEmail: values["contactEmail"] ?? "", area: values["area"] ?? "", scope: values["scope"] ?? "",
                                   sharesPrinciples: values["sharesPrinciples"] == "on")
        do {
            let (_, token) = try await Accessions.apply(form, to: agreement, organisation: organisation, publicURL: req.application.siteShell.publicURL,
                                                        at: req.application.now(), on: req.db)
            return req.redirect(to: AgreementsURL.application.link(organisation.slug, agreement.key, token, query: ["klart": "skickad"]), redirectType: .normal)
        } catch let failure as AgreementWork.Failure {
            var model = formModel(organisation, agreement, values: values)
            if case .invalid(_, _, let field) = failure { model.state.error = (field ?? "", failure.swedish) }
            return render(req, organisation, model, status: .unprocessableEntity)
        }
    }

    /// The applicant's page: the application's state; after approval, leaving.
    static func followed(_ req: Request) async throws -> (OrganisationRecord, Agreement, AccessionApplication, String) {
        let organisation = try await req.organisation()
        let token = try req.requiredParameter("token")
        guard let application = try await Accessions.application(token: token, on: req.db), application.organisationID == organisation.id,
              application.agreement.key == (try req.requiredParameter("agreement")) else {
            throw Abort(.notFound, reason: "no application at this link; a rejected application is deleted \(Accessions.rejectedKeptDays) days after the decision")
        }
        return (organisation, application.agreement, application, token)
    }

    @Sendable static func follow(req: Request) async throws -> Response {
        let (organisation, agreement, application, token) = try await followed(req)
        let notice: String? = switch req.queryValue("klart") {
        case "skickad": "Tack! Ansökan är skickad. Spara den här sidans adress: här följer ni ansökan. Samma länk har skickats till kontaktpersonens e-post."
        case "lamnat": "Organisationen har lämnat överenskommelsen."
        default: nil
        }
        let csrf = Accounts.randomToken()
        let response = secretLinkPage(req.render(ApplicationShow.View(organisation: organisation, agreement: agreement, application: application,
                                                                        token: token, csrf: csrf, notice: notice)))
        response.cookies[DoubleSubmitCSRFMiddleware.cookie] = HTTPCookies.Value(
            string: csrf, maxAge: 3600, path: AgreementsURL.leave.link(organisation.slug, agreement.key, token), isSecure: req.cameOverTLS,
            isHTTPOnly: true, sameSite: .strict)
        return response
    }

    @Sendable static func leave(req: Request) async throws -> Response {
        let (organisation, agreement, application, token) = try await followed(req)
        do {
            try await Accessions.leave(application, agreement: agreement, at: req.application.now(), on: req.db)
        } catch let failure as AgreementWork.Failure {
            // A pending, rejected or already-left application cannot be left: said on a page, 409, nothing written.
            return secretLinkPage(req.render(AccessionNotice.View(organisation: organisation, heading: "Det gick inte att lämna överenskommelsen",
                                                               message: failure.swedish)), status: .conflict)
        }
        return req.redirect(to: AgreementsURL.application.link(organisation.slug, agreement.key, token, query: ["klart": "lamnat"]), redirectType: .normal)
    }

    @Sendable static func list(req: Request) async throws -> Response {
        try await req.cachedPage {
            let (organisation, agreement) = try await openAgreement(req)
            return req.render(AccessionIndex.View(organisation: organisation, agreement: agreement,
                                                accessions: try await AccessionContent.joined(agreement, on: req.db)))
        }
    }

    @Sendable static func json(req: Request) async throws -> Response {
        try await req.cachedJSON {
            let (_, agreement) = try await openAgreement(req)
            return try await AccessionContent.joined(agreement, on: req.db)
        }
    }

    // MARK: The ledningsgrupp

    static func staffAgreement(_ req: Request) async throws -> (EditorController.Context, Agreement) {
        let context = try await EditorController.context(req, .edit)
        return (context, try await EditorController.agreement(req, context))
    }

    @Sendable static func applications(req: Request) async throws -> Response {
        let (context, agreement) = try await staffAgreement(req)
        let notice: String? = switch req.queryValue("klart") {
        case "godkand": "Ansökan är godkänd. Organisationen visas i listan över anslutna, och kontaktpersonen har fått beslutet."
        case "avslagen": "Ansökan är avslagen. Kontaktpersonen har fått beslutet och skälet."
        default: nil
        }
        return privatePage(req.render(ApplicationIndex.View(organisation: context.organisation, agreement: agreement,
                                                       applications: try await ApplicationContent.all(agreement, on: req.db), csrf: context.csrf, notice: notice)))
    }

    struct Decision: Content { let decision: String?; let reason: String? }

    @Sendable static func decide(req: Request) async throws -> Response {
        let (context, agreement) = try await staffAgreement(req)
        let form = try req.content.decode(Decision.self)
        let applications = try await ApplicationContent.all(agreement, on: req.db)
        guard let id = UUID(uuidString: try req.requiredParameter("application")),
              let application = try await AccessionApplication.query(on: req.db).filter(\.$id == id).filter(\.$agreement.$id == agreement.requireID()).first() else {
            throw Abort(.notFound, reason: "no such application")
        }
        do {
            guard let decision = form.decision, ["approve", "reject"].contains(decision) else {
                throw AgreementWork.Failure.invalid("Välj godkänn eller avslå.", english: "decision is approve or reject", field: "decision")
            }
            try await Accessions.decide(application, approve: decision == "approve", reason: form.reason ?? "", agreement: agreement,
                                        organisation: context.organisation, actor: context.actor, publicURL: req.application.siteShell.publicURL,
                                        at: req.application.now(), on: req.db)
            return req.redirect(to: AgreementsURL.applications.link(context.slug, agreement.key, query: ["klart": "\(decision == "approve" ? "godkand" : "avslagen")"]),
                                redirectType: .normal)
        } catch let failure as AgreementWork.Failure {
            let field: String? = if case .invalid(_, _, let field) = failure { field } else { nil }
            let refused = ApplicationIndex.View.Refusal(id: id.uuidString.lowercased(), field: field ?? "decision", message: failure.swedish,
                                                   decision: form.decision ?? "", reason: form.reason ?? "")
            return privatePage(req.render(ApplicationIndex.View(organisation: context.organisation, agreement: agreement, applications: applications,
                                                           csrf: context.csrf, refusal: refused)), status: .unprocessableEntity)
        }
    }
}
