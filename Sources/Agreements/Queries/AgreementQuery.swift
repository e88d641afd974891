import Core
import Fluent
import Foundation
import Organisation
import Vapor

/// The registry's filters as the page's form and the API's query give them.
public struct RegistryFilter: Sendable, Equatable {
    public var kind: AgreementKind?
    public var status: AgreementStatus?
    /// A registry key, or "medlemmar" for agreements with all members as a party.
    public var party: String?
    public var unit: String?
    /// Agreements whose period includes some day of the year.
    public var year: Int?
    /// Words of the title.
    public var text: String?

    public init(kind: AgreementKind? = nil, status: AgreementStatus? = nil, party: String? = nil, unit: String? = nil, year: Int? = nil, text: String? = nil) {
        self.kind = kind
        self.status = status
        self.party = party
        self.unit = unit
        self.year = year
        self.text = text
    }

    /// The page's query names, Swedish like its addresses.
    public static let pageParameters = ["slag", "status", "part", "enhet", "ar", "sok"]
    /// The API's query names.
    public static let apiParameters = ["kind", "status", "party", "unit", "year", "q"]

    /// Reads the filters; `names` are kind, status, party, unit, year and text in that order.
    public static func read(_ req: Request, names: [String]) -> RegistryFilter {
        func value(_ index: Int) -> String? { req.queryText(names[index]) }
        return RegistryFilter(kind: value(0).flatMap(AgreementKind.init), status: value(1).flatMap(AgreementStatus.init), party: value(2),
                              unit: value(3), year: value(4).flatMap(Int.init), text: value(5))
    }

    public var isEmpty: Bool { self == RegistryFilter() }

    func matches(_ content: AgreementContent, catalogue: Catalogue) -> Bool {
        if let kind, content.kind != kind { return false }
        if let status, content.status != status { return false }
        if let unit, content.unit?.key != unit { return false }
        if let year, content.covers(year: year) != true { return false }
        if let party {
            let bound = party == "medlemmar" ? content.parties.contains { $0.members == true }
                : content.parties.contains { $0.organisation == party || ($0.members == true && catalogue.memberKeys.contains(party)) }
            if !bound { return false }
        }
        if let text {
            let title = content.title.lowercased()
            if !text.lowercased().split(separator: " ").allSatisfy({ title.contains($0) }) { return false }
        }
        return true
    }
}

/// Reads the registry of one organisation. A registry holds dozens to hundreds of agreements, so
/// filters run over the loaded list (parties and links live in the spec's JSON).
public enum AgreementQuery {
    /// Every agreement the viewer may see, in Swedish alphabetical order of title.
    public static func contents(_ catalogue: Catalogue, forPublic: Bool, filter: RegistryFilter = RegistryFilter(),
                                withHistory: Bool = false, on db: any Database) async throws -> [AgreementContent] {
        var query = Agreement.query(on: db).filter(\.$organisationID == (try catalogue.organisation.requireID()))
        if forPublic { query = query.filter(\.$isPublic == true).filter(\.$status != .draft) }
        let agreements = try await query.all()
        let ids = agreements.compactMap(\.id)
        let documents = try await AgreementDocument.descriptions(of: ids, on: db)
        let revisions = !withHistory || ids.isEmpty ? [] : try await AgreementRevision.query(on: db).filter(\.$agreement.$id ~~ ids).all()
        return agreements.map { agreement in
            AgreementContent(agreement, catalogue: catalogue, documents: documents.filter { $0.$agreement.id == agreement.id },
                             revisions: revisions.filter { $0.$agreement.id == agreement.id }, forPublic: forPublic)
        }.filter { filter.matches($0, catalogue: catalogue) }.sorted { swedishOrder($0.title, $1.title) }
    }

    /// One agreement by key, with its documents and history; nil when missing or not the viewer's to see.
    static func content(_ key: String, catalogue: Catalogue, forPublic: Bool, on db: any Database) async throws -> (Agreement, AgreementContent)? {
        guard let agreement = try await agreement(key, organisationID: catalogue.organisation.requireID(), on: db),
              !forPublic || (agreement.isPublic && agreement.status != .draft) else { return nil }
        let documents = try await AgreementDocument.descriptions(of: [agreement.requireID()], on: db)
        let revisions = try await AgreementRevision.query(on: db).filter(\.$agreement.$id == agreement.requireID()).all()
        return (agreement, AgreementContent(agreement, catalogue: catalogue, documents: documents, revisions: revisions, forPublic: forPublic))
    }

    static func agreement(_ key: String, organisationID: UUID, on db: any Database) async throws -> Agreement? {
        try await Agreement.query(on: db).filter(\.$organisationID == organisationID).filter(\.$key == key).first()
    }

    /// Swedish order: å, ä, ö after z, case ignored.
    static func swedishOrder(_ a: String, _ b: String) -> Bool {
        func folded(_ text: String) -> [UInt32] {
            text.lowercased().unicodeScalars.map { scalar in
                switch scalar { case "å": 0x7B; case "ä": 0x7C; case "ö": 0x7D; default: scalar.value }
            }
        }
        return folded(a).lexicographicallyPrecedes(folded(b))
    }
}
