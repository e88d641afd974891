import AppTestSupport
@testable import Auth
import Fluent
@testable import FollowUp
import Foundation
@testable import Organisation
import SamsynApp
import Testing
import Vapor

/// The demo's 2023 plan without its example follow-up, and the people who follow it up: an editor,
/// a reader, an assigned reporter (a member representative), and an editor of another organisation.
struct FollowUpFixture {
    static let org = "norrbottens-kommuner"
    static let doc = "verksamhetsplan-2023"
    let app: Application
    let tree: FollowedTree
    let organisationID: UUID

    static let editor = "redaktor@example.se", reader = "lasare@example.se", reporter = "rapportor@example.se", stranger = "annan@example.se"

    init(_ app: Application) async throws {
        self.app = app
        let organisation = try #require(try await OrganisationRecord.query(on: app.db).filter(\.$slug == Self.org).first())
        organisationID = try organisation.requireID()
        tree = try #require(try await FollowedTreeQuery.load(organisation, document: Self.doc, version: nil, on: app.db))
        try await Factory.user(Self.editor, roles: [.editor], in: organisation, on: app.db)
        try await Factory.user(Self.reader, roles: [.reader], in: organisation, on: app.db)
        try await Factory.user(Self.reporter, roles: [.memberRepresentative], in: organisation, on: app.db)
        let other = try await Factory.organisation("annat-forbund", name: "Annat förbund", on: app.db)
        try await Factory.user(Self.stranger, roles: [.editor, .administrator], in: other, on: app.db)
    }

    var activities: [FollowedTree.Item] { tree.activities }

    func browser(_ email: String) async throws -> Browser {
        var browser = Browser(app: app)
        #expect(try await browser.signIn(email, Factory.password) == .seeOther)
        return browser
    }

    /// Posts a form found at `path` (GET) with `fields` over its CSRF token; the status, body and headers.
    static func post(_ browser: inout Browser, _ path: String, _ fields: [String: String]) async throws -> (HTTPStatus, String, HTTPHeaders) {
        let (_, page, _) = try await browser.send(.GET, "/logga-in")
        let token = try #require(Browser.csrf(in: page))
        return try await browser.send(.POST, path, form: fields.merging(["csrf": token]) { $1 })
    }

    func period(_ key: String) async throws -> ReportingPeriod {
        try #require(try await PeriodQuery.period(organisationID: organisationID, document: Self.doc, key: key, on: app.db))
    }

    static func path(_ pattern: String) -> String { "/o/\(org)/uppfoljning/\(doc)" + pattern }

    /// A personal API token of the user with `email`.
    func token(_ email: String) async throws -> String { try await app.apiToken(email) }

    func send(_ method: HTTPMethod, _ path: String, _ token: String?, _ body: String? = nil) async throws -> (HTTPStatus, String, HTTPHeaders) {
        try await app.api(method, path, token: token, body: body)
    }
}
