import AppTestSupport
import Fluent
@testable import FollowUp
import Foundation
import Organisation
import SamsynApp
import Testing
import Vapor

/// A goal's indicator from Kolada values: its page, the goal's page, CSV and API agree with the values.
@Suite("Indicators on goals")
struct IndicatorTests {
    typealias F = FollowUpFixture

    @Test("An indicator from Kolada shows the members side by side and the trend against its target; the tables equal the values",
          arguments: Engine.enabled)
    func koladaIndicator(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            let fixture = try await F(app)
            let files = try ["v3-data-page-1.json", "v3-data-page-2.json", "v3-kpi.json"].map(KoladaImportTests.fixture)
            _ = try await KoladaImport.run(files, actor: .commandLine, on: app.db)
            let goal = fixture.tree.roots[0]
            try await IndicatorWork.add(.init(title: "Invånare totalt", unit: "antal", direction: .higher, baselineValue: 78000, baselineYear: 2021, kpi: "N01951",
                                              targets: [2023: 80000]),
                                        to: goal.lineage, of: fixture.tree, organisationID: fixture.organisationID, actor: .commandLine, on: app.db)
            var reader = Browser(app: app)
            let (status, page, _) = try await reader.send(.GET, F.path("/indikatorer/invanare-totalt"))
            #expect(status == .ok)
            #expect(page.contains("Kolada, nyckeltal N01951") && page.contains("Invånare totalt, antal") && page.contains("Antal invånare totalt den 31/12."))
            #expect(page.contains("<th scope=\"row\">Luleå</th><td class=\"number\">79\u{202F}000</td>") && page.contains("<th scope=\"row\">Kiruna</th><td class=\"number\">22\u{202F}000</td>"))
            #expect(!page.contains("Stockholm"), "members side by side; the other values are kept but not a member's")
            #expect(page.contains("<td class=\"number\">80\u{202F}000</td>"), "the target in the trend table")
            let goalPage = try await reader.send(.GET, "/o/\(F.org)/dokument/\(F.doc)/\(goal.key)").1
            #expect(goalPage.contains("Indikator") && goalPage.contains("/indikatorer/invanare-totalt"))
            let csv = try await reader.send(.GET, "/o/\(F.org)/oppna-data/indikatorer/\(F.doc)/invanare-totalt").1
            #expect(csv.contains("2580,Luleå,2022,79000.0,") && csv.contains("2584,Kiruna,2022,22000.0,"))
            let organisation = try #require(try await OrganisationRecord.query(on: app.db).filter(\.$slug == F.org).first())
            let content = try #require(try await IndicatorQuery.contents(organisation, document: F.doc, on: app.db).first)
            #expect(content.kpi == "N01951" && content.values["2580"]?["2022"] == 79000 && content.targets == [2023: 80000])
            #expect(try await reader.send(.GET, F.path("/indikatorer/finns-inte")).0 == .notFound)
        }
    }
}
