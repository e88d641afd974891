import AppTestSupport
import CSV
import Foundation
@testable import Organisation
@testable import Plans
@testable import SamsynApp
import Testing
import Vapor

/// Open data for people and programs (issue 10, item 6): CSV that a real parser reads and that
/// says what the JSON and the page say, the open data pages, the licence.
@Suite("Open data")
struct OpenDataTests {
    static let org = "/o/norrbottens-kommuner"
    static let api = "/api/v1/organisations/norrbottens-kommuner"

    /// The rows of a CSV response as dictionaries by column, read by CSV.swift's reader.
    static func rows(_ app: Application, _ path: String) async throws -> [[String: String]] {
        let (status, body, headers) = try await app.get(path)
        #expect(status == .ok, "GET \(path)")
        #expect(headers.contentType?.type == "text" && headers.contentType?.subType == "csv" && headers.first(name: .accessControlAllowOrigin) == "*")
        #expect(body.contains("\r\n"), "RFC 4180 line ends")
        let reader = try CSVReader(string: body, hasHeaderRow: true)
        let columns = try #require(reader.headerRow)
        var rows: [[String: String]] = []
        while let row = reader.next() { rows.append(Dictionary(uniqueKeysWithValues: zip(columns, row))) }
        return rows
    }

    @Test("Each list as CSV has the rows and identifiers of the JSON", arguments: Engine.enabled)
    func csvMatchesJSON(engine: Engine) async throws {
        try await withApp(engine) { app in
            let members = try await app.getJSON("\(Self.api)/members", as: [OrganisationDTO].self)
            let memberRows = try await Self.rows(app, "\(Self.org)/oppna-data/medlemmar.csv")
            #expect(memberRows.map { $0["slug"] } == members.map(\.slug) && memberRows.map { $0["scbCode"] } == members.map(\.scbCode))
            #expect(memberRows.first { $0["scbCode"] == "2580" }?["name"] == "Luleå")

            let documents = try await app.getJSON("\(Self.api)/documents", as: [DocumentSummary].self)
            let documentRows = try await Self.rows(app, "\(Self.org)/oppna-data/styrdokument.csv")
            #expect(documentRows.map { $0["slug"] } == documents.map(\.slug) && documentRows.map { $0["title"] } == documents.map(\.title))

            let plan = try await app.getJSON("\(Self.api)/documents/verksamhetsplan-2023", as: DocumentContent.self)
            let nodeRows = try await Self.rows(app, "\(Self.org)/oppna-data/mal-och-aktiviteter/verksamhetsplan-2023")
            #expect(nodeRows.map { $0["key"] } == plan.allNodes.map(\.key), "every node, parents before children, in order")
            #expect(nodeRows.map { $0["title"] } == plan.allNodes.map(\.title), "titles with commas and quotes survive")
            let trygghet = try #require(nodeRows.first { $0["key"] == "arrangera-trygghetskonferensen-i-samarbete-med-polisen" })
            #expect(trygghet["partners"] == "polisen; lansstyrelsen-norrbotten; rattighetscentrum-norrbotten" && trygghet["level"] == "Nyckelaktivitet")

            let structure = try await app.getJSON("\(Self.api)/structure", as: OrganisationStructure.self)
            let groupRows = try await Self.rows(app, "\(Self.org)/oppna-data/natverk-och-forum.csv")
            #expect(groupRows.map { $0["key"] } == structure.groups.map(\.key))
            let partnerRows = try await Self.rows(app, "\(Self.org)/oppna-data/samarbetsparter.csv")
            #expect(partnerRows.contains { $0["key"] == "polisen" && $0["name"] == "Polisen" })
            #expect(try await app.get("\(Self.org)/oppna-data/mal-och-aktiviteter/finns-inte").status == .notFound)
        }
    }

    @Test("The open data pages list every download, the licence and an example; list pages link to theirs", arguments: Engine.enabled)
    func pages(engine: Engine) async throws {
        try await withApp(engine) { app in
            let page = try await app.get("\(Self.org)/oppna-data").body
            for link in ["oppna-data/styrdokument.csv", "oppna-data/mal-och-aktiviteter/verksamhetsplan-2023", "oppna-data/medlemmar.csv",
                         "oppna-data/natverk-och-forum.csv", "oppna-data/samarbetsparter.csv", "\(Self.api)/members"] {
                #expect(page.contains(link), "the open data page links \(link)")
            }
            #expect(page.contains("CC0 1.0 Universal") && page.contains("curl https://samsyn.example\(Self.api)/members"))
            #expect(page.contains("&quot;scbCode&quot; : &quot;2505&quot;") || page.contains("scbCode"), "an example response")
            let site = try await app.get("/oppna-data").body
            #expect(site.contains("\(Self.org)/oppna-data") && site.contains("CC0 1.0 Universal"))
            #expect(try await app.get("/").body.contains(#"<a href="/oppna-data">Öppna data</a>"#), "the site's navigation leads to the page, not the raw OpenAPI file")
            for (path, csv) in [("\(Self.org)/dokument", "oppna-data/styrdokument.csv"), ("\(Self.org)/medlemmar", "oppna-data/medlemmar.csv"),
                                ("\(Self.org)/organisation", "oppna-data/natverk-och-forum.csv"),
                                ("\(Self.org)/dokument/verksamhetsplan-2023", "oppna-data/mal-och-aktiviteter/verksamhetsplan-2023?version=1")] {
                #expect(try await app.get(path).body.contains(csv), "\(path) links its CSV")
            }
        }
    }

    @Test("An organisation chooses its licence in its file; CC0 1.0 otherwise; the API and the open data page say which", arguments: Engine.enabled)
    func licence(engine: Engine) async throws {
        try await withApp(engine, demo: false) { app in
            var file = try demoJSON()
            file.editObject("organisation") { $0["licence"] = ["name": "X", "url": "ftp://example.se"] }
            await #expect(throws: (any Error).self) { _ = try await OrganisationImporter.importFile(data(file), on: app.db) }
            file.editObject("organisation") { $0["licence"] = ["name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/deed.sv"] }
            _ = try await OrganisationImporter.importFile(data(file), on: app.db)
            let detail = try await app.get(Self.api).body
            #expect(detail.contains(#""licence":{"name":"CC BY 4.0","url":"https://creativecommons.org/licenses/by/4.0/deed.sv"}"#))
            #expect(try await app.get("\(Self.org)/oppna-data").body.contains("publicerar sina data under licensen"))
            let exported = try await OrganisationExporter.export(slug: Demo.organisationSlug, on: app.db)
            let section = exported.content(OrganisationSection.Content.self)
            #expect(section?.organisation.licence?.name == "CC BY 4.0", "the file keeps it")
        }
        try await withApp(engine) { app in
            let body = try await app.get(Self.api).body
            #expect(body.contains(#""licence":{"name":"CC0 1.0 Universal""#), "the default")
        }
    }
}
