import Core
import Foundation
import Organisation

/// The agreement form: its fields, the values a spec shows in it, and the spec a submitted form gives.
enum AgreementForm {
    static func fields(_ catalogue: Catalogue) -> [Forms.FieldSpec] {
        let nodeChoice = { (node: Catalogue.Node) in Forms.Choice("\(node.reference.document)/\(node.reference.lineage)", "\(node.documentTitle): \(node.title)") }
        return [
            .init("title", "Titel", hint: "Som avtalet själv heter. Två avtal i registret kan inte ha samma titel."),
            .init("kind", "Slag", .select(AgreementKind.allCases.map { .init($0.rawValue, $0.label) })),
            .init("status", "Status", .select(AgreementStatus.allCases.map { .init($0.rawValue, $0.label) })),
            .init("startsOn", "Gäller från", .date, hint: "Lämna tomt om det inte är känt."),
            .init("endsOn", "Gäller till och med", .date),
            .init("reviewOn", "Omprövas senast", .date, hint: "Den ansvariga påminns 60 och 14 dagar före, och när datumet har passerat."),
            .init("reviewer", "Ansvarig för omprövningen", .select([.init("", "Ingen utsedd")] + catalogue.people.map { .init($0.email, "\($0.name) (\($0.email))") })),
            .init("unit", "Ansvarig enhet", .select([.init("", "Ingen angiven")] + catalogue.units.map { .init($0.key, $0.name) })),
            .init("public", "Offentligt: visas i den offentliga listan och kalendern", .checkbox),
            .init("summary", "Om avtalet", .textarea(rows: 4), hint: "Vad avtalet gäller, i korthet. Markdown går bra."),
            .init("parties", "Parter i registret", .textarea(rows: 4),
                  hint: "En part per rad: namnet som registret har det, eller Medlemmarna. Efter semikolon en anteckning och vem som undertecknade, till exempel: Region Norrbotten; Hälso- och sjukvårdsnämnden; Anna Andersson"),
            .init("describedParties", "Övriga parter (utan post i registret)", .textarea(rows: 2),
                  hint: "En per rad, till exempel enskilda skolhuvudmän. Efter semikolon vem som undertecknade."),
            .init("activities", "Nyckelaktiviteter", .checkboxes(catalogue.activities.map(nodeChoice))),
            .init("goals", "Mål och målområden", .checkboxes(catalogue.goals.map(nodeChoice))),
            .init("networks", "Nätverk och forum", .checkboxes(catalogue.networks.map { .init($0.key, $0.name) })),
            .init("text", "Avtalets text", .select([.init("", "Ingen: texten finns bara som bifogat dokument")] + documents(catalogue)),
                  hint: "Ett styrdokument som bär avtalets egen text, till exempel principer och åtaganden."),
            .init("plans", "Planer under avtalet", .checkboxes(documents(catalogue)),
                  hint: "Planer som avtalet bär och som följs upp som andra planer, till exempel en handlingsplan."),
            .init("accession", "Organisationer kan ansöka om att ansluta sig till avtalet (formulär på den offentliga sidan)", .checkbox),
            .init("revision", "", .hidden),
        ]
    }

    static let membersWord = "Medlemmarna"

    static func documents(_ catalogue: Catalogue) -> [Forms.Choice] {
        catalogue.documentTitles.sorted { $0.value < $1.value }.map { .init($0.key, $0.value) }
    }

    static func values(_ spec: AgreementSpec, revision: Int?, catalogue: Catalogue) -> [String: String] {
        func line(_ parts: [String?]) -> String {
            var parts = parts.map { $0 ?? "" }
            while parts.count > 1, parts.last == "" { parts.removeLast() }
            return parts.joined(separator: "; ")
        }
        let registryParties = spec.parties.filter { $0.description == nil }.map { party in
            line([party.members == true ? membersWord : catalogue.registry[party.organisation ?? ""]?.name ?? party.organisation, party.note, party.signatory])
        }
        let described = spec.parties.filter { $0.description != nil }.map { line([$0.description, $0.signatory]) }
        return [
            "title": spec.title, "kind": spec.kind.rawValue, "status": spec.status.rawValue, "startsOn": spec.startsOn ?? "", "endsOn": spec.endsOn ?? "",
            "reviewOn": spec.reviewOn ?? "", "reviewer": spec.reviewer ?? "", "unit": spec.unit ?? "", "public": spec.isPublic ? "on" : "",
            "summary": spec.summary ?? "", "parties": registryParties.joined(separator: "\n"), "describedParties": described.joined(separator: "\n"),
            "activities": spec.activities.map { "\($0.document)/\($0.lineage)" }.joined(separator: "\n"),
            "goals": spec.goals.map { "\($0.document)/\($0.lineage)" }.joined(separator: "\n"),
            "networks": spec.networks.joined(separator: "\n"), "revision": revision.map(String.init) ?? "",
            "text": spec.text ?? "", "plans": spec.plans.joined(separator: "\n"), "accession": spec.acceptsAccessions ? "on" : "",
        ]
    }

    /// The submitted form as the values to show again (checkbox groups joined).
    static func submitted(_ form: [String: String]) -> [String: String] {
        var values = form.filter { !$0.key.contains(".") }
        for name in ["activities", "goals", "networks", "plans"] { values[name] = Forms.checked(name, in: form) }
        values["public"] = form["public"] == "on" ? "on" : ""
        values["accession"] = form["accession"] == "on" ? "on" : ""
        return values
    }

    /// The spec the form says; a party not in the registry is refused beside its field. The
    /// commitments have their own form: they stay as `before` has them while the text stays.
    static func spec(_ values: [String: String], catalogue: Catalogue, before: AgreementSpec? = nil) throws(AgreementWork.Failure) -> AgreementSpec {
        let text = { (name: String) in values[name]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }
        let optional = { (name: String) -> String? in text(name).isEmpty ? nil : text(name) }
        guard let kind = AgreementKind(rawValue: text("kind")) else {
            throw .invalid("Välj ett slag.", english: "kind is not one of the kinds", field: "kind")
        }
        guard let status = AgreementStatus(rawValue: text("status")) else {
            throw .invalid("Välj en status.", english: "status is not one of the statuses", field: "status")
        }
        var parties: [AgreementSpec.Party] = []
        for raw in text("parties").split(whereSeparator: \.isNewline) {
            let parts = raw.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let name = parts.first, !name.isEmpty else { continue }
            let note = parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil
            let signatory = parts.count > 2 && !parts[2].isEmpty ? parts[2] : nil
            if name.lowercased() == membersWord.lowercased() {
                parties.append(.init(members: true, note: note, signatory: signatory))
            } else if let record = catalogue.registry.first(where: { $0.value.name.lowercased() == name.lowercased() || $0.key == name }) {
                parties.append(.init(organisation: record.key, note: note, signatory: signatory))
            } else {
                throw .invalid("Parten \"\(name)\" finns inte i registret. Skriv namnet som registret har det, eller lägg parten under Övriga parter.",
                               english: "party \"\(name)\" is not in the registry", field: "parties")
            }
        }
        for raw in text("describedParties").split(whereSeparator: \.isNewline) {
            let parts = raw.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let description = parts.first, !description.isEmpty else { continue }
            parties.append(.init(description: description, signatory: parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil))
        }
        func nodes(_ name: String) -> [AgreementSpec.NodeReference] {
            text(name).split(whereSeparator: \.isNewline).compactMap { line in
                let parts = line.split(separator: "/", maxSplits: 1).map(String.init)
                return parts.count == 2 ? .init(document: parts[0], lineage: parts[1]) : nil
            }
        }
        return AgreementSpec(title: text("title"), kind: kind, status: status, startsOn: optional("startsOn"), endsOn: optional("endsOn"),
                             reviewOn: optional("reviewOn"), reviewer: optional("reviewer"), unit: optional("unit"), isPublic: values["public"] == "on",
                             summary: optional("summary"), parties: parties, goals: nodes("goals"), activities: nodes("activities"),
                             networks: text("networks").split(whereSeparator: \.isNewline).map(String.init),
                             text: optional("text"), plans: text("plans").split(whereSeparator: \.isNewline).map(String.init),
                             commitments: before.flatMap { $0.text == optional("text") ? $0.commitments : nil } ?? [],
                             acceptsAccessions: values["accession"] == "on")
    }
}
