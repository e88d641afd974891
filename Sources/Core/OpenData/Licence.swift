/// The licence open data is published under. CC0 1.0 is the default: public-sector information
/// free to reuse without conditions, as the Swedish open-data law (2022:818) encourages.
public struct Licence: Sendable, Equatable, Codable {
    public let name: String
    public let url: String

    public init(name: String, url: String) {
        self.name = name
        self.url = url
    }

    public static let cc0 = Licence(name: "CC0 1.0 Universal", url: "https://creativecommons.org/publicdomain/zero/1.0/deed.sv")
}
