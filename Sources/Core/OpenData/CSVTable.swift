import CSV
import Foundation
import Vapor

/// A table for download as CSV: RFC 4180 (comma, CR LF, fields quoted where needed), UTF-8, a
/// header row of the same names the JSON API uses, so a column and a JSON field correspond. The
/// spreadsheet dialect is for Swedish spreadsheets instead: a byte-order mark, semicolons, and
/// numbers with a decimal comma, no thousands separator and an ASCII minus.
public struct CSVTable: Sendable {
    public enum Dialect: Sendable {
        case openData, spreadsheet
    }

    public let columns: [String]
    public let rows: [[String]]
    public let dialect: Dialect

    public init(columns: [String], rows: [[String]], dialect: Dialect = .openData) {
        self.columns = columns
        self.rows = rows
        self.dialect = dialect
    }

    public func text() throws -> String {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream, delimiter: dialect == .spreadsheet ? ";" : ",", newline: .crlf)
        let spreadsheet = dialect == .spreadsheet
        func cell(_ text: String) -> String { spreadsheet ? Self.neutralised(text) : text }
        try writer.write(row: columns.map(cell))
        for row in rows { try writer.write(row: row.map(cell)) }
        writer.stream.close()
        guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else { return "" }
        return (dialect == .spreadsheet ? "\u{FEFF}" : "") + String(decoding: data, as: UTF8.self)
    }

    /// A spreadsheet cell that would start a formula (`=`, `+`, `@`, `-` followed by other than a
    /// digit, a tab or a carriage return) gets a leading apostrophe, so Excel and LibreOffice show the
    /// text instead of evaluating it, and so does one that starts with an apostrophe (the spreadsheet
    /// shows it as written); numbers ("-1400000", "0,34") stay numbers. The machine CSV is left as it is.
    public static func neutralised(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first else { return cell }
        switch first {
        // An apostrophe of the text's own is doubled, so that reading takes off exactly the one added.
        case "=", "+", "@", "\t", "\r", "'": return "'" + cell
        case "-":
            let second = cell.unicodeScalars.dropFirst().first
            return second.map { ("0"..."9").contains($0) } ?? true ? cell : "'" + cell
        default: return cell
        }
    }

    /// The cell as written before `neutralised`: a spreadsheet cell read back loses the apostrophe it was given.
    public static func restored(_ cell: String) -> String {
        guard cell.hasPrefix("'"), neutralised(String(cell.dropFirst())) == cell else { return cell }
        return String(cell.dropFirst())
    }

    /// A number as the dialect writes it: "-1400000", "0.34" for open data, "0,34" for a spreadsheet.
    public func number(_ value: Decimal) -> String {
        let text = NSDecimalNumber(decimal: value).description(withLocale: Locale(identifier: "en_US_POSIX"))
        return dialect == .spreadsheet ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    public func number(_ value: Int?) -> String { value.map { String($0) } ?? "" }

    /// Reads a CSV in either dialect (a byte-order mark or a semicolon in the header row means a
    /// spreadsheet's): the rows, the header first. A malformed file throws CSV's error.
    public static func read(_ data: Data) throws -> (rows: [[String]], dialect: Dialect) {
        var text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        // The first line by scalars: "\r\n" is one Character, so a Character-wise prefix would run past it.
        let header = text.unicodeScalars.prefix { $0 != "\n" && $0 != "\r" }
        let dialect: Dialect = header.contains(";") ? .spreadsheet : .openData
        let reader = try CSVReader(string: text, hasHeaderRow: false, trimFields: true, delimiter: dialect == .spreadsheet ? ";" : ",")
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(dialect == .spreadsheet ? row.map(restored) : row) }
        if let error = reader.error { throw error }
        return (rows, dialect)
    }

    /// Several values in one cell: separated by semicolons, as spreadsheets read them.
    public static func list(_ values: [String]) -> String { values.joined(separator: "; ") }

    /// The response: text/csv with the header flag, offered for saving as `filename`, and open to any origin like the API.
    public func response(filename: String) throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8", "header": "present"])
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(filename)\"")
        headers.replaceOrAdd(name: .accessControlAllowOrigin, value: "*")
        return Response(status: .ok, headers: headers, body: .init(string: try text()))
    }
}

/// A list a page shows, offered as open data: where to download it as CSV and to read it as JSON.
public struct OpenDataSet: Sendable {
    public let title: String
    public let description: String
    public let csv: String
    public let json: String
    public let order: Int

    public init(title: String, description: String, csv: String, json: String, order: Int) {
        self.title = title
        self.description = description
        self.csv = csv
        self.json = json
        self.order = order
    }
}
