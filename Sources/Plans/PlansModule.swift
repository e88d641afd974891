import Core
import Fluent
import Organisation
import Vapor

/// Steering documents: their versions, prose and goal trees; their public pages, editor and API.
public enum PlansModule: AppModule {
    public static var migrations: [any Migration] {
        [CreatePlansDocuments(), CreatePlansDocumentVersions(), CreatePlansSections(), CreatePlansNodes(), CreatePlansAgenda2030Links(),
         UpdatePlansNodesAddLineageAndRevision(), UpdatePlansVersionsAddFrozenNames()]
    }

    public static func routes(_ routes: ModuleRoutes) throws {
        routes.pages.get(PlansURL.documents.pathComponents, use: DocumentController.index)
        routes.pages.get(PlansURL.document.pathComponents, use: DocumentController.show)
        routes.pages.get(PlansURL.version.pathComponents, use: DocumentController.show)
        routes.pages.get(PlansURL.compare.pathComponents, use: DocumentController.compare)
        routes.pages.get(PlansURL.node.pathComponents, use: DocumentController.node)
        routes.pages.get(PlansURL.versionNode.pathComponents, use: DocumentController.node)
        routes.pages.get(PlansURL.agenda2030.pathComponents, use: DocumentController.agenda2030)

        typealias Editor = PlansURL.Editor
        let form: HTTPBodyStreamStrategy = .collect(maxSize: "256kb")
        routes.signedIn.get(Editor.index.pathComponents, use: EditorController.index)
        routes.signedIn.on(.POST, Editor.newDocument.pathComponents, body: form, use: EditorController.newDocument)
        routes.signedIn.on(.POST, Editor.newDraft.pathComponents, body: form, use: EditorController.newDraft)
        routes.signedIn.on(.POST, Editor.copy.pathComponents, body: form, use: EditorController.copy)
        routes.signedIn.get(Editor.draft.pathComponents, use: EditorController.draft)
        routes.signedIn.get(Editor.preview.pathComponents, use: EditorController.preview)
        routes.signedIn.get(Editor.node.pathComponents, use: EditorController.nodeForm)
        routes.signedIn.on(.POST, Editor.node.pathComponents, body: form, use: EditorController.saveNode)
        routes.signedIn.on(.POST, Editor.adopt.pathComponents, body: form, use: EditorController.adopt)
        routes.signedIn.on(.POST, Editor.addNode.pathComponents, body: form, use: EditorController.addNode)
        routes.signedIn.on(.POST, Editor.facts.pathComponents, body: form, use: EditorController.saveFacts)
        routes.signedIn.on(.POST, Editor.reorder.pathComponents, body: form, use: EditorController.reorder)
        routes.signedIn.on(.POST, Editor.move.pathComponents, body: form, use: EditorController.move)
        routes.signedIn.on(.POST, Editor.remove.pathComponents, body: form, use: EditorController.remove)

        typealias API = PlansURL.API
        routes.publicAPI.get(API.agenda2030Goals.pathComponents, use: DocumentAPIController.agenda2030Goals).describe(PlansOpenAPI.agenda2030Goals)
        routes.publicAPI.get(API.agenda2030.pathComponents, use: DocumentAPIController.agenda2030).describe(PlansOpenAPI.agenda2030)
        routes.publicAPI.get(API.documents.pathComponents, use: DocumentAPIController.index).describe(PlansOpenAPI.documents)
        routes.publicAPI.get(API.document.pathComponents, use: DocumentAPIController.show).describe(PlansOpenAPI.document)
        routes.publicAPI.get(API.tree.pathComponents, use: DocumentAPIController.tree).describe(PlansOpenAPI.tree)
        routes.publicAPI.get(API.node.pathComponents, use: DocumentAPIController.node).describe(PlansOpenAPI.node)

        let write: HTTPBodyStreamStrategy = .collect(maxSize: "256kb")
        routes.tokenAPI.get(API.versionNode.pathComponents, use: EditorAPIController.getNode).describe(PlansOpenAPI.editableNode)
        routes.tokenAPI.on(.PUT, API.versionNode.pathComponents, body: write, use: EditorAPIController.putNode).describe(PlansOpenAPI.saveNode)
        routes.tokenAPI.on(.POST, API.documents.pathComponents, body: write, use: EditorAPIController.createDocument).describe(PlansOpenAPI.createDocument)
        routes.tokenAPI.on(.POST, API.versions.pathComponents, body: write, use: EditorAPIController.createVersion).describe(PlansOpenAPI.createVersion)
        routes.tokenAPI.on(.POST, API.versionNodes.pathComponents, body: write, use: EditorAPIController.addNode).describe(PlansOpenAPI.addNode)
        routes.tokenAPI.on(.POST, API.moveNode.pathComponents, body: write, use: EditorAPIController.moveNode).describe(PlansOpenAPI.moveNode)
        routes.tokenAPI.on(.DELETE, API.versionNode.pathComponents, use: EditorAPIController.deleteNode).describe(PlansOpenAPI.deleteNode)
        routes.tokenAPI.on(.PUT, API.facts.pathComponents, body: write, use: EditorAPIController.putFacts).describe(PlansOpenAPI.saveFacts)
        routes.tokenAPI.on(.POST, API.adoption.pathComponents, body: write, use: EditorAPIController.adopt).describe(PlansOpenAPI.adopt)
    }

    public static var openAPI: OpenAPIComponents { PlansOpenAPI.components }

    public static var fileSections: [any InterchangeSection.Type] { [DocumentsSection.self] }

    public static func navigation(tenant: String) -> [NavigationEntry] {
        [
            NavigationEntry("Styrdokument", url: PlansURL.documents.link(tenant), order: 10),
            NavigationEntry("Agenda 2030", url: PlansURL.agenda2030.link(tenant), order: 40),
        ]
    }

    public static func register(in app: Application) throws {
        // Key activities on the pages of the networks and partners they involve.
        app.pageSlots.register(OrganisationSlots.groupActivities) { subject, req in
            try await PublishedContent.activities(subject.organisation, on: req.db) { $0.networks.contains(subject.key) }
        }
        app.pageSlots.register(OrganisationSlots.actorActivities) { subject, req in
            try await PublishedContent.activities(subject.organisation, on: req.db) { $0.partners.contains(subject.key) }
        }
    }
}
