import Core
import Fluent
import Foundation

extension OrganisationSection {
    /// Every registry key the file may refer to: those already here and the file's own.
    public enum RegistryKeys: InterchangeContextKey { public typealias Value = Set<String> }
    /// The keys of the organisation's bodies, networks and forums.
    public enum GroupKeys: InterchangeContextKey { public typealias Value = Set<String> }
    /// The organisation's own key (its slug): what sections above may name as itself.
    public enum OwnKey: InterchangeContextKey { public typealias Value = String }
    /// The keys of the organisation's units.
    public enum UnitKeys: InterchangeContextKey { public typealias Value = Set<String> }
    /// The registry keys of the organisation's members.
    public enum MemberKeys: InterchangeContextKey { public typealias Value = [String] }

    /// Checks the rules the types cannot express: keys, references, dates and the reporting chain.
    public static func validate(_ content: Content, context: inout InterchangeContext, on db: any Database) async throws {
        let knownRegistryKeys = Set(try await OrganisationRecord.query(on: db).all().map(registryKey))
        let (organisation, registry, structure) = (content.organisation, content.registry, content.structure)
        try requireKey(organisation.slug, at: "organisation.slug")
        try requireText(organisation.name, at: "organisation.name")
        if let licence = organisation.licence {
            try requireText(licence.name, at: "organisation.licence.name")
            guard licence.url.hasPrefix("https://") || licence.url.hasPrefix("http://"), URL(string: licence.url)?.host != nil else {
                throw ImportError("organisation.licence.url", "must be the licence's web address, http:// or https://")
            }
        }

        var registryKeys = knownRegistryKeys
        var fileKeys = Set<String>()
        for (index, entry) in registry.enumerated() {
            let path = "registry[\(index)]"
            guard fileKeys.insert(entry.key).inserted else {
                throw ImportError("\(path).\(entry.scbCode == nil ? "key" : "scbCode")",
                                  entry.scbCode == nil ? "duplicate registry key \"\(entry.key)\"" : "duplicate SCB code \"\(entry.key)\"")
            }
            try requireText(entry.name, at: "\(path).name")
            if let code = entry.scbCode {
                guard code.count == 4, code.allSatisfy(\.isNumber) else { throw ImportError("\(path).scbCode", "an SCB code has four digits") }
                guard entry.key == code else { throw ImportError("\(path).key", "a municipality's key is its SCB code \"\(code)\"") }
            } else {
                try requireKey(entry.key, at: "\(path).key")
            }
            registryKeys.insert(entry.key)
        }
        var memberKeys = Set<String>()
        for (index, key) in organisation.members.enumerated() {
            let path = "organisation.members[\(index)]"
            guard registryKeys.contains(key) else { throw ImportError(path, "no registry entry with key \"\(key)\"") }
            guard memberKeys.insert(key).inserted else { throw ImportError(path, "\"\(key)\" is listed twice") }
        }

        try structure.validate(registryKeys: registryKeys)
        let groupKeys = Set(structure.groups.map(\.key))
        context[RegistryKeys.self] = registryKeys
        context[GroupKeys.self] = groupKeys
        context[UnitKeys.self] = Set(structure.units.map(\.key))
        context[OwnKey.self] = organisation.slug
        context[MemberKeys.self] = organisation.members
        var meetingKeys = Set<String>()
        for (index, meeting) in (content.meetings ?? []).enumerated() {
            let path = "meetings[\(index)]"
            try requireKey(meeting.key, at: "\(path).key")
            guard meetingKeys.insert(meeting.key).inserted else { throw ImportError("\(path).key", "duplicate meeting key \"\(meeting.key)\"") }
            do {
                try Meetings.validate(meeting.record, registry: registryKeys, groups: groupKeys)
            } catch {
                throw ImportError("\(path).\(error.name)", error.problem)
            }
        }
    }
}
