import Foundation
import Testing

/// Plot 0.14 writes attribute values as given (docs/decisions/0010-escaping-by-construction.md),
/// so data reaches an attribute only escaped: these checks read the sources the way a reviewer
/// would and fail on a data-carrying attribute whose value is neither a literal, a link built by
/// a module's `…URL` (percent-encoded by `URLPattern`/`QueryString`), nor `HTML.escape(…)`.
@Suite("Architecture: data reaches HTML escaped")
struct EscapingArchitectureTests {
    /// Plot's attribute functions whose value can carry data.
    static let dataAttributes = ["value", "href", "ariaLabel", "content", "title", "alt", "action", "src", "placeholder", "id", "name", "for"]

    /// Interpolations that need no escaping: keys, slugs and anchors are checked against
    /// `[a-z0-9-]` wherever they are written (TextRules.key, Slug.make); numbers and enum raw values are code's.
    static var safeInterpolation: Regex<AnyRegexOutput> { try! Regex(#"^(HTML\.escape\(.*\)|[a-z][\w.]*\.(key|slug|anchor|number|year|lineage|rawValue)|index|offset|year|number|key|slug)$"#) }

    /// Files that assemble markup in strings, each for a reason; every value they insert passes `HTML.escape`.
    static let markupInStrings: [String: String] = [
        "Core/Layout/Markup.swift": "the builder every component uses; escapes each attribute and text itself",
        "Core/Layout/HTMLEscape.swift": "the escaper",
        "Core/Markdown.swift": "the Markdown renderer: a fixed set of tags around escaped text",
        "Plans/Queries/WordDiff.swift": "<ins>/<del> around escaped words; a Plot tree per word was the compare page's cost",
        "SamsynApp/Pages/SitemapController.swift": "XML, not HTML",
        "SamsynApp/Pages/AccountBarMiddleware.swift": "matches the site's sign-in link to take it out of a signed-in page; inserts only AccountBar's Markup",
    ]

    /// Where `.raw(` may insert markup into a Plot tree.
    static let rawAllowed: [String: String] = [
        "Core/Layout/Markup.swift": "Markup.node, the one door for Core-built markup",
        "Core/Layout/Page.swift": "the account placeholder comment and Markdown.html",
        "Plans/Views/VersionCompare+View.swift": "WordDiff.html",
    ]

    @Test("Every data-carrying attribute gets a literal, a module's link or HTML.escape")
    func dataReachesAttributesEscaped() throws {
        var found: [String] = []
        for module in try Self.modules() {
            for (path, text) in try ArchitectureTests.swiftFiles(in: module) {
                let file = "\(module)/\(path)"
                guard !["Core/Layout/Markup.swift", "Core/Layout/HTMLEscape.swift"].contains(file) else { continue }
                found += Self.unescapedAttributes(in: text).map { "\(file): \($0)" }
            }
        }
        #expect(found.isEmpty, "attribute values from data, unescaped:\n\(found.joined(separator: "\n"))")
    }

    @Test("Markup is built in strings, or inserted raw, only where a reason is written down")
    func markupOnlyWhereJustified() throws {
        var found: [String] = []
        let tag = try Regex(#""<(/)?[a-z]+[ >"\\]"#)
        for module in try Self.modules() {
            for (path, text) in try ArchitectureTests.swiftFiles(in: module) {
                let file = "\(module)/\(path)"
                if Self.markupInStrings[file] == nil, text.contains(tag) { found.append("\(file): markup in a string") }
                let raws = text.ranges(of: ".raw(").filter { !text[$0.upperBound...].hasPrefix("\"\"\"") && !text[$0.upperBound...].hasPrefix("\"PRAGMA") }
                if Self.rawAllowed[file] == nil, !raws.isEmpty { found.append("\(file): .raw(") }
            }
        }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    @Test("The checker itself: it rejects what the review found and passes what is safe")
    func checkerCatchesTheReviewsCases() {
        #expect(Self.unescapedAttributes(in: #".input(.type(.search), .name("sok"), .value(filter.text ?? ""))"#).count == 1)
        #expect(Self.unescapedAttributes(in: #".table(.ariaLabel(budget.title))"#).count == 1)
        #expect(Self.unescapedAttributes(in: #".a(.href(link.url), .text("x"))"#).count == 1)
        #expect(Self.unescapedAttributes(in: #".div(.id("punkt-\(node.title)"))"#).count == 1)
        #expect(Self.unescapedAttributes(in: #".input(.value(HTML.escape(filter.text ?? "")))"#).isEmpty)
        #expect(Self.unescapedAttributes(in: ##".a(.href(PlansURL.node(org, doc, key) + "#mal"), .id("punkt-\(node.key)"))"##).isEmpty)
        #expect(Self.unescapedAttributes(in: #".form(.method(.get), .action(isDraft ? "a" : "b"))"#).isEmpty)
        #expect(Self.unescapedAttributes(in: "// Plot's .title() would copy").isEmpty)
    }

    static func modules() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: ArchitectureTests.sources.path).sorted()
    }

    /// `.value(x)`, `.href(x)`, … and `.attribute(named: …, value: x)` in DSL position, with an argument that is not safe as written.
    static func unescapedAttributes(in text: String) -> [String] {
        let characters = Array(text)
        var found: [String] = []
        var index = 0
        while index < characters.count {
            guard characters[index] == ".", index > 0, "(, \n\t[{".contains(characters[index - 1]) else { index += 1; continue }
            let rest = String(characters[(index + 1)..<min(characters.count, index + 60)])
            var argumentStart: Int?
            if let name = dataAttributes.first(where: { rest.hasPrefix($0 + "(") }) {
                argumentStart = index + 1 + name.count + 1
            } else if rest.hasPrefix("attribute(named:"), let match = rest.firstMatch(of: #/^attribute\(named: *"[^"]*", *value: */#) {
                argumentStart = index + 1 + match.output.count
            }
            let lineStart = characters[..<index].lastIndex(of: "\n").map { $0 + 1 } ?? 0
            guard let start = argumentStart, !String(characters[lineStart..<index]).contains("//") else { index += 1; continue }
            let argument = Self.argument(characters, from: start)
            if !isSafe(argument.trimmingCharacters(in: .whitespacesAndNewlines)) {
                found.append(String(characters[index..<min(characters.count, start + 60)]).components(separatedBy: "\n")[0])
            }
            index = start
        }
        return found
    }

    /// The first argument from `start`: up to a comma or closing bracket at its own depth, strings skipped.
    static func argument(_ characters: [Character], from start: Int) -> String {
        var depth = 0, index = start
        while index < characters.count {
            let character = characters[index]
            if character == "\"" { index = endOfString(characters, at: index); continue }
            if "([{".contains(character) { depth += 1 }
            if ")]}".contains(character) { if depth == 0 { break }; depth -= 1 }
            if character == ",", depth == 0 { break }
            index += 1
        }
        return String(characters[start..<min(index, characters.count)])
    }

    static func endOfString(_ characters: [Character], at start: Int) -> Int {
        var index = start + 1
        while index < characters.count, characters[index] != "\"" {
            if characters[index] == "\\", index + 1 < characters.count, characters[index + 1] == "(" {
                var depth = 1
                index += 2
                while index < characters.count, depth > 0 {
                    if characters[index] == "\"" { index = endOfString(characters, at: index); continue }
                    if characters[index] == "(" { depth += 1 }
                    if characters[index] == ")" { depth -= 1 }
                    index += 1
                }
                continue
            }
            index += characters[index] == "\\" ? 2 : 1
        }
        return index + 1
    }

    /// Splits at a separator outside brackets and strings.
    static func split(_ text: String, at separator: String) -> [String] {
        let characters = Array(text), separatorCharacters = Array(separator)
        var parts: [String] = [], depth = 0, index = 0, start = 0
        while index < characters.count {
            let character = characters[index]
            if character == "\"" { index = endOfString(characters, at: index); continue }
            if "([{".contains(character) { depth += 1 }
            if ")]}".contains(character) { depth -= 1 }
            if depth == 0, Array(characters[index..<min(characters.count, index + separatorCharacters.count)]) == separatorCharacters {
                parts.append(String(characters[start..<index]))
                index += separatorCharacters.count
                start = index
                continue
            }
            index += 1
        }
        return parts + [String(characters[start...])]
    }

    static func isSafe(_ argument: String) -> Bool {
        if argument.isEmpty { return true }
        if argument.firstMatch(of: #/^\w+:/#) != nil { return true }   // a labelled call: not one of Plot's attributes
        let ternary = split(argument, at: " ? ")
        if ternary.count == 2 {
            let branches = split(ternary[1], at: " : ")
            if branches.count == 2 { return isSafe(branches[0].trimmingCharacters(in: .whitespaces)) && isSafe(branches[1].trimmingCharacters(in: .whitespaces)) }
        }
        let sum = split(argument, at: " + ")
        if sum.count > 1 { return sum.allSatisfy { isSafe($0.trimmingCharacters(in: .whitespaces)) } }
        if argument.hasPrefix("\""), endOfString(Array(argument), at: 0) == argument.count {
            return interpolations(argument).allSatisfy { $0.wholeMatch(of: safeInterpolation) != nil }
        }
        if argument.hasPrefix("HTML.escape("), argument.hasSuffix(")") { return true }
        if argument.hasPrefix("QueryString.make(") { return true }
        if argument.wholeMatch(of: #/[A-Z]\w*URL(\.\w+)*(\(.*\))?/#.dotMatchesNewlines()) != nil { return true }
        return argument.wholeMatch(of: #/\.\w+|nil|\d+|true|false/#) != nil
    }

    static func interpolations(_ literal: String) -> [String] {
        let characters = Array(literal)
        var found: [String] = [], index = 1
        while index < characters.count - 1 {
            if characters[index] == "\\", characters[index + 1] == "(" {
                var depth = 1, end = index + 2
                while end < characters.count, depth > 0 {
                    if characters[end] == "\"" { end = endOfString(characters, at: end); continue }
                    if characters[end] == "(" { depth += 1 }
                    if characters[end] == ")" { depth -= 1 }
                    end += 1
                }
                found.append(String(characters[(index + 2)..<(end - 1)]).trimmingCharacters(in: .whitespaces))
                index = end
                continue
            }
            index += characters[index] == "\\" ? 2 : 1
        }
        return found
    }
}
