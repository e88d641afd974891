// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "samsyn",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "samsyn", targets: ["samsyn"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver", from: "2.14.0"),
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
    ],
    targets: [
        // Shared kernel: errors, markdown, slugs, the page layout. No domain.
        .target(name: "Core", dependencies: [
            .product(name: "Vapor", package: "vapor"),
            .product(name: "Fluent", package: "fluent"),
            .product(name: "Plot", package: "Plot"),
        ]),
        // The shared registry of organisations, members and Agenda 2030 reference data.
        .target(name: "Organisation", dependencies: ["Core"], resources: [.copy("Resources")]),
        // Accounts, roles per organisation, database sessions, rate limits and the audit trail.
        .target(name: "Auth", dependencies: ["Core", "Organisation", .product(name: "Vapor", package: "vapor")]),
        // Steering documents, their versions, prose and goal trees.
        .target(name: "Plans", dependencies: ["Core", "Organisation", "Auth"]),
        // Composition root: configuration, routes, API, interchange format, CLI commands.
        .target(name: "SamsynApp", dependencies: [
            "Core", "Organisation", "Plans", "Auth",
            .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
            .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
        ], resources: [.copy("Resources")]),
        .executableTarget(name: "samsyn", dependencies: ["SamsynApp"]),
        .testTarget(name: "SamsynTests", dependencies: [
            "SamsynApp", "Core", "Organisation", "Plans", "Auth",
            .product(name: "VaporTesting", package: "vapor"),
        ], resources: [.copy("Fixtures")]),
    ]
)
