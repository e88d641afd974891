/// Who is signed in, in the header of every page: their name and roles in the tenant of
/// the page, "Redigera" where they may edit, their account and sign-out. Filled into the page's
/// placeholder per request (cached pages carry the placeholder), so it is markup, built with
/// `Markup` from plain values.
public struct AccountBar: Sendable {
    public var name: String
    /// The user's roles in the tenant of the page, in words ("redaktör"); empty elsewhere.
    public var roles: [String]
    /// The editor's address, where the user may edit.
    public var editURL: String?
    public var accountURL: String
    public var signOutURL: String
    public var csrf: String

    public init(name: String, roles: [String], editURL: String?, accountURL: String, signOutURL: String, csrf: String) {
        self.name = name
        self.roles = roles
        self.editURL = editURL
        self.accountURL = accountURL
        self.signOutURL = signOutURL
        self.csrf = csrf
    }

    public var markup: Markup {
        let who: [Markup] = [.text("Inloggad som "), .element("strong", text: name)]
            + (roles.isEmpty ? [] : [.text(", " + roles.sorted().joined(separator: " och "))])
        let parts: [Markup] = [.element("span", [], who)]
            + (editURL.map { [.element("a", [.value("href", $0)], text: "Redigera")] } ?? [])
            + [.element("a", [.value("href", accountURL)], text: "Mitt konto"),
               .element("form", [.value("class", "inline"), .value("method", "post"), .value("action", signOutURL)], [
                   .selfClosing("input", [.value("type", "hidden"), .value("name", "csrf"), .value("value", csrf)]),
                   .element("button", [.value("type", "submit"), .value("class", "small")], text: "Logga ut"),
               ])]
        return .element("div", [.value("class", "account-bar")], Array(parts.map { [$0] }.joined(separator: [.text(" · ")])))
    }
}
