import Plot

/// Form pieces every module's pages share: a field described once (label, kind, hint) and
/// rendered with the value to show and, when refused, the reason beside it; a page holding one
/// such form; and a confirmation page for what cannot be undone.
public enum Forms {
    public struct FieldSpec: Sendable {
        public enum Kind: Sendable {
            case text, number, date, hidden, checkbox
            /// Never shown again: the value is not rendered.
            case password(autocomplete: String)
            case textarea(rows: Int)
            case select([Choice])
            /// Several choices in a fieldset; each box is named `name.N`, the value holds the chosen
            /// values one per line (`Forms.checked(_:in:)` reads a submitted form back).
            case checkboxes([Choice])
        }

        public let name: String
        public let label: String
        public let kind: Kind
        public let hint: String?

        public init(_ name: String, _ label: String, _ kind: Kind = .text, hint: String? = nil) {
            self.name = name
            self.label = label
            self.kind = kind
            self.hint = hint
        }
    }

    public struct Choice: Sendable {
        public let value: String
        public let label: String
        public init(_ value: String, _ label: String) {
            self.value = value
            self.label = label
        }
    }

    /// What a form shows: the values typed (or saved), and a refusal with the field it concerns.
    public struct FormState: Sendable {
        public var values: [String: String]
        public var error: (field: String, message: String)?
        public init(values: [String: String], error: (field: String, message: String)? = nil) {
            self.values = values
            self.error = error
        }

        /// A module's refusal beside its field (or `fallbackField`, or above the form).
        public mutating func refuse(_ failure: any DomainFailure, fallbackField: String = "") {
            error = (failure.field ?? fallbackField, failure.swedish)
        }
    }

    /// One field, built with `Markup` so every value is escaped. A field in error carries
    /// aria-invalid and points at its message with aria-describedby.
    public static func render(_ spec: FieldSpec, id: String, state: FormState) -> Markup {
        let value = state.values[spec.name] ?? ""
        let name = spec.name
        if case .hidden = spec.kind { return .void("input", [.value("type", "hidden"), .value("name", name), .value("value", value)]) }
        let error = state.error?.field == spec.name ? state.error?.message : nil
        let errorText = { (withID: Bool) in
            error.map { Markup.element("p", [.value("class", "field-error"), .value("id", withID ? "\(id)-error" : nil)], text: $0) } ?? .empty
        }
        if case .checkbox = spec.kind {
            return .element("div", [.value("class", "field checkbox" + (error == nil ? "" : " invalid"))], [
                errorText(true),
                .void("input", [.value("type", "checkbox"), .value("name", name), .value("id", id), .flag("checked", value == "on"),
                                .value("aria-invalid", error == nil ? nil : "true"), .value("aria-describedby", error == nil ? nil : "\(id)-error")]),
                .element("label", [.value("for", id)], text: spec.label),
            ])
        }
        if case .checkboxes(let choices) = spec.kind {
            return checkboxGroup(name: name, id: id, legend: spec.label, hint: spec.hint, choices: choices,
                                 chosen: Set(value.split(separator: "\n").map(String.init)), error: error)
        }
        let described = [spec.hint.map { _ in "\(id)-hint" }, error.map { _ in "\(id)-error" }].compactMap { $0 }
        let aria: [Markup.Attribute] = [.value("aria-invalid", error == nil ? nil : "true"),
                                        .value("aria-describedby", described.isEmpty ? nil : described.joined(separator: " "))]
        let control: Markup
        switch spec.kind {
        case .password(let autocomplete):
            control = .void("input", [.value("type", "password"), .value("name", name), .value("id", id), .value("autocomplete", autocomplete)] + aria)
        case .text, .hidden, .checkbox, .checkboxes:
            control = .void("input", [.value("type", "text"), .value("name", name), .value("id", id), .value("value", value)] + aria)
        case .date:
            control = .void("input", [.value("type", "date"), .value("name", name), .value("id", id), .value("value", value)] + aria)
        case .number:
            control = .void("input", [.value("type", "number"), .value("inputmode", "numeric"), .value("name", name), .value("id", id),
                                      .value("value", value)] + aria)
        case .textarea(let rows):
            // A newline after the tag, since HTML drops the first one: a text starting with a line break keeps it.
            control = .element("textarea", [.value("name", name), .value("id", id), .value("rows", String(rows))] + aria, text: "\n" + value)
        case .select(let choices):
            control = select(name: name, id: id, choices: choices, chosen: value, extra: aria)
        }
        let wide: Bool = if case .textarea = spec.kind { true } else { spec.name == "title" || spec.name == "heading" }
        return .element("div", [.value("class", "field" + (wide ? " wide" : "") + (error == nil ? "" : " invalid"))], [
            .element("label", [.value("for", id)], text: spec.label),
            spec.hint.map { .element("p", [.value("class", "hint"), .value("id", "\(id)-hint")], text: $0) } ?? .empty,
            control,
            errorText(true),
        ])
    }

    /// A `<select>` of choices with the chosen value selected.
    public static func select(name: String, id: String?, choices: [Choice], chosen: String, extra: [Markup.Attribute] = []) -> Markup {
        .element("select", [.value("name", name), .value("id", id)] + extra, choices.map { choice in
            .element("option", [.value("value", choice.value), .flag("selected", choice.value == chosen)], text: choice.label)
        })
    }

    /// Several checkboxes in a fieldset, each named `name.N` (read back with `checked(_:in:)`).
    public static func checkboxGroup(name: String, id: String, legend: String, hint: String?, choices: [Choice], chosen: Set<String>,
                                     error: String?) -> Markup {
        func box(_ index: Int) -> Markup {
            let choice = choices[index]
            return .element("div", [.value("class", "check")], [
                .void("input", [.value("type", "checkbox"), .value("name", "\(name).\(index)"), .value("id", "\(id)-\(index)"),
                                .value("value", choice.value), .flag("checked", chosen.contains(choice.value))]),
                .element("label", [.value("for", "\(id)-\(index)")], text: choice.label),
            ])
        }
        return .element("fieldset", [.value("class", "checks" + (error == nil ? "" : " invalid")), .value("id", id)], [
            .element("legend", text: legend),
            hint.map { .element("p", [.value("class", "hint")], text: $0) } ?? .empty,
            error.map { .element("p", [.value("class", "field-error")], text: $0) } ?? .empty,
            choices.isEmpty ? .element("p", text: "Det finns inget att välja.") : .element("div", [.value("class", "check-list")], choices.indices.map(box)),
        ])
    }

    /// The values of a `.checkboxes` field as a submitted form has them (`name.0`, `name.1`, …), one per line.
    public static func checked(_ name: String, in form: [String: String]) -> String {
        form.filter { $0.key.hasPrefix(name + ".") && Int($0.key.dropFirst(name.count + 1)) != nil }
            .sorted { Int($0.key.dropFirst(name.count + 1))! < Int($1.key.dropFirst(name.count + 1))! }.map(\.value).joined(separator: "\n")
    }

    public static func fields(_ specs: [FieldSpec], state: FormState, idPrefix: String = "") -> Node<HTML.FormContext> {
        Markup.group(specs.map { render($0, id: idPrefix + $0.name, state: state) }).node()
    }

    public static func messages(error: String?, notice: String?) -> Node<HTML.BodyContext> {
        .group(
            .unwrap(error) { .p(.class("form-error"), .attribute(named: "role", value: "alert"), .text($0)) },
            .unwrap(notice) { .p(.class("form-ok"), .attribute(named: "role", value: "status"), .text($0)) }
        )
    }

    /// A page with one form: a new document, a copy, a draft's title and period, a new node,
    /// an adoption, a prose section. A refusal comes back here with the input and the reason.
    public static func csrfField(_ csrf: String) -> Node<HTML.FormContext> {
        .input(.type(.hidden), .name("csrf"), .value(HTML.escape(csrf)))
    }

    public final class FormView: TenantPage {
        public struct Model: Sendable {
            public var heading: String
            public var intro: [String]
            public var trail: [Breadcrumb]
            public var action: String
            public var fields: [FieldSpec]
            public var state: FormState
            public var submit: String
            public var cancelURL: String
            /// A second button that shows the text rendered instead of saving.
            public var previewButton: String?
            public var preview: String?
            public var notice: String?
            /// Other actions on the same subject, each on a page of its own: (label, URL).
            public var links: [Choice]

            public init(heading: String, intro: [String] = [], trail: [Breadcrumb], action: String, fields: [FieldSpec], state: FormState,
                        submit: String, cancelURL: String, previewButton: String? = nil, preview: String? = nil, notice: String? = nil,
                        links: [Choice] = []) {
                self.heading = heading
                self.intro = intro
                self.trail = trail
                self.action = action
                self.fields = fields
                self.state = state
                self.submit = submit
                self.cancelURL = cancelURL
                self.previewButton = previewButton
                self.preview = preview
                self.notice = notice
                self.links = links
            }
        }

        let model: Model
        let csrf: String

        public init(tenantSlug: String, tenantName: String, tenantHome: String, model: Model, csrf: String) {
            self.model = model
            self.csrf = csrf
            super.init(tenantSlug: tenantSlug, tenantName: tenantName, tenantHome: tenantHome)
        }

        public override func pageTitle() -> String { "\(model.heading) – \(tenantName)" }
        public override func breadcrumbs() -> [Breadcrumb] { tenantCrumbs(model.trail + [Breadcrumb(model.heading)]) }

        public override func content() -> Node<HTML.BodyContext> {
            let generalError = model.state.error.flatMap { error in model.fields.contains { $0.name == error.field } ? nil : error.message }
            return .group(
                .h1(.text(model.heading)),
                messages(error: generalError ?? (model.state.error == nil ? nil : "Formuläret är inte sparat. Se felet nedan."), notice: model.notice),
                .forEach(model.intro) { .p(.text($0)) },
                .form(.method(.post), .action(HTML.escape(model.action)), csrfField(csrf),
                      fields(model.fields, state: model.state),
                      .div(.class("actions"),
                           .button(.type(.submit), .text(model.submit)),
                           .unwrap(model.previewButton) { label in
                               .button(.type(.submit), .class("secondary"), .name("forhandsgranska"), .value("ja"), .text(label))
                           },
                           .a(.href(HTML.escape(model.cancelURL)), .text("Avbryt")))),
                .if(!model.links.isEmpty, .ul(.class("more"), .forEach(model.links) { .li(.a(.href(HTML.escape($0.value)), .text($0.label))) })),
                .unwrap(model.preview) { preview in
                    .section(.class("preview"), .attribute(named: "aria-labelledby", value: "preview-heading"),
                             .h2(.id("preview-heading"), .text("Förhandsgranskning (inte sparad)")), .markdown(preview))
                }
            )
        }
    }
}

extension Forms {
    /// Asks before an action that cannot be undone, without JavaScript: the form posts the same
    /// fields again with `confirmed=ja`; "Avbryt" leads back.
    public final class ConfirmView: TenantPage {
        let heading: String
        let question: String
        let action: String
        let fields: [String: String]
        let confirmLabel: String
        let cancelURL: String

        let trail: [Breadcrumb]

        public init(tenantSlug: String, tenantName: String, tenantHome: String, trail: [Breadcrumb], heading: String, question: String,
                    action: String, fields: [String: String], confirmLabel: String, cancelURL: String) {
            self.trail = trail
            self.heading = heading
            self.question = question
            self.action = action
            self.fields = fields
            self.confirmLabel = confirmLabel
            self.cancelURL = cancelURL
            super.init(tenantSlug: tenantSlug, tenantName: tenantName, tenantHome: tenantHome)
        }

        public override func pageTitle() -> String { heading }
        public override func breadcrumbs() -> [Breadcrumb] { tenantCrumbs(trail + [Breadcrumb(heading)]) }

        public override func content() -> Node<HTML.BodyContext> {
            .group(
                .h1(.text(heading)),
                .p(.text(question)),
                .form(.method(.post), .action(HTML.escape(action)),
                      .forEach(fields.sorted { $0.key < $1.key }) { field in .input(.type(.hidden), .name(HTML.escape(field.key)), .value(HTML.escape(field.value))) },
                      .input(.type(.hidden), .name("confirmed"), .value("ja")),
                      .div(.class("actions"), .button(.type(.submit), .class("danger"), .text(confirmLabel)), .a(.href(HTML.escape(cancelURL)), .text("Avbryt"))))
            )
        }
    }
}
