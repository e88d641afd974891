import Fluent
import Foundation

/// An interchange file format: a name, a version and the sections that make it up, in
/// dependency order. It decodes strictly, encodes stably, and runs the sections' export,
/// validation and write.
public struct InterchangeFormat: Sendable {
    public let name: String
    public let version: Int
    public let sections: [any InterchangeSection.Type]

    public init(name: String, version: Int, sections: [any InterchangeSection.Type]) {
        self.name = name
        self.version = version
        self.sections = sections
    }

    /// Decodes a file strictly: malformed JSON, wrong types, missing fields and unknown properties
    /// are all refused with the path of the field at fault.
    public func decode(_ data: Data) throws(ImportError) -> InterchangeFile {
        guard JSONShape.isShallow(data) else { throw ImportError("", "the file nests deeper than \(JSONShape.depthLimit) levels") }
        let raw: Any
        do {
            raw = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            let reason = String(describing: (error as NSError).userInfo["NSDebugDescription"] ?? error.localizedDescription)
            throw ImportError("", "the file is not valid JSON (\(reason.replacingOccurrences(of: " in Swift", with: "")))")
        }
        guard raw is [String: Any] else { throw ImportError("", "the file must contain one JSON object") }
        if let (path, problem) = TextRules.firstProblem(in: raw) { throw ImportError(path, problem.english) }
        let file: InterchangeFile
        do {
            let decoder = JSONDecoder()
            decoder.userInfo[InterchangeFile.sectionsKey] = SectionList(sections)
            file = try decoder.decode(InterchangeFile.self, from: data)
        } catch let error as DecodingError {
            throw StrictDecoding.describe(error)
        } catch {
            throw ImportError("", "the file could not be read: \(error)")
        }
        // Anything the decoder skipped is an unknown property: re-encode and compare.
        if let encoded = try? JSONSerialization.jsonObject(with: JSONEncoder().encode(file)),
           let unknown = StrictDecoding.firstUnknownKey(in: raw, known: encoded, path: "") {
            throw ImportError(unknown, "unknown property")
        }
        guard file.format == name else { throw ImportError("format", "must be \"\(name)\"") }
        guard file.formatVersion == version else {
            throw ImportError("formatVersion", "unsupported version \(file.formatVersion); this Samsyn reads version \(version)")
        }
        return file
    }

    /// Stable, readable JSON: sorted keys, pretty printed, UTF-8 unescaped.
    public func encode(_ file: InterchangeFile) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(file)
    }

    /// Every section's part of one tenant. Sections run in reverse order, so each can note what it
    /// refers to for the sections below it.
    public func export(tenant: UUID, on db: any Database) async throws -> InterchangeFile {
        var context = InterchangeContext()
        context.tenant = tenant
        var contents: [any Codable & Sendable] = []
        for section in sections.reversed() {
            contents.insert(try await section.exportContent(tenant: tenant, context: &context, on: db), at: 0)
        }
        return InterchangeFile(format: name, formatVersion: version, contents: contents)
    }

    /// Validates every section, then writes them all in one transaction: all of it lands, or nothing.
    /// `given` is what comes beside the file (an archive's attachments); `finish` runs last in the
    /// same transaction (the audit entry).
    public func write<Result: Sendable>(_ file: InterchangeFile, replace: Bool, given: InterchangeContext = InterchangeContext(), on db: any Database,
                                        finish: @escaping @Sendable (InterchangeContext, any Database) async throws -> Result) async throws -> Result {
        var checked = given
        checked.replace = replace
        for (section, content) in zip(sections, file.contents) {
            try await section.validateContent(content, context: &checked, on: db)
        }
        let sections = self.sections
        do {
            return try await db.write { db in
                var context = given
                context.replace = replace
                for (section, content) in zip(sections, file.contents) {
                    try await section.writeContent(content, context: &context, on: db)
                }
                return try await finish(context, db)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // A value that must be unique across the database (a survey link's hash, say) and that
            // another tenant already holds: refused like any other bad file, nothing written.
            throw ImportError("", "the file holds a value that must be unique and is already used in this database (\(Self.constraint(error)))")
        }
    }

    /// The table and column a unique index names, from the engine's message.
    static func constraint(_ error: any DatabaseError) -> String {
        // PostgreSQL's error describes itself generically; its reflection names the constraint.
        let text = String(describing: error) + " " + String(reflecting: error)
        if let range = text.range(of: "UNIQUE constraint failed: ") { return String(text[range.upperBound...].prefix { $0 != "\n" && $0 != ")" }.prefix(200)) }
        if let range = text.range(of: "constraint \"") { return String(text[range.upperBound...].prefix { $0 != "\"" }.prefix(200)) }
        return "a unique index"
    }
}

/// A decoded interchange file: the envelope and each section's content, in the format's section order.
public struct InterchangeFile: Codable, Sendable, Equatable {
    static let sectionsKey = CodingUserInfoKey(rawValue: "samsyn.interchange-sections")!

    public var format: String
    public var formatVersion: Int
    public var contents: [any Codable & Sendable]

    enum CodingKeys: String, CodingKey { case format, formatVersion }

    public init(format: String, formatVersion: Int, contents: [any Codable & Sendable]) {
        self.format = format
        self.formatVersion = formatVersion
        self.contents = contents
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decode(String.self, forKey: .format)
        formatVersion = try container.decode(Int.self, forKey: .formatVersion)
        guard let list = decoder.userInfo[Self.sectionsKey] as? SectionList else {
            preconditionFailure("decode interchange files through InterchangeFormat.decode")
        }
        contents = try list.sections.map { try $0.decodeContent(from: decoder) }
    }

    /// The envelope and every section's properties in one JSON object.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(format, forKey: .format)
        try container.encode(formatVersion, forKey: .formatVersion)
        for content in contents { try content.encode(to: encoder) }
    }

    /// The content of one section, when the file holds it.
    public func content<Content>(_ type: Content.Type) -> Content? {
        contents.lazy.compactMap { $0 as? Content }.first
    }

    public mutating func replaceContent<Content: Codable & Sendable>(_ content: Content) {
        if let index = contents.firstIndex(where: { $0 is Content }) { contents[index] = content }
    }

    /// Files are equal when they encode to the same JSON.
    public static func == (lhs: InterchangeFile, rhs: InterchangeFile) -> Bool {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(lhs)) == (try? encoder.encode(rhs))
    }
}

/// Carries the format's sections to `InterchangeFile.init(from:)` through the decoder's user info.
struct SectionList: @unchecked Sendable {
    let sections: [any InterchangeSection.Type]
    init(_ sections: [any InterchangeSection.Type]) { self.sections = sections }
}
