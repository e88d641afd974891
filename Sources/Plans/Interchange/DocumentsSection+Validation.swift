import Core
import Fluent
import Foundation
import Organisation
import ReferenceData

extension DocumentsSection {
    /// Keys, versions, the level model, and references to the registry, the structure and other documents.
    public static func validate(_ content: Content, context: inout InterchangeContext, on db: any Database) async throws {
        let documents = content.documents
        let registryKeys = context[OrganisationSection.RegistryKeys.self] ?? []
        let groupKeys = context[OrganisationSection.GroupKeys.self] ?? []
        var documentSlugs = Set<String>()
        var lineages: [String: [Int: VersionLineages]] = [:]
        for (index, document) in documents.enumerated() {
            let path = "documents[\(index)]"
            try requireKey(document.slug, at: "\(path).slug")
            guard documentSlugs.insert(document.slug).inserted else { throw ImportError("\(path).slug", "duplicate document slug \"\(document.slug)\"") }
            guard !document.versions.isEmpty else { throw ImportError("\(path).versions", "a document needs at least one version") }
            var numbers = Set<Int>()
            for (versionIndex, version) in document.versions.enumerated() {
                let versionPath = "\(path).versions[\(versionIndex)]"
                guard DocumentLimits.versionNumbers.contains(version.number) else {
                    throw ImportError("\(versionPath).number", "version numbers run from 1 to \(DocumentLimits.versionNumbers.upperBound)")
                }
                guard numbers.insert(version.number).inserted else { throw ImportError("\(versionPath).number", "duplicate version number \(version.number)") }
                try version.validate(at: versionPath, registryKeys: registryKeys, groupKeys: groupKeys, documents: documents)
                let isActivity = { (node: NodeEntry) in version.levels.count > 1 && node.level == version.levels.last }
                lineages[document.slug, default: [:]][version.number] = VersionLineages(
                    status: version.status,
                    activities: Set(version.nodes.filter(isActivity).map { $0.lineage ?? $0.key }),
                    goals: Set(version.nodes.filter { !isActivity($0) }.map { $0.lineage ?? $0.key }))
            }
        }
        context[Versions.self] = lineages
    }

    /// What the file's versions hold, for the sections above that refer to their nodes by lineage (follow-up).
    public enum Versions: InterchangeContextKey { public typealias Value = [String: [Int: VersionLineages]] }

    public struct VersionLineages: Sendable {
        public let status: DocumentStatus
        /// The lineages of the key activities (the deepest level below the top) and of the levels above them.
        public let activities: Set<String>
        public let goals: Set<String>
    }
}

extension DocumentsSection.VersionEntry {
    func validate(at path: String, registryKeys: Set<String>, groupKeys: Set<String>,
                  documents: [DocumentsSection.DocumentEntry]) throws(ImportError) {
        try requireText(title, at: "\(path).title")
        for (name, year) in [("periodStart", periodStart), ("periodEnd", periodEnd)] {
            if let year, !DocumentLimits.years.contains(year) {
                throw ImportError("\(path).\(name)", "a year between \(DocumentLimits.years.lowerBound) and \(DocumentLimits.years.upperBound)")
            }
        }
        if let adoptedOn, !CalendarDate.isValid(adoptedOn) {
            throw ImportError("\(path).adoptedOn", "\"\(adoptedOn)\" is not a date written as YYYY-MM-DD")
        }
        for (index, adoption) in (furtherAdoptions ?? []).enumerated() {
            try requireText(adoption.body, at: "\(path).furtherAdoptions[\(index)].body")
            if let date = adoption.adoptedOn, !CalendarDate.isValid(date) {
                throw ImportError("\(path).furtherAdoptions[\(index)].adoptedOn", "\"\(date)\" is not a date written as YYYY-MM-DD")
            }
        }
        if let start = periodStart, let end = periodEnd, end < start {
            throw ImportError("\(path).periodEnd", "the period ends (\(end)) before it starts (\(start))")
        }
        guard !levels.isEmpty else { throw ImportError("\(path).levels", "a document needs at least one level") }
        for (index, level) in levels.enumerated() {
            try requireText(level, at: "\(path).levels[\(index)]")
            guard levels.firstIndex(of: level) == index else { throw ImportError("\(path).levels[\(index)]", "level \"\(level)\" is named twice") }
        }
        var sectionKeys = Set<String>()
        for (index, section) in sections.enumerated() {
            try requireKey(section.key, at: "\(path).sections[\(index)].key")
            guard sectionKeys.insert(section.key).inserted else { throw ImportError("\(path).sections[\(index)].key", "duplicate section key \"\(section.key)\"") }
            guard (1...6).contains(section.depth) else { throw ImportError("\(path).sections[\(index)].depth", "depth must be between 1 and 6") }
        }
        let strategyKeys = Set(sections.filter { $0.role == .strategy }.map(\.key))
        for (index, entry) in agenda2030.enumerated() {
            try entry.validate(at: "\(path).agenda2030[\(index)]")
        }

        var levelOfNode: [String: Int] = [:]
        for (index, node) in nodes.enumerated() {
            let nodePath = "\(path).nodes[\(index)]"
            try requireKey(node.key, at: "\(nodePath).key")
            guard levelOfNode[node.key] == nil else { throw ImportError("\(nodePath).key", "duplicate node key \"\(node.key)\" in this version") }
            guard let level = levels.firstIndex(of: node.level) else {
                throw ImportError("\(nodePath).level", "\"\(node.level)\" is not a level of this document (\(levels.joined(separator: ", ")))")
            }
            levelOfNode[node.key] = level
        }
        for (index, node) in nodes.enumerated() {
            let nodePath = "\(path).nodes[\(index)]"
            let level = levelOfNode[node.key]!
            try requireText(node.title, at: "\(nodePath).title")
            if let parent = node.parent {
                guard let parentLevel = levelOfNode[parent] else { throw ImportError("\(nodePath).parent", "no node with key \"\(parent)\" in this version") }
                guard parentLevel == level - 1 else {
                    throw ImportError("\(nodePath).level", "a \"\(node.level)\" cannot sit directly under a \"\(levels[parentLevel])\"")
                }
            } else if level != 0 {
                throw ImportError("\(nodePath).parent", "a \"\(node.level)\" needs a parent; only \"\(levels[0])\" nodes are at the top")
            }
            for (partnerIndex, partner) in (node.partners ?? []).enumerated() where !registryKeys.contains(partner) {
                throw ImportError("\(nodePath).partners[\(partnerIndex)]", "no registry entry with key \"\(partner)\"")
            }
            for (networkIndex, network) in (node.networks ?? []).enumerated() where !groupKeys.contains(network) {
                throw ImportError("\(nodePath).networks[\(networkIndex)]", "no network, forum or body with key \"\(network)\"")
            }
            for (strategyIndex, strategy) in (node.strategies ?? []).enumerated() where !strategyKeys.contains(strategy) {
                throw ImportError("\(nodePath).strategies[\(strategyIndex)]", "no strategy section with key \"\(strategy)\"")
            }
            for (referenceIndex, reference) in (node.implements ?? []).enumerated() {
                let target = documents.first { $0.slug == reference.document }
                guard let target else { throw ImportError("\(nodePath).implements[\(referenceIndex)].document", "no document \"\(reference.document)\" in this file") }
                guard target.versions.contains(where: { $0.nodes.contains { $0.key == reference.node } }) else {
                    throw ImportError("\(nodePath).implements[\(referenceIndex)].node", "document \"\(reference.document)\" has no node \"\(reference.node)\"")
                }
            }
            for (entryIndex, entry) in (node.agenda2030 ?? []).enumerated() {
                try entry.validate(at: "\(nodePath).agenda2030[\(entryIndex)]")
            }
        }
    }
}

extension DocumentsSection.Agenda2030Entry {
    func validate(at path: String) throws(ImportError) {
        guard Agenda2030.isKnown(code) else { throw ImportError("\(path).code", "\"\(code)\" is not an Agenda 2030 goal or target") }
    }
}
