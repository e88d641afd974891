import Auth
import Core
import Fluent
import Organisation
import Plans
import Plot
import Vapor

/// Shows who is signed in on every page: pages (cached ones too) carry a placeholder in their
/// header, which this middleware fills per request with the user's name, their roles in the
/// organisation of the page, "Redigera" where they may edit, their account and sign-out. A
/// signed-in answer is private: no ETag shared with others, never stored by caches.
struct AccountBarMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        // Bytes, not String: a cached page is served thousands of times a second, and Foundation's
        // search over a 40 kB page with å, ä and ö cost more than the rest of the answer.
        guard response.headers.contentType == .html, let body = response.body.buffer,
              let placeholder = body.readableBytesView.firstRange(of: Self.placeholder) else {
            return response
        }
        try await SessionAuthenticator().authenticate(request: request)
        guard let signedIn = request.auth.get(SignedIn.self) else {
            response.body = .init(buffer: Self.replacing(placeholder, in: body, with: ""))
            return response
        }
        let bar = try await self.bar(for: signedIn, on: request)
        response.headers.remove(name: .eTag)
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        // Signed in, the site's "Logga in" would only confuse.
        let filled = String(buffer: Self.replacing(placeholder, in: body, with: bar))
            .replacingOccurrences(of: "<li><a href=\"\(AuthURL.signIn.link())\">Logga in</a></li>", with: "")
        response.body = .init(string: filled)
        return response
    }

    static let placeholder = Array(Page.accountPlaceholder.utf8)

    /// The body with the bytes at `range` (a range of its readable bytes view) replaced by `text`.
    static func replacing(_ range: Range<Int>, in body: ByteBuffer, with text: String) -> ByteBuffer {
        let start = body.readerIndex
        var result = ByteBufferAllocator().buffer(capacity: body.readableBytes + text.utf8.count)
        result.writeImmutableBuffer(body.getSlice(at: start, length: range.lowerBound - start) ?? ByteBuffer())
        result.writeString(text)
        result.writeImmutableBuffer(body.getSlice(at: range.upperBound, length: body.writerIndex - range.upperBound) ?? ByteBuffer())
        return result
    }

    func bar(for signedIn: SignedIn, on request: Request) async throws -> String {
        let user = signedIn.user
        var parts = ["<span>Inloggad som <strong>\(HTML.escape(user.name))</strong></span>"]
        if let slug = request.url.path.split(separator: "/").dropFirst().first.map(String.init), request.url.path.hasPrefix("/o/"),
           let organisation = try await OrganisationRecord.query(on: request.db).filter(\.$slug == slug).first() {
            let roles = try await Role.query(on: request.db).filter(\.$user.$id == user.requireID())
                .filter(\.$organisation.$id == organisation.requireID()).all()
            if !roles.isEmpty {
                parts[0] = "<span>Inloggad som <strong>\(HTML.escape(user.name))</strong>, "
                    + roles.map { HTML.escape($0.role.label.lowercased()) }.sorted().joined(separator: " och ") + "</span>"
            }
            if roles.contains(where: { $0.role.mayEdit }) {
                // On a document's public page, "Redigera" leads to that document in the editor.
                let path = request.url.path.split(separator: "/").map(String.init)
                let document = path.count >= 4 && path[2] == PlansURL.documents.parts.last ? path[3] : nil
                let link = OrganisationURL.workspace.link(slug) + (document.flatMap { Slug.isValid($0) ? "#dokument-\($0)" : nil } ?? "")
                parts.append("<a href=\"\(link)\">Redigera</a>")
            }
        }
        parts.append("<a href=\"\(AuthURL.account.link())\">Mitt konto</a>")
        parts.append("<form class=\"inline\" method=\"post\" action=\"\(AuthURL.signOut.link())\">"
            + "<input type=\"hidden\" name=\"csrf\" value=\"\(HTML.escape(signedIn.csrfToken))\"/>"
            + "<button type=\"submit\" class=\"small\">Logga ut</button></form>")
        return "<div class=\"account-bar\">" + parts.joined(separator: " · ") + "</div>"
    }
}
