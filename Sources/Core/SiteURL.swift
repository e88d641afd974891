/// The few addresses of the site itself. Each module keeps its own pages' addresses as
/// `URLPattern`s beside its routes.
public enum SiteURL {
    public static let home = "/"
    public static let stylesheet = "/assets/samsyn.css"
    public static let editorScript = "/assets/editor.js"
    public static let apiBase = "/api/v1"
    public static let openAPI = apiBase + "/openapi.json"
}
