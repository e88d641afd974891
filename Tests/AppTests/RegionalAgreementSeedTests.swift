@testable import Agreements
import AppTestSupport
import Core
import Foundation
@testable import Organisation
@testable import Plans
@testable import SamsynApp
import Testing

/// The regional agreement with civil society (004) against its seed, in both directions: the text,
/// the seven principles in their numbered order with their 23 commitments, who owes each, and the
/// development areas of the action plan.
@Suite("The regional agreement against its seed")
struct RegionalAgreementSeedTests {
    static let seedFile = "004_5456eef7afd160c7.txt"
    static let api = "/api/v1/organisations/\(Demo.agreementSlug)"
    static let agreementKey = "regional-overenskommelse-om-samverkan"

    /// Seed lines the demo does not carry, each with the reason (line numbers of the raw seed file).
    static let exemptions: [(lines: ClosedRange<Int>, reason: String)] = [
        (61...61, "page numbers (\"4 5\")"),
        (168...168, "the axis of the participation-level figure (\"LÅG NIVÅ AV MEDVERKAN HÖG\"); the list gives the levels from lowest to highest"),
        (275...275, "the pointer to the pages of the PDF (\"på sida 11-17\") that describe the principles; the principles follow on the page"),
        (385...387, "a comment left in the PDF: an author tag, \"Anteckning\" and a sentence about buying a picture"),
    ]

    /// Words of the comment in the PDF (l.385–387), which must appear nowhere in Samsyn.
    static let comment = ["sofoqu01", "Anteckning", "skissbild", "3500 kr"]

    /// Samsyn's own words about the text (docs/text-fidelity.md), not the text's.
    static let notes = ["Texten skriver ”mål 17.7”, men det delmål som handlar om att uppmuntra effektiva partnerskap är 17.17; länken går dit."]

    static var seedLines: [String] { Fixtures.text(seedFile).components(separatedBy: "\n") }

    static func texts(of document: DocumentContent) -> [String] {
        SeedCoverageTests.texts(of: document) + document.version.levels.map(Glossary.plural)
    }

    @Test("Every paragraph, bullet, quote and heading of 004 is in the demo, and the comment in the PDF nowhere", arguments: Engine.enabled)
    func seedIsInTheDemo(engine: Engine) async throws {
        try await withApp(engine) { app in
            let document = try await app.getJSON("\(Self.api)/documents/regional-overenskommelse", as: DocumentContent.self)
            let demo = SeedText.comparable(Self.texts(of: document)).joined()
            var checked = 0
            for block in SeedText.blocks(Fixtures.text(Self.seedFile)) where !Self.exemptions.contains(where: { $0.lines.contains(block.line) }) {
                checked += 1
                #expect(demo.contains(SeedText.comparable(block.text)), "004 l.\(block.line) is not in the demo: \(block.text.prefix(120))")
            }
            #expect(checked > 120, "\(checked) blocks checked")

            let file = try String(contentsOf: Demo.agreementFileURL, encoding: .utf8)
            let page = try await app.get("/o/\(Demo.agreementSlug)/dokument/regional-overenskommelse").body
            let everything = [file, page] + Self.texts(of: document)
            for word in Self.comment {
                #expect(!everything.contains { $0.localizedCaseInsensitiveContains(word) }, "\(word) is in Samsyn")
            }
            let commentLines = Self.seedLines[384...386].map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(commentLines[0] == "sofoqu01" && commentLines[1] == "Anteckning", "the exemption points at the comment")
        }
    }

    @Test("Every text of the demo's agreement is in 004, but Samsyn's one note", arguments: Engine.enabled)
    func demoIsInTheSeed(engine: Engine) async throws {
        try await withApp(engine) { app in
            let document = try await app.getJSON("\(Self.api)/documents/regional-overenskommelse", as: DocumentContent.self)
            let seed = SeedText.comparable(Fixtures.text(Self.seedFile))
            for text in Self.texts(of: document) + document.agenda2030.compactMap(\.note) where !Self.notes.contains(text) {
                for part in text.components(separatedBy: "\n") where !part.trimmingCharacters(in: .whitespaces).isEmpty {
                    #expect(seed.contains(SeedText.comparable(part)), "not in 004: \(part.prefix(100))")
                }
            }
            // "mål 17.7" stays as the text writes it; the link goes to target 17.17, with the note.
            let agenda = document.sections.first { $0.role == .agenda2030 }
            #expect(agenda?.body.contains("uppmuntras (mål 17.7)") == true)
            #expect(document.agenda2030.map(\.code) == ["16", "17.17"])
            #expect(document.agenda2030.last?.note.map(Self.notes.contains) == true)
            // The footnote's web address, mended where the PDF broke it.
            let footnote = "https://www.mucf.se/publikationer/europeisk-kod-ideburna-organisationers-medverkan-i-beslutsprocessen-0"
            #expect(document.sections.contains { $0.body.contains(footnote) })
            // Adopted by the three parties' bodies; the seed gives no dates.
            #expect(document.version.adoptedBy == "Regionfullmäktige (Region Norrbotten)")
            #expect(document.version.furtherAdoptions?.map(\.body) == ["Länsstyrelsen Norrbottens ledning", "Samformas styrelse"])
            #expect(document.version.adoptedOn == nil && document.version.furtherAdoptions?.allSatisfy { $0.adoptedOn == nil } == true)
            let page = try await app.get("/o/\(Demo.agreementSlug)/dokument/regional-overenskommelse").body
            #expect(page.contains("Samformas styrelse – datum anges inte"))
        }
    }

    struct Principle: Equatable {
        let title: String
        let commitments: [String]
    }

    /// 004's principles read from the seed: "N. Title" lines, each with the "•" bullets after its
    /// "ÅTAGANDEN", ordered by their numbers (the PDF's layout gives 1, 3, 2, 4, 5, 7, 6).
    static func seedPrinciples() -> [Principle] {
        let lines = seedLines
        var found: [(number: Int, principle: Principle)] = []
        var index = 0
        while index < lines.count {
            let line = lines[index].trimmingCharacters(in: .whitespaces)
            guard let match = line.firstMatch(of: /^([1-7])\. (\S.*)$/) else { index += 1; continue }
            index += 1
            while index < lines.count, lines[index].trimmingCharacters(in: .whitespaces) != "ÅTAGANDEN" { index += 1 }
            index += 1
            // A bullet runs on over the lines that follow it, up to a blank line.
            var bullets: [[String]] = [], open = false
            while index < lines.count {
                let text = lines[index].trimmingCharacters(in: .whitespaces)
                if text.firstMatch(of: /^[1-7]\. \S/) != nil || text.hasPrefix("Självständighet") || text.hasPrefix("Anslutning") { break }
                if text.hasPrefix("•") {
                    bullets.append([String(text.dropFirst())])
                    open = true
                } else if text.isEmpty {
                    open = false
                } else if open {
                    bullets[bullets.count - 1].append(text)
                }
                index += 1
            }
            found.append((Int(match.1)!, Principle(title: "\(match.1). \(match.2)", commitments: bullets.map(SeedText.mend))))
        }
        return found.sorted { $0.number < $1.number }.map(\.principle)
    }

    @Test("The seven principles in their numbered order with their 23 commitments word for word, and who owes each", arguments: Engine.enabled)
    func principlesAndCommitments(engine: Engine) async throws {
        try await withApp(engine) { app in
            let expected = Self.seedPrinciples()
            #expect(expected.map(\.commitments.count) == [4, 4, 5, 4, 1, 3, 2])
            let document = try await app.getJSON("\(Self.api)/documents/regional-overenskommelse", as: DocumentContent.self)
            #expect(document.version.levels == ["Princip", "Åtagande"])
            let demo = document.nodes.map { Principle(title: $0.title, commitments: $0.children.map(\.title)) }
            #expect(demo.map(\.title) == expected.map(\.title))
            #expect(demo.map { $0.commitments.map(SeedText.comparable) } == expected.map { $0.commitments.map(SeedText.comparable) })

            let agreement = try await app.getJSON("\(Self.api)/agreements/\(Self.agreementKey)", as: AgreementContent.self)
            #expect(agreement.text?.slug == "regional-overenskommelse" && agreement.plans.map(\.slug) == ["handlingsplan"])
            #expect(agreement.commitments.map(\.text) == demo.flatMap(\.commitments), "every commitment, in the text's order")
            for commitment in agreement.commitments {
                #expect(commitment.by == CommitmentBearer.read(from: commitment.text), "the wording names who owes it: \(commitment.text)")
            }
            let split = Dictionary(grouping: agreement.commitments, by: \.by).mapValues(\.count)
            #expect(split == [.allParties: 15, .publicSector: 6, .civilSociety: 2])

            for (party, count) in [("region-norrbotten", 21), ("lansstyrelsen-norrbotten", 21), ("samforma", 17)] {
                let owed = try await app.getJSON("\(Self.api)/agreements/\(Self.agreementKey)/parties/\(party)", as: PartyCommitments.self)
                #expect(owed.commitments.count == count, "\(party)")
                let page = try await app.get("/o/\(Demo.agreementSlug)/avtal/\(Self.agreementKey)/parter/\(party)").body
                #expect(page.contains("har \(count) åtaganden"))
            }
            #expect(try await app.get("/o/\(Demo.agreementSlug)/avtal/\(Self.agreementKey)/parter/ingen-part").status == .notFound)
            let node = try await app.get("/o/\(Demo.agreementSlug)/dokument/regional-overenskommelse/kvalitet-2").body
            #expect(node.contains("Vem åtar sig") && node.contains("Vad Samforma har åtagit sig") && !node.contains("Vad Region Norrbotten har åtagit sig"))
        }
    }

    @Test("The action plan carries the seven development areas word for word, and no actions", arguments: Engine.enabled)
    func developmentAreas(engine: Engine) async throws {
        try await withApp(engine) { app in
            let lines = Self.seedLines
            let start = try #require(lines.firstIndex { $0.hasPrefix("Utvecklingsområden och handlingsplan") })
            let areas = lines[start...].map { $0.trimmingCharacters(in: .whitespaces) }.drop { !$0.hasPrefix("•") }
                .prefix { $0.hasPrefix("•") }.map { $0.dropFirst().trimmingCharacters(in: .whitespaces) }
            #expect(areas.count == 7)
            let plan = try await app.getJSON("\(Self.api)/documents/handlingsplan", as: DocumentContent.self)
            #expect(plan.kind == .handlingsplan && plan.version.levels == ["Utvecklingsområde", "Handling"])
            #expect(plan.nodes.map(\.title) == Array(areas))
            #expect(plan.nodes.allSatisfy { $0.children.isEmpty }, "the seed has no actions")
        }
    }
}
