// swift-tools-version:6.1
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
        // Typed OpenAPI documents; its default trait (loading external references) is not needed and slows the build.
        .package(url: "https://github.com/mattpolzin/OpenAPIKit", from: "6.4.0", traits: []),
        // RFC 4180 CSV for the open-data downloads (and later the finance exports).
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        // The SMTP client of the mail service (no SMTP package in the offline list): TCP and TLS.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        // Property-based tests of the readers (SIE, Kolada, organisation file, archive, CSV): fixed seeds, many cases.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // Shared kernel, no domain: the module manifest, access-scoped routes, the page layout, the page cache,
        // the interchange file machinery, the OpenAPI assembler, markdown and slugs.
        .target(name: "Core", dependencies: [
            .product(name: "Vapor", package: "vapor"),
            .product(name: "Fluent", package: "fluent"),
            .product(name: "Plot", package: "Plot"),
            .product(name: "OpenAPIKit", package: "OpenAPIKit"),
            .product(name: "CSV", package: "CSV.swift"),
        ]),
        // Identity: accounts, database sessions, API tokens, rate limits, and the audit trail every module writes to.
        .target(name: "Auth", dependencies: [
            "Core",
            .product(name: "Vapor", package: "vapor"),
            .product(name: "Fluent", package: "fluent"),
            .product(name: "Plot", package: "Plot"),
        ]),
        // E-mail as a platform service: the outbox, written in its cause's transaction, and the SMTP sender.
        .target(name: "Mail", dependencies: [
            "Core",
            .product(name: "Vapor", package: "vapor"),
            .product(name: "Fluent", package: "fluent"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
        ]),
        // Reference data with its sources: Agenda 2030 goals and targets, Sweden's municipalities.
        .target(name: "ReferenceData", resources: [.copy("Resources")]),
        // The shared registry of organisations, members, structure, roles per organisation.
        .target(name: "Organisation", dependencies: [
            "Core", "Auth", "Mail", "ReferenceData",
            .product(name: "Vapor", package: "vapor"),
            .product(name: "Fluent", package: "fluent"),
            .product(name: "Plot", package: "Plot"),
            .product(name: "OpenAPIKit", package: "OpenAPIKit"),
        ]),
        // Steering documents, their versions, prose and goal trees.
        .target(name: "Plans", dependencies: [
            "Core", "Auth", "ReferenceData", "Organisation",
            .product(name: "Vapor", package: "vapor"),
            .product(name: "Fluent", package: "fluent"),
            .product(name: "Plot", package: "Plot"),
            .product(name: "OpenAPIKit", package: "OpenAPIKit"),
        ]),
        // Following plans up: reporting periods, activity reports, goal assessments, dashboards, reminders.
        .target(name: "FollowUp", dependencies: [
            "Core", "Auth", "Mail", "Organisation", "Plans",
            .product(name: "Vapor", package: "vapor"),
            .product(name: "Fluent", package: "fluent"),
            .product(name: "Plot", package: "Plot"),
            .product(name: "OpenAPIKit", package: "OpenAPIKit"),
        ]),
        // The registry of agreements: records, parties, links to plans, documents, reviews and their reminders.
        .target(name: "Agreements", dependencies: [
            "Core", "Auth", "Mail", "Organisation", "Plans",
            .product(name: "Vapor", package: "vapor"),
            .product(name: "Fluent", package: "fluent"),
            .product(name: "Plot", package: "Plot"),
            .product(name: "OpenAPIKit", package: "OpenAPIKit"),
        ]),
        // Money beside the plan: budgets, member fees under the ceiling, outcomes from the books beside the
        // follow-up's periods, forecasts, external funding with its reporting deadlines, and their exports.
        .target(name: "Finance", dependencies: [
            "Core", "Auth", "Mail", "Organisation", "Plans", "FollowUp",
            .product(name: "Vapor", package: "vapor"),
            .product(name: "Fluent", package: "fluent"),
            .product(name: "Plot", package: "Plot"),
            .product(name: "OpenAPIKit", package: "OpenAPIKit"),
        ]),
        // Composition root: configuration, routes, API, interchange format, CLI commands.
        .target(name: "SamsynApp", dependencies: [
            "Core", "Auth", "Mail", "ReferenceData", "Organisation", "Plans", "FollowUp", "Agreements", "Finance",
            .product(name: "OpenAPIKit", package: "OpenAPIKit"),
            .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
            .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
        ], resources: [.copy("Resources")]),
        .executableTarget(name: "samsyn", dependencies: ["SamsynApp"]),
        // Test support for every test target: engines, app builders, the browser, factories, database fingerprints.
        .target(name: "AppTestSupport", dependencies: [
            "SamsynApp", "Core", "Auth", "Mail", "Organisation", "Plans",
            .product(name: "VaporTesting", package: "vapor"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "PropertyBased", package: "swift-property-based"),
        ], path: "Tests/AppTestSupport"),
        .testTarget(name: "FollowUpTests", dependencies: [.product(name: "PropertyBased", package: "swift-property-based"), "AppTestSupport", "Core", "Auth", "Mail", "Organisation", "Plans", "FollowUp", "SamsynApp"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "AgreementsTests", dependencies: ["AppTestSupport", "Core", "Auth", "Mail", "Organisation", "Plans", "Agreements", "SamsynApp"]),
        .testTarget(name: "FinanceTests", dependencies: [.product(name: "PropertyBased", package: "swift-property-based"), "AppTestSupport", "Core", "Mail", "Organisation", "Plans", "FollowUp", "Finance", "SamsynApp"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "AuthTests", dependencies: ["AppTestSupport", "Core", "Auth", "Organisation", "SamsynApp"]),
        .testTarget(name: "OrganisationTests", dependencies: ["AppTestSupport", "Core", "Auth", "Mail", "Organisation", "SamsynApp"]),
        .testTarget(name: "MailTests", dependencies: ["AppTestSupport", "Core", "Mail", "SamsynApp"]),
        .testTarget(name: "PlansTests", dependencies: ["AppTestSupport", "Core", "Auth", "Organisation", "Plans", "SamsynApp"]),
        // The application as a whole: journeys, routes and policies, the OpenAPI contract, the round trip, the CLI, the demo against the seeds.
        .testTarget(name: "AppTests", dependencies: [
            "AppTestSupport", "SamsynApp", "Core", "Auth", "ReferenceData", "Organisation", "Plans", "FollowUp", "Agreements", "Finance",
            .product(name: "VaporTesting", package: "vapor"),
            .product(name: "OpenAPIKit", package: "OpenAPIKit"),
            .product(name: "CSV", package: "CSV.swift"),
            .product(name: "PropertyBased", package: "swift-property-based"),
        ], resources: [.copy("Fixtures")]),
    ]
)
