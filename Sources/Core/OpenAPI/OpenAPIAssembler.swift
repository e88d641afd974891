import Foundation
import OpenAPIKit
import Vapor

/// Builds the OpenAPI document from the routes themselves: every route under /api/v1 with the
/// operation attached to it, its path parameters from its pattern, its security and refusals
/// from its access policy, and the 304 answer of cached public reads. Modules add the schemas
/// their operations refer to.
public struct OpenAPIAssembler {
    public var info: OpenAPI.Document.Info
    public var components: [OpenAPIComponents]

    public init(info: OpenAPI.Document.Info, components: [OpenAPIComponents]) {
        self.info = info
        self.components = components
    }

    /// An API route the document describes (CORS preflights are the browser's business, not an operation).
    /// An example value as the document's JSON, encoded as the API encodes.
    static func anyCodable(_ value: (any Encodable & Sendable)?) -> AnyCodable? {
        guard let value, let json = try? APIJSON.string(value) else { return nil }
        return try? JSONDecoder().decode(AnyCodable.self, from: Data(json.utf8))
    }

    public static func isAPI(_ route: Route) -> Bool {
        route.path.map(\.description).starts(with: ["api", "v1"]) && route.method != .OPTIONS
    }

    public static func template(_ route: Route) -> String {
        "/" + route.path.map { component -> String in
            if case .parameter(let name) = component { return "{\(name)}" }
            return component.description
        }.joined(separator: "/")
    }

    public func document(routes: [Route]) -> OpenAPI.Document {
        let pathParameters = components.reduce(into: [String: String]()) { $0.merge($1.pathParameters) { $1 } }
        let pathSchemas = components.reduce(into: [String: JSONSchema]()) { $0.merge($1.pathParameterSchemas) { $1 } }
        var items: [String: OpenAPI.PathItem] = [:]
        for route in routes.filter(Self.isAPI) {
            guard let described = route.apiOperation else { continue }
            let template = Self.template(route)
            var item = items[template] ?? OpenAPI.PathItem(parameters: route.path.compactMap { component -> Either<OpenAPI.Reference<OpenAPI.Parameter>, OpenAPI.Parameter>? in
                guard case .parameter(let name) = component else { return nil }
                return .b(.path(name: name, schema: pathSchemas[name] ?? .string, description: pathParameters[name]))
            })
            item[method(route.method)] = operation(described, access: route.declaredAccess, method: route.method)
            items[template] = item
        }
        var schemas = OpenAPI.ComponentDictionary<JSONSchema>()
        let allSchemas = components.reduce(into: Self.errorSchemas) { $0.merge($1.schemas) { $1 } }
        for (name, schema) in allSchemas.sorted(by: { $0.key < $1.key }) { schemas[key(name)] = schema }
        return OpenAPI.Document(
            openAPIVersion: .v3_1_0,
            info: info,
            servers: [.init(url: URL(string: "/")!)],
            paths: OpenAPI.PathItem.Map(items.sorted { $0.key < $1.key }.map { (OpenAPI.Path(rawValue: $0.key), .b($0.value)) },
                                        uniquingKeysWith: { $1 }),
            components: .init(
                schemas: schemas,
                responses: [key("Error"): .b(.init(description: "An error, with its status and the reason in plain English",
                                                    content: [.json: .b(.init(schema: .component("Error")))]))],
                securitySchemes: [
                    key(Access.apiToken.rawValue.camelCased): .b(.http(scheme: "bearer", description: "A personal API token (samsyn_…), created on the account page")),
                    key(Access.importToken.rawValue.camelCased): .b(.http(scheme: "bearer", description: "The installation's import token (SAMSYN_IMPORT_TOKEN)")),
                ]))
    }

    /// The error body every refusal has: `{"error": {"status": 404, "reason": "…"}}`.
    static let errorSchemas: [String: JSONSchema] = [
        "Error": .record(["error": .record(["status": .integer, "reason": .string])]),
    ]

    func operation(_ described: APIOperation, access: Access?, method: HTTPMethod) -> OpenAPI.Operation {
        let cachedRead = access == .publicRead && method == .GET
        var errors = described.errors
        if described.requestBody != nil { errors += [413, 415] }
        var security: [OpenAPI.SecurityRequirement]?
        if let access, access == .apiToken || access == .importToken {
            security = [[.component(named: access.rawValue.camelCased): []]]
            errors += [401, 403]
        }
        var parameters: OpenAPI.Parameter.Array = described.parameters.map { .b($0) }
        if cachedRead {
            parameters.append(.b(.header(name: "If-None-Match", schema: .string, description: "An ETag from an earlier answer: 304 when unchanged")))
        }
        var responses = OpenAPI.Response.Map()
        let headers: OpenAPI.Header.Map? = cachedRead
            ? ["ETag": .b(.init(schema: .string, description: "A validator of the body, for If-None-Match"))] : nil
        responses[status(described.status)] = .b(.init(
            description: described.responseDescription, headers: headers,
            content: described.response.map { [.json: .b(.init(schema: $0, example: Self.anyCodable(described.example)))] } ?? [:]))
        if cachedRead { responses[status(304)] = .b(.init(description: "Not modified: the If-None-Match ETag is current")) }
        for code in Set(errors).sorted() { responses[status(code)] = .a(.component(named: "Error")) }
        return OpenAPI.Operation(
            summary: described.summary, description: described.description, operationId: described.id, parameters: parameters,
            requestBody: described.requestBody.map { schema in
                var content = OpenAPI.Content.Map()
                for type in described.requestContentTypes { content[type] = .b(OpenAPI.Content(schema: schema)) }
                return OpenAPI.Request(content: content, required: true)
            },
            responses: responses, security: security)
    }

    func method(_ method: HTTPMethod) -> OpenAPI.HttpMethod {
        switch method {
        case .POST: .post
        case .PUT: .put
        case .DELETE: .delete
        case .PATCH: .patch
        default: .get
        }
    }

    func status(_ code: Int) -> OpenAPI.Response.StatusCode { .init(integerLiteral: code) }
    func key(_ name: String) -> OpenAPI.ComponentKey { OpenAPI.ComponentKey(rawValue: name)! }
}

extension String {
    /// "import-token" → "importToken".
    var camelCased: String {
        let parts = split(separator: "-")
        return parts.enumerated().map { $0.offset == 0 ? String($0.element) : $0.element.capitalized }.joined()
    }
}
