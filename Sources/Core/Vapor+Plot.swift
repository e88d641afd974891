import Plot
import Vapor

/// Lets a handler return Plot's `HTML` directly.
extension HTML: @retroactive AsyncResponseEncodable {
    public func encodeResponse(for request: Request) async throws -> Response {
        htmlResponse(render())
    }
}

public func htmlResponse(_ html: String, status: HTTPResponseStatus = .ok) -> Response {
    var headers = HTTPHeaders()
    headers.contentType = .html
    return Response(status: status, headers: headers, body: .init(string: html))
}
