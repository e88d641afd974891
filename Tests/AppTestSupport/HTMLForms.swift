import Foundation

/// The forms of a page as a browser without JavaScript submits them: every named control with
/// the value it renders (checked boxes only, the selected option or the first), in order.
public struct HTMLForm: Sendable {
    public let action: String
    public let method: String
    public let fields: [(name: String, value: String)]
    /// Whether the form has a control a person fills in (not only hidden fields and buttons).
    public let hasVisibleControls: Bool
    /// The names of submit buttons that carry a value of their own (a second action such as a preview).
    public let buttons: [(name: String, value: String)]

    public var dictionary: [String: String] { Dictionary(fields.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 }) }

    public static func all(in html: String) -> [HTMLForm] {
        HTMLCheck.matches(of: #"(<form\b[^>]*>[\s\S]*?</form>)"#, in: html).map(parse)
    }

    static func attribute(_ name: String, in tag: String) -> String? {
        HTMLCheck.matches(of: "\\s\(name)=\"([^\"]*)\"", in: tag).first.map(unescape)
    }

    static func parse(_ form: String) -> HTMLForm {
        let open = String(form.prefix { $0 != ">" })
        var fields: [(String, String)] = [], buttons: [(String, String)] = [], visible = false
        let controls = HTMLCheck.matches(of: #"(<input\b[^>]*>|<textarea\b[^>]*>[\s\S]*?</textarea>|<select\b[^>]*>[\s\S]*?</select>|<button\b[^>]*>)"#, in: form)
        for control in controls {
            let tag = String(control.prefix { $0 != ">" })
            guard let name = attribute("name", in: tag) else { continue }
            if !control.hasPrefix("<button"), !tag.contains(#"type="hidden""#) { visible = true }
            if control.hasPrefix("<textarea") {
                // As a browser reads it: the first newline after the tag is not part of the text.
                var body = control.drop { $0 != ">" }.dropFirst()
                if body.first == "\n" { body = body.dropFirst() }
                fields.append((name, unescape(String(body.dropLast("</textarea>".count)))))
            } else if control.hasPrefix("<select") {
                let options = HTMLCheck.matches(of: #"(<option\b[^>]*>)"#, in: control)
                let chosen = options.first { $0.contains(" selected") } ?? options.first
                fields.append((name, chosen.flatMap { attribute("value", in: $0) } ?? ""))
            } else if control.hasPrefix("<button") {
                buttons.append((name, attribute("value", in: tag) ?? ""))
            } else {
                let type = attribute("type", in: tag) ?? "text"
                if (type == "checkbox" || type == "radio") && !tag.contains(" checked") { continue }
                if type == "submit" { continue }
                fields.append((name, attribute("value", in: tag) ?? (type == "checkbox" ? "on" : "")))
            }
        }
        return HTMLForm(action: attribute("action", in: open) ?? "", method: (attribute("method", in: open) ?? "get").lowercased(),
                        fields: fields, hasVisibleControls: visible, buttons: buttons)
    }

    public static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&#x27;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}

extension Browser {
    /// The fields of the page's form that posts to `action`.
    public static func formFields(in html: String, action: String) throws -> [String: String] {
        guard let form = HTMLForm.all(in: html).first(where: { $0.action == action }) else {
            throw NSError(domain: "Browser", code: 1, userInfo: [NSLocalizedDescriptionKey: "no form posting to \(action)"])
        }
        return form.dictionary
    }

}
