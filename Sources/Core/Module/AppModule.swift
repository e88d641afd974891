import Foundation
import Fluent
import Vapor

/// What a domain module tells the composition root about itself: the small manifest every
/// module implements (Decidim's `register_component`, kept to what Samsyn needs). Adding a
/// module is one folder, one test target and one line in the composition root's module list.
public protocol AppModule {
    /// Its migrations. The composition root runs all modules' migrations in the order of their
    /// names, which begin with a global number ("0011-…"); a test keeps the numbers unique.
    static var migrations: [any Migration] { get }

    /// Registers its routes on builders that already carry their access policy.
    static func routes(_ routes: ModuleRoutes) throws

    /// Its entries in a tenant's navigation: only for what the tenant has.
    static func navigation(tenant: Tenant, on db: any Database) async throws -> [NavigationEntry]

    /// Its sections of the interchange file, in dependency order.
    static var fileSections: [any InterchangeSection.Type] { get }

    /// The schemas its API operations refer to, and descriptions of its path parameters.
    static var openAPI: OpenAPIComponents { get }

    /// The public pages it has for one tenant (by slug), for the sitemap.
    static func sitemap(for tenant: String, on req: Request) async throws -> [String]

    /// Everything else it plugs in at start: providers for other modules' page slots, hooks of the
    /// modules below it, commands (`app.asyncCommands`), services.
    static func register(in app: Application) throws
}

extension AppModule {
    public static var migrations: [any Migration] { [] }
    public static func navigation(tenant: Tenant, on db: any Database) async throws -> [NavigationEntry] { [] }
    public static var openAPI: OpenAPIComponents { OpenAPIComponents() }
    public static var fileSections: [any InterchangeSection.Type] { [] }
    public static func register(in app: Application) throws {}
    public static func sitemap(for tenant: String, on req: Request) async throws -> [String] { [] }
}

/// A tenant as the composition root found it once for all modules: its id and its address.
public struct Tenant: Sendable {
    public let id: UUID
    public let slug: String

    public init(id: UUID, slug: String) {
        self.id = id
        self.slug = slug
    }
}

/// An entry of a navigation bar; `order` places entries from several modules.
public struct NavigationEntry: Sendable, Equatable {
    public let title: String
    public let url: String
    public let order: Int

    public init(_ title: String, url: String, order: Int) {
        self.title = title
        self.url = url
        self.order = order
    }
}
