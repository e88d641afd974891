import Auth
import Core
import Fluent
import Vapor

/// Meeting records: public pages and API reads; editors add and change them in the browser and
/// over the API. A refused form comes back with the input and the reason beside the field.
enum MeetingController {
    static func meeting(_ req: Request, _ organisation: OrganisationRecord) async throws -> Meeting {
        let key = try req.requiredParameter("meeting")
        guard let meeting = try await Meeting.query(on: req.db).filter(\.$organisation.$id == organisation.requireID()).filter(\.$key == key).first() else {
            throw Abort(.notFound, reason: "no meeting \"\(key)\"")
        }
        return meeting
    }

    static func groupNames(_ organisation: OrganisationRecord, on db: any Database) async throws -> [String: String] {
        Dictionary(try await Group.query(on: db).filter(\.$organisation.$id == organisation.requireID()).all().map { ($0.key, $0.name) },
                   uniquingKeysWith: { first, _ in first })
    }

    // MARK: Public

    @Sendable static func list(req: Request) async throws -> Response {
        try await req.cachedPage {
            let organisation = try await req.organisation()
            let meetings = try await Meeting.query(on: req.db).filter(\.$organisation.$id == organisation.requireID()).sort(\.$heldOn, .descending).all()
            return req.render(MeetingIndex.View(organisation: organisation, meetings: meetings, groupNames: try await groupNames(organisation, on: req.db), mayEdit: true))
        }
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let notice = req.queryValue("klart").map { $0 == "oforandrat" ? "Inget ändrades: formuläret skickades utan ändringar." : "Mötet är sparat." }
        @Sendable func render() async throws -> String {
            let organisation = try await req.organisation()
            let meeting = try await meeting(req, organisation)
            let groups = try await groupNames(organisation, on: req.db)
            return req.render(MeetingShow.View(organisation: organisation, meeting: meeting, partyNames: try await parties(on: req.db),
                                                groupName: meeting.groupKey.flatMap { groups[$0] }, mayEdit: true, notice: notice))
        }
        if notice == nil { return try await req.cachedPage { try await render() } }
        return privatePage(try await render())
    }

    // MARK: Editing

    static func fields(groups: [String: String]) -> [Forms.FieldSpec] {
        [.init("title", "Rubrik", hint: "Till exempel Årligt möte 2024."),
         .init("heldOn", "Datum", .date),
         .init("group", "Organ", .select([.init("", "Hela organisationen")] + groups.sorted { $0.value < $1.value }.map { .init($0.key, $0.value) })),
         .init("participants", "Deltagare", .textarea(rows: 6), hint: "En per rad: namnet, och efter semikolon den part personen deltog för, som registret skriver den. Till exempel: Anna Andersson; Region Norrbotten"),
         .init("notes", "Anteckningar", .textarea(rows: 8), hint: "Markdown går bra."),
         .init("documents", "Dokument", .textarea(rows: 3), hint: "En per rad: titel; webbadress. Till exempel: Minnesanteckningar; https://example.se/minnen.pdf")]
    }

    static func values(_ record: MeetingRecord, parties: [String: String]) -> [String: String] {
        ["title": record.title, "heldOn": record.heldOn, "group": record.group ?? "", "notes": record.notes ?? "",
         "participants": record.participants.map { person in person.party.map { "\(person.name); \(parties[$0] ?? $0)" } ?? person.name }.joined(separator: "\n"),
         "documents": record.documents.map { "\($0.title); \($0.url)" }.joined(separator: "\n")]
    }

    static func record(_ form: [String: String], parties: [String: String]) throws(Meetings.Failure) -> MeetingRecord {
        let text = { (name: String) in form[name]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }
        let byName = Dictionary(parties.map { ($0.value.lowercased(), $0.key) }, uniquingKeysWith: { first, _ in first })
        var participants: [MeetingRecord.Participant] = []
        for line in text("participants").split(whereSeparator: \.isNewline) {
            let parts = line.split(separator: ";", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let name = parts.first, !name.isEmpty else { continue }
            guard parts.count == 2, !parts[1].isEmpty else { participants.append(.init(name: name)); continue }
            guard let party = byName[parts[1].lowercased()] ?? (parties[parts[1]] != nil ? parts[1] : nil) else {
                throw Meetings.Failure(swedish: "Parten \"\(parts[1])\" finns inte i registret.", english: "party \"\(parts[1])\" is not in the registry", field: "participants")
            }
            participants.append(.init(name: name, party: party))
        }
        let documents = text("documents").split(whereSeparator: \.isNewline).map { line in
            let parts = line.split(separator: ";", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            // "Titel; adress", or the address alone as its own title.
            return MeetingRecord.Document(title: parts[0], url: parts.count == 2 ? parts[1] : parts[0])
        }
        return MeetingRecord(title: text("title"), heldOn: text("heldOn"), group: text("group").isEmpty ? nil : text("group"),
                             notes: text("notes").isEmpty ? nil : text("notes"), participants: participants, documents: documents)
    }

    static func page(_ req: Request, _ organisation: OrganisationRecord, heading: String, action: String, values: [String: String],
                     error: (String, String)? = nil) async throws -> Response {
        let model = Forms.FormView.Model(
            heading: heading, trail: [Breadcrumb("Möten", url: OrganisationURL.meetings.link(organisation.slug))], action: action,
            fields: fields(groups: try await groupNames(organisation, on: req.db)), state: .init(values: values, error: error),
            submit: "Spara mötet", cancelURL: OrganisationURL.meetings.link(organisation.slug))
        return privatePage(req.render(Forms.FormView(tenantSlug: organisation.slug, tenantName: organisation.name,
                                                     tenantHome: OrganisationURL.home.link(organisation.slug), model: model, csrf: try req.signedIn.csrfToken)),
                           status: error == nil ? .ok : .unprocessableEntity)
    }

    static func parties(on db: any Database) async throws -> [String: String] {
        Dictionary(try await OrganisationRecord.query(on: db).all().map { ($0.scbCode ?? $0.slug, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    @Sendable static func newForm(req: Request) async throws -> Response {
        let organisation = try await req.organisation(permitting: .edit)
        return try await page(req, organisation, heading: "Nytt möte", action: OrganisationURL.newMeeting.link(organisation.slug), values: [:])
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let organisation = try await req.organisation(permitting: .edit)
        let form = try req.content.decode([String: String].self)
        do {
            let meeting = try await Meetings.create(try record(form, parties: try await parties(on: req.db)), in: organisation, actor: .user(try req.user), on: req.db)
            return req.redirect(to: OrganisationURL.meeting.link(organisation.slug, meeting.key, query: ["klart": "sparat"]), redirectType: .normal)
        } catch let failure as Meetings.Failure {
            return try await page(req, organisation, heading: "Nytt möte", action: OrganisationURL.newMeeting.link(organisation.slug), values: form,
                                  error: (failure.name, failure.swedish))
        }
    }

    @Sendable static func editForm(req: Request) async throws -> Response {
        let organisation = try await req.organisation(permitting: .edit)
        let meeting = try await meeting(req, organisation)
        return try await page(req, organisation, heading: "Ändra \(meeting.title)", action: OrganisationURL.editMeeting.link(organisation.slug, meeting.key),
                              values: values(meeting.record, parties: try await parties(on: req.db)))
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let organisation = try await req.organisation(permitting: .edit)
        let meeting = try await meeting(req, organisation)
        let form = try req.content.decode([String: String].self)
        do {
            let changed = try await Meetings.update(meeting, to: try record(form, parties: try await parties(on: req.db)), actor: .user(try req.user), on: req.db)
            return req.redirect(to: OrganisationURL.meeting.link(organisation.slug, meeting.key, query: ["klart": changed ? "sparat" : "oforandrat"]), redirectType: .normal)
        } catch let failure as Meetings.Failure {
            return try await page(req, organisation, heading: "Ändra \(meeting.title)", action: OrganisationURL.editMeeting.link(organisation.slug, meeting.key),
                                  values: form, error: (failure.name, failure.swedish))
        }
    }

    // MARK: API

    @Sendable static func listJSON(req: Request) async throws -> Response {
        try await req.cachedJSON {
            let organisation = try await req.organisation()
            return try await Meeting.query(on: req.db).filter(\.$organisation.$id == organisation.requireID()).sort(\.$heldOn, .descending).all()
                .map { MeetingDTO(key: $0.key, record: $0.record) }
        }
    }

    @Sendable static func showJSON(req: Request) async throws -> Response {
        try await req.cachedJSON {
            let meeting = try await meeting(req, try await req.organisation())
            return MeetingDTO(key: meeting.key, record: meeting.record)
        }
    }

    @Sendable static func createJSON(req: Request) async throws -> Response {
        let organisation = try await req.organisation(permitting: .edit)
        let input = try req.content.decode(MeetingRecord.self)
        let meeting = try await Meetings.create(input, in: organisation, actor: .user(try req.user), on: req.db)
        let response = Response(status: .created)
        try response.content.encode(MeetingDTO(key: meeting.key, record: meeting.record))
        response.headers.replaceOrAdd(name: .location, value: OrganisationURL.API.meeting.link(organisation.slug, meeting.key))
        return response
    }

    @Sendable static func replaceJSON(req: Request) async throws -> Response {
        let organisation = try await req.organisation(permitting: .edit)
        let meeting = try await meeting(req, organisation)
        let input = try req.content.decode(MeetingRecord.self)
        _ = try await Meetings.update(meeting, to: input, actor: .user(try req.user), on: req.db)
        let response = Response(status: .ok)
        try response.content.encode(MeetingDTO(key: meeting.key, record: meeting.record))
        return response
    }
}

/// A meeting over the API: its key and its record.
public struct MeetingDTO: Content, Equatable {
    public let key: String
    public let title: String
    public let heldOn: String
    public let group: String?
    public let notes: String?
    public let participants: [MeetingRecord.Participant]
    public let documents: [MeetingRecord.Document]

    init(key: String, record: MeetingRecord) {
        self.key = key
        title = record.title
        heldOn = record.heldOn
        group = record.group
        notes = record.notes
        participants = record.participants
        documents = record.documents
    }
}
