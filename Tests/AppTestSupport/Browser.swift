import Foundation
import NIOCore
import Testing
import Vapor
import VaporTesting

/// A browser without JavaScript: keeps cookies, posts forms.
public struct Browser {
    public let app: Application
    public var cookies: [String: String] = [:]

    public init(app: Application, from address: String? = nil) {
        self.app = app
        if let address { headers.replaceOrAdd(name: .xForwardedFor, value: address) }
    }

    /// Sent with every request, e.g. X-Forwarded-For to play a client behind a trusted proxy.
    public var headers = HTTPHeaders()

    /// Uploads go over a real connection to a running server, so the body arrives streamed as a
    /// browser sends it (in memory it arrives collected, which hides limits that apply while streaming).
    public var live = false

    public mutating func send(_ method: HTTPMethod, _ path: String, form: [String: String]? = nil) async throws -> (HTTPStatus, String, HTTPHeaders) {
        try await send(method, path, encodedForm: form.map { form in
            form.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
        })
    }

    /// Submits name–value pairs in order, so a name may repeat (checkboxes).
    public mutating func send(_ method: HTTPMethod, _ path: String, pairs: [(name: String, value: String)]) async throws -> (HTTPStatus, String, HTTPHeaders) {
        let encode = { (text: String) in text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }
        return try await send(method, path, encodedForm: pairs.map { "\(encode($0.name))=\(encode($0.value))" }.joined(separator: "&"))
    }

    mutating func send(_ method: HTTPMethod, _ path: String, encodedForm: String?) async throws -> (HTTPStatus, String, HTTPHeaders) {
        var headers = self.headers
        if !cookies.isEmpty { headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        var body = ByteBuffer()
        if let encodedForm {
            headers.contentType = .urlEncodedForm
            body = ByteBuffer(string: encodedForm)
        }
        var result: (HTTPStatus, String, HTTPHeaders) = (.internalServerError, "", [:])
        try await app.testing().test(method, path, headers: headers, body: body) { response async in
            result = (response.status, response.body.string, response.headers)
        }
        for header in result.2[.setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
            if pair.count == 2 { cookies[pair[0]] = pair[1].isEmpty ? nil : pair[1] }
        }
        return result
    }

    /// A multipart form with one file, as a browser sends a file input: the fields, then the file.
    public mutating func upload(_ path: String, fields: [String: String], file name: String, data: Data) async throws -> (HTTPStatus, String, HTTPHeaders) {
        let boundary = "samsyn-test-boundary"
        var body = Data()
        func part(_ headers: String, _ content: Data) {
            body.append(Data("--\(boundary)\r\n\(headers)\r\n\r\n".utf8))
            body.append(content)
            body.append(Data("\r\n".utf8))
        }
        for (field, value) in fields.sorted(by: { $0.key < $1.key }) { part("Content-Disposition: form-data; name=\"\(field)\"", Data(value.utf8)) }
        part("Content-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: application/octet-stream", data)
        body.append(Data("--\(boundary)--\r\n".utf8))
        var headers = self.headers
        if !cookies.isEmpty { headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        if live { return try await Self.overTheNetwork(app, .POST, path, headers: headers, body: ByteBuffer(data: body)) }
        var result: (HTTPStatus, String, HTTPHeaders) = (.internalServerError, "", [:])
        try await app.testing().test(.POST, path, headers: headers, body: ByteBuffer(data: body)) { result = ($0.status, $0.body.string, $0.headers) }
        return result
    }

    /// One request to the application listening on a real port, as VaporTesting's `.running` does,
    /// but with a deadline of five minutes rather than its fixed 30 s: these requests stream
    /// megabytes through the server while the rest of the suite runs beside them on two cores.
    static func overTheNetwork(_ app: Application, _ method: HTTPMethod, _ path: String, headers: HTTPHeaders,
                               body: ByteBuffer) async throws -> (HTTPStatus, String, HTTPHeaders) {
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        let client = HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton)
        do {
            let port = try #require(app.http.server.shared.localAddress?.port)
            let request = try HTTPClient.Request(url: "http://127.0.0.1:\(port)\(path)", method: method, headers: headers, body: .byteBuffer(body))
            let response = try await client.execute(request: request, deadline: .now() + .minutes(5)).get()
            try await client.shutdown()
            await app.server.shutdown()
            return (response.status, response.body.map { String(buffer: $0) } ?? "", response.headers)
        } catch {
            try? await client.shutdown()
            await app.server.shutdown()
            throw error
        }
    }

    /// The CSRF token in the page's first form.
    public static func csrf(in html: String) -> String? {
        HTMLCheck.matches(of: #"name="csrf" value="([^"]+)""#, in: html).first
    }

    public mutating func signIn(_ email: String, _ password: String) async throws -> HTTPStatus {
        let (_, page, _) = try await send(.GET, "/logga-in")
        let token = try #require(Self.csrf(in: page))
        return try await send(.POST, "/logga-in", form: ["email": email, "password": password, "csrf": token]).0
    }

    /// Follows links from `start` that begin with one of `scopes`, at most `limit` pages; each page's status and HTML.
    public mutating func crawl(from start: [String], within scopes: [String], limit: Int = 400) async throws -> [String: (HTTPStatus, String)] {
        var queue = start, seen = Set(start), pages: [String: (HTTPStatus, String)] = [:]
        while !queue.isEmpty, pages.count < limit {
            let path = queue.removeFirst()
            let (status, html, _) = try await send(.GET, path)
            pages[path] = (status, html)
            // Links a reader follows: anchors, not the page's own <link rel="canonical">.
            for link in HTMLCheck.matches(of: ##"<a\b[^>]*\bhref="([^"#]+)""##, in: html).map(HTMLForm.unescape) {
                guard scopes.contains(where: { link.hasPrefix($0) }), !seen.contains(link) else { continue }
                seen.insert(link)
                queue.append(link)
            }
        }
        return pages
    }

    /// The text a reader sees on a page: no markup, no attribute values, no script or style.
    public static func visibleText(_ html: String) -> String {
        let withoutCode = html.replacingOccurrences(of: #"<(script|style|svg)\b[\s\S]*?</\1>"#, with: " ", options: .regularExpression)
        return HTMLForm.unescape(withoutCode.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression))
    }
}
