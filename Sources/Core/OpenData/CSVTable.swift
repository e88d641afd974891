import CSV
import Foundation
import Vapor

/// A table for download as CSV: RFC 4180 (comma, CR LF, fields quoted where needed), UTF-8, a
/// header row of the same names the JSON API uses, so a column and a JSON field correspond.
public struct CSVTable: Sendable {
    public let columns: [String]
    public let rows: [[String]]

    public init(columns: [String], rows: [[String]]) {
        self.columns = columns
        self.rows = rows
    }

    public func text() throws -> String {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream, newline: .crlf)
        try writer.write(row: columns)
        for row in rows { try writer.write(row: row) }
        writer.stream.close()
        guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else { return "" }
        return String(decoding: data, as: UTF8.self)
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
