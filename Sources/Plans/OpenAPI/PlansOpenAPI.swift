import Core
import OpenAPIKit

/// Plans' part of the OpenAPI document: its operations and the schemas of its request and
/// response types (checked against fully populated examples of those types by the contract test).
public enum PlansOpenAPI {
    public static let components = OpenAPIComponents(
        schemas: [
            "DocumentSummary": .record([
                "slug": .string, "kind": .oneOf(DocumentKind.self), "title": .string, "status": .oneOf(DocumentStatus.self),
                "version": .integer, "periodStart": JSONSchema.integer.optional, "periodEnd": JSONSchema.integer.optional,
                "adoptedBy": JSONSchema.string.optional, "adoptedOn": JSONSchema.string.optional,
            ], description: "A document with its newest public version; adoptedBy and adoptedOn only where the version states them"),
            "VersionInfo": .record([
                "number": .integer, "title": .string, "status": .oneOf(DocumentStatus.self),
                "periodStart": JSONSchema.integer.optional, "periodEnd": JSONSchema.integer.optional,
                "adoptedBy": JSONSchema.string.optional, "adoptedOn": JSONSchema.string.optional,
                "decisionReference": JSONSchema.string.optional,
                "furtherAdoptions": JSONSchema.list(.component("AdoptingBody")).optional, "levels": .list(.string),
                "frozenNames": JSONSchema.map(.string).optional,
            ], description: "A version of a document; furtherAdoptions lists the bodies besides adoptedBy that adopted it (each party of an agreement); frozenNames keeps partner and network names as they were at adoption"),
            "AdoptingBody": .record(["body": .string, "adoptedOn": JSONSchema.string(format: .date).optional, "decisionReference": JSONSchema.string.optional],
                                    description: "A body that adopted a version, with its own date and decision where known"),
            "Section": .record([
                "key": .string, "heading": JSONSchema.string.optional, "depth": .integer,
                "role": JSONSchema.oneOf(SectionRole.self).optional, "body": .string,
            ], description: "A prose section; the body is Markdown (paragraphs, lists, emphasis)"),
            "Agenda2030Entry": .record(["code": .string, "role": .oneOf(Agenda2030Role.self), "explanation": .string,
                                        "interpreted": JSONSchema.boolean.optional, "note": JSONSchema.string.optional],
                                       description: "An Agenda 2030 goal (\"11\") or target (\"11.3\") the document or node serves"),
            "NodeReference": .record(["document": .string, "node": .string]),
            "Node": .record([
                "key": .string, "lineage": .string, "level": .string, "depth": .integer, "title": .string, "text": .string,
                "responsibleUnit": JSONSchema.string.optional, "status": JSONSchema.string.optional,
                "partners": .list(.string), "networks": .list(.string), "strategies": .list(.string),
                "implements": .list(.component("NodeReference")), "agenda2030": .list(.component("Agenda2030Entry")),
                "references": .component("References"),
                "children": .list(.component("Node")),
            ], description: "A node of the goal tree; lineage is its identity across versions"),
            "Reference": .record(["key": JSONSchema.string.optional, "name": .string],
                                 description: "What a node points at, by key (nil for a unit name no unit of the organisation has) and by name"),
            "References": .record(["partners": .list(.component("Reference")), "networks": .list(.component("Reference")),
                                   "responsibleUnit": JSONSchema.component("Reference").optional],
                                  description: "The node's partners, networks and responsible unit with key and name alike"),
            "Document": .record([
                "organisation": .record(["slug": .string, "name": .string]), "slug": .string, "kind": .oneOf(DocumentKind.self),
                "version": .component("VersionInfo"), "versions": .list(.component("VersionInfo")),
                "sections": .list(.component("Section")), "agenda2030": .list(.component("Agenda2030Entry")), "nodes": .list(.component("Node")),
            ], description: "A public version of a document with its prose, Agenda 2030 mapping and tree; versions lists every public version, newest first"),
            "Tree": .record(["organisation": .string, "document": .string, "version": .integer, "levels": .list(.string),
                             "nodes": .list(.component("Node"))]),
            "NodeDetail": .record(["organisation": .string, "document": .string, "version": .integer, "path": .list(.string),
                                   "node": .component("Node")], description: "A node with the keys of its ancestors, root first"),
            "Agenda2030Uses": .record([
                "organisation": .string, "servedGoals": .list(.string),
                "uses": .list(.record([
                    "code": .string, "goal": .string, "role": .oneOf(Agenda2030Role.self), "explanation": .string,
                    "document": .string, "documentTitle": .string, "node": JSONSchema.string.optional, "nodeTitle": JSONSchema.string.optional,
                ])),
            ]),
            "Goal": .record([
                "code": .string, "titleSv": .string, "titleEn": .string,
                "targets": .list(.record(["code": .string, "goal": .string, "titleSv": .string, "shortTitleSv": .string, "titleEn": .string])),
            ]),
            "EditableNode": .record(["key": .string, "level": .string, "title": .string, "text": .string, "revision": .integer,
                                     "versionStatus": .oneOf(DocumentStatus.self)],
                                    description: "A node of any version, drafts too, with the revision its ETag carries"),
            "Created": .record(["document": .string, "version": .integer, "node": JSONSchema.string.optional]),
            "NewDocument": .record([
                "slug": .string, "title": .string, "kind": JSONSchema.oneOf(DocumentKind.self).optional, "levels": JSONSchema.list(.string).optional,
                "periodStart": year.optional, "periodEnd": year.optional,
                "copyOf": JSONSchema.string(description: "Copy this document's newest version instead of starting empty").optional,
            ]),
            "NewNode": .record(["title": .string, "parent": JSONSchema.string(description: "The parent's key; absent for the first level").optional]),
            "Move": .record(["parent": JSONSchema.string.optional, "direction": JSONSchema.oneOf(PlanEditing.Direction.self).optional],
                            description: "Either a new parent, or a step up or down among the siblings"),
            "Adoption": .record(["body": .string, "date": JSONSchema.string(format: .date), "reference": JSONSchema.string.optional]),
            "Facts": .record([
                "responsibleUnit": JSONSchema.string.optional, "status": JSONSchema.string.optional,
                "partners": JSONSchema.list(.string).optional, "networks": JSONSchema.list(.string).optional,
                "strategies": JSONSchema.list(.string).optional, "agenda2030": JSONSchema.list(.component("Agenda2030Entry")).optional,
            ]),
            "NodeUpdate": .record(["title": .string, "text": .string]),
            "VersionDetails": .record(["title": .string, "periodStart": year.optional, "periodEnd": year.optional],
                                      description: "A draft's title and period"),
            "SectionInput": .record([
                "heading": JSONSchema.string.optional, "depth": JSONSchema.integer(maximum: (3, exclusive: false), minimum: (1, exclusive: false)),
                "body": .string,
            ], description: "A prose section: an optional heading at depth 1–3 and a Markdown body"),
            "SectionCreated": .record(["key": .string]),
            "Step": .record(["direction": .oneOf(PlanEditing.Direction.self)], description: "One place up or down"),
            "HistoryEntry": .record([
                "at": JSONSchema.string(format: .dateTime).optional, "actor": .string, "action": .string, "actionLabel": .string, "subject": .string,
                "subjectName": JSONSchema.string.optional, "document": JSONSchema.string.optional, "documentTitle": JSONSchema.string.optional,
                "version": JSONSchema.integer.optional, "item": JSONSchema.string.optional,
                "before": JSONSchema.string.optional, "after": JSONSchema.string.optional,
            ], description: "A change: who, what, when, before and after, with the names the subject and its document had at the time"),
            "HistoryPage": .record(["page": .integer, "hasMore": .boolean, "entries": .list(.component("HistoryEntry"))],
                                   description: "50 changes a page, newest first"),
            "DiffField": .record(["label": .string, "old": .string, "new": .string, "words": .boolean],
                                 description: "A field that differs, in Swedish; words marks prose compared word by word"),
            "Comparison": .record([
                "organisation": .string, "document": .string, "from": .integer, "to": .integer,
                "changes": .record([
                    "document": .list(.component("DiffField")),
                    "sections": .list(.record(["kind": .oneOf(VersionDiff.Kind.self), "key": .string, "heading": .string,
                                               "fields": .list(.component("DiffField"))])),
                    "nodes": .list(.record(["kind": .oneOf(VersionDiff.Kind.self), "lineage": .string, "level": .string, "title": .string,
                                            "parentTitle": JSONSchema.string.optional, "previousParentTitle": JSONSchema.string.optional,
                                            "fields": .list(.component("DiffField"))])),
                ]),
            ], description: "What changed between two public versions: the document's title and period, its sections by key, its nodes by lineage"),
        ],
        pathParameters: [
            "doc": "Document slug, e.g. verksamhetsplan-2023",
            "node": "Node key, e.g. jamlik-valfard",
            "version": "A version number, e.g. 1",
            "section": "A prose section's key, e.g. natverk",
        ],
        pathParameterSchemas: ["version": versionNumber])

    static let versionNumber = JSONSchema.integer(maximum: (DocumentLimits.versionNumbers.upperBound, exclusive: false),
                                                  minimum: (DocumentLimits.versionNumbers.lowerBound, exclusive: false))
    static let year = JSONSchema.integer(maximum: (DocumentLimits.years.upperBound, exclusive: false),
                                         minimum: (DocumentLimits.years.lowerBound, exclusive: false))

    public static let versionQuery = OpenAPI.Parameter.query(name: "version", schema: versionNumber,
                                                      description: "A version number; the newest public version when absent")
    static let ifMatch = OpenAPI.Parameter.header(name: "If-Match", required: true, schema: .string, description: "The node's ETag from GET")

    static let agenda2030Goals = APIOperation("agenda2030Goals", summary: "The 17 Agenda 2030 goals with their targets, in Swedish and English",
                                              response: .list(.component("Goal")))
    static let agenda2030 = APIOperation("organisationAgenda2030", summary: "Which Agenda 2030 goals and targets the organisation's documents serve",
                                         response: .component("Agenda2030Uses"), errors: [404])
    static let documents = APIOperation("documents", summary: "The organisation's documents with their newest public version",
                                        response: .list(.component("DocumentSummary")), errors: [404],
                                        example: [DocumentSummary(slug: "verksamhetsplan-2023", kind: .verksamhetsplan, title: "Verksamhetsplan 2023",
                                                                  status: .adopted, version: 1, periodStart: 2023, periodEnd: 2023,
                                                                  adoptedBy: "Förbundsfullmäktige", adoptedOn: "2022-11-24")])
    static let document = APIOperation("document", summary: "A document version with its prose, Agenda 2030 mapping and tree",
                                       parameters: [versionQuery], response: .component("Document"), errors: [400, 404])
    static let tree = APIOperation("documentTree", summary: "A document version's goal tree", parameters: [versionQuery],
                                   response: .component("Tree"), errors: [400, 404])
    static let node = APIOperation("node", summary: "A node with its ancestors' keys", parameters: [versionQuery],
                                   response: .component("NodeDetail"), errors: [400, 404])

    static let comparison = APIOperation("documentComparison", summary: "What changed between two public versions of a document",
                                         parameters: [.query(name: "from", required: true, schema: versionNumber, description: "The earlier version"),
                                                      .query(name: "to", required: true, schema: versionNumber, description: "The later version")],
                                         response: .component("Comparison"), errors: [400, 404])

    static let editableVersion = APIOperation("editableVersion", summary: "Any version of a document with its prose and tree, drafts too",
                                              response: .component("Document"), errors: [404])
    static let history = APIOperation("history", summary: "Changes to the organisation's documents, newest first, filtered and paged",
                                      parameters: [
                                        .query(name: "document", schema: .string, description: "A document's slug"),
                                        .query(name: "item", schema: .string, description: "A node's lineage, or avsnitt:KEY for a prose section"),
                                        .query(name: "user", schema: .string, description: "Who made the change (e-mail)"),
                                        .query(name: "from", schema: .string(format: .date), description: "From this day (Stockholm time)"),
                                        .query(name: "to", schema: .string(format: .date), description: "To and with this day"),
                                        .query(name: "page", schema: .integer(maximum: (10_000, exclusive: false), minimum: (1, exclusive: false)),
                                               description: "Page, from 1"),
                                      ],
                                      response: .component("HistoryPage"), errors: [400, 404])
    static let saveVersion = APIOperation("saveVersion", summary: "Set a draft's title and period",
                                          requestBody: .component("VersionDetails"), status: 204, responseDescription: "Saved", response: nil,
                                          errors: [400, 404, 409, 422])
    static let discardVersion = APIOperation("discardVersion", summary: "Discard a draft; adopted versions cannot be removed",
                                             status: 204, responseDescription: "Discarded", response: nil, errors: [404, 409, 422])
    static let addSection = APIOperation("addSection", summary: "Add a prose section last in a draft", requestBody: .component("SectionInput"),
                                         status: 201, responseDescription: "Created", response: .component("SectionCreated"),
                                         errors: [400, 404, 409, 422])
    static let saveSection = APIOperation("saveSection", summary: "Save a prose section's heading, depth and text",
                                          requestBody: .component("SectionInput"), status: 204, responseDescription: "Saved", response: nil,
                                          errors: [400, 404, 409, 422])
    static let deleteSection = APIOperation("deleteSection", summary: "Remove a prose section (not the goal tree's place, nor a strategy nodes point at)",
                                            status: 204, responseDescription: "Removed", response: nil, errors: [404, 409, 422])
    static let moveSection = APIOperation("moveSection", summary: "Move a prose section one place up or down", requestBody: .component("Step"),
                                          status: 204, responseDescription: "Moved", response: nil, errors: [400, 404, 409, 422])

    static let editableNode = APIOperation("editableNode", summary: "A node of any version, drafts too, with its revision as ETag",
                                           response: .component("EditableNode"), errors: [404])
    static let saveNode = APIOperation("saveNode", summary: "Save a node's title and text; If-Match must carry the ETag from GET (a stale one is 412)",
                                       parameters: [ifMatch], requestBody: .component("NodeUpdate"), response: .component("EditableNode"),
                                       errors: [400, 404, 409, 412, 422, 428])
    static let createDocument = APIOperation("createDocument", summary: "Create a document: empty with its own level model, or as a copy of another's newest version",
                                             requestBody: .component("NewDocument"), status: 201, responseDescription: "Created",
                                             response: .component("Created"), errors: [400, 404, 409, 422])
    static let createVersion = APIOperation("createVersion", summary: "Start a draft as the next version of a document",
                                            status: 201, responseDescription: "Created", response: .component("Created"), errors: [404, 409])
    static let addNode = APIOperation("addNode", summary: "Add a node to a draft", requestBody: .component("NewNode"), status: 201,
                                      responseDescription: "Created", response: .component("Created"), errors: [400, 404, 409, 422])
    static let moveNode = APIOperation("moveNode", summary: "Move a node of a draft under another parent, or up or down among its siblings",
                                       requestBody: .component("Move"), status: 204, responseDescription: "Moved", response: nil,
                                       errors: [400, 404, 409, 422])
    static let deleteNode = APIOperation("deleteNode", summary: "Remove a node of a draft with everything under it",
                                         status: 204, responseDescription: "Removed", response: nil, errors: [404, 409])
    static let saveFacts = APIOperation("saveFacts", summary: "Save a node's facts: responsible unit, status, partners, networks, strategies, Agenda 2030",
                                        parameters: [ifMatch], requestBody: .component("Facts"), response: .component("EditableNode"),
                                        errors: [400, 404, 409, 412, 422, 428])
    static let furtherAdoption = APIOperation("furtherAdoption", summary: "Record one more body's decision on an adopted version (each party of an agreement)",
                                              requestBody: .component("AdoptingBody"), status: 204, responseDescription: "Recorded", response: nil,
                                              errors: [400, 404, 422])
    static let adopt = APIOperation("adopt", summary: "Adopt a draft: it is frozen and the version in force is superseded",
                                    requestBody: .component("Adoption"), status: 204, responseDescription: "Adopted", response: nil,
                                    errors: [400, 404, 409, 422])
}
