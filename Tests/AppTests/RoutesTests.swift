import AppTestSupport
import Core
import Fluent
import Foundation
import NIOConcurrencyHelpers
@testable import Organisation
@testable import Plans
@testable import SamsynApp
import Testing
import Vapor

@Suite("Routes: access policies and the OpenAPI document")
struct RoutesTests {
    @Test("Every route declares who may use it, and every write checks a CSRF token or an access token", arguments: Engine.enabled)
    func everyRouteHasAnAccessPolicy(engine: Engine) async throws {
        try await withApp(engine, demo: false) { app in
            #expect(app.routes.all.count > 20)
            for route in app.routes.all {
                let path = "\(route.method) /\(route.path.map(\.description).joined(separator: "/"))"
                #expect(route.declaredAccess != nil, "\(path) has no access policy")
                if ![.GET, .HEAD, .OPTIONS].contains(route.method) {
                    #expect(route.isCSRFChecked || [.importToken, .apiToken].contains(route.declaredAccess), "\(path) writes without a CSRF or token check")
                }
            }
        }
    }

    @Test("Every route's policy is enforced: anonymous clients and forms without a CSRF token are refused everywhere but on public reads",
          arguments: Engine.enabled)
    func everyPolicyIsEnforced(engine: Engine) async throws {
        try await withApp(engine) { app in
            let values = ["org": "norrbottens-kommuner", "doc": "verksamhetsplan-2023", "node": "jamlik-valfard", "group": "styrelse",
                          "unit": "avdelning-social-valfard", "actor": "region-norrbotten", "version": "1", "person": "x",
                          "token": UUID().uuidString, "indicator": "invanare-totalt",
                          "agreement": "skolfilm-i-norrbotten", "document": UUID().uuidString]
            for route in app.routes.all {
                let path = "/" + route.path.map { component -> String in
                    if case .parameter(let name) = component { return values[name] ?? name }
                    return component.description
                }.joined(separator: "/")
                var status = HTTPStatus.ok
                try await app.testing().test(route.method, path, headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                             body: ByteBuffer(string: "csrf=gissat")) { response async in status = response.status }
                let what = "\(route.method) \(path) (\(route.declaredAccess?.rawValue ?? "no policy"))"
                switch route.declaredAccess {
                case .signedIn?:
                    #expect(status == (route.method == .GET ? .seeOther : .unauthorized), "\(what) answered \(status) without a session")
                case .apiToken?:
                    #expect(status == .unauthorized, "\(what) answered \(status) without a token")
                case .importToken?:
                    #expect(status == .forbidden, "\(what) answered \(status) with imports disabled")
                case .publicRead?:
                    if ![.GET, .HEAD, .OPTIONS].contains(route.method) { #expect(status == .forbidden, "\(what) accepted a form without its CSRF cookie") }
                case nil:
                    Issue.record("\(what) has no access policy")
                }
            }
        }
    }

    @Test("Every API route is in the OpenAPI document, and every documented path answers", arguments: Engine.enabled)
    func openAPIMatchesRoutes(engine: Engine) async throws {
        try await withApp(engine) { app in
            let (status, body, _) = try await app.get("/api/v1/openapi.json")
            #expect(status == .ok)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
            let paths = try #require(document["paths"] as? [String: [String: Any]])

            let apiRoutes = app.routes.all.filter(OpenAPIAssembler.isAPI)
            var documented = Set<String>()
            for route in apiRoutes {
                let template = "/" + route.path.map { component -> String in
                    if case .parameter(let name) = component { return "{\(name)}" }
                    return component.description
                }.joined(separator: "/")
                let method = route.method.rawValue.lowercased()
                #expect(paths[template]?[method] != nil, "\(route.method) \(template) is not in the OpenAPI document")
                documented.insert("\(method) \(template)")
            }
            // The demo has no meeting records: one to read.
            let organisation = try #require(try await OrganisationRecord.query(on: app.db).filter(\.$slug == "norrbottens-kommuner").first())
            let meeting = try await Meetings.create(MeetingRecord(title: "Förbundsfullmäktige", heldOn: "2023-04-26"), in: organisation, actor: .commandLine, on: app.db)
            let values = ["org": "norrbottens-kommuner", "doc": "verksamhetsplan-2023", "node": "jamlik-valfard", "group": "styrelse",
                          "unit": "avdelning-social-valfard", "actor": "region-norrbotten", "version": "1", "indicator": "invanare-totalt", "agreement": "skolfilm-i-norrbotten",
                          "year": "2023", "meeting": meeting.key, "funding": "yrkesresan-norrbotten"]
            for (template, operations) in paths {
                for method in operations.keys where ["get", "post"].contains(method) {
                    #expect(documented.contains("\(method) \(template)"), "\(method) \(template) is documented but not routed")
                }
                guard let get = operations["get"] as? [String: Any] else { continue }
                var path = template
                // Commitments are the regional agreement's: the demo's other organisation.
                if template.contains("{party}") || template.hasSuffix("/accessions") {
                    path = path.replacingOccurrences(of: "{org}", with: Demo.agreementSlug)
                        .replacingOccurrences(of: "{agreement}", with: "regional-overenskommelse-om-samverkan").replacingOccurrences(of: "{party}", with: "samforma")
                }
                for (name, value) in values { path = path.replacingOccurrences(of: "{\(name)}", with: value) }
                // Required query parameters are version numbers: 1 is always there.
                let required = (get["parameters"] as? [[String: Any]] ?? []).filter { $0["in"] as? String == "query" && $0["required"] as? Bool == true }
                if !required.isEmpty { path += "?" + required.compactMap { ($0["name"] as? String).map { "\($0)=1" } }.joined(separator: "&") }
                let answer = try await app.get(path)
                if get["security"] != nil {
                    #expect(answer.status == .unauthorized, "GET \(path) answers without a token")
                    continue
                }
                #expect(answer.status == .ok, "GET \(path) answered \(answer.status)")
                #expect(answer.headers.contentType == .json, "GET \(path) is not JSON")
            }
        }
    }

    @Test("API errors are JSON with the right status, never HTML or a stack trace", arguments: Engine.enabled)
    func apiErrors(engine: Engine) async throws {
        try await withApp(engine) { app in
            for (path, status) in [
                ("/api/v1/organisations/finns-inte", HTTPStatus.notFound),
                ("/api/v1/organisations/norrbottens-kommuner/documents/finns-inte", .notFound),
                ("/api/v1/organisations/norrbottens-kommuner/documents/verksamhetsplan-2023/nodes/finns-inte", .notFound),
                ("/api/v1/organisations/norrbottens-kommuner/documents/verksamhetsplan-2023?version=9", .notFound),
                ("/api/v1/organisations/norrbottens-kommuner/documents/verksamhetsplan-2023?version=x", .badRequest),
                ("/api/v1/organisations/norrbottens-kommuner/documents/verksamhetsplan-2023/tree?version=0", .badRequest),
                ("/api/v1/finns-inte", .notFound),
            ] {
                let answer = try await app.get(path)
                #expect(answer.status == status, "\(path)")
                #expect(answer.headers.contentType == .json, "\(path)")
                let error = try JSONDecoder().decode(SamsynErrorMiddleware.APIError.self, from: Data(answer.body.utf8))
                #expect(error.error.status == Int(status.code))
                #expect(!error.error.reason.isEmpty)
            }
        }
    }

    @Test("Pages answer errors in Swedish HTML", arguments: Engine.enabled)
    func pageErrors(engine: Engine) async throws {
        try await withApp(engine) { app in
            let missing = try await app.get("/o/finns-inte")
            #expect(missing.status == .notFound)
            #expect(missing.body.contains("Sidan finns inte"))
            #expect(missing.body.contains("lang=\"sv\""))
            let bad = try await app.get("/o/norrbottens-kommuner/dokument/verksamhetsplan-2023/version/noll")
            #expect(bad.status == .badRequest)
        }
    }

    @Test("Responses carry an ETag and answer 304 to a matching If-None-Match", arguments: Engine.enabled)
    func conditionalGet(engine: Engine) async throws {
        try await withApp(engine) { app in
            let path = "/o/norrbottens-kommuner/dokument/verksamhetsplan-2023"
            let first = try await app.get(path)
            let etag = try #require(first.headers.first(name: .eTag))
            let second = try await app.get(path, headers: ["If-None-Match": etag])
            #expect(second.status == .notModified)
            #expect(second.body.isEmpty)
        }
    }
}

@Suite("The page cache")
struct PageCacheTests {
    @Test("A cached page is served until it expires, then rendered anew; this instance's own imports clear it at once",
          arguments: Engine.enabled)
    func expiry(engine: Engine) async throws {
        try await withApp(engine) { app in
            // The cache's own clock, moved by the test: a loaded machine cannot make a page expire early.
            let clock = NIOLockedValueBox(Date())
            app.pageCache = PageCache(lifetime: 4, now: { clock.withLockedValue { $0 } })
            let path = "/o/norrbottens-kommuner/dokument/verksamhetsplan-2023"
            #expect(try await app.get(path).body.contains("<h1>Verksamhetsplan 2023</h1>"))

            // A change made by another instance: straight into the database.
            try await DocumentVersion.query(on: app.db).filter(\.$title == "Verksamhetsplan 2023").set(\.$title, to: "Verksamhetsplan 2023 (rättad)").update()
            #expect(try await app.get(path).body.contains("<h1>Verksamhetsplan 2023</h1>"), "served from the cache")
            clock.withLockedValue { $0 += 4.1 }
            #expect(try await app.get(path).body.contains("<h1>Verksamhetsplan 2023 (rättad)</h1>"), "rendered after expiry")

            app.importToken = "hemligt"
            var file = try demoJSON()
            file.edit("documents", 1, "versions", 0) { $0["title"] = "Verksamhetsplan 2023 (igen)" }
            var headers = HTTPHeaders()
            headers.bearerAuthorization = .init(token: "hemligt")
            headers.contentType = .json
            try await app.testing().test(.POST, "/api/v1/organisations?replace=true", headers: headers, body: ByteBuffer(data: try data(file))) { response async in
                #expect(response.status == .ok)
            }
            #expect(try await app.get(path).body.contains("<h1>Verksamhetsplan 2023 (igen)</h1>"), "an API import clears the cache")
        }
    }
}

@Suite("Import over the API")
struct APIImportTests {
    func post(_ app: Application, _ body: Data, token: String?, query: String = "") async throws -> (HTTPStatus, String) {
        var headers = HTTPHeaders()
        headers.contentType = .json
        if let token { headers.bearerAuthorization = .init(token: token) }
        var result: (HTTPStatus, String) = (.internalServerError, "")
        try await app.testing().test(.POST, "/api/v1/organisations\(query)", headers: headers, body: ByteBuffer(data: body)) { response async in
            result = (response.status, response.body.string)
        }
        return result
    }

    @Test("Refused without a configured token, without a token, and with a wrong one; nothing changes", arguments: Engine.enabled)
    func refusals(engine: Engine) async throws {
        try await withApp(engine) { app in
            var file = try demoJSON()
            file.editObject("organisation") { $0["slug"] = "ny-organisation" }
            let body = try data(file)
            let before = try await DatabaseFingerprint.take(app.db)
            #expect(try await post(app, body, token: "hemligt").0 == .forbidden)
            app.importToken = "hemligt"
            #expect(try await post(app, body, token: nil).0 == .unauthorized)
            #expect(try await post(app, body, token: "fel").0 == .forbidden)
            #expect(try await DatabaseFingerprint.take(app.db) == before)
        }
    }

    @Test("400 for malformed JSON, 422 for a broken file, 409 for an existing organisation, 201 and 200 when it works",
          arguments: Engine.enabled)
    func statuses(engine: Engine) async throws {
        try await withApp(engine) { app in
            app.importToken = "hemligt"
            let before = try await DatabaseFingerprint.take(app.db)
            let malformed = try await post(app, Data("{".utf8), token: "hemligt")
            #expect(malformed.0 == .badRequest)
            #expect(malformed.1.contains("not valid JSON"))

            var broken = try demoJSON()
            broken.editObject("organisation") { $0["slug"] = "ny-organisation" }
            broken.edit("documents", 1, "versions", 0, "nodes", 5) { $0["parent"] = "finns-inte" }
            let invalid = try await post(app, try data(broken), token: "hemligt")
            #expect(invalid.0 == .unprocessableEntity)
            #expect(invalid.1.contains("documents[1].versions[0].nodes[5].parent"))

            let conflict = try await post(app, try Data(contentsOf: Demo.fileURL), token: "hemligt")
            #expect(conflict.0 == .conflict)
            #expect(try await DatabaseFingerprint.take(app.db) == before)

            var fresh = try demoJSON()
            fresh.editObject("organisation") { $0["slug"] = "ny-organisation"; $0["name"] = "Ny organisation" }
            #expect(try await post(app, try data(fresh), token: "hemligt").0 == .created)
            #expect(try await app.get("/o/ny-organisation").status == .ok)
            #expect(try await post(app, try data(fresh), token: "hemligt", query: "?replace=true").0 == .ok)
        }
    }
}
