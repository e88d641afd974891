import Core
import Organisation

/// A reporting period as a page shows it, for the modules above that add to it (the money's view of
/// the same months beside the activities').
public struct PeriodSubject: Sendable {
    public let organisation: OrganisationRecord
    public let documentSlug: String
    public let name: String
    /// YYYY-MM-DD, the last day the period covers.
    public let endsOn: String
}

public enum FollowUpSlots {
    /// Sections of a period's public dashboard and working page from modules above FollowUp.
    public static let periodSections = PageSlot<PeriodSubject, PageSection>("followup.period-sections")
}
