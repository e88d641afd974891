import AppTestSupport
import Core
import Fluent
@testable import FollowUp
import Foundation
import SamsynApp
import Testing
import Vapor

/// The demo's follow-up of 2023 is example data, and says so wherever it shows.
@Suite("Follow-up: the demo's example data")
struct ExampleDataTests {
    typealias F = FollowUpFixture

    @Test("Marked in model, API, export and on every page that shows it; left out with --no-examples", arguments: Engine.enabled)
    func marked(engine: Engine) async throws {
        try await withApp(engine) { app in
            let periods = try await ReportingPeriod.query(on: app.db).all()
            #expect(periods.map(\.name).sorted() == ["Helår 2023", "Tertial 1 2023", "Tertial 2 2023"] && periods.allSatisfy(\.example))
            #expect(periods.allSatisfy { $0.state == .closed })
            #expect(try await GoalAssessment.query(on: app.db).count() == 26, "13 goals and goal areas assessed in tertial 2 and the year")
            var reader = Browser(app: app)
            let api = try await reader.send(.GET, "/api/v1/organisations/\(F.org)/documents/\(F.doc)/follow-up").1
            #expect(api.components(separatedBy: #""example":true"#).count - 1 == 3)
            for path in ["/o/\(F.org)/uppfoljning/\(F.doc)", "/o/\(F.org)/dokument/\(F.doc)", "/o/\(F.org)/dokument/\(F.doc)/jamlik-valfard"] {
                #expect(try await reader.send(.GET, path).1.contains("Exempeldata"), "\(path)")
            }
            let file = try OrganisationExporter.encode(try await OrganisationExporter.export(slug: F.org, on: app.db))
            let object = try #require(try JSONSerialization.jsonObject(with: file) as? [String: Any])
            let followUp = try #require(object["followUp"] as? [String: Any])
            let demo = try #require(try JSONSerialization.jsonObject(with: Demo.file(examples: true)) as? [String: Any])
            let expected = try #require(demo["followUp"] as? [String: Any])
            let byKey = { (object: [String: Any]) in ((object["indicators"] as? [[String: Any]]) ?? []).sorted { "\($0["key"]!)" < "\($1["key"]!)" } }
            #expect(NSArray(array: followUp["periods"] as! [Any]).isEqual(to: expected["periods"] as! [Any]), "the export carries the example periods as they are")
            #expect(NSArray(array: byKey(followUp)).isEqual(to: byKey(expected)), "and the real and example indicators")
            #expect(NSDictionary(dictionary: followUp["kolada"] as! [String: Any]).isEqual(to: expected["kolada"] as! [String: Any]))
            let indicators = try await Indicator.query(on: app.db).all()
            #expect(indicators.filter(\.example).count == 3 && indicators.filter { !$0.example }.map(\.kpi) == ["N01951"],
                    "only the population indicator carries real figures")
            for key in ["deltagare-yrkesresan", "natverkstraffar", "vantetid-ungdomsmottagning"] {
                #expect(try await reader.send(.GET, F.path("/indikatorer/\(key)")).1.contains("Exempeldata"), "\(key)")
            }
            #expect(!(try await reader.send(.GET, F.path("/indikatorer/invanare-totalt")).1.contains("Exempeldata")))
        }
        try await withApp(engine, examples: false) { app in
            let periods = try await ReportingPeriod.query(on: app.db).count()
            var reader = Browser(app: app)
            let page = try await reader.send(.GET, "/o/\(F.org)/dokument/\(F.doc)").1
            #expect(periods == 0 && !page.contains("Exempeldata"))
            #expect(try await Indicator.query(on: app.db).all().map(\.key) == ["invanare-totalt"], "the real indicator stays without the examples")
        }
    }
}

/// The follow-up section refuses what does not fit the file's documents, naming the field.
@Suite("Follow-up: its section of the organisation file")
struct FollowUpFileTests {
    @Test("A report of an activity the version lacks, or a closed period without its moment, is refused by path and nothing is written",
          arguments: Engine.enabled)
    func refusals(engine: Engine) async throws {
        try await withApp(engine) { app in
            let file = try OrganisationExporter.encode(try await OrganisationExporter.export(slug: Demo.organisationSlug, on: app.db))
            let cases: [(String, (inout [String: Any]) -> Void)] = [
                ("followUp.periods[0].reports[0].lineage", { period in
                    var reports = period["reports"] as! [[String: Any]]
                    reports[0]["lineage"] = "finns-inte"
                    period["reports"] = reports
                }),
                ("followUp.periods[0].closedAt", { period in period["closedAt"] = nil }),
                ("followUp.periods[0].version", { period in period["version"] = 7 }),
            ]
            try await Self.expectRefusals(file, engine: engine, cases.map { path, change in
                (path, { followUp in Self.change(&followUp, "periods", 0, change) })
            })
        }
    }

    @Test("An indicator on a key activity, a repeated key, an empty unit, or a Kolada row with an unknown gender is refused by path",
          arguments: Engine.enabled)
    func indicatorRefusals(engine: Engine) async throws {
        try await withApp(engine) { app in
            let file = try OrganisationExporter.encode(try await OrganisationExporter.export(slug: Demo.organisationSlug, on: app.db))
            let activity = "utvardering-av-den-lansgemensamma-sjukhusskolan-som"
            let cases: [(String, (inout [String: Any]) -> Void)] = [
                ("followUp.indicators[0].lineage", { followUp in Self.change(&followUp, "indicators", 0) { $0["lineage"] = activity } }),
                ("followUp.indicators[1].key", { followUp in
                    let first = (followUp["indicators"] as! [[String: Any]])[0]["key"]!
                    Self.change(&followUp, "indicators", 1) { $0["key"] = first }
                }),
                ("followUp.indicators[0]", { followUp in Self.change(&followUp, "indicators", 0) { $0["direction"] = "higher"; $0["unit"] = "" } }),
                ("followUp.kolada.values[0].gender", { followUp in
                    var kolada = followUp["kolada"] as! [String: Any]
                    Self.change(&kolada, "values", 0) { $0["gender"] = "X" }
                    followUp["kolada"] = kolada
                }),
            ]
            try await Self.expectRefusals(file, engine: engine, cases)
        }
    }

    /// Imports `file` with each change to its follow-up into an empty database: refused by the path, nothing written.
    static func expectRefusals(_ file: Data, engine: Engine, _ cases: [(String, (inout [String: Any]) -> Void)]) async throws {
        try await withApp(engine, demo: false) { target in
            for (path, change) in cases {
                var object = try #require(try JSONSerialization.jsonObject(with: file) as? [String: Any])
                var followUp = try #require(object["followUp"] as? [String: Any])
                change(&followUp)
                object["followUp"] = followUp
                do {
                    _ = try await OrganisationImporter.importFile(try JSONSerialization.data(withJSONObject: object), on: target.db)
                    Issue.record("\(path) should be refused")
                } catch let error as ImportError {
                    #expect(error.path == path, "\(error)")
                }
                #expect(try await ReportingPeriod.query(on: target.db).count() == 0)
                #expect(try await Indicator.query(on: target.db).count() == 0)
                #expect(try await koladaRows(target.db) == 0)
            }
        }
    }

    static func change(_ object: inout [String: Any], _ key: String, _ index: Int, _ edit: (inout [String: Any]) -> Void) {
        var list = object[key] as! [[String: Any]]
        edit(&list[index])
        object[key] = list
    }
}
