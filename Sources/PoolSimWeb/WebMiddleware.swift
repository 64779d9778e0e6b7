import Foundation
import Hummingbird
import Logging

/// What every request passes through (WEB.md, "Security"): a log line, the
/// token, the same-origin check for requests that change something, and the
/// Content-Security-Policy on every response.
struct WebMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    let token: String?
    let logger: Logger

    /// No remote sources: the app works offline and loads nothing from elsewhere.
    static let contentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
        + "script-src 'self'; connect-src 'self'; frame-src 'self'; frame-ancestors 'self'; object-src 'none'; "
        + "base-uri 'none'; form-action 'self'"

    /// The cookie the login page sets.
    static let tokenCookie = "poolsim_token"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        var response: Response
        do {
            response = try await respond(request, context: context, next: next)
        } catch let error as HTTPResponseError {
            response = Response(status: error.status)
        }
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        let elapsed = started.duration(to: .now)
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        logger.info("\(request.method) \(request.uri.path) \(response.status.code) \(String(format: "%.1f", milliseconds)) ms")
        return response
    }

    private func respond(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if let token, !Self.isOpen(request), !Self.authorised(request, token: token) {
            if path.hasPrefix("/api/") {
                return WebServer.error(401, "a token is required: Authorization: Bearer TOKEN")
            }
            return Response(status: .seeOther, headers: [.location: "/login"])
        }
        if Self.changesState(request.method), let origin = request.headers[.origin], !Self.sameOrigin(origin, request) {
            return WebServer.error(403, "cross-site request refused")
        }
        return try await next(request, context)
    }

    /// The health check, the login page and the static files need no token.
    static func isOpen(_ request: Request) -> Bool {
        let path = request.uri.path
        return (request.method == .get && path == "/api/health") || path == "/login" || path.hasPrefix("/static/")
    }

    static func authorised(_ request: Request, token: String) -> Bool {
        if let header = request.headers[.authorization], header == "Bearer \(token)" { return true }
        return request.cookies[tokenCookie]?.value == token
    }

    static func changesState(_ method: HTTPRequest.Method) -> Bool {
        [.post, .put, .patch, .delete].contains(method)
    }

    /// Whether an Origin header names the host the request was sent to.
    static func sameOrigin(_ origin: String, _ request: Request) -> Bool {
        guard let authority = request.head.authority,
              let url = URLComponents(string: origin), let host = url.host else { return false }
        let port = url.port.map { ":\($0)" } ?? ""
        return "\(host)\(port)".lowercased() == authority.lowercased()
    }
}
