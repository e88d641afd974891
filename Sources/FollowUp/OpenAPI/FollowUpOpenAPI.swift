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
        ],
        pathParameters: [
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
    static let closure = APIOperation("closePeriod", summary: "Close a period: its reports become public and can no longer change (editors)",
                                      status: 204, responseDescription: "Closed", response: nil, errors: [404, 409])
}
