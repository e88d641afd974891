@testable import Finance
import Foundation
import Testing

/// SIE 4 files as accounting programs write them: PC8 (code page 437) with å, ä, ö; quoted fields
/// and object lists; #RES and #PSALDO with cost-centre objects; vouchers with #TRANS; an unknown
/// label skipped; a broken line named by its number.
@Suite("Reading SIE 4")
struct SIEReaderTests {
    static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: try #require(Bundle.module.url(forResource: name, withExtension: "se", subdirectory: "Fixtures/sie")))
    }

    @Test("Code page 437: every byte of the upper half decodes, å ä ö Å Ä Ö among them")
    func codePage() {
        #expect(SIEReader.upperHalf.count == 128)
        #expect(SIEReader.decodePC8(Data([0x86, 0x84, 0x94, 0x8F, 0x8E, 0x99])) == "åäöÅÄÖ")
        #expect(SIEReader.decodePC8(Data("Kassa 1930".utf8)) == "Kassa 1930")
    }

    @Test("A 4E file: its header, accounts, objects, balances, results, period balances with objects and vouchers, in öre")
    func example() throws {
        let file = try SIEReader.read(try Self.fixture("exempel-4e"))
        #expect(file.type == "4E" && file.format == "PC8" && file.program == "Exempelbokföring 1.0")
        #expect(file.companyName == "Norrbottens Kommuner (exempeldata)")
        #expect(file.years[0]?.start == "20230101" && file.years[-1]?.end == "20221231")
        #expect(file.accounts.map(\.name) == ["Medlemsavgifter", "Lokalhyra Luleå", "Kontorsmaterial och förbrukning", "Löner till tjänstemän"])
        #expect(file.dimensions["1"] == "Kostnadsställe" && file.objects[.init(dimension: "1", object: "14")] == "Ledning/stab")
        #expect(file.openingBalances == [.init(year: 0, period: nil, account: "1930", objects: [], ore: 125_000_000, line: 18)])
        #expect(file.closingBalances.first?.ore == 98_000_050)
        #expect(file.results.map(\.ore) == [-706_809_600, 245_000_000])
        #expect(file.periodBalances.count == 3)
        #expect(file.periodBalances[1] == .init(year: 0, period: 202302, account: "6110",
                                                objects: [.init(dimension: "1", object: "12"), .init(dimension: "6", object: "P1")], ore: 123_450, line: 23))
        #expect(file.periodBalances[2].objects.isEmpty)
        #expect(file.vouchers.count == 2)
        #expect(file.vouchers[0].text == "Löner januari, \"stab\"" && file.vouchers[0].transactions.map(\.ore) == [61_250_000, -61_250_000])
        #expect(file.vouchers[1].transactions.count == 2, "#RTRANS (an added row, repeated as #TRANS) and #BTRANS (a removed one) are not read as rows of their own")
        #expect(file.vouchers.allSatisfy { $0.transactions.reduce(0) { $0 + $1.ore } == 0 }, "each voucher balances")
    }

    @Test("A broken line is refused with its number; so are a bad amount, an unclosed voucher and an unknown type")
    func refusals() throws {
        #expect(throws: SIEReader.Failure(line: 23, message: "an object list is not closed with }")) {
            try SIEReader.read(try Self.fixture("trasig-4e"))
        }
        #expect(throws: SIEReader.Failure(line: 2, message: "\"12,50\" is not an amount (digits, a point and at most two decimals, at most 10^12 kronor)")) {
            try SIEReader.read(text: "#SIETYP 4E\n#RES 0 3010 12,50\n")
        }
        #expect(throws: SIEReader.Failure(line: 1, message: "the voucher is not closed with }")) {
            try SIEReader.read(text: "#VER A 1 20230131 \"x\"\n{\n#TRANS 1930 {} 1.00\n")
        }
        #expect(throws: SIEReader.Failure(line: 1, message: "SIE type \"5\" is not 1, 2, 3, 4E or 4I")) { try SIEReader.read(text: "#SIETYP 5\n") }
        #expect(throws: SIEReader.Failure(line: 1, message: "a quoted field is not closed")) { try SIEReader.read(text: "#FNAMN \"Samforma\n") }
    }
}
