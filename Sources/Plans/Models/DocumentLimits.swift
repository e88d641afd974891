/// The bounds of a document's numbers, the same in forms, the API and files (and stated in the
/// OpenAPI document): no number a client sends can overflow arithmetic on it.
public enum DocumentLimits {
    /// Version numbers; a new draft beyond the last one is refused.
    public static let versionNumbers = 1...10_000
    /// A document's title (a node's title may be longer: `TextRules.titleLength`).
    public static let titleLength = 300
    /// Years of a document's period.
    public static let years = 1900...2200
}
