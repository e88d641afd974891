import AppTestSupport
@testable import Auth
import Core
import Fluent
@testable import FollowUp
import Foundation
@testable import Organisation
import SamsynApp
import Testing
import Vapor

/// The findings of the security probe of 43f0f05 that reach the follow-up: indicator and Kolada values
/// beyond the bounds, Kolada bodies that crashed the server, and survey answers outside the text rules.
@Suite("The probe of 43f0f05: follow-up")
struct FollowUpProbeTests {
    typealias F = FollowUpFixture
    static let indicator = "/api/v1/organisations/\(F.org)/documents/\(F.doc)/indicators/vantetid"
    static let imports = "/api/v1/organisations/\(F.org)/kolada-imports"

    @Test("Finding 2: an indicator value of 1e300 is refused (422 naming the field); one an older database stored is shown as refused, never a trap",
          arguments: Engine.enabled)
    func indicatorValues(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            let fixture = try await F(app)
            let token = try await fixture.token(F.editor)
            let base = "/api/v1/organisations/\(F.org)/documents/\(F.doc)/indicators"
            let created = #"{"lineage":"\#(fixture.tree.goals[1].lineage)","title":"Väntetid","unit":"dagar","direction":"lower","values":[{"area":"org","period":"2023","value":14}]}"#
            #expect(try await fixture.send(.POST, base, token, created).0 == .created)
            let body = created.replacingOccurrences(of: #""value":14"#, with: #""value":1e300"#)
            let refused = try await fixture.send(.PUT, Self.indicator, token, body)
            #expect(refused.0 == .unprocessableEntity && refused.1.contains("values") && refused.1.contains("at most 10^15"), "\(refused.1)")
            let target = created.replacingOccurrences(of: #""values":[{"area":"org","period":"2023","value":14}]"#, with: #""targets":[{"year":2023,"value":-1e16}]"#)
            #expect(try await fixture.send(.PUT, Self.indicator, token, target).0 == .unprocessableEntity)
            let unrepresentable = try await fixture.send(.PUT, Self.indicator, token, body.replacingOccurrences(of: "1e300", with: "1e400"))
            #expect(unrepresentable.0 == .badRequest && unrepresentable.1.contains("a number out of range") && !unrepresentable.1.contains("Swift"),
                    "\(unrepresentable.1)")

            let stored = try #require(try await Indicator.query(on: app.db).filter(\.$key == "vantetid").first())
            try await IndicatorValue(indicatorID: stored.requireID(), area: "org", period: "2022", value: 1e300).create(on: app.db)
            let page = try await app.get(F.path("/indikatorer/vantetid"))
            #expect(page.status == .ok && page.body.contains(Formatting.refused))
            #expect(try await app.get(F.path("")).status == .ok, "the dashboard")
            #expect(try await app.get(Self.indicator).status == .ok)
        }
    }

    @Test("Finding 3: Kolada bodies that stopped the server — a non-object list, nesting 300 000 deep, a value of 1e300 — are each a 422, nothing written",
          arguments: Engine.enabled)
    func koladaBodies(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            let fixture = try await F(app)
            let token = try await fixture.token(F.editor)
            let before = try await DatabaseFingerprint.take(app.db)
            let nulls = try await fixture.send(.POST, Self.imports, token, "[null, null]")
            #expect(nulls.0 == .unprocessableEntity && nulls.1.contains("expected a JSON object"), "\(nulls.1)")
            let deep = #"{"values": [], "x": "# + String(repeating: "[", count: 300_000) + String(repeating: "]", count: 300_000) + "}"
            let nested = try await fixture.send(.POST, Self.imports, token, deep)
            #expect(nested.0 == .unprocessableEntity && nested.1.contains("nests deeper than 64 levels"))
            let page = #"{"values": [{"kpi": "N01951", "municipality": "2580", "period": 2023, "values": [{"gender": "T", "value": 1e300, "count": 1, "status": ""}]}]}"#
            let huge = try await fixture.send(.POST, Self.imports, token, page)
            #expect(huge.0 == .unprocessableEntity && huge.1.contains("N01951 2580 2023 is not a finite number of at most 10^15 in magnitude"), "\(huge.1)")
            #expect(try await fixture.send(.POST, Self.imports, token, "[]").0 == .ok, "an empty list of pages reads nothing")
            #expect(try await fixture.send(.POST, Self.imports, token, "[1, ").0 == .unprocessableEntity)
            #expect(try await DatabaseFingerprint.take(app.db) == before)
            #expect(throws: KoladaFile.Failure.self) { try KoladaFile.read(Data(deep.utf8), file: "deep.json") }
        }
    }

    @Test("JSONShape splits a list of pages by its bytes, strings and nesting respected, and measures depth without building the value")
    func jsonShape() throws {
        let text = #" [ {"a": "x,]"}, [1, [2]] , "s\"]" , 3 ] "#
        let data = Data(text.utf8)
        let parts = try #require(JSONShape.arrayElements(of: data)).map { String(decoding: data[$0], as: UTF8.self) }
        #expect(parts == [#"{"a": "x,]"}"#, "[1, [2]]", #""s\"]""#, "3"])
        #expect(JSONShape.arrayElements(of: Data("[]".utf8)) == [])
        #expect(JSONShape.arrayElements(of: Data(#"{"a": 1}"#.utf8)) == nil && JSONShape.arrayElements(of: Data("[1".utf8)) == nil)
        #expect(JSONShape.arrayElements(of: Data("[1] x".utf8)) == nil)
        #expect(JSONShape.depth(of: Data(#"{"a": [[{"b": "[[[["}]]]}"#.utf8)) == 4)
        #expect(!JSONShape.isShallow(Data(String(repeating: "[", count: 65).utf8)) && JSONShape.isShallow(Data(String(repeating: "[", count: 64).utf8)))
    }

    @Test("Finding 8: a survey answer with a direction override or control characters is refused beside the field; an unknown consent is refused too",
          arguments: Engine.enabled)
    func surveyAnswerText(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            let fixture = try await F(app)
            let links = try await SurveyTests.openSurvey(fixture)
            let link = try #require(links["hr-chefer"]?.first)
            var browser = Browser(app: app)
            let before = try await SurveyAnswer.query(on: app.db).count()
            let override = try await SurveyTests.answer(&browser, link, ["score": "4", "text1": "Exempel\u{202E}evil\u{07}", "text2": "", "consent": "no"])
            #expect(override.0 == .unprocessableEntity && override.1.contains("Texten innehåller ett tecken som ändrar läsriktningen.")
                    && override.1.contains(#"id="text1-error""#), "\(override.0) \(Browser.visibleText(override.1).prefix(600))")
            let control = try await SurveyTests.answer(&browser, link, ["score": "4", "text1": "Exempel\u{07}", "text2": "", "consent": "no"])
            #expect(control.0 == .unprocessableEntity && control.1.contains("Texten innehåller ett styrtecken"))
            let consent = try await SurveyTests.answer(&browser, link, ["score": "4", "text1": "Bra", "text2": "", "consent": "kanske"])
            #expect(consent.0 == .unprocessableEntity && consent.1.contains("Välj om vi får citera svaret."))
            #expect(try await SurveyAnswer.query(on: app.db).count() == before, "nothing stored")
            let good = try await SurveyTests.answer(&browser, link, ["score": "4", "text1": "Bra", "text2": ""])
            #expect(good.0 == .seeOther, "no consent given means no")
            #expect(try await SurveyAnswer.query(on: app.db).first()?.consent == QuoteConsent.no)
        }
    }
}
