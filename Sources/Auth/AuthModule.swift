import Core
import Fluent
import Vapor

/// Identity: accounts, sessions, personal API tokens, sign-in limits and the audit trail.
public enum AuthModule: AppModule {
    public static var migrations: [any Migration] { [CreateAuth(), CreateAuthApiTokens(), UpdateAuthAuditAddContext()] }

    public static func routes(_ routes: ModuleRoutes) throws {
        routes.pages.get(AuthURL.signIn.pathComponents, use: AccountController.signInPage)
        routes.pages.on(.POST, AuthURL.signIn.pathComponents, body: .collect(maxSize: "16kb"), use: AccountController.signIn)
        routes.signedIn.on(.POST, AuthURL.signOut.pathComponents, body: .collect(maxSize: "16kb"), use: AccountController.signOut)
        routes.signedIn.get(AuthURL.account.pathComponents, use: AccountController.account)
        routes.signedIn.get(AuthURL.changePassword.pathComponents, use: AccountController.passwordForm)
        routes.signedIn.get(AuthURL.tokens.pathComponents, use: AccountController.tokenForm)
        routes.signedIn.on(.POST, AuthURL.changePassword.pathComponents, body: .collect(maxSize: "16kb"), use: AccountController.changePassword)
        routes.signedIn.on(.POST, AuthURL.tokens.pathComponents, body: .collect(maxSize: "16kb"), use: AccountController.createToken)
        routes.signedIn.on(.POST, AuthURL.revokeToken.pathComponents, body: .collect(maxSize: "16kb"), use: AccountController.revokeToken)
    }

    public static func register(in app: Application) throws {
        app.configurePasswords()
    }
}
