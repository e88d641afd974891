import Core
import Fluent
import Foundation

/// A body (organ), network or forum. One record per entity, however many places the
/// documents list it in: Kommundirektörsberedningen is a body and a strategic network.
final class Group: Model, @unchecked Sendable {
    public static let schema = "organisation_groups"

    // managed fields
    @ID public var id: UUID?

    // relationships
    @Parent(key: "organisation_id") public var organisation: OrganisationRecord
    @OptionalParent(key: "reports_to_id") public var reportsTo: Group?
    /// The unit through which the organisation itself runs it, where its documents say so.
    @OptionalParent(key: "run_by_unit_id") public var runBy: Unit?
    /// The organisation that convenes it, where the documents say so.
    @OptionalParent(key: "convener_id") public var convener: OrganisationRecord?

    // data fields
    @Field(key: "key") public var key: String
    @Field(key: "name") public var name: String
    @Field(key: "kind") public var kind: GroupKind
    /// Whether it is one of the organisation's bodies (organ), not only a network it takes part in.
    @Field(key: "is_body") public var isBody: Bool
    @Field(key: "mandate") public var mandate: String
    @OptionalField(key: "meeting_rhythm") public var meetingRhythm: String?
    @Field(key: "position") public var position: Int
    /// JSON array of registry keys of the partner organisations in it.
    @Field(key: "partners") public var partnersJSON: String
    /// Registry key of another organisation that runs it, where the documents say so ("Drivs av SBU").
    @OptionalField(key: "run_by_actor") public var runByActor: String?
    /// JSON array of `OrganisationStructure.ExternalBody`: bodies of other organisations it prepares matters for.
    @OptionalField(key: "prepares_for") public var preparesForJSON: String?

    public init() {}

    public var partners: [String] { JSONColumn.decode([String].self, from: partnersJSON, default: []) }
    public var preparesFor: [OrganisationSection.ExternalBodyEntry] {
        JSONColumn.decode([OrganisationSection.ExternalBodyEntry].self, from: preparesForJSON ?? "[]", default: [])
    }
}

public enum GroupKind: String, Codable, CaseIterable, Sendable {
    case fullmaktige, styrelse, beredning, tjanstepersonsberedning, ledningsgrupp, utvecklingsgrupp, forum
    case strategisktNatverk = "strategiskt-natverk"
    case lansnatverk
    case samverkansforum
    case regionaltForum = "regionalt-forum"
    case fyrlanssamverkan
    case nationelltForum = "nationellt-forum"
    case nationelltNatverkSKR = "nationellt-natverk-skr"
    case nationelltUppdrag = "nationellt-uppdrag"

    public var label: String {
        switch self {
        case .fullmaktige: "Förbundsfullmäktige"
        case .styrelse: "Styrelse"
        case .beredning: "Politisk beredning"
        case .tjanstepersonsberedning: "Tjänstepersonsberedning"
        case .ledningsgrupp: "Ledningsgrupp"
        case .utvecklingsgrupp: "Utvecklingsgrupp"
        case .forum: "Mötesplats"
        case .strategisktNatverk: "Strategiskt nätverk"
        case .lansnatverk: "Länsnätverk"
        case .samverkansforum: "Samverkansforum"
        case .regionaltForum: "Regionalt samverkansforum"
        case .fyrlanssamverkan: "Fyrlänssamverkan"
        case .nationelltForum: "Nationellt samverkansforum"
        case .nationelltNatverkSKR: "Nationellt nätverk (SKR, RSS-uppdraget)"
        case .nationelltUppdrag: "Nationellt uppdrag"
        }
    }
}
