import NIOConcurrencyHelpers
import Vapor

/// A place on one module's page where modules above it add content, so that the owner need not
/// import them: a network's page declares a slot for what involves the network, and the module
/// of steering documents fills it with key activities. The owner declares the slot; modules register their
/// providers at start (`AppModule.register(in:)`).
public struct PageSlot<Subject: Sendable, Item: Sendable>: Sendable, Hashable {
    public let name: String

    public init(_ name: String) {
        self.name = name
    }
}

public final class PageSlots: Sendable {
    public typealias Provider<Subject, Item> = @Sendable (Subject, Request) async throws -> [Item]
    private let providers = NIOLockedValueBox<[String: [any Sendable]]>([:])

    public init() {}

    public func register<Subject, Item>(_ slot: PageSlot<Subject, Item>, _ provider: @escaping Provider<Subject, Item>) {
        providers.withLockedValue { $0[slot.name, default: []].append(provider) }
    }

    /// Every registered provider's items, in the order they were registered.
    public func items<Subject, Item>(_ slot: PageSlot<Subject, Item>, for subject: Subject, request: Request) async throws -> [Item] {
        let registered = providers.withLockedValue { $0[slot.name] ?? [] }.compactMap { $0 as? Provider<Subject, Item> }
        var items: [Item] = []
        for provider in registered { items += try await provider(subject, request) }
        return items
    }
}

extension Application {
    private struct PageSlotsKey: StorageKey { typealias Value = PageSlots }

    public var pageSlots: PageSlots {
        if let slots = storage[PageSlotsKey.self] { return slots }
        let slots = PageSlots()
        storage[PageSlotsKey.self] = slots
        return slots
    }
}
