@testable import Agreements
import AppTestSupport
import Core
import Fluent
import Foundation
@testable import SamsynApp
import Testing
import Vapor

@Suite("The organisation file with its documents")
struct ArchiveTests {
    typealias F = AgreementsFixture

    @Test("An archive carries the file and the documents; the file alone round-trips everything else", arguments: Engine.enabled)
    func archive(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            let fixture = try await F(app)
            var editor = try await fixture.browser(F.editor)
            let upload = F.path("/hantera/skolfilm-i-norrbotten/dokument")
            #expect(try await DocumentsAndReviewsTests.upload(&editor, upload, name: "avtal.pdf", data: DocumentsAndReviewsTests.pdf, isPublic: true).0 == .seeOther)
            let json = try OrganisationExporter.encode(try await OrganisationExporter.export(slug: F.org, on: app.db))
            let archive = try await OrganisationExporter.archive(slug: F.org, on: app.db)
            let sha = try #require(try await AgreementDocument.query(on: app.db).first()?.sha256)
            let entries = try TarArchive.read(archive)
            #expect(entries.map(\.name) == ["organisation.json", "documents/\(sha)"])
            #expect(entries[0].data == json && entries[1].data == DocumentsAndReviewsTests.pdf)

            // tar itself reads it.
            let path = FileManager.default.temporaryDirectory.appending(path: "samsyn-\(UUID().uuidString).tar")
            try archive.write(to: path)
            defer { try? FileManager.default.removeItem(at: path) }
            let tar = Process()
            tar.executableURL = URL(fileURLWithPath: "/usr/bin/tar")
            tar.arguments = ["-tf", path.path]
            let pipe = Pipe()
            tar.standardOutput = pipe
            try tar.run()
            tar.waitUntilExit()
            #expect(String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) == "organisation.json\ndocuments/\(sha)\n")

            // On a machine without the bytes, the file alone brings everything but them.
            try await AgreementDocument.query(on: app.db).delete()
            _ = try await OrganisationImporter.importFileOrArchive(json, replace: true, on: app.db)
            let described = try #require(try await AgreementDocument.query(on: app.db).first())
            #expect(!described.stored && described.sha256 == sha)
            var visitor = Browser(app: app)
            #expect(try await visitor.send(.GET, F.path("/skolfilm-i-norrbotten")).1.contains("filen finns inte i den här installationen"))
            #expect(try OrganisationExporter.encode(try await OrganisationExporter.export(slug: F.org, on: app.db)) == json, "lossless without the bytes")

            _ = try await OrganisationImporter.importFileOrArchive(archive, replace: true, on: app.db)
            let restored = try #require(try await AgreementDocument.query(on: app.db).first())
            #expect(restored.stored && restored.data == DocumentsAndReviewsTests.pdf)
            #expect(try OrganisationExporter.encode(try await OrganisationExporter.export(slug: F.org, on: app.db)) == json)

            // A document whose bytes are not what its name says is refused, and nothing changes.
            var damaged = entries
            damaged[1] = TarArchive.Entry(name: damaged[1].name, data: Data("%PDF-other".utf8))
            let before = try await DatabaseFingerprint.take(app.db)
            await #expect(throws: ImportError.self) {
                try await OrganisationImporter.importFileOrArchive(try TarArchive.write(damaged), replace: true, on: app.db)
            }
            #expect(try await DatabaseFingerprint.take(app.db) == before)
        }
    }
}
