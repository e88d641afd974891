import Core
import OpenAPIKit

/// Organisation's part of the OpenAPI document: its operations and the schemas of its response
/// types (checked against fully populated examples of those types by the contract test).
public enum OrganisationOpenAPI {
    public static let components = OpenAPIComponents(
        schemas: [
            "Organisation": .record([
                "slug": .string, "name": .string, "kind": .oneOf(OrganisationKind.self),
                "county": JSONSchema.string.optional, "scbCode": JSONSchema.string.optional,
                "population": JSONSchema.integer.optional, "populationYear": JSONSchema.integer.optional,
                "populationSource": JSONSchema.string.optional,
            ], description: "A registry entry (population: 31 December of populationYear, from populationSource): a municipality, region, authority, university, civil-society organisation or association"),
            "Actor": .record(["key": .string, "slug": .string, "name": .string, "kind": .oneOf(OrganisationKind.self)],
                             description: "A registry entry as the structure points at it; key is the SCB code or the slug"),
            "Listing": .record(["heading": .string, "groups": .list(.string)]),
            "Unit": .record([
                "key": .string, "name": .string, "areasHeading": JSONSchema.string.optional, "areas": .list(.string),
                "steeringHeading": JSONSchema.string.optional, "steeringGroups": .list(.string), "listings": .list(.component("Listing")),
            ], description: "A unit of the organisation's staff, with the areas it covers and the networks listed under it"),
            "Seat": .record([
                "role": .string, "isCategory": .boolean, "person": JSONSchema.string.optional, "representing": JSONSchema.component("Actor").optional,
                "from": JSONSchema.string.optional, "to": JSONSchema.string.optional,
            ], description: "A seat, or (isCategory) a category of seats the documents describe without a count"),
            "ExternalBody": .record(["body": .string, "organisation": JSONSchema.component("Actor").optional],
                                    description: "A body of another organisation, named as the documents name it"),
            "Group": .record([
                "key": .string, "name": .string, "kind": .oneOf(GroupKind.self), "isBody": .boolean, "mandate": .string,
                "meetingRhythm": JSONSchema.string.optional, "reportsTo": JSONSchema.string.optional, "runBy": JSONSchema.string.optional,
                "runByActor": JSONSchema.component("Actor").optional, "convener": JSONSchema.component("Actor").optional,
                "partners": .list(.component("Actor")), "preparesFor": .list(.component("ExternalBody")), "seats": .list(.component("Seat")),
            ], description: "A body (organ), network or forum; runBy (a unit of the organisation), runByActor and convener only where the documents state them"),
            "Person": .record(["key": .string, "name": .string, "title": JSONSchema.string.optional]),
            "Structure": .record(["units": .list(.component("Unit")), "groups": .list(.component("Group")), "people": .list(.component("Person")),
                                  "chart": .list(.component("ChartBox"))]),
            "ChartBox": .record(["id": .string, "label": .string, "group": JSONSchema.string.optional, "row": .integer, "under": JSONSchema.string.optional,
                                         "person": JSONSchema.string.optional],
                                description: "A box of the organisation chart as the documents draw it: their words, the body it is, its row, the box it hangs from"),
            "PageLink": .record(["title": .string, "context": .string, "url": .string], description: "A link to a page, with the context it sits in"),
            "GroupDetail": .record([
                "group": .component("Group"),
                "listedUnder": .list(.record(["unit": .string, "heading": .string])),
                "steersUnits": .list(.string), "preparedBy": .list(.string), "activities": .list(.component("PageLink")),
            ]),
            "ActorDetail": .record([
                "actor": .component("Organisation"), "key": .string, "isMember": .boolean,
                "convenes": .list(.string), "takesPartIn": .list(.string),
                "seats": .list(.record(["group": .string, "seat": .component("Seat")])), "activities": .list(.component("PageLink")),
            ]),
            "Meeting": .record([
                "key": .string, "title": .string, "heldOn": .string(format: .date), "group": JSONSchema.string(description: "The body that met, if not the whole organisation").optional,
                "notes": JSONSchema.string.optional, "participants": .list(participant), "documents": .list(document),
            ], description: "A meeting record: when, who took part for which party, notes and documents"),
            "MeetingInput": .record([
                "title": .string, "heldOn": .string(format: .date), "group": JSONSchema.string.optional, "notes": JSONSchema.string.optional,
                "participants": .list(participant), "documents": .list(document),
            ]),
        ],
        pathParameters: [
            "org": "Organisation slug, e.g. norrbottens-kommuner",
            "group": "Key of a body, network or forum, e.g. styrelse",
            "unit": "Key of a unit, e.g. avdelning-social-valfard",
            "actor": "A registry entry's slug or SCB code, e.g. region-norrbotten or 2580",
            "meeting": "A meeting's key",
        ])

    static let participant = JSONSchema.record(["name": .string, "party": JSONSchema.string(description: "Registry key of the party").optional])
    static let document = JSONSchema.record(["title": .string, "url": .string])

    static let meetings = APIOperation("meetings", summary: "The organisation's meeting records, newest first", response: .list(.component("Meeting")), errors: [404])
    static let meeting = APIOperation("meeting", summary: "A meeting record", response: .component("Meeting"), errors: [404])
    static let createMeeting = APIOperation("createMeeting", summary: "Add a meeting record (editors)", requestBody: .component("MeetingInput"), status: 201,
                                            responseDescription: "Added", response: .component("Meeting"), errors: [400, 404, 422])
    static let replaceMeeting = APIOperation("replaceMeeting", summary: "Change a meeting record (editors)", requestBody: .component("MeetingInput"),
                                             response: .component("Meeting"), errors: [400, 404, 422])

    static let municipalities = APIOperation("municipalities", summary: "Sweden's 290 municipalities with SCB code, county and population",
                                             response: .list(.component("Organisation")))
    static let members = APIOperation("members", summary: "The organisation's members, in its own order",
                                      response: .list(.component("Organisation")), errors: [404],
                                      example: [OrganisationDTO(OrganisationRecord(slug: "kommun-2580", kind: .kommun, name: "Luleå", scbCode: "2580",
                                                                                   county: "Norrbottens län", population: 80_321, populationYear: 2025))])
    static let structure = APIOperation("structure", summary: "Units, bodies, networks and forums, and people",
                                        response: .component("Structure"), errors: [404])
    static let group = APIOperation("group", summary: "A body, network or forum with where it is listed and what involves it",
                                    response: .component("GroupDetail"), errors: [404])
    static let unit = APIOperation("unit", summary: "A unit of the organisation's staff", response: .component("Unit"), errors: [404])
    static let actor = APIOperation("actor", summary: "A member or partner seen from the organisation: what it convenes, takes part in and sits on",
                                    response: .component("ActorDetail"), errors: [404])
}
