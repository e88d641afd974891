@testable import Agreements
import AppTestSupport
@testable import Auth
import Fluent
import Foundation
@testable import Organisation
import SamsynApp
import Testing
import Vapor

/// The demo's registry and the people who keep it: an editor, a reader, and an editor of another
/// organisation; the clock at 2026-03-02 (a Monday), so that "today" is known.
struct AgreementsFixture {
    static let org = "norrbottens-kommuner"
    static let editor = "redaktor@example.se", reader = "lasare@example.se", stranger = "annan@example.se"
    static let today = "2026-03-02"
    let app: Application
    let organisation: OrganisationRecord

    init(_ app: Application) async throws {
        self.app = app
        organisation = try #require(try await OrganisationRecord.query(on: app.db).filter(\.$slug == Self.org).first())
        try await Factory.user(Self.editor, roles: [.editor], in: organisation, on: app.db)
        try await Factory.user(Self.reader, roles: [.reader], in: organisation, on: app.db)
        let other = try await Factory.organisation("annat-forbund", name: "Annat förbund", on: app.db)
        try await Factory.user(Self.stranger, roles: [.editor, .administrator], in: other, on: app.db)
        app.now = { Self.moment(Self.today) }
    }

    static func moment(_ day: String, hour: Int = 9) -> Date {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        return Calendar.sweden.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: hour))!
    }

    static func path(_ rest: String = "") -> String { "/o/\(org)/avtal" + rest }

    func browser(_ email: String) async throws -> Browser {
        var browser = Browser(app: app)
        #expect(try await browser.signIn(email, Factory.password) == .seeOther)
        return browser
    }

    /// Posts `fields` to `path` over the session's CSRF token.
    static func post(_ browser: inout Browser, _ path: String, _ fields: [String: String]) async throws -> (HTTPStatus, String, HTTPHeaders) {
        let (_, page, _) = try await browser.send(.GET, "/logga-in")
        let token = try #require(Browser.csrf(in: page))
        return try await browser.send(.POST, path, form: fields.merging(["csrf": token]) { $1 })
    }

    /// The new-agreement form's fields as the page gives them, changed by `fields`.
    static func newAgreement(_ browser: inout Browser, _ fields: [String: String]) async throws -> (HTTPStatus, String, HTTPHeaders) {
        let (status, page, _) = try await browser.send(.GET, path("/ny"))
        #expect(status == .ok)
        let form = try Browser.formFields(in: page, action: path("/ny"))
        return try await browser.send(.POST, path("/ny"), form: form.merging(fields) { $1 })
    }

    func token(_ email: String) async throws -> String { try await app.apiToken(email) }

    func send(_ method: HTTPMethod, _ path: String, _ token: String?, _ body: String? = nil) async throws -> (HTTPStatus, String, HTTPHeaders) {
        try await app.api(method, path, token: token, body: body)
    }

    func agreement(_ key: String) async throws -> Agreement {
        try #require(try await AgreementQuery.agreement(key, organisationID: organisation.requireID(), on: app.db))
    }
}
