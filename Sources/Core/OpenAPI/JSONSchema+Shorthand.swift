import OpenAPIKit

/// Short forms for the schemas modules write beside their response types. Objects are closed
/// (`additionalProperties: false`): the contract test then notices any field the schema lacks.
extension JSONSchema {
    /// A closed object; a property is required unless marked `.optional`.
    public static func record(_ properties: KeyValuePairs<String, JSONSchema>, description: String? = nil) -> JSONSchema {
        .object(description: description, properties: OrderedDictionary(properties.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 }),
                additionalProperties: .a(false))
    }

    /// A reference to a named schema in the document's components.
    public static func component(_ name: String) -> JSONSchema {
        .reference(.component(named: name))
    }

    public static func list(_ items: JSONSchema) -> JSONSchema {
        .array(items: items)
    }

    /// A string map, e.g. names by key.
    public static func map(_ values: JSONSchema) -> JSONSchema {
        .object(additionalProperties: .b(values))
    }

    /// A string limited to an enumeration's raw values.
    public static func oneOf<Value: CaseIterable & RawRepresentable>(_ type: Value.Type, description: String? = nil) -> JSONSchema
    where Value.RawValue == String {
        .string(description: description, allowedValues: type.allCases.map { AnyCodable($0.rawValue) })
    }

    /// The same schema as a property that may be absent.
    public var optional: JSONSchema { optionalSchemaObject() }
}
