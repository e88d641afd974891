import Foundation

/// Sweden's 290 municipalities with SCB code, county and latest population
/// (Resources/municipalities.csv; sources in docs/reference-data.md).
public struct Municipality: Sendable, Equatable {
    public let scbCode: String
    public let name: String
    public let countyCode: String
    public let countyName: String
    public let population: Int?
    public let populationYear: Int?

    /// Registry slug: "kommun-2580" is stable where names repeat or change.
    public var slug: String { "kommun-\(scbCode)" }
}

public enum Municipalities {
    public static let all: [Municipality] = {
        guard let url = Bundle.module.url(forResource: "municipalities", withExtension: "csv", subdirectory: "Resources"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            fatalError("municipalities.csv is missing from the Organisation module's resources")
        }
        return text.split(whereSeparator: \.isNewline).dropFirst().compactMap { line in
            let columns = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard columns.count >= 6 else { return nil }
            return Municipality(scbCode: columns[0], name: columns[1], countyCode: columns[2], countyName: columns[3],
                                population: Int(columns[4]), populationYear: Int(columns[5]))
        }
    }()

    private static let byCode: [String: Municipality] = Dictionary(uniqueKeysWithValues: all.map { ($0.scbCode, $0) })

    public static func named(code: String) -> Municipality? { byCode[code] }
}
