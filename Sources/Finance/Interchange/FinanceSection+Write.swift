import Fluent
import Foundation

/// Writing what the finance section carries through the year: outcomes, forecasts, funding with its
/// sent reminders, the account mapping and the goal-area links. Budgets are written first.
extension FinanceSection {
    static func writeThroughTheYear(_ finance: FinanceEntry, organisationID: UUID, on db: any Database) async throws {
        for entry in finance.outcomes ?? [] {
            let row = Outcome()
            row.organisationID = organisationID
            row.year = entry.year
            row.month = entry.month
            row.side = entry.side
            row.costCentre = entry.costCentre
            row.ore = entry.ore
            row.source = entry.source
            row.importedAt = moment(entry.importedAt) ?? Date()
            row.example = entry.example ?? false
            try await row.create(on: db)
        }
        for entry in finance.forecasts ?? [] {
            let row = Forecast()
            row.organisationID = organisationID
            row.year = entry.year
            row.throughMonth = entry.throughMonth
            row.side = entry.side
            row.costCentre = entry.costCentre
            row.amount = entry.amount
            row.comment = entry.comment
            row.changedAt = moment(entry.changedAt) ?? Date()
            row.changedBy = entry.changedBy
            try await row.create(on: db)
        }
        for entry in finance.fundings ?? [] {
            let funding = Funding()
            funding.organisationID = organisationID
            funding.key = entry.key
            funding.spec = entry.spec
            funding.updatedAt = moment(entry.updatedAt) ?? Date()
            try await funding.create(on: db)
            for sent in entry.reminders ?? [] {
                let reminder = FundingReminder()
                reminder.$funding.id = try funding.requireID()
                reminder.deadline = sent.deadline
                reminder.recipient = sent.recipient
                reminder.sentAt = moment(sent.sentAt) ?? Date()
                try await reminder.create(on: db)
            }
        }
        if let mapping = finance.mapping {
            let record = OutcomeMappingRecord()
            record.organisationID = organisationID
            record.mapping = mapping
            record.updatedAt = Date()
            try await record.create(on: db)
        }
        for entry in finance.lineGoals ?? [] {
            let link = LineGoal()
            link.organisationID = organisationID
            link.year = entry.year
            link.costCentre = entry.costCentre
            link.document = entry.document
            link.lineage = entry.lineage
            link.example = entry.example ?? false
            try await link.create(on: db)
        }
    }
}
