/// The words the interface uses for the things it shows, in the Swedish a public servant writes,
/// in one place: views name statuses, relations and levels from here, never from data keys.
public enum Glossary {
    /// An activity's status: the stored value and how it reads.
    public static let statuses: [(value: String, label: String)] = [
        ("planned", "Planerad"), ("ongoing", "Pågående"), ("done", "Genomförd"), ("postponed", "Uppskjuten"), ("cancelled", "Avbruten"),
    ]

    public static func status(_ value: String?) -> String? {
        value.map { value in statuses.first { $0.value == value }?.label ?? value }
    }

    /// "This goal contributes to goal X of the direction", and the other way round.
    public static let contributesTo = "Bidrar till"
    public static let contributedToBy = "Konkretiseras av"

    /// The plural of a level's name, for headings over several: the forms the documents use, and
    /// Swedish's regular endings for others (-het → -heter, -tet → -teter, -e → -en, -ning → -ningar).
    public static func plural(_ name: String) -> String {
        let known = ["Målområde": "Målområden", "Mål": "Mål", "Nyckelaktivitet": "Nyckelaktiviteter", "Aktivitet": "Aktiviteter",
                     "Insats": "Insatser", "Åtgärd": "Åtgärder", "Strategi": "Strategier", "Delmål": "Delmål", "Fokusområde": "Fokusområden",
                     "Utvecklingsområde": "Utvecklingsområden", "Princip": "Principer", "Åtagande": "Åtaganden", "Samverkansområde": "Samverkansområden",
                     "Målsättning": "Målsättningar", "Område": "Områden", "Prioritering": "Prioriteringar",
                     "Tema": "Teman", "Steg": "Steg", "Uppdrag": "Uppdrag"]
        if let plural = known[name] { return plural }
        for (ending, replacement) in [("het", "heter"), ("tet", "teter"), ("ning", "ningar"), ("e", "en"), ("al", "aler")] where name.hasSuffix(ending) {
            return String(name.dropLast(ending.count)) + replacement
        }
        return name
    }

    /// A level's name over `count` items: singular over one, plural over several.
    public static func heading(_ name: String, count: Int) -> String { count == 1 ? name : plural(name) }
}
