import Vapor

/// Who may use a route. A route gets its policy from the builder it is registered on
/// (`ModuleRoutes`), which also installs the middleware that enforces it, so what a route
/// declares and what runs cannot differ.
public enum Access: String, Sendable, CaseIterable {
    /// Anyone, signed in or not: published content, and anonymous forms with a double-submit CSRF token.
    case publicRead = "public"
    /// Holders of the installation's import token.
    case importToken = "import-token"
    /// A signed-in user (a session cookie); writes carry the session's CSRF token.
    case signedIn = "signed-in"
    /// A personal API token.
    case apiToken = "api-token"
}

extension Route {
    public var declaredAccess: Access? { userInfo["access"] as? Access }

    /// True for a write whose middleware checks a CSRF token.
    public var isCSRFChecked: Bool { userInfo["csrf"] as? Bool ?? false }
}
