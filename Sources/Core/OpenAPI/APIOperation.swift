import OpenAPIKit
import Vapor

/// What an API route tells the OpenAPI document, attached where the route is registered:
///
///     api.get(PlansURL.API.tree.pathComponents, use: …).describe(PlansOpenAPI.tree)
///
/// Path parameters, security and the error and 304 responses come from the route itself (its
/// pattern and access policy), so the document cannot drift from what is routed.
public struct APIOperation: @unchecked Sendable {
    public var id: String
    public var summary: String
    public var description: String?
    /// Query and header parameters; path parameters come from the route's pattern.
    public var parameters: [OpenAPI.Parameter]
    public var requestBody: JSONSchema?
    /// The request body's media types: JSON, or a file sent as it is (an SIE file, a CSV).
    public var requestContentTypes: [OpenAPI.ContentType] = [.json]
    public var status: Int
    public var responseDescription: String
    /// The response body's schema; nil for an empty response (204).
    public var response: JSONSchema?
    /// Statuses answered with the error body besides those the access policy adds (401, 403).
    public var errors: [Int]
    /// An example response, as a value of the type the handler encodes (so it cannot drift from the schema's type).
    public var example: (any Encodable & Sendable)?

    public init(_ id: String, summary: String, description: String? = nil, parameters: [OpenAPI.Parameter] = [],
                requestBody: JSONSchema? = nil, status: Int = 200, responseDescription: String = "OK", response: JSONSchema?,
                errors: [Int] = [], example: (any Encodable & Sendable)? = nil) {
        self.id = id
        self.summary = summary
        self.description = description
        self.parameters = parameters
        self.requestBody = requestBody
        self.status = status
        self.responseDescription = responseDescription
        self.response = response
        self.errors = errors
        self.example = example
    }
}

extension Route {
    /// Attaches the route's OpenAPI operation.
    @discardableResult
    public func describe(_ operation: APIOperation) -> Route {
        userInfo["openapi"] = operation
        return self
    }

    public var apiOperation: APIOperation? { userInfo["openapi"] as? APIOperation }
}

/// What a module adds to the OpenAPI document's components.
public struct OpenAPIComponents: @unchecked Sendable {
    /// Schemas by name, referred to as `.component("Name")`.
    public var schemas: [String: JSONSchema]
    /// Descriptions of the path parameters its routes use, by parameter name.
    public var pathParameters: [String: String]
    /// Schemas of path parameters that are not plain strings (a bounded number, say).
    public var pathParameterSchemas: [String: JSONSchema]

    public init(schemas: [String: JSONSchema] = [:], pathParameters: [String: String] = [:], pathParameterSchemas: [String: JSONSchema] = [:]) {
        self.schemas = schemas
        self.pathParameters = pathParameters
        self.pathParameterSchemas = pathParameterSchemas
    }

    /// Both parts, for a module that keeps its components in more than one file.
    public func merging(_ other: OpenAPIComponents) -> OpenAPIComponents {
        OpenAPIComponents(schemas: schemas.merging(other.schemas) { $1 }, pathParameters: pathParameters.merging(other.pathParameters) { $1 },
                          pathParameterSchemas: pathParameterSchemas.merging(other.pathParameterSchemas) { $1 })
    }
}
