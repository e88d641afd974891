import Core
import Foundation
import Vapor

/// Files in the Kolada API's JSON format (docs/kolada.md): data pages (`/data`, v2 and v3) and
/// KPI metadata (`/kpi`). Unknown fields are ignored, as a client of an evolving API must; what
/// Samsyn needs is checked, and a file that breaks it is refused naming the file, the row and the field.
public enum KoladaFile {
    public struct Value: Sendable, Equatable {
        public let kpi: String
        public let municipality: String
        public let period: String
        /// T (totalt), K (kvinnor), M (män); the v2 document's F is read as M.
        public let gender: String
        public let value: Double?
        public let count: Int
        public let status: String
        public let deleted: Bool
    }

    public struct KPI: Sendable, Equatable {
        public let id: String
        public let title: String
        public let description: String
        public let municipalityType: String?
        public let dividedByGender: Bool
        public let operatingArea: String?
        public let perspective: String?
        public let publicationPeriod: String?
    }

    /// One file's content: data rows or KPI metadata (a page holds one kind), and its paging links.
    public struct Page: Sendable, Equatable {
        public var values: [Value] = []
        public var kpis: [KPI] = []
        public var next: String?
        public var previous: String?
    }

    public struct Failure: DomainFailure, Equatable, CustomStringConvertible {
        public let file: String
        /// The row in `values` (1-based), when the problem is in one.
        public let row: Int?
        /// The JSON key at fault, or "(file)".
        public let key: String
        public let problem: String

        public init(file: String, row: Int?, field: String, problem: String) {
            self.file = file
            self.row = row
            self.key = field
            self.problem = problem
        }

        public var description: String {
            "\(file): " + (row.map { "row \($0), " } ?? "") + "\(key): \(problem)"
        }

        public var field: String? { key }
    }

    /// Reads one file: a data page by its bytes where it can, otherwise with JSONDecoder, whose errors
    /// carry the path of the field at fault; rows are decoded by hand so that unknown fields are
    /// ignored and the two formats' names both read.
    public static func read(_ data: Data, file: String) throws(Failure) -> Page {
        guard JSONShape.isShallow(data) else {
            throw Failure(file: file, row: nil, field: "(file)", problem: "nests deeper than \(JSONShape.depthLimit) levels")
        }
        let page: Page
        if let fast = KoladaFastReader.page(data) { page = fast } else { page = try decode(data, file: file) }
        // A value must be a finite number within ±10^15 (Bounds): charts and sums never meet a value they cannot hold.
        if let value = page.values.first(where: { $0.value.map { !Bounds.isIndicatorValue($0) } ?? false }) {
            throw Failure(file: file, row: nil, field: "value", problem: "\(value.kpi) \(value.municipality) \(value.period) \(Bounds.indicatorEnglish)")
        }
        return page
    }

    /// The decoder's reading: every shape, and the row and field of what is wrong.
    static func decode(_ data: Data, file: String) throws(Failure) -> Page {
        do {
            return try JSONDecoder().decode(Envelope.self, from: data).page
        } catch let error as DecodingError {
            throw failure(error, file: file)
        } catch {
            throw Failure(file: file, row: nil, field: "(file)", problem: "not valid JSON")
        }
    }

    /// The row (1-based within `values`) and the field a decoding error names.
    static func failure(_ error: DecodingError, file: String) -> Failure {
        let (path, problem): ([any CodingKey], String) = switch error {
        case .keyNotFound(let key, let context): (context.codingPath + [key], "missing")
        case .typeMismatch(_, let context), .valueNotFound(_, let context): (context.codingPath, context.debugDescription.hasPrefix("expected") ? context.debugDescription : "of the wrong type")
        case .dataCorrupted(let context): (context.codingPath, context.codingPath.isEmpty ? "not valid JSON" : context.debugDescription)
        @unknown default: ([], "could not be read")
        }
        guard path.first?.stringValue == "values" else {
            return Failure(file: file, row: nil, field: path.first?.stringValue ?? "(file)", problem: path.isEmpty && problem == "of the wrong type" ? "expected a JSON object" : problem)
        }
        let row = path.count > 1 ? path[1].intValue.map { $0 + 1 } : nil
        var field = ""
        for key in path.dropFirst(row == nil ? 1 : 2) {
            if let index = key.intValue { field += "[\(index)]" } else { field += (field.isEmpty ? "" : ".") + key.stringValue }
        }
        return Failure(file: file, row: row, field: field.isEmpty ? (row == nil ? "values" : "(row)") : field, problem: problem)
    }

    struct Key: CodingKey {
        let stringValue: String
        let intValue: Int? = nil
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    struct Envelope: Decodable {
        let page: Page

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            var page = Page()
            for row in try container.decode([Row].self, forKey: Key("values")) {
                switch row {
                case .data(let values): page.values += values
                case .kpi(let kpi): page.kpis.append(kpi)
                }
            }
            page.next = try container.decodeIfPresent(String.self, forKey: Key("next_url")) ?? container.decodeIfPresent(String.self, forKey: Key("next_page"))
            page.previous = try container.decodeIfPresent(String.self, forKey: Key("previous_url"))
                ?? container.decodeIfPresent(String.self, forKey: Key("previous_page"))
            self.page = page
        }
    }

    enum Row: Decodable {
        case data([Value])
        case kpi(KPI)

        init(from decoder: any Decoder) throws {
            let row = try decoder.container(keyedBy: Key.self)
            if row.contains(Key("kpi")) {
                let kpi = try row.text("kpi"), municipality = try row.text("municipality")
                let period: String
                // A number first: v3 writes years as numbers, and a failed attempt costs an error per row.
                if let year = try? row.decode(Int.self, forKey: Key("period")) {
                    period = String(year)
                } else if let text = try? row.decode(String.self, forKey: Key("period")), !text.isEmpty {
                    period = text
                } else {
                    throw DecodingError.typeMismatch(String.self, .init(codingPath: row.codingPath + [Key("period")],
                                                                        debugDescription: row.contains(Key("period")) ? "expected a year as a number or text" : "missing"))
                }
                var entries = try row.nestedUnkeyedContainer(forKey: Key("values"))
                var values: [Value] = []
                while !entries.isAtEnd {
                    let entry = try entries.nestedContainer(keyedBy: Key.self)
                    let gender = try entry.decode(String.self, forKey: Key("gender"))
                    guard ["T", "K", "M", "F"].contains(gender) else {
                        throw DecodingError.dataCorrupted(.init(codingPath: entry.codingPath + [Key("gender")], debugDescription: "expected T, K, M or F"))
                    }
                    let deletedKey = entry.contains(Key("isdeleted")) ? Key("isdeleted") : Key("is_deleted")
                    let deleted: Bool
                    let absent = try !entry.contains(deletedKey) || entry.decodeNil(forKey: deletedKey)
                    if absent {
                        deleted = false
                    } else if let flag = try? entry.decode(Bool.self, forKey: deletedKey) {
                        deleted = flag
                    } else if let number = try? entry.decode(Int.self, forKey: deletedKey), [0, 1].contains(number) {
                        deleted = number == 1
                    } else {
                        throw DecodingError.typeMismatch(Bool.self, .init(codingPath: entry.codingPath + [deletedKey], debugDescription: "expected true, false, 0 or 1"))
                    }
                    values.append(Value(kpi: kpi, municipality: municipality, period: period, gender: gender == "F" ? "M" : gender,
                                        value: try entry.number("value"), count: try entry.decodeIfPresent(Int.self, forKey: Key("count")) ?? 1,
                                        status: try entry.decodeIfPresent(String.self, forKey: Key("status")) ?? "", deleted: deleted))
                }
                self = .data(values)
            } else if row.contains(Key("title")) {
                let divided: Bool
                if let flag = try? row.decodeIfPresent(Bool.self, forKey: Key("is_divided_by_gender")) { divided = flag }
                else { divided = (try? row.decodeIfPresent(Int.self, forKey: Key("is_divided_by_gender"))).flatMap { $0 }.map { $0 != 0 } ?? false }
                self = .kpi(KPI(id: try row.text("id"), title: try row.text("title"),
                                description: try row.decodeIfPresent(String.self, forKey: Key("description")) ?? "",
                                municipalityType: try? row.decodeIfPresent(String.self, forKey: Key("municipality_type")), dividedByGender: divided,
                                operatingArea: try? row.decodeIfPresent(String.self, forKey: Key("operating_area")),
                                perspective: try? row.decodeIfPresent(String.self, forKey: Key("perspective")),
                                publicationPeriod: try? row.decodeIfPresent(String.self, forKey: Key("publ_period"))))
            } else {
                throw DecodingError.keyNotFound(Key("kpi"), .init(codingPath: row.codingPath, debugDescription: "neither a data row (kpi) nor KPI metadata (id, title)"))
            }
        }
    }
}

extension KeyedDecodingContainer where Key == KoladaFile.Key {
    /// Text that must be there and not be empty.
    func text(_ name: String) throws -> String {
        let value = try decode(String.self, forKey: Key(name))
        guard !value.isEmpty else { throw DecodingError.dataCorrupted(.init(codingPath: codingPath + [Key(name)], debugDescription: "must not be empty")) }
        return value
    }

    /// A number or null.
    func number(_ name: String) throws -> Double? {
        let absent = try !contains(Key(name)) || decodeNil(forKey: Key(name))
        guard !absent else { return nil }
        guard let number = try? decode(Double.self, forKey: Key(name)) else {
            throw DecodingError.typeMismatch(Double.self, .init(codingPath: codingPath + [Key(name)], debugDescription: "expected a number or null"))
        }
        return number
    }
}

extension KoladaFile.Failure {
    public var english: String { description }
    public var swedish: String { "Filen \(file) går inte att läsa: " + (row.map { "rad \($0), " } ?? "") + "\(key): \(problem)" }
    public var status: HTTPResponseStatus { .unprocessableEntity }
}
