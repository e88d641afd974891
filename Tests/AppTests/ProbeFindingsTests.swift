import AppTestSupport
import Core
import Foundation
@testable import SamsynApp
import Testing
import Vapor

/// The findings of the security probe of 43f0f05 that reach the organisation file and its archive:
/// readers that always end with a one-line reason, and unique values taken elsewhere refused with 422.
@Suite("The probe of 43f0f05: organisation files and archives")
struct InterchangeProbeTests {
    /// One ustar header for `name` with the size field as given, its checksum right.
    static func header(_ name: String, size: String) -> Data {
        var header = [UInt8](repeating: 0, count: 512)
        func put(_ bytes: [UInt8], at offset: Int) { for (index, byte) in bytes.enumerated() { header[offset + index] = byte } }
        put(Array(name.utf8), at: 0)
        put(Array(size.utf8) + [0], at: 124)
        put(Array(repeating: 0x20, count: 8), at: 148)
        header[156] = UInt8(ascii: "0")
        put(Array("ustar".utf8) + [0], at: 257)
        let checksum = header.reduce(0) { $0 + Int($1) }
        put(Array(String(format: "%06o", checksum).utf8) + [0, 0x20], at: 148)
        return Data(header)
    }

    @Test("Finding 16: a tar member with a negative or oversized size, or a name twice, is a one-line refusal")
    func archives() throws {
        let negative = Self.header("organisation.json", size: "-0000000001") + Data(count: 1024)
        #expect(throws: TarArchive.Failure.self) { try TarArchive.read(negative) }
        let oversized = Self.header("organisation.json", size: "77777777777") + Data(count: 1024)
        #expect(throws: TarArchive.Failure.self) { try TarArchive.read(oversized) }
        let twice = try TarArchive.write([.init(name: "organisation.json", data: Data("{}".utf8)), .init(name: "organisation.json", data: Data("[]".utf8))])
        #expect(throws: TarArchive.Failure.self) { try TarArchive.read(twice) }
        let good = try TarArchive.write([.init(name: "organisation.json", data: Data("{}".utf8)), .init(name: "documents/a", data: Data(count: 700))])
        #expect(try TarArchive.read(good).map(\.data.count) == [2, 700])
    }

    @Test("An organisation file nesting deeper than 64 levels is refused before it is parsed")
    func nesting() throws {
        let deep = #"{"format": "samsyn-organisation", "x": "# + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
        #expect(throws: ImportError.self) { try OrganisationFile.decode(Data(deep.utf8)) }
    }

    @Test("The bounds hold in files too: an outcome beyond 10^14 öre and a Kolada value of 1e300 are refused naming the field", arguments: Engine.enabled)
    func boundsInFiles(engine: Engine) async throws {
        try await withApp(engine) { app in
            let exported = try OrganisationExporter.encode(try await OrganisationExporter.export(slug: Demo.organisationSlug, on: app.db))
            let file = try JSONSerialization.jsonObject(with: exported) as! [String: Any]
            var finance = file["finance"] as! [String: Any]
            var outcomes = finance["outcomes"] as! [[String: Any]]
            outcomes[0]["ore"] = Int.max
            finance["outcomes"] = outcomes
            var changed = file
            changed["finance"] = finance
            await #expect(throws: ImportError("finance.outcomes[0].ore", "at most 10^14 öre (10^12 kronor) in magnitude")) {
                try await OrganisationImporter.importFile(try data(changed), replace: true, on: app.db)
            }
            var followUp = file["followUp"] as! [String: Any]
            var kolada = followUp["kolada"] as! [String: Any]
            var values = kolada["values"] as! [[String: Any]]
            values[0]["value"] = 1e300
            kolada["values"] = values
            followUp["kolada"] = kolada
            changed = file
            changed["followUp"] = followUp
            await #expect(throws: ImportError.self) { try await OrganisationImporter.importFile(try data(changed), replace: true, on: app.db) }
        }
    }

    @Test("Finding 15: a copy of an organisation whose survey links exist already is refused with 422 naming the unique value, nothing written",
          arguments: Engine.enabled)
    func takenSurveyLinks(engine: Engine) async throws {
        try await withApp(engine) { app in
            app.importToken = "hemligt"
            let exported = try OrganisationExporter.encode(try await OrganisationExporter.export(slug: Demo.organisationSlug, on: app.db))
            #expect(String(decoding: exported, as: UTF8.self).contains("tokenHash"), "the example follow-up has survey links")
            var copy = try JSONSerialization.jsonObject(with: exported) as! [String: Any]
            var organisation = copy["organisation"] as! [String: Any]
            organisation["slug"] = "kopia"
            copy["organisation"] = organisation
            let before = try await DatabaseFingerprint.take(app.db)
            var headers = HTTPHeaders()
            headers.contentType = .json
            headers.bearerAuthorization = .init(token: "hemligt")
            var result: (HTTPStatus, String) = (.internalServerError, "")
            try await app.testing().test(.POST, "/api/v1/organisations", headers: headers, body: ByteBuffer(data: try data(copy))) {
                result = ($0.status, $0.body.string)
            }
            #expect(result.0 == .unprocessableEntity && result.1.contains("must be unique") && result.1.contains("token_hash"), "\(result.1)")
            #expect(try await DatabaseFingerprint.take(app.db) == before)
            await #expect(throws: ImportError.self) { try await OrganisationImporter.importFile(try data(copy), on: app.db) }
        }
    }
}
