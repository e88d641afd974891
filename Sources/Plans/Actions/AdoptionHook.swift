import Fluent
import Foundation
import Vapor

/// Work a module above Plans does when a version is adopted, inside the adoption's transaction:
/// FollowUp snapshots the figures of an annual report, so that what was adopted never changes.
/// A hook that throws stops the adoption.
public typealias AdoptionHook = @Sendable (_ version: DocumentVersion, _ document: SteeringDocument, _ organisationID: UUID, _ db: any Database) async throws -> Void

extension Application {
    private struct AdoptionHooksKey: StorageKey { typealias Value = [AdoptionHook] }

    /// What runs when a version is adopted; empty unless a module above adds to it.
    public var adoptionHooks: [AdoptionHook] {
        get { storage[AdoptionHooksKey.self] ?? [] }
        set { storage[AdoptionHooksKey.self] = newValue }
    }
}
