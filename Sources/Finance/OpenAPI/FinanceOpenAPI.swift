import Core
import OpenAPIKit

/// Finance in the OpenAPI document.
enum FinanceOpenAPI {
    static let row = JSONSchema.record([
        "side": .oneOf(BudgetSide.self), "costCentre": .string, "name": .string, "amount": JSONSchema.integer(description: "Whole kronor; costs negative").optional,
        "notes": .list(.string), "comparison": JSONSchema.integer(description: "The year before").optional, "comparisonNotes": .list(.string),
    ])
    static let total = JSONSchema.record(["amount": .integer, "notes": .list(.string), "comparison": JSONSchema.integer.optional, "comparisonNotes": .list(.string)])
    static let date = JSONSchema.string(format: .date)
    static let feeBasis = JSONSchema.record([
        "perMille": JSONSchema.string(description: "The ceiling's rate in per mille, a decimal with a point"),
        "ceilingPeriod": JSONSchema.string.optional, "taxCapacity": .integer, "taxCapacityYear": .integer,
        "taxCapacityKind": .oneOf(TaxCapacityKind.self), "taxCapacitySource": .string, "populationDate": date, "populationSource": .string,
        "populations": .list(.record(["member": .string, "population": .integer])),
    ], description: "The inputs of the member fees, each with its source")

    static let components = OpenAPIComponents(
        schemas: [
            "BudgetSummary": .record(["year": .integer, "title": .string, "status": .oneOf(BudgetStatus.self), "result": .integer]),
            "Budget": .record([
                "year": .integer, "title": .string, "status": .oneOf(BudgetStatus.self), "statusLabel": .string,
                "adoptedBy": JSONSchema.string.optional, "adoptedOn": date.optional, "decisionReference": JSONSchema.string.optional,
                "listedIn": JSONSchema.string(description: "The plan whose section shows it").optional, "heading": JSONSchema.string.optional,
                "introduction": JSONSchema.string(description: "Markdown").optional,
                "comparisonYear": JSONSchema.integer.optional, "comparisonTitle": JSONSchema.string.optional,
                "costs": .list(row), "revenues": .list(row), "costSum": total, "revenueSum": total,
                "result": JSONSchema.record(["amount": .integer, "notes": .list(.string), "comparison": JSONSchema.integer.optional, "comparisonNotes": .list(.string)],
                                            description: "Revenues plus costs; negative is a planned deficit"),
                "notes": .list(.record(["marker": .string, "text": .string])),
                "financingCostCentre": JSONSchema.string(description: "The revenue line the members finance").optional,
                "revision": .integer,
                "history": .list(.record(["revision": .integer, "changedAt": .string(format: .dateTime), "status": .oneOf(BudgetStatus.self),
                                          "changes": .list(.string)])),
            ], description: "A year's budget beside the year before; sums and the result computed from the lines; history newest first"),
            "Outcomes": .record([
                "year": .integer, "title": .string, "latestMonth": JSONSchema.integer(description: "The latest month the books have reached; 0 for none"),
                "columns": .list(.record(["throughMonth": .integer, "label": .string,
                                          "periods": .list(.string)])),
                "rows": .list(.record([
                    "side": .oneOf(BudgetSide.self), "costCentre": .string, "name": .string, "budget": .integer, "cells": .list(outcomeCell),
                ])),
                "result": .list(outcomeCell),
                "sources": .list(.string), "example": JSONSchema.boolean(description: "Invented books (the demo's)"),
                "refused": .list(.string),
            ], description: "Outcomes to the end of each follow-up period the books have reached (tertials where there are none) and to the latest month, beside the budget to date (spread evenly), with deviations and forecasts"),
            "ImportReport": .record([
                "year": .integer, "months": .list(.integer), "added": .integer, "changed": .integer, "removed": .integer, "unchanged": .integer,
                "markedAsOwn": JSONSchema.integer(description: "Rows with the same amount that were example data and are now the organisation's own (not counted as changed)"),
                "unmapped": JSONSchema.integer(description: "Rows of the file that are no budget line's"),
                "notInBudget": .list(.string),
                "warnings": .list(.record(["line": JSONSchema.integer.optional, "english": .string, "swedish": .string])),
            ], description: "What an import changed; warnings say where the file disagrees with itself (#RES against the year read, #PSALDO against the vouchers, unbalanced vouchers, rows without an account)"),
            "ForecastInput": .record([
                "throughMonth": JSONSchema.integer(description: "The month the forecast is made at the end of, 1–12"),
                "lines": .list(.record(["side": .oneOf(BudgetSide.self), "costCentre": .string, "amount": JSONSchema.integer(description: "Whole kronor; costs negative"),
                                        "comment": JSONSchema.string.optional])),
            ], description: "The forecasts made at a month's end; a line left out has none"),
            "Financing": .record([
                "year": .integer,
                "lines": .list(.record(["costCentre": .string, "name": .string, "cost": .integer, "external": .integer,
                                        "byMembers": JSONSchema.integer(description: "Cost less external funding: what member fees and other revenues carry"),
                                        "fundings": .list(.string),
                                        "goalArea": JSONSchema.record(["document": .string, "lineage": .string, "title": .string, "example": .boolean]).optional])),
                "other": .list(.record(["key": .string, "title": .string, "amount": JSONSchema.integer.optional, "reason": .string])),
            ], description: "How a year's costs are financed per cost centre; funding not put on a year or a line is listed in other, not spread"),
            "FundingSpec": fundingSpec,
            "GoalAreaLinks": .record(["lines": .list(.record(["costCentre": .string, "document": .string,
                                                              "lineage": JSONSchema.string(description: "A goal area: a top-level node of a published plan")]))],
                                     description: "The year's cost lines linked to goal areas; a line left out has none"),
            "OutcomeMapping": .record([
                "rules": .list(.record(["from": JSONSchema.integer(description: "The first account"), "to": JSONSchema.integer(description: "The last account"),
                                        "object": JSONSchema.string(description: "The cost-centre object (dimension 1) the rule is limited to").optional,
                                        "side": .oneOf(BudgetSide.self),
                                        "costCentre": JSONSchema.string(description: "The budget line; the row's own object when absent").optional])),
            ], description: "Rules tried in order; the first that fits a row gives its side and budget line. The standard: 3000–3999 revenue, 4000–8999 cost"),
            "FundingInput": .record(["key": JSONSchema.string(description: "The address segment; from the title when absent").optional, "spec": .component("FundingSpec")]),
            "Funding": .record([
                "key": .string, "title": .string, "funder": .record(["key": .string, "name": .string]), "programme": .string, "amount": .integer,
                "startsOn": date, "endsOn": date, "byYear": .list(yearAmount), "costCentre": JSONSchema.string.optional,
                "activities": .list(.record(["document": .string, "lineage": .string, "title": .string, "documentTitle": .string, "url": JSONSchema.string.optional])),
                "projects": .list(.string), "deadlines": .list(deadline), "summary": JSONSchema.string.optional, "example": .boolean,
            ], description: "External funding with what it pays for and the funder's reporting deadlines"),
            "NewBudget": .record(["year": .integer, "copyOf": JSONSchema.integer(description: "The year before, to start from its budget").optional]),
            "BudgetInput": .record(["spec": specInput, "revision": JSONSchema.integer(description: "The revision read; another save in between gives 409").optional]),
            "BudgetDecision": .record(["adoptedBy": .string, "adoptedOn": date, "decisionReference": JSONSchema.string.optional]),
            "FeeBasis": feeBasis,
            "Fees": .record([
                "year": .integer, "title": .string,
                "basis": .component("FeeBasis"),
                "table": .record([
                    "members": .list(.record(["member": .string, "name": .string, "population": .integer, "ceiling": .integer,
                                              "financing": JSONSchema.integer.optional])),
                    "population": .integer, "ceiling": .integer, "financing": JSONSchema.integer.optional,
                    "deviation": JSONSchema.integer(description: "Financing minus the ceiling computed with these inputs").optional,
                    "impliedTaxCapacity": JSONSchema.integer(description: "The tax capacity per inhabitant that would make the ceiling equal the financing").optional,
                ]),
            ], description: "The member fees of a year: inputs with sources, and the ceiling and financing per member (largest remainder, adding up exactly)"),
        ],
        pathParameters: ["year": "A year, e.g. 2023", "funding": "A funding's key, e.g. yrkesresan-esf"],
        pathParameterSchemas: ["year": .integer])

    static let outcomeCell = JSONSchema.record(["throughMonth": .integer, "outcome": .integer, "budgetToDate": .integer, "deviation": .integer,
                                                "deviationPercent": JSONSchema.string(description: "One decimal with a point").optional,
                                                "forecast": JSONSchema.integer(description: "The year's outcome as forecast at this point").optional,
                                                "forecastComment": JSONSchema.string.optional])
    static let yearAmount = JSONSchema.record(["year": .integer, "amount": .integer])
    static let deadline = JSONSchema.record(["on": date, "what": .string, "remindDaysBefore": .integer, "reportedOn": date.optional])
    static let fundingSpec = JSONSchema.record([
        "title": .string, "funder": JSONSchema.string(description: "A registry organisation's key (SCB code or slug)"), "programme": .string,
        "amount": JSONSchema.integer(description: "The whole grant in kronor"), "startsOn": date, "endsOn": date,
        "byYear": JSONSchema.list(yearAmount).optional, "costCentre": JSONSchema.string.optional,
        "activities": JSONSchema.list(.record(["document": .string, "lineage": .string])).optional, "projects": JSONSchema.list(.string).optional,
        "deadlines": JSONSchema.list(deadline).optional, "contact": JSONSchema.string(description: "E-mail of who is reminded").optional,
        "summary": JSONSchema.string.optional, "example": JSONSchema.boolean.optional,
    ])

    static var importOutcomes: APIOperation {
        var operation = APIOperation("importOutcomes", summary: "Read outcomes from an SIE 4 file (PC8) or a CSV per line and month, sent as the body (editors)",
                                     description: "The file's months replace those months' outcomes; the same file twice changes nothing. A malformed file names its line and writes nothing.",
                                     requestBody: JSONSchema.string(description: "The file as it is: SIE 4 in PC8, or CSV in UTF-8"), response: .component("ImportReport"), errors: [400, 404, 422])
        operation.requestContentTypes = [OpenAPI.ContentType(rawValue: "application/octet-stream")!, OpenAPI.ContentType.csv, OpenAPI.ContentType.txt]
        return operation
    }
    static let forecasts = APIOperation("setForecasts", summary: "Set the forecasts for the year made at a month's end (editors)", requestBody: .component("ForecastInput"),
                                        response: .component("Outcomes"), errors: [400, 404, 422])
    static let financing = APIOperation("budgetFinancing", summary: "A year's costs per cost centre: external funding and what member fees carry",
                                        response: .component("Financing"), errors: [404])
    static let goalAreas = APIOperation("setBudgetGoalAreas", summary: "Link the year's cost lines to goal areas (editors)",
                                        requestBody: .component("GoalAreaLinks"), response: .component("Financing"), errors: [400, 404, 422])
    static let mapping = APIOperation("outcomeMapping", summary: "How the books' accounts and cost-centre objects map to the budget's lines",
                                      response: .component("OutcomeMapping"), errors: [404])
    static let replaceMapping = APIOperation("replaceOutcomeMapping", summary: "Replace the mapping the next imports use (editors)",
                                             requestBody: .component("OutcomeMapping"), response: .component("OutcomeMapping"), errors: [400, 404, 422])
    static let fundings = APIOperation("fundings", summary: "The organisation's external funding", response: .list(.component("Funding")), errors: [404])
    static let funding = APIOperation("funding", summary: "One external funding", response: .component("Funding"), errors: [404])
    static let createFunding = APIOperation("createFunding", summary: "Add external funding (editors)", requestBody: .component("FundingInput"), status: 201,
                                            responseDescription: "Created", response: .component("Funding"), errors: [400, 404, 409, 422])
    static let replaceFunding = APIOperation("replaceFunding", summary: "Replace a funding's spec (editors)", requestBody: .component("FundingInput"),
                                             response: .component("Funding"), errors: [400, 404, 409, 422])
    static let deleteFunding = APIOperation("deleteFunding", summary: "Remove a funding and its reminders (editors)", status: 204, responseDescription: "Removed",
                                            response: nil, errors: [404])

    static let lineInput = JSONSchema.record(["side": .oneOf(BudgetSide.self), "costCentre": .string, "name": .string,
                                              "amount": JSONSchema.integer(description: "Whole kronor; costs negative"), "notes": JSONSchema.list(.string).optional])
    static let specInput = JSONSchema.record([
        "title": .string, "listedIn": JSONSchema.string.optional, "heading": JSONSchema.string.optional, "introduction": JSONSchema.string.optional,
        "adoptedBy": JSONSchema.string.optional, "adoptedOn": date.optional, "decisionReference": JSONSchema.string.optional,
        "lines": .list(lineInput), "notes": JSONSchema.list(.record(["marker": .string, "text": .string])).optional,
        "costSumNotes": JSONSchema.list(.string).optional, "revenueSumNotes": JSONSchema.list(.string).optional, "resultNotes": JSONSchema.list(.string).optional,
        "financingCostCentre": JSONSchema.string.optional, "fees": JSONSchema.component("FeeBasis").optional,
    ])
    static let create = APIOperation("createBudget", summary: "A new proposal for a year: empty, or a copy of the year before (editors)",
                                     requestBody: .component("NewBudget"), status: 201, responseDescription: "Created", response: .component("Budget"),
                                     errors: [400, 404, 409, 422])
    static let replace = APIOperation("replaceBudget", summary: "Replace a proposal's spec as its next revision (editors); an adopted budget gives 409",
                                      requestBody: .component("BudgetInput"), response: .component("Budget"), errors: [400, 404, 409, 422])
    static let adopt = APIOperation("adoptBudget", summary: "Record förbundsfullmäktige's decision: the budget is adopted and frozen (editors)",
                                    requestBody: .component("BudgetDecision"), status: 204, responseDescription: "Adopted", response: nil, errors: [400, 404, 409, 422])
    static let outcomes = APIOperation("budgetOutcomes", summary: "A year's outcomes per line at each follow-up period's end beside the budget to date, with forecasts",
                                       response: .component("Outcomes"), errors: [404])
    static let budgets = APIOperation("budgets", summary: "The organisation's budgets, newest first", response: .list(.component("BudgetSummary")), errors: [404])
    static let budget = APIOperation("budget", summary: "A year's budget beside the year before", response: .component("Budget"), errors: [404])
    static let fees = APIOperation("budgetFees", summary: "The member fees under the ceiling for a year's budget", response: .component("Fees"), errors: [404, 409])
}
