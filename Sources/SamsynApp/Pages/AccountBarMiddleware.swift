import Auth
import Core
import Organisation
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
        var bar = AccountBar(name: user.name, roles: [], editURL: nil, accountURL: AuthURL.account.link(), signOutURL: AuthURL.signOut.link(),
                             csrf: signedIn.csrfToken)
        if let slug = request.tenant(below: OrganisationURL.home), let organisation = try await request.organisation(slug: slug) {
            let roles = try await RoleQuery.roles(of: user, in: organisation, on: request.db)
            bar.roles = roles.map { $0.label.lowercased() }
            if roles.contains(where: \.mayEdit) {
                // On a document's pages, "Redigera" leads to that document in the editor.
                let document = request.parameters.get("doc").flatMap { Slug.isValid($0) ? "#dokument-\($0)" : nil } ?? ""
                bar.editURL = OrganisationURL.workspace.link(slug) + document
            }
        }
        return bar.markup.html
    }
}
