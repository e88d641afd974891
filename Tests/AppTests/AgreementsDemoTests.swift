@testable import Agreements
import AppTestSupport
import Core
import CSV
import Fluent
import Foundation
@testable import Organisation
@testable import Plans
@testable import SamsynApp
import Plot
import Testing

/// The demo's registry against the seed: the 38 agreements of Verksamhetsplan 2023 (000 l.1135–1255)
/// word for word, with their list headings, kinds by the title rule (the committed table in
/// Fixtures/agreement-kinds.csv), periods and parties only where the titles give them, and the
/// links to key activities in Fixtures/agreement-links.csv, both ways.
@Suite("The demo's agreements against the seed")
struct AgreementsDemoTests {
    let api = "/api/v1/organisations/norrbottens-kommuner"

    /// The seed's list: each title (mended as docs/text-fidelity.md says) under its heading, in order.
    static func seedList() -> [(heading: ListHeading, title: String)] {
        let lines = Fixtures.text("000_b3f5942e2113524e.txt").components(separatedBy: "\n")[1135..<1255]
        var heading: ListHeading?
        var bullets: [(ListHeading, [String])] = []
        for line in lines.map({ $0.trimmingCharacters(in: .whitespaces) }) {
            switch line {
            case "AVTAL": heading = .avtal
            case "ÖVERENSKOMMELSER": heading = .overenskommelser
            case let bullet where bullet.hasPrefix("•"): bullets.append((heading!, [String(bullet.dropFirst())]))
            case "": continue
            default: bullets[bullets.count - 1].1.append(line)
            }
        }
        return bullets.map { ($0.0, SeedText.mendingSpelling(SeedText.mend($0.1))) }
    }

    @Test("38 titles word for word under their headings; kinds by the rule equal the committed table")
    func titlesHeadingsAndKinds() async throws {
        let seed = Self.seedList()
        #expect(seed.count == 38)
        #expect(seed.filter { $0.heading == .avtal }.count == 11)
        #expect(seed.filter { $0.heading == .overenskommelser }.count == 27)
        #expect(seed.contains { $0.title.hasPrefix("North Sweden European Office, lobbyorganisation i Bryssel") })
        // The table found in the seed, committed: heading, kind, by title, by heading.
        let reader = try CSVReader(string: Fixtures.text("agreement-kinds.csv"), hasHeaderRow: true)
        var table: [String: [Int]] = [:]
        while let row = reader.next() { table["\(row[0])/\(row[1])"] = [Int(row[2])!, Int(row[3])!] }
        var found: [String: [Int]] = [:]
        for (heading, title) in seed {
            let kind = AgreementKind.named(in: title) ?? heading.kind
            found["\(heading.rawValue)/\(kind.rawValue)", default: [0, 0]][AgreementKind.named(in: title) == nil ? 1 : 0] += 1
        }
        #expect(found == table)
        #expect(table["avtal/avtal"] == [4, 2] && table["avtal/samverkansavtal"] == [4, 0] && table["overenskommelser/overenskommelse"] == [9, 0])

        try await withApp(.sqlite) { app in
            let demo = try await app.getJSON("\(api)/agreements", as: [AgreementContent].self)
            #expect(demo.count == 38)
            // And back: every agreement of the demo is a bullet of the seed's list.
            for agreement in demo { #expect(seed.contains { $0.title == agreement.title }, "not in the seed: \(agreement.title)") }
            for (heading, title) in seed {
                let agreement = demo.first { $0.title == title }
                #expect(agreement != nil, "not in the demo: \(title)")
                #expect(agreement?.heading == heading.label, "\(title)")
                #expect(agreement?.kind == AgreementKind.named(in: title) ?? heading.kind, "\(title)")
                #expect(agreement?.listedIn == "verksamhetsplan-2023")
                #expect(agreement?.status == .inForce)
                #expect(agreement?.parties.allSatisfy { $0.signatory == nil } == true, "the document names no signatories")
            }
            // The plan's page lists them where the PDF has them, in the PDF's order, under its headings.
            let page = try await app.get("/o/norrbottens-kommuner/dokument/verksamhetsplan-2023").body
            let part = try #require(page.range(of: "id=\"avtal-och-overenskommelser-i-planen\"").map { String(page[$0.lowerBound...]) })
            let linked = part.components(separatedBy: "<li><a href=\"/o/norrbottens-kommuner/avtal/").dropFirst().prefix(38)
                .map { String($0.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" }) }
            #expect(linked == seed.map { HTML.escape($0.title) })
            #expect(part.contains("<h3>Avtal</h3>") && part.contains("<h3>Överenskommelser</h3>"))
        }
    }

    @Test("Periods only where a title gives one; parties only where a title names them")
    func periodsAndParties() async throws {
        try await withApp(.sqlite) { app in
            let demo = try await app.getJSON("\(api)/agreements", as: [AgreementContent].self)
            for agreement in demo {
                let title = agreement.title
                if let match = title.firstMatch(of: /(\d{4})–(\d{4})\.?$/) {
                    #expect(agreement.period == "\(match.1)–\(match.2)", "\(title)")
                } else if let match = title.firstMatch(of: /\s(\d{4})\.?$/) {
                    #expect(agreement.period == String(match.1), "\(title): a single trailing year is the year of validity")
                } else {
                    #expect(agreement.period == nil, "\(title) gives no period")
                }
                for party in agreement.parties {
                    if party.members == true {
                        #expect(title.contains("kommuner") || title.contains("kommunerna") || title.contains("kommunala"), "\(title)")
                    } else if party.organisation != nil {
                        let named = party.note.map { title.contains($0) } ?? false
                        #expect(title.lowercased().contains(party.name.lowercased()) || named, "\(title) does not name \(party.name)")
                    } else {
                        #expect(title.contains(party.name), "\(title)")
                    }
                }
            }
            #expect(demo.first { $0.title.hasPrefix("Hemsjukvårdsavtalet 2013") }?.period == nil, "a name, not a period")
            #expect(demo.filter { !$0.parties.isEmpty }.count == 9)
            let programme = try #require(demo.first { $0.kind == .programforklaring })
            #expect(programme.parties.map(\.name) == ["Luleå tekniska universitet", "Norrbottens Kommuners medlemmar (14)", "enskilda skolhuvudmän"])
            #expect(programme.parties[0].note == "Institutionen för Hälsa, lärande och teknik")
            #expect(programme.parties[2].organisation == nil && programme.parties[2].members == nil, "a described party without a registry entry")
            let umea = try #require(demo.first { $0.title.hasSuffix("Institutionen för socialt arbete, Umeå Universitet") })
            #expect(umea.parties.map(\.organisation) == ["norrbottens-kommuner", "umea-universitet"])
            #expect(umea.parties[1].note == "Institutionen för socialt arbete")
            let political = try #require(demo.first { $0.title.hasPrefix("Överenskommelse om politisk samverkan") })
            #expect(political.parties.first?.members == true, "\"kommunerna\" means the 14 members")
            // A member's page lists what it is party to; Luleå is one of "the members".
            let lulea = try await app.get("/o/norrbottens-kommuner/aktorer/2580").body
            #expect(lulea.contains("Överenskommelse om politisk samverkan"))
            #expect(!lulea.contains("Skolfilm i Norrbotten"))
        }
    }

    @Test("Key activities and agreements that share a named object are linked both ways; one activity links to the registry")
    func links() async throws {
        let reader = try CSVReader(string: Fixtures.text("agreement-links.csv"), hasHeaderRow: true)
        var pairs: [(agreement: String, document: String, activity: String, shared: String)] = []
        while let row = reader.next() { pairs.append((row[0], row[1], row[2], row[3])) }
        #expect(pairs.count == 19)
        try await withApp(.sqlite) { app in
            let demo = try await app.getJSON("\(api)/agreements", as: [AgreementContent].self)
            let document = try await app.getJSON("\(api)/documents/verksamhetsplan-2023", as: DocumentContent.self)
            for pair in pairs {
                let agreement = try #require(demo.first { $0.key == pair.agreement }, "\(pair.agreement)")
                let activity = try #require(document.allNodes.first { $0.lineage == pair.activity }, "\(pair.activity)")
                for word in pair.shared.components(separatedBy: " + ") {
                    #expect(agreement.title.lowercased().contains(word.lowercased()), "\(agreement.title) does not name \(word)")
                    #expect(activity.title.lowercased().contains(word.lowercased()), "\(activity.title) does not name \(word)")
                }
                let page = try await app.get("/o/norrbottens-kommuner/dokument/verksamhetsplan-2023/version/1/\(activity.key)").body
                #expect(page.contains("href=\"/o/norrbottens-kommuner/avtal/\(agreement.key)\""), "\(activity.key) does not link \(agreement.key)")
            }
            let linked = Set(demo.flatMap { agreement in agreement.activities.map { "\(agreement.key) \($0.lineage)" } })
            #expect(linked == Set(pairs.map { "\($0.agreement) \($0.activity)" }))
            let followUp = try await app.get("/o/norrbottens-kommuner/dokument/verksamhetsplan-2023/version/1/utveckla-uppfoljningsstruktur-med-syfte-att-genomfora").body
            #expect(followUp.contains("Aktiviteten gäller alla länsgemensamma avtal och överenskommelser"))
            let agreementPage = try await app.get("/o/norrbottens-kommuner/avtal/yrkesresan-avtal-lanssamordning").body
            #expect(agreementPage.contains("Implementera Yrkesresan") && agreementPage.contains("Rekrytera kursledare"))
        }
    }

    @Test("The regional agreement with civil society is an organisation of its own, with its parties, bodies and record", arguments: Engine.enabled)
    func regionalAgreement(engine: Engine) async throws {
        try await withApp(engine) { app in
            let other = "/api/v1/organisations/\(Demo.agreementSlug)"
            let structure = try await app.getJSON("\(other)/structure", as: OrganisationStructure.self)
            #expect(structure.groups.map(\.key) == ["ledningsgrupp", "utvecklingsgrupp"] && structure.groups.allSatisfy(\.isBody))
            let seed = SeedText.comparable(Fixtures.text("004_5456eef7afd160c7.txt"))
            for group in structure.groups {
                for paragraph in group.mandate.components(separatedBy: "\n\n") {
                    #expect(seed.contains(SeedText.comparable(paragraph)), "\(group.key): not in 004: \(paragraph.prefix(80))")
                }
            }
            let members = try await app.getJSON("\(other)/members", as: [OrganisationDTO].self)
            #expect(Set(members.map(\.name)) == ["Region Norrbotten", "Länsstyrelsen Norrbotten", "Samforma"])
            let agreements = try await app.getJSON("\(other)/agreements", as: [AgreementContent].self)
            #expect(agreements.count == 1)
            let title = SeedText.mend(Fixtures.text("004_5456eef7afd160c7.txt").components(separatedBy: "\n")[1...3].map { $0 })
            #expect(agreements.first?.title == title && agreements.first?.kind == .overenskommelse)
            #expect(agreements.first?.parties.map(\.name) == ["Region Norrbotten", "Länsstyrelsen Norrbotten", "Samforma"])
            #expect(try await app.getJSON("\(api)/agreements", as: [AgreementContent].self).count == 38, "Norrbottens Kommuner's registry stays at 38")
            #expect(try await app.get("/o/\(Demo.agreementSlug)/avtal").body.contains("Regional överenskommelse om samverkan mellan Region Norrbotten"))

            // Its editors are the ledningsgrupp's; an editor of Norrbottens Kommuner gets 403 there.
            let organisations = try await OrganisationRecord.query(on: app.db).all()
            let nk = try #require(organisations.first { $0.slug == Demo.organisationSlug })
            let samverkan = try #require(organisations.first { $0.slug == Demo.agreementSlug })
            #expect(samverkan.kind == .samverkan)
            try await Factory.user("nk-redaktor@example.se", roles: [.editor], in: nk, on: app.db)
            try await Factory.user("ledningsgrupp@example.se", roles: [.editor], in: samverkan, on: app.db)
            var nkEditor = Browser(app: app)
            #expect(try await nkEditor.signIn("nk-redaktor@example.se", Factory.password) == .seeOther)
            #expect(try await nkEditor.send(.GET, "/o/\(Demo.agreementSlug)/avtal/hantera").0 == .forbidden)
            #expect(try await nkEditor.send(.GET, "/o/\(Demo.agreementSlug)/avtal/ny").0 == .forbidden)
            var lead = Browser(app: app)
            #expect(try await lead.signIn("ledningsgrupp@example.se", Factory.password) == .seeOther)
            #expect(try await lead.send(.GET, "/o/\(Demo.agreementSlug)/avtal/ny").0 == .ok)
            #expect(try await lead.send(.GET, "/o/\(Demo.organisationSlug)/avtal/ny").0 == .forbidden)
        }
    }
}
