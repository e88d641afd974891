import Foundation

/// A POSIX ustar archive of regular files: what an interchange file travels in when attachments go
/// with it. Enough of the format for that (names up to 100 bytes, no links or directories), read
/// by any tar.
public enum TarArchive {
    public struct Entry: Sendable, Equatable {
        public let name: String
        public let data: Data
        public init(name: String, data: Data) {
            self.name = name
            self.data = data
        }
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Whether the bytes start with a ustar header.
    public static func isArchive(_ data: Data) -> Bool {
        data.count >= 512 && data.subdata(in: data.startIndex + 257 ..< data.startIndex + 262) == Data("ustar".utf8)
    }

    public static func write(_ entries: [Entry], modified: Date = Date(timeIntervalSince1970: 0)) throws -> Data {
        var archive = Data()
        for entry in entries {
            let name = Array(entry.name.utf8)
            guard !name.isEmpty, name.count <= 100 else { throw Failure(description: "name too long for the archive: \(entry.name)") }
            var header = [UInt8](repeating: 0, count: 512)
            func put(_ bytes: [UInt8], at offset: Int) { for (index, byte) in bytes.enumerated() { header[offset + index] = byte } }
            func octal(_ value: Int, width: Int) -> [UInt8] { Array(String(format: "%0\(width - 1)o", value).utf8) + [0] }
            put(name, at: 0)
            put(octal(0o644, width: 8), at: 100)
            put(octal(0, width: 8), at: 108)
            put(octal(0, width: 8), at: 116)
            put(octal(entry.data.count, width: 12), at: 124)
            put(octal(Int(modified.timeIntervalSince1970), width: 12), at: 136)
            put(Array(repeating: 0x20, count: 8), at: 148)
            header[156] = UInt8(ascii: "0")
            put(Array("ustar".utf8) + [0], at: 257)
            put(Array("00".utf8), at: 263)
            let checksum = header.reduce(0) { $0 + Int($1) }
            put(Array(String(format: "%06o", checksum).utf8) + [0, 0x20], at: 148)
            archive.append(contentsOf: header)
            archive.append(entry.data)
            archive.append(Data(count: (512 - entry.data.count % 512) % 512))
        }
        archive.append(Data(count: 1024))
        return archive
    }

    public static func read(_ data: Data) throws -> [Entry] {
        let bytes = [UInt8](data)
        var entries: [Entry] = [], names = Set<String>(), offset = 0
        while offset + 512 <= bytes.count {
            let header = Array(bytes[offset ..< offset + 512])
            if header.allSatisfy({ $0 == 0 }) { break }
            func text(_ range: Range<Int>) -> String { String(decoding: header[range].prefix { $0 != 0 }, as: UTF8.self) }
            let stored = Int(text(148 ..< 156).trimmingCharacters(in: .whitespaces), radix: 8)
            let computed = header.enumerated().reduce(0) { $0 + (148 ..< 156 ~= $1.offset ? 0x20 : Int($1.element)) }
            guard stored == computed else { throw Failure(description: "the archive's entry at byte \(offset) is damaged (checksum)") }
            guard let size = Int(text(124 ..< 136).trimmingCharacters(in: .whitespaces), radix: 8), size >= 0 else {
                throw Failure(description: "the archive's entry at byte \(offset) has no valid size")
            }
            guard size <= bytes.count - offset - 512 else {
                throw Failure(description: "the archive's entry at byte \(offset) is cut short")
            }
            let type = header[156]
            if type == UInt8(ascii: "0") || type == 0 {
                let name = text(0 ..< 100)
                guard names.insert(name).inserted else { throw Failure(description: "the archive holds \(name) twice") }
                entries.append(Entry(name: name, data: Data(bytes[offset + 512 ..< offset + 512 + size])))
            }
            offset += 512 + (size + 511) / 512 * 512
        }
        return entries
    }
}
