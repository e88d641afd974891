import AppTestSupport
import Core
@testable import FollowUp
import Foundation
import Testing

/// The Kolada reader under property-based inputs (issue 28, item 2): 10 000 texts of data pages' and
/// KPI metadata's own tokens and hostile ones, from a fixed seed, the probe's bodies first. Each is
/// read or refused with the reader's own error within a second, and nothing read holds a value beyond the bounds.
@Suite("The Kolada reader always ends")
struct KoladaReaderPropertyTests {
    static let words = [
        "{", "}", "[", "]", ",", ":", " ", "\"values\"", "\"kpi\"", "\"N01951\"", "\"municipality\"", "\"2580\"", "\"period\"", "2023", "\"2023\"",
        "\"gender\"", "\"T\"", "\"K\"", "\"F\"", "\"value\"", "1e300", "1e400", "-0.5", "12", "null", "true", "false", "\"status\"", "\"\"", "\"count\"",
        "\"isdeleted\"", "\"is_deleted\"", "\"next_url\"", "\"next_page\"", "\"id\"", "\"title\"", "\"Invånare\"", "\"description\"", "\\", "\"",
        "\"\\u00e5\"", "-", "0", "\u{0}", "\"x\\\"y\"",
    ]

    static let seeds = [
        "[null, null]", "[]", "{\"values\": [], \"x\": " + String(repeating: "[", count: 300_000) + String(repeating: "]", count: 300_000) + "}",
        #"{"values": [{"kpi": "N01951", "municipality": "2580", "period": 2023, "values": [{"gender": "T", "value": 1e300, "count": 1, "status": ""}]}]}"#,
        #"{"values": [{"kpi": "N01951", "municipality": "2580", "period": 2023, "values": [{"gender": "T", "value": 1e400, "count": 1, "status": ""}]}]}"#,
        #"{"values": [{"id": "N01951", "title": "Invånare totalt", "description": "x"}]}"#,
    ]

    @Test("10 000 texts: each read or refused by the reader within a second; every value read is finite and within ±10^15")
    func pages() {
        let inputs = ReaderFuzz.texts(Self.words, seeds: Self.seeds, count: 10_000, tokens: 40).enumerated().map { index, text in
            // Half the cases inside a data page's envelope, so the readers get past its first key.
            index < Self.seeds.count || index.isMultiple(of: 2) ? text : #"{"values": ["# + text + "]}"
        }
        var read = 0
        ReaderFuzz.check(inputs) { text in
            guard let page = try? KoladaFile.read(Data(text.utf8), file: "fuzz.json") else { return }
            read += 1
            #expect(page.values.allSatisfy { $0.value.map(Bounds.isIndicatorValue) ?? true })
        }
        #expect(read > 50, "some cases are pages: \(read)")
    }
}
