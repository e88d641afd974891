import Core
import Foundation
import OpenAPIKit

/// The registry in the OpenAPI document.
enum AgreementsOpenAPI {
    static let party = JSONSchema.record([
        "organisation": JSONSchema.string(description: "A registry key (SCB code or slug)").optional,
        "members": JSONSchema.boolean(description: "True: all members of the organisation").optional,
        "description": JSONSchema.string(description: "A party without a registry entry").optional,
        "note": JSONSchema.string.optional, "signatory": JSONSchema.string(description: "Who signed for the party").optional,
    ])
    static let nodeReference = JSONSchema.record(["document": .string, "lineage": .string])
    static let named = JSONSchema.record(["key": .string, "name": .string])
    static let date = JSONSchema.string(format: .date)
    static let documentLink = JSONSchema.record(["slug": .string, "title": .string])
    static let commitment = JSONSchema.record([
        "document": .string, "lineage": .string, "key": .string, "text": .string,
        "principleKey": JSONSchema.string.optional, "principle": JSONSchema.string(description: "The node above it in the text").optional,
        "by": .oneOf(CommitmentBearer.self), "byLabel": .string,
    ])
    static let contentParty = JSONSchema.record(["organisation": JSONSchema.string.optional, "members": JSONSchema.boolean.optional, "name": .string,
                                                 "note": JSONSchema.string.optional, "signatory": JSONSchema.string.optional])

    static let components = OpenAPIComponents(
        schemas: [
            "Agreement": .record([
                "key": .string, "title": .string, "kind": .oneOf(AgreementKind.self), "status": .oneOf(AgreementStatus.self),
                "startsOn": date.optional, "endsOn": date.optional,
                "period": JSONSchema.string(description: "The period in words; whole years as years (\"2022–2030\")").optional,
                "reviewOn": date.optional, "reviewer": JSONSchema.string(description: "Absent in public answers").optional,
                "unit": named.optional, "isPublic": .boolean, "summary": JSONSchema.string.optional,
                "listedIn": JSONSchema.string(description: "The document whose list of agreements it stands in").optional,
                "listedInTitle": JSONSchema.string(description: "That document's title").optional,
                "heading": JSONSchema.string(description: "The list heading it stands under there").optional,
                "parties": .list(contentParty),
                "goals": .list(.record(["document": .string, "lineage": .string, "key": .string, "level": .string, "title": .string])),
                "activities": .list(.record(["document": .string, "lineage": .string, "key": .string, "level": .string, "title": .string])),
                "networks": .list(named),
                "documents": .list(.record(["id": .string, "name": .string, "contentType": .string, "size": .integer, "isPublic": .boolean,
                                            "available": .boolean, "uploadedAt": .string(format: .dateTime)])),
                "text": JSONSchema.component("DocumentLink").optional, "plans": .list(.component("DocumentLink")),
                "commitments": .list(commitment), "acceptsAccessions": .boolean,
                "revision": .integer,
                "history": .list(.record(["revision": .integer, "changedAt": .string(format: .dateTime),
                                          "changedBy": JSONSchema.string(description: "Absent in public answers").optional, "changes": .list(.string)])),
            ], description: "An agreement of the registry with its parties, links, documents and history"),
            "DocumentLink": documentLink,
            "PartyCommitments": .record(["agreement": .string, "agreementTitle": .string, "document": .string, "party": contentParty,
                                         "commitments": .list(commitment)],
                                        description: "What one party of an agreement owes: the commitments of all parties and those of its sector"),
            "Accession": .record(["name": .string, "joinedOn": date, "leftOn": date.optional],
                                 description: "An organisation that joined the agreement, with the day it joined and, if it left, the day it left"),
            "AccessionApplication": .record([
                "id": .string, "name": .string, "orgNumber": JSONSchema.string(description: "Organisationsnummer, NNNNNN-NNNN"),
                "contactName": .string, "contactEmail": .string, "area": .string, "scope": .string, "status": .oneOf(AccessionStatus.self),
                "submittedAt": .string(format: .dateTime), "decidedAt": JSONSchema.string(format: .dateTime).optional,
                "decidedBy": JSONSchema.string.optional, "reason": JSONSchema.string.optional, "joinedOn": date.optional, "leftOn": date.optional,
            ], description: "An application to join an agreement, with its contact details (the agreement's editors only)"),
            "AccessionDecision": .record(["decision": .oneOf(Accessions.Verdict.self),
                                          "reason": JSONSchema.string(description: "Required for a rejection; the applicant reads it").optional]),
            "ParticipationMark": .record(["document": .string, "lineage": .string, "title": .string, "level": .oneOf(ParticipationLevel.self)],
                                         description: "A key activity and the level of participation it offers (the European code's four levels)"),
            "AgreementInput": .record([
                "title": .string, "kind": .oneOf(AgreementKind.self), "status": .oneOf(AgreementStatus.self),
                "startsOn": date.optional, "endsOn": date.optional, "reviewOn": date.optional,
                "reviewer": JSONSchema.string(description: "E-mail of a user with a role in the organisation").optional,
                "unit": JSONSchema.string(description: "A unit's key").optional, "isPublic": JSONSchema.boolean.optional,
                "summary": JSONSchema.string.optional, "parties": JSONSchema.list(party).optional,
                "goals": JSONSchema.list(nodeReference).optional, "activities": JSONSchema.list(nodeReference).optional,
                "networks": JSONSchema.list(.string).optional,
                "text": JSONSchema.string(description: "The slug of the steering document carrying the agreement's text").optional,
                "plans": JSONSchema.list(.string).optional,
                "commitments": JSONSchema.list(.record(["node": .string, "by": .oneOf(CommitmentBearer.self)])).optional,
                "acceptsAccessions": JSONSchema.boolean(description: "Organisations may apply to join through the public form").optional,
                "revision": JSONSchema.integer(description: "PUT: the revision read; another save in between gives 409").optional,
            ]),
        ],
        pathParameters: ["agreement": "An agreement's key", "document": "A document's id", "party": "A party's registry key",
                         "application": "An application's id"])

    static func query(_ name: String, _ description: String) -> OpenAPI.Parameter {
        .query(name: name, schema: .string, description: description)
    }

    static let filters = [
        query("kind", "Only this kind"), query("status", "Only this status"),
        query("party", "Only agreements this registry entry (key) is party to; \"medlemmar\": those of all members"),
        query("unit", "Only this responsible unit (key)"), query("year", "Only agreements whose period includes this year"),
        query("q", "Words of the title"),
    ]

    static let list = APIOperation("agreements", summary: "The registry's public agreements, filtered", parameters: filters,
                                   response: .list(.component("Agreement")), errors: [404])
    static let registry = APIOperation("agreementRegistry", summary: "Every agreement, drafts and internal ones too, with who is responsible for each review (the organisation's users)",
                                       parameters: filters, response: .list(.component("Agreement")), errors: [404])
    static let participation = APIOperation("participation", summary: "Key activities marked with the level of participation they offer, in the documents' order",
                                            parameters: [query("level", "Only this level: information, samrad, dialog or partnerskap")],
                                            response: .list(.component("ParticipationMark")), errors: [404])
    static let partyCommitments = APIOperation("agreementParty", summary: "What one party of a public agreement has committed to",
                                    response: .component("PartyCommitments"), errors: [404])
    static let accessions = APIOperation("agreementAccessions", summary: "The organisations that joined an agreement open for accession, with their days",
                                         response: .list(.component("Accession")), errors: [404])
    static let applications = APIOperation("accessionApplications", summary: "The applications to join an agreement, with contact details (its editors)",
                                           response: .list(.component("AccessionApplication")), errors: [404])
    static let decide = APIOperation("decideAccession", summary: "Approve or reject a pending application to join (editors); a rejection needs a reason",
                                     requestBody: .component("AccessionDecision"), response: .component("AccessionApplication"), errors: [400, 404, 422])
    static let show = APIOperation("agreement", summary: "A public agreement", response: .component("Agreement"), errors: [404])
    static let create = APIOperation("createAgreement", summary: "Add an agreement to the registry (editors)", requestBody: .component("AgreementInput"),
                                     status: 201, responseDescription: "Added", response: .component("Agreement"), errors: [400, 404, 422])
    static let replace = APIOperation("replaceAgreement", summary: "Save a changed agreement as its next revision (editors)",
                                      requestBody: .component("AgreementInput"), response: .component("Agreement"), errors: [400, 404, 409, 422])
}
