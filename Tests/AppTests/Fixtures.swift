import AppTestSupport
import Foundation

enum Fixtures {
    static func url(_ name: String) -> URL {
        Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures")!
    }

    static func text(_ name: String) -> String {
        try! String(contentsOf: url(name), encoding: .utf8)
    }

    /// The seed text without its page footers ("9 Verksamshetsplan 2023 Norrbottens Kommuner").
    static var verksamhetsplan: String {
        text("000_b3f5942e2113524e.txt").components(separatedBy: "\n")
            .filter { $0.range(of: #"^\s*\d+ Verksamshetsplan 2023 Norrbottens Kommuner\s*$"#, options: .regularExpression) == nil }
            .joined(separator: "\n")
    }
    static var inriktning: String { text("001_7ad47959414d9e5d.txt") }
}
