import Core
import Organisation

/// The registry's pages and API: route patterns and links from the same constants.
public enum AgreementsURL {
    /// Public: the registry of public agreements, one agreement, its public documents, the review calendar.
    public static let registry = OrganisationURL.home.appending("avtal")
    public static let agreement = registry.appending(":agreement")
    public static let document = agreement.appending("dokument", ":document")
    /// What one party (a registry key) has committed to under the agreement's text.
    public static let party = agreement.appending("parter", ":party")
    /// Joining: the public form, the applicant's secret follow link (and leaving), the public list of members who joined.
    public static let accession = agreement.appending("anslut")
    public static let application = agreement.appending("ansokan", ":token")
    public static let leave = application.appending("lamna")
    public static let accessions = agreement.appending("anslutna")
    public static let calendar = registry.appending("kalender.ics")
    /// The full review calendar behind a secret, revocable address.
    public static let secretCalendar = registry.appending("kalender", ":token")
    /// Signed-in: every agreement, internal ones too, and the work of keeping them.
    public static let staffRegistry = registry.appending("hantera")
    public static let staffAgreement = staffRegistry.appending(":agreement")
    public static let newAgreement = registry.appending("ny")
    public static let editAgreement = staffAgreement.appending("andra")
    /// Who owes each commitment of the agreement's text.
    public static let commitments = staffAgreement.appending("ataganden")
    public static let uploadDocument = staffAgreement.appending("dokument")
    public static let staffDocument = staffAgreement.appending("dokument", ":document")
    public static let removeDocument = staffDocument.appending("ta-bort")
    /// The applications to join, for the agreement's editors (the ledningsgrupp), and a decision on one.
    public static let applications = staffAgreement.appending("ansokningar")
    public static let decision = applications.appending(":application")
    public static let reviews = registry.appending("omprovningar")
    public static let calendarLink = reviews.appending("kalenderlank")
    /// Public: key activities by the level of participation they offer; editors mark them.
    public static let participation = OrganisationURL.home.appending("medverkan")
    public static let markParticipation = participation.appending("markera")
    /// Open data: the public registry as CSV.
    public static let csv = OrganisationURL.openData.appending("avtal.csv")

    public enum API {
        public static let agreements = OrganisationURL.API.organisation.appending("agreements")
        public static let agreement = agreements.appending(":agreement")
        public static let document = agreement.appending("documents", ":document")
        public static let party = agreement.appending("parties", ":party")
        public static let accessions = agreement.appending("accessions")
        public static let applications = agreement.appending("applications")
        public static let decision = applications.appending(":application", "decision")
        public static let participation = OrganisationURL.API.organisation.appending("participation")
        /// With a token, for the organisation's users: every agreement, drafts and internal ones too.
        public static let registry = OrganisationURL.API.organisation.appending("agreement-registry")
    }
}
