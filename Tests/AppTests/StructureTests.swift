import AppTestSupport
import Foundation
@testable import Organisation
@testable import Plans
import ReferenceData
@testable import SamsynApp
import Testing
import Vapor

@Suite("The organisation's structure against the seed documents")
struct StructureTests {
    let api = "/api/v1/organisations/norrbottens-kommuner"

    /// The one name the document writes two ways: as a steering group and as a body.
    static let aliases = ["Politiska samverkansberedningen för hälsa, vård, omsorg och skola": "Politisk samverkansberedning för hälsa, vård, omsorg och skola"]

    @Test("Every unit, area, steering group, network and forum the document lists, under the right unit and group, with its convener",
          arguments: Engine.enabled)
    func unitsAndListings(engine: Engine) async throws {
        try await withApp(engine) { app in
            let structure = try await app.getJSON("\(api)/structure", as: OrganisationStructure.self)
            let seed = SeedStructure.units()
            #expect(seed.count == 3)
            #expect(structure.units.map(\.name) == seed.map(\.name))
            for (unit, expected) in zip(structure.units, seed) {
                #expect(unit.areas == expected.areas, "\(unit.name)")
                #expect(unit.steeringGroups.compactMap { structure.group($0)?.name } == expected.steering.map { Self.aliases[$0] ?? $0 }, "\(unit.name)")
                #expect(unit.steeringGroups.allSatisfy { structure.group($0)?.isBody == true })
                #expect(unit.listings.map(\.heading) == expected.groups.map { SeedStructure.sentenceCase($0.heading) }, "\(unit.name)")
                for (listing, seedGroup) in zip(unit.listings, expected.groups) {
                    let printed = listing.groups.compactMap(structure.group).map { group in
                        group.name + (group.convener.map { ", \($0.name) sammankallar" } ?? "")
                    }
                    #expect(printed.count == seedGroup.items.count, "\(unit.name) / \(listing.heading)")
                    for (shown, item) in zip(printed, seedGroup.items) {
                        if item.hasSuffix("sammankallar") {
                            #expect(shown.lowercased() == item.lowercased(), "\(listing.heading): \(item)")
                        } else {
                            #expect(item.lowercased().hasPrefix(shown.components(separatedBy: ", ").first!.lowercased()), "\(listing.heading): \(item)")
                        }
                    }
                }
            }
            #expect(structure.units.flatMap(\.areas).count == 17)
            #expect(structure.units.flatMap(\.steeringGroups).count == 9)
            #expect(structure.units.flatMap(\.listings).count == 13)
            #expect(structure.units.flatMap { $0.listings.flatMap(\.groups) }.count == 94)
        }
    }

    @Test("One record per entity, listed where the documents list it", arguments: Engine.enabled)
    func oneRecordPerEntity(engine: Engine) async throws {
        try await withApp(engine) { app in
            let structure = try await app.getJSON("\(api)/structure", as: OrganisationStructure.self)
            #expect(Set(structure.groups.map(\.key)).count == structure.groups.count)
            let names = structure.groups.map { $0.name.lowercased() }
            #expect(Set(names).count == names.count, "a name stands twice")
            let lansstyrgruppen = try #require(structure.groups.first { $0.name.hasPrefix("Länsstyrgruppen") })
            #expect(structure.listings(of: lansstyrgruppen.key).map(\.unit.name) == ["Avdelning Utbildning och arbetsmarknad", "Avdelning Social välfärd"])
            #expect(structure.listings(of: "rss").count == 3)
            let kdb = try #require(structure.group("kommundirektorsberedningen"))
            #expect(kdb.isBody)
            #expect(structure.listings(of: kdb.key).map(\.heading) == ["Strategiska nätverk"])
            #expect(structure.group("regionalt-forum")?.convener?.name == "Region Norrbotten")
        }
    }

    @Test("The bodies of 'Dialog, beredning och beslut' with their mandate word for word, reporting lines and meeting rhythm",
          arguments: Engine.enabled)
    func bodies(engine: Engine) async throws {
        try await withApp(engine) { app in
            let structure = try await app.getJSON("\(api)/structure", as: OrganisationStructure.self)
            let seed = SeedText.normalized(Fixtures.inriktning)
            for name in ["Förbundsfullmäktige", "Norrbottens Kommuners styrelse", "Utbildningsberedningen", "Socialberedningen",
                         "Gemensamma beredningen", "Tillväxtberedningen", "Politisk samverkansberedning för hälsa, vård, omsorg och skola",
                         "Kulturberedningen", "Regionalt forum", "Kommundirektörsberedningen", "Ledningsgruppen"] {
                let body = try #require(structure.bodies.first { $0.name == name }, "\(name) is missing")
                #expect(!body.mandate.isEmpty)
                for paragraph in body.mandate.components(separatedBy: "\n\n") {
                    #expect(seed.contains(SeedText.normalized(paragraph)), "\(name): \(paragraph.prefix(60))")
                }
            }
            #expect(structure.group("styrelse")?.meetingRhythm == "Fyra till fem styrelsesammanträden per år")
            #expect(Fixtures.inriktning.contains("Styrelsen har fyra till fem styrelsesammanträden per år"))
            #expect(structure.group("kommundirektorsberedningen")?.reportsTo == "styrelse")
            #expect(structure.group("styrelse")?.reportsTo == "forbundsfullmaktige")
            #expect(structure.group("tillvaxtberedningen")?.partners.map(\.name) == ["Region Norrbotten"])
            // "ett gemensamt beredningsorgan … för Norrbottens Kommuners styrelse och Region Norrbottens styrelse" (001 l.97).
            #expect(Fixtures.inriktning.contains("för Norrbottens Kommuners styrelse och Region Norrbottens styrelse"))
            #expect(structure.group("tillvaxtberedningen")?.reportsTo == "styrelse")
            #expect(structure.group("tillvaxtberedningen")?.preparesFor.map(\.body) == ["Region Norrbottens styrelse"])
            #expect(structure.group("kulturberedningen")?.preparesFor.map(\.body) == ["regionstyrelsen i Norrbotten"])
            #expect(Fixtures.inriktning.contains("också ett beredningsorgan för regionstyrelsen i Norrbotten"))
            // The documents only say that the two own beredningar meet in the joint one.
            #expect(structure.group("gemensamma-beredningen")?.reportsTo == nil)
        }
    }

    @Test("The seats the documents define: the board, the kommundirektörer and the management group", arguments: Engine.enabled)
    func seats(engine: Engine) async throws {
        try await withApp(engine) { app in
            let structure = try await app.getJSON("\(api)/structure", as: OrganisationStructure.self)
            let members = Set(Municipalities.all.filter { $0.countyName == "Norrbottens län" }.map(\.scbCode))
            let board = try #require(structure.group("styrelse")).seats
            #expect(Set(board.filter { $0.role == "Kommunstyrelsens ordförande" }.compactMap(\.representing?.key)) == members)
            // "samt politiska representanter från partier …": a described category, no count (001 l.89).
            let representatives = try #require(board.first { !$0.role.hasPrefix("Kommunstyrelsens") })
            #expect(representatives.isCategory && representatives.person == nil && representatives.representing == nil)
            #expect(Fixtures.inriktning.lowercased().contains(representatives.role.lowercased()))
            #expect(board.count == 15 && board.filter(\.isCategory).count == 1)
            let directors = try #require(structure.group("kommundirektorsberedningen")).seats
            #expect(Set(directors.filter { $0.role == "Kommundirektör" }.compactMap(\.representing?.key)) == members)
            let management = try #require(structure.group("ledningsgruppen")).seats.map { $0.role.lowercased() }
            #expect(management == ["förbundsdirektör", "förbundsstrateg", "stabschef", "avdelningschef social välfärd",
                                   "avdelningschef utbildning och arbetsmarknad", "foui-samordnare"])
            #expect(Fixtures.inriktning.contains("förbundsstrateg, stabschef, avdelningschef Social välfärd, avdelningschef Utbildning och arbetsmarknad samt FoUI-samordnare"))
            #expect(board.allSatisfy { $0.person == nil }, "the documents name no board members")
            // 000 is signed "Kajsa Myrberg, Förbundsdirektör": the förbundsdirektör's seats are hers.
            #expect(Fixtures.verksamhetsplan.contains("Kajsa Myrberg, Förbundsdirektör"))
            #expect(structure.people.map(\.name) == ["Kajsa Myrberg"])
            #expect(structure.seats(of: "kajsa-myrberg").map(\.group.key) == ["kommundirektorsberedningen", "ledningsgruppen"])
            #expect(structure.chart.first { $0.label == "Förbundsdirektör" }?.person == "kajsa-myrberg")
        }
    }

    @Test("Key activities name the partners their text names, and each partner's page lists them", arguments: Engine.enabled)
    func activityLinksBothWays(engine: Engine) async throws {
        try await withApp(engine) { app in
            let plan = try await app.getJSON("\(api)/documents/verksamhetsplan-2023", as: DocumentContent.self)
            let structure = try await app.getJSON("\(api)/structure", as: OrganisationStructure.self)
            let partners: [String: String] = ["Region Norrbotten": "region-norrbotten", "Länsstyrelsen Norrbotten": "lansstyrelsen-norrbotten",
                                              "Polisen": "polisen", "Rättighetscentrum Norrbotten": "rattighetscentrum-norrbotten",
                                              "Luleå tekniska universitet": "lulea-tekniska-universitet", "Umeå Universitet": "umea-universitet",
                                              "Lapplands kommunalförbund": "lapplands-kommunalforbund", "Skolverket": "skolverket",
                                              "North Sweden European Office": "north-sweden-european-office"]
            for activity in plan.allNodes where activity.level == "Nyckelaktivitet" {
                for (name, key) in partners where activity.title.contains(name) {
                    #expect(activity.partners.contains(key), "\(activity.title) names \(name)")
                }
            }
            // An authority whose change is watched, or whose survey is analysed, is what the work is about, not a partner in it.
            for (title, key) in [("Bevaka effekterna av Arbetsförmedlingens", "arbetsformedlingen"), ("Sammanställa och analysera resultatet av SKR:s", "skr")] {
                let activity = try #require(plan.allNodes.first { $0.title.hasPrefix(title) })
                #expect(!activity.partners.contains(key), "\(title) …")
            }
            let trygghet = try #require(plan.allNodes.first { $0.title.hasPrefix("Arrangera Trygghetskonferensen") })
            #expect(Set(trygghet.partners) == ["polisen", "lansstyrelsen-norrbotten", "rattighetscentrum-norrbotten"])
            for actor in trygghet.partners {
                let detail = try await app.getJSON("\(api)/actors/\(actor)", as: StructureController.ActorDetailDTO.self)
                #expect(detail.activities.contains { $0.title == trygghet.title }, "\(actor) does not list the activity")
                let page = try await app.get("/o/norrbottens-kommuner/aktorer/\(actor)").body
                #expect(page.contains(trygghet.title))
            }
            let network = try #require(trygghet.networks.first)
            #expect(structure.group(network)?.name == "Brottsförebyggande arbete, Trygghetskonferensen")
            let group = try await app.getJSON("\(api)/groups/\(network)", as: StructureController.GroupDetailDTO.self)
            #expect(group.activities.map(\.title) == [trygghet.title])
            let nodePage = try await app.get("/o/norrbottens-kommuner/dokument/verksamhetsplan-2023/\(trygghet.key)").body
            #expect(nodePage.contains("/o/norrbottens-kommuner/aktorer/polisen"))
            #expect(nodePage.contains("/o/norrbottens-kommuner/organisation/\(network)"))
            // A member's page shows its seats.
            let lulea = try await app.getJSON("\(api)/actors/kommun-2580", as: StructureController.ActorDetailDTO.self)
            #expect(lulea.isMember && lulea.seats.count == 2)
        }
    }

    @Test("The chart is an accessible SVG drawn by the server", arguments: Engine.enabled)
    func chart(engine: Engine) async throws {
        try await withApp(engine) { app in
            let html = try await app.get("/o/norrbottens-kommuner/organisation").body
            #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
            #expect(html.contains("role=\"group\"") && html.contains("font-size=\"16\""), "text at body size where the chart is drawn full width")
            #expect(html.contains("<title id=\"org-chart-title\">Organisationsschema</title>"))
            #expect(HTMLCheck.count("<rect ", in: html) == 10, "the ten boxes of the document's own chart")
            #expect(html.contains(">Förbundsdirektör</text>"), "the förbundsdirektör is in it, as in the document")
            #expect(HTMLCheck.count("marker-end=\"url(#arrow)\"", in: html) == 5, "lines only where the documents say who reports to whom")
            #expect(html.contains(#"<a href="/o/norrbottens-kommuner/organisation/kulturberedningen" aria-label="Kulturberedning">"#), "boxes link to the bodies")
            #expect(html.contains("<h3>Andra organ</h3>") && html.contains("finns inte med i dokumentens organisationsschema"), "the others apart, said so")
            #expect(html.contains(">Kommundirektörsberedningen</a></li>") && html.contains(">Ledningsgruppen</a></li>"))
            // Every box says what the document's chart says (000, lines 73–95), word for word once line breaks are mended.
            let seed = SeedText.normalized(Fixtures.verksamhetsplan)
            let structure = try await app.getJSON("/api/v1/organisations/norrbottens-kommuner/structure", as: OrganisationStructure.self)
            for box in structure.chart { #expect(seed.contains(SeedText.normalized(box.label)), "\(box.label) is not in the document") }
        }
    }

    @Test("Real people: a person with seats is shown with their roles", arguments: Engine.enabled)
    func people(engine: Engine) async throws {
        try await withApp(engine, demo: false) { app in
            var file = try demoJSON()
            var structure = file["structure"] as! [String: Any]
            structure["people"] = (structure["people"] as! [[String: Any]]) + [["key": "anna-andersson", "name": "Anna Andersson", "title": "Kommundirektör"]]
            var groups = structure["groups"] as! [[String: Any]]
            let index = groups.firstIndex { $0["key"] as? String == "kommundirektorsberedningen" }!
            var seats = groups[index]["memberships"] as! [[String: Any]]
            seats[10]["person"] = "anna-andersson"
            seats[10]["from"] = "2023-01-01"
            seats[10]["to"] = "2026-12-31"
            groups[index]["memberships"] = seats
            structure["groups"] = groups
            file["structure"] = structure
            _ = try await OrganisationImporter.importFile(data(file), on: app.db)
            let page = try await app.get("/o/norrbottens-kommuner/personer/anna-andersson").body
            #expect(page.contains("<h1>Anna Andersson</h1>"))
            #expect(page.contains("Kommundirektörsberedningen"))
            #expect(page.contains("2023-01-01 – 2026-12-31"))
            #expect(page.contains("Luleå"))
            let export = try await OrganisationExporter.export(slug: Demo.organisationSlug, on: app.db)
            #expect(export.structure.people.map(\.name) == ["Anna Andersson", "Kajsa Myrberg"])
        }
    }
}

@Suite("The chart's text")
struct ChartTextTests {
    @Test("Long compound names break where the parts join, and no line is longer than the box")
    func wrapping() {
        #expect(OrganisationChart.wrap("Kommundirektörsberedningen", width: 21) == ["Kommundirektörs-", "beredningen"])
        #expect(OrganisationChart.wrap("Socialberedning", width: 14) == ["Social-", "beredning"])
        #expect(OrganisationChart.wrap("Tillväxtberedning", width: 14) == ["Tillväxt-", "beredning"])
        #expect(OrganisationChart.wrap("Politisk samverkansberedning för hälsa", width: 21) == ["Politisk", "samverkansberedning", "för hälsa"])
        #expect(OrganisationChart.wrap(String(repeating: "x", count: 30), width: 12).allSatisfy { $0.count <= 12 })
    }
}
