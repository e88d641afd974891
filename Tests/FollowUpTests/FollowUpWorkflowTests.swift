import AppTestSupport
@testable import Auth
import Core
import Fluent
@testable import FollowUp
import Foundation
@testable import Organisation
@testable import Plans
import SamsynApp
import Testing
import Vapor

/// Following up a plan in the browser: open a period, report, revise, close; what is public when.
@Suite("Follow-up: periods, reports and closing")
struct FollowUpWorkflowTests {
    typealias F = FollowUpFixture

    @Test("Open, report, revise and close a period; a closed period refuses writes; every revision is audited", arguments: Engine.enabled)
    func workflow(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            let fixture = try await F(app)
            var editor = try await fixture.browser(F.editor)
            let first = fixture.activities[0], second = fixture.activities[1]

            // Open a period from the form, prefilled from the first template.
            let (_, form, _) = try await editor.send(.GET, F.path("/perioder/ny"))
            #expect(form.contains("value=\"Tertial 1 2023\"") && form.contains("value=\"2023-04-30\"") && form.contains("value=\"2023-05-15\""))
            let opened = try await F.post(&editor, F.path("/perioder/ny"),
                                          ["name": "Tertial 1 2023", "endsOn": "2023-04-30", "deadline": "2023-05-15", "remindDaysBefore": "7"])
            #expect(opened.0 == .seeOther && opened.2.first(name: .location) == F.path("/perioder/tertial-1-2023?klart=oppnad"))
            let refused = try await F.post(&editor, F.path("/perioder/ny"), ["name": "Tertial 1 2023", "endsOn": "2023-04-30", "deadline": "2023-04-01"])
            #expect(refused.0 == .unprocessableEntity && refused.1.contains("Sista dag att rapportera kan inte ligga före periodens slut."))
            #expect(refused.1.contains("value=\"2023-04-01\""), "the form keeps what was typed")

            // Report, then revise; submitting unchanged changes nothing.
            let report = F.path("/perioder/tertial-1-2023/rapport/\(first.lineage)")
            #expect(try await F.post(&editor, report, ["status": "ongoing", "progress": "30", "comment": "Igång.", "revision": "0"]).0 == .seeOther)
            #expect(try await F.post(&editor, report, ["status": "ongoing", "progress": "45", "comment": "Halvvägs.", "revision": "1"]).0 == .seeOther)
            let unchanged = try await F.post(&editor, report, ["status": "ongoing", "progress": "45", "comment": "Halvvägs.", "revision": "2"])
            #expect(unchanged.2.first(name: .location)?.hasSuffix("klart=oforandrad") == true)
            let stale = try await F.post(&editor, report, ["status": "done", "progress": "100", "comment": "", "revision": "1"])
            #expect(stale.0 == .conflict && stale.1.contains("Någon annan har sparat"))
            let saved = try #require(try await ActivityReport.query(on: app.db).filter(\.$lineage == first.lineage).first())
            #expect(saved.revision == 2 && saved.progress == 45 && saved.comment == "Halvvägs." && saved.reportedBy == F.editor)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$action ~~ ["report.create", "report.update"]).all()
            #expect(audit.count == 2 && audit.contains { $0.before == "Pågående, 30 %: Igång." && $0.after == "Pågående, 45 %: Halvvägs." })
            let refusedProgress = try await F.post(&editor, report, ["status": "ongoing", "progress": "140", "comment": "", "revision": "2"])
            #expect(refusedProgress.0 == .unprocessableEntity && refusedProgress.1.contains("aria-invalid=\"true\""))

            // The period page lists what is reported and what is missing, by reporter.
            let (_, periodPage, _) = try await editor.send(.GET, F.path("/perioder/tertial-1-2023"))
            #expect(periodPage.contains("Per rapportör") && periodPage.contains("1 av \(fixture.activities.count)") && periodPage.contains(second.title))

            // Close; afterwards every write is refused with a sentence.
            let (_, confirm, _) = try await editor.send(.GET, F.path("/perioder/tertial-1-2023/stang"))
            #expect(confirm.contains("\(fixture.activities.count - 1) av \(fixture.activities.count) nyckelaktiviteter saknar rapport"))
            #expect(Browser.csrf(in: confirm) != nil, "the confirmation posts with the session's token")
            #expect(try await F.post(&editor, F.path("/perioder/tertial-1-2023/stang"), ["confirmed": "ja"]).0 == .seeOther)
            #expect(try await fixture.period("tertial-1-2023").state == .closed)
            let late = try await F.post(&editor, F.path("/perioder/tertial-1-2023/rapport/\(second.lineage)"), ["status": "done", "progress": "", "comment": "", "revision": "0"])
            #expect(late.0 == .conflict && late.1.contains("Perioden Tertial 1 2023 är stängd"))
            #expect(try await ActivityReport.query(on: app.db).count() == 1)
            let lateClose = try await F.post(&editor, F.path("/perioder/tertial-1-2023/stang"), ["confirmed": "ja"])
            #expect(lateClose.0 == .conflict)
            for action in Set(try await AuditEntry.query(on: app.db).all().map(\.action)) {
                #expect(AuditLog.swedish[action] != nil, "\(action) reads in Swedish in the history")
            }
            let period = try await fixture.period("tertial-1-2023")
            await #expect(throws: FollowUpWork.Failure.closed(period: "Tertial 1 2023")) {
                _ = try await FollowUpWork.assess(.achieved, motivation: "Sent", lineage: fixture.tree.roots[0].lineage, in: period, tree: fixture.tree,
                                                  expectedRevision: nil, actor: .commandLine, on: app.db)
            }
        }
    }

    @Test("Reports leave the adopted version's API body, ETag and export unchanged", arguments: Engine.enabled)
    func adoptedVersionUnchanged(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            let fixture = try await F(app)
            let api = "/api/v1/organisations/\(F.org)/documents/\(F.doc)"
            var reader = Browser(app: app)
            let before = try await reader.send(.GET, api)
            var context = InterchangeContext()
            let exportBefore = try await DocumentsSection.export(tenant: fixture.organisationID, context: &context, on: app.db)
            let period = try await FollowUpWork.openPeriod(.init(name: "Tertial 1 2023", endsOn: "2023-04-30", deadline: "2023-05-15", remindDaysBefore: nil),
                                                          for: fixture.tree, organisationID: fixture.organisationID, actor: .commandLine, on: app.db)
            for item in fixture.activities.prefix(5) {
                _ = try await FollowUpWork.report(.init(status: .done, progress: 100, comment: "Klart"), lineage: item.lineage, in: period, tree: fixture.tree,
                                                  expectedRevision: nil, actor: .commandLine, on: app.db)
            }
            try await FollowUpWork.close(period, tree: fixture.tree, actor: .commandLine, on: app.db)
            app.pageCache.removeAll()
            let after = try await reader.send(.GET, api)
            #expect(after.0 == .ok && after.1 == before.1 && after.2.first(name: .eTag) == before.2.first(name: .eTag))
            let exportAfter = try await DocumentsSection.export(tenant: fixture.organisationID, context: &context, on: app.db)
            #expect(exportAfter == exportBefore)
            #expect(try await reader.send(.GET, "/o/\(F.org)/dokument/\(F.doc)").1.contains(" – ✓ Genomförd, 100 %"), "while the page shows the reports")
        }
    }

    @Test("An open period is for the organisation's users; closing makes it public on the dashboard, plan, activity pages and API", arguments: Engine.enabled)
    func visibility(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            let fixture = try await F(app)
            let item = fixture.activities[2]
            let period = try await FollowUpWork.openPeriod(.init(name: "Tertial 2 2023", endsOn: "2023-08-31", deadline: "2023-09-15", remindDaysBefore: nil),
                                                          for: fixture.tree, organisationID: fixture.organisationID, actor: .commandLine, on: app.db)
            _ = try await FollowUpWork.report(.init(status: .postponed, progress: 10, comment: "Väntar på besked från SKR."), lineage: item.lineage,
                                              in: period, tree: fixture.tree, expectedRevision: nil, actor: .commandLine, on: app.db)
            // Each public place, and what it shows of the report once the period is closed.
            let publicPaths = [("/o/\(F.org)/uppfoljning/\(F.doc)", "Väntar på besked"), ("/o/\(F.org)/dokument/\(F.doc)", "‖ Uppskjuten, 10 %"),
                               ("/o/\(F.org)/dokument/\(F.doc)/\(item.key)", "Väntar på besked"),
                               ("/api/v1/organisations/\(F.org)/documents/\(F.doc)/follow-up", "Väntar på besked")]
            var anonymous = Browser(app: app)
            for (path, shown) in publicPaths {
                let (status, body, _) = try await anonymous.send(.GET, path)
                #expect(status == .ok && !body.contains(shown), "\(path) hides the open period")
            }
            #expect(try await anonymous.send(.GET, F.path("/perioder/tertial-2-2023")).0 == .seeOther, "the period page asks to sign in")
            #expect(try await anonymous.send(.GET, "/o/\(F.org)/uppfoljning/\(F.doc)?period=tertial-2-2023").0 == .notFound)
            var reader = try await fixture.browser(F.reader)
            #expect(try await reader.send(.GET, F.path("/perioder/tertial-2-2023")).1.contains("Väntar på besked"), "a reader of the organisation sees it")
            var stranger = try await fixture.browser(F.stranger)
            #expect(try await stranger.send(.GET, F.path("/perioder/tertial-2-2023")).0 == .forbidden, "another organisation's editor does not")

            try await FollowUpWork.close(period, tree: fixture.tree, actor: .commandLine, on: app.db)
            app.pageCache.removeAll()
            for (path, shown) in publicPaths {
                let (status, body, _) = try await anonymous.send(.GET, path)
                #expect(status == .ok && body.contains(shown), "\(path) shows the closed period")
            }
            let dashboard = try await anonymous.send(.GET, publicPaths[0].0).1
            #expect(dashboard.contains("Försenade och uppskjutna") && dashboard.contains(item.title))
            let csv = try await anonymous.send(.GET, "/o/\(F.org)/oppna-data/uppfoljning/\(F.doc)")
            #expect(csv.0 == .ok && csv.1.contains("tertial-2-2023,Tertial 2 2023,2023-08-31,1,\(item.lineage)"))
        }
    }

    @Test("The roll-up and dashboard counts equal the reports", arguments: Engine.enabled)
    func counts(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            let fixture = try await F(app)
            let period = try await FollowUpWork.openPeriod(.init(name: "Helår 2023", endsOn: "2023-12-31", deadline: "2024-01-31", remindDaysBefore: nil),
                                                          for: fixture.tree, organisationID: fixture.organisationID, actor: .commandLine, on: app.db)
            let area = fixture.tree.roots[0]
            let under = fixture.tree.activities(under: area)
            let statuses: [ActivityStatus] = [.done, .done, .ongoing, .postponed, .cancelled, .planned]
            for (item, status) in zip(under, statuses) {
                _ = try await FollowUpWork.report(.init(status: status, progress: status == .done ? 100 : 20, comment: ""), lineage: item.lineage,
                                                  in: period, tree: fixture.tree, expectedRevision: nil, actor: .commandLine, on: app.db)
            }
            try await FollowUpWork.close(period, tree: fixture.tree, actor: .commandLine, on: app.db)
            var anonymous = Browser(app: app)
            let json = try await anonymous.send(.GET, "/api/v1/organisations/\(F.org)/documents/\(F.doc)/follow-up").1
            let followUp = try JSONDecoder().decode(FollowUpDTO.self, from: Data(json.utf8))
            let assessed = try #require(followUp.periods.first?.assessments.first { $0.lineage == area.lineage })
            #expect(assessed.rollUp.counts == ["done": 2, "ongoing": 1, "postponed": 1, "cancelled": 1, "planned": 1])
            #expect(assessed.rollUp.missing == under.count - statuses.count && assessed.rollUp.activities == under.count)
            #expect(followUp.periods[0].rollUp.missing == fixture.activities.count - statuses.count)
            let page = try await anonymous.send(.GET, "/o/\(F.org)/dokument/\(F.doc)").1
            let phrase = "\(under.count) nyckelaktiviteter: 1 planerad, 1 pågående, 2 genomförda, 1 uppskjuten, 1 avbruten, \(under.count - 6) ej rapporterade"
            #expect(page.contains(phrase), "the plan page rolls the goal area up")
            let dashboard = try await anonymous.send(.GET, "/o/\(F.org)/uppfoljning/\(F.doc)").1
            #expect(dashboard.contains(phrase))
        }
    }
}
