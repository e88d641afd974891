import Fluent
import Foundation
import Vapor

/// Work a module above Plans does when a version is adopted, inside the adoption's transaction:
/// FollowUp snapshots the figures of an annual report, so that what was adopted never changes.
/// A hook that throws stops the adoption.
public typealias AdoptionHook = @Sendable (_ version: VersionReference, _ db: any Database) async throws -> Void

/// A version of a document as hooks and rules above Plans see it: plain values, read from
/// Plans' models, which stay inside Plans.
public struct VersionReference: Sendable, Equatable {
    public let organisationID: UUID
    public let documentSlug: String
    public let documentKind: DocumentKind
    public let number: Int
    public let periodStart: Int?

    init(_ version: DocumentVersion, of document: SteeringDocument) {
        organisationID = document.$organisation.id
        documentSlug = document.slug
        documentKind = document.kind
        number = version.number
        periodStart = version.periodStart
    }
}

extension Application {
    private struct AdoptionHooksKey: StorageKey { typealias Value = [AdoptionHook] }

    /// What runs when a version is adopted; empty unless a module above adds to it.
    public var adoptionHooks: [AdoptionHook] {
        get { storage[AdoptionHooksKey.self] ?? [] }
        set { storage[AdoptionHooksKey.self] = newValue }
    }
}
