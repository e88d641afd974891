import AppTestSupport
@testable import Auth
import Fluent
@testable import FollowUp
import Foundation
import SQLKit
import Testing
import Vapor

/// Kolada files in both formats, from fixtures built on the documented shapes (Fixtures/kolada/README.md).
@Suite("Kolada: reading and importing key figures")
struct KoladaImportTests {
    static func fixture(_ name: String) throws -> (name: String, data: Data) {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/kolada"))
        return (name, try Data(contentsOf: url))
    }

    struct Row: Decodable, Equatable { let kpi, municipality, period, gender: String; let value: Double? }

    static func rows(_ db: any Database) async throws -> [Row] {
        try await (db as! any SQLDatabase).select().columns("kpi", "municipality", "period", "gender", "value").from(KoladaTables.values)
            .orderBy("kpi").orderBy("municipality").orderBy("period").orderBy("gender").all(decoding: Row.self)
    }

    @Test("Two v3 pages linked by next_url, a v2 page and KPI metadata: genders, null and deleted values, string and number periods, an unknown field",
          arguments: Engine.enabled)
    func imports(engine: Engine) async throws {
        try await withApp(engine, demo: false) { app in
            let files = try ["v3-data-page-1.json", "v3-data-page-2.json", "v2-data.json", "v3-kpi.json"].map(Self.fixture)
            let report = try await KoladaImport.run(files, actor: .commandLine, on: app.db)
            #expect(report.added == 10 && report.changed == 0 && report.deleted == 0 && report.kpisAdded == 2 && !report.incomplete, "\(report)")
            #expect(report.unchanged == 2, "the deleted rows had nothing to delete")
            let rows = try await Self.rows(app.db)
            #expect(rows.contains(Row(kpi: "N01951", municipality: "0180", period: "2022", gender: "T", value: 980000)), "a non-member is kept")
            #expect(rows.contains(Row(kpi: "N01951", municipality: "2580", period: "2023", gender: "T", value: nil)), "a null value is a row without a value")
            #expect(rows.contains(Row(kpi: "N01951", municipality: "2580", period: "2022", gender: "T", value: 79000)), "a number period")
            #expect(rows.contains(Row(kpi: "N00945", municipality: "2584", period: "2021", gender: "M", value: 29.9)), "the v2 document's F is read as M")
            #expect(rows.filter { $0.kpi == "N00945" && $0.municipality == "2580" && $0.period == "2022" }.map(\.gender) == ["K", "M", "T"])
            #expect(!rows.contains { $0.municipality == "2584" && $0.period == "2023" } && !rows.contains { $0.kpi == "N00945" && $0.period == "2021" && $0.municipality == "2580" })

            let again = try await KoladaImport.run(files, actor: .commandLine, on: app.db)
            #expect(again.added == 0 && again.changed == 0 && again.deleted == 0 && again.unchanged == 12 && again.kpisUnchanged == 2, "\(again)")
            #expect(try await Self.rows(app.db) == rows, "a re-import changes nothing")
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "kolada.import").count() == 1, "only the import that wrote is audited")

            // A later answer deletes one value and changes another.
            let later = #"{"values":[{"kpi":"N01951","municipality":"2580","period":2022,"values":[{"gender":"T","count":1,"status":"","value":79100}]},"# +
                #"{"kpi":"N01951","municipality":"0180","period":"2022","values":[{"gender":"T","count":1,"status":"","value":null,"is_deleted":true}]}]}"#
            let changed = try await KoladaImport.run([("later.json", Data(later.utf8))], actor: .commandLine, on: app.db)
            #expect(changed.changed == 1 && changed.deleted == 1 && changed.added == 0, "\(changed)")
            #expect(try await Self.rows(app.db).count == rows.count - 1)
        }
    }

    @Test("A malformed file is refused with the file, the row and the field, and nothing is written", arguments: Engine.enabled)
    func malformed(engine: Engine) async throws {
        try await withApp(engine, demo: false) { app in
            let files = try ["v3-data-page-1.json", "malformed.json"].map(Self.fixture)
            await #expect(throws: KoladaFile.Failure(file: "malformed.json", row: 2, field: "municipality", problem: "missing")) {
                _ = try await KoladaImport.run(files, actor: .commandLine, on: app.db)
            }
            #expect(try await Self.rows(app.db).isEmpty)
            for (text, field) in [("[1]", "(file)"), (#"{"values": 3}"#, "values"), (#"{"values":[{"kpi":"N1","municipality":"1","period":true,"values":[]}]}"#, "period"),
                                  (#"{"values":[{"kpi":"N1","municipality":"1","period":2020,"values":[{"gender":"X","value":1}]}]}"#, "values[0].gender"),
                                  (#"{"values":[{"kpi":"N1","municipality":"1","period":2020,"values":[{"gender":"T","value":"1"}]}]}"#, "values[0].value")] {
                let failure = #expect(throws: KoladaFile.Failure.self) { _ = try KoladaFile.read(Data(text.utf8), file: "x.json") }
                #expect(failure?.field == field, "\(text)")
            }
        }
    }

    @Test("An answer whose last page links to another says it is incomplete")
    func incomplete() throws {
        let page = try KoladaFile.read(try Self.fixture("v3-data-page-1.json").data, file: "p1")
        #expect(page.next != nil && page.values.count == 5)
    }
}

/// The byte reader and the decoder read the same pages; the byte reader gives up on what it does not know.
@Suite("Kolada: the fast reader agrees with the decoder")
struct KoladaFastReaderTests {
    @Test("Every fixture, and variants of the shapes, read the same either way")
    func agrees() throws {
        for name in ["v3-data-page-1.json", "v3-data-page-2.json", "v2-data.json", "v3-kpi.json", "malformed.json"] {
            let data = try KoladaImportTests.fixture(name).data
            let fast = KoladaFastReader.page(data)
            if name.contains("data") { #expect(fast != nil, "\(name) takes the fast path") }
            if let fast { #expect(fast == (try KoladaFile.decode(data, file: name)), "\(name)") }
        }
        let variants = [
            #"{"values":[{"kpi":"N1","municipality":"0180","period":"2023T1","extra":{"a":[1,2.5e3,"\"x\"",null,true]},"values":[{"gender":"K","value":null,"isdeleted":null,"is_deleted":1}]}],"next_page":"b","next_url":null}"#,
            #"{"next_url":"a","values":[{"kpi":"N1","municipality":"0180","period":2023,"values":[{"gender":"F","value":-1.25E-2,"count":null,"status":null}]}]}"#,
            #"{"values":[{"kpi":"N1","municipality":"0180","period":2023,"values":[{"gender":"T","value":1,"is_deleted":true}]}]} "#,
            #"{"values":[]}"#,
        ]
        for variant in variants {
            let data = Data(variant.utf8)
            let fast = try #require(KoladaFastReader.page(data), "\(variant)")
            #expect(fast == (try KoladaFile.decode(data, file: "variant")), "\(variant)")
        }
        let givesUp = [
            #"{"values":[{"kpi":"N\u0031","municipality":"0180","period":2023,"values":[]}]}"#,  // an escape in a needed string
            #"{"values":[{"kpi":"N1","municipality":"0180","period":2023.5,"values":[]}]}"#,     // not a whole year
            #"{"values":[{"kpi":"N1","municipality":"0180","period":2023,"values":[{"gender":"X"}]}]}"#,
            #"{"values":[{"kpi":"N1","municipality":"0180","period":2023,"values":[{"gender":"T","value":"1"}]}]}"#,
            #"{"values":[{"kpi":"N1","municipality":"0180","period":2023,"values":[]}]} x"#,
            #"{"values":[{"kpi":"N1","municipality":"0180","period":2023,"values":[]},]}"#,
            #"{"values":[{"kpi":"N1","municipality":"0180","period":01,"values":[]}]}"#,
        ]
        for text in givesUp { #expect(KoladaFastReader.page(Data(text.utf8)) == nil, "\(text)") }
    }
}
