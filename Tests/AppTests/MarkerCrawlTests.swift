import AppTestSupport
import Core
import CSV
import Foundation
import Organisation
import Plot
@testable import SamsynApp
import Testing
import Vapor

/// Escaping judged where it matters, on what users see: a marker with `" ' < > &` and a `<b>`
/// element goes into every prose text of the demo organisation (through its organisation file),
/// into every string property of every JSON write schema of the API (as editor and administrator),
/// and into every query parameter the routes declare; then every page and download reachable from the
/// organisation's home is fetched, signed out, as its editor and (the administration's pages) as its
/// administrator, and judged by its format.
@Suite("Escaping: a marker in every text becomes markup nowhere")
struct MarkerCrawlTests {
    static let marker = #""'<>&<b>zq</b>"#
    static let org = Demo.organisationSlug

    @Test("The marker reaches pages, downloads and API answers only as text", arguments: Engine.enabled)
    func markerCrawl(engine: Engine) async throws {
        try await withApp(engine) { app in
            try await Self.markOrganisationFile(app)
            try await Demo.createAccountsIfMissing(hasher: app.password.async, on: app.db)
            try await Self.writeThroughAPI(app)
            let names = Self.declaredQueryNames(app)
            // Every page on SQLite; on PostgreSQL one page of each route, which is what depends on the
            // engine (the marker stored and read back), at a fraction of the time.
            let everyPage = engine == .sqlite
            var reader = Browser(app: app)
            var findings = try await Self.crawl(&reader, names: names, everyPage: everyPage)
            var editor = Browser(app: app)
            #expect(try await editor.signIn("redaktor@demo.samsyn.se", Demo.password) == .seeOther)
            let editorsWalk = try await Self.crawl(&editor, names: names, everyPage: everyPage)
            findings += editorsWalk
            // The administrator's own pages (users, the change log, the outbox) and what they link to
            // that the editor's walk did not reach.
            var administrator = Browser(app: app)
            #expect(try await administrator.signIn("administrator@demo.samsyn.se", Demo.password) == .seeOther)
            let administration = [OrganisationURL.users, OrganisationURL.auditTrail, OrganisationURL.outbox].map { $0.link(Self.org) }
            findings += try await Self.crawl(&administrator, names: names, everyPage: everyPage, from: administration,
                                             skipping: editorsWalk.seen.subtracting(administration))
            let undeclared = app.undeclaredQueryReads.withLockedValue { $0 }
            #expect(undeclared.isEmpty, "routes read query parameters they do not declare: \(undeclared.sorted())")
            #expect(findings.reached > 50, "the marker is seen as text on many pages")
            #expect(findings.pages > (everyPage ? 700 : 150), "pages visited, signed out and in: \(findings.pages)")
            #expect(findings.problems.isEmpty, "\(findings.problems.prefix(30).joined(separator: "\n"))")
        }
    }

    struct Findings {
        var reached = 0
        var pages = 0
        var seen = Set<String>()
        var problems: [String] = []
        static func += (left: inout Findings, right: Findings) {
            left.reached += right.reached
            left.pages += right.pages
            left.problems += right.problems
        }
    }

    /// Every prose string of the exported file (a space in it, or a capitalised word: names,
    /// titles, texts; keys, codes and dates stay) gets the marker, and the file goes back in.
    static func markOrganisationFile(_ app: Application) async throws {
        let exported = try OrganisationExporter.encode(try await OrganisationExporter.export(slug: org, on: app.db))
        let skip: Set<String> = ["url", "kpiURL", "email", "kpi"]
        func mark(_ value: Any, key: String) -> Any {
            switch value {
            case let object as [String: Any]: return object.reduce(into: [String: Any]()) { $0[$1.key] = mark($1.value, key: $1.key) }
            case let array as [Any]: return array.map { mark($0, key: key) }
            case let text as String where !skip.contains(key) && (text.contains(" ") || text.first.map { $0.isUppercase } == true && text.dropFirst().first?.isLowercase == true)
                && text.wholeMatch(of: #/\d{4}-\d\d-\d\d.*/#) == nil:
                return text + marker
            default: return value
            }
        }
        let marked = mark(try JSONSerialization.jsonObject(with: exported), key: "")
        try await OrganisationImporter.importFile(try JSONSerialization.data(withJSONObject: marked), replace: true, on: app.db)
    }

    /// Each JSON write operation of docs/openapi.json with a body made from its schema, every
    /// string the marker; refusals are fine (they are the validation at work), a 500 is not.
    static func writeThroughAPI(_ app: Application) async throws {
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "../../docs/openapi.json"))) as! [String: Any]
        let schemas = ((document["components"] as? [String: Any])?["schemas"] as? [String: Any]) ?? [:]
        func body(_ schema: [String: Any], depth: Int = 0) -> Any {
            if let reference = schema["$ref"] as? String, let resolved = schemas[String(reference.split(separator: "/").last!)] as? [String: Any] {
                return body(resolved, depth: depth)
            }
            if let choices = schema["enum"] as? [Any], let first = choices.first { return first }
            if let all = (schema["allOf"] ?? schema["oneOf"] ?? schema["anyOf"]) as? [[String: Any]], let first = all.first { return body(first, depth: depth) }
            switch schema["type"] as? String {
            case "object":
                let properties = schema["properties"] as? [String: [String: Any]] ?? [:]
                return depth > 4 ? [:] : properties.mapValues { body($0, depth: depth + 1) }
            case "array": return depth > 4 ? [] : [body(schema["items"] as? [String: Any] ?? [:], depth: depth + 1)]
            case "integer": return (schema["minimum"] as? Int) ?? 2023
            case "number": return 1
            case "boolean": return false
            case "string":
                if schema["format"] as? String == "date" { return "2024-05-01" }
                return marker
            default: return marker
            }
        }
        let documents = try await app.getJSON("/api/v1/organisations/\(org)/documents", as: [DocumentSummaryKey].self)
        let values = ["org": org, "doc": documents.first?.slug ?? "x", "year": "2023", "version": "1", "period": "2023"]
        for email in ["redaktor@demo.samsyn.se", "administrator@demo.samsyn.se"] {
            let token = try await app.apiToken(email)
            for (path, operations) in document["paths"] as? [String: [String: Any]] ?? [:] {
                for (method, operation) in operations where ["post", "put", "patch"].contains(method) {
                    guard let operation = operation as? [String: Any],
                          let content = (operation["requestBody"] as? [String: Any])?["content"] as? [String: Any],
                          let json = (content["application/json"] as? [String: Any])?["schema"] as? [String: Any] else { continue }
                    var concrete = path
                    for match in path.matches(of: #/\{(\w+)\}/#) { concrete = concrete.replacingOccurrences(of: String(match.output.0), with: values[String(match.output.1)] ?? "x") }
                    let payload = String(decoding: try JSONSerialization.data(withJSONObject: body(json)), as: UTF8.self)
                    let (status, answer, _) = try await app.api(HTTPMethod(rawValue: method.uppercased()), concrete, token: token, body: payload)
                    #expect(status.code < 500, "\(method.uppercased()) \(concrete) answered \(status): \(answer.prefix(200))")
                }
            }
        }
    }

    struct DocumentSummaryKey: Decodable { let slug: String }

    /// The query parameters the routes declare (Route.reads and their API operations), each given the marker on every page visited.
    static func declaredQueryNames(_ app: Application) -> [String] {
        Array(app.routes.all.reduce(into: Set<String>()) { $0.formUnion($1.declaredQuery) }).sorted()
    }

    /// Breadth first from the organisation's home and the site's front page, every link within the
    /// organisation and its API until none is left; one page of each route a second time with the
    /// marker in every declared query parameter (what a route reads, it reads on each of its pages).
    static func crawl(_ browser: inout Browser, names: [String], everyPage: Bool,
                      from start: [String] = ["/", "/o/\(org)", "/o/\(org)/oppna-data", "/o/\(org)/avtal", "/mitt-konto"],
                      skipping known: Set<String> = [], limit: Int = 3_000) async throws -> Findings {
        let query = QueryString.make(names.map { ($0, marker) })
        let routes = browser.app.routes.all.filter { $0.method == .GET }
        var queue = start, seen = known, findings = Findings()
        var routesWithQuery = Set<String>()
        while !queue.isEmpty {
            let path = queue.removeFirst()
            guard seen.insert(path).inserted else { continue }
            guard seen.count - known.count <= limit else { findings.problems.append("more than \(limit) pages: the crawl stopped"); break }
            let route = Self.route(of: path, among: routes)
            let firstOfRoute = routesWithQuery.insert(route).inserted
            guard everyPage || firstOfRoute else { continue }
            let withQuery = !path.contains("?") && !path.hasPrefix("/api/") && firstOfRoute
            for variant in [path, withQuery ? path + query : nil].compactMap({ $0 }) {
                let (status, body, headers) = try await browser.send(.GET, variant)
                if status.code >= 500 { findings.problems.append("\(variant): \(status)") }
                let type = headers.contentType.map { "\($0.type)/\($0.subType)" } ?? ""
                findings.problems += judge(body, type: type).map { "\(variant) (\(type)): \($0)" }
                if body.contains(marker) || body.contains(HTML.escape(marker)) || body.contains(#""'&lt;&gt;&amp;&lt;b&gt;zq&lt;/b&gt;"#) { findings.reached += 1 }
                guard variant == path, type == "text/html" else { continue }
                for match in body.matches(of: #/href="(/[^"#]*)/#) {
                    let link = String(match.output.1).replacingOccurrences(of: "&amp;", with: "&")
                    if link.hasPrefix("/o/\(org)") || link.hasPrefix("/api/v1/organisations/\(org)") || link.hasPrefix("/mitt-konto"),
                       !link.contains("logga-ut"), !seen.contains(link) { queue.append(link) }
                }
            }
        }
        findings.pages += seen.count - known.count
        findings.seen = seen
        return findings
    }

    /// The pattern of the GET route a path matches ("/o/:org/dokument/:doc"), or the path itself.
    static func route(of path: String, among routes: [Route]) -> String {
        let parts = path.split(separator: "?")[0].split(separator: "/").map(String.init)
        let found = routes.first { route in
            route.path.count == parts.count && zip(route.path, parts).allSatisfy { component, part in
                switch component {
                case .constant(let text): text == part
                case .parameter: true
                default: false
                }
            }
        }
        return found.map { "/" + $0.path.string } ?? path
    }

    /// What would be wrong with the marker in a body of this type.
    static func judge(_ body: String, type: String) -> [String] {
        let escapedForHTML = "&lt;b&gt;zq&lt;/b&gt;"
        switch type {
        case "text/html", "image/svg+xml":
            var problems: [String] = []
            if body.contains("<b>zq</b>") { problems.append("a live <b> element") }
            for range in body.ranges(of: #""'"#) {
                let before = body[..<range.lowerBound]
                if let open = before.lastIndex(of: "<"), before.lastIndex(of: ">").map({ $0 < open }) ?? true {
                    problems.append("a raw quote inside a tag: \(body[open..<range.upperBound].suffix(80))")
                    break
                }
            }
            return problems
        case "text/csv":
            if body.contains(escapedForHTML) { return ["HTML-escaped text in CSV"] }
            guard body.contains("zq") else { return [] }
            let rows = (try? CSVReader(string: body, hasHeaderRow: false).map { $0 }) ?? []
            return rows.joined().contains { $0.hasSuffix(marker) || $0.contains(marker) } ? [] : ["the marker does not parse back from the CSV"]
        case "application/json":
            if body.contains(escapedForHTML) { return ["HTML-escaped text in JSON"] }
            guard body.contains("zq") else { return [] }
            guard let parsed = try? JSONSerialization.jsonObject(with: Data(body.utf8), options: [.fragmentsAllowed]) else { return ["JSON that does not parse"] }
            return strings(in: parsed).contains { $0.contains(marker) } ? [] : ["the marker does not parse back from the JSON"]
        case "text/calendar":
            if body.contains(escapedForHTML) { return ["HTML-escaped text in iCalendar"] }
            guard body.contains("zq") else { return [] }
            let unfolded = body.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\\,", with: ",")
                .replacingOccurrences(of: "\\;", with: ";").replacingOccurrences(of: "\\\\", with: "\\")
            return unfolded.contains(marker) ? [] : ["the marker does not parse back from the calendar"]
        default:
            return body.contains(escapedForHTML) ? ["HTML-escaped text in \(type)"] : []
        }
    }

    static func strings(in value: Any) -> [String] {
        switch value {
        case let text as String: [text]
        case let array as [Any]: array.flatMap(strings)
        case let object as [String: Any]: object.values.flatMap(strings)
        default: []
        }
    }
}
