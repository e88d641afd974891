import AppTestSupport
import Foundation
@testable import Organisation
@testable import Plans
import ReferenceData
@testable import SamsynApp
import Testing
import Vapor

@Suite("Bad structure in an organisation file is refused, changing nothing")
struct BadStructureTests {
    static let cases: [(String, String, @Sendable (inout [String: Any]) -> Void)] = [
        ("membership ends before it starts", "structure.groups[1].memberships[0].to", { file in
            file.edit("structure", "groups", 1, "memberships", 0) { $0["from"] = "2024-01-01"; $0["to"] = "2023-12-31" }
        }),
        ("not a date", "structure.groups[1].memberships[0].from", { file in
            file.edit("structure", "groups", 1, "memberships", 0) { $0["from"] = "1 januari 2024" }
        }),
        ("network run by a unit of another organisation", "structure.groups[20].runBy", { file in
            file.edit("structure", "groups", 20) { $0["runBy"] = "avdelning-hos-nagon-annan" }
        }),
        ("duplicate SCB code", "registry[1].scbCode", { file in
            file.edit("registry", 1) { $0["key"] = "2505"; $0["scbCode"] = "2505" }
        }),
        ("a chart box of a body that is not there", "structure.chart[3].group", { file in
            file.edit("structure", "chart", 3) { $0["group"] = "finns-inte" }
        }),
        ("a chart box hanging from one below it", "structure.chart[1].under", { file in
            file.edit("structure", "chart", 1) { $0["under"] = "socialberedning" }
        }),
        ("cycle in the reporting chain", "structure.groups[0].reportsTo", { file in
            file.edit("structure", "groups", 0) { $0["reportsTo"] = "utbildningsberedningen" }
        }),
        ("reports to something that is not a body", "structure.groups[2].reportsTo", { file in
            file.edit("structure", "groups", 2) { $0["reportsTo"] = "hr-chefer" }
        }),
        ("listing of an unknown group", "structure.units[0].listings[0].groups[1]", { file in
            file.edit("structure", "units", 0, "listings", 0) { $0["groups"] = ["kommundirektorsberedningen", "finns-inte"] }
        }),
        ("key activity in an unknown network", "documents[1].versions[0].nodes[10].networks[0]", { file in
            file.edit("documents", 1, "versions", 0, "nodes", 10) { $0["networks"] = ["finns-inte"] }
        }),
        ("seat for an unknown person", "structure.groups[1].memberships[0].person", { file in
            file.edit("structure", "groups", 1, "memberships", 0) { $0["person"] = "ingen" }
        }),
    ]

    @Test("Each case names the offending field", arguments: Engine.enabled)
    func refused(engine: Engine) async throws {
        try await withApp(engine) { app in try await expectRefusals(app, Self.cases) }
    }
}
