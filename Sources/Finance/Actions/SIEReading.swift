import Core
import Foundation

/// What an SIE file says about a year's outcomes, as an accountant reads it (docs/finance.md,
/// "Reading the books"): money counted once, the file checked against its own figures.
///
/// - Period balances (`#PSALDO`, types 2, 3 and 4) are the outcomes where the file has them; else the
///   vouchers' `#TRANS` rows, each in the month of its own date where it has one, else its voucher's.
/// - For an account and a month, the row without objects is the account's total; rows with only a
///   cost-centre object (dimension 1) divide it, and what they leave of the total has no cost centre.
///   Without a total, the cost-centre rows are read; without either, the coarsest rows the file gives
///   (the fewest objects). So no amount is added twice, whatever rule maps it — a rule that names a
///   fixed line included.
/// - Where the file has both, `#PSALDO` is read and the vouchers are compared with it; `#RES` is
///   compared with the year read. Each difference, each voucher that does not balance and each row
///   without an account is a warning naming the line, the account and the amounts.
struct SIEReading {
    /// A month's amount on an account (a row, or a part of a total), in öre as the books write it.
    struct Posting {
        let month: Int
        let account: String
        let object: String?
        let ore: Int
    }

    var postings: [Posting] = []
    var warnings: [OutcomeImport.Warning] = []

    /// Where the outcomes were read from.
    enum Source { case balances, vouchers }
    var source: Source = .vouchers

    init(_ file: SIEReader.File, year: Int) {
        let balances = file.periodBalances.filter { $0.year == 0 && ($0.period ?? 0) / 100 == year && (1...12).contains(($0.period ?? 0) % 100) }
        let vouchers = Self.voucherPostings(file, year: year)
        if balances.isEmpty {
            postings = vouchers
        } else {
            source = .balances
            postings = Self.balancePostings(balances)
            if !file.vouchers.isEmpty { compare(vouchers, with: postings) }
        }
        checkResults(file)
        for voucher in file.vouchers {
            let sum = voucher.transactions.reduce(0) { $0 &+ $1.ore }
            if sum != 0 {
                warnings.append(.init(line: voucher.line, english: "voucher \(voucher.series) \(voucher.number) does not balance: its rows add to \(Self.kronor(sum, .english))",
                                      swedish: "Verifikation \(voucher.series) \(voucher.number) balanserar inte: raderna blir \(Self.kronor(sum, .swedish)) kronor."))
            }
        }
        for line in file.rowsWithoutAccount {
            warnings.append(.init(line: line, english: "a #TRANS row without an account was not read", swedish: "En #TRANS-rad utan konto lästes inte."))
        }
    }

    /// The dimension-1 object of a row, the cost centre.
    static func costCentre(_ objects: [SIEReader.ObjectReference]) -> String? { objects.first { $0.dimension == "1" }?.object }

    static func voucherPostings(_ file: SIEReader.File, year: Int) -> [Posting] {
        var postings: [Posting] = []
        for voucher in file.vouchers {
            for row in voucher.transactions {
                let date = row.date ?? voucher.date
                guard Int(date.prefix(4)) == year, let month = Int(date.dropFirst(4).prefix(2)) else { continue }
                postings.append(Posting(month: month, account: row.account, object: costCentre(row.objects), ore: row.ore))
            }
        }
        return postings
    }

    /// Each account's month once: its total divided by its cost-centre rows (the rest without one), or
    /// the cost-centre rows, or the coarsest rows given.
    static func balancePostings(_ balances: [SIEReader.Amount]) -> [Posting] {
        struct Key: Hashable { let account: String; let month: Int }
        var groups: [Key: [SIEReader.Amount]] = [:]
        var order: [Key] = []
        for balance in balances {
            let key = Key(account: balance.account, month: (balance.period ?? 0) % 100)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(balance)
        }
        var postings: [Posting] = []
        for key in order {
            let rows = groups[key] ?? []
            let totals = rows.filter(\.objects.isEmpty)
            let centres = rows.filter { $0.objects.count == 1 && $0.objects[0].dimension == "1" }
            func post(_ object: String?, _ ore: Int) { postings.append(Posting(month: key.month, account: key.account, object: object, ore: ore)) }
            if !totals.isEmpty {
                let total = totals.reduce(0) { $0 &+ $1.ore }
                for row in centres { post(costCentre(row.objects), row.ore) }
                let rest = total &- centres.reduce(0) { $0 &+ $1.ore }
                if rest != 0 || centres.isEmpty { post(nil, rest) }
            } else if !centres.isEmpty {
                for row in centres { post(costCentre(row.objects), row.ore) }
            } else {
                let fewest = rows.map(\.objects.count).min() ?? 0
                for row in rows where row.objects.count == fewest { post(costCentre(row.objects), row.ore) }
            }
        }
        return postings
    }

    /// Per account and month, the vouchers' sum beside the balance read: each difference a warning.
    mutating func compare(_ vouchers: [Posting], with balances: [Posting]) {
        struct Key: Hashable, Comparable {
            let account: String, month: Int
            static func < (lhs: Key, rhs: Key) -> Bool { (lhs.account, lhs.month) < (rhs.account, rhs.month) }
        }
        var fromVouchers: [Key: Int] = [:], fromBalances: [Key: Int] = [:]
        for posting in vouchers { fromVouchers[Key(account: posting.account, month: posting.month), default: 0] &+= posting.ore }
        for posting in balances { fromBalances[Key(account: posting.account, month: posting.month), default: 0] &+= posting.ore }
        for key in fromBalances.keys.sorted() where fromVouchers[key, default: 0] != fromBalances[key] {
            let balance = fromBalances[key] ?? 0, sum = fromVouchers[key, default: 0]
            warnings.append(.init(line: nil,
                                  english: "account \(key.account), month \(key.month): #PSALDO is \(Self.kronor(balance, .english)), the vouchers add to \(Self.kronor(sum, .english)); the balance was read",
                                  swedish: "Konto \(key.account), månad \(key.month): #PSALDO är \(Self.kronor(balance, .swedish)) kronor men verifikationerna blir \(Self.kronor(sum, .swedish)) kronor; periodsaldot lästes in."))
        }
    }

    /// The year's result per account (`#RES 0`) beside what was read: a partial file says so here.
    mutating func checkResults(_ file: SIEReader.File) {
        var read: [String: Int] = [:]
        for posting in postings { read[posting.account, default: 0] &+= posting.ore }
        for result in file.results where result.year == 0 {
            let sum = read[result.account, default: 0]
            // #RES writes a result account's balance as the books do: costs as debits, so the same sign as the rows.
            guard sum != result.ore else { continue }
            let what = source == .balances ? "the period balances" : "the vouchers"
            warnings.append(.init(line: result.line,
                                  english: "account \(result.account): #RES gives \(Self.kronor(result.ore, .english)) for the year, \(what) add to \(Self.kronor(sum, .english)); the file may hold only part of the year",
                                  swedish: "Konto \(result.account): #RES anger \(Self.kronor(result.ore, .swedish)) kronor för året, men \(source == .balances ? "periodsaldona" : "verifikationerna") blir \(Self.kronor(sum, .swedish)) kronor. Filen kan innehålla bara en del av året."))
        }
    }

    enum Language { case english, swedish }

    /// Öre as kronor with two decimals: "-1250.00" in English, "−1 250,00" in Swedish.
    static func kronor(_ ore: Int, _ language: Language) -> String {
        let whole = ore / 100, fraction = String(format: "%02d", Int(ore.magnitude % 100))
        switch language {
        case .english: return "\(ore < 0 && whole == 0 ? "-" : "")\(whole).\(fraction)"
        case .swedish: return (ore < 0 ? "−" : "") + Formatting.thousands(Int(whole.magnitude)) + "," + fraction
        }
    }
}
