import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import Vapor

/// bcrypt at the lowest cost, counting its verifications and noting whether any ran on an event
/// loop (where it would stall every request the loop serves). Install with
/// `app.passwords.use { _ in hasher }`.
public final class CountingHasher: PasswordHasher, Sendable {
    private let state = NIOLockedValueBox((verifications: 0, onEventLoop: 0))

    public init() {}

    public var verifications: Int { state.withLockedValue { $0.verifications } }
    public var verificationsOnEventLoop: Int { state.withLockedValue { $0.onEventLoop } }

    public func hash<Password: DataProtocol>(_ password: Password) throws -> [UInt8] {
        Array(try Bcrypt.hash(String(decoding: Array(password), as: UTF8.self), cost: 4).utf8)
    }

    public func verify<Password: DataProtocol, Digest: DataProtocol>(_ password: Password, created digest: Digest) throws -> Bool {
        let onEventLoop = MultiThreadedEventLoopGroup.currentEventLoop != nil
        state.withLockedValue { $0.verifications += 1; if onEventLoop { $0.onEventLoop += 1 } }
        return try Bcrypt.verify(String(decoding: Array(password), as: UTF8.self), created: String(decoding: Array(digest), as: UTF8.self))
    }
}
