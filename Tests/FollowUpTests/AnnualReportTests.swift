import AppTestSupport
@testable import Auth
import Fluent
@testable import FollowUp
import Foundation
@testable import Organisation
@testable import Plans
import SamsynApp
import Testing
import Vapor

/// The annual report: assembled live from the demo's follow-up, indicators and survey while a
/// draft; adopted, its figures are the snapshot taken then, whatever changes afterwards.
@Suite("Annual report")
struct AnnualReportTests {
    typealias F = FollowUpFixture

    @Test("A draft shows the year's figures live; adoption snapshots them; a quote withdrawn afterwards stays in the adopted report",
          arguments: Engine.enabled)
    func draftAdoptFreeze(engine: Engine) async throws {
        try await withApp(engine) { app in
            let fixture = try await F(app)
            let document = try await PlanEditing.createDocument(organisationID: fixture.organisationID, slug: "arsberattelse-2023",
                                                                title: "Årsberättelse 2023", kind: .verksamhetsberattelse, period: (2023, 2023),
                                                                levels: ["Avsnitt"], actor: .commandLine, on: app.db)
            let draft = try #require(try await DocumentVersion.query(on: app.db).filter(\.$document.$id == document.requireID()).first())
            try await PlanEditing.addSection(to: draft, .init(heading: "Inledning", body: "Året präglades av samverkan.", depth: 1), actor: .commandLine,
                                             organisationID: fixture.organisationID, on: app.db)
            var editor = try await fixture.browser(F.editor)
            let preview = try await editor.send(.GET, "/o/\(F.org)/redigera/arsberattelse-2023/1/forhandsvisning").1
            let quote = "Exempel: Nätverksträffarna om kompetensförsörjning gav oss idéer vi använder i rekryteringen."
            for text in ["Året präglades av samverkan.", "Året i siffror", "Helår 2023", "Jämlik välfärd", "Bedömning:", "Genomfört (", "Indikatorer",
                         "Nätverkens återkoppling", quote, "Anonym deltagare i ett av nätverken", "Exempeldata"] {
                #expect(preview.contains(text), "the draft shows \(text)")
            }
            try await PlanEditing.adopt(draft, body: "Förbundsfullmäktige", date: "2024-04-15", reference: "§ 12", actor: .commandLine,
                                        organisationID: fixture.organisationID, hooks: app.adoptionHooks, on: app.db)
            let snapshot = try #require(try await ReportSnapshot.query(on: app.db).filter(\.$documentSlug == "arsberattelse-2023").first())
            #expect(snapshot.versionNumber == 1 && snapshot.dataJSON.contains("Nätverksträffarna"))

            // Afterwards: the quote is withdrawn and an indicator's value changes; the adopted report does not.
            for quote in try await SurveyQuote.query(on: app.db).all() { try await SurveyWork.withdrawQuote(quote, actor: .commandLine, on: app.db) }
            let indicator = try #require(try await Indicator.query(on: app.db).filter(\.$key == "natverkstraffar").first())
            let organisation = try #require(try await OrganisationRecord.find(fixture.organisationID, on: app.db))
            let tree = try #require(try await FollowedTreeQuery.load(organisation, document: F.doc, version: nil, on: app.db))
            _ = try await IndicatorWork.setValues([IndicatorValue.organisation: 1], period: "2023", of: indicator, tree: tree, actor: .commandLine, on: app.db)
            var reader = Browser(app: app)
            let page = try await reader.send(.GET, "/o/\(F.org)/dokument/arsberattelse-2023?version=1").1
            #expect(page.contains(quote) && page.contains("Förbundsfullmäktige"), "the adopted report keeps the quote it was adopted with")
            #expect(page.contains("<td class=\"number\">56 antal"), "and the indicator's value as it was")
            let api = try await reader.send(.GET, "/api/v1/organisations/\(F.org)/documents/arsberattelse-2023").0
            #expect(api == .ok)
            let figures = try await reader.send(.GET, "/api/v1/organisations/\(F.org)/annual-reports/2023")
            #expect(figures.0 == .ok && figures.1.contains("Nätverksträffarna") && figures.1.contains(#""example":true"#))
            #expect(try await reader.send(.GET, "/api/v1/organisations/\(F.org)/annual-reports/2019").0 == .notFound)
            let demo = try await reader.send(.GET, "/o/\(F.org)/dokument/verksamhetsberattelse-2023").1
            #expect(demo.contains("Exempeldata") && demo.contains(quote) && demo.contains("Exempel: Den här verksamhetsberättelsen är påhittad."),
                    "the demo's adopted report 2023 reads from its snapshot in the example file")
        }
    }
}
