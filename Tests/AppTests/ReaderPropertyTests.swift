import AppTestSupport
import Core
import Foundation
import PropertyBased
@testable import SamsynApp
import Testing

/// The organisation file, its archive and the CSV tables under property-based inputs (issue 28, item
/// 2): 10 000 cases each from a fixed seed, the probe's inputs first. Every case returns or throws the
/// reader's own error within a second; writing then reading gives back the same value.
@Suite("Organisation files, archives and CSV always end, and round-trip")
struct ReaderPropertyTests {
    static let jsonWords = [
        "{", "}", "[", "]", ",", ":", " ", "\"format\"", "\"samsyn-organisation\"", "\"formatVersion\"", "1", "2", "\"organisation\"", "\"slug\"",
        "\"fjallsamverkan\"", "\"name\"", "\"kind\"", "\"samverkan\"", "\"members\"", "\"documents\"", "\"versions\"", "\"nodes\"", "\"title\"",
        "null", "true", "1e400", "-1", "\"\\u0000\"", "\"\\u202e\"", "\"", "\\", "\u{0}", "\"x\"",
    ]

    @Test("The organisation file: 10 000 texts; each decoded or refused with an ImportError within a second")
    func organisationFile() {
        let seeds = ["[null, null]", "{}", "1", "\"x\"", "{\"format\": \"samsyn-organisation\", \"x\": " + String(repeating: "[", count: 300_000) + "}",
                     String(decoding: (try? data(OtherShapesTests.fjallen)) ?? Data(), as: UTF8.self)]
        ReaderFuzz.check(ReaderFuzz.texts(Self.jsonWords, seeds: seeds, count: 10_000, tokens: 40)) { text in
            _ = try? OrganisationFile.decode(Data(text.utf8))
        }
    }

    /// Names and titles of any characters: Swedish letters, markup, quotes, line breaks, emoji, control and direction characters.
    static let names = Gen<Character?>.element(of: Array("aåäöÅÄÖ ,.;:\"'<>&=+-@\n\t\u{0}\u{7}\u{202E}😀zZ0") as [Character]).map { $0 ?? "a" }
        .array(of: 1...24).map { String($0) }

    @Test("The organisation file: 10 000 files with generated names and titles; each is refused by the text rules or written and read back the same")
    func organisationFileRoundTrip() throws {
        var refused = 0
        try ReaderFuzz.check(ReaderFuzz.values(Self.names, count: 10_000)) { name in
            var file = OtherShapesTests.fjallen
            var organisation = file["organisation"] as! [String: Any]
            organisation["name"] = name
            file["organisation"] = organisation
            let decoded: InterchangeFile
            do { decoded = try OrganisationFile.decode(try data(file)) } catch { refused += 1; return }
            let again = try OrganisationFile.decode(try OrganisationFile.format.encode(decoded))
            #expect(again == decoded, "\(name.debugDescription)")
        }
        #expect(refused > 0 && refused < 10_000, "both outcomes: \(refused) refused")
    }

    @Test("The archive: 10 000 archives written and read back the same; 10 000 damaged ones read or refused within a second")
    func archives() throws {
        let entries = Gen<Int>.value(in: 0...2_000).array(of: 0...4).map { sizes in
            sizes.enumerated().map { TarArchive.Entry(name: "documents/\($0.offset)-\($0.element)", data: Data(repeating: UInt8($0.element % 251), count: $0.element)) }
        }
        try ReaderFuzz.check(ReaderFuzz.values(entries, count: 10_000)) { entries in
            let read = try TarArchive.read(try TarArchive.write(entries))
            #expect(read == entries)
        }
        let base = try TarArchive.write([.init(name: "organisation.json", data: Data("{}".utf8)), .init(name: "documents/a", data: Data(count: 600))])
        let damage = Gen<Int>.value(in: 0...(base.count - 1)).array(of: 1...6).map { positions in positions.map { ($0, UInt8(truncatingIfNeeded: $0 &* 31)) } }
        let damaged = [InterchangeProbeTests.header("organisation.json", size: "-0000000001") + Data(count: 1024)]
            + ReaderFuzz.values(damage, count: 9_999).map { changes in
                var bytes = base
                for (position, value) in changes { bytes[position] = value }
                return bytes
            }
        ReaderFuzz.check(damaged) { bytes in
            do { _ = try TarArchive.read(bytes) } catch { #expect(error is TarArchive.Failure, "\(error)") }
        }
    }

    static let cells = Gen<Character?>.element(of: Array("ab åÖ,;\"'\r\n=+-@1234567890.") as [Character]).map { $0 ?? "a" }
        .array(of: 0...12).map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) }

    @Test("CSV in both dialects: 10 000 tables written and read back the same, formula neutralisation undone on reading")
    func csv() throws {
        let tables = Self.cells.array(of: 3...3).array(of: 1...5)
        try ReaderFuzz.check(ReaderFuzz.values(tables, count: 10_000)) { rows in
            for dialect in [CSVTable.Dialect.openData, .spreadsheet] {
                let table = CSVTable(columns: ["a", "b", "c"], rows: rows, dialect: dialect)
                let read = try CSVTable.read(Data(try table.text().utf8))
                #expect(read.rows == [["a", "b", "c"]] + rows, "\(rows) \(dialect)")
            }
        }
    }
}
