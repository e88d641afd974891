import RoutingKit
import Vapor

/// Answers 405 with an Allow header when a path exists but not for the request's method (Vapor
/// answers 404, which tells a client the wrong thing). Built once from the registered routes.
public final class MethodNotAllowedMiddleware: AsyncMiddleware, @unchecked Sendable {
    /// Written only while the middleware is made; read-only afterwards.
    private let router: TrieRouter<[HTTPMethod]>

    public init(routes: [Route]) {
        var methods: [String: (path: [PathComponent], methods: [HTTPMethod])] = [:]
        for route in routes {
            let key = route.path.map { component -> String in
                if case .parameter = component { return ":" }
                return component.description
            }.joined(separator: "/")
            methods[key, default: (route.path, [])].methods.append(route.method)
        }
        let router = TrieRouter<[HTTPMethod]>()
        for (_, entry) in methods where !entry.path.isEmpty { router.register(entry.methods, at: entry.path) }
        self.router = router
    }

    public func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch let abort as any AbortError where abort.status == .notFound {
            var parameters = Parameters()
            let path = request.url.path.split(separator: "/").map(String.init)
            guard let methods = router.route(path: path, parameters: &parameters), !methods.contains(request.method) else { throw abort }
            let allowed = Set(methods.map(\.rawValue)).subtracting(["HEAD"]).sorted()
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .allow, value: allowed.joined(separator: ", "))
            throw Abort(.methodNotAllowed, headers: headers, reason: "\(request.method.rawValue) is not allowed here; use \(allowed.joined(separator: " or "))")
        }
    }
}
