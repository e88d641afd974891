import Core
import Foundation
import Organisation
import Plans
import Plot

/// One agreement: its facts, parties with who signed, links to goals, key activities and networks,
/// documents and the history of changes. The organisation's users also see the responsible person,
/// internal documents and who made each change; editors get the forms.
enum AgreementShow {
    final class View: OrganisationPage {
        let agreement: AgreementContent
        let staff: Bool
        let mayEdit: Bool
        let notice: String?
        let csrf: String?
        let uploadError: String?
        /// Each registry party with the number of commitments it owes, where the agreement has a text with commitments.
        let partyShares: [(party: AgreementContent.Party, count: Int)]

        init(agreement: AgreementContent, organisation: OrganisationRecord, staff: Bool, mayEdit: Bool, notice: String? = nil, csrf: String? = nil,
             uploadError: String? = nil, partyShares: [(party: AgreementContent.Party, count: Int)] = []) {
            self.partyShares = partyShares
            self.agreement = agreement
            self.staff = staff
            self.mayEdit = mayEdit
            self.notice = notice
            self.csrf = csrf
            self.uploadError = uploadError
            super.init(organisationSlug: organisation.slug, organisationName: organisation.name)
        }

        override func pageTitle() -> String { "\(agreement.title) – \(organisationName)" }
        override func breadcrumbs() -> [Breadcrumb] {
            var trail = [Breadcrumb("Avtal och överenskommelser", url: AgreementsURL.registry.link(organisationSlug))]
            if staff { trail.append(Breadcrumb("Hantera", url: AgreementsURL.staffRegistry.link(organisationSlug))) }
            return tenantCrumbs(trail + [Breadcrumb(agreement.title)])
        }

        override func content() -> Node<HTML.BodyContext> {
            let org = organisationSlug, a = agreement
            return .article(
                .header(.p(.class("level-label"), .text(a.kind.label)), .h1(.text(a.title))),
                Forms.messages(error: nil, notice: notice),
                .if(mayEdit, .ul(.class("more"), .li(.a(.href(AgreementsURL.editAgreement.link(org, a.key)), .text("Ändra avtalet"))),
                                 .if(a.text != nil, .li(.a(.href(AgreementsURL.commitments.link(org, a.key)), .text("Vem åtar sig vad")))))),
                .if(staff && a.isPublic && a.status != .draft, .p(.a(.href(AgreementsURL.agreement.link(org, a.key)), .text("Avtalets offentliga sida")))),
                .if(staff && (!a.isPublic || a.status == .draft), .p(.class("meta"), .text("Avtalet visas inte i den offentliga listan (\(a.isPublic ? "utkast" : "internt"))."))),
                .dl(.class("facts"),
                    .dt("Slag"), .dd(.text(a.kind.label)),
                    .dt("Status"), .dd(.text(a.status.label), .if(ended, .text(" – perioden har löpt ut"))),
                    .dt("Period"), .dd(.text(a.period ?? "Inte angiven")),
                    .dt("Omprövning"), .dd(.text(a.reviewOn ?? "Inget datum satt")),
                    .unwrap(staff ? a.reviewer : nil) { .group(.dt("Ansvarig för omprövningen"), .dd(.text($0))) },
                    .unwrap(a.unit) { unit in .group(.dt("Ansvarig enhet"), .dd(.a(.href(OrganisationURL.unit.link(org, unit.key)), .text(unit.name)))) },
                    .unwrap(a.heading) { heading in
                        .group(.dt("Listas i"), .dd(.a(.href(PlansURL.document(org, a.listedIn ?? "") + "#avtal-och-overenskommelser-i-planen"),
                                                        .text(a.listedInTitle ?? a.listedIn ?? "")), .text(" under rubriken \(heading)")))
                    }),
                .unwrap(a.summary) { .section(.h2(.text("Om avtalet")), .markdown($0)) },
                .section(.h2(.text("Parter")),
                         a.parties.isEmpty ? .p(.text(a.listedIn == nil ? "Inga parter är angivna." : "Dokumentet som avtalet kommer från namnger inga parter."))
                            : .ul(.forEach(a.parties) { party in
                                .li(partyName(party),
                                    .unwrap(party.note) { .text(" (\($0))") },
                                    .unwrap(party.signatory) { .text(" – undertecknat av \($0)") })
                            })),
                CommitmentViews.documents(a, organisation: org),
                CommitmentViews.section(a, parties: partyShares, organisation: org),
                .if(a.acceptsAccessions, .section(
                    .h2(.text("Anslutning")),
                    .p(.text("Organisationer kan ansöka om att ansluta sig till överenskommelsen. Ledningsgruppen godkänner ansökningarna.")),
                    .ul(.class("more"),
                        .li(.a(.href(AgreementsURL.accession.link(org, a.key)), .text("Ansök om att ansluta er organisation"))),
                        .li(.a(.href(AgreementsURL.accessions.link(org, a.key)), .text("Anslutna organisationer"))),
                        .if(mayEdit, .li(.a(.href(AgreementsURL.applications.link(org, a.key)), .text("Ansökningar att besluta om"))))))),
                links("Mål", a.goals),
                links("Nyckelaktiviteter", a.activities),
                .if(!a.networks.isEmpty, .section(.h2(.text("Nätverk")), .ul(.forEach(a.networks) { network in
                    .li(.a(.href(OrganisationURL.group.link(org, network.key)), .text(network.name)))
                }))),
                documents(),
                history()
            )
        }

        var ended: Bool {
            guard let end = agreement.endsOn else { return false }
            return end < CalendarDate.day(of: Date()) && agreement.status == .inForce
        }

        func partyName(_ party: AgreementContent.Party) -> Node<HTML.BodyContext> {
            if party.organisation == organisationSlug { return .a(.href(OrganisationURL.home.link(organisationSlug)), .text(party.name)) }
            if let key = party.organisation { return .a(.href(OrganisationURL.actor.link(organisationSlug, key)), .text(party.name)) }
            if party.members == true { return .a(.href(OrganisationURL.members.link(organisationSlug)), .text(party.name)) }
            return .group(.text(party.name), .span(.class("meta"), .text(" (inte i registret)")))
        }

        func links(_ heading: String, _ nodes: [AgreementContent.Linked]) -> Node<HTML.BodyContext> {
            guard !nodes.isEmpty else { return .empty }
            return .section(.h2(.text(heading)), .ul(.forEach(nodes) { node in
                .li(.a(.href(PlansURL.node(organisationSlug, node.document, node.key)), .text(node.title)))
            }))
        }

        func documents() -> Node<HTML.BodyContext> {
            let org = organisationSlug, key = agreement.key
            return .section(
                .h2(.id("dokument"), .text("Dokument")),
                agreement.documents.isEmpty ? .p(.text("Inga dokument är bifogade.")) : .ul(.forEach(agreement.documents) { document in
                    .li(document.available
                            ? .a(.href(HTML.escape((staff ? AgreementsURL.staffDocument : AgreementsURL.document).link(org, key, document.id))), .text(document.name))
                            : .text(document.name),
                        .text(" (\(AgreementViews.size(document.size))\(document.isPublic ? "" : ", internt")\(document.available ? "" : ", filen finns inte i den här installationen"))"),
                        .if(mayEdit, .group(.text(" · "), .a(.href(AgreementsURL.removeDocument.link(org, key, document.id)), .text("Ta bort"),
                                                              .span(.class("visually-hidden"), .text(" \(document.name)"))))))
                }),
                .unwrap(mayEdit ? csrf : nil) { csrf in
                    .form(.method(.post), .action(AgreementsURL.uploadDocument.link(org, key)), .attribute(named: "enctype", value: "multipart/form-data"),
                          Forms.csrfField(csrf),
                          .div(.class("field\(uploadError == nil ? "" : " invalid")"),
                               .label(.for("file"), .text("Bifoga en fil")),
                               .p(.class("hint"), .id("file-hint"), .text("\(DocumentWork.FileType.description), högst 10 MB.")),
                               .input(.type(.file), .name("file"), .id("file"), .attribute(named: "aria-describedby", value: HTML.escape("file-hint\(uploadError == nil ? "" : " file-error")"))),
                               .unwrap(uploadError) { .p(.class("field-error"), .id("file-error"), .text($0)) }),
                          .div(.class("field checkbox"), .input(.type(.checkbox), .name("public"), .id("public"), .value("on"), .attribute(named: "checked", value: "checked")),
                               .label(.for("public"), .text("Offentligt (visas på avtalets offentliga sida)"))),
                          .div(.class("actions"), .button(.type(.submit), .text("Ladda upp"))))
                })
        }

        func history() -> Node<HTML.BodyContext> {
            .section(.h2(.text("Ändringar")), .ol(.class("history"), .forEach(agreement.history) { change in
                .li(.text("Version \(change.revision), \(change.changedAt.prefix(10)): \(change.changes.isEmpty ? "inga ändringar" : change.changes.joined(separator: ", "))"),
                    .unwrap(change.changedBy) { .span(.class("meta"), .text(" – \($0 == "organisation file" ? "inläst från en organisationsfil" : $0)")) })
            }))
        }
    }
}
