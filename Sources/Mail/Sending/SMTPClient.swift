import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL

/// A small SMTP client on SwiftNIO (RFC 5321): EHLO, STARTTLS (RFC 3207), AUTH PLAIN (RFC 4954),
/// one message per connection. The message is text/plain UTF-8 in base64, so no server needs 8BITMIME.
public struct SMTPClient: Sendable {
    public let settings: SMTPSettings

    public init(settings: SMTPSettings) {
        self.settings = settings
    }

    /// Delivers one message or throws `SMTPError` saying which step the server refused.
    public func send(to recipient: String, subject: String, body: String, messageID: String, date: Date = Date(),
                     on group: any EventLoopGroup) async throws {
        let tls = try tlsContext()
        let host = settings.host
        let security = settings.security
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(.seconds(15))
            .connect(host: host, port: settings.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if security == .tls {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tls, serverHostname: Self.serverName(host)))
                    }
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        // Deadlines close the connection, which ends the wait for a reply; `timedOut` names which deadline it was.
        let timedOut = NIOLockedValueBox<String?>(nil)
        let loop = channel.channel.eventLoop
        func deadline(_ seconds: TimeInterval, _ what: String) -> Scheduled<Void> {
            loop.scheduleTask(in: .milliseconds(Int64(seconds * 1000))) { [channel] in
                timedOut.withLockedValue { $0 = $0 ?? what }
                channel.channel.close(promise: nil)
            }
        }
        let whole = deadline(settings.messageTimeout, "the message was not delivered within \(Int(settings.messageTimeout)) s")
        defer { whole.cancel() }
        do {
            try await converse(channel, security: security, tls: tls, host: host, recipient: recipient, subject: subject, body: body,
                               messageID: messageID, date: date, deadline: deadline, timedOut: timedOut)
        } catch {
            // A deadline closed the connection under a write or a read: say which deadline.
            if let reason = timedOut.withLockedValue({ $0 }), !(error is SMTPError) { throw SMTPError(step: "the message", reply: reason) }
            throw error
        }
    }

    /// The conversation on an open connection: greeting, EHLO, STARTTLS, AUTH, the envelope and the message.
    private func converse(_ channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>, security: SMTPSettings.Security, tls: NIOSSLContext, host: String,
                          recipient: String, subject: String, body: String, messageID: String, date: Date,
                          deadline: (TimeInterval, String) -> Scheduled<Void>, timedOut: NIOLockedValueBox<String?>) async throws {
        try await channel.executeThenClose { inbound, outbound in
            var replies = ReplyReader(inbound.makeAsyncIterator())
            func expect(_ codes: Set<Int>, step: String) async throws -> Reply {
                let timer = deadline(settings.replyTimeout, "no reply within \(Int(settings.replyTimeout)) s")
                defer { timer.cancel() }
                do {
                    return try await replies.expect(codes, step: step)
                } catch {
                    if let reason = timedOut.withLockedValue({ $0 }) { throw SMTPError(step: step, reply: reason) }
                    throw error
                }
            }
            func command(_ line: String, expect codes: Set<Int>, step: String) async throws -> Reply {
                try await outbound.write(ByteBuffer(string: line + "\r\n"))
                return try await expect(codes, step: step)
            }
            _ = try await expect([220], step: "greeting")
            let capabilities = try await command("EHLO \(settings.clientName)", expect: [250], step: "EHLO").lines
            if security == .starttls {
                guard capabilities.contains(where: { $0.uppercased().hasPrefix("STARTTLS") }) else {
                    throw SMTPError(step: "STARTTLS", reply: "the server does not offer STARTTLS")
                }
                _ = try await command("STARTTLS", expect: [220], step: "STARTTLS")
                try await channel.channel.pipeline.addHandler(NIOSSLClientHandler(context: tls, serverHostname: Self.serverName(host)),
                                                              position: .first).get()
                _ = try await command("EHLO \(settings.clientName)", expect: [250], step: "EHLO after STARTTLS")
            }
            if let username = settings.username, let password = settings.password {
                let credentials = Data(("\0" + username + "\0" + password).utf8).base64EncodedString()
                _ = try await command("AUTH PLAIN \(credentials)", expect: [235], step: "AUTH")
            }
            _ = try await command("MAIL FROM:<\(settings.from)>", expect: [250], step: "MAIL FROM")
            _ = try await command("RCPT TO:<\(recipient)>", expect: [250, 251], step: "RCPT TO")
            _ = try await command("DATA", expect: [354], step: "DATA")
            let content = Self.content(from: settings.from, to: recipient, subject: subject, body: body, messageID: messageID, date: date)
            _ = try await command(content + "\r\n.", expect: [250], step: "the message")
            try? await outbound.write(ByteBuffer(string: "QUIT\r\n"))
        }
    }

    func tlsContext() throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        if let file = settings.trustedCertificateFile {
            configuration.trustRoots = .file(file)
        }
        return try NIOSSLContext(configuration: configuration)
    }

    /// SNI takes a name, not an address.
    static func serverName(_ host: String) -> String? {
        host.allSatisfy { $0.isNumber || $0 == "." || $0 == ":" } ? nil : host
    }

    /// The message as it goes after DATA: headers, a base64 UTF-8 body, lines starting with a dot doubled.
    static func content(from: String, to: String, subject: String, body: String, messageID: String, date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        let encodedBody = Data(body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n").utf8)
            .base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        let headers = [
            "From: \(from)", "To: \(to)", "Subject: \(encodedWord(subject))", "Date: \(formatter.string(from: date))",
            "Message-ID: <\(messageID)>", "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: base64",
        ]
        return (headers + ["", encodedBody]).joined(separator: "\r\n")
            .components(separatedBy: "\r\n").map { $0.hasPrefix(".") ? "." + $0 : $0 }.joined(separator: "\r\n")
    }

    /// A header value as an RFC 2047 encoded word when it is not plain ASCII.
    static func encodedWord(_ text: String) -> String {
        let clean = text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        guard !clean.allSatisfy({ $0.isASCII }) else { return clean }
        return "=?UTF-8?B?\(Data(clean.utf8).base64EncodedString())?="
    }

    /// An address to put after MAIL FROM or RCPT TO: one @, no spaces, angle brackets or line breaks.
    public static func isAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && text.count <= 254
            && !text.contains(where: { $0.isWhitespace || "<>()[],;:\\\"".contains($0) })
    }
}

/// A refusal or a broken conversation, naming the step: "RCPT TO: 550 No such user".
public struct SMTPError: Error, CustomStringConvertible {
    public let step: String
    public let reply: String
    public var description: String { "\(step): \(reply)" }
}

struct Reply {
    let code: Int
    let lines: [String]
}

/// Reads replies, multi-line ones ("250-…" up to "250 …") whole.
struct ReplyReader {
    var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    var pending = ""

    init(_ iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator) {
        self.iterator = iterator
    }

    mutating func line(step: String) async throws -> String {
        while true {
            if let end = pending.range(of: "\r\n") {
                let line = String(pending[..<end.lowerBound])
                pending.removeSubrange(..<end.upperBound)
                return line
            }
            guard var buffer = try await iterator.next() else { throw SMTPError(step: step, reply: "the server closed the connection") }
            pending += buffer.readString(length: buffer.readableBytes) ?? ""
            guard pending.utf8.count < 64 * 1024 else { throw SMTPError(step: step, reply: "a reply longer than 64 KB") }
        }
    }

    mutating func expect(_ codes: Set<Int>, step: String) async throws -> Reply {
        var lines: [String] = []
        while true {
            let line = try await line(step: step)
            guard line.count >= 3, let code = Int(line.prefix(3)) else { throw SMTPError(step: step, reply: "not an SMTP reply: \(line.prefix(80))") }
            lines.append(String(line.dropFirst(4)))
            if line.count == 3 || line[line.index(line.startIndex, offsetBy: 3)] == " " {
                guard codes.contains(code) else { throw SMTPError(step: step, reply: "\(code) \(lines.joined(separator: " "))") }
                return Reply(code: code, lines: lines)
            }
        }
    }
}
