import AppTestSupport
import Core
import Foundation
@testable import SamsynApp
import Testing
import Vapor

/// A bounded page cache (security probe finding 5): keyed only by what changes a response, and
/// bounded in entries and bytes, so a flood of query strings cannot fill memory.
@Suite("The page cache's bounds")
struct PageCacheBoundsTests {
    @Test("Unknown query parameters are not part of the key: a flood of them leaves one entry", arguments: Engine.enabled)
    func unknownParametersIgnored(engine: Engine) async throws {
        try await withApp(engine) { app in
            app.pageCache = PageCache(lifetime: 60)
            let page = "/o/norrbottens-kommuner/dokument/verksamhetsplan-2023"
            let plain = try await app.get(page).body
            for index in 0..<200 {
                #expect(try await app.get("\(page)?x=\(index)&utm_source=\(index)").body == plain)
            }
            #expect(app.pageCache.entryCount == 1, "\(app.pageCache.entryCount) entries")
            _ = try await app.get("\(page)?version=1")
            #expect(app.pageCache.entryCount == 2, "a parameter the page uses is part of the key")
        }
    }

    @Test("The cache keeps within its byte and entry bounds, evicting the least recently used", arguments: Engine.enabled)
    func bytesAndEntriesBounded(engine: Engine) async throws {
        try await withApp(engine) { app in
            app.pageCache = PageCache(lifetime: 60, maximumEntries: 5, maximumBytes: 300_000)
            let structure = try await app.getJSON("/api/v1/organisations/norrbottens-kommuner/structure", as: OrganisationStructureKeys.self)
            for group in structure.groups { _ = try await app.get("/o/norrbottens-kommuner/organisation/\(group.key)") }
            #expect(app.pageCache.entryCount <= 5)
            #expect(app.pageCache.byteCount <= 300_000)
            _ = try await app.get("/o/norrbottens-kommuner/dokument/verksamhetsplan-2023")
            #expect(app.pageCache.byteCount <= 300_000, "a large page evicts the older ones")
        }
    }

    struct OrganisationStructureKeys: Decodable {
        struct Key: Decodable { let key: String }
        let groups: [Key]
    }
}
