@testable import Agreements
import Testing

@Suite("The kind a title gives")
struct KindRuleTests {
    @Test("The first kind word, also inside a compound; the longer where two start together")
    func firstKindWord() {
        #expect(AgreementKind.named(in: "Vaccinationsöverenskommelse inom elevhälsa") == .overenskommelse)
        #expect(AgreementKind.named(in: "Gemensamma samverkansriktlinjer mellan kommuner och Region Norrbotten") == .riktlinjer)
        #expect(AgreementKind.named(in: "Hjälpmedelspolicy för förskrivning av personliga hjälpmedel") == .policy)
        #expect(AgreementKind.named(in: "Hemsjukvårdsavtalet 2013. Slutrapport om kommunalisering och rekommendation") == .avtal)
        #expect(AgreementKind.named(in: "Interimsavtal gällande samverkansavtal för försörjning av hjälpmedel") == .interimsavtal)
        #expect(AgreementKind.named(in: "Samverkansavtal vårdhygien") == .samverkansavtal)
        #expect(AgreementKind.named(in: "Programförklaring för Norrbottens regionala samverkansråd") == .programforklaring)
        #expect(AgreementKind.named(in: "Handlingsprogram Vård i livets slutskede-Palliativ vård") == .handlingsprogram)
        #expect(AgreementKind.named(in: "Skolfilm i Norrbotten") == nil)
    }

    @Test("A period of whole years reads as years")
    func periods() {
        #expect(AgreementContent.period("2022-01-01", "2030-12-31") == "2022–2030")
        #expect(AgreementContent.period("2023-01-01", "2023-12-31") == "2023")
        #expect(AgreementContent.period("2023-03-01", "2025-02-28") == "2023-03-01–2025-02-28")
        #expect(AgreementContent.period("2023-03-01", nil) == "från 2023-03-01")
        #expect(AgreementContent.period(nil, nil) == nil)
    }
}
