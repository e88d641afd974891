import Fluent
import Foundation
import Plans

/// Which key activities a copy to next year carries: those neither done nor cancelled in the
/// document's latest closed period (an activity not reported there is carried). Without a closed
/// period, Plans' own rule (the status recorded in the version) decides.
struct ReportedCarryOver: CarryOverRule {
    func unfinished(_ leaves: [PlanLeaf], of version: VersionReference, on db: any Database) async throws -> Set<UUID> {
        guard let latest = try await ReportingPeriod.query(on: db).filter(\.$organisationID == version.organisationID)
                .filter(\.$documentSlug == version.documentSlug).filter(\.$state == .closed)
                .sort(\.$endsOn, .descending).first() else {
            return try await RecordedStatusCarryOver().unfinished(leaves, of: version, on: db)
        }
        let finished = Set(try await ActivityReport.query(on: db).filter(\.$period.$id == latest.requireID())
            .filter(\.$status ~~ [.done, .cancelled]).all().map(\.lineage))
        return Set(leaves.filter { !finished.contains($0.lineage) }.map(\.id))
    }
}
