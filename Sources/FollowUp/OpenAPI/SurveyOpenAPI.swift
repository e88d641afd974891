import Core
import Foundation
import OpenAPIKit

/// The networks' survey in the OpenAPI document: all of it for the organisation's editors.
enum SurveyOpenAPI {
    static let question = JSONSchema.record(["kind": .oneOf(SurveyQuestion.Kind.self), "text": .string])

    static let components = OpenAPIComponents(
        schemas: [
            "Contact": .record(["id": .string(format: .uuid), "network": .string, "name": .string, "email": .string],
                               description: "A network's contact person (never public)"),
            "NewContact": .record(["network": JSONSchema.string(description: "The group's key"), "name": .string, "email": .string]),
            "SurveySummary": .record(["year": .integer, "title": .string, "closesOn": .string(format: .date), "networks": .list(.string),
                                      "example": .boolean, "asked": .integer, "answered": .integer]),
            "Survey": .record([
                "year": .integer, "title": .string, "questions": .list(question), "closesOn": .string(format: .date), "networks": .list(.string),
                "example": JSONSchema.boolean(description: "True for demonstration data"),
                "tally": .list(.record(["network": .string, "name": .string, "years": .list(.record([
                    "year": .integer, "answers": .integer, "asked": .integer, "mean": JSONSchema.number.optional,
                    "distribution": JSONSchema.list(.integer).with(description: "How many gave 1, 2, 3, 4 and 5"),
                ]))])),
                "quotes": .list(.record(["answer": .string(format: .uuid), "question": .integer, "text": .string,
                                         "network": JSONSchema.string(description: "Absent when the quote is anonymous").optional])),
                "answers": .list(.record(["id": .string(format: .uuid), "network": .string, "score": .integer, "texts": .list(.string),
                                          "consent": .oneOf(QuoteConsent.self), "answeredAt": .string(format: .dateTime), "quoted": .list(.integer)])),
            ], description: "A year's survey: the numbers per network over the years, the chosen quotes and every answer (editors only)"),
            "NewSurvey": .record(["year": .integer, "title": .string, "closesOn": .string(format: .date),
                                  "questions": JSONSchema.list(question).optional, "networks": .list(.string)]),
            "QuoteInput": .record(["answer": .string(format: .uuid), "question": JSONSchema.integer(description: "The text question, from 1"),
                                   "published": .boolean]),
        ],
        pathParameters: ["contact": "A contact's id", "year": "A survey's year, e.g. 2023"],
        pathParameterSchemas: ["year": .integer(maximum: (2100, exclusive: false), minimum: (2000, exclusive: false))])

    static let contacts = APIOperation("networkContacts", summary: "The networks' contact people (editors)", response: .list(.component("Contact")), errors: [404])
    static let addContact = APIOperation("addNetworkContact", summary: "Add a contact person to a network (editors)", requestBody: .component("NewContact"),
                                         status: 201, responseDescription: "Added", response: .component("Contact"), errors: [400, 404, 422])
    static let removeContact = APIOperation("removeNetworkContact", summary: "Remove a contact person (editors)", status: 204, responseDescription: "Removed",
                                            response: nil, errors: [404])
    static let surveys = APIOperation("surveys", summary: "The network surveys, with how many were asked and answered (editors)",
                                      response: .list(.component("SurveySummary")), errors: [404])
    static let survey = APIOperation("survey", summary: "A year's survey with its numbers, quotes and answers (editors)", response: .component("Survey"),
                                     errors: [404])
    static let open = APIOperation("openSurvey", summary: "Open the year's survey and send each contact of the chosen networks a personal link (editors)",
                                   requestBody: .component("NewSurvey"), status: 201, responseDescription: "Opened", response: .component("Survey"),
                                   errors: [400, 404, 422])
    static let quote = APIOperation("quoteAnswer", summary: "Publish or withdraw a quote of an answer's text; only answers that allow it (editors)",
                                    requestBody: .component("QuoteInput"), response: .component("Survey"), errors: [400, 404, 422])
}
