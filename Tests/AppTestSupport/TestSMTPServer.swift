import Foundation
@testable import Mail

/// scripts/smtp-test-server.py on a free port, with its own certificate and message directory.
public final class TestSMTPServer {
    public struct Received: Decodable {
        public let from: String
        public let to: [String]
        public let tls: Bool
        public let authenticated: Bool
        public let data: String
    }

    /// Under CI always (a missing aiosmtpd fails the run); elsewhere when Python has aiosmtpd and openssl is there.
    public static let available: Bool = {
        if ProcessInfo.processInfo.environment["CI"] == "true" { return true }
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["sh", "-c", "python3 -c 'import aiosmtpd' && command -v openssl"]
        check.standardOutput = FileHandle.nullDevice
        check.standardError = FileHandle.nullDevice
        guard (try? check.run()) != nil else { return false }
        check.waitUntilExit()
        return check.terminationStatus == 0
    }()

    let process = Process()
    let input = Pipe()
    let directory: URL
    let port: Int
    let certificate: String

    public init() throws {
        directory = FileManager.default.temporaryDirectory.appending(path: "samsyn-mail-\(UUID().uuidString)")
        port = Int.random(in: 20_000...45_000)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "../../scripts/smtp-test-server.py").standardizedFileURL
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, "--port", String(port), "--dir", directory.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = input
        try process.run()
        let line = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        guard line.hasPrefix("ready ") else {
            process.terminate()
            throw TestServerError(description: "the SMTP test server did not start (is aiosmtpd installed? pip install aiosmtpd): \(line)")
        }
        certificate = line.dropFirst("ready ".count).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public func settings() -> SMTPSettings {
        SMTPSettings(host: "127.0.0.1", port: port, security: .starttls, username: "samsyn", password: "hemligt",
                     trustedCertificateFile: certificate, from: "samsyn@example.se")
    }

    public func messages() throws -> [Received] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }.sorted().map { name in
            try JSONDecoder().decode(Received.self, from: Data(contentsOf: directory.appending(path: name)))
        }
    }

    public func stop() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }
}

public struct TestServerError: Error, CustomStringConvertible {
    public let description: String
}
