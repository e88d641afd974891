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
