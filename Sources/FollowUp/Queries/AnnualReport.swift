import Core
import Fluent
import Foundation
import Organisation
import Plans

/// The figures of a year's annual report (verksamhetsberättelse): the plan of the year as its latest
/// closed period of the year left it, the indicators against the year's targets, and the networks'
/// feedback with the chosen quotes. Assembled live for a draft, kept as adopted for an adopted
/// version (docs/decisions/0009).
public struct AnnualReportData: Codable, Equatable, Sendable {
    /// A roll-up as figures: counts by status name, as the API writes roll-ups.
    public struct Figures: Codable, Equatable, Sendable {
        public var activities: Int
        public var counts: [String: Int]
        public var missing: Int
        public var meanProgress: Int?

        init(_ rollUp: RollUp) {
            activities = rollUp.activities
            counts = Dictionary(uniqueKeysWithValues: rollUp.counts.map { ($0.key.rawValue, $0.value) })
            missing = rollUp.missing
            meanProgress = rollUp.meanProgress
        }

        var rollUp: RollUp {
            RollUp(activities: activities, counts: Dictionary(uniqueKeysWithValues: counts.compactMap { key, value in ActivityStatus(rawValue: key).map { ($0, value) } }),
                   missing: missing, meanProgress: meanProgress)
        }
    }

    public struct Activity: Codable, Equatable, Sendable {
        public var title: String
        public var status: ActivityStatus?
        public var comment: String
    }

    public struct Goal: Codable, Equatable, Sendable {
        public var title: String
        public var level: String
        public var verdict: Verdict?
        public var motivation: String?
        /// Samsyn's proposal where no assessment was made: its verdict and basis.
        public var proposal: String?
        public var activities: [Activity]
    }

    public struct Area: Codable, Equatable, Sendable {
        public var title: String
        public var level: String
        public var rollUp: Figures
        public var goals: [Goal]
    }

    public struct IndicatorLine: Codable, Equatable, Sendable {
        public var title: String
        public var unit: String
        public var label: String
        public var value: Double?
        public var target: Double?
        public var reached: Bool?
        public var example: Bool
    }

    public struct Network: Codable, Equatable, Sendable {
        public var name: String
        public var answers: Int
        public var asked: Int
        public var mean: Double?
    }

    public struct Quote: Codable, Equatable, Sendable {
        public var text: String
        public var network: String?
    }

    public var year: Int
    public var planTitle: String?
    public var planSlug: String?
    public var planVersion: Int?
    public var periodName: String?
    public var activityLevel: String
    public var rollUp: Figures?
    public var areas: [Area]
    public var indicators: [IndicatorLine]
    public var networks: [Network]
    public var quotes: [Quote]
    /// True where any of it is demonstration data.
    public var example: Bool
}

enum AnnualReportQuery {
    /// The year's figures for an organisation: its verksamhetsplan for `year` (the newest public
    /// version), the latest closed period ending that year, the indicators and the survey.
    static func assemble(year: Int, organisation: OrganisationRecord, on db: any Database) async throws -> AnnualReportData {
        let organisationID = try organisation.requireID()
        var data = AnnualReportData(year: year, activityLevel: "Nyckelaktivitet", areas: [], indicators: [], networks: [], quotes: [], example: false)
        let plans = try await DocumentQuery.slugs(organisationID: organisationID, kind: .verksamhetsplan, on: db)
        var found: FollowedTree?
        for plan in plans {
            if let tree = try await FollowedTreeQuery.load(organisation, document: plan, version: nil, on: db), tree.periodStart == year { found = tree; break }
        }
        if let tree = found {
            data.planTitle = tree.title
            data.planSlug = tree.documentSlug
            data.planVersion = tree.versionNumber
            data.activityLevel = tree.levels.last ?? data.activityLevel
            let periods = try await PeriodQuery.periods(organisationID: organisationID, document: tree.documentSlug, on: db)
                .filter { $0.state == .closed && $0.versionNumber == tree.versionNumber && $0.endsOn.hasPrefix(String(year)) }
            let indicators = try await IndicatorQuery.contents(organisation, document: tree.documentSlug, on: db)
            let contents = try await PeriodQuery.contents(periods, on: db)
            let dashboard = Dashboard(tree: tree, periods: contents, selectedKey: periods.last?.key, indicators: indicators)
            if let selected = dashboard.selected {
                data.periodName = selected.period.name
                data.rollUp = .init(dashboard.rollUp())
                data.example = selected.period.example
            }
            data.areas = tree.roots.map { area in
                AnnualReportData.Area(title: area.title, level: area.level, rollUp: .init(dashboard.rollUp(area)), goals: area.children.filter { !tree.isActivity($0) }.map { goal in
                    let assessment = dashboard.assessment(goal)
                    let proposal = dashboard.proposal(goal)
                    return AnnualReportData.Goal(
                        title: goal.title, level: goal.level, verdict: assessment?.verdict, motivation: assessment?.motivation,
                        proposal: dashboard.selected == nil || assessment != nil ? nil : "\(proposal.verdict.label). \(proposal.basis)",
                        activities: tree.activities(under: goal).map { item in
                            let report = dashboard.report(item.lineage)
                            return .init(title: item.title, status: report?.status, comment: report?.comment ?? "")
                        })
                })
            }
            data.indicators = indicators.map { indicator in
                let (label, series) = indicator.trend
                return .init(title: indicator.title, unit: indicator.unit, label: label, value: series[String(year)], target: indicator.targets[year],
                             reached: indicator.reachedTarget(in: year), example: indicator.example)
            }
        }
        let tally = try await SurveyQuery.tally(organisationID: organisationID, on: db)
        data.networks = tally.networks.compactMap { network in
            network.years.first { $0.year == year }.map { .init(name: network.name, answers: $0.answers, asked: $0.asked, mean: $0.mean) }
        }
        if let survey = try await Survey.query(on: db).filter(\.$organisationID == organisationID).filter(\.$year == year).first() {
            data.quotes = try await SurveyQuery.quotes(survey: survey, on: db).map { .init(text: $0.text, network: $0.network) }
            data.example = data.example || survey.example
        }
        return data
    }
}
