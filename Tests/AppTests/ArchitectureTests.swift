import AppTestSupport
import Core
import Fluent
import Foundation
@testable import SamsynApp
import Testing
import Vapor

/// The shape the code keeps as modules are added (docs/architecture.md).
@Suite("Architecture: module boundaries and sizes")
struct ArchitectureTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "../../Sources").standardizedFileURL

    static func swiftFiles(in folder: String) throws -> [(path: String, text: String)] {
        let root = sources.appending(path: folder)
        let paths = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        return try paths.sorted().map { ($0, try String(contentsOf: root.appending(path: $0), encoding: .utf8)) }
    }

    static let domainModules = ["Auth", "ReferenceData", "Organisation", "Plans", "FollowUp", "Decisions", "Agreements", "Finance", "Publishing"]

    @Test("Core names no module and none of the modules' route segments")
    func coreHasNoDomainWords() async throws {
        var segments = Set<String>()
        for module in allModules {
            let app = try await Application.make(.testing)
            try module.routes(moduleRoutes(app))
            for route in app.routes.all {
                for case .constant(let segment) in route.path where !["api", "v1"].contains(segment) { segments.insert(segment) }
            }
            try await app.asyncShutdown()
        }
        #expect(segments.count > 20)
        let words = Self.domainModules.flatMap { [$0, $0 + "s"] } + ["organisation", "organisations"]
        for (path, text) in try Self.swiftFiles(in: "Core") {
            for word in words where text.range(of: "\\b\(word)\\b", options: [.regularExpression, .caseInsensitive]) != nil {
                Issue.record("Sources/Core/\(path) names the module \(word)")
            }
            // One-letter segments ("o") are too short to tell apart from text such as a transliteration.
            for segment in segments where segment.count > 1 && text.contains("\"\(segment)\"") {
                Issue.record("Sources/Core/\(path) names the route segment \"\(segment)\"")
            }
        }
    }

    @Test("Every module's migrations have names with a global number, each number once")
    func migrationNumbersAreUnique() {
        let names = allModules.flatMap { $0.migrations.map(\.name) }
        let numbers = names.map { String($0.prefix(4)) }
        #expect(names.allSatisfy { $0.range(of: #"^\d{4}-[a-z0-9-]+$"#, options: .regularExpression) != nil }, "\(names)")
        #expect(Set(numbers).count == numbers.count, "a number is used twice: \(numbers.sorted())")
    }

    @Test("Other modules read roles only through Organisation's RoleQuery and permission base")
    func rolesThroughRoleQuery() throws {
        var found: [String] = []
        for module in try FileManager.default.contentsOfDirectory(atPath: Self.sources.path) where module != "Organisation" {
            for (path, text) in try Self.swiftFiles(in: module) where text.contains("Role.query(") || text.contains("Role.schema") {
                found.append("\(module)/\(path)")
            }
        }
        #expect(found.isEmpty, "reads the Role table itself: \(found)")
    }

    @Test("No module names another module's tables in SQL: it reads them through that module's queries")
    func noForeignTablesInSQL() throws {
        let modules = try FileManager.default.contentsOfDirectory(atPath: Self.sources.path).sorted()
        var owner: [String: String] = [:]   // model type or table name → module
        for module in modules {
            for (_, text) in try Self.swiftFiles(in: module) {
                for match in text.matches(of: #/final class (\w+): Model/#) { owner[String(match.output.1)] = module }
                for match in text.matches(of: #/static let schema = "(\w+)"/#) { owner[String(match.output.1)] = module }
            }
        }
        // The tenant's table may be named (foreign keys to it); migrations are history and keep the names they had.
        let tenant: Set<String> = ["OrganisationRecord", "organisation_organisations"]
        var found: [String] = []
        for module in modules {
            for (path, text) in try Self.swiftFiles(in: module) where !path.hasPrefix("Migrations/") {
                for match in text.matches(of: #/(\w+)\.schema\b|"(\w+)"/#) where !tenant.contains(String(match.output.1 ?? match.output.2 ?? "")) {
                    let name = String(match.output.1 ?? match.output.2 ?? "")
                    if let home = owner[name], home != module { found.append("\(module)/\(path): \(name) of \(home)") }
                }
            }
        }
        #expect(found.isEmpty, "\(found)")
    }

    @Test("Fluent models are internal to their module; the tenant's record is the one shared, and only Organisation writes it")
    func modelsStayInTheirModule() throws {
        var shared: [String] = [], writes: [String] = []
        for module in try FileManager.default.contentsOfDirectory(atPath: Self.sources.path) {
            for (path, text) in try Self.swiftFiles(in: module) {
                for match in text.matches(of: #/(?m)^\s*(public|open|package)\s+(final\s+)?class\s+(\w+)\s*:\s*Model\b/#)
                    where match.output.3 != "OrganisationRecord" {
                    shared.append("\(module)/\(path): \(match.output.3)")
                }
                guard module != "Organisation" else { continue }
                if text.contains("OrganisationRecord(") || text.contains("update(OrganisationRecord.schema)")
                    || text.contains("delete(from: OrganisationRecord.schema)") || text.contains("insert(into: OrganisationRecord.schema)")
                    || text.contains("OrganisationRecord.query(on: db).set") {
                    writes.append("\(module)/\(path)")
                }
            }
        }
        #expect(shared.isEmpty, "models other modules can see: \(shared)")
        #expect(writes.isEmpty, "writes the tenant's record outside Organisation: \(writes)")
    }

    @Test("Pages are named one way: enum <Subject><Role> holding final class View, in Views/<Subject><Role>+View.swift")
    func pagesNamedOneWay() throws {
        let roles = #/^\w+(Index|Show|Edit|EditorIndex|Form|Compare|Notice)$/#
        var found: [String] = [], count = 0
        for module in try FileManager.default.contentsOfDirectory(atPath: Self.sources.path) where module != "Core" {
            for (path, text) in try Self.swiftFiles(in: module) {
                // `open class` is a base pages inherit from (Organisation's OrganisationPage), not a page.
                for match in text.matches(of: #/(\w+ )?class (\w+): (OrganisationPage|TenantPage|Page)\b/#) where match.output.1 != "open " {
                    count += 1
                    let file = URL(fileURLWithPath: path).lastPathComponent
                    guard match.output.2 == "View", let subject = file.wholeMatch(of: #/(\w+)\+View\.swift/#)?.output.1,
                          subject.wholeMatch(of: roles) != nil, text.contains("enum \(subject) {"),
                          path.hasPrefix("Views/") || path.hasPrefix("Pages/") else {
                        found.append("\(module)/\(path): class \(match.output.2)")
                        continue
                    }
                }
            }
        }
        #expect(count > 40, "the pages were not found: \(count)")
        #expect(found.isEmpty, "pages named another way: \(found)")
    }

    @Test("Query parameters are read through Request.queryValue, which holds them to what the route declares")
    func queryThroughDeclarations() throws {
        var found: [String] = []
        for module in try FileManager.default.contentsOfDirectory(atPath: Self.sources.path) where module != "Core" {
            for (path, text) in try Self.swiftFiles(in: module) where text.contains(".query.get(") || text.contains("req.query,") || text.contains("req.query)") {
                found.append("\(module)/\(path)")
            }
        }
        #expect(found.isEmpty, "reads the query string itself: \(found)")
    }

    @Test("Domain modules have the same folders")
    func domainModulesHaveOneShape() throws {
        func folders(_ module: String) throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: Self.sources.appending(path: module).path)
                .filter { !$0.hasSuffix(".swift") }.sorted()
        }
        #expect(try folders("Plans") == folders("Organisation"))
    }

    @Test("The composition root stays small: under 15 % of the lines, no file over 300 lines, none anywhere over 600")
    func sizes() throws {
        var total = 0, root = 0
        for folder in try FileManager.default.contentsOfDirectory(atPath: Self.sources.path) {
            for (path, text) in try Self.swiftFiles(in: folder) {
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
                total += lines
                #expect(lines <= 600, "Sources/\(folder)/\(path) has \(lines) lines")
                if folder == "SamsynApp" {
                    root += lines
                    #expect(lines <= 300, "Sources/SamsynApp/\(path) has \(lines) lines")
                }
            }
        }
        #expect(Double(root) < 0.15 * Double(total), "the composition root holds \(root) of \(total) lines")
    }
}
