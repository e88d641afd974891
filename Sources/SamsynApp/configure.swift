import Auth
import Core
import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import NIOSSL
import SQLKit
import Vapor

/// Builds the application: database, migrations, middleware, routes and commands.
/// `modules` are all of them except in tests that need only some.
public func configure(_ app: Application, database: DatabaseSetting, modules: [any AppModule.Type] = allModules,
                      connectionsPerEventLoop: Int = 4, connectionWait: TimeAmount = .seconds(10)) throws {
    switch database {
    case .sqliteFile(let path):
        // Several connections: readers go on while one writes (the file is in WAL mode).
        app.databases.use(.sqlite(.file(path), maxConnectionsPerEventLoop: 4), as: .sqlite)
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory), as: .sqlite)
    case .postgres(let url, let searchPath):
        var configuration = try SQLPostgresConfiguration(url: url)
        configuration.searchPath = searchPath
        app.databases.use(.postgres(configuration: configuration, maxConnectionsPerEventLoop: connectionsPerEventLoop,
                                    connectionPoolTimeout: connectionWait), as: .psql)
    }
    registerMigrations(app.migrations, modules: modules)
    app.importToken = Environment.get("SAMSYN_IMPORT_TOKEN")
    // Lower only for tests: bcrypt's cost is what makes a stolen hash slow to crack.
    if let cost = Environment.get("SAMSYN_PASSWORD_COST").flatMap(Int.init), (4...31).contains(cost) {
        app.passwordCost = cost
    }
    let cacheSeconds = Environment.get("SAMSYN_PAGE_CACHE_SECONDS").flatMap(TimeInterval.init)
    let cacheMegabytes = Environment.get("SAMSYN_PAGE_CACHE_MB").flatMap(Int.init)
    if cacheSeconds != nil || cacheMegabytes != nil {
        app.pageCache = PageCache(lifetime: cacheSeconds ?? 5, maximumBytes: (cacheMegabytes ?? 64) << 20)
    }

    app.trustedProxies = TrustedProxies(setting: Environment.get("SAMSYN_TRUSTED_PROXIES"))
    app.middleware = Middlewares()
    // Made before the first request, since requests record into it concurrently.
    _ = app.undeclaredQueryReads
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(AccountBarMiddleware())
    app.middleware.use(SamsynErrorMiddleware())
    app.middleware.use(PageCacheMiddleware())
    app.middleware.use(tenantNavigation(modules: modules))
    app.routes.defaultMaxBodySize = "10mb"
    app.http.server.configuration.hostname = "127.0.0.1"
    app.http.server.configuration.port = 8080
    app.http.server.configuration.responseCompression = .enabled

    app.siteShell = siteShell()
    app.siteShell.publicURL = (Environment.get("SAMSYN_PUBLIC_URL") ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "/ "))
    for module in modules { try module.register(in: app) }
    try routes(app, modules: modules)
    // Inside the error middleware, so its 405 is answered like any refusal.
    app.middleware.use(MethodNotAllowedMiddleware(routes: app.routes.all))

    app.asyncCommands.use(MigratingServeCommand(), as: "serve", isDefault: true)
    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(MigrateCommand(), as: "migrate")
    app.asyncCommands.use(ImportCommand(), as: "import")
    app.asyncCommands.use(ExportCommand(), as: "export")
    app.asyncCommands.use(OpenAPICommand(), as: "openapi")
    app.asyncCommands.use(MailCommand(), as: "mail")
    app.asyncCommands.use(KoladaCommand(), as: "kolada")
    app.asyncCommands.use(SIECommand(), as: "sie")
    app.asyncCommands.use(UserCommands.group(), as: "user")
}

/// Runs the migrations that have not run yet. Never asks: CI and scripts have no standard input.
/// A SQLite file is switched to write-ahead logging first, so that readers never wait for a
/// writer (an import, say) and a writer never waits for readers.
public func migrate(_ app: Application) async throws {
    if let sql = app.db as? any SQLDatabase, sql.dialect.name == "sqlite" {
        try await sql.raw("PRAGMA journal_mode=WAL").run()
    }
    try await app.autoMigrate()
}

extension Application {
    private struct ImportTokenKey: StorageKey { typealias Value = String }

    /// The bearer token that allows POST /api/v1/organisations; nil disables API imports.
    var importToken: String? {
        get { storage[ImportTokenKey.self] }
        set { storage[ImportTokenKey.self] = newValue }
    }
}
