import AppTestSupport
@testable import Auth
import Fluent
@testable import FollowUp
import Foundation
@testable import Mail
@testable import Organisation
@testable import Plans
import SamsynApp
import Testing
import Vapor

@Suite("Follow-up: reminders by e-mail, and next year's plan")
struct RemindersAndCarryOverTests {
    typealias F = FollowUpFixture

    static func moment(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    @Test("Reporters with missing reports are reminded before the deadline and after it, once each, through a real SMTP server",
          .enabled(if: TestSMTPServer.available), arguments: Engine.enabled)
    func reminders(engine: Engine) async throws {
        let server = try TestSMTPServer()
        defer { server.stop() }
        try await withApp(engine, examples: false) { app in
            let fixture = try await F(app)
            let mine = fixture.activities[0]
            _ = try await FollowUpWork.setReporters([mine.lineage: F.reporter], tree: fixture.tree, organisationID: fixture.organisationID,
                                                    actor: .commandLine, on: app.db)
            let period = try await FollowUpWork.openPeriod(.init(name: "Tertial 1 2023", endsOn: "2023-04-30", deadline: "2023-05-15", remindDaysBefore: 7),
                                                          for: fixture.tree, organisationID: fixture.organisationID, actor: .commandLine, on: app.db)
            _ = try await FollowUpWork.report(.init(status: .ongoing, progress: 10, comment: ""), lineage: fixture.activities[1].lineage, in: period,
                                              tree: fixture.tree, expectedRevision: nil, actor: .commandLine, on: app.db)
            let enqueue = { (at: String) in try await Reminders.enqueueDue(at: Self.moment(at), publicURL: "https://samsyn.example", on: app.db) }
            // Editors: the demo has none here but the fixture's; administrators count as editors.
            let editors = try await ReporterQuery.editors(organisationID: fixture.organisationID, on: app.db).count
            #expect(try await enqueue("2023-05-07T08:00:00Z") == 0, "nine days before: nothing yet")
            #expect(try await enqueue("2023-05-08T08:00:00Z") == 1 + editors, "seven days before: the reporter and the editors")
            #expect(try await enqueue("2023-05-09T08:00:00Z") == 0, "once")
            _ = try await FollowUpWork.report(.init(status: .done, progress: nil, comment: ""), lineage: mine.lineage, in: period, tree: fixture.tree,
                                              expectedRevision: nil, actor: .commandLine, on: app.db)
            #expect(try await enqueue("2023-05-16T08:00:00Z") == editors, "after the deadline: only those still missing reports")
            #expect(try await enqueue("2023-05-20T08:00:00Z") == 0, "once")

            let messages = try await MailMessage.query(on: app.db).all()
            let toReporter = try #require(messages.first { $0.recipient == F.reporter })
            #expect(toReporter.subject == "Påminnelse: rapportera Tertial 1 2023 senast 2023-05-15")
            #expect(toReporter.body.contains("- \(mine.title)") && !toReporter.body.contains("- \(fixture.activities[2].title)"))
            #expect(toReporter.body.contains("https://samsyn.example/o/\(F.org)/uppfoljning/\(F.doc)/perioder/tertial-1-2023"))

            // A failed delivery is recorded and retried; then each arrives once.
            var wrong = server.settings()
            wrong.password = "fel"
            let start = Self.moment("2023-05-20T09:00:00Z")
            _ = try await MailSender(client: SMTPClient(settings: wrong)).sendDue(at: start, on: app.db, group: app.eventLoopGroup)
            #expect(try await MailAttempt.query(on: app.db).filter(\.$delivered == false).count() == messages.count)
            let sender = MailSender(client: SMTPClient(settings: server.settings()))
            let later = start.addingTimeInterval(MailSender.retryDelays[0] + 1)
            #expect(try await sender.sendDue(at: later, on: app.db, group: app.eventLoopGroup) == .init(sent: messages.count))
            #expect(try await sender.sendDue(at: later.addingTimeInterval(3600), on: app.db, group: app.eventLoopGroup) == .init())
            let received = try server.messages()
            #expect(received.count == messages.count && received.filter { $0.to == [F.reporter] }.count == 1)
        }
    }

    @Test("Copying to next year carries what was neither done nor cancelled in the latest closed period", arguments: Engine.enabled)
    func carryOver(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            let fixture = try await F(app)
            let period = try await FollowUpWork.openPeriod(.init(name: "Helår 2023", endsOn: "2023-12-31", deadline: "2024-01-31", remindDaysBefore: nil),
                                                          for: fixture.tree, organisationID: fixture.organisationID, actor: .commandLine, on: app.db)
            let statuses: [ActivityStatus] = [.done, .cancelled, .ongoing, .postponed, .planned]
            for (item, status) in zip(fixture.activities, statuses) {
                _ = try await FollowUpWork.report(.init(status: status, progress: nil, comment: ""), lineage: item.lineage, in: period, tree: fixture.tree,
                                                  expectedRevision: nil, actor: .commandLine, on: app.db)
            }
            try await FollowUpWork.close(period, tree: fixture.tree, actor: .commandLine, on: app.db)
            #expect(app.carryOverRule is ReportedCarryOver, "FollowUp answers Plans' question")
            let document = try #require(try await SteeringDocument.query(on: app.db).filter(\.$slug == F.doc).with(\.$versions).first())
            let copy = try await PlanEditing.copyDocument(document.versions[0], of: document, slug: "verksamhetsplan-2024", title: "Verksamhetsplan 2024",
                                                          period: (2024, 2024), carryOver: app.carryOverRule, actor: .commandLine, on: app.db)
            let version = try #require(try await DocumentVersion.query(on: app.db).filter(\.$document.$id == copy.requireID()).first())
            let carried = Set(try await PlanNode.query(on: app.db).filter(\.$version.$id == version.requireID())
                .filter(\.$levelIndex == 2).all().map { $0.lineage ?? $0.key })
            #expect(!carried.contains(fixture.activities[0].lineage) && !carried.contains(fixture.activities[1].lineage), "done and cancelled stay behind")
            #expect(carried.isSuperset(of: fixture.activities[2...].map(\.lineage)), "the rest, reported or not, is carried")
            #expect(carried.count == fixture.activities.count - 2)
        }
    }
}
