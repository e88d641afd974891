import Foundation

/// Where and how mail is delivered, read once from the environment:
/// `SAMSYN_SMTP_HOST`, `SAMSYN_SMTP_PORT` (587), `SAMSYN_SMTP_SECURITY` (`starttls`, `tls` or `none`;
/// `starttls` by default and required before AUTH), `SAMSYN_SMTP_USER`, `SAMSYN_SMTP_PASSWORD`,
/// `SAMSYN_SMTP_CA_FILE` (a PEM file to trust instead of the system's roots) and `SAMSYN_MAIL_FROM`.
public struct SMTPSettings: Sendable, Equatable {
    public enum Security: String, Sendable {
        /// Plain connection upgraded with STARTTLS, which the server must offer.
        case starttls
        /// TLS from the first byte (port 465).
        case tls
        /// No encryption; refused together with a password.
        case none
    }

    public var host: String
    public var port: Int
    public var security: Security
    public var username: String?
    public var password: String?
    public var trustedCertificateFile: String?
    public var from: String
    /// The name this client gives in EHLO.
    public var clientName: String
    /// How long the client waits for one reply, and for a whole message, before it gives up on the
    /// server (a server that accepts and never answers must not hold the outbox).
    public var replyTimeout: TimeInterval = 30
    public var messageTimeout: TimeInterval = 120

    public init(host: String, port: Int = 587, security: Security = .starttls, username: String? = nil, password: String? = nil,
                trustedCertificateFile: String? = nil, from: String, clientName: String = "samsyn.localhost") {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.trustedCertificateFile = trustedCertificateFile
        self.from = from
        self.clientName = clientName
    }

    /// The settings the environment gives, nil when no SMTP host is set; a wrong value is an error naming it.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> SMTPSettings? {
        guard let host = environment["SAMSYN_SMTP_HOST"], !host.isEmpty else { return nil }
        guard let from = environment["SAMSYN_MAIL_FROM"], SMTPClient.isAddress(from) else {
            throw SMTPSettingsError("SAMSYN_MAIL_FROM must be the sender's e-mail address when SAMSYN_SMTP_HOST is set")
        }
        let port = try environment["SAMSYN_SMTP_PORT"].map { value in
            guard let port = Int(value), (1...65535).contains(port) else { throw SMTPSettingsError("SAMSYN_SMTP_PORT must be a port number, not \"\(value)\"") }
            return port
        } ?? 587
        let security = try environment["SAMSYN_SMTP_SECURITY"].map { value in
            guard let security = Security(rawValue: value) else { throw SMTPSettingsError("SAMSYN_SMTP_SECURITY must be starttls, tls or none, not \"\(value)\"") }
            return security
        } ?? .starttls
        let password = environment["SAMSYN_SMTP_PASSWORD"]
        if security == .none, password != nil { throw SMTPSettingsError("a password is never sent without TLS: set SAMSYN_SMTP_SECURITY to starttls or tls") }
        return SMTPSettings(host: host, port: port, security: security, username: environment["SAMSYN_SMTP_USER"], password: password,
                            trustedCertificateFile: environment["SAMSYN_SMTP_CA_FILE"], from: from)
    }
}

public struct SMTPSettingsError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
