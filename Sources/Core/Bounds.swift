/// The bounds numbers are kept within where they enter Samsyn (forms, the API, interchange files,
/// imports), so that every sum a page computes over stored values fits a 64-bit integer
/// (docs/security.md, "Bounds"). A value outside them is refused with the field's name; a stored
/// value from an older database that is outside them is shown as refused data, never computed with.
public enum Bounds {
    /// Money in whole kronor: at most 10^12 in magnitude (a million times Norrbottens Kommuner's budget).
    public static let kronor = 1_000_000_000_000
    /// The same in öre.
    public static let ore = kronor * 100
    /// A member's population.
    public static let population = 100_000_000
    /// An indicator's or a Kolada value's magnitude.
    public static let indicatorMagnitude = 1e15
    /// Lines of one budget (per side and cost centre), the most rows any money page adds up.
    public static let budgetLines = 1_000
    /// Members of a tenant whose populations a fee table adds up.
    public static let members = 1_000

    /// Whole kronor within ±10^12. `magnitude` never traps (unlike `abs(Int.min)`).
    public static func isKronor(_ value: Int) -> Bool { value.magnitude <= UInt(kronor) }
    /// Öre within ±10^14.
    public static func isOre(_ value: Int) -> Bool { value.magnitude <= UInt(ore) }
    /// A population: 0 to 10^8 (zero is refused by the fee rules with a message of its own).
    public static func isPopulation(_ value: Int) -> Bool { (0...population).contains(value) }
    /// A finite number within ±10^15.
    public static func isIndicatorValue(_ value: Double) -> Bool { value.isFinite && value.magnitude <= indicatorMagnitude }

    /// The sum, or nil where it would not fit: for stored values a bound did not yet guard.
    public static func sum<S: Sequence>(_ values: S) -> Int? where S.Element == Int {
        var total = 0
        for value in values {
            let (next, overflow) = total.addingReportingOverflow(value)
            if overflow { return nil }
            total = next
        }
        return total
    }

    /// What a refusal of an amount says: in English (API, CLI) and Swedish (forms).
    public static let kronorEnglish = "is more than 10^12 kronor in magnitude"
    public static let kronorSwedish = "Beloppet får vara högst 1 000 000 000 000 kronor, plus eller minus."
    public static let populationEnglish = "is not a population from 1 to 100 000 000"
    public static let populationSwedish = "Befolkningen skrivs som ett heltal från 1 till 100 000 000."
    public static let indicatorEnglish = "is not a finite number of at most 10^15 in magnitude"
    public static let indicatorSwedish = "Skriv ett tal som är högst 10^15, plus eller minus."
}
