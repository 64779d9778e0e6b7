import Foundation
import Hummingbird
import PoolSimCore
import PoolSimText

extension WebServer {
    /// The pages (server-rendered HTML), their script and stylesheet, and the login form.
    func addPages(to router: Router<BasicRequestContext>) {
        router.get("/") { [self] request, _ in
            Self.page(Pages.runs(store.all().map(\.listing), language: Self.language(request)))
        }
        router.get("/new") { [self] request, _ in
            let kind = request.uri.queryParameters["kind"].flatMap { JobKind(rawValue: String($0)) } ?? .run
            return Self.page(Pages.newRun(kind: kind, scenarios: scenarioEntries(), language: Self.language(request)))
        }
        router.get("/runs/{id}") { [self] request, context in
            guard let run = run(context) else { return Self.error(404, "no such run") }
            let listing = run.listing
            return Self.page(Pages.run(listing, progress: store.progress(listing.id),
                                       results: listing.status.isFinal ? results(run) : nil, error: run.error,
                                       files: store.files(listing.id), language: Self.language(request)))
        }
        router.get("/login") { request, _ in Self.page(Pages.login(language: Self.language(request), failed: false)) }
        router.post("/login") { [self] request, _ in
            let form = switch try await Self.rawBody(request, limit: 64 << 10) {
            case let .success(data): String(decoding: data, as: UTF8.self)
            case .failure: ""
            }
            let given = URLComponents(string: "?" + form)?.queryItems?.first { $0.name == "token" }?.value
            guard let token = configuration.token, given == token else {
                return Self.page(Pages.login(language: Self.language(request), failed: true), status: 401)
            }
            var response = Response(status: .seeOther, headers: [.location: "/"])
            response.setCookie(Cookie(name: WebMiddleware.tokenCookie, value: token, path: "/", secure: false,
                                      httpOnly: true, sameSite: .strict))
            return response
        }
        router.get("/static/app.js") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: Pages.script)))
        }
        router.get("/static/app.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: Pages.stylesheet)))
        }
    }

    static func page(_ html: String, status: Int = 200) -> Response {
        Response(status: .init(code: status), headers: [.contentType: "text/html; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
