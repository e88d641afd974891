/// Inline SVG charts, drawn by the server (Plot 0.14 has no SVG elements), through `Markup` so
/// that labels and names from data are escaped like everything else.
public enum SVG {
    /// A chart as one image: `role="img"` and its words in `aria-label`, drawn `width` × `height`.
    public static func image(class name: String, width: String, height: String, label: String, _ shapes: [Markup]) -> Markup {
        .element("svg", [.value("class", name), .value("viewBox", "0 0 \(width) \(height)"), .value("width", width), .value("height", height),
                         .value("role", "img"), .value("aria-label", label)], shapes)
    }

    /// A shape without content: rect, circle, line, polyline, path.
    public static func shape(_ name: String, _ attributes: [Markup.Attribute]) -> Markup {
        .selfClosing(name, attributes)
    }

    /// Words drawn in the chart, in the page's text colour unless given.
    public static func text(_ attributes: [Markup.Attribute], _ text: String) -> Markup {
        .element("text", attributes, text: text)
    }
}
