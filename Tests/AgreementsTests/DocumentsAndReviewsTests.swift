@testable import Agreements
import AppTestSupport
@testable import Auth
import Fluent
import Foundation
@testable import Mail
@testable import Organisation
import SamsynApp
import Testing
import Vapor

@Suite("Documents, review reminders and the review calendar")
struct DocumentsAndReviewsTests {
    typealias F = AgreementsFixture

    /// A multipart upload of `data` named `name`, with the session's CSRF token.
    static func upload(_ browser: inout Browser, _ path: String, name: String, data: Data, isPublic: Bool) async throws -> (HTTPStatus, String, HTTPHeaders) {
        let (_, page, _) = try await browser.send(.GET, "/logga-in")
        let token = try #require(Browser.csrf(in: page))
        return try await browser.upload(path, fields: ["csrf": token].merging(isPublic ? ["public": "on"] : [:]) { $1 }, file: name, data: data)
    }

    static let pdf = Data("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)

    @Test("Files are typed by their bytes, limited in size, public or internal, and served as attachments that are never sniffed",
          arguments: Engine.enabled)
    func documents(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            let fixture = try await F(app)
            var editor = try await fixture.browser(F.editor)
            let upload = F.path("/hantera/skolfilm-i-norrbotten/dokument")
            let ok = try await Self.upload(&editor, upload, name: "../Avtal Skolfilm.PDF", data: Self.pdf, isPublic: true)
            #expect(ok.0 == .seeOther && ok.2.first(name: .location)?.hasSuffix("?klart=uppladdat#dokument") == true)
            _ = try await Self.upload(&editor, upload, name: "anteckningar.pdf", data: Self.pdf + Data("internt".utf8), isPublic: false)
            let documents = try await AgreementDocument.query(on: app.db).sort(\.$name).all()
            #expect(documents.map(\.name) == ["Avtal Skolfilm.pdf", "anteckningar.pdf"] && documents.allSatisfy { $0.contentType == "application/pdf" })
            let (publicDoc, internalDoc) = (documents[0], documents[1])

            var visitor = Browser(app: app)
            let page = try await visitor.send(.GET, F.path("/skolfilm-i-norrbotten")).1
            #expect(page.contains("Avtal Skolfilm.pdf") && !page.contains("anteckningar.pdf"))
            let download = try await visitor.send(.GET, F.path("/skolfilm-i-norrbotten/dokument/\(publicDoc.id!.uuidString.lowercased())"))
            #expect(download.0 == .ok && download.2.first(name: "X-Content-Type-Options") == "nosniff")
            #expect(download.2.first(name: .contentDisposition)?.hasPrefix("attachment; filename=\"Avtal Skolfilm.pdf\"") == true)
            #expect(download.2.contentType?.description == "application/pdf" && download.1.hasPrefix("%PDF-"))
            #expect(try await visitor.send(.GET, F.path("/skolfilm-i-norrbotten/dokument/\(internalDoc.id!.uuidString.lowercased())")).0 == .notFound)
            let staff = try await editor.send(.GET, F.path("/hantera/skolfilm-i-norrbotten/dokument/\(internalDoc.id!.uuidString.lowercased())"))
            #expect(staff.0 == .ok && staff.2.first(name: .cacheControl) == "private, no-store")

            let before = try await DatabaseFingerprint.take(app.db)
            let html = try await Self.upload(&editor, upload, name: "avtal.pdf", data: Data("<html><script>alert(1)</script></html>".utf8), isPublic: true)
            #expect(html.0 == .unprocessableEntity && html.1.contains("Filen är inte av en typ som tas emot") && html.1.contains("id=\"file-error\""))
            let big = try await Self.upload(&editor, upload, name: "stor.pdf", data: Self.pdf + Data(count: DocumentWork.maxBytes), isPublic: true)
            #expect(big.0 == .unprocessableEntity && big.1.contains("större än 10 MB"))
            #expect(try await DatabaseFingerprint.take(app.db) == before)

            // Removing asks first, then removes.
            let remove = F.path("/hantera/skolfilm-i-norrbotten/dokument/\(internalDoc.id!.uuidString.lowercased())/ta-bort")
            #expect(try await editor.send(.GET, remove).1.contains("Det går inte att ångra."))
            #expect(try await F.post(&editor, remove, ["confirmed": "ja"]).0 == .seeOther)
            #expect(try await AgreementDocument.query(on: app.db).count() == 1)
            var reader = try await fixture.browser(F.reader)
            #expect(try await Self.upload(&reader, upload, name: "x.pdf", data: Self.pdf, isPublic: true).0 == .forbidden)
        }
    }

    @Test("The person responsible is reminded 60 and 14 days before the review and once it has passed, each once", arguments: Engine.enabled)
    func reminders(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            let fixture = try await F(app)
            var editor = try await fixture.browser(F.editor)
            _ = try await F.newAgreement(&editor, ["title": "Avtal om vårdhygien i hemtjänst", "kind": "avtal", "status": "in-force",
                                                   "reviewOn": "2026-06-30", "reviewer": F.editor])
            let url = "https://samsyn.example"
            func run(_ day: String) async throws -> Int { try await ReviewReminders.enqueueDue(at: F.moment(day), publicURL: url, on: app.db) }
            #expect(try await run("2026-04-30") == 0, "61 days before")
            #expect(try await run("2026-05-01") == 1, "60 days before")
            #expect(try await run("2026-05-02") == 0, "once")
            #expect(try await run("2026-06-15") == 0, "15 days before")
            #expect(try await run("2026-06-16") == 1, "14 days before")
            #expect(try await run("2026-06-30") == 0, "on the day")
            #expect(try await run("2026-07-01") == 1, "the day after")
            #expect(try await run("2026-07-20") == 0)
            let mails = try await MailMessage.query(on: app.db).sort(\.$createdAt).all()
            #expect(mails.map(\.reason) == ["agreements.review.60", "agreements.review.14", "agreements.review.overdue"])
            #expect(mails.allSatisfy { $0.recipient == F.editor && $0.body.contains("\(url)/o/\(F.org)/avtal/hantera/avtal-om-vardhygien-i-hemtjanst") })
            #expect(mails[0].subject == "Omprövning 2026-06-30: Avtal om vårdhygien i hemtjänst")
            #expect(mails[2].subject == "Omprövningen har passerat: Avtal om vårdhygien i hemtjänst")
        }
    }

    @Test("A reminder reaches a real SMTP server", .enabled(if: TestSMTPServer.available), arguments: Engine.enabled)
    func sending(engine: Engine) async throws {
        let server = try TestSMTPServer()
        defer { server.stop() }
        try await withApp(engine, examples: false) { app in
            let fixture = try await F(app)
            var editor = try await fixture.browser(F.editor)
            _ = try await F.newAgreement(&editor, ["title": "Avtal om tolkar", "kind": "avtal", "status": "in-force", "reviewOn": "2026-04-01", "reviewer": F.editor])
            #expect(try await ReviewReminders.enqueueDue(at: F.moment("2026-03-20"), publicURL: "https://samsyn.example", on: app.db) == 1)
            let sent = try await MailSender(client: SMTPClient(settings: server.settings())).sendDue(on: app.db, group: app.eventLoopGroup)
            #expect(sent.sent == 1)
            #expect(try server.messages().first?.to == [F.editor])
        }
    }

    @Test("The review calendar: public for public agreements, the rest behind a secret address that can be revoked", arguments: Engine.enabled)
    func calendar(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            let fixture = try await F(app)
            var editor = try await fixture.browser(F.editor)
            _ = try await F.newAgreement(&editor, ["title": "Offentligt avtal, med komma; och semikolon", "kind": "avtal", "status": "in-force", "reviewOn": "2026-09-01"])
            _ = try await F.newAgreement(&editor, ["title": "Internt avtal", "kind": "avtal", "status": "in-force", "reviewOn": "2026-10-01", "public": ""])
            var visitor = Browser(app: app)
            let (status, feed, headers) = try await visitor.send(.GET, F.path("/kalender.ics"))
            #expect(status == .ok && headers.contentType?.description.hasPrefix("text/calendar") == true)
            #expect(feed.hasPrefix("BEGIN:VCALENDAR\r\n") && feed.hasSuffix("END:VCALENDAR\r\n"))
            #expect(feed.contains("DTSTART;VALUE=DATE:20260901\r\nDTEND;VALUE=DATE:20260902"))
            #expect(feed.contains(#"SUMMARY:Omprövning: Offentligt avtal\, med komma\; och semikolon"#))
            #expect(!feed.contains("Internt avtal"))
            #expect(feed.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 }, "lines are folded")
            let uid = try #require(HTMLCheck.matches(of: "UID:([^\r]+)", in: feed).first)
            #expect(try await visitor.send(.GET, F.path("/kalender.ics")).1.contains("UID:\(uid)"), "the same UID every time")

            let created = try await F.post(&editor, F.path("/omprovningar/kalenderlank"), ["action": "new"])
            let secret = try #require(HTMLCheck.matches(of: "<code>[^<]*?(/o/[^<]+)</code>", in: created.1).first)
            let full = try await visitor.send(.GET, secret)
            #expect(full.0 == .ok && full.1.contains("Internt avtal") && full.1.contains("Offentligt avtal"))
            #expect(try await CalendarFeed.query(on: app.db).first()?.tokenHash != secret.split(separator: "/").last.map(String.init))
            #expect(try await F.post(&editor, F.path("/omprovningar/kalenderlank"), ["action": "revoke"]).0 == .seeOther)
            #expect(try await visitor.send(.GET, secret).0 == .notFound)
            var reader = try await fixture.browser(F.reader)
            #expect(try await F.post(&reader, F.path("/omprovningar/kalenderlank"), ["action": "new"]).0 == .forbidden)
            let reviews = try await reader.send(.GET, F.path("/omprovningar?manader=12")).1
            #expect(reviews.contains("Internt avtal") && reviews.contains("2026-09-01"))
        }
    }
}
