import Core
import Organisation
import Plot
import Vapor

/// Turns every error into a clear answer: JSON under /api, a Swedish page elsewhere.
/// Never a stack trace; unexpected errors are logged and answered with a plain 500.
struct SamsynErrorMiddleware: AsyncMiddleware {
    struct APIError: Content {
        struct Body: Content {
            let status: Int
            let reason: String
        }
        let error: Body
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let (status, reason) = describe(error, request: request)
            let response: Response
            if request.url.path.hasPrefix(SiteURL.apiBase) {
                response = Response(status: status)
                try response.content.encode(APIError(error: .init(status: Int(status.code), reason: reason)))
            } else {
                response = htmlResponse(ErrorShow.View(status: status).document().render(), status: status)
            }
            // Headers a refusal carries (Allow on a 405, say), but not its content type.
            if !(error is DecodingError), let abort = error as? any AbortError {
                for (name, value) in abort.headers where name.lowercased() != "content-type" { response.headers.replaceOrAdd(name: name, value: value) }
            }
            return response
        }
    }

    func describe(_ error: any Error, request: Request) -> (HTTPResponseStatus, String) {
        switch error {
        case let decoding as DecodingError:
            // Vapor makes decoding errors abort errors whose reasons name Swift types and coding
            // keys; say instead which field of the body is wrong, by its JSON path.
            return (.badRequest, StrictDecoding.describe(decoding).description)
        case let abort as any AbortError:
            return (abort.status, abort.reason)
        case let failure as any DomainFailure:
            // A module's rule refused the change: the same for every module (DomainFailure).
            return (failure.status, failure.english)
        default:
            request.logger.report(error: error)
            return (.internalServerError, "something went wrong on our side; the error has been logged")
        }
    }
}

