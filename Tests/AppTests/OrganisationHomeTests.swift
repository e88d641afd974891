import AppTestSupport
import Foundation
import Testing
import Vapor

/// The organisation's home and people pages as a citizen reads them (issue 10, items 3 and 4).
@Suite("The organisation's home and its people")
struct OrganisationHomeTests {
    @Test("Home leads with what the organisation is, its documents, its members as a list and open data; people are grouped by body",
          arguments: Engine.enabled)
    func homeAndPeople(engine: Engine) async throws {
        try await withApp(engine) { app in
            let home = try await app.get("/o/norrbottens-kommuner").body
            #expect(home.contains(#"<h2 id="om">Om Norrbottens Kommuner</h2><h3>Vårt uppdrag</h3>"#), "the mission from the direction")
            #expect(home.contains("<h3>Verksamhetsidé</h3>") && home.contains("företräda, samordna och stödja kommunerna"))
            #expect(home.contains(#"Ur <a href="/o/norrbottens-kommuner/dokument/inriktning-2023-2026">Inriktning 2023–2026</a>"#))
            #expect(home.contains(#"<ul class="columns"><li><a href="/o/norrbottens-kommuner/aktorer/kommun-2505">Arvidsjaur</a></li>"#), "members as a list")
            #expect(home.contains("/o/norrbottens-kommuner/oppna-data"))
            let people = try await app.get("/o/norrbottens-kommuner/personer").body
            #expect(!people.contains("Ej namngiven"))
            #expect(people.contains("Kommunstyrelsens ordförande (14 platser) för "), "unnamed seats of one role once, with their count")
            #expect(HTMLCheck.count("inte namngivna i dokumenten", in: people) < 10)
        }
    }
}
