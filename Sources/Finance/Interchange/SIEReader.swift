import Core
import Foundation

/// Reads SIE files (types 1, 2, 3, 4E and 4I; the SIE 4B specification), the export format of
/// Swedish accounting programs, in the format's own character set (PC8: IBM code page 437), or in
/// UTF-8 where the file starts with a UTF-8 byte-order mark. Each line is a label and its fields:
/// words, quoted strings ("Kassa och bank", with \" inside) and object lists ({1 "10" 6 "P1"}).
/// Unknown labels are skipped, as the format asks; a malformed line is refused with its number. What
/// a type carries is the import's to judge (`OutcomeImport`): the reader reads every type alike.
public enum SIEReader {
    /// A line the reader cannot read: its number and what is wrong, in English (CLI, API) and Swedish (the page).
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public let line: Int
        public let message: String
        public let swedish: String
        public var description: String { "line \(line): \(message)" }

        public init(line: Int, message: String, swedish: String? = nil) {
            self.line = line
            self.message = message
            self.swedish = swedish ?? message
        }

        public static func == (lhs: Failure, rhs: Failure) -> Bool { lhs.line == rhs.line && lhs.message == rhs.message }
    }

    /// A dimension and an object in it: cost centre 1 "10".
    public struct ObjectReference: Equatable, Sendable, Hashable {
        public let dimension: String
        public let object: String
    }

    public struct Account: Equatable, Sendable {
        public let number: String
        public let name: String
    }

    /// A balance or a result: the year's index (0 this year, -1 last), the account, objects, and the amount in öre.
    public struct Amount: Equatable, Sendable {
        public let year: Int
        /// The period (YYYYMM) for #PSALDO; nil for #IB, #UB and #RES.
        public let period: Int?
        public let account: String
        public let objects: [ObjectReference]
        public let ore: Int
        /// The file's line.
        public var line: Int = 0
    }

    public struct Transaction: Equatable, Sendable {
        public let account: String
        public let objects: [ObjectReference]
        public let ore: Int
        /// The row's own date (`transdat`, YYYYMMDD), where the file gives one: it decides the month (SIE 4B).
        public var date: String? = nil
        /// The file's line.
        public var line: Int = 0
    }

    public struct Voucher: Equatable, Sendable {
        public let series: String
        public let number: String
        /// YYYYMMDD as the file writes it.
        public let date: String
        public let text: String
        public let transactions: [Transaction]
        /// The line of its #VER.
        public var line: Int = 0
    }

    public struct File: Equatable, Sendable {
        public var type: String?
        public var format: String?
        public var program: String?
        public var companyName: String?
        /// Financial years by index: (start, end) as YYYYMMDD.
        public var years: [Int: (start: String, end: String)] = [:]
        public var accounts: [Account] = []
        public var dimensions: [String: String] = [:]
        public var objects: [ObjectReference: String] = [:]
        public var openingBalances: [Amount] = []
        public var closingBalances: [Amount] = []
        public var results: [Amount] = []
        public var periodBalances: [Amount] = []
        public var vouchers: [Voucher] = []
        /// Lines of #TRANS rows that name no account: skipped, and reported by the import.
        public var rowsWithoutAccount: [Int] = []

        public static func == (lhs: File, rhs: File) -> Bool {
            lhs.type == rhs.type && lhs.format == rhs.format && lhs.program == rhs.program && lhs.companyName == rhs.companyName
                && lhs.years.mapValues { [$0.start, $0.end] } == rhs.years.mapValues { [$0.start, $0.end] } && lhs.accounts == rhs.accounts
                && lhs.dimensions == rhs.dimensions && lhs.objects == rhs.objects && lhs.openingBalances == rhs.openingBalances
                && lhs.closingBalances == rhs.closingBalances && lhs.results == rhs.results && lhs.periodBalances == rhs.periodBalances
                && lhs.vouchers == rhs.vouchers && lhs.rowsWithoutAccount == rhs.rowsWithoutAccount
        }
    }

    /// Code page 437's upper half, 0x80–0xFF.
    static let upperHalf = Array("ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u{00A0}")

    /// Each byte's UTF-8 in code page 437: one byte below 0x80, two or three above.
    static let utf8OfByte: [[UInt8]] = (0...255).map { byte in
        byte < 0x80 ? [UInt8(byte)] : Array(String(upperHalf[byte - 0x80]).utf8)
    }

    /// The bytes as text: PC8 (code page 437), the character set SIE prescribes. Linear in the size:
    /// each byte's UTF-8 is appended to one buffer (appending scalars to a String copied it for every
    /// character outside ASCII, so a file of many å, ä and ö took minutes).
    public static func decodePC8(_ data: Data) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(data.count + data.count / 4)
        for byte in data { bytes.append(contentsOf: utf8OfByte[Int(byte)]) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One line's fields: words, quoted strings and object lists (as one field each, the list's inner fields kept).
    enum Field: Equatable {
        case word(String)
        case list([String])

        var text: String? { if case .word(let text) = self { text } else { nil } }
    }

    /// Blanks between fields: space and tab (Unicode's whitespace tables cost a tenth of an import).
    static func isBlank(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }

    static func fields(_ line: Substring, number: Int) throws(Failure) -> [Field] {
        var fields: [Field] = [], index = 0
        let characters = Array(line.unicodeScalars)
        func word() throws(Failure) -> String {
            var text = String.UnicodeScalarView()
            if characters[index] == "\"" {
                index += 1
                while index < characters.count, characters[index] != "\"" {
                    if characters[index] == "\\", index + 1 < characters.count { index += 1 }
                    text.append(characters[index])
                    index += 1
                }
                guard index < characters.count else { throw Failure(line: number, message: "a quoted field is not closed", swedish: "ett citerat fält avslutas inte") }
                index += 1
                return String(text)
            }
            while index < characters.count, !isBlank(characters[index]), characters[index] != "{", characters[index] != "}" {
                text.append(characters[index])
                index += 1
            }
            return String(text)
        }
        while index < characters.count {
            if isBlank(characters[index]) { index += 1; continue }
            if characters[index] == "{" {
                index += 1
                var inner: [String] = []
                while true {
                    while index < characters.count, isBlank(characters[index]) { index += 1 }
                    guard index < characters.count else { throw Failure(line: number, message: "an object list is not closed with }", swedish: "en objektlista avslutas inte med }") }
                    if characters[index] == "}" { index += 1; break }
                    // A { inside a list would make no progress: every step must consume input.
                    if characters[index] == "{" { throw Failure(line: number, message: "a { inside an object list", swedish: "en { inuti en objektlista") }
                    inner.append(try word())
                }
                fields.append(.list(inner))
            } else if characters[index] == "}" {
                throw Failure(line: number, message: "a } without its {", swedish: "en } står utan sin {")
            } else {
                fields.append(.word(try word()))
            }
        }
        return fields
    }

    /// An amount with a decimal point ("-1500.50", "12", "1234.5") in öre, exactly, at most 10^12
    /// kronor in magnitude (`Bounds.kronor`).
    static func ore(_ text: String?, line: Int) throws(Failure) -> Int {
        let shown = text.map { $0.count > 40 ? $0.prefix(40) + "…" : Substring($0) } ?? ""
        let failure = Failure(line: line, message: "\"\(shown)\" is not an amount (digits, a point and at most two decimals, at most 10^12 kronor)",
                              swedish: "\"\(shown)\" är inget belopp (siffror, punkt och högst två decimaler, högst 1 000 000 000 000 kronor)")
        guard let text else { throw failure }
        var bytes = Substring(text).utf8[...]
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { bytes = bytes.dropFirst() }
        var kronor = 0, ore = 0, digits = 0, decimals = -1
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard decimals == -1, digits > 0 else { throw failure }
                decimals = 0
            } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                let digit = Int(byte - UInt8(ascii: "0"))
                if decimals == -1 {
                    digits += 1
                    guard digits <= 13 else { throw failure }
                    kronor = kronor * 10 + digit
                } else {
                    decimals += 1
                    guard decimals <= 2 else { throw failure }
                    ore = ore * 10 + digit
                }
            } else {
                throw failure
            }
        }
        guard digits > 0, decimals != 0 else { throw failure }
        let value = kronor * 100 + (decimals == 1 ? ore * 10 : ore)
        guard Bounds.isOre(value) else { throw failure }
        return negative ? -value : value
    }

    static func objects(_ field: Field?, line: Int) throws(Failure) -> [ObjectReference] {
        guard case .list(let inner) = field else { throw Failure(line: line, message: "an object list {dimension object …} is expected", swedish: "här ska en objektlista {dimension objekt …} stå") }
        guard inner.count.isMultiple(of: 2) else { throw Failure(line: line, message: "an object list holds pairs of dimension and object", swedish: "en objektlista består av par av dimension och objekt") }
        return stride(from: 0, to: inner.count, by: 2).map { ObjectReference(dimension: inner[$0], object: inner[$0 + 1]) }
    }

    static func integer(_ text: String?, line: Int, _ what: String, _ swedish: String) throws(Failure) -> Int {
        guard let text, let value = Int(text) else {
            throw Failure(line: line, message: "\(what) \"\(text ?? "")\" is not a whole number", swedish: "\(swedish) \"\(text ?? "")\" är inget heltal")
        }
        return value
    }

    /// Whether YYYYMMDD is a day of the Gregorian calendar (without Foundation's Calendar: a voucher each).
    static func isDay(_ date: String) -> Bool {
        guard date.count == 8, let year = Int(date.prefix(4)), let month = Int(date.dropFirst(4).prefix(2)), let day = Int(date.suffix(2)),
              (1...12).contains(month) else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        return (1...[31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]).contains(day)
    }

    /// Reads a whole file: PC8, as SIE prescribes, unless it starts with a UTF-8 byte-order mark,
    /// which some programs write: then UTF-8, the mark taken off.
    public static func read(_ data: Data) throws(Failure) -> File {
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { return try read(text: String(decoding: data.dropFirst(3), as: UTF8.self)) }
        return try read(text: decodePC8(data))
    }

    /// The types of SIE file: 1 year balances, 2 period balances, 3 with objects, 4E and 4I with vouchers.
    public static let types: Set<String> = ["1", "2", "3", "4", "4E", "4I"]

    public static func read(text: String) throws(Failure) -> File {
        var file = File()
        var open: (series: String, number: String, date: String, text: String, line: Int)?
        var transactions: [Transaction] = []
        var expectingBrace = false
        // Split on line feeds, which CR LF line ends also hold: a Character of its own in Swift's String.
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, raw) in lines.enumerated() {
            let number = offset + 1
            var scalars = raw[...]
            while let last = scalars.last, last == "\r" || isBlank(last) { scalars = scalars.dropLast() }
            while let first = scalars.first, isBlank(first) { scalars = scalars.dropFirst() }
            let line = Substring(scalars)
            guard !line.isEmpty else { continue }
            if line == "{" {
                guard expectingBrace else { throw Failure(line: number, message: "a { that opens no voucher", swedish: "en { som inte inleder någon verifikation") }
                expectingBrace = false
                continue
            }
            if line == "}" {
                guard let voucher = open, !expectingBrace else { throw Failure(line: number, message: "a } that closes no voucher", swedish: "en } som inte avslutar någon verifikation") }
                file.vouchers.append(Voucher(series: voucher.series, number: voucher.number, date: voucher.date, text: voucher.text, transactions: transactions,
                                             line: voucher.line))
                open = nil
                transactions = []
                continue
            }
            guard line.hasPrefix("#") else { throw Failure(line: number, message: "a line starts with a #label", swedish: "raden börjar inte med en #etikett") }
            let parsed = try fields(line, number: number)
            guard let label = parsed.first?.text?.uppercased() else { throw Failure(line: number, message: "no label", swedish: "raden saknar etikett") }
            let rest = Array(parsed.dropFirst())
            func text(_ index: Int) -> String? { index < rest.count ? rest[index].text : nil }
            if open != nil, label != "#TRANS", label != "#RTRANS", label != "#BTRANS" {
                throw Failure(line: number, message: "\(label) inside a voucher, which holds only #TRANS", swedish: "\(label) inuti en verifikation, som bara rymmer #TRANS")
            }
            switch label {
            case "#FLAGGA": break
            case "#FORMAT": file.format = text(0)
            case "#SIETYP":
                guard let type = text(0), types.contains(type.uppercased()) else {
                    throw Failure(line: number, message: "SIE type \"\(text(0) ?? "")\" is not 1, 2, 3, 4E or 4I",
                                  swedish: "SIE-typen \"\(text(0) ?? "")\" är inte 1, 2, 3, 4E eller 4I")
                }
                file.type = type.uppercased()
            case "#PROGRAM": file.program = [text(0), text(1)].compactMap { $0 }.joined(separator: " ")
            case "#FNAMN": file.companyName = text(0)
            case "#RAR":
                let index = try integer(text(0), line: number, "the year's index", "årets index")
                guard let start = text(1), let end = text(2), start.count == 8, end.count == 8 else {
                    throw Failure(line: number, message: "#RAR needs the year's index, start and end as YYYYMMDD", swedish: "#RAR ska ha årets index, början och slut som ÅÅÅÅMMDD")
                }
                file.years[index] = (start, end)
            case "#KONTO":
                guard let account = text(0), !account.isEmpty else { throw Failure(line: number, message: "#KONTO needs an account number", swedish: "#KONTO saknar kontonummer") }
                file.accounts.append(Account(number: account, name: text(1) ?? ""))
            case "#DIM":
                guard let dimension = text(0) else { throw Failure(line: number, message: "#DIM needs a dimension number", swedish: "#DIM saknar dimensionsnummer") }
                file.dimensions[dimension] = text(1) ?? ""
            case "#OBJEKT":
                guard let dimension = text(0), let object = text(1) else { throw Failure(line: number, message: "#OBJEKT needs a dimension and an object", swedish: "#OBJEKT ska ha dimension och objekt") }
                file.objects[ObjectReference(dimension: dimension, object: object)] = text(2) ?? ""
            case "#IB", "#UB", "#RES":
                let year = try integer(text(0), line: number, "the year's index", "årets index")
                guard let account = text(1) else { throw Failure(line: number, message: "\(label) needs an account", swedish: "\(label) saknar konto") }
                let amount = Amount(year: year, period: nil, account: account, objects: [], ore: try ore(text(2), line: number), line: number)
                if label == "#IB" { file.openingBalances.append(amount) } else if label == "#UB" { file.closingBalances.append(amount) } else { file.results.append(amount) }
            case "#PSALDO":
                let year = try integer(text(0), line: number, "the year's index", "årets index")
                let period = try integer(text(1), line: number, "the period", "perioden")
                guard let account = text(2) else { throw Failure(line: number, message: "#PSALDO needs an account", swedish: "#PSALDO saknar konto") }
                let objects = try objects(rest.count > 3 ? rest[3] : nil, line: number)
                file.periodBalances.append(Amount(year: year, period: period, account: account, objects: objects, ore: try ore(text(4), line: number),
                                                  line: number))
            case "#VER":
                guard let series = text(0), let voucher = text(1), let date = text(2), date.count == 8, Int(date) != nil else {
                    throw Failure(line: number, message: "#VER needs a series, a number and a date as YYYYMMDD", swedish: "#VER ska ha serie, nummer och datum som ÅÅÅÅMMDD")
                }
                guard isDay(date) else {
                    throw Failure(line: number, message: "#VER date \(date) is not a day of the calendar", swedish: "#VER-datumet \(date) finns inte i kalendern")
                }
                open = (series, voucher, date, text(3) ?? "", number)
                expectingBrace = true
            case "#TRANS", "#RTRANS", "#BTRANS":
                guard open != nil, !expectingBrace else { throw Failure(line: number, message: "\(label) outside a voucher's { }", swedish: "\(label) utanför en verifikations { }") }
                // #RTRANS (a row added afterwards) is followed by the same row as #TRANS, and #BTRANS (a row
                // removed) is no longer the voucher's: the #TRANS rows are the voucher (SIE 4B).
                guard label == "#TRANS" else { continue }
                guard let account = text(0), !account.isEmpty else {
                    file.rowsWithoutAccount.append(number)
                    continue
                }
                // #TRANS account {objects} amount transdat transtext quantity sign: the row's own date, where given and a day.
                let date = text(3).flatMap { $0.isEmpty ? nil : $0 }
                if let date, !isDay(date) {
                    throw Failure(line: number, message: "#TRANS date \(date) is not a day of the calendar", swedish: "#TRANS-datumet \(date) finns inte i kalendern")
                }
                transactions.append(Transaction(account: account, objects: try objects(rest.count > 1 ? rest[1] : nil, line: number),
                                                ore: try ore(text(2), line: number), date: date, line: number))
            default:
                continue  // a label this reader does not use: the format says to skip it
            }
        }
        if let voucher = open { throw Failure(line: voucher.line, message: "the voucher is not closed with }", swedish: "verifikationen avslutas inte med }") }
        return file
    }
}
