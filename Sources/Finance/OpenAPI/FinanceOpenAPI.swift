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
                "year": .integer, "title": .string,
                "columns": .list(.record(["throughMonth": .integer, "label": .string])),
                "rows": .list(.record([
                    "side": .oneOf(BudgetSide.self), "costCentre": .string, "name": .string, "budget": .integer,
                    "cells": .list(.record(["throughMonth": .integer, "outcome": .integer, "budgetToDate": .integer, "deviation": .integer,
                                            "deviationPercent": JSONSchema.string(description: "One decimal with a point").optional])),
                ])),
                "sources": .list(.string),
            ], description: "Outcomes to the end of each tertial the books have reached, beside the budget to date (spread evenly), with deviations"),
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
        pathParameters: ["year": "A year, e.g. 2023"],
        pathParameterSchemas: ["year": .integer])

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
    static let outcomes = APIOperation("budgetOutcomes", summary: "A year's outcomes per line and tertial beside the budget to date",
                                       response: .component("Outcomes"), errors: [404])
    static let budgets = APIOperation("budgets", summary: "The organisation's budgets, newest first", response: .list(.component("BudgetSummary")), errors: [404])
    static let budget = APIOperation("budget", summary: "A year's budget beside the year before", response: .component("Budget"), errors: [404])
    static let fees = APIOperation("budgetFees", summary: "The member fees under the ceiling for a year's budget", response: .component("Fees"), errors: [404, 409])
}
