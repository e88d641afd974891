import Core
import Fluent
import Organisation
import SQLKit
import Vapor

/// Steering documents: their versions, prose and goal trees; their public pages, editor and API.
public enum PlansModule: AppModule {
    public static var migrations: [any Migration] {
        [CreatePlansDocuments(), CreatePlansDocumentVersions(), CreatePlansSections(), CreatePlansNodes(), CreatePlansAgenda2030Links(),
         UpdatePlansNodesAddLineageAndRevision(), UpdatePlansVersionsAddFrozenNames(), UpdatePlansAgendaLinksAddInterpreted(),
         UpdatePlansAddFurtherAdoptionsAndNotes()]
    }

    public static func routes(_ routes: ModuleRoutes) throws {
        routes.pages.get(PlansURL.documents.pathComponents, use: DocumentController.index)
        routes.pages.get(PlansURL.document.pathComponents, use: DocumentController.show).reads("version")
        routes.pages.get(PlansURL.version.pathComponents, use: DocumentController.show)
        routes.pages.get(PlansURL.compare.pathComponents, use: DocumentController.compare).reads("fran", "till")
        routes.pages.get(PlansURL.node.pathComponents, use: DocumentController.node).reads("version")
        routes.pages.get(PlansURL.versionNode.pathComponents, use: DocumentController.node)
        routes.pages.get(PlansURL.agenda2030.pathComponents, use: DocumentController.agenda2030)
        routes.pages.get(PlansURL.documentsCSV.pathComponents, use: OpenDataCSVController.documents)
        routes.pages.get(PlansURL.nodesCSV.pathComponents, use: OpenDataCSVController.nodes).reads("version")

        typealias Editor = PlansURL.Editor
        let form: HTTPBodyStreamStrategy = .collect(maxSize: "256kb")
        let signedIn = routes.signedIn
        signedIn.get(Editor.index.pathComponents, use: EditorController.index)
        signedIn.get(Editor.history.pathComponents, use: EditorController.history).reads("dokument", "punkt", "anvandare", "fran", "till", "sida")
        signedIn.get(Editor.newDocument.pathComponents, use: EditorController.newDocumentForm)
        signedIn.on(.POST, Editor.newDocument.pathComponents, body: form, use: EditorController.newDocument)
        signedIn.on(.POST, Editor.newDraft.pathComponents, body: form, use: EditorController.newDraft)
        signedIn.get(Editor.copy.pathComponents, use: EditorController.copyForm)
        signedIn.on(.POST, Editor.copy.pathComponents, body: form, use: EditorController.copy)
        signedIn.get(Editor.draft.pathComponents, use: EditorController.draft).reads(EditorController.draftPageQuery)
        signedIn.get(Editor.preview.pathComponents, use: EditorController.preview)
        signedIn.get(Editor.previewNode.pathComponents, use: EditorController.previewNode)
        // Comparing with a version that does not exist shows the draft again, with its filters.
        signedIn.get(Editor.compare.pathComponents, use: EditorController.compare).reads(EditorController.draftPageQuery + ["med"])
        signedIn.get(Editor.details.pathComponents, use: EditorController.detailsForm)
        signedIn.on(.POST, Editor.details.pathComponents, body: form, use: EditorController.saveDetails)
        signedIn.get(Editor.adopt.pathComponents, use: EditorController.adoptForm)
        signedIn.on(.POST, Editor.adopt.pathComponents, body: form, use: EditorController.adopt)
        signedIn.get(Editor.furtherAdoption.pathComponents, use: EditorController.furtherAdoptionForm)
        signedIn.on(.POST, Editor.furtherAdoption.pathComponents, body: form, use: EditorController.furtherAdoption)
        signedIn.get(Editor.discard.pathComponents, use: EditorController.discardForm)
        signedIn.on(.POST, Editor.discard.pathComponents, body: form, use: EditorController.discard)
        signedIn.get(Editor.addNode.pathComponents, use: EditorController.addNodeForm).reads("under")
        signedIn.on(.POST, Editor.addNode.pathComponents, body: form, use: EditorController.addNode)
        signedIn.get(Editor.node.pathComponents, use: EditorController.nodeForm)
        signedIn.on(.POST, Editor.node.pathComponents, body: form, use: EditorController.saveNode)
        signedIn.on(.POST, Editor.reorder.pathComponents, body: form, use: EditorController.reorder)
        signedIn.get(Editor.remove.pathComponents, use: EditorController.removeForm)
        signedIn.on(.POST, Editor.remove.pathComponents, body: form, use: EditorController.remove)
        signedIn.get(Editor.newSection.pathComponents, use: EditorController.newSectionForm)
        signedIn.on(.POST, Editor.newSection.pathComponents, body: form, use: EditorController.saveSection)
        signedIn.get(Editor.section.pathComponents, use: EditorController.sectionForm)
        signedIn.on(.POST, Editor.section.pathComponents, body: form, use: EditorController.saveSection)
        signedIn.on(.POST, Editor.sectionOrder.pathComponents, body: form, use: EditorController.reorderSection)
        signedIn.get(Editor.removeSection.pathComponents, use: EditorController.removeSectionForm)
        signedIn.on(.POST, Editor.removeSection.pathComponents, body: form, use: EditorController.removeSection)

        typealias API = PlansURL.API
        routes.publicAPI.get(API.agenda2030Goals.pathComponents, use: DocumentAPIController.agenda2030Goals).describe(PlansOpenAPI.agenda2030Goals)
        routes.publicAPI.get(API.agenda2030.pathComponents, use: DocumentAPIController.agenda2030).describe(PlansOpenAPI.agenda2030)
        routes.publicAPI.get(API.documents.pathComponents, use: DocumentAPIController.index).describe(PlansOpenAPI.documents)
        routes.publicAPI.get(API.document.pathComponents, use: DocumentAPIController.show).describe(PlansOpenAPI.document)
        routes.publicAPI.get(API.tree.pathComponents, use: DocumentAPIController.tree).describe(PlansOpenAPI.tree)
        routes.publicAPI.get(API.node.pathComponents, use: DocumentAPIController.node).describe(PlansOpenAPI.node)
        routes.publicAPI.get(API.comparison.pathComponents, use: DocumentAPIController.comparison).describe(PlansOpenAPI.comparison)

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
        routes.tokenAPI.on(.POST, API.furtherAdoptions.pathComponents, body: write, use: EditorAPIController.furtherAdoption)
            .describe(PlansOpenAPI.furtherAdoption)
        routes.tokenAPI.get(API.version.pathComponents, use: EditorAPIController.getVersion).describe(PlansOpenAPI.editableVersion)
        routes.tokenAPI.get(API.history.pathComponents, use: EditorAPIController.history).describe(PlansOpenAPI.history)
        routes.tokenAPI.on(.PUT, API.version.pathComponents, body: write, use: EditorAPIController.putVersion).describe(PlansOpenAPI.saveVersion)
        routes.tokenAPI.on(.DELETE, API.version.pathComponents, use: EditorAPIController.deleteVersion).describe(PlansOpenAPI.discardVersion)
        routes.tokenAPI.on(.POST, API.sections.pathComponents, body: write, use: EditorAPIController.addSection).describe(PlansOpenAPI.addSection)
        routes.tokenAPI.on(.PUT, API.section.pathComponents, body: write, use: EditorAPIController.putSection).describe(PlansOpenAPI.saveSection)
        routes.tokenAPI.on(.DELETE, API.section.pathComponents, use: EditorAPIController.deleteSection).describe(PlansOpenAPI.deleteSection)
        routes.tokenAPI.on(.POST, API.moveSection.pathComponents, body: write, use: EditorAPIController.moveSection).describe(PlansOpenAPI.moveSection)
    }

    public static var openAPI: OpenAPIComponents { PlansOpenAPI.components }

    /// Every public version of every document, each node under the document's address and under
    /// each version's, and the comparisons between consecutive versions.
    public static func sitemap(for organisation: String, on req: Request) async throws -> [String] {
        guard let record = try await OrganisationRecord.query(on: req.db).filter(\.$slug == organisation).first() else { return [] }
        var paths = [PlansURL.documents.link(organisation), PlansURL.agenda2030.link(organisation)]
        for content in try await PublishedContent.contents(record, on: req.db) {
            paths.append(PlansURL.document(organisation, content.slug))
            paths += content.allNodes.map { PlansURL.node(organisation, content.slug, $0.key) }
            let numbers = content.versions.map(\.number).sorted()
            var partnerKeys = Set(content.allNodes.flatMap(\.partners))
            for number in numbers {
                let version = try await PublishedContent.content(record, document: content.slug, version: number, on: req.db)
                paths.append(PlansURL.document(organisation, content.slug, version: number))
                paths += version.allNodes.map { PlansURL.node(organisation, content.slug, $0.key, version: number) }
                partnerKeys.formUnion(version.allNodes.flatMap(\.partners))
            }
            for (previous, next) in zip(numbers, numbers.dropFirst()) {
                paths.append(PlansURL.compare.link(organisation, content.slug, query: ["fran": "\(previous)", "till": "\(next)"]))
            }
            // The partners the activities name, whose pages the activities link to.
            let partners = try await RegistryQuery.actors(ids: [], keys: partnerKeys, on: req.db)
            paths += partners.map { OrganisationURL.actor.link(organisation, $0.slug) }
        }
        return paths
    }

    public static var fileSections: [any InterchangeSection.Type] { [DocumentsSection.self] }

    /// The documents once one is published; Agenda 2030 once a published version names a goal.
    public static func navigation(tenant: Tenant, on db: any Database) async throws -> [NavigationEntry] {
        // One query: every tenant page asks it when the page cache misses. "Newest public version"
        // is the version no public version of the same document outnumbers.
        struct Has: Decodable { let published: Int; let goals: Int }
        let newest: SQLQueryString = """
            FROM \(ident: DocumentVersion.schema) v JOIN \(ident: SteeringDocument.schema) d ON d.id = v.document_id
            WHERE d.organisation_id = \(bind: tenant.id) AND v.status <> 'draft'
              AND NOT EXISTS (SELECT 1 FROM \(ident: DocumentVersion.schema) w WHERE w.document_id = v.document_id AND w.status <> 'draft' AND w.number > v.number)
            """
        let has = try await (db as! any SQLDatabase).raw("""
            SELECT CASE WHEN EXISTS (SELECT 1 \(newest)) THEN 1 ELSE 0 END AS published,
                   CASE WHEN EXISTS (SELECT 1 FROM \(ident: Agenda2030Link.schema) l WHERE l.version_id IN (SELECT v.id \(newest))) THEN 1 ELSE 0 END AS goals
            """).first(decoding: Has.self)
        guard has?.published == 1 else { return [] }
        return [NavigationEntry("Styrdokument", url: PlansURL.documents.link(tenant.slug), order: 10)]
            + (has?.goals == 1 ? [NavigationEntry("Agenda 2030", url: PlansURL.agenda2030.link(tenant.slug), order: 40)] : [])
    }

    public static func register(in app: Application) throws {
        // The documents, and each one's goals and activities, on the organisation's open data page.
        app.pageSlots.register(OrganisationSlots.openDataSets) { organisation, req in
            let documents = try await DocumentQuery.summaries(organisationID: organisation.requireID(), on: req.db)
            return [OpenDataSet(title: "Styrdokument", description: "De publicerade styrdokumenten med typ, status, version och period.",
                                csv: PlansURL.documentsCSV.link(organisation.slug), json: PlansURL.API.documents.link(organisation.slug), order: 10)]
                + documents.enumerated().map { index, document in
                    OpenDataSet(title: "\(document.title): alla punkter",
                                description: "Varje målområde, mål och aktivitet i gällande version, med status, ansvarig, samarbetsparter, nätverk och Agenda 2030.",
                                csv: PlansURL.nodesCSV.link(organisation.slug, document.slug), json: PlansURL.API.tree.link(organisation.slug, document.slug),
                                order: 11 + index)
                }
        }
        // Key activities on the pages of the networks and partners they involve.
        app.pageSlots.register(OrganisationSlots.groupActivities) { subject, req in
            try await PublishedContent.activities(subject.organisation, on: req.db) { $0.networks.contains(subject.key) }
        }
        app.pageSlots.register(OrganisationSlots.actorActivities) { subject, req in
            try await PublishedContent.activities(subject.organisation, on: req.db) { $0.partners.contains(subject.key) }
        }
    }
}
