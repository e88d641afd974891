import Vapor

/// A registry entry as the API shows it.
public struct OrganisationDTO: Content {
    public let slug: String
    public let name: String
    public let kind: OrganisationKind
    public let county: String?
    public let scbCode: String?
    public let population: Int?
    public let populationYear: Int?

    public init(_ organisation: OrganisationRecord) {
        slug = organisation.slug
        name = organisation.name
        kind = organisation.kind
        county = organisation.county
        scbCode = organisation.scbCode
        population = organisation.population
        populationYear = organisation.populationYear
    }
}
