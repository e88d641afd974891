import Foundation

/// URL keys: lower-case ASCII letters, digits and single hyphens.
public enum Slug {
    public static func isValid(_ candidate: String) -> Bool {
        guard !candidate.isEmpty, candidate.count <= 120 else { return false }
        guard candidate.first != "-", candidate.last != "-", !candidate.contains("--") else { return false }
        return candidate.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// Makes a slug from a Swedish title: å, ä → a, ö → o, other marks dropped.
    public static func make(from title: String, maxLength: Int = 60) -> String {
        let folded = title.lowercased()
            .replacingOccurrences(of: "å", with: "a").replacingOccurrences(of: "ä", with: "a")
            .replacingOccurrences(of: "ö", with: "o")
            .folding(options: [.diacriticInsensitive], locale: Locale(identifier: "sv_SE"))
        var slug = ""
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        if slug.count > maxLength {
            slug = String(slug.prefix(maxLength))
            if let cut = slug.lastIndex(of: "-") { slug = String(slug[..<cut]) }
        }
        return slug
    }
}
