import Core
import Vapor

/// Who may use a route. Every route declares one; a test fails for any that does not.
enum Access: String, Sendable {
    /// Anyone, signed in or not: published content only.
    case publicRead = "public"
    /// Holders of the installation's import token.
    case importToken = "import-token"
    /// A signed-in user (a session cookie).
    case signedIn = "signed-in"
    /// A personal API token with the role the route needs.
    case apiToken = "api-token"
}

extension Route {
    @discardableResult
    func access(_ access: Access) -> Route {
        userInfo["access"] = access
        return self
    }

    var declaredAccess: Access? { userInfo["access"] as? Access }

    /// Marks a form route whose handler checks a CSRF token.
    @discardableResult
    func checksCSRF() -> Route {
        userInfo["csrf"] = true
        return self
    }

    var isCSRFChecked: Bool { userInfo["csrf"] as? Bool ?? false }
}

func routes(_ app: Application) throws {
    typealias S = SiteURL.Segment

    do { // public pages
        app.get(use: WebController.home).access(.publicRead)
        // For load balancers and the benchmark's baseline: no database, no rendering.
        app.get("health") { _ in "ok" }.access(.publicRead)
        app.get("assets", "samsyn.css", use: WebController.stylesheet).access(.publicRead)
        let organisation = app.grouped(PathComponent(stringLiteral: S.organisations), ":org")
        organisation.get(use: WebController.organisation).access(.publicRead)
        organisation.get(PathComponent(stringLiteral: S.members), use: WebController.members).access(.publicRead)
        organisation.get(PathComponent(stringLiteral: S.agenda2030), use: WebController.agenda2030).access(.publicRead)
        organisation.get(PathComponent(stringLiteral: S.structure), use: StructureController.overview).access(.publicRead)
        organisation.get(PathComponent(stringLiteral: S.structure), ":group", use: StructureController.groupPage).access(.publicRead)
        organisation.get(PathComponent(stringLiteral: S.units), ":unit", use: StructureController.unitPage).access(.publicRead)
        organisation.get(PathComponent(stringLiteral: S.actors), ":actor", use: StructureController.actorPage).access(.publicRead)
        organisation.get(PathComponent(stringLiteral: S.people), use: StructureController.peoplePage).access(.publicRead)
        organisation.get(PathComponent(stringLiteral: S.people), ":person", use: StructureController.personPage).access(.publicRead)
        let documents = organisation.grouped(PathComponent(stringLiteral: S.documents))
        documents.get(use: WebController.documents).access(.publicRead)
        documents.get(":doc", use: WebController.document).access(.publicRead)
        documents.get(":doc", PathComponent(stringLiteral: S.version), ":version", use: WebController.document).access(.publicRead)
        documents.get(":doc", "jamfor", use: EditorController.compare).access(.publicRead)
        documents.get(":doc", ":node", use: WebController.node).access(.publicRead)
        documents.get(":doc", PathComponent(stringLiteral: S.version), ":version", ":node", use: WebController.node).access(.publicRead)
    }

    do { // accounts: the forms check CSRF tokens in their handlers
        app.get("logga-in", use: AuthController.signInPage).access(.publicRead)
        app.on(.POST, "logga-in", body: .collect(maxSize: "16kb"), use: AuthController.signIn).access(.publicRead).checksCSRF()
        app.on(.POST, "logga-ut", body: .collect(maxSize: "16kb"), use: AuthController.signOut).access(.signedIn).checksCSRF()
        app.get("konto", use: AuthController.account).access(.signedIn)
        app.on(.POST, "konto", "losenord", body: .collect(maxSize: "16kb"), use: AuthController.changePassword).access(.signedIn).checksCSRF()
        app.on(.POST, "konto", "nycklar", body: .collect(maxSize: "16kb"), use: AuthController.createToken).access(.signedIn).checksCSRF()
        app.on(.POST, "konto", "nycklar", ":token", "aterkalla", body: .collect(maxSize: "16kb"), use: AuthController.revokeToken).access(.signedIn).checksCSRF()
    }

    do { // editing: signed-in editors and administrators of the organisation
        let editor = app.grouped(PathComponent(stringLiteral: S.organisations), ":org", "redigera")
        let form: HTTPBodyStreamStrategy = .collect(maxSize: "256kb")
        editor.get(use: EditorController.index).access(.signedIn)
        editor.on(.POST, "nytt", body: form, use: EditorController.newDocument).access(.signedIn).checksCSRF()
        editor.on(.POST, ":doc", "utkast", body: form, use: EditorController.newDraft).access(.signedIn).checksCSRF()
        editor.on(.POST, ":doc", "kopia", body: form, use: EditorController.copy).access(.signedIn).checksCSRF()
        editor.get(":doc", ":version", use: EditorController.draft).access(.signedIn)
        editor.get(":doc", ":version", "forhandsvisning", use: EditorController.preview).access(.signedIn)
        editor.get(":doc", ":version", "nod", ":node", use: EditorController.nodeForm).access(.signedIn)
        editor.on(.POST, ":doc", ":version", "nod", ":node", body: form, use: EditorController.saveNode).access(.signedIn).checksCSRF()
        editor.on(.POST, ":doc", ":version", "anta", body: form, use: EditorController.adopt).access(.signedIn).checksCSRF()
        editor.on(.POST, ":doc", ":version", "ny", body: form, use: EditorController.addNode).access(.signedIn).checksCSRF()
        editor.on(.POST, ":doc", ":version", "nod", ":node", "fakta", body: form, use: EditorController.saveFacts).access(.signedIn).checksCSRF()
        editor.on(.POST, ":doc", ":version", "nod", ":node", "ordning", body: form, use: EditorController.reorder).access(.signedIn).checksCSRF()
        editor.on(.POST, ":doc", ":version", "nod", ":node", "flytta", body: form, use: EditorController.move).access(.signedIn).checksCSRF()
        editor.on(.POST, ":doc", ":version", "nod", ":node", "ta-bort", body: form, use: EditorController.remove).access(.signedIn).checksCSRF()
    }

    do { // administration
        let admin = app.grouped(PathComponent(stringLiteral: S.organisations), ":org", "admin")
        admin.get("logg", use: AdminController.audit).access(.signedIn)
        admin.get("anvandare", use: AdminController.users).access(.signedIn)
        admin.on(.POST, "anvandare", body: .collect(maxSize: "16kb"), use: AdminController.createUser).access(.signedIn).checksCSRF()
        admin.on(.POST, "anvandare", "roll", body: .collect(maxSize: "16kb"), use: AdminController.grantRole).access(.signedIn).checksCSRF()
        admin.on(.POST, "anvandare", "aterkalla", body: .collect(maxSize: "16kb"), use: AdminController.revokeRole).access(.signedIn).checksCSRF()
    }

    do { // JSON API
        let api = app.grouped("api", "v1")
        api.get("openapi.json", use: APIController.openAPI).access(.publicRead)
        api.get("agenda-2030", "goals", use: APIController.agenda2030Goals).access(.publicRead)
        api.get("municipalities", use: APIController.municipalities).access(.publicRead)
        api.get("organisations", use: APIController.organisations).access(.publicRead)
        api.on(.POST, "organisations", body: .collect(maxSize: "10mb"), use: APIController.importOrganisation).access(.importToken)
        let organisation = api.grouped("organisations", ":org")
        organisation.get(use: APIController.organisation).access(.publicRead)
        organisation.get("members", use: APIController.members).access(.publicRead)
        organisation.get("agenda-2030", use: APIController.agenda2030).access(.publicRead)
        organisation.get("structure", use: StructureController.structureJSON).access(.publicRead)
        organisation.get("groups", ":group", use: StructureController.groupJSON).access(.publicRead)
        organisation.get("units", ":unit", use: StructureController.unitJSON).access(.publicRead)
        organisation.get("actors", ":actor", use: StructureController.actorJSON).access(.publicRead)
        organisation.get("documents", use: APIController.documents).access(.publicRead)
        organisation.get("documents", ":doc", use: APIController.document).access(.publicRead)
        organisation.get("documents", ":doc", "tree", use: APIController.tree).access(.publicRead)
        organisation.get("documents", ":doc", "nodes", ":node", use: APIController.node).access(.publicRead)
        organisation.get("documents", ":doc", "versions", ":version", "nodes", ":node", use: EditorController.apiGetNode).access(.apiToken)
        organisation.on(.PUT, "documents", ":doc", "versions", ":version", "nodes", ":node", body: .collect(maxSize: "256kb"),
                        use: EditorController.apiPutNode).access(.apiToken)
        let write: HTTPBodyStreamStrategy = .collect(maxSize: "256kb")
        organisation.on(.POST, "documents", body: write, use: APIEditorController.createDocument).access(.apiToken)
        organisation.on(.POST, "documents", ":doc", "versions", body: write, use: APIEditorController.createVersion).access(.apiToken)
        organisation.on(.POST, "documents", ":doc", "versions", ":version", "nodes", body: write, use: APIEditorController.addNode).access(.apiToken)
        organisation.on(.POST, "documents", ":doc", "versions", ":version", "nodes", ":node", "move", body: write, use: APIEditorController.moveNode).access(.apiToken)
        organisation.on(.DELETE, "documents", ":doc", "versions", ":version", "nodes", ":node", use: APIEditorController.deleteNode).access(.apiToken)
        organisation.on(.PUT, "documents", ":doc", "versions", ":version", "nodes", ":node", "facts", body: write, use: APIEditorController.putFacts).access(.apiToken)
        organisation.on(.POST, "documents", ":doc", "versions", ":version", "adoption", body: write, use: APIEditorController.adopt).access(.apiToken)
    }
}
