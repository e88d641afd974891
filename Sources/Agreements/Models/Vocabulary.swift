import Foundation
import Organisation

/// What an agreement is called: the kind words of the registry's titles. The order is the order
/// of the form's choices; `label` is the word as a heading writes it.
public enum AgreementKind: String, Codable, CaseIterable, Sendable {
    case avtal, samverkansavtal, interimsavtal, overenskommelse, avsiktsforklaring, programforklaring, riktlinjer,
         handlingsplan, handlingsprogram, program, rekommendation, anvisning, forvaltningsplan, policy

    /// The word as it appears in a title, lower case.
    public var word: String {
        switch self {
        case .overenskommelse: "överenskommelse"
        case .avsiktsforklaring: "avsiktsförklaring"
        case .programforklaring: "programförklaring"
        case .forvaltningsplan: "förvaltningsplan"
        default: rawValue
        }
    }

    public var label: String { word.prefix(1).uppercased() + word.dropFirst() }

    /// The kind a title gives (docs/agreements.md): the first kind word in it, also inside a compound
    /// ("Vaccinationsöverenskommelse", "Hemsjukvårdsavtalet"); where two start at the same place, the
    /// longer ("Samverkansavtal", not "avtal"). Nil when the title has none.
    public static func named(in title: String) -> AgreementKind? {
        let lower = title.lowercased()
        var best: (offset: Int, length: Int, kind: AgreementKind)?
        for kind in allCases {
            guard let range = lower.range(of: kind.word) else { continue }
            let offset = lower.distance(from: lower.startIndex, to: range.lowerBound)
            if best == nil || offset < best!.offset || (offset == best!.offset && kind.word.count > best!.length) {
                best = (offset, kind.word.count, kind)
            }
        }
        return best?.kind
    }
}

/// The list heading an agreement stands under in the document that lists it.
public enum ListHeading: String, Codable, CaseIterable, Sendable {
    case avtal, overenskommelser

    public var label: String { self == .avtal ? "Avtal" : "Överenskommelser" }
    /// The kind of a title that names none.
    public var kind: AgreementKind { self == .avtal ? .avtal : .overenskommelse }
}

/// Where an agreement stands. Only the registry's keeper sets it; an end date passing does not
/// change it by itself (the page says that the period has ended).
public enum AgreementStatus: String, Codable, CaseIterable, Sendable {
    case draft, inForce = "in-force", underReview = "under-review", expired, terminated

    public var label: String {
        switch self {
        case .draft: "Utkast"
        case .inForce: "Gällande"
        case .underReview: "Under omprövning"
        case .expired: "Har löpt ut"
        case .terminated: "Uppsagt"
        }
    }
}

/// The levels of participation of the European code for NGO participation in decision-making
/// (Europeisk kod för idéburna organisationers medverkan i beslutsprocessen), from the lowest to
/// the highest: what a key activity or an action offers civil society.
public enum ParticipationLevel: String, Codable, CaseIterable, Sendable {
    case information, samrad, dialog, partnerskap

    public var label: String {
        switch self {
        case .information: "Information"
        case .samrad: "Samråd"
        case .dialog: "Dialog"
        case .partnerskap: "Partnerskap"
        }
    }

    /// The level in the code's terms, in Samsyn's words.
    public var explanation: String {
        switch self {
        case .information: "Den lägsta nivån: organisationerna får information om vad som planeras och beslutas."
        case .samrad: "Organisationerna ombeds lämna synpunkter i en bestämd fråga, till exempel genom remiss eller hearing."
        case .dialog: "Parterna möts och utbyter erfarenheter och synpunkter återkommande, på initiativ av vem som helst av dem."
        case .partnerskap: "Den högsta nivån: parterna delar ansvaret för arbetet i varje steg, från planering till genomförande och uppföljning."
        }
    }
}

/// Who owes a commitment of an agreement's text, as its wording says: all parties ("Parterna ska…"),
/// the parties from the public sector ("Parterna från offentlig sektor ska…"), or civil society
/// ("Civilsamhället ska…").
public enum CommitmentBearer: String, Codable, CaseIterable, Sendable {
    case allParties = "all-parties"
    case publicSector = "public-sector"
    case civilSociety = "civil-society"

    public var label: String {
        switch self {
        case .allParties: "Alla parter"
        case .publicSector: "Parterna från offentlig sektor"
        case .civilSociety: "Civilsamhället"
        }
    }

    /// Whether an organisation of this kind owes the commitment when it is a party.
    public func binds(_ kind: OrganisationKind) -> Bool {
        switch self {
        case .allParties: true
        case .publicSector: kind.isPublicSector
        case .civilSociety: !kind.isPublicSector && kind != .foretag
        }
    }

    /// The bearer a commitment's wording names (docs/agreements.md): "Parterna från/inom offentlig
    /// sektor" the public sector, "Civilsamhället" civil society, anything else all parties.
    public static func read(from wording: String) -> CommitmentBearer {
        let start = wording.trimmingCharacters(in: .whitespaces).lowercased()
        if start.hasPrefix("parterna från offentlig sektor") || start.hasPrefix("parterna inom offentlig sektor") { return .publicSector }
        if start.hasPrefix("civilsamhället") { return .civilSociety }
        return .allParties
    }
}
