import AppTestSupport
import Core
@testable import Finance
import Foundation
import Testing

/// The finance readers under property-based inputs (issue 28, item 2): 10 000 cases each from a
/// fixed seed, the probe's inputs first. Every case returns or throws the reader's own error within
/// a second; what the SIE reader reads, the import adds up without a trap.
@Suite("Finance readers always end")
struct FinanceReaderPropertyTests {
    static let sieWords = [
        "#FLAGGA 0\n", "#SIETYP 4E\n", "#SIETYP 4I\n", "#RAR 0 20230101 20231231\n", "#RAR -1 20220101 20221231\n", "#VER \"A\" 1 20230110 \"x\"\n",
        "#VER A 2 20231399\n", "{\n", "}\n", "{", "}", "\"", "\\", " ", "\t", "\r\n", "\n", "#TRANS 5010 {1 \"14\"} 100.00\n", "#TRANS 3010 {} -5.5\n",
        "#RTRANS 5010 {} 1\n", "#BTRANS 5010 {} 1\n", "#PSALDO 0 202301 5010 {1 \"14\"} 12.50\n", "#PSALDO 0 202313 5010 {} 1\n",
        "#RES 0 5010 1.00\n", "#IB 0 1910 -3.00\n", "#KONTO 5010 \"Lokal\"\n", "#OBJEKT 1 14 \"Ledning\"\n", "#DIM 1 \"Kostnadsställe\"\n",
        "999999999999999.99", "9999999999.99", "-9223372036854775808", "1e400", "12,50", "-", ".", "#", "å", "\u{0}", "\u{202E}", "{1 {} 100.00",
        "5010", "\"14\"", "{1 \"14\" 2", "\u{FEFF}", "#UNKNOWN x y\n",
    ]

    /// The probe's SIE reproductions (findings 1–3) and the shapes around them.
    static let sieSeeds = [
        "#FLAGGA 0\n#SIETYP 4E\n#RAR 0 20230101 20231231\n#VER \"A\" 1 20230110 \"x\"\n{\n#TRANS 5010 {1 {} 100.00\n}\n",
        "#FLAGGA 0\n#SIETYP 4E\n#RAR 0 20230101 20231231\n#VER \"A\" 1 20230110 \"x\"\n{\n"
            + String(repeating: "#TRANS 5010 {1 \"14\"} 999999999999999.99\n", count: 100) + "}\n",
        "#FLAGGA 0\n#SIETYP 4E\n#RAR 0 20230101 20231231\n#VER \"A\" 1 20230110 \"x\"\n{\n"
            + String(repeating: "#TRANS 5010 {1 \"14\"} 9999999999.99\n", count: 200) + "}\n",
        "#VER \"A\" 1 20231399 \"x\"\n{\n}\n", "{{{{", "#TRANS {", "#PSALDO 0 202301 5010 {1 \"14\" {} 1\n",
        // Bytes above 0x80 in bulk: decoding PC8 once copied the text for each of them.
        "#FNAMN \"" + String(repeating: "åäö", count: 40_000) + "\"\n",
    ]

    @Test("SIE: 10 000 texts of its own words and hostile ones; each read or refused with its line within a second, and what is read adds up without a trap")
    func sie() {
        let inputs = ReaderFuzz.texts(Self.sieWords, seeds: Self.sieSeeds, count: 10_000)
        var read = 0, refused = 0
        ReaderFuzz.check(inputs) { text in
            do {
                let file = try SIEReader.read(Data(text.utf8))
                read += 1
                _ = try? OutcomeImport.cells(file, year: 2023, mapping: .standard)
            } catch let failure as SIEReader.Failure {
                refused += 1
                #expect(failure.line >= 1)
            } catch {
                Issue.record("not the reader's own error: \(error)")
            }
        }
        #expect(read + refused == 10_000 && read > 100 && refused > 100, "both outcomes are exercised: \(read) read, \(refused) refused")
    }

    static let csvWords = ["year", "month", "side", "costCentre", "amount", ",", ";", "\r\n", "\n", "\"", "2023", "1", "13", "cost", "revenue", "14",
                           "-1 000 000,50", "999999999999999.99", "-9223372036854775808", "=SUM(A1)", "\u{FEFF}", " ", "å", "'", "\u{0}"]

    @Test("The outcome CSV: 10 000 texts; each read or refused with its row within a second")
    func outcomeCSV() {
        let header = "year,month,side,costCentre,amount\r\n"
        let inputs = ReaderFuzz.texts(Self.csvWords, seeds: [header + "2023,1,cost,14,999999999999999.99\r\n", header + "2023,1,cost,14,-0.5\r\n"],
                                      count: 10_000).enumerated().map { $0.offset.isMultiple(of: 2) ? header + $0.element : $0.element }
        ReaderFuzz.check(inputs) { text in
            do { _ = try OutcomeWork.cells(csv: Data(text.utf8), year: 2023) } catch {
                #expect(error is OutcomeImport.Failure, "\(error)")
            }
        }
    }
}
