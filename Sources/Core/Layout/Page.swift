import Plot

public struct Breadcrumb: Sendable, Equatable {
    public let title: String
    public let url: String?
    public init(_ title: String, url: String? = nil) {
        self.title = title
        self.url = url
    }
}

/// The public layout. Subclasses override the hooks; `document()` assembles them
/// with the landmarks every page must have (skip link, header, nav, main, footer).
open class Page {
    public init() {}

    /// Where the signed-in user's bar goes; filled per request, so cached pages can carry it.
    public static let accountPlaceholder = "<!--samsyn:account-->"

    /// What the application around the page provides: set by `Request.render(_:)` before rendering.
    public var shell = SiteShell()
    /// The page's own path, for its canonical address: set by `Request.render(_:)`.
    public var path = ""

    open func pageTitle() -> String { "Samsyn" }
    open func pageDescription() -> String { "Samsyn – öppen styrning och samverkan för kommuner, regioner och civilsamhälle." }
    open func breadcrumbs() -> [Breadcrumb] { [] }
    open func content() -> Node<HTML.BodyContext> { .empty }
    /// Scripts the page enhances itself with; every page works without them.
    open func scripts() -> [String] { [] }
    /// Navigation of a tenant's pages, replacing the site's.
    open func tenantNavigation() -> [Breadcrumb] { [] }

    public final func document() -> HTML {
        HTML(
            .lang(.swedish),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                // Plot's .title() would copy the title into unescaped meta attributes.
                .element(named: "title", text: pageTitle() == "Samsyn" ? "Samsyn" : "\(pageTitle()) – Samsyn"),
                .meta(.name("description"), .content(HTML.escape(pageDescription()))),
                .link(.rel(.canonical), .href(HTML.escape(shell.publicURL + path))),
                // Open Graph, for links shared in mail, chat and social media.
                .meta(.attribute(named: "property", value: "og:title"), .content(HTML.escape(pageTitle()))),
                .meta(.attribute(named: "property", value: "og:description"), .content(HTML.escape(pageDescription()))),
                .meta(.attribute(named: "property", value: "og:type"), .content("website")),
                .meta(.attribute(named: "property", value: "og:url"), .content(HTML.escape(shell.publicURL + path))),
                .meta(.attribute(named: "property", value: "og:site_name"), .content("Samsyn")),
                .meta(.attribute(named: "property", value: "og:locale"), .content("sv_SE")),
                .link(.rel(.stylesheet), .href(SiteURL.stylesheet)),
                .forEach(scripts()) { .script(.src(HTML.escape($0)), .attribute(named: "defer", value: "defer")) }
            ),
            .body(
                .a(.class("skip-link"), .href("#innehall"), .text("Hoppa till innehållet")),
                .header(
                    .class("site-header"),
                    .a(.class("site-name"), .href(SiteURL.home), .text("Samsyn")),
                    // On a phone the links give way to "Meny", which leads to the same links at the
                    // foot of the page: a menu that needs no JavaScript.
                    .a(.class("menu-link"), .href("#meny"), .text("Meny")),
                    .nav(.class("site-nav"), .ariaLabel(HTML.escape(navigationLabel)), navigationList()),
                    .raw(Self.accountPlaceholder)
                ),
                .unwrap(breadcrumbs().isEmpty ? nil : breadcrumbs()) { crumbs in
                    .nav(
                        .class("breadcrumbs"),
                        .ariaLabel("Brödsmulor"),
                        .ol(.forEach(crumbs.indices, { index in
                            let crumb = crumbs[index]
                            if let url = crumb.url, index < crumbs.count - 1 {
                                return .li(.a(.href(HTML.escape(url)), .text(crumb.title)))
                            }
                            return .li(.attribute(named: "aria-current", value: "page"), .text(crumb.title))
                        }))
                    )
                },
                .main(.id("innehall"), .attribute(named: "tabindex", value: "-1"), content()),
                .footer(
                    .class("site-footer"),
                    .nav(.id("meny"), .class("footer-nav"), .ariaLabel("Meny"), navigationList()),
                    .p(
                        .text("Samsyn – innehållet är öppna data. "),
                        .a(.href(SiteURL.openAPI), .text("API-beskrivning (OpenAPI)"))
                    )
                )
            )
        )
    }
}

extension Page {
    var navigationItems: [Breadcrumb] { tenantNavigation().isEmpty ? shell.siteNavigation : tenantNavigation() }
    var navigationLabel: String { tenantNavigation().isEmpty ? "Webbplatsen" : "Organisationens sidor" }

    func navigationList() -> Node<HTML.BodyContext> {
        .ul(.forEach(navigationItems) { item in .li(.a(.href(HTML.escape(item.url ?? "#")), .text(item.title))) })
    }
}

public extension Node {
    /// An aria-label from any text. Plot writes attribute values as given, so text that
    /// comes from users must be escaped here.
    static func safeAriaLabel(_ text: String) -> Node {
        .attribute(named: "aria-label", value: HTML.escape(text))
    }
}

public extension Node where Context == HTML.BodyContext {
    /// A table that scrolls inside its own box where the screen is narrower than the table, with
    /// shadows at the edges as the cue; a focusable region, so a keyboard can scroll it too.
    static func scrollingTable(_ label: String, _ table: Node) -> Node {
        .div(.class("table-scroll"), .attribute(named: "role", value: "region"), .safeAriaLabel(label),
             .attribute(named: "tabindex", value: "0"), table)
    }

    /// The mark on invented data (the demo's follow-up, books and grants): a note, in words, never colour alone.
    static func exampleMark(_ what: String, _ not: String) -> Node {
        .p(.class("example-mark"), .attribute(named: "role", value: "note"), .strong(.text("Exempeldata")),
           .text(" – \(what) för att visa hur Samsyn fungerar. \(not == "" ? "" : "Den är inte \(not).")"))
    }

    /// "Ladda ned: CSV · JSON" under a list a page shows: the same list as open data.
    static func downloads(_ what: String, csv: String, json: String) -> Node {
        .p(.class("downloads"), .text("Ladda ned \(what): "), .a(.href(HTML.escape(csv)), .safeAriaLabel("\(what) som CSV"), .text("CSV")), .text(" · "),
           .a(.href(HTML.escape(json)), .safeAriaLabel("\(what) som JSON"), .text("JSON")))
    }

    /// The column's name inside a cell, shown only where a narrow screen stacks the table (`table.stack`).
    static func label(_ column: String) -> Node {
        .span(.class("cell-label"), .attribute(named: "aria-hidden", value: "true"), .text("\(column): "))
    }
}

public extension Node where Context == HTML.BodyContext {
    /// Prose stored as Markdown, rendered through the escaping renderer.
    static func markdown(_ source: String) -> Node {
        .raw(Markdown.html(source))
    }
}

/// The parts of every page that come from the application rather than the page: the site's
/// navigation and each tenant's, assembled by the composition root from the modules.
public struct SiteShell: Sendable {
    /// The site's public address (SAMSYN_PUBLIC_URL, e.g. https://samsyn.se), for canonical and
    /// shared links; without it they are relative to wherever the site is served.
    public var publicURL: String = ""
    public var siteNavigation: [Breadcrumb]

    public init(siteNavigation: [Breadcrumb] = []) {
        self.siteNavigation = siteNavigation
    }
}
