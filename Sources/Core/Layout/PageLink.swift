import Plot
/// A link to another page with the context it sits in, e.g. a key activity and its document.
public struct PageLink: Codable, Sendable, Equatable {
    public let title: String
    public let context: String
    public let url: String

    public init(title: String, context: String, url: String) {
        self.title = title
        self.context = context
        self.url = url
    }
}

/// A section of a page that another module renders: a heading and its HTML (escaped by its maker).
public struct PageSection: Sendable, Equatable {
    public let heading: String
    /// The section's content, rendered by the module that fills the slot.
    public let content: Markup

    public init(heading: String, content: Node<HTML.BodyContext>) {
        self.heading = heading
        self.content = Markup.rendered(content)
    }
}
