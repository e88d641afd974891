import Core
import Foundation
import OpenAPIKit

/// FollowUp's part of the OpenAPI document.
public enum FollowUpOpenAPI {
    static let rollUp = JSONSchema.record([
        "activities": .integer, "counts": .map(.integer), "missing": .integer, "meanProgress": JSONSchema.integer.optional,
    ], description: "Key activities under a goal (or the whole plan): counts by reported status, those not reported, mean progress")

    public static let components = OpenAPIComponents(
        schemas: [
            "RollUp": rollUp,
            "Report": .record([
                "lineage": .string, "title": .string, "status": .oneOf(ActivityStatus.self), "statusLabel": .string,
                "progress": JSONSchema.integer.optional, "comment": .string, "reportedAt": .string(format: .dateTime),
                "reportedBy": JSONSchema.string(description: "Only with a token, for the organisation's users").optional, "revision": .integer,
            ], description: "A key activity's report in a period"),
            "Proposal": .record(["verdict": .oneOf(Verdict.self), "rule": .integer, "basis": .string],
                                description: "Samsyn's proposed assessment: the rule table's row that decided, and the counts it rests on"),
            "Assessment": .record([
                "lineage": .string, "title": .string, "level": .string, "rollUp": .component("RollUp"),
                "verdict": JSONSchema.oneOf(Verdict.self).optional, "verdictLabel": JSONSchema.string.optional,
                "motivation": JSONSchema.string.optional, "assessedAt": JSONSchema.string(format: .dateTime).optional,
                "assessedBy": JSONSchema.string(description: "Only with a token").optional, "revision": .integer,
                "proposal": .component("Proposal"),
            ], description: "A goal or goal area in a period: the editor's assessment where made, and Samsyn's proposal"),
            "Period": .record([
                "key": .string, "name": .string, "version": .integer, "endsOn": .string(format: .date), "deadline": .string(format: .date),
                "remindDaysBefore": JSONSchema.integer.optional, "state": .oneOf(PeriodState.self),
                "closedAt": JSONSchema.string(format: .dateTime).optional,
                "example": JSONSchema.boolean(description: "True for demonstration data"),
                "rollUp": .component("RollUp"), "reports": .list(.component("Report")), "assessments": .list(.component("Assessment")),
            ], description: "A reporting period with its reports and assessments"),
            "FollowUp": .record([
                "organisation": .string, "document": .string, "version": .integer, "activityLevel": .string, "periods": .list(.component("Period")),
            ], description: "The follow-up of a document's version, oldest period first"),
            "NewPeriod": .record(["name": .string, "endsOn": .string(format: .date), "deadline": .string(format: .date),
                                  "remindDaysBefore": JSONSchema.integer.optional]),
            "ReportInput": .record(["status": .oneOf(ActivityStatus.self), "progress": JSONSchema.integer.optional,
                                    "comment": JSONSchema.string.optional,
                                    "revision": JSONSchema.integer(description: "The revision replaced (0 for the first report); a stale one is 409").optional]),
            "AssessmentInput": .record(["verdict": .oneOf(Verdict.self), "motivation": .string,
                                        "revision": JSONSchema.integer(description: "The revision replaced; a stale one is 409").optional]),
            "Indicator": .record([
                "key": .string, "document": .string, "lineage": .string, "goal": JSONSchema.string(description: "The goal's title").optional,
                "title": .string, "unit": .string, "direction": .oneOf(Indicator.Direction.self), "aggregate": .oneOf(Indicator.Aggregate.self),
                "baseline": JSONSchema.component("Baseline").optional, "kpi": JSONSchema.string(description: "A Kolada KPI id, e.g. N01951").optional,
                "kpiTitle": JSONSchema.string.optional, "kpiDescription": JSONSchema.string.optional, "kpiURL": JSONSchema.string(format: .other("uri")).optional,
                "source": JSONSchema.string.optional, "example": JSONSchema.boolean(description: "True for demonstration data"),
                "targets": .list(.component("Target")),
                "values": .list(.record(["area": JSONSchema.string(description: "A member's SCB code, or org"), "areaName": .string, "period": .string,
                                         "value": .number])),
                "trend": .record(["label": .string, "values": .list(.record(["period": .string, "value": .number]))]),
            ], description: "A goal's indicator: facts, targets, every value shown (typed in or from Kolada) and the trend against the targets"),
            "Baseline": .record(["value": .number, "year": .integer]),
            "Target": .record(["year": .integer, "value": .number]),
            "IndicatorInput": .record([
                "lineage": JSONSchema.string(description: "The goal or goal area; required when adding").optional,
                "key": JSONSchema.string(description: "The address segment when adding; made from the title when absent").optional,
                "title": .string, "unit": .string, "direction": .oneOf(Indicator.Direction.self), "aggregate": JSONSchema.oneOf(Indicator.Aggregate.self).optional,
                "baseline": JSONSchema.component("Baseline").optional, "kpi": JSONSchema.string.optional, "source": JSONSchema.string.optional,
                "targets": JSONSchema.list(.component("Target")).optional,
                "values": JSONSchema.list(.record(["area": .string, "period": .string, "value": .number])).optional,
            ], description: "An indicator to add, or to replace whole (facts, targets and typed-in values)"),
            "AnnualReport": .record([
                "year": .integer, "planTitle": JSONSchema.string.optional, "planSlug": JSONSchema.string.optional,
                "planVersion": JSONSchema.integer.optional, "periodName": JSONSchema.string.optional, "activityLevel": .string,
                "rollUp": JSONSchema.component("RollUp").optional,
                "areas": .list(.record(["title": .string, "level": .string, "rollUp": .component("RollUp"), "goals": .list(.record([
                    "title": .string, "level": .string, "verdict": JSONSchema.oneOf(Verdict.self).optional, "motivation": JSONSchema.string.optional,
                    "proposal": JSONSchema.string(description: "Samsyn's proposal where no assessment was made").optional,
                    "activities": .list(.record(["title": .string, "status": JSONSchema.oneOf(ActivityStatus.self).optional, "comment": .string])),
                ]))])),
                "indicators": .list(.record(["title": .string, "unit": .string, "label": .string, "value": JSONSchema.number.optional,
                                             "target": JSONSchema.number.optional, "reached": JSONSchema.boolean.optional, "example": .boolean])),
                "networks": .list(.record(["name": .string, "answers": .integer, "asked": .integer, "mean": JSONSchema.number.optional])),
                "quotes": .list(.record(["text": .string, "network": JSONSchema.string(description: "Absent for an anonymous quote").optional])),
                "example": JSONSchema.boolean(description: "True where any of it is demonstration data"),
            ], description: "An annual report's figures: as adopted for an adopted version, live for a draft (docs/decisions/0009)"),
            "KoladaImport": .record([
                "added": .integer, "changed": .integer, "deleted": .integer, "unchanged": .integer,
                "kpisAdded": .integer, "kpisChanged": .integer, "kpisUnchanged": .integer,
                "incomplete": JSONSchema.boolean(description: "The last page links to a next page that was not sent"),
            ], description: "What a Kolada import added, changed, deleted and left alone"),
        ],
        pathParameters: [
            "indicator": "An indicator's key, e.g. invanare-totalt",
            "period": "A reporting period's key, e.g. tertial-1-2023",
            "lineage": "A node's lineage (its identity across versions), e.g. jamlik-valfard",
        ])

    static let followUp = APIOperation("followUp", summary: "The closed reporting periods of a document with reports, assessments and roll-ups",
                                       response: .component("FollowUp"), errors: [404])
    static let periods = APIOperation("followUpPeriods", summary: "Every reporting period of a document, open ones included (the organisation's users)",
                                      response: .component("FollowUp"), errors: [404])
    static let period = APIOperation("followUpPeriod", summary: "A reporting period, open or closed (the organisation's users)",
                                     response: .component("Period"), errors: [404])
    static let openPeriod = APIOperation("openPeriod", summary: "Open a reporting period for the document's adopted version (editors)",
                                         requestBody: .component("NewPeriod"), status: 201, responseDescription: "Opened", response: .component("Period"),
                                         errors: [400, 404, 409, 422])
    static let report = APIOperation("saveReport", summary: "Report a key activity in an open period (its reporter or an editor); unchanged input changes nothing",
                                     requestBody: .component("ReportInput"), response: .component("Report"), errors: [400, 404, 409, 422])
    static let assessment = APIOperation("saveAssessment", summary: "Assess a goal or goal area in an open period (editors)",
                                         requestBody: .component("AssessmentInput"), response: .component("Assessment"), errors: [400, 404, 409, 422])
    static let indicators = APIOperation("indicators", summary: "The indicators of a published document's goals", response: .list(.component("Indicator")),
                                         errors: [404])
    static let indicator = APIOperation("indicator", summary: "One indicator with its values and trend", response: .component("Indicator"), errors: [404])
    static let annualReport = APIOperation("annualReport", summary: "The figures of the year's adopted annual report (verksamhetsberättelse), as adopted",
                                           response: .component("AnnualReport"), errors: [400, 404])
    static let createIndicator = APIOperation("createIndicator", summary: "Add an indicator to a goal or goal area (editors)",
                                              requestBody: .component("IndicatorInput"), status: 201, responseDescription: "Added",
                                              response: .component("Indicator"), errors: [400, 404, 422])
    static let replaceIndicator = APIOperation("replaceIndicator", summary: "Replace an indicator's facts, targets and typed-in values (editors); unchanged input changes nothing",
                                               requestBody: .component("IndicatorInput"), response: .component("Indicator"), errors: [400, 404, 422])
    static let deleteIndicator = APIOperation("deleteIndicator", summary: "Remove an indicator with its targets and typed-in values (editors)",
                                              status: 204, responseDescription: "Removed", response: nil, errors: [404])
    static let koladaImport = APIOperation("importKolada", summary: "Import Kolada files: one file in the Kolada API's JSON format (v2 or v3 data, or /kpi metadata), or a list of files that are the pages of one answer (editors)",
                                           requestBody: .object(description: "A Kolada file, or a list of files"), response: .component("KoladaImport"), errors: [400, 404, 422])
    static let closure = APIOperation("closePeriod", summary: "Close a period: its reports become public and can no longer change (editors)",
                                      status: 204, responseDescription: "Closed", response: nil, errors: [404, 409])
}
