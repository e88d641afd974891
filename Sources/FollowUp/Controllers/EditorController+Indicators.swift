import Auth
import Core
import Fluent
import Organisation
import Plans
import Vapor

/// Indicators in the browser, for editors: add one to a goal, change its facts and targets, type
/// its values a year at a time, remove it. Each refusal comes back with the input and the reason
/// beside the field; each write leads to the list of indicators with what was done.
extension EditorController {
    static func indicatorFields(goals: [FollowedTree.Item]?) -> [Forms.FieldSpec] {
        let goalField: [Forms.FieldSpec] = goals.map { goals in
            [.init("goal", "Mål eller målområde", .select([Forms.Choice("", "Välj…")] + goals.map { .init($0.lineage, "\($0.level): \($0.title)") }))]
        } ?? []
        return goalField + [
            .init("title", "Indikatorns titel", hint: "Till exempel Invånare totalt."),
            .init("unit", "Enhet", hint: "Till exempel antal, procent, dagar eller kronor per invånare."),
            .init("direction", "Riktning", .select(Indicator.Direction.allCases.map { .init($0.rawValue, $0.label) })),
            .init("aggregate", "Hela organisationen, när den saknar egna värden", .select(Indicator.Aggregate.allCases.map { .init($0.rawValue, $0.label) }),
                  hint: "Summa passar antal (invånare, deltagare); medelvärde passar andelar och tider."),
            .init("baselineValue", "Utgångsvärde", hint: "Lämna tomt om det inte finns något."),
            .init("baselineYear", "Utgångsvärdets år", .number),
            .init("kpi", "Kolada-nyckeltal", hint: "Till exempel N01951. Då hämtas värdena ur det som importerats från Kolada; lämna tomt för att skriva in värdena själv."),
            .init("source", "Källa", .textarea(rows: 3), hint: "Var siffrorna kommer ifrån, med år. Visas på indikatorns sida."),
            .init("targets", "Målvärden", .textarea(rows: 4), hint: "Ett år och ett målvärde per rad, till exempel 2023: 350. Decimaler skrivs med komma."),
        ]
    }

    static func indicatorValues(_ spec: IndicatorWork.Spec, goal: String? = nil) -> [String: String] {
        var values = [
            "title": spec.title, "unit": spec.unit, "direction": spec.direction.rawValue, "aggregate": spec.aggregate.rawValue,
            "baselineValue": spec.baselineValue.map(number) ?? "", "baselineYear": spec.baselineYear.map(String.init) ?? "",
            "kpi": spec.kpi ?? "", "source": spec.source ?? "",
            "targets": spec.targets.sorted { $0.key < $1.key }.map { "\($0.key): \(number($0.value))" }.joined(separator: "\n"),
        ]
        if let goal { values["goal"] = goal }
        return values
    }

    /// A number as a form shows it: decimal comma, no thousands separator.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value).replacingOccurrences(of: ".", with: ",")
    }

    /// A number as a person types it: "12,5", "12.5", "80 321".
    static func parseNumber(_ text: String) -> Double? {
        let cleaned = text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{A0}", with: "").replacingOccurrences(of: "\u{202F}", with: "")
            .replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: "−", with: "-")
        guard !cleaned.isEmpty, let value = Double(cleaned), value.isFinite else { return nil }
        return value
    }

    /// Reads the facts and targets of the form; a value that is not a number is refused beside its field.
    static func indicatorSpec(_ form: [String: String]) throws -> IndicatorWork.Spec {
        let text = { (name: String) in form[name]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }
        guard let direction = Indicator.Direction(rawValue: text("direction")) else {
            throw FollowUpWork.Failure.invalid("Välj en riktning.", english: "direction must be higher or lower", field: "direction")
        }
        let aggregate = Indicator.Aggregate(rawValue: text("aggregate")) ?? .mean
        var baselineValue: Double?
        if !text("baselineValue").isEmpty {
            guard let value = parseNumber(text("baselineValue")) else {
                throw FollowUpWork.Failure.invalid("Skriv utgångsvärdet som ett tal, till exempel 12,5.", english: "baselineValue is not a number", field: "baselineValue")
            }
            baselineValue = value
        }
        var baselineYear: Int?
        if !text("baselineYear").isEmpty {
            guard let year = Int(text("baselineYear")) else {
                throw FollowUpWork.Failure.invalid("Skriv året med fyra siffror.", english: "baselineYear is not a year", field: "baselineYear")
            }
            baselineYear = year
        }
        var targets: [Int: Double] = [:]
        for (index, line) in text("targets").split(whereSeparator: \.isNewline).enumerated() {
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let year = Int(parts[0]), let value = parseNumber(parts[1]) else {
                throw FollowUpWork.Failure.invalid("Rad \(index + 1) är inte ett år och ett tal, som 2023: 350.", english: "target line \(index + 1) is not YEAR: NUMBER", field: "targets")
            }
            guard targets[year] == nil else {
                throw FollowUpWork.Failure.invalid("Året \(year) har två målvärden.", english: "target year \(year) appears twice", field: "targets")
            }
            targets[year] = value
        }
        return IndicatorWork.Spec(title: text("title"), unit: text("unit"), direction: direction, aggregate: aggregate, baselineValue: baselineValue,
                                  baselineYear: baselineYear, kpi: text("kpi"), source: text("source"), targets: targets)
    }

    static func indicatorTrail(_ context: Context, _ tree: FollowedTree) -> [Breadcrumb] {
        [Breadcrumb("Uppföljning", url: FollowUpURL.index.link(context.slug)),
         Breadcrumb(tree.title, url: FollowUpURL.dashboard(context.slug, tree.documentSlug)),
         Breadcrumb("Indikatorer", url: FollowUpURL.indicators.link(context.slug, tree.documentSlug))]
    }

    static func indicator(_ req: Request, _ context: Context) async throws -> (Indicator, FollowedTree) {
        let tree = try await tree(req, context)
        let key = try req.requiredParameter("indicator")
        guard let indicator = try await Indicator.query(on: req.db).filter(\.$organisationID == context.organisation.requireID())
            .filter(\.$documentSlug == tree.documentSlug).filter(\.$key == key).first() else {
            throw Abort(.notFound, reason: "document \"\(tree.documentSlug)\" has no indicator \"\(key)\"")
        }
        return (indicator, tree)
    }

    // MARK: The list

    @Sendable static func indicators(req: Request) async throws -> Response {
        let context = try await context(req, .read)
        let tree = try await tree(req, context)
        let indicators = try await IndicatorQuery.contents(context.organisation, document: tree.documentSlug, on: req.db)
        return privatePage(req.render(IndicatorIndex.View(tree: tree, indicators: indicators, mayManage: context.mayManage, notice: indicatorNotice(req))))
    }

    static func indicatorNotice(_ req: Request) -> String? {
        switch req.queryValue("klart") {
        case "tillagd": "Indikatorn är tillagd."
        case "sparad": "Indikatorn är sparad."
        case "varden": "Värdena är sparade."
        case "borttagen": "Indikatorn är borttagen."
        case "oforandrad": "Inget ändrades: formuläret skickades utan ändringar."
        default: nil
        }
    }

    // MARK: Adding

    static func newIndicatorModel(_ context: Context, _ tree: FollowedTree, values: [String: String]) -> Forms.FormView.Model {
        .init(heading: "Ny indikator", intro: ["En indikator mäter ett mål med tal: för varje medlem och år, och för hela organisationen."],
              trail: indicatorTrail(context, tree), action: FollowUpURL.newIndicator.link(context.slug, tree.documentSlug),
              fields: indicatorFields(goals: tree.goals), state: .init(values: values), submit: "Lägg till indikatorn",
              cancelURL: FollowUpURL.indicators.link(context.slug, tree.documentSlug))
    }

    @Sendable static func newIndicatorForm(req: Request) async throws -> Response {
        let context = try await context(req, .manage)
        let tree = try await tree(req, context)
        let goal = req.queryValue("mal") ?? ""
        return formPage(req, context, newIndicatorModel(context, tree, values: ["goal": goal, "direction": "higher", "aggregate": "mean"]))
    }

    @Sendable static func addIndicator(req: Request) async throws -> Response {
        let context = try await context(req, .manage)
        let tree = try await tree(req, context)
        let form = try form(req)
        return try await submit(req, context, newIndicatorModel(context, tree, values: form)) {
            try await IndicatorWork.add(try indicatorSpec(form), to: form["goal"] ?? "", of: tree, organisationID: context.organisation.requireID(),
                                        actor: context.actor, on: req.db)
            return redirect(req, FollowUpURL.indicators.link(context.slug, tree.documentSlug), notice: "tillagd")
        }
    }

    // MARK: Changing

    static func editIndicatorModel(_ context: Context, _ tree: FollowedTree, _ indicator: Indicator, values: [String: String]) -> Forms.FormView.Model {
        .init(heading: "Ändra \(indicator.title)", intro: ["Indikatorn hör till \(tree.item(lineage: indicator.lineage)?.title ?? indicator.lineage)."],
              trail: indicatorTrail(context, tree), action: FollowUpURL.editIndicator.link(context.slug, tree.documentSlug, indicator.key),
              fields: indicatorFields(goals: nil), state: .init(values: values), submit: "Spara indikatorn",
              cancelURL: FollowUpURL.indicators.link(context.slug, tree.documentSlug))
    }

    @Sendable static func editIndicatorForm(req: Request) async throws -> Response {
        let context = try await context(req, .manage)
        let (indicator, tree) = try await indicator(req, context)
        let spec = try await IndicatorWork.spec(of: indicator, on: req.db)
        return formPage(req, context, editIndicatorModel(context, tree, indicator, values: indicatorValues(spec)))
    }

    @Sendable static func saveIndicator(req: Request) async throws -> Response {
        let context = try await context(req, .manage)
        let (indicator, tree) = try await indicator(req, context)
        let form = try form(req)
        return try await submit(req, context, editIndicatorModel(context, tree, indicator, values: form)) {
            let changed = try await IndicatorWork.update(indicator, with: try indicatorSpec(form), replacingValues: false, tree: tree, actor: context.actor, on: req.db)
            return redirect(req, FollowUpURL.indicators.link(context.slug, tree.documentSlug), notice: changed ? "sparad" : "oforandrad")
        }
    }

    // MARK: Values

    static func valuesModel(_ context: Context, _ tree: FollowedTree, _ indicator: Indicator, areas: [IndicatorContent.Area],
                            values: [String: String]) -> Forms.FormView.Model {
        .init(heading: "\(indicator.title), \(values["period"] ?? "")",
              intro: ["Skriv ett värde (\(indicator.unit)) per medlem för \(values["period"] ?? "perioden"); lämna tomt där värde saknas. Ett tomt fält tar bort ett sparat värde. Decimaler skrivs med komma.",
                      "Andra år väljer du i listan över indikatorer."],
              trail: indicatorTrail(context, tree), action: FollowUpURL.indicatorValues.link(context.slug, tree.documentSlug, indicator.key),
              fields: [.init("period", "Period", .hidden)] + areas.map { .init("area-\($0.code)", $0.name) },
              state: .init(values: values), submit: "Spara värdena", cancelURL: FollowUpURL.indicators.link(context.slug, tree.documentSlug))
    }

    /// The members in order and the organisation as a whole: where values may be typed.
    static func valueAreas(_ context: Context, on db: any Database) async throws -> [IndicatorContent.Area] {
        try await MemberQuery.members(of: context.organisation, on: db).compactMap { member in member.scbCode.map { .init(code: $0, name: member.name) } }
            + [.init(code: IndicatorValue.organisation, name: "Hela \(context.organisation.name)")]
    }

    static func refuseKolada(_ indicator: Indicator) throws {
        guard let kpi = indicator.kpi else { return }
        throw Abort(.conflict, reason: "Värdena för \(indicator.title) kommer från Kolada (\(kpi)) och skrivs inte in här. Importera dem med samsyn kolada import eller API:t.")
    }

    @Sendable static func valuesForm(req: Request) async throws -> Response {
        let context = try await context(req, .manage)
        let (indicator, tree) = try await indicator(req, context)
        try refuseKolada(indicator)
        let spec = try await IndicatorWork.spec(of: indicator, on: req.db)
        let period = req.queryValue("period") ?? spec.values.values.flatMap(\.keys).max() ?? String(Calendar.current.component(.year, from: Date()))
        guard IndicatorWork.isPeriod(period) else { throw Abort(.badRequest, reason: "Perioden ska vara ett år, till exempel 2023.") }
        let areas = try await valueAreas(context, on: req.db)
        var values = ["period": period]
        for area in areas { values["area-\(area.code)"] = spec.values[area.code]?[period].map(number) ?? "" }
        return formPage(req, context, valuesModel(context, tree, indicator, areas: areas, values: values))
    }

    @Sendable static func saveValues(req: Request) async throws -> Response {
        let context = try await context(req, .manage)
        let (indicator, tree) = try await indicator(req, context)
        try refuseKolada(indicator)
        let form = try form(req)
        let areas = try await valueAreas(context, on: req.db)
        return try await submit(req, context, valuesModel(context, tree, indicator, areas: areas, values: form)) {
            var values: [String: Double?] = [:]
            for area in areas {
                let text = form["area-\(area.code)"]?.trimmingCharacters(in: .whitespaces) ?? ""
                if text.isEmpty { values[area.code] = .some(nil); continue }
                guard let value = parseNumber(text) else {
                    throw FollowUpWork.Failure.invalid("Skriv värdet som ett tal, till exempel 12,5.", english: "value for \(area.code) is not a number", field: "area-\(area.code)")
                }
                values[area.code] = value
            }
            let period = form["period"]?.trimmingCharacters(in: .whitespaces) ?? ""
            let changed = try await IndicatorWork.setValues(values, period: period, of: indicator, tree: tree, actor: context.actor, on: req.db)
            return redirect(req, FollowUpURL.indicators.link(context.slug, tree.documentSlug), notice: changed == 0 ? "oforandrad" : "varden")
        }
    }

    // MARK: Removing

    @Sendable static func deleteIndicatorForm(req: Request) async throws -> Response {
        let context = try await context(req, .manage)
        let (indicator, tree) = try await indicator(req, context)
        return privatePage(req.render(Forms.ConfirmView(
            tenantSlug: context.slug, tenantName: context.organisation.name, tenantHome: OrganisationURL.home.link(context.slug),
            trail: indicatorTrail(context, tree), heading: "Ta bort \(indicator.title)",
            question: "Indikatorn tas bort med sina målvärden och inskrivna värden. Värden som importerats från Kolada finns kvar. Det syns i historiken vem som tog bort den.",
            action: FollowUpURL.deleteIndicator.link(context.slug, tree.documentSlug, indicator.key), fields: ["csrf": context.csrf],
            confirmLabel: "Ta bort indikatorn", cancelURL: FollowUpURL.indicators.link(context.slug, tree.documentSlug))))
    }

    @Sendable static func deleteIndicator(req: Request) async throws -> Response {
        let context = try await context(req, .manage)
        let (indicator, tree) = try await indicator(req, context)
        guard try form(req)["confirmed"] == "ja" else { return req.redirect(to: FollowUpURL.deleteIndicator.link(context.slug, tree.documentSlug, indicator.key)) }
        try await IndicatorWork.delete(indicator, tree: tree, actor: context.actor, on: req.db)
        return redirect(req, FollowUpURL.indicators.link(context.slug, tree.documentSlug), notice: "borttagen")
    }
}
