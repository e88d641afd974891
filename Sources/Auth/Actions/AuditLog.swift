import Fluent
import Foundation

/// The audit trail. Every write action records itself here on the same database handle,
/// inside its own transaction, so the change and its entry land together or not at all.
public enum AuditLog {
    public static func record(_ action: String, subject: String, actor: Actor, organisationID: UUID? = nil,
                              before: String? = nil, after: String? = nil, context: Context? = nil, on db: any Database) async throws {
        let entry = AuditEntry()
        entry.subjectName = context?.name
        entry.document = context?.document
        entry.documentTitle = context?.documentTitle
        entry.version = context?.version
        entry.item = context?.item
        entry.organisationID = organisationID
        entry.actorID = actor.userID
        entry.actor = actor.description
        entry.action = action
        entry.subject = subject
        entry.before = before
        entry.after = after
        try await entry.create(on: db)
    }

    /// What a change concerned, in the words it had when it was made.
    public struct Context: Sendable {
        public let name: String?
        public let document: String?
        public let documentTitle: String?
        public let version: Int?
        public let item: String?
        public init(name: String?, document: String? = nil, documentTitle: String? = nil, version: Int? = nil, item: String? = nil) {
            self.name = name
            self.document = document
            self.documentTitle = documentTitle
            self.version = version
            self.item = item
        }
    }

    /// The actions in Swedish, as the history shows them.
    public static let swedish: [String: String] = [
        "document.create": "Skapade dokumentet", "version.create": "Skapade ett utkast", "version.adopt": "Antog versionen",
        "version.details": "Ändrade titel och period", "version.discard": "Kastade utkastet",
        "node.create": "Lade till", "node.update": "Ändrade titel eller text", "node.facts": "Ändrade uppgifter",
        "node.move": "Flyttade", "node.reorder": "Ändrade ordningen", "node.delete": "Tog bort",
        "section.create": "Lade till avsnitt", "section.update": "Ändrade avsnitt", "section.reorder": "Ändrade avsnittens ordning",
        "section.delete": "Tog bort avsnitt",
        "user.create": "Skapade användaren", "user.disable": "Stängde av kontot", "user.enable": "Öppnade kontot igen",
        "user.password": "Bytte lösenord", "role.grant": "Gav roll", "role.revoke": "Tog bort roll",
        "session.create": "Loggade in", "session.delete": "Loggade ut", "token.create": "Skapade API-nyckel", "token.revoke": "Återkallade API-nyckel",
        "organisation.import": "Importerade organisationsfilen", "organisation.replace": "Ersatte organisationen från fil",
        "period.open": "Öppnade perioden", "period.close": "Stängde perioden", "report.create": "Rapporterade", "report.update": "Ändrade rapporten",
        "assessment.create": "Bedömde", "assessment.update": "Ändrade bedömningen", "reporter.set": "Valde rapportör",
        "periods.templates": "Ändrade periodmallarna", "kolada.import": "Importerade nyckeltal från Kolada",
        "indicator.create": "Lade till indikator", "indicator.update": "Ändrade indikator", "indicator.values": "Skrev in indikatorvärden",
        "indicator.delete": "Tog bort indikator", "contact.add": "Lade till nätverkskontakt", "contact.remove": "Tog bort nätverkskontakt",
        "survey.open": "Öppnade enkäten och skickade länkar", "survey.answer": "Ett nätverk svarade på enkäten",
        "quote.publish": "Valde ett citat att publicera", "quote.withdraw": "Drog tillbaka ett citat",
        "agreement.create": "Lade till avtalet i registret", "agreement.update": "Ändrade avtalet", "agreement.document.add": "Bifogade en fil till avtalet",
        "agreement.document.remove": "Tog bort en fil från avtalet", "agreements.calendar.new": "Skapade en hemlig kalenderadress för omprövningar",
        "agreements.calendar.revoke": "Återkallade den hemliga kalenderadressen", "participation.mark": "Markerade en nyckelaktivitets nivå av medverkan",
        "meeting.create": "Förde in ett möte", "meeting.update": "Ändrade ett möte",
    ]

    /// Who made a change.
    public enum Actor: Sendable, CustomStringConvertible {
        case user(UUID, email: String)
        case commandLine
        case importToken
        case anonymous

        var userID: UUID? {
            if case .user(let id, _) = self { return id }
            return nil
        }

        public var description: String {
            switch self {
            case .user(_, let email): email
            case .commandLine: "command line"
            case .importToken: "import token"
            case .anonymous: "anonymous"
            }
        }
    }
}
