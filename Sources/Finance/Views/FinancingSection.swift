import Core
import Foundation
import Plot

/// How each cost centre is financed in a budget year: the external funding the decisions put on it
/// and what the member fees and other revenues carry. Funding the decisions do not put on a year or
/// a line is listed beside, never spread by guess.
enum FinancingSection {
    static func section(_ financing: FinancingContent, organisation: String) -> Node<HTML.BodyContext> {
        .section(
            .attribute(named: "aria-labelledby", value: "finansiering-per-kostnadsstalle"),
            .h2(.id("finansiering-per-kostnadsstalle"), .text("Finansiering per kostnadsställe")),
            .p(.text("Kostnaderna \(financing.year) med den externa finansiering som beslutet lägger på året och raden. Resten bärs av medlemsavgifterna "
                     + "och övriga intäkter. En rad som är kopplad till ett målområde visar det; övriga rader fördelas inte på målområden.")),
            .scrollingTable("Finansiering per kostnadsställe", .table(
                .caption(.text("Finansiering per kostnadsställe \(financing.year), kronor")),
                .thead(.tr(.th(.attribute(named: "scope", value: "col"), .text("Kostnadsställe")),
                           .th(.attribute(named: "scope", value: "col"), .class("amount"), .text("Kostnad")),
                           .th(.attribute(named: "scope", value: "col"), .class("amount"), .text("Externa medel")),
                           .th(.attribute(named: "scope", value: "col"), .class("amount"), .text("Medlemsavgifter m.m.")))),
                .tbody(.forEach(financing.lines) { line in
                    .tr(.th(.attribute(named: "scope", value: "row"), .text("\(line.costCentre) \(line.name)"),
                            .unwrap(line.goalArea) { area in .span(.class("line-goal"), .text(" – målområde \(area.title)" + (area.example ? " (exempel)" : ""))) }),
                        .td(.class("amount"), .text(Formatting.thousands(line.cost))),
                        .td(.class("amount"), .text(Formatting.thousands(line.external))),
                        .td(.class("amount"), .text(Formatting.thousands(line.byMembers))))
                }))),
            .unwrap(financing.other.isEmpty ? nil : financing.other) { other in
                .group(.p(.text("Extern finansiering under året som inte räknas på någon rad:")),
                       .ul(.forEach(other) { item in
                           .li(.a(.href(FinanceURL.funding.link(organisation, item.key)), .text(item.title)),
                               .text(item.amount.map { " – \(Formatting.thousands($0)) kronor, \(item.reason)" } ?? " – \(item.reason)"))
                       }))
            }
        )
    }
}
