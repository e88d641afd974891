import Core
import Organisation
import Plans

extension OrganisationFile {
    /// Checks the rules the types cannot express: keys, references and the level model.
    /// `knownRegistryKeys` are registry entries already in the database.
    public func validate(knownRegistryKeys: Set<String>) throws(ImportError) {
        guard format == Self.formatName else { throw ImportError("format", "must be \"\(Self.formatName)\"") }
        guard formatVersion == Self.currentVersion else { throw ImportError("formatVersion", "unsupported version \(formatVersion); this Samsyn reads version \(Self.currentVersion)") }
        try requireKey(organisation.slug, at: "organisation.slug")
        try requireText(organisation.name, at: "organisation.name")

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

        var documentSlugs = Set<String>()
        for (index, document) in documents.enumerated() {
            let path = "documents[\(index)]"
            try requireKey(document.slug, at: "\(path).slug")
            guard documentSlugs.insert(document.slug).inserted else { throw ImportError("\(path).slug", "duplicate document slug \"\(document.slug)\"") }
            guard !document.versions.isEmpty else { throw ImportError("\(path).versions", "a document needs at least one version") }
            var numbers = Set<Int>()
            for (versionIndex, version) in document.versions.enumerated() {
                let versionPath = "\(path).versions[\(versionIndex)]"
                guard version.number >= 1 else { throw ImportError("\(versionPath).number", "version numbers start at 1") }
                guard numbers.insert(version.number).inserted else { throw ImportError("\(versionPath).number", "duplicate version number \(version.number)") }
                try version.validate(at: versionPath, registryKeys: registryKeys, groupKeys: groupKeys, documents: documents)
            }
        }
    }
}

extension OrganisationFile.VersionEntry {
    func validate(at path: String, registryKeys: Set<String>, groupKeys: Set<String>,
                  documents: [OrganisationFile.DocumentEntry]) throws(ImportError) {
        try requireText(title, at: "\(path).title")
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

extension OrganisationFile.Agenda2030Entry {
    func validate(at path: String) throws(ImportError) {
        guard Agenda2030.isKnown(code) else { throw ImportError("\(path).code", "\"\(code)\" is not an Agenda 2030 goal or target") }
    }
}


private func requireText(_ value: String, at path: String) throws(ImportError) {
    guard !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw ImportError(path, "must not be empty") }
}
