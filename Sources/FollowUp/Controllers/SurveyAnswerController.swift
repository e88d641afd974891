import Auth
import Core
import Fluent
import Organisation
import Vapor

/// The personal survey link: no account, a double-submit CSRF token, a rate limit per client and a
/// size limit on the body. Answered or expired, the link shows the network's own results.
enum SurveyAnswerController {
    /// Answers a client may send per hour, whatever the links: a flood is refused, not counted.
    static let answersPerHour = 20

    static func form(_ survey: Survey, _ network: String, _ organisation: OrganisationRecord, token: String, values: [String: String]) -> Forms.FormView.Model {
        let questions = JSONColumn.decode([SurveyQuestion].self, from: survey.questionsJSON, default: SurveyQuestion.defaults)
        let scores = [Forms.Choice("", "Välj…")] + (1...5).map { score in
            Forms.Choice(String(score), "\(score)" + (score == 1 ? " – inte alls värdefullt" : score == 5 ? " – mycket värdefullt" : ""))
        }
        var fields: [Forms.FieldSpec] = [.init("score", questions.first?.text ?? "Betyg", .select(scores))]
        for (index, question) in questions.dropFirst().enumerated() {
            fields.append(.init("text\(index + 1)", question.text, .textarea(rows: 4), hint: "Frivilligt, högst \(SurveyWork.textLength) tecken."))
        }
        fields.append(.init("consent", "Får vi citera ditt svar i verksamhetsberättelsen?", .select(QuoteConsent.allCases.map { .init($0.rawValue, $0.label) }),
                            hint: "Ett citat visas aldrig med ditt namn: anonymt, eller med nätverkets namn."))
        return .init(heading: survey.title,
                     intro: ["Du svarar för \(network). Svaret räknas för nätverket, inte för dig som person; länken fungerar en gång och till och med \(survey.closesOn)."],
                     trail: [], action: SurveyURL.answer.link(token), fields: fields, state: .init(values: values), submit: "Skicka svaret",
                     cancelURL: OrganisationURL.home.link(organisation.slug))
    }

    /// The survey's organisation and the network's name.
    static func context(_ invitation: SurveyInvitation, _ survey: Survey, on db: any Database) async throws -> (OrganisationRecord, String) {
        guard let organisation = try await OrganisationRecord.find(survey.organisationID, on: db) else { throw Abort(.notFound) }
        let network = try await StructureQuery.group(organisationID: survey.organisationID, key: invitation.groupKey, on: db)
        return (organisation, network?.name ?? invitation.groupKey)
    }

    static func page(_ req: Request, _ html: String, status: HTTPStatus = .ok) -> Response { secretLinkPage(html, status: status) }

    static func message(_ req: Request, _ problem: SurveyWork.LinkProblem, invitation: SurveyInvitation?, survey: Survey?, notice: String? = nil) async throws -> Response {
        guard let invitation, let survey else {
            return page(req, req.render(SurveyNotice.View(organisationSlug: "", organisationName: "Samsyn", heading: "Länken fungerar inte",
                                                          message: problem.swedish, tally: nil)), status: .notFound)
        }
        let (organisation, network) = try await context(invitation, survey, on: req.db)
        let tally = try await SurveyQuery.tally(organisationID: survey.organisationID, only: [invitation.groupKey], on: req.db)
        let heading = problem == .used ? "Tack för \(network)s svar" : "Enkäten är stängd"
        let text = notice == nil ? problem.swedish : "Öppna länken igen när du vill för att se nätverkets resultat; den tar inte emot fler svar."
        return page(req, req.render(SurveyNotice.View(organisationSlug: organisation.slug, organisationName: organisation.name, heading: heading,
                                                      message: text, notice: notice, tally: tally)),
                    status: notice != nil ? .ok : (problem == .used ? .conflict : .gone))
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let token = try req.requiredParameter("token")
        let found: (SurveyInvitation, Survey, SurveyWork.LinkProblem?)
        do { found = try await SurveyWork.invitation(token: token, on: req.db) } catch let problem as SurveyWork.LinkProblem {
            return try await message(req, problem, invitation: nil, survey: nil)
        }
        let (invitation, survey, problem) = found
        if let problem {
            let thanked = req.queryValue("klart") == "svar" && problem == .used
            return try await message(req, problem, invitation: invitation, survey: survey, notice: thanked ? "Tack! Svaret är inlämnat." : nil)
        }
        let (organisation, network) = try await context(invitation, survey, on: req.db)
        return try render(req, organisation, form(survey, network, organisation, token: token, values: ["consent": QuoteConsent.no.rawValue]), token: token)
    }

    /// The form with a fresh double-submit token in a cookie limited to this link's path.
    static func render(_ req: Request, _ organisation: OrganisationRecord, _ model: Forms.FormView.Model, token: String,
                       status: HTTPStatus = .ok) throws -> Response {
        let csrf = Accounts.randomToken()
        let response = page(req, req.render(Forms.FormView(tenantSlug: organisation.slug, tenantName: organisation.name,
                                                           tenantHome: OrganisationURL.home.link(organisation.slug), model: model, csrf: csrf)), status: status)
        response.cookies[DoubleSubmitCSRFMiddleware.cookie] = HTTPCookies.Value(
            string: csrf, maxAge: 3600, path: SurveyURL.answer.link(token), isSecure: req.cameOverTLS, isHTTPOnly: true, sameSite: .strict)
        return response
    }

    @Sendable static func answer(req: Request) async throws -> Response {
        let token = try req.requiredParameter("token")
        guard try await RateCounters.increment("survey:client:\(req.clientAddress)", window: 3600, now: Date(), on: req.db) <= answersPerHour else {
            return page(req, req.render(SurveyNotice.View(organisationSlug: "", organisationName: "Samsyn", heading: "För många svar",
                                                          message: "Härifrån har det kommit för många svar den senaste timmen. Vänta en stund och försök igen.",
                                                          tally: nil)), status: .tooManyRequests)
        }
        let found: (SurveyInvitation, Survey, SurveyWork.LinkProblem?)
        do { found = try await SurveyWork.invitation(token: token, on: req.db) } catch let problem as SurveyWork.LinkProblem {
            return try await message(req, problem, invitation: nil, survey: nil)
        }
        let (invitation, survey, problem) = found
        if let problem { return try await message(req, problem, invitation: invitation, survey: survey) }
        let form = try req.content.decode([String: String].self)
        let (organisation, network) = try await context(invitation, survey, on: req.db)
        let questions = JSONColumn.decode([SurveyQuestion].self, from: survey.questionsJSON, default: SurveyQuestion.defaults)
        do {
            guard let score = form["score"].flatMap(Int.init) else {
                throw FollowUpWork.Failure.invalid("Välj ett värde från 1 till 5.", english: "score must be 1–5", field: "score")
            }
            // No consent given means no; an unknown value is refused rather than read as no.
            let consent = (form["consent"] ?? "").isEmpty ? QuoteConsent.no : QuoteConsent(rawValue: form["consent"] ?? "")
            guard let consent else {
                throw FollowUpWork.Failure.invalid("Välj om vi får citera svaret.", english: "consent is not one of the choices", field: "consent")
            }
            let answer = SurveyWork.Answer(score: score, texts: (1..<max(questions.count, 1)).map { form["text\($0)"] ?? "" }, consent: consent)
            try await SurveyWork.answer(answer, token: token, on: req.db)
        } catch let failure as FollowUpWork.Failure {
            var model = Self.form(survey, network, organisation, token: token, values: form)
            if case .invalid(_, _, let field) = failure { model.state.error = (field ?? "", failure.swedish) }
            return try render(req, organisation, model, token: token, status: .unprocessableEntity)
        } catch let problem as SurveyWork.LinkProblem {
            return try await message(req, problem, invitation: invitation, survey: survey)
        }
        return req.redirect(to: SurveyURL.answer.link(token, query: ["klart": "svar"]), redirectType: .normal)
    }
}
