@testable import Plans
import Testing

@Suite("Word-level differences")
struct WordDiffTests {
    @Test("The parts give both texts back, words replaced read removed-then-added, and markup is escaped")
    func parts() {
        let old = "Vi stödjer innovativa lösningar kring välfärdens utmaningar.", new = "Vi stödjer nya lösningar kring <välfärd>."
        let parts = WordDiff.parts(old, new)
        let before = parts.map { if case .same(let t) = $0 { t } else if case .removed(let t) = $0 { t } else { "" } }.joined()
        let after = parts.map { if case .same(let t) = $0 { t } else if case .added(let t) = $0 { t } else { "" } }.joined()
        #expect(before == old && after == new)
        #expect(parts.prefix(3) == [.same("Vi stödjer "), .removed("innovativa"), .added("nya")])
        #expect(WordDiff.html(old, new).contains("&lt;välfärd&gt;"))
        #expect(WordDiff.parts("", "") == [] && WordDiff.parts("a b", "a b") == [.same("a b")])
    }

    @Test("A middle too large to compare word by word is shown as replaced whole, still giving both texts back")
    func large() {
        let old = (0..<2500).map { "a\($0)" }.joined(separator: " "), new = (0..<2500).map { "b\($0)" }.joined(separator: " ")
        let parts = WordDiff.parts(old, new)
        #expect(parts == [.removed(old), .added(new)])
    }
}
