import Core
import Foundation

/// Reads a Kolada data page straight from its bytes, about three times faster than JSONDecoder
/// (decoding was most of an import's time: docs/performance.md). It reads exactly what
/// `KoladaFile.read` reads and gives up (nil) on anything else — KPI metadata, an escaped string
/// it needs, a number where a whole one is due, anything not well-formed — so that the decoder
/// reads the file again and names the row and field at fault. A test holds the two readers equal
/// on every fixture.
struct KoladaFastReader {
    private let bytes: UnsafeRawBufferPointer
    private var at = 0
    /// How deeply `skipValue` has descended: it gives up past `JSONShape.depthLimit`, so no input exhausts the stack.
    private var depth = 0

    static func page(_ data: Data) -> KoladaFile.Page? {
        data.withUnsafeBytes { bytes in
            var reader = KoladaFastReader(bytes: bytes)
            guard let page = reader.envelope() else { return nil }
            reader.space()
            return reader.at == bytes.count ? page : nil
        }
    }

    private init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    // MARK: The shapes Kolada writes

    private mutating func envelope() -> KoladaFile.Page? {
        var page = KoladaFile.Page()
        var sawValues = false
        let complete = object { reader, key in
            switch key {
            case "values":
                sawValues = true
                return reader.array { reader in
                    guard let values = reader.row() else { return false }
                    page.values += values
                    return true
                }
            case "next_url", "next_page", "previous_url", "previous_page":
                guard let link = reader.optionalString() else { return false }
                // The decoder prefers the v3 names where both are present.
                switch key {
                case "next_url": page.next = link ?? page.next
                case "next_page": page.next = page.next ?? link
                case "previous_url": page.previous = link ?? page.previous
                default: page.previous = page.previous ?? link
                }
                return true
            default:
                return reader.skipValue()
            }
        }
        return complete && sawValues ? page : nil
    }

    private mutating func row() -> [KoladaFile.Value]? {
        var kpi: String?, municipality: String?, period: String?
        var entries: [Entry] = []
        var sawEntries = false
        let complete = object { reader, key in
            switch key {
            case "kpi": kpi = reader.string(); return kpi != nil
            case "municipality": municipality = reader.string(); return municipality != nil
            case "period":
                reader.space()
                if reader.peek == UInt8(ascii: "\"") { period = reader.string() } else { period = reader.wholeNumber().map(String.init) }
                return period != nil
            case "values":
                sawEntries = true
                return reader.array { reader in
                    guard let entry = reader.entry() else { return false }
                    entries.append(entry)
                    return true
                }
            default:
                return reader.skipValue()
            }
        }
        guard complete, sawEntries, let kpi, !kpi.isEmpty, let municipality, !municipality.isEmpty, let period, !period.isEmpty else { return nil }
        return entries.map {
            KoladaFile.Value(kpi: kpi, municipality: municipality, period: period, gender: $0.gender == "F" ? "M" : $0.gender, value: $0.value,
                             count: $0.count, status: $0.status, deleted: $0.deleted)
        }
    }

    private struct Entry {
        var gender = "", value: Double?, count = 1, status = "", deleted = false
    }

    private mutating func entry() -> Entry? {
        var entry = Entry()
        var gender: String?, isdeleted: Bool??, isDeleted: Bool??
        let complete = object { reader, key in
            switch key {
            case "gender": gender = reader.string(); return gender != nil
            case "value":
                guard let value = reader.optionalNumber() else { return false }
                entry.value = value
                return true
            case "count":
                if reader.null() { return true }
                guard let count = reader.wholeNumber() else { return false }
                entry.count = count
                return true
            case "status":
                guard let status = reader.optionalString() else { return false }
                entry.status = status ?? ""
                return true
            case "isdeleted": isdeleted = reader.flag(); return isdeleted != nil
            case "is_deleted": isDeleted = reader.flag(); return isDeleted != nil
            default: return reader.skipValue()
            }
        }
        guard complete, let gender, ["T", "K", "M", "F"].contains(gender) else { return nil }
        entry.gender = gender
        // As the decoder: `isdeleted` where present, else `is_deleted`; null or absent is not deleted.
        let flag: Bool?? = isdeleted != nil ? isdeleted : isDeleted
        if case .some(.some(true)) = flag { entry.deleted = true }
        return entry
    }

    // MARK: JSON

    private var peek: UInt8? { at < bytes.count ? bytes[at] : nil }

    private mutating func space() {
        while let byte = peek, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { at += 1 }
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        space()
        guard peek == byte else { return false }
        at += 1
        return true
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        space()
        let count = word.utf8CodeUnitCount
        guard at + count <= bytes.count else { return false }
        for index in 0..<count where bytes[at + index] != word.utf8Start[index] { return false }
        at += count
        return true
    }

    /// `{ "key": value, … }`, each member read by `member`, which returns false to give up.
    private mutating func object(_ member: (inout KoladaFastReader, String) -> Bool) -> Bool {
        guard take(UInt8(ascii: "{")) else { return false }
        if take(UInt8(ascii: "}")) { return true }
        repeat {
            space()
            guard let key = string(), take(UInt8(ascii: ":")), member(&self, key) else { return false }
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "}"))
    }

    private mutating func array(_ element: (inout KoladaFastReader) -> Bool) -> Bool {
        guard take(UInt8(ascii: "[")) else { return false }
        if take(UInt8(ascii: "]")) { return true }
        repeat {
            guard element(&self) else { return false }
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "]"))
    }

    private mutating func null() -> Bool {
        let start = at
        if literal("null") { return true }
        at = start
        return false
    }

    /// A string without escapes, as valid UTF-8; nil otherwise (the decoder then reads it).
    private mutating func string() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = at
        while let byte = peek, byte != UInt8(ascii: "\"") {
            guard byte != UInt8(ascii: "\\"), byte >= 0x20 else { return nil }
            at += 1
        }
        guard peek != nil else { return nil }
        let text = String(validating: UnsafeRawBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self)
        at += 1
        return text
    }

    /// A string or null: .some(nil) for null, nil when neither.
    private mutating func optionalString() -> String?? {
        space()
        if null() { return .some(nil) }
        return string().map { .some($0) }
    }

    /// The bytes of a JSON number, checked against its grammar.
    private mutating func numberText() -> (text: String, whole: Bool)? {
        space()
        let start = at
        var whole = true
        if peek == UInt8(ascii: "-") { at += 1 }
        guard let first = peek, (0x30...0x39).contains(first) else { return nil }
        at += 1
        if first != 0x30 { while let byte = peek, (0x30...0x39).contains(byte) { at += 1 } }
        if peek == UInt8(ascii: ".") {
            whole = false
            at += 1
            guard let byte = peek, (0x30...0x39).contains(byte) else { return nil }
            while let byte = peek, (0x30...0x39).contains(byte) { at += 1 }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            whole = false
            at += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { at += 1 }
            guard let byte = peek, (0x30...0x39).contains(byte) else { return nil }
            while let byte = peek, (0x30...0x39).contains(byte) { at += 1 }
        }
        return (String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self), whole)
    }

    private mutating func wholeNumber() -> Int? {
        guard let number = numberText(), number.whole else { return nil }
        return Int(number.text)
    }

    /// A number or null: .some(nil) for null, nil when neither.
    private mutating func optionalNumber() -> Double?? {
        if null() { return .some(nil) }
        guard let number = numberText(), let value = Double(number.text), value.isFinite else { return nil }
        return .some(value)
    }

    /// true, false, 0, 1 or null (.some(nil)); nil when none of them.
    private mutating func flag() -> Bool?? {
        space()
        if null() { return .some(nil) }
        if literal("true") { return .some(true) }
        if literal("false") { return .some(false) }
        guard let number = wholeNumber(), number == 0 || number == 1 else { return nil }
        return .some(number == 1)
    }

    /// Skips any value, checking its grammar.
    private mutating func skipValue() -> Bool {
        space()
        guard depth < JSONShape.depthLimit else { return false }
        depth += 1
        defer { depth -= 1 }
        switch peek {
        case UInt8(ascii: "{"): return object { reader, _ in reader.skipValue() }
        case UInt8(ascii: "["): return array { reader in reader.skipValue() }
        case UInt8(ascii: "\""): return skipString()
        case UInt8(ascii: "t"): return literal("true")
        case UInt8(ascii: "f"): return literal("false")
        case UInt8(ascii: "n"): return literal("null")
        default: return numberText() != nil
        }
    }

    private mutating func skipString() -> Bool {
        guard take(UInt8(ascii: "\"")) else { return false }
        while let byte = peek {
            at += 1
            switch byte {
            case UInt8(ascii: "\""): return true
            case UInt8(ascii: "\\"): guard peek != nil else { return false }; at += 1
            case ..<0x20: return false
            default: break
            }
        }
        return false
    }
}
