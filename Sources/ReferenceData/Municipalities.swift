import Foundation

/// Sweden's 290 municipalities with SCB code, county and latest population
/// (Resources/municipalities.csv; sources in docs/reference-data.md).
public struct Municipality: Sendable, Equatable {
    public let scbCode: String
    public let name: String
    public let countyCode: String
    public let countyName: String
    public let population: Int?
    /// Year of the population figure (31 December of that year).
    public let populationYear: Int?
    /// Who published the figure and through whom it was taken, e.g. "SCB via regionfakta.com".
    public let populationSource: String?

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
            guard columns.count >= 7 else { return nil }
            return Municipality(scbCode: columns[0], name: columns[1], countyCode: columns[2], countyName: columns[3],
                                population: Int(columns[4]), populationYear: Int(columns[5]),
                                populationSource: columns[6].isEmpty ? nil : columns[6])
        }
    }()

    private static let byCode: [String: Municipality] = Dictionary(uniqueKeysWithValues: all.map { ($0.scbCode, $0) })

    public static func named(code: String) -> Municipality? { byCode[code] }
}
