import Vapor

/// The reverse proxies or load balancers in front of Samsyn whose forwarding headers are
/// believed (SAMSYN_TRUSTED_PROXIES: their addresses, comma separated). Without it the peer is
/// the client and forwarding headers are ignored, so a client cannot claim another address.
public struct TrustedProxies: Sendable, Equatable {
    public let addresses: Set<String>

    public init(_ addresses: Set<String> = []) {
        self.addresses = addresses
    }

    /// From a setting such as "10.0.0.2, 10.0.0.3".
    public init(setting: String?) {
        self.init(Set((setting ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }))
    }

    /// The client: the peer, or, when the peer is a trusted proxy, the nearest address in
    /// X-Forwarded-For that is not itself a trusted proxy.
    public func client(peer: String, forwardedFor: [String]) -> String {
        guard addresses.contains(peer) else { return peer }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return hops.reversed().first { !addresses.contains($0) } ?? peer
    }
}

extension Application {
    private struct TrustedProxiesKey: StorageKey { typealias Value = TrustedProxies }

    public var trustedProxies: TrustedProxies {
        get { storage[TrustedProxiesKey.self] ?? TrustedProxies() }
        set { storage[TrustedProxiesKey.self] = newValue }
    }
}

extension Request {
    var peerAddress: String { remoteAddress?.ipAddress ?? "unknown" }

    /// The client's address, seen through trusted proxies only.
    public var clientAddress: String {
        application.trustedProxies.client(peer: peerAddress, forwardedFor: headers[.xForwardedFor])
    }

    /// Whether the request reached Samsyn over TLS, directly or through a trusted proxy.
    public var cameOverTLS: Bool {
        url.scheme == "https" || (application.trustedProxies.addresses.contains(peerAddress) && headers.first(name: "X-Forwarded-Proto") == "https")
    }
}
