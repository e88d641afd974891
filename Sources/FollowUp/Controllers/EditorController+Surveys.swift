import Auth
import Core
import Fluent
import Organisation
import Vapor

/// The networks' survey for editors: contacts per network, opening the year's survey (which sends
/// the links), and the results with the answers' words, where quotes are chosen among those whose
/// writers allowed it.
extension EditorController {
    static func surveyTrail(_ context: Context) -> [Breadcrumb] {
        [Breadcrumb("Uppföljning", url: FollowUpURL.index.link(context.slug)), Breadcrumb("Nätverksenkäter", url: SurveyURL.surveys.link(context.slug))]
    }

    static func surveyNotice(_ req: Request) -> String? {
        switch req.queryValue("klart") {
        case "kontakt": "Kontaktpersonen är tillagd."
        case "borttagen": "Kontaktpersonen är borttagen."
        case "oppnad": "Enkäten är öppnad och länkarna ligger i utkorgen."
        case "citat": "Citatet är valt för publicering."
        case "indraget": "Citatet är indraget."
        default: nil
        }
    }

    // MARK: Contacts

    @Sendable static func contacts(req: Request) async throws -> Response {
        let context = try await context(req, .manage)
        let organisationID = try context.organisation.requireID()
        let groups = try await SurveyWork.groups(organisationID: organisationID, on: req.db)
        let contacts = try await NetworkContact.query(on: req.db).filter(\.$organisationID == organisationID).sort(\.$name).all()
        return privatePage(req.render(ContactIndex.View(organisationSlug: context.slug, organisationName: context.organisation.name, groups: groups,
                                                   contacts: contacts, csrf: context.csrf, notice: surveyNotice(req))))
    }

    static func contactModel(_ context: Context, groups: [StructureQuery.Named], values: [String: String]) -> Forms.FormView.Model {
        .init(heading: "Ny kontaktperson", intro: ["Kontaktpersonerna får nätverksenkätens länk. Deras namn och adresser visas aldrig publikt."],
              trail: surveyTrail(context) + [Breadcrumb("Nätverkens kontakter", url: SurveyURL.contacts.link(context.slug))],
              action: SurveyURL.newContact.link(context.slug),
              fields: [.init("group", "Nätverk eller forum", .select([.init("", "Välj…")] + groups.map { .init($0.key, $0.name) })),
                       .init("name", "Namn"), .init("email", "E-postadress")],
              state: .init(values: values), submit: "Lägg till kontaktpersonen", cancelURL: SurveyURL.contacts.link(context.slug))
    }

    @Sendable static func newContactForm(req: Request) async throws -> Response {
        let context = try await context(req, .manage)
        let groups = try await SurveyWork.groups(organisationID: context.organisation.requireID(), on: req.db)
        return formPage(req, context, contactModel(context, groups: groups, values: ["group": req.queryValue("natverk") ?? ""]))
    }

    @Sendable static func addContact(req: Request) async throws -> Response {
        let context = try await context(req, .manage)
        let groups = try await SurveyWork.groups(organisationID: context.organisation.requireID(), on: req.db)
        let form = try form(req)
        return try await submit(req, context, contactModel(context, groups: groups, values: form)) {
            try await SurveyWork.addContact(name: form["name"] ?? "", email: form["email"] ?? "", group: form["group"] ?? "",
                                            organisationID: context.organisation.requireID(), actor: context.actor, on: req.db)
            return redirect(req, SurveyURL.contacts.link(context.slug), notice: "kontakt")
        }
    }

    @Sendable static func removeContact(req: Request) async throws -> Response {
        let context = try await context(req, .manage)
        guard let id = req.parameters.get("contact", as: UUID.self),
              let contact = try await NetworkContact.query(on: req.db).filter(\.$organisationID == context.organisation.requireID()).filter(\.$id == id).first() else {
            throw Abort(.notFound, reason: "no such contact")
        }
        guard try form(req)["confirmed"] == "ja" else { return req.redirect(to: SurveyURL.contacts.link(context.slug)) }
        try await SurveyWork.removeContact(contact, actor: context.actor, on: req.db)
        return redirect(req, SurveyURL.contacts.link(context.slug), notice: "borttagen")
    }

    // MARK: Surveys

    @Sendable static func surveys(req: Request) async throws -> Response {
        let context = try await context(req, .manage)
        let organisationID = try context.organisation.requireID()
        let surveys = try await Survey.query(on: req.db).filter(\.$organisationID == organisationID).sort(\.$year, .descending).all()
        let tally = try await SurveyQuery.tally(organisationID: organisationID, on: req.db)
        return privatePage(req.render(SurveyIndex.View(organisationSlug: context.slug, organisationName: context.organisation.name, surveys: surveys,
                                                  tally: tally, notice: surveyNotice(req))))
    }

    static func surveyModel(_ context: Context, groups: [StructureQuery.Named], counts: [String: Int], values: [String: String]) -> Forms.FormView.Model {
        let questions = SurveyQuestion.defaults
        return .init(heading: "Öppna årets nätverksenkät",
                     intro: ["Varje kontaktperson i de valda nätverken får en personlig länk med e-post. Länken fungerar en gång och till och med sista svarsdagen."],
                     trail: surveyTrail(context), action: SurveyURL.newSurvey.link(context.slug),
                     fields: [.init("year", "År", .number), .init("title", "Rubrik"), .init("closesOn", "Sista svarsdag", .date)]
                        + questions.enumerated().map { index, question in
                            .init("question\(index)", index == 0 ? "Fråga med betyg 1–5" : "Fri fråga \(index)", hint: index == 0 ? nil : "Lämna tom för att inte ställa frågan.")
                        }
                        + groups.filter { (counts[$0.key] ?? 0) > 0 }.map { .init("network-\($0.key)", "\($0.name) (\(counts[$0.key]!) kontakter)", .checkbox) },
                     state: .init(values: values), submit: "Öppna enkäten och skicka länkarna", cancelURL: SurveyURL.surveys.link(context.slug))
    }

    static func contactCounts(_ organisationID: UUID, on db: any Database) async throws -> [String: Int] {
        try await NetworkContact.query(on: db).filter(\.$organisationID == organisationID).all().reduce(into: [:]) { $0[$1.groupKey, default: 0] += 1 }
    }

    @Sendable static func newSurveyForm(req: Request) async throws -> Response {
        let context = try await context(req, .manage)
        let organisationID = try context.organisation.requireID()
        let groups = try await SurveyWork.groups(organisationID: organisationID, on: req.db)
        let counts = try await contactCounts(organisationID, on: req.db)
        let year = Calendar.stockholm.component(.year, from: Date())
        var values = ["year": String(year), "title": "Nätverksenkät \(year)", "closesOn": "\(year)-12-15"]
        for (index, question) in SurveyQuestion.defaults.enumerated() { values["question\(index)"] = question.text }
        for group in groups where (counts[group.key] ?? 0) > 0 { values["network-\(group.key)"] = "on" }
        var model = surveyModel(context, groups: groups, counts: counts, values: values)
        if counts.isEmpty { model.state.error = ("", "Inget nätverk har kontaktpersoner ännu. Lägg till dem under Nätverkens kontakter först.") }
        return formPage(req, context, model)
    }

    @Sendable static func openSurvey(req: Request) async throws -> Response {
        let context = try await context(req, .manage)
        let organisationID = try context.organisation.requireID()
        let groups = try await SurveyWork.groups(organisationID: organisationID, on: req.db)
        let counts = try await contactCounts(organisationID, on: req.db)
        let form = try form(req)
        return try await submit(req, context, surveyModel(context, groups: groups, counts: counts, values: form)) {
            guard let year = form["year"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) else {
                throw FollowUpWork.Failure.invalid("Ange ett år, till exempel 2023.", english: "year is not a number", field: "year")
            }
            let questions = (0..<SurveyQuestion.defaults.count).compactMap { index -> SurveyQuestion? in
                let text = form["question\(index)"]?.trimmingCharacters(in: .whitespaces) ?? ""
                return index > 0 && text.isEmpty ? nil : SurveyQuestion(kind: index == 0 ? .score : .text, text: text)
            }
            let networks = groups.map(\.key).filter { form["network-\($0)"] == "on" }
            try await SurveyWork.open(.init(year: year, title: form["title"] ?? "", closesOn: form["closesOn"] ?? "", questions: questions, networks: networks),
                                      organisationID: organisationID, organisationName: context.organisation.name, actor: context.actor,
                                      publicURL: req.application.siteShell.publicURL, on: req.db)
            return redirect(req, SurveyURL.results.link(context.slug, String(year)), notice: "oppnad")
        }
    }

    static func survey(_ req: Request, _ context: Context) async throws -> Survey {
        guard let year = req.parameters.get("year", as: Int.self),
              let survey = try await Survey.query(on: req.db).filter(\.$organisationID == context.organisation.requireID()).filter(\.$year == year).first() else {
            throw Abort(.notFound, reason: "no survey for that year")
        }
        return survey
    }

    @Sendable static func results(req: Request) async throws -> Response {
        let context = try await context(req, .manage)
        let survey = try await survey(req, context)
        let answers = try await SurveyAnswer.query(on: req.db).filter(\.$survey.$id == survey.requireID()).sort(\.$answeredAt).all()
        let quotes = try await SurveyQuery.quotes(survey: survey, on: req.db)
        let tally = try await SurveyQuery.tally(organisationID: survey.organisationID, on: req.db)
        let groups = try await SurveyWork.groups(organisationID: survey.organisationID, on: req.db)
        let invitations = try await SurveyInvitation.query(on: req.db).filter(\.$survey.$id == survey.requireID()).count()
        return privatePage(req.render(SurveyShow.View(organisationSlug: context.slug, organisationName: context.organisation.name, survey: survey,
                                                        answers: answers, quotes: quotes, tally: tally, groups: groups, invitations: invitations,
                                                        csrf: context.csrf, notice: surveyNotice(req))))
    }

    @Sendable static func quote(req: Request) async throws -> Response {
        let context = try await context(req, .manage)
        let survey = try await survey(req, context)
        let form = try form(req)
        let url = SurveyURL.results.link(context.slug, String(survey.year))
        guard let answerID = form["answer"].flatMap(UUID.init(uuidString:)), let question = form["question"].flatMap(Int.init),
              let answer = try await SurveyAnswer.query(on: req.db).filter(\.$survey.$id == survey.requireID()).filter(\.$id == answerID).first() else {
            throw Abort(.badRequest, reason: "Svaret finns inte i den här enkäten.")
        }
        if form["action"] == "withdraw" {
            if let quote = try await SurveyQuote.query(on: req.db).filter(\.$answer.$id == answerID).filter(\.$question == question).first() {
                try await SurveyWork.withdrawQuote(quote, actor: context.actor, on: req.db)
            }
            return redirect(req, url, notice: "indraget", at: "svar")
        }
        do {
            try await SurveyWork.publishQuote(answer: answer, question: question, actor: context.actor, on: req.db)
        } catch let failure as FollowUpWork.Failure {
            throw Abort(.unprocessableEntity, reason: failure.swedish)
        }
        return redirect(req, url, notice: "citat", at: "svar")
    }
}
