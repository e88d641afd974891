import Fluent
import Foundation

/// A module's part of the interchange file (one tenant as one JSON file): the top-level properties it
/// owns, read and written by the module itself. The composition root lists the sections in
/// dependency order; `InterchangeFormat` runs them.
public protocol InterchangeSection {
    /// Encodes to and decodes from the file's top level: its coding keys are the section's properties.
    associatedtype Content: Codable & Sendable

    /// Reads the tenant's part. Sections export in reverse dependency order, so a section can note
    /// in the context what it refers to for a section below it (registry entries, for example).
    static func export(tenant: UUID, context: inout InterchangeContext, on db: any Database) async throws -> Content

    /// Checks what the types cannot express, in dependency order, before anything is written.
    static func validate(_ content: Content, context: inout InterchangeContext, on db: any Database) async throws

    /// Writes, inside the import's one transaction, in dependency order.
    static func write(_ content: Content, context: inout InterchangeContext, on db: any Database) async throws
}

/// A value one section leaves for others in the context; the key type belongs to the module that sets it.
public protocol InterchangeContextKey {
    associatedtype Value: Sendable
}

/// What sections hand each other while one file is validated, written or exported.
public struct InterchangeContext: Sendable {
    private var values: [ObjectIdentifier: any Sendable] = [:]
    /// Whether an import may replace a tenant that is already here.
    public var replace: Bool
    /// The tenant the file is about, once the section that owns tenants has found or made it.
    public var tenant: UUID?
    /// Counts for the import's summary and audit entry, by name.
    public var counts: [String: Int] = [:]

    public init(replace: Bool = false) {
        self.replace = replace
    }

    public subscript<Key: InterchangeContextKey>(_ key: Key.Type) -> Key.Value? {
        get { values[ObjectIdentifier(key)] as? Key.Value }
        set { values[ObjectIdentifier(key)] = newValue }
    }
}

extension InterchangeSection {
    static func decodeContent(from decoder: any Decoder) throws -> any Codable & Sendable {
        try Content(from: decoder)
    }

    static func exportContent(tenant: UUID, context: inout InterchangeContext, on db: any Database) async throws -> any Codable & Sendable {
        try await export(tenant: tenant, context: &context, on: db)
    }

    static func validateContent(_ content: any Codable & Sendable, context: inout InterchangeContext, on db: any Database) async throws {
        guard let content = content as? Content else { preconditionFailure("\(Self.self) was given another section's content") }
        try await validate(content, context: &context, on: db)
    }

    static func writeContent(_ content: any Codable & Sendable, context: inout InterchangeContext, on db: any Database) async throws {
        guard let content = content as? Content else { preconditionFailure("\(Self.self) was given another section's content") }
        try await write(content, context: &context, on: db)
    }
}
