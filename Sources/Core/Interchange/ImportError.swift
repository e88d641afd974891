import Vapor

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

/// A key (slug) as files and addresses use it: a–z, digits and single hyphens.
public func requireKey(_ value: String, at path: String) throws(ImportError) {
    guard Slug.isValid(value) else {
        throw ImportError(path, "\"\(value)\" is not a valid key (lower-case letters a–z, digits and single hyphens)")
    }
}

public func requireText(_ value: String, at path: String) throws(ImportError) {
    guard !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw ImportError(path, "must not be empty") }
}

extension ImportError: DomainFailure {
    public var english: String { description }
    public var swedish: String { "Filen går inte att läsa in: \(description)" }
    public var status: HTTPResponseStatus { .unprocessableEntity }
    public var field: String? { nil }
}
