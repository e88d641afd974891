import AppTestSupport
@testable import Auth
import Fluent
@testable import FollowUp
import Foundation
@testable import Mail
@testable import Organisation
import SamsynApp
import Testing
import Vapor

/// The networks' annual survey: links by e-mail, answering once through a link, the sums per
/// network and year, quotes only with consent, and the refusals.
@Suite("Network survey")
struct SurveyTests {
    typealias F = FollowUpFixture

    static let today = Calendar.day(Date())
    static var closes: String { String(Int(today.prefix(4))! + 1) + "-01-31" }

    /// Contacts for two networks (one with two people), and the year's survey of both; the links by network.
    static func openSurvey(_ fixture: F, year: Int = 2026) async throws -> [String: [String]] {
        let app = fixture.app
        if try await NetworkContact.query(on: app.db).count() == 0 {
            for (name, email, group) in [("Anna", "anna@kommun.se", "hr-chefer"), ("Bo", "bo@kommun.se", "hr-chefer"), ("Cia", "cia@kommun.se", "skolchefsnatverk")] {
                try await SurveyWork.addContact(name: name, email: email, group: group, organisationID: fixture.organisationID, actor: .commandLine, on: app.db)
            }
        }
        let before = Set(try await MailMessage.query(on: app.db).all().compactMap(\.id))
        try await SurveyWork.open(.init(year: year, title: "Nätverksenkät \(year)", closesOn: closes, networks: ["hr-chefer", "skolchefsnatverk"]),
                                  organisationID: fixture.organisationID, organisationName: "Norrbottens Kommuner", actor: .commandLine,
                                  publicURL: "https://samsyn.example", on: app.db)
        var links: [String: [String]] = [:]
        for message in try await MailMessage.query(on: app.db).all() where !before.contains(message.id!) {
            let link = try #require(message.body.firstMatch(of: #/https://samsyn\.example(/enkat/[A-Za-z0-9_-]+)/#)).output.1
            let invitation = try #require(try await SurveyInvitation.query(on: app.db).filter(\.$email == message.recipient).sort(\.$sentAt, .descending).first())
            links[invitation.groupKey, default: []].append(String(link))
        }
        return links
    }

    static func answer(_ browser: inout Browser, _ link: String, _ fields: [String: String]) async throws -> (HTTPStatus, String, HTTPHeaders) {
        let (_, page, _) = try await browser.send(.GET, link)
        let token = try #require(Browser.csrf(in: page), "the answer page has a form")
        return try await browser.send(.POST, link, form: fields.merging(["csrf": token]) { $1 })
    }

    @Test("Links reach the contacts through a real SMTP server, and the outbox forgets them once sent", .enabled(if: TestSMTPServer.available),
          arguments: Engine.enabled)
    func sending(engine: Engine) async throws {
        let server = try TestSMTPServer()
        defer { server.stop() }
        try await withApp(engine, examples: false) { app in
            let fixture = try await F(app)
            let links = try await Self.openSurvey(fixture)
            #expect(links["hr-chefer"]?.count == 2 && links["skolchefsnatverk"]?.count == 1)
            let sent = try await MailSender(client: SMTPClient(settings: server.settings())).sendDue(on: app.db, group: app.eventLoopGroup)
            #expect(sent.sent == 3)
            let received = try server.messages()
            // The body travels in base64 after the headers.
            let bodies = received.map { message in
                String(decoding: Data(base64Encoded: message.data.components(separatedBy: "\r\n\r\n").dropFirst().joined()
                    .replacingOccurrences(of: "\r\n", with: "").trimmingCharacters(in: .whitespacesAndNewlines)) ?? Data(), as: UTF8.self)
            }
            #expect(received.count == 3 && bodies.allSatisfy { body in links.values.joined().contains { body.contains($0) } })
            let stored = try await MailMessage.query(on: app.db).all()
            #expect(stored.allSatisfy { message in !links.values.joined().contains { message.body.contains($0) } } && stored.allSatisfy { $0.secret == nil },
                    "after sending, the outbox keeps no working link")
            let hashes = try await SurveyInvitation.query(on: app.db).all().map(\.tokenHash)
            #expect(!links.values.joined().contains { link in hashes.contains { link.hasSuffix($0) } }, "only hashes are stored")
        }
    }

    @Test("Answering through a link: once, within the limits, the network's own results after; sums per network and year; quotes only with consent",
          arguments: Engine.enabled)
    func answering(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            let fixture = try await F(app)
            let refused = await #expect(throws: FollowUpWork.Failure.self) {
                try await SurveyWork.open(.init(year: 2026, title: "X", closesOn: Self.closes, networks: ["krisberedskapsnatverket"]),
                                          organisationID: fixture.organisationID, organisationName: "N", actor: .commandLine, publicURL: "", on: app.db)
            }
            #expect(refused?.swedish.contains("Lägg till kontaktpersoner först") == true)
            let lastYear = try await Self.openSurvey(fixture, year: 2025)
            let links = try await Self.openSurvey(fixture)
            #expect(try await Survey.query(on: app.db).count() == 2)

            var anna = Browser(app: app)
            let (status, form, headers) = try await anna.send(.GET, links["hr-chefer"]![0])
            #expect(status == .ok && form.contains("Hur värdefullt har stödet") && form.contains("Ja, med nätverkets namn"))
            #expect(headers.first(name: "Referrer-Policy") == "no-referrer" && headers.first(name: .cacheControl) == "no-store")
            let outOfRange = try await Self.answer(&anna, links["hr-chefer"]![0], ["score": "6", "text1": "Nätverksträffarna", "text2": "", "consent": "anonymous"])
            #expect(outOfRange.0 == .unprocessableEntity && outOfRange.1.contains("från 1 till 5") && outOfRange.1.contains("Nätverksträffarna"))
            let tooLong = try await Self.answer(&anna, links["hr-chefer"]![0], ["score": "4", "text1": String(repeating: "x", count: 2_001), "consent": "no"])
            #expect(tooLong.0 == .unprocessableEntity && tooLong.1.contains("högst 2000 tecken"))
            #expect(try await SurveyAnswer.query(on: app.db).count() == 0, "refused answers write nothing")
            var forged = Browser(app: app)
            #expect(try await forged.send(.POST, links["hr-chefer"]![0], form: ["csrf": "gissat", "score": "5"]).0 == .forbidden, "the anonymous form's CSRF check")

            let done = try await Self.answer(&anna, links["hr-chefer"]![0], ["score": "4", "text1": "Nätverksträffarna om kompetensförsörjning.",
                                                                             "text2": "Fler digitala möten.", "consent": "anonymous"])
            #expect(done.0 == .seeOther)
            let thanks = try await anna.send(.GET, links["hr-chefer"]![0] + "?klart=svar").1
            #expect(thanks.contains("Tack! Svaret är inlämnat.") && thanks.contains("HR-chefer") && !thanks.contains("Skolchefsnätverk"),
                    "a contact sees the own network's results only")
            let again = try await anna.send(.POST, links["hr-chefer"]![0], form: ["csrf": Browser.csrf(in: form) ?? "", "score": "5"])
            let answersAfter = try await SurveyAnswer.query(on: app.db).count()
            #expect(again.0 != .seeOther && answersAfter == 1, "a link works once")
            #expect(try await anna.send(.GET, links["hr-chefer"]![0]).0 == .conflict)
            #expect(try await anna.send(.GET, "/enkat/finns-inte").0 == .notFound)

            for (link, score, consent) in [(links["hr-chefer"]![1], 2, QuoteConsent.no), (lastYear["hr-chefer"]![0], 3, .network),
                                           (links["skolchefsnatverk"]![0], 5, .network)] {
                try await SurveyWork.answer(.init(score: score, texts: ["Stödet i rekryteringsfrågor.", ""], consent: consent),
                                            token: String(link.dropFirst("/enkat/".count)), on: app.db)
            }
            let expired = String(lastYear["hr-chefer"]![1].dropFirst("/enkat/".count))
            await #expect(throws: SurveyWork.LinkProblem.expired) {
                try await SurveyWork.answer(.init(score: 4, texts: ["", ""], consent: .no), token: expired, at: Date().addingTimeInterval(400 * 86_400), on: app.db)
            }

            let tally = try await SurveyQuery.tally(organisationID: fixture.organisationID, on: app.db)
            let hr = try #require(tally.networks.first { $0.key == "hr-chefer" })
            #expect(hr.years.map(\.year) == [2025, 2026] && hr.years.map(\.answers) == [1, 2] && hr.years.map(\.asked) == [2, 2])
            #expect(hr.years[1].distribution == [0, 1, 0, 1, 0] && hr.years[1].mean == 3)

            let answers = try await SurveyAnswer.query(on: app.db).all()
            let withoutConsent = try #require(answers.first { $0.consent == .no })
            await #expect(throws: FollowUpWork.Failure.self) { try await SurveyWork.publishQuote(answer: withoutConsent, question: 1, actor: .commandLine, on: app.db) }
            var editor = try await fixture.browser(F.editor)
            let anonymous = try #require(answers.first { $0.consent == .anonymous })
            let results = "/o/\(F.org)/uppfoljning/enkater/2026"
            #expect(try await F.post(&editor, results + "/citat", ["answer": anonymous.id!.uuidString, "question": "1"]).0 == .seeOther)
            #expect(try await F.post(&editor, results + "/citat", ["answer": withoutConsent.id!.uuidString, "question": "1"]).0 == .unprocessableEntity)
            var reader = try await fixture.browser(F.reader)
            #expect(try await F.post(&reader, results + "/citat", ["answer": anonymous.id!.uuidString, "question": "1"]).0 == .forbidden)
            #expect(try await reader.send(.GET, results).0 == .forbidden, "answers' words are the editors'")
            let survey = try #require(try await Survey.query(on: app.db).filter(\.$year == 2026).first())
            let quotes = try await SurveyQuery.quotes(survey: survey, on: app.db)
            #expect(quotes.map(\.text) == ["Nätverksträffarna om kompetensförsörjning."] && quotes[0].network == nil, "anonymous: no network named")
            let page = try await editor.send(.GET, results).1
            #expect(page.contains("Nätverksträffarna om kompetensförsörjning.") && page.contains("Dra tillbaka citatet"))

            #expect(try await SurveyWork.purgeOldText(at: Date().addingTimeInterval(800 * 86_400), on: app.db) == 4)
            let kept = try await SurveyAnswer.find(anonymous.id, on: app.db)!
            #expect(kept.textsJSON == #"["Nätverksträffarna om kompetensförsörjning.",""]"#, "the published quote stays, the rest of the words go")
            #expect(try await SurveyAnswer.query(on: app.db).all().map(\.score).sorted() == [2, 3, 4, 5], "scores stay")
        }
    }

    @Test("A flood of submissions from one client is refused", arguments: Engine.enabled)
    func flood(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            let fixture = try await F(app)
            let links = try await Self.openSurvey(fixture)
            var client = Browser(app: app)
            var statuses: [HTTPStatus] = []
            for _ in 0...SurveyAnswerController.answersPerHour {
                statuses.append(try await Self.answer(&client, links["skolchefsnatverk"]![0], ["score": "9"]).0)
            }
            #expect(statuses.dropLast().allSatisfy { $0 == .unprocessableEntity } && statuses.last == .tooManyRequests)
            #expect(try await SurveyAnswer.query(on: app.db).count() == 0)
        }
    }

    @Test("The API: an editor's token reads contacts, surveys and answers and chooses quotes; a reader's token and no token are refused; the demo's 2023 survey is example data",
          arguments: Engine.enabled)
    func api(engine: Engine) async throws {
        try await withApp(engine) { app in
            let fixture = try await F(app)
            let base = "/api/v1/organisations/\(F.org)"
            let (editor, reader) = (try await fixture.token(F.editor), try await fixture.token(F.reader))
            #expect(try await fixture.send(.GET, base + "/surveys", nil).0 == .unauthorized)
            #expect(try await fixture.send(.GET, base + "/surveys/2023", reader).0 == .forbidden)
            #expect(try await fixture.send(.GET, base + "/network-contacts", reader).0 == .forbidden)
            let list = try await fixture.send(.GET, base + "/surveys", editor)
            #expect(list.0 == .ok && list.1.contains(#""example":true"#))
            let (status, body, _) = try await fixture.send(.GET, base + "/surveys/2023", editor)
            let survey = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
            #expect(status == .ok && (survey["answers"] as? [Any])?.count == 12 && (survey["quotes"] as? [Any])?.count == 6)
            let refusing = try #require((survey["answers"] as? [[String: Any]])?.first { $0["consent"] as? String == "no" && !(($0["texts"] as? [String])?.first?.isEmpty ?? true) })
            let quote = #"{"answer":"\#(refusing["id"]!)","question":1,"published":true}"#
            #expect(try await fixture.send(.POST, base + "/surveys/2023/quotes", editor, quote).0 == .unprocessableEntity, "no quote without consent")
            #expect(try await fixture.send(.POST, base + "/surveys/2023/quotes", reader, quote).0 == .forbidden)
            let contact = #"{"network":"hr-chefer","name":"Ny kontakt","email":"ny@kommun.se"}"#
            #expect(try await fixture.send(.POST, base + "/network-contacts", editor, contact).0 == .created)
            #expect(try await fixture.send(.POST, base + "/network-contacts", editor, contact).0 == .unprocessableEntity, "once per network")
            #expect(try await fixture.send(.GET, "/o/\(F.org)/uppfoljning/enkater/2023", nil).0 == .seeOther, "the results page needs signing in")
            var editorBrowser = try await fixture.browser(F.editor)
            let page = try await editorBrowser.send(.GET, "/o/\(F.org)/uppfoljning/enkater/2023").1
            #expect(page.contains("Exempeldata") && page.contains("12 svar av 13 skickade länkar"))
        }
    }
}
