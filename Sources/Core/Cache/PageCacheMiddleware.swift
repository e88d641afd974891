import Vapor

/// Forgets every cached page after a successful write, so no handler has to remember to.
/// Installed once for the whole application; reads pass straight through.
public struct PageCacheMiddleware: AsyncMiddleware {
    public init() {}

    public func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        if request.method != .GET, request.method != .HEAD, response.status.code < 400 {
            request.application.pageCache.removeAll()
        }
        return response
    }
}
