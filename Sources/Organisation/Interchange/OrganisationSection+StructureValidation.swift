import Core
import Foundation

extension OrganisationSection.StructureEntry {
    /// Keys, references, dates and the reporting chain of the organisation's structure.
    func validate(registryKeys: Set<String>) throws(ImportError) {
        try validateChart()
        var unitKeys = Set<String>()
        for (index, unit) in units.enumerated() {
            try requireKey(unit.key, at: "structure.units[\(index)].key")
            guard unitKeys.insert(unit.key).inserted else { throw ImportError("structure.units[\(index)].key", "duplicate unit key \"\(unit.key)\"") }
        }
        var groupKeys = Set<String>()
        for (index, group) in groups.enumerated() {
            try requireKey(group.key, at: "structure.groups[\(index)].key")
            guard groupKeys.insert(group.key).inserted else { throw ImportError("structure.groups[\(index)].key", "duplicate group key \"\(group.key)\"") }
        }
        var personKeys = Set<String>()
        for (index, person) in people.enumerated() {
            try requireKey(person.key, at: "structure.people[\(index)].key")
            guard personKeys.insert(person.key).inserted else { throw ImportError("structure.people[\(index)].key", "duplicate person key \"\(person.key)\"") }
        }
        for (index, unit) in units.enumerated() {
            let path = "structure.units[\(index)]"
            for (steeringIndex, key) in unit.steeringGroups.enumerated() where !groupKeys.contains(key) {
                throw ImportError("\(path).steeringGroups[\(steeringIndex)]", "no group with key \"\(key)\"")
            }
            for (listingIndex, listing) in unit.listings.enumerated() {
                for (groupIndex, key) in listing.groups.enumerated() where !groupKeys.contains(key) {
                    throw ImportError("\(path).listings[\(listingIndex)].groups[\(groupIndex)]", "no group with key \"\(key)\"")
                }
            }
        }
        let bodies = Set(groups.filter(\.body).map(\.key))
        for (index, group) in groups.enumerated() {
            let path = "structure.groups[\(index)]"
            if let reportsTo = group.reportsTo, !bodies.contains(reportsTo) {
                throw ImportError("\(path).reportsTo", "no body with key \"\(reportsTo)\" in this organisation")
            }
            if let unit = group.runBy, !unitKeys.contains(unit) {
                throw ImportError("\(path).runBy", "\"\(unit)\" is not a unit of this organisation")
            }
            if let convener = group.convener, !registryKeys.contains(convener) {
                throw ImportError("\(path).convener", "no registry entry with key \"\(convener)\"")
            }
            if let runner = group.runByActor, !registryKeys.contains(runner) {
                throw ImportError("\(path).runByActor", "no registry entry with key \"\(runner)\"")
            }
            if group.runBy != nil, group.runByActor != nil {
                throw ImportError("\(path).runByActor", "a group is run either by a unit of this organisation (runBy) or by another organisation (runByActor), not both")
            }
            for (bodyIndex, external) in (group.preparesFor ?? []).enumerated() {
                try requireText(external.body, at: "\(path).preparesFor[\(bodyIndex)].body")
                if let organisation = external.organisation, !registryKeys.contains(organisation) {
                    throw ImportError("\(path).preparesFor[\(bodyIndex)].organisation", "no registry entry with key \"\(organisation)\"")
                }
            }
            for (partnerIndex, partner) in (group.partners ?? []).enumerated() where !registryKeys.contains(partner) {
                throw ImportError("\(path).partners[\(partnerIndex)]", "no registry entry with key \"\(partner)\"")
            }
            for (seatIndex, seat) in (group.memberships ?? []).enumerated() {
                try seat.validate(at: "\(path).memberships[\(seatIndex)]", personKeys: personKeys, registryKeys: registryKeys)
            }
        }
        try rejectReportingCycles()
    }

    /// A body may not, through the bodies it reports to, report to itself.
    /// Box ids once each, the document's words on every box, bodies that exist, and each box
    /// hanging from a box in a row above it.
    func validateChart() throws(ImportError) {
        guard let chart else { return }
        var rows: [String: Int] = [:]
        let groupKeys = Set(groups.map(\.key))
        for (index, box) in chart.enumerated() {
            let path = "structure.chart[\(index)]"
            try requireKey(box.id, at: "\(path).id")
            guard rows[box.id] == nil else { throw ImportError("\(path).id", "duplicate chart box \"\(box.id)\"") }
            try requireText(box.label, at: "\(path).label")
            guard (0...20).contains(box.row) else { throw ImportError("\(path).row", "a row from 0 (the top) to 20") }
            if let group = box.group, !groupKeys.contains(group) { throw ImportError("\(path).group", "no body \"\(group)\" in structure.groups") }
            if let person = box.person, !people.contains(where: { $0.key == person }) {
                throw ImportError("\(path).person", "no person \"\(person)\" in structure.people")
            }
            if let under = box.under {
                guard let row = rows[under] else { throw ImportError("\(path).under", "no earlier chart box \"\(under)\"") }
                guard row < box.row else { throw ImportError("\(path).under", "the box it hangs from must be in a row above") }
            }
            rows[box.id] = box.row
        }
    }

    func rejectReportingCycles() throws(ImportError) {
        let reportsTo = Dictionary(uniqueKeysWithValues: groups.map { ($0.key, $0.reportsTo) })
        for (index, group) in groups.enumerated() {
            var seen: Set<String> = [group.key]
            var next = group.reportsTo
            while let current = next {
                guard seen.insert(current).inserted else {
                    throw ImportError("structure.groups[\(index)].reportsTo", "the reporting chain of \"\(group.key)\" runs in a circle")
                }
                next = reportsTo[current] ?? nil
            }
        }
    }
}

extension OrganisationSection.MembershipEntry {
    func validate(at path: String, personKeys: Set<String>, registryKeys: Set<String>) throws(ImportError) {
        guard !role.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw ImportError("\(path).role", "must not be empty") }
        if let person, !personKeys.contains(person) { throw ImportError("\(path).person", "no person with key \"\(person)\"") }
        if let representing, !registryKeys.contains(representing) {
            throw ImportError("\(path).representing", "no registry entry with key \"\(representing)\"")
        }
        let start = try from.map { value throws(ImportError) in try isoDate(value, at: "\(path).from") }
        let end = try to.map { value throws(ImportError) in try isoDate(value, at: "\(path).to") }
        if let start, let end, end < start {
            throw ImportError("\(path).to", "the membership ends (\(to!)) before it starts (\(from!))")
        }
    }
}

/// A calendar date written as YYYY-MM-DD; compared as text, which orders ISO dates correctly.
func isoDate(_ value: String, at path: String) throws(ImportError) -> String {
    guard CalendarDate.isValid(value) else { throw ImportError(path, "\"\(value)\" is not a date written as YYYY-MM-DD") }
    return value
}
