import AppTestSupport
import Core
@testable import Organisation
import ReferenceData
@testable import SamsynApp
import Testing

@Suite("Markdown, slugs, settings and reference data")
struct UnitTests {
    @Test func markdownRendersTheSubsetAndEscapesEverythingElse() {
        #expect(Markdown.html("Ett **fett** och *kursivt* ord.") == "<p>Ett <strong>fett</strong> och <em>kursivt</em> ord.</p>")
        #expect(Markdown.html("Första\nraden\n\nAndra") == "<p>Första raden</p>\n<p>Andra</p>")
        #expect(Markdown.html("- ett\n- två") == "<ul><li>ett</li><li>två</li></ul>")
        #expect(Markdown.html("<b onclick=\"x\">&</b>") == "<p>&lt;b onclick=&quot;x&quot;&gt;&amp;&lt;/b&gt;</p>")
        #expect(Markdown.html("**ostängd") == "<p><strong>ostängd</strong></p>")
        #expect(Markdown.plainText("**Fet** text\n\n- a\n- b") == "Fet text\n\na\nb")
    }

    @Test("Remembered conversions give the same HTML, past the memo's bound too")
    func markdownMemo() {
        let first = Markdown.html("Ett *andra* varv")
        #expect(Markdown.html("Ett *andra* varv") == first)
        for index in 0..<5_000 {
            #expect(Markdown.html("Rad **\(index)**") == "<p>Rad <strong>\(index)</strong></p>")
        }
        #expect(Markdown.html("Ett *andra* varv") == "<p>Ett <em>andra</em> varv</p>")
    }

    @Test func slugs() {
        #expect(Slug.make(from: "Hållbar samhällsutveckling och tillväxt") == "hallbar-samhallsutveckling-och-tillvaxt")
        #expect(Slug.make(from: "SKR:s enkät – 2023!") == "skr-s-enkat-2023")
        #expect(Slug.isValid("verksamhetsplan-2023"))
        for bad in ["", "-a", "a-", "a--b", "Stor", "å", String(repeating: "a", count: 121)] { #expect(!Slug.isValid(bad), "\(bad)") }
    }

    @Test func databaseSettingFromTheEnvironment() throws {
        #expect(try DatabaseSetting.from(environment: nil) == .sqliteFile(path: "samsyn.sqlite"))
        #expect(try DatabaseSetting.from(environment: "sqlite:///var/lib/samsyn.sqlite") == .sqliteFile(path: "/var/lib/samsyn.sqlite"))
        #expect(try DatabaseSetting.from(environment: "sqlite://data.sqlite") == .sqliteFile(path: "data.sqlite"))
        #expect(try DatabaseSetting.from(environment: "postgres://u:p@h:5432/d") == .postgres(url: "postgres://u:p@h:5432/d"))
        #expect(throws: DatabaseSetting.Invalid.self) { try DatabaseSetting.from(environment: "mysql://h/d") }
        #expect(throws: DatabaseSetting.Invalid.self) { try DatabaseSetting.from(environment: "sqlite://") }
    }

    @Test func referenceData() {
        #expect(Agenda2030.goals.count == 17)
        #expect(Agenda2030.targets.count == 169)
        #expect(Agenda2030.goal("11")?.titleSv == "Hållbara städer och samhällen")
        #expect(Agenda2030.isKnown("14.a") && Agenda2030.isKnown("3") && !Agenda2030.isKnown("18"))
        #expect(Municipalities.all.count == 290)
        #expect(Municipalities.named(code: "2580")?.name == "Luleå")
        #expect(Set(Municipalities.all.map(\.scbCode)).count == 290)
    }
}

@Suite("Migrations")
struct MigrationTests {
    @Test("Migrate, revert everything, migrate again", arguments: Engine.enabled)
    func migrateRevertMigrate(engine: Engine) async throws {
        try await withApp(engine) { app in
            try await app.autoRevert()
            try await migrate(app)
            try await migrate(app) // idempotent
            #expect(try await OrganisationRecord.query(on: app.db).count() == 290)
            #expect(try await Demo.loadIfMissing(on: app.db))
            #expect(try await !Demo.loadIfMissing(on: app.db))
        }
    }
}
