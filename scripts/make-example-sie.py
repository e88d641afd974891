#!/usr/bin/env python3
"""Writes an SIE 4E file of invented books in PC8 (code page 437) with CRLF line ends.

  make-example-sie.py demo OUT        the demo's example outcomes, January–August 2023 (tertial 1 and 2)
  make-example-sie.py bench ROWS OUT  a benchmark file with ROWS #TRANS rows (scripts/bench-sie-import.sh)

The books are made up (marked as example data wherever Samsyn shows them). Accounts 3000–8999
carry the cost centre in dimension 1, as the mapping in docs/finance.md expects; the bank account
balances every voucher and is left unmapped."""
import random
import sys

ACCOUNTS = {
    "1930": "Företagskonto", "3010": "Kursavgifter och konferensintäkter", "3990": "Medlemsavgifter",
    "5010": "Lokalhyra", "5800": "Resekostnader", "6110": "Kontorsmateriel", "6550": "Konsultarvoden",
    "6990": "Övriga externa kostnader", "7010": "Löner till tjänstemän", "7510": "Arbetsgivaravgifter",
}
CENTRES = {
    "10": "Kurser och konferenser", "12": "Styrelsen", "13": "Revision", "14": "Ledning/stab", "15": "Social välfärd",
    "16": "Utbildning och arbetsmarknad", "17": "Tillväxt och samhällsutveckling", "18": "Samverkansberedning",
    "23": "FoUI", "80": "Finansiering",
}
# Budget 2023 per cost centre (kronor, positive), the accounts its costs go to.
COSTS = {
    "12": (408695, ["6990", "5800"]), "13": (37600, ["6550"]), "14": (21229993, ["7010", "7510", "5010", "6110"]),
    "15": (190000, ["6550", "5800"]), "16": (216000, ["6550", "5800"]), "17": (360000, ["6550", "6990"]),
    "18": (30000, ["5800"]), "23": (132000, ["6550"]),
}


def field(text):
    return '"' + text.replace('\\', '\\\\').replace('"', '\\"') + '"'


def header(lines, name):
    lines += ["#FLAGGA 0", '#PROGRAM "Samsyn exempeldata" 1.0', "#FORMAT PC8", "#GEN 20230915", "#SIETYP 4E",
              f"#FNAMN {field(name)}", "#RAR 0 20230101 20231231", "#RAR -1 20220101 20221231", '#VALUTA SEK']
    lines += [f"#KONTO {number} {field(title)}" for number, title in ACCOUNTS.items()]
    lines += ['#DIM 1 "Kostnadsställe"'] + [f"#OBJEKT 1 {field(key)} {field(title)}" for key, title in CENTRES.items()]


def money(ore):
    return ("-" if ore < 0 else "") + f"{abs(ore) // 100}.{abs(ore) % 100:02d}"


def voucher(lines, number, date, text, rows):
    """rows: (account, centre or None, öre); the bank takes the balance."""
    lines.append(f'#VER "A" {number} {date} {field(text)}')
    lines.append("{")
    for account, centre, ore in rows:
        objects = "{}" if centre is None else "{1 " + field(centre) + "}"
        lines.append(f"   #TRANS {account} {objects} {money(ore)}")
    total = sum(ore for _, _, ore in rows)
    if total:
        lines.append(f"   #TRANS 1930 {{}} {money(-total)}")
    lines.append("}")


def demo():
    rng = random.Random(2023)
    lines = []
    header(lines, "Norrbottens Kommuner (exempeldata)")
    number = 1
    for month in range(1, 9):
        date = f"2023{month:02d}25"
        rows = []
        for centre, (budget, accounts) in COSTS.items():
            monthly = budget * 100 / 12
            # Summer is quieter outside the staff; the board meets less in July.
            season = 0.35 if month == 7 and centre != "14" else 1.0
            amount = int(monthly * season * rng.uniform(0.75, 1.2))
            shares = [0.7, 0.3] if len(accounts) == 2 else [0.62, 0.2, 0.13, 0.05][:len(accounts)]
            for account, share in zip(accounts, shares):
                rows.append((account, centre, int(amount * share)))
        voucher(lines, number, date, f"Kostnader {month:02d}", rows)
        number += 1
        if month in (3, 5):
            # The spring conference: costs and the fees that pay for them.
            cost = 640_000_00 if month == 3 else 410_000_00
            voucher(lines, number, f"2023{month:02d}28", "Konferens", [("6990", "10", cost), ("3010", "10", -int(cost * 0.97))])
            number += 1
        if month in (1, 4, 7):
            voucher(lines, number, f"2023{month:02d}05", "Medlemsavgifter, kvartalsfaktura", [("3990", "80", -5_301_072_00)])
            number += 1
    return lines


def bench(count):
    rng = random.Random(100_000)
    lines = []
    header(lines, "Benchmark (exempeldata)")
    centres = list(COSTS)
    rows_written, number = 0, 1
    while rows_written < count:
        month = 1 + (number % 12)
        rows = []
        for _ in range(min(9, count - rows_written - 1) or 1):
            centre = rng.choice(centres)
            rows.append((rng.choice(COSTS[centre][1]), centre, rng.randint(100_00, 90_000_00)))
        voucher(lines, number, f"2023{month:02d}{1 + number % 28:02d}", f"Verifikation {number}", rows)
        rows_written += len(rows) + 1
        number += 1
    return lines


if __name__ == "__main__":
    if sys.argv[1] == "demo":
        lines, out = demo(), sys.argv[2]
    else:
        lines, out = bench(int(sys.argv[2])), sys.argv[3]
    with open(out, "wb") as file:
        file.write(("\r\n".join(lines) + "\r\n").encode("cp437"))
