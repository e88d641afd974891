import Core
import Foundation

/// Member fees under the ceiling, in exact decimal arithmetic (docs/finance.md):
/// - the ceiling is rate × population × tax capacity, computed for the whole and rounded once to
///   whole kronor, halves away from zero;
/// - a whole (the ceiling, the financing the budget needs) is apportioned over the members by
///   population with the largest-remainder method: each member gets the whole kronor of its exact
///   share, and the kronor left go one each to the largest remainders (ties: the larger population,
///   then the registry key), so the members' parts add up exactly to the whole;
/// - the tax capacity that would make the ceiling equal the financing is financing ÷ (rate ×
///   population), rounded the same way.
public enum FeeCalculation {
    public struct Member: Codable, Sendable, Equatable {
        public let member: String
        public let name: String
        public let population: Int
        public let ceiling: Int
        /// This member's part of the financing; absent when the budget names no financing line.
        public let financing: Int?
    }

    public struct Table: Codable, Sendable, Equatable {
        public let members: [Member]
        public let population: Int
        public let ceiling: Int
        public let financing: Int?
        /// Financing minus ceiling: positive when the budget asks more than the ceiling computed with these inputs.
        public let deviation: Int?
        /// The tax capacity per inhabitant that would make the ceiling equal the financing.
        public let impliedTaxCapacity: Int?
    }

    public enum Failure: Error, Equatable {
        case rate
        case taxCapacity
        case missingPopulation(String)
        case population(String)
    }

    /// The table for `members` (registry keys with names) in their order.
    public static func table(_ basis: FeeBasis, financing: Int?, members: [(key: String, name: String)]) throws(Failure) -> Table {
        guard let rate = basis.rate else { throw .rate }
        // Stored inputs beyond the bounds (an older database) are refused here as they are where they enter.
        guard basis.taxCapacity > 0, basis.taxCapacity <= FeeBasis.maxTaxCapacity else { throw .taxCapacity }
        guard members.count <= Bounds.members else { throw .population(members[Bounds.members].key) }
        var populations: [String: Int] = [:]
        for entry in basis.populations { populations[entry.member] = entry.population }
        for member in members {
            guard let population = populations[member.key] else { throw .missingPopulation(member.key) }
            guard population > 0, Bounds.isPopulation(population) else { throw .population(member.key) }
        }
        let counts = members.map { populations[$0.key]! }
        let total = counts.reduce(0, +)
        let ceiling = rounded(rate * Decimal(total) * Decimal(basis.taxCapacity))
        let ceilings = apportion(ceiling, weights: counts, keys: members.map(\.key))
        let financings = financing.map { apportion($0, weights: counts, keys: members.map(\.key)) }
        let implied = financing.map { rounded(Decimal($0) / (rate * Decimal(total))) }
        return Table(
            members: members.enumerated().map { index, member in
                Member(member: member.key, name: member.name, population: counts[index], ceiling: ceilings[index], financing: financings?[index])
            },
            population: total, ceiling: ceiling, financing: financing, deviation: financing.map { $0 - ceiling }, impliedTaxCapacity: implied)
    }

    /// Whole kronor, halves away from zero.
    public static func rounded(_ value: Decimal) -> Int {
        var value = value, result = Decimal()
        NSDecimalRound(&result, &value, 0, .plain)
        return NSDecimalNumber(decimal: result).intValue
    }

    /// `whole` split by `weights` with the largest remainder: the parts add up to `whole` exactly.
    public static func apportion(_ whole: Int, weights: [Int], keys: [String]) -> [Int] {
        let sum = weights.reduce(0, +)
        guard sum > 0 else { return weights.map { _ in 0 } }
        var parts: [Int] = [], remainders: [(index: Int, remainder: Decimal)] = []
        for (index, weight) in weights.enumerated() {
            let exact = Decimal(whole) * Decimal(weight) / Decimal(sum)
            var floor = Decimal(), copy = exact
            NSDecimalRound(&floor, &copy, 0, whole >= 0 ? .down : .up)
            parts.append(NSDecimalNumber(decimal: floor).intValue)
            remainders.append((index, abs(exact - floor)))
        }
        let left = whole - parts.reduce(0, +), step = left >= 0 ? 1 : -1
        let order = remainders.sorted { lhs, rhs in
            if lhs.remainder != rhs.remainder { return lhs.remainder > rhs.remainder }
            if weights[lhs.index] != weights[rhs.index] { return weights[lhs.index] > weights[rhs.index] }
            return keys[lhs.index] < keys[rhs.index]
        }
        for position in 0..<abs(left) { parts[order[position % order.count].index] += step }
        return parts
    }
}
