import Foundation

/// A fully populated value of any decodable type: every optional present, every list with one
/// element (nested lists end after a few levels), enumerations at their first case. The API's
/// contract test encodes these to check that each schema lists exactly the keys its type has,
/// and the OpenAPI document shows them as examples.
public enum Example {
    static let maximumDepth = 4

    public static func of<Value: Decodable>(_ type: Value.Type) throws -> Value {
        try sample(type, depth: 0)
    }

    static func sample<Value: Decodable>(_ type: Value.Type, depth: Int) throws -> Value {
        if let cases = type as? any CaseIterable.Type, let first = firstCase(cases) as? Value { return first }
        return try Value(from: PopulatingDecoder(depth: depth))
    }

    private static func firstCase<Cases: CaseIterable>(_ type: Cases.Type) -> Cases? { type.allCases.first }
}

private struct PopulatingDecoder: Decoder {
    let depth: Int
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(Keyed<Key>(depth: depth))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { Unkeyed(depth: depth) }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(depth: depth) }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let depth: Int
        var codingPath: [any CodingKey] = []
        /// Asked only by dictionaries: one entry.
        var allKeys: [Key] { [Key(stringValue: "example")].compactMap { $0 } }
        func contains(_ key: Key) -> Bool { true }
        func decodeNil(forKey key: Key) throws -> Bool { false }
        func decode<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value { try Example.sample(type, depth: depth + 1) }
        func nestedContainer<Nested: CodingKey>(keyedBy type: Nested.Type, forKey key: Key) throws -> KeyedDecodingContainer<Nested> {
            KeyedDecodingContainer(Keyed<Nested>(depth: depth + 1))
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { Unkeyed(depth: depth + 1) }
        func superDecoder() throws -> any Decoder { PopulatingDecoder(depth: depth) }
        func superDecoder(forKey key: Key) throws -> any Decoder { PopulatingDecoder(depth: depth + 1) }
    }

    struct Unkeyed: UnkeyedDecodingContainer {
        let depth: Int
        var codingPath: [any CodingKey] = []
        var currentIndex = 0
        var count: Int? { depth < Example.maximumDepth ? 1 : 0 }
        var isAtEnd: Bool { currentIndex >= (count ?? 0) }
        mutating func decodeNil() throws -> Bool { false }
        mutating func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
            currentIndex += 1
            return try Example.sample(type, depth: depth + 1)
        }
        mutating func nestedContainer<Nested: CodingKey>(keyedBy type: Nested.Type) throws -> KeyedDecodingContainer<Nested> {
            currentIndex += 1
            return KeyedDecodingContainer(Keyed<Nested>(depth: depth + 1))
        }
        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            currentIndex += 1
            return Unkeyed(depth: depth + 1)
        }
        mutating func superDecoder() throws -> any Decoder { PopulatingDecoder(depth: depth + 1) }
    }

    struct Single: SingleValueDecodingContainer {
        let depth: Int
        var codingPath: [any CodingKey] = []
        func decodeNil() -> Bool { false }
        func decode(_ type: Bool.Type) throws -> Bool { true }
        func decode(_ type: String.Type) throws -> String { "example" }
        func decode(_ type: Double.Type) throws -> Double { 1 }
        func decode(_ type: Float.Type) throws -> Float { 1 }
        func decode(_ type: Int.Type) throws -> Int { 1 }
        func decode(_ type: Int8.Type) throws -> Int8 { 1 }
        func decode(_ type: Int16.Type) throws -> Int16 { 1 }
        func decode(_ type: Int32.Type) throws -> Int32 { 1 }
        func decode(_ type: Int64.Type) throws -> Int64 { 1 }
        func decode(_ type: UInt.Type) throws -> UInt { 1 }
        func decode(_ type: UInt8.Type) throws -> UInt8 { 1 }
        func decode(_ type: UInt16.Type) throws -> UInt16 { 1 }
        func decode(_ type: UInt32.Type) throws -> UInt32 { 1 }
        func decode(_ type: UInt64.Type) throws -> UInt64 { 1 }
        func decode<Value: Decodable>(_ type: Value.Type) throws -> Value { try Example.sample(type, depth: depth + 1) }
    }
}
