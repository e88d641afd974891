/// Why a file was refused, naming the offending field by its JSON path,
/// e.g. `documents[1].versions[0].nodes[12].parent`.
public struct ImportError: Error, Equatable, CustomStringConvertible {
    public let path: String
    public let message: String

    public init(_ path: String, _ message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}
