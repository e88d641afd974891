import Auth
import Core
import Crypto
import Fluent
import Foundation
import Vapor

/// Files attached to agreements: the type is read from the bytes (never from the name), the size
/// is limited, and each file is public or internal.
public enum DocumentWork {
    public static let maxBytes = 10 * 1024 * 1024

    /// The types accepted, by what the bytes begin with (and, for zip containers, what they hold).
    public enum FileType: String, CaseIterable, Sendable {
        case pdf, docx, xlsx, odt, ods, png, jpeg

        public var contentType: String {
            switch self {
            case .pdf: "application/pdf"
            case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            case .odt: "application/vnd.oasis.opendocument.text"
            case .ods: "application/vnd.oasis.opendocument.spreadsheet"
            case .png: "image/png"
            case .jpeg: "image/jpeg"
            }
        }

        public var fileExtension: String { self == .jpeg ? "jpg" : rawValue }

        public static let description = "PDF, Word (docx), Excel (xlsx), OpenDocument (odt, ods), PNG eller JPEG"

        /// The type the bytes are, or nil.
        public static func sniff(_ data: Data) -> FileType? {
            let bytes = [UInt8](data.prefix(8))
            if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
            if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
            if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
            guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { return nil }
            // OpenDocument stores its type first, uncompressed, as the "mimetype" entry.
            let head = data.prefix(200)
            if head.range(of: Data("mimetypeapplication/vnd.oasis.opendocument.text".utf8)) != nil { return .odt }
            if head.range(of: Data("mimetypeapplication/vnd.oasis.opendocument.spreadsheet".utf8)) != nil { return .ods }
            // Office Open XML: the package's parts are named in the zip's directory.
            guard data.range(of: Data("[Content_Types].xml".utf8)) != nil else { return nil }
            if data.range(of: Data("word/document.xml".utf8)) != nil { return .docx }
            if data.range(of: Data("xl/workbook.xml".utf8)) != nil { return .xlsx }
            return nil
        }
    }

    /// A file name to keep: no path, no control characters, the extension of the type it is.
    static func name(_ given: String, type: FileType) -> String {
        let last = given.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var stem = String(last.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) && $0 != "\"" }.map(Character.init))
            .trimmingCharacters(in: .whitespaces)
        if let dot = stem.lastIndex(of: "."), dot != stem.startIndex { stem = String(stem[..<dot]) }
        stem = String(stem.prefix(150))
        return (stem.isEmpty ? "dokument" : stem) + "." + type.fileExtension
    }

    static func add(to agreement: Agreement, name: String, data: Data, isPublic: Bool, actor: AuditLog.Actor, at now: Date,
                           on db: any Database) async throws -> AgreementDocument {
        guard !data.isEmpty else { throw AgreementWork.Failure.invalid("Välj en fil.", english: "the file is empty", field: "file") }
        guard data.count <= maxBytes else {
            throw AgreementWork.Failure.invalid("Filen är större än 10 MB.", english: "the file is larger than 10 MB", field: "file")
        }
        guard let type = FileType.sniff(data) else {
            throw AgreementWork.Failure.invalid("Filen är inte av en typ som tas emot: \(FileType.description).",
                                                english: "the file is not PDF, docx, xlsx, odt, ods, PNG or JPEG (read from its content)", field: "file")
        }
        let document = AgreementDocument()
        document.$agreement.id = try agreement.requireID()
        document.name = Self.name(name, type: type)
        document.contentType = type.contentType
        document.size = data.count
        document.sha256 = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        document.isPublic = isPublic
        document.stored = true
        document.data = data
        document.uploadedAt = now
        document.uploadedBy = actor.description
        try await db.write { db in
            try await document.create(on: db)
            try await AuditLog.record("agreement.document.add", subject: agreement.key, actor: actor, organisationID: agreement.organisationID,
                                      after: "\(document.name) (\(isPublic ? "public" : "internal"), \(data.count) bytes)", context: .init(name: agreement.title), on: db)
        }
        return document
    }

    static func remove(_ document: AgreementDocument, of agreement: Agreement, actor: AuditLog.Actor, on db: any Database) async throws {
        try await db.write { db in
            try await document.delete(on: db)
            try await AuditLog.record("agreement.document.remove", subject: agreement.key, actor: actor, organisationID: agreement.organisationID,
                                      before: document.name, context: .init(name: agreement.title), on: db)
        }
    }

    /// The file as an attachment: its own type, never sniffed by the browser, never cached publicly when internal.
    static func response(_ document: AgreementDocument) -> Response {
        let response = Response(status: .ok, body: .init(data: document.data ?? Data()))
        response.headers.contentType = HTTPMediaType(type: String(document.contentType.split(separator: "/")[0]),
                                                     subType: String(document.contentType.split(separator: "/")[1]))
        let ascii = String(document.name.unicodeScalars.map { $0.isASCII && $0 != "\"" ? Character($0) : "_" })
        let encoded = document.name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ascii
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)")
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: .cacheControl, value: document.isPublic ? "public, max-age=300" : "private, no-store")
        return response
    }
}
