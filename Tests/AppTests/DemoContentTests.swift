import AppTestSupport
import Core
import Foundation
@testable import Organisation
@testable import Plans
import ReferenceData
@testable import SamsynApp
import Testing

/// The demo organisation carries the seed documents faithfully. Expected values come
/// from the seed text (Fixtures), never from the demo file.
@Suite("Demo organisation against the seed documents")
struct DemoContentTests {
    let base = "/api/v1/organisations/norrbottens-kommuner/documents"

    @Test("Verksamhetsplan 2023: 3 goal areas, 10 goals, 53 key activities, word for word", arguments: Engine.enabled)
    func verksamhetsplanTree(engine: Engine) async throws {
        try await withApp(engine) { app in
            let plan = try await app.getJSON("\(base)/verksamhetsplan-2023", as: DocumentContent.self)
            let expectedGoals = SeedText.verksamhetsplanGoals()
            let expectedAreas = SeedText.inriktningAreas()

            #expect(plan.version.levels == ["Målområde", "Mål", "Nyckelaktivitet"])
            #expect(plan.nodes.map(\.title) == expectedAreas.map(\.title))
            #expect(plan.nodes.count == 3)
            let goals = plan.nodes.flatMap(\.children)
            #expect(goals.count == 10)
            #expect(expectedGoals.count == 10)
            #expect(goals.map(\.title) == expectedGoals.map(\.title))
            for (goal, expected) in zip(goals, expectedGoals) {
                #expect(goal.level == "Mål")
                #expect(goal.children.map(\.title) == expected.activities, "key activities of \(goal.title)")
                #expect(goal.children.allSatisfy { $0.level == "Nyckelaktivitet" })
            }
            #expect(goals.flatMap(\.children).count == 53)
            #expect(expectedGoals.flatMap(\.activities).count == 53)
            // Each goal area holds the goals the direction lists under it.
            for (area, expected) in zip(plan.nodes, expectedAreas) {
                #expect(area.children.map(\.title) == expected.goals)
            }
        }
    }

    @Test("Inriktning 2023–2026: goal areas, goals, strategies and the Agenda 2030 mapping", arguments: Engine.enabled)
    func inriktning(engine: Engine) async throws {
        try await withApp(engine) { app in
            let direction = try await app.getJSON("\(base)/inriktning-2023-2026", as: DocumentContent.self)
            let expected = SeedText.inriktningAreas()
            #expect(direction.version.levels == ["Målområde", "Mål"])
            #expect(direction.nodes.map(\.title) == expected.map(\.title))
            #expect(direction.nodes.map { $0.children.map(\.title) } == expected.map(\.goals))
            #expect(direction.allNodes.count == 13)
            #expect(direction.strategies.compactMap(\.heading) == SeedText.strategies().map { SeedText.mendingSpelling(capitalisedHeading($0)) })
            #expect(direction.strategies.count == 6)

            // Only goal 17 is named in the text (001 l.228). The others are icons in the published PDF: the
            // numbers below are the demo's interpretation of the paragraphs that explain them, marked as such.
            #expect(Fixtures.inriktning.contains("Det sjuttonde Agenda-målet ”Genomförande och globalt partnerskap”"))
            let roles = Dictionary(grouping: direction.agenda2030, by: \.role).mapValues { Set($0.map(\.code)) }
            #expect(roles[.primary] == ["3", "4", "10", "11"], "interpreted from the icons")
            #expect(roles[.secondary] == ["5", "8", "9", "16"], "interpreted from the icons")
            #expect(roles[.framing] == ["17"])
            #expect(direction.agenda2030.filter { $0.interpreted == true }.map(\.code).sorted() == ["10", "11", "16", "3", "4", "5", "8", "9"])
            #expect(direction.agenda2030.first { $0.code == "17" }?.interpreted == nil)
            let seed = SeedText.normalized(Fixtures.inriktning)
            for entry in direction.agenda2030 {
                #expect(seed.contains(SeedText.normalized(entry.explanation)), "explanation of goal \(entry.code)")
            }
        }
    }

    @Test("Every goal of the annual plan carries out the direction's goal of the same wording", arguments: Engine.enabled)
    func goalsFollowTheDirection(engine: Engine) async throws {
        try await withApp(engine) { app in
            let plan = try await app.getJSON("\(base)/verksamhetsplan-2023", as: DocumentContent.self)
            let direction = try await app.getJSON("\(base)/inriktning-2023-2026", as: DocumentContent.self)
            for goal in plan.nodes.flatMap(\.children) {
                let targets = goal.implements.compactMap { reference in
                    direction.allNodes.first { $0.key == reference.node && reference.document == direction.slug }
                }
                #expect(targets.map(\.title) == [goal.title])
            }
        }
    }

    @Test("Both documents have their six strategies, in the seed's order", arguments: Engine.enabled)
    func strategies(engine: Engine) async throws {
        try await withApp(engine) { app in
            let plan = try await app.getJSON("\(base)/verksamhetsplan-2023", as: DocumentContent.self)
            #expect(plan.strategies.count == 6)
            let seed = SeedText.normalized(Fixtures.verksamhetsplan).lowercased()
            for strategy in plan.strategies {
                #expect(seed.contains(SeedText.normalized(strategy.heading ?? "").lowercased()))
            }
        }
    }

    @Test("Every prose paragraph stands in its own document's seed text", arguments: Engine.enabled)
    func proseIsFaithful(engine: Engine) async throws {
        try await withApp(engine) { app in
            for (slug, seedText, expectedSections) in [
                ("verksamhetsplan-2023", Fixtures.verksamhetsplan,
                 ["Förändringsvilja och samverkanskraft", "Vårt uppdrag", "Verksamhetsidé", "Dialog, beredning och beslut",
                  "Förbundsfullmäktige", "Styrelse", "Politiska beredningar", "Kommundirektörsberedning", "Det gemensamma förbundet"]),
                ("inriktning-2023-2026", Fixtures.inriktning,
                 ["Ett dynamiskt län med sikte mot framtiden", "Vårt uppdrag", "Verksamhetsidé", "Omvärld", "Utmaningar",
                  "Möjligheter", "Norrbottens Kommuner och Agenda 2030", "Finansiering"]),
            ] {
                let document = try await app.getJSON("\(base)/\(slug)", as: DocumentContent.self)
                let seed = SeedText.normalized(seedText)
                let headings = document.sections.compactMap(\.heading)
                for heading in expectedSections { #expect(headings.contains(heading), "\(slug) lacks section \(heading)") }
                let texts = document.sections.map(\.body) + document.allNodes.map(\.text)
                var paragraphs = 0
                for text in texts {
                    for paragraph in Markdown.plainText(text).components(separatedBy: "\n\n") where !paragraph.isEmpty {
                        paragraphs += 1
                        #expect(seed.contains(SeedText.normalized(paragraph)), "\(slug): \(paragraph.prefix(80))…")
                    }
                }
                #expect(paragraphs > 40)
                // Page furniture is gone.
                #expect(!texts.joined().contains("Verksamshetsplan 2023 Norrbottens Kommuner"))
            }
        }
    }

    @Test("The 14 members with their SCB codes", arguments: Engine.enabled)
    func members(engine: Engine) async throws {
        try await withApp(engine) { app in
            let members = try await app.getJSON("/api/v1/organisations/norrbottens-kommuner/members", as: [OrganisationDTO].self)
            let norrbotten = Municipalities.all.filter { $0.countyName == "Norrbottens län" }
            #expect(members.count == 14)
            #expect(Fixtures.inriktning.contains("ägs av länets 14 kommuner"))
            #expect(Set(members.compactMap(\.scbCode)) == Set(norrbotten.map(\.scbCode)))
            #expect(members.first { $0.scbCode == "2580" }?.name == "Luleå")
            // Populations are reference data: each with its date and source, in the API and on the pages.
            #expect(members.allSatisfy { $0.populationYear == 2025 && $0.populationSource == "SCB via regionfakta.com" })
            let page = try await app.get("/o/norrbottens-kommuner/medlemmar").body
            #expect(HTMLCheck.count("<td>31 december 2025</td>", in: page) == 14 && HTMLCheck.count("<td>SCB via regionfakta.com</td>", in: page) == 14)
            let lulea = try await app.get("/o/norrbottens-kommuner/aktorer/kommun-2580").body
            #expect(lulea.contains("80\u{202F}321 (31 december 2025, SCB via regionfakta.com)"), "the actor page")
        }
    }

    @Test("The demo invents no adoption facts the documents do not state", arguments: Engine.enabled)
    func inventsNothing(engine: Engine) async throws {
        try await withApp(engine) { app in
            for slug in ["verksamhetsplan-2023", "inriktning-2023-2026"] {
                let document = try await app.getJSON("\(base)/\(slug)", as: DocumentContent.self)
                #expect(document.version.adoptedBy == nil && document.version.adoptedOn == nil && document.version.decisionReference == nil)
                #expect(document.allNodes.allSatisfy { $0.responsibleUnit == nil && $0.agenda2030.isEmpty })
                // In force, and the pages say the document does not state its adoption.
                #expect(try await app.get("/o/norrbottens-kommuner/dokument/\(slug)").body.contains("dokumentet anger inte när eller av vem det antogs"))
            }
            let index = try await app.get("/o/norrbottens-kommuner/dokument").body
            #expect(HTMLCheck.count("(antagandet anges inte i dokumentet)", in: index) == 2)
        }
    }
}

/// "PROCESSINRIKTAT OCH INNOVATIVT ARBETSSÄTT" → "Processinriktat och innovativt arbetssätt".
func capitalisedHeading(_ upper: String) -> String {
    let lower = upper.lowercased()
    return lower.prefix(1).uppercased() + lower.dropFirst()
}
