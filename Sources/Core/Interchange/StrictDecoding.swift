import Foundation

/// Reading JSON strictly, with errors that name the field by its path.
public enum StrictDecoding {
    public static func firstUnknownKey(in input: Any, known: Any, path: String) -> String? {
        if let object = input as? [String: Any] {
            let knownObject = known as? [String: Any] ?? [:]
            for key in object.keys.sorted() {
                let childPath = path.isEmpty ? key : "\(path).\(key)"
                guard let knownValue = knownObject[key] else {
                    if object[key] is NSNull { continue }
                    return childPath
                }
                if let found = firstUnknownKey(in: object[key]!, known: knownValue, path: childPath) { return found }
            }
        } else if let array = input as? [Any], let knownArray = known as? [Any] {
            for (index, element) in array.enumerated() where index < knownArray.count {
                if let found = firstUnknownKey(in: element, known: knownArray[index], path: "\(path)[\(index)]") { return found }
            }
        }
        return nil
    }

    public static func describe(_ error: DecodingError) -> ImportError {
        func path(_ keys: [any CodingKey]) -> String {
            keys.reduce(into: "") { result, key in
                if let index = key.intValue { result += "[\(index)]" } else { result += result.isEmpty ? key.stringValue : ".\(key.stringValue)" }
            }
        }
        switch error {
        case let .keyNotFound(key, context):
            return ImportError(path(context.codingPath + [key]), "required property is missing")
        case let .typeMismatch(type, context):
            return ImportError(path(context.codingPath), "expected \(jsonTypeName(type))")
        case let .valueNotFound(type, context):
            return ImportError(path(context.codingPath), "expected \(jsonTypeName(type)), found null")
        case let .dataCorrupted(context):
            // The reason may sit in the underlying error ("Number 1e400 is not representable in Swift.").
            let text = context.debugDescription + (context.underlyingError.map { " " + String(describing: $0) } ?? "")
            return ImportError(path(context.codingPath), text.contains("Cannot initialize") ? "value is not one of the allowed values"
                               : text.contains("not representable") || text.contains("does not fit") ? "the number is out of range"
                               // Foundation's decoder says this of a number it cannot hold (1e400) too.
                               : text.contains("not valid JSON") ? "the body is not valid JSON, or holds a number out of range"
                               : text.replacingOccurrences(of: " in Swift", with: ""))
        @unknown default:
            return ImportError("", "the file could not be read")
        }
    }

    public static func jsonTypeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Double.Type: "a number"
        case is Bool.Type: "true or false"
        case is [Any].Type: "an array"
        default: String(describing: type).hasPrefix("Array") ? "an array" : "an object"
        }
    }
}
