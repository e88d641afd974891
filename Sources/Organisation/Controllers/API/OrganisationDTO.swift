import Vapor

/// A registry entry as the API shows it.
public struct OrganisationDTO: Content {
    public let slug: String
    public let name: String
    public let kind: OrganisationKind
    public let county: String?
    public let scbCode: String?
    public let population: Int?
    /// The figure is for 31 December of this year.
    public let populationYear: Int?
    public let populationSource: String?

    public init(_ organisation: OrganisationRecord) {
        slug = organisation.slug
        name = organisation.name
        kind = organisation.kind
        county = organisation.county
        scbCode = organisation.scbCode
        population = organisation.population
        populationYear = organisation.populationYear
        populationSource = organisation.populationSource
    }

    /// The OpenAPI document's example.
    public static let example = OrganisationDTO(OrganisationRecord(slug: "norrbottens-kommuner", kind: .kommunforbund, name: "Norrbottens Kommuner",
                                                                   county: "Norrbottens län"))
}
