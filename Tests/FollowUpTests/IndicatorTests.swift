import AppTestSupport
import Fluent
@testable import FollowUp
import Foundation
@testable import Organisation
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
            let added = try await IndicatorWork.add(.init(title: "Befolkning", unit: "antal", direction: .higher, baselineValue: 78000, baselineYear: 2021, kpi: "N01951",
                                              targets: [2023: 80000]),
                                        to: goal.lineage, of: fixture.tree, organisationID: fixture.organisationID, actor: .commandLine, on: app.db)
            var reader = Browser(app: app)
            let (status, page, _) = try await reader.send(.GET, F.path("/indikatorer/\(added.key)"))
            #expect(status == .ok)
            #expect(page.contains("Kolada, nyckeltal <a href=\"https://api.kolada.se/v3/kpi/N01951\">N01951</a> – Invånare totalt, antal")
                    && page.contains("Antal invånare totalt den 31/12."))
            #expect(page.contains("<h2 id=\"per-medlem\">Medlemmarna, 2025</h2>") && page.contains("<th scope=\"row\">Luleå</th><td class=\"number\">80\u{202F}321</td>"),
                    "the members side by side in the newest year (the demo's own figures)")
            #expect(!page.contains("Stockholm"), "members side by side; the other values are kept but not a member's")
            #expect(page.contains("<tr><th scope=\"row\">2022</th><td class=\"number\">50\u{202F}500</td><td class=\"number\">–</td></tr>"),
                    "the trend is the members' mean: Luleå 79 000 and Kiruna 22 000 from the fixture")
            #expect(page.contains("<td class=\"number\">80\u{202F}000</td></tr>"), "the target in the trend table")
            let goalPage = try await reader.send(.GET, "/o/\(F.org)/dokument/\(F.doc)/\(goal.key)").1
            #expect(goalPage.contains("Indikator") && goalPage.contains("/indikatorer/\(added.key)"))
            let csv = try await reader.send(.GET, "/o/\(F.org)/oppna-data/indikatorer/\(F.doc)/\(added.key)").1
            #expect(csv.contains("2580,Luleå,2022,79000.0,") && csv.contains("2584,Kiruna,2022,22000.0,"))
            let organisation = try #require(try await OrganisationRecord.query(on: app.db).filter(\.$slug == F.org).first())
            let content = try #require(try await IndicatorQuery.contents(organisation, document: F.doc, key: added.key, on: app.db).first)
            #expect(content.kpi == "N01951" && content.values["2580"]?["2022"] == 79000 && content.targets == [2023: 80000])
            #expect(try await reader.send(.GET, F.path("/indikatorer/finns-inte")).0 == .notFound)
        }
    }
}
