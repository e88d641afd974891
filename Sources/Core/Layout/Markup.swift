import Plot

/// Markup that Core's components assemble themselves — form controls whose bytes tests and
/// scripts rely on, SVG charts (Plot 0.14 has no SVG), the account bar spliced into cached
/// pages — built so that data cannot become markup: every attribute value and every text goes
/// through `HTML.escape`, and child markup can only be another `Markup`. `node` is the one way
/// into a Plot document.
public struct Markup: Sendable, Equatable {
    public let html: String

    fileprivate init(html: String) {
        self.html = html
    }

    /// One attribute: a value (left out when nil), or a boolean attribute written by name alone when on.
    public struct Attribute: Sendable {
        let name: String
        let value: String?
        let flag: Bool

        public static func value(_ name: String, _ value: String?) -> Attribute { Attribute(name: name, value: value, flag: false) }
        public static func flag(_ name: String, _ on: Bool) -> Attribute { Attribute(name: name, value: on ? "" : nil, flag: true) }

        var rendered: String {
            guard let value else { return "" }
            return flag ? " \(name)" : " \(name)=\"\(HTML.escape(value))\""
        }
    }

    /// `<name attributes>children</name>`.
    public static func element(_ name: String, _ attributes: [Attribute] = [], _ children: [Markup] = []) -> Markup {
        Markup(html: "<\(name)\(attributes.map(\.rendered).joined())>" + children.map(\.html).joined() + "</\(name)>")
    }

    /// `<name attributes>children</name>` with text as its only child.
    public static func element(_ name: String, _ attributes: [Attribute] = [], text: String) -> Markup {
        element(name, attributes, [.text(text)])
    }

    /// An element without an end tag (input, option-less controls): `<name attributes>`.
    public static func void(_ name: String, _ attributes: [Attribute]) -> Markup {
        Markup(html: "<\(name)\(attributes.map(\.rendered).joined())>")
    }

    /// An element of SVG without content, closed in its tag: `<name attributes/>`.
    public static func selfClosing(_ name: String, _ attributes: [Attribute]) -> Markup {
        Markup(html: "<\(name)\(attributes.map(\.rendered).joined())/>")
    }

    public static func text(_ text: String) -> Markup {
        Markup(html: HTML.escape(text))
    }

    /// Several pieces, one after another.
    public static func group(_ parts: [Markup]) -> Markup {
        Markup(html: parts.map(\.html).joined())
    }

    public static let empty = Markup(html: "")

    /// What Plot rendered: text escaped by Plot, attributes by the views (EscapingArchitectureTests).
    /// For markup one module renders into another's page (page slots) or keeps between requests.
    public static func rendered<Context>(_ node: Node<Context>) -> Markup {
        Markup(html: node.render())
    }

    /// Markup made by Core's Markdown renderer, which escapes all text itself.
    static func markdown(_ html: String) -> Markup {
        Markup(html: html)
    }

    /// Into a Plot document.
    public func node<Context>() -> Node<Context> {
        .raw(html)
    }
}

extension BoundedMemo {
    /// Markup remembered by key: pages whose parts do not change between requests (a closed
    /// period's dashboard) render them once.
    public func markup(for key: String, compute: () async throws -> Markup) async rethrows -> Markup {
        Markup(html: try await text(for: key) { try await compute().html })
    }
}
