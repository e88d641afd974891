import Core
import Foundation
import SamsynApp
import Testing
import Vapor

/// The demo file as a mutable JSON object, for tests that break it on purpose.
public func demoJSON() throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(contentsOf: Demo.fileURL)) as! [String: Any]
}

public func data(_ object: Any) throws -> Data {
    try JSONSerialization.data(withJSONObject: object)
}

/// Imports the demo file, broken by each case, as a new organisation: each must be refused with
/// the case's path, and the database must stay exactly as it was.
public func expectRefusals(_ app: Application, _ cases: [(name: String, path: String, breakage: @Sendable (inout [String: Any]) -> Void)]) async throws {
    let before = try await DatabaseFingerprint.take(app.db)
    for (name, path, breakage) in cases {
        var file = try demoJSON()
        file.editObject("organisation") { $0["slug"] = "ny-organisation" }
        breakage(&file)
        do {
            _ = try await OrganisationImporter.importFile(data(file), on: app.db)
            Issue.record("\(name): the import was accepted")
        } catch let error as ImportError {
            #expect(error.path == path, "\(name): \(error)")
            #expect(!error.message.isEmpty)
        }
        #expect(try await DatabaseFingerprint.take(app.db) == before, "\(name) changed the database")
    }
}

extension Dictionary where Key == String, Value == Any {
    /// Edits a nested object reached by keys and array indices.
    public mutating func edit(_ path: Any..., change: (inout [String: Any]) -> Void) {
        self = Self.edited(self, path: ArraySlice(path), change: change) as! [String: Any]
    }

    public mutating func editObject(_ key: String, change: (inout [String: Any]) -> Void) {
        var object = self[key] as! [String: Any]
        change(&object)
        self[key] = object
    }

    private static func edited(_ value: Any, path: ArraySlice<Any>, change: (inout [String: Any]) -> Void) -> Any {
        guard let head = path.first else {
            var object = value as! [String: Any]
            change(&object)
            return object
        }
        if let key = head as? String {
            var object = value as! [String: Any]
            object[key] = edited(object[key]!, path: path.dropFirst(), change: change)
            return object
        }
        var array = value as! [Any]
        let index = head as! Int
        array[index] = edited(array[index], path: path.dropFirst(), change: change)
        return array
    }
}
