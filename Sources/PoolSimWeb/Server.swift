import Foundation
import Hummingbird
import Logging
import NIOCore
import PoolSimApp
import PoolSimCore
import PoolSimRandom
import PoolSimReport
import PoolSimScenario
import PoolSimText
import ServiceLifecycle
import UnixSignals

/// How `poolsim serve` is set up (WEB.md, "Starting it").
public struct WebConfiguration: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// Web runs live in `results/web/<id>/`.
    public var results = "results"
    /// The scenarios offered by name.
    public var scenarios = "scenarios"
    /// With a token, every request but the health check needs it.
    public var token: String?
    public var maxTrials = 10_000_000
    /// Runs at a time.
    public var workers = 1
    /// The largest request body, in bytes.
    public var maxBody = 16 << 20
    /// Runs that may wait in the queue; one more is refused with 429.
    public var queueCapacity = 100

    public init() {}

    /// Whether `host` is a loopback address (where no token is needed).
    public var isLoopback: Bool {
        ["127.0.0.1", "::1", "localhost"].contains(host) || host.hasPrefix("127.")
    }
}

/// The web app: its runs, its queue and its routes.
public final class WebServer: Sendable {
    let configuration: WebConfiguration
    let store: RunStore
    let runner: JobRunner

    public init(_ configuration: WebConfiguration) throws {
        self.configuration = configuration
        let store = try RunStore(results: configuration.results)
        self.store = store
        let scenarios = configuration.scenarios
        let maxTrials = configuration.maxTrials
        runner = JobRunner(store: store, workers: configuration.workers, capacity: configuration.queueCapacity) { run, body throws(BodyError) in
            let parsed = try WebServer.decodeBody(body)
            let builder = RunRequestBuilder(scenarios: WebServer.scenarioFiles(scenarios), maxTrials: maxTrials)
            return try builder.job(parsed, directory: store.runDirectory(run.listing.id), language: run.language)
        }
        // Runs left waiting by a stopped server wait again.
        for id in store.queued() { try? runner.submit(id) }
    }

    /// The HTTP application: the router.
    public func application(logger: Logger = Logger(label: "poolsim.serve")) -> some ApplicationProtocol {
        Application(router: router(logger: logger),
                    configuration: .init(address: .hostname(configuration.host, port: configuration.port),
                                         serverName: "PoolSim"),
                    logger: logger)
    }

    /// Serves until SIGTERM or SIGINT. Services stop in the reverse of their
    /// order, each after the one before has finished: the job runner first —
    /// the runs in progress are cancelled and write what they finished, which
    /// also ends their event streams — then the HTTP server.
    public func run(logger: Logger) async throws {
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: application(logger: logger)), .init(service: runner)],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }

    // MARK: Routes

    func router(logger: Logger) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: WebMiddleware(token: configuration.token, logger: logger))
        router.get("/api/health") { _, _ in
            Self.json(.object([("status", .string("ok")), ("version", .string(PoolSimVersion.string)),
                               ("gsl_version", .string(GSL.version))]))
        }
        router.get("/api/scenarios") { [self] _, _ in
            Self.json(try JSONValueEncoder().encode(scenarioEntries()))
        }
        router.get("/api/scenarios/{name}") { [self] _, context in
            guard let name = context.parameters.get("name"), let path = Self.scenarioFiles(configuration.scenarios)[name],
                  let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                return Self.error(404, "no such scenario")
            }
            return Self.json(.object([("name", .string(name)),
                                      ("format", .string((ScenarioFormat(path: path) ?? .yaml).rawValue)),
                                      ("text", .string(text))]))
        }
        router.post("/api/validate") { [self] request, context in try await validate(request, context) }
        router.post("/api/runs") { [self] request, context in try await startRun(request, context) }
        router.get("/api/runs") { [self] _, _ in
            Self.json(try JSONValueEncoder().encode(store.all().map(\.listing)))
        }
        router.get("/api/runs/{id}") { [self] _, context in
            guard let run = run(context) else { return Self.error(404, "no such run") }
            return Self.json(runDocument(run))
        }
        router.delete("/api/runs/{id}") { [self] _, context in
            guard let run = run(context) else { return Self.error(404, "no such run") }
            guard runner.cancel(run.listing.id) else {
                return Self.error(409, "the run is \(run.listing.status.rawValue); only a queued or running run can be cancelled")
            }
            return Self.json(.object([("id", .string(run.listing.id)), ("status", .string("cancelling"))]), status: 202)
        }
        router.get("/api/runs/{id}/events") { [self] _, context in
            guard let run = run(context), let events = store.events(run.listing.id) else {
                return Self.error(404, "no such run")
            }
            return Self.serverSentEvents(events)
        }
        router.get("/api/runs/{id}/files/{file}") { [self] request, context in
            guard let run = run(context), let name = context.parameters.get("file"),
                  store.files(run.listing.id).contains(name) else { return Self.error(404, "no such file") }
            if let view = view(name, of: run, in: Self.language(request)) { return Self.file(name, view) }
            let path = (store.runDirectory(run.listing.id) as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else { return Self.error(404, "no such file") }
            return Self.file(name, data)
        }
        addPages(to: router)
        return router
    }

    func run(_ context: BasicRequestContext) -> StoredRun? {
        guard let id = context.parameters.get("id"), RunStore.isValidID(id) else { return nil }
        return store.run(id)
    }

    /// `GET /api/runs/{id}`: the run, its progress, and its results document once there is one.
    func runDocument(_ run: StoredRun) -> JSONValue {
        let listing = run.listing
        let progress = store.progress(listing.id)
        var members: [(String, JSONValue)] = [
            ("id", .string(listing.id)), ("kind", .string(listing.kind.rawValue)), ("status", .string(listing.status.rawValue)),
            ("scenario", .string(listing.scenario)), ("created_at", .string(listing.createdAt)),
            ("progress", .object([("trials_done", .int(progress?.trialsDone ?? (listing.status == .done ? listing.trials : 0))),
                                  ("trials", .int(progress?.trials ?? listing.trials))])),
        ]
        if let document = resultDocument(run) { members.append(("result", document)) }
        if let error = run.error { members.append(("error", .string(error))) }
        return .object(members)
    }

    /// The document the matching command prints with `--format json`, read back from the run's files.
    func resultDocument(_ run: StoredRun) -> JSONValue? {
        let name = Self.resultFile(run.listing.kind)
        let path = (store.runDirectory(run.listing.id) as NSString).appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: path),
              var document = try? JSONValue(parsing: String(decoding: data, as: UTF8.self)) else { return nil }
        // A size run's results.json carries the base run too; the command prints the estimates.
        if run.listing.kind == .size, let size = document["size"] { document = size }
        return document
    }

    /// The report and the workbook are views of a run's results: they are
    /// rendered again in the language of whoever asks, from the results files.
    func view(_ name: String, of run: StoredRun, in language: Language) -> Data? {
        guard language != run.language, let results = results(run) else { return nil }
        switch (name, results) {
        case let ("report.html", .run(results)): return Data(HTMLReport.render(results, language: language).utf8)
        case let ("report.html", .size(results)): return Data(HTMLReport.render(results.run, language: language).utf8)
        case let ("report.html", .compare(results)): return Data(AnalysisReport.compare(results, language: language).utf8)
        case let ("report.html", .sweep(results)): return Data(AnalysisReport.sweep(results, language: language).utf8)
        case let ("report.html", .sensitivity(results)):
            return Data(AnalysisReport.sensitivity(results, language: language).utf8)
        case let ("results.xlsx", .run(results)): return try? XLSXExport.workbook(results, trials: nil, language: language)
        case let ("results.xlsx", .size(results)): return try? XLSXExport.workbook(results.run, trials: nil, language: language)
        default: return nil
        }
    }

    static func resultFile(_ kind: JobKind) -> String {
        switch kind {
        case .run, .replay, .size: "results.json"
        case .compare, .sweep, .sensitivity: "analysis.json"
        }
    }

    /// The typed results of a finished run, for its page.
    func results(_ run: StoredRun) -> JobResults? {
        let path = (store.runDirectory(run.listing.id) as NSString).appendingPathComponent(Self.resultFile(run.listing.kind))
        guard let data = FileManager.default.contents(atPath: path),
              let value = try? JSONValue(parsing: String(decoding: data, as: UTF8.self)) else { return nil }
        let decoder = JSONValueDecoder()
        switch run.listing.kind {
        case .run: return (try? decoder.decode(RunResults.self, from: value)).map(JobResults.run)
        case .replay: return (try? decoder.decode(RunResults.self, from: value)).map(JobResults.replay)
        case .size: return (try? decoder.decode(SizeResults.self, from: value)).map(JobResults.size)
        case .compare: return (try? decoder.decode(CompareResults.self, from: value)).map(JobResults.compare)
        case .sweep: return (try? decoder.decode(SweepResults.self, from: value)).map(JobResults.sweep)
        case .sensitivity: return (try? decoder.decode(SensitivityResults.self, from: value)).map(JobResults.sensitivity)
        }
    }

    // MARK: Validate and start

    func validate(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let language = Self.language(request)
        let fields: [String: JSONValue]
        switch try await Self.jsonBody(request, limit: configuration.maxBody) {
        case let .failure(failure): return failure.response
        case let .success(body): fields = body
        }
        guard case let .string(text)? = fields["text"] else { return Self.error(400, "text: required, a string") }
        var format = ScenarioFormat(sniffing: text)
        if let named = fields["format"] {
            guard case let .string(name) = named, let chosen = ScenarioFormat(rawValue: name) else {
                return Self.error(400, "format: one of yaml, toml, json")
            }
            format = chosen
        }
        let builder = RunRequestBuilder(scenarios: Self.scenarioFiles(configuration.scenarios), maxTrials: configuration.maxTrials)
        let tape = builder.tapeSource(upload: fields["loan_tape"]?.stringValue, base: fields["base"]?.stringValue)
        let diagnostics: [Diagnostic]
        do {
            diagnostics = try ScenarioLoader.load(contents: text, format: format, file: "scenario.\(format.rawValue)",
                                                  tape: tape).warnings
        } catch {
            diagnostics = error.diagnostics
        }
        let ok = !diagnostics.contains { $0.severity == .error }
        return Self.json(.object([("ok", .bool(ok)), ("diagnostics", Self.diagnostics(diagnostics, language))]))
    }

    func startRun(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let language = Self.language(request)
        let data: Data
        switch try await Self.rawBody(request, limit: configuration.maxBody) {
        case let .failure(failure): return failure.response
        case let .success(body): data = body
        }
        if runner.isFull { return Self.error(429, "the queue is full (\(configuration.queueCapacity) runs waiting); try again later") }
        do {
            let body = try Self.decodeBody(data)
            let id = RunStore.newID()
            let builder = RunRequestBuilder(scenarios: Self.scenarioFiles(configuration.scenarios),
                                            maxTrials: configuration.maxTrials)
            let job = try builder.job(body, directory: store.runDirectory(id), language: language)
            let (scenario, trials) = try job.validate(language)
            // The scenario's own trial count counts too, when the request gives none.
            guard trials <= configuration.maxTrials else {
                throw BodyError(status: 400, message: "trials: \(trials) (the scenario's) is more than this server runs "
                                    + "(at most \(configuration.maxTrials)); give a smaller trials")
            }
            let listing = RunListing(id: id, kind: body.kind, scenario: scenario, status: .queued,
                                     createdAt: timestamp(), trials: trials)
            try store.add(StoredRun(listing: listing, language: language), body: data)
            do {
                try runner.submit(id)
            } catch {
                store.update(id, status: .cancelled)
                return Self.error(error == .full ? 429 : 503, error == .full ? "the queue is full; try again later"
                                    : "the server is stopping")
            }
            return Self.json(.object([("id", .string(id)), ("status", .string("queued"))]), status: 202)
        } catch let error as BodyError {
            var members: [(String, JSONValue)] = [("error", .string(error.message))]
            if !error.diagnostics.isEmpty { members.append(("diagnostics", Self.diagnostics(error.diagnostics, language))) }
            return Self.json(.object(members), status: error.status)
        }
    }

    /// Decodes a run request; a problem is a 400 that names the field.
    static func decodeBody(_ data: Data) throws(BodyError) -> RunRequestBody {
        let value: JSONValue
        do {
            value = try JSONValue(parsing: String(decoding: data, as: UTF8.self))
        } catch {
            throw BodyError(status: 400, message: "body: \(error.description)")
        }
        do {
            return try JSONValueDecoder().decode(RunRequestBody.self, from: value)
        } catch let error as DecodingError {
            throw BodyError(status: 400, message: Self.describe(error))
        } catch {
            throw BodyError(status: 400, message: "body: \(error)")
        }
    }

    /// "trials: expected a whole number", "kind: required", naming the field by its path.
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context, _ last: CodingKey? = nil) -> String {
            let keys = context.codingPath + (last.map { [$0] } ?? [])
            let text = keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
                .replacingOccurrences(of: ".[", with: "[")
            return text.isEmpty ? "body" : text
        }
        switch error {
        case let .keyNotFound(key, context): return "\(path(context, key)): required"
        case let .typeMismatch(_, context), let .valueNotFound(_, context):
            return "\(path(context)): \(context.debugDescription)"
        case let .dataCorrupted(context):
            return "\(path(context)): \(context.debugDescription.isEmpty ? "invalid value" : context.debugDescription)"
        @unknown default: return "body: \(error)"
        }
    }

    // MARK: Scenarios

    /// The scenario files of a folder by name (the file name without its extension).
    static func scenarioFiles(_ folder: String) -> [String: String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        var files: [String: String] = [:]
        for name in names.sorted() where ScenarioFormat(path: name) != nil && !name.hasPrefix(".") {
            let stem = (name as NSString).deletingPathExtension
            if files[stem] == nil { files[stem] = (folder as NSString).appendingPathComponent(name) }
        }
        return files
    }

    func scenarioEntries() -> [ScenarioEntry] {
        Self.scenarioFiles(configuration.scenarios).sorted { $0.key < $1.key }.map { name, path in
            let description = (try? ScenarioLoader.load(path: path))?.scenario.description ?? ""
            return ScenarioEntry(name: name, description: description, file: (path as NSString).lastPathComponent)
        }
    }

    // MARK: Responses

    static func json(_ value: JSONValue, status: Int = 200) -> Response {
        Response(status: .init(code: status), headers: [.contentType: "application/json; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: value.rendered())))
    }

    static func error(_ status: Int, _ message: String) -> Response {
        json(.object([("error", .string(message))]), status: status)
    }

    static func diagnostics(_ diagnostics: [Diagnostic], _ language: Language) -> JSONValue {
        .array(diagnostics.map { diagnostic in
            .object([
                ("severity", .string(diagnostic.severity.rawValue)),
                ("line", diagnostic.location.line.map(JSONValue.int) ?? .null),
                ("column", diagnostic.location.column.map(JSONValue.int) ?? .null),
                ("path", .string(diagnostic.keyPath)),
                ("message", .string(diagnostic.message.text(language))),
                ("hint", diagnostic.hint.map { .string($0.text(language)) } ?? .null),
            ])
        })
    }

    static func file(_ name: String, _ data: Data) -> Response {
        let type: String = switch (name as NSString).pathExtension.lowercased() {
        case "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case "csv": "text/csv; charset=utf-8"
        case "json": "application/json; charset=utf-8"
        case "html": "text/html; charset=utf-8"
        default: "application/octet-stream"
        }
        var headers: HTTPFields = [.contentType: type]
        if !name.hasSuffix(".html") { headers[.contentDisposition] = "attachment; filename=\"\(name)\"" }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// `progress` events, then the final status as `done`, `failed`, `cancelled` or `interrupted`.
    static func serverSentEvents(_ events: AsyncStream<RunEvent>) -> Response {
        Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
                 body: ResponseBody { writer in
                     for await event in events {
                         let (name, data): (String, String)
                         switch event {
                         case let .progress(progress):
                             (name, data) = ("progress", Self.compact(progress))
                         case let .status(status):
                             guard status.isFinal else { continue }
                             (name, data) = (status.rawValue, JSONValue.object([("status", .string(status.rawValue))])
                                 .rendered(indent: false))
                         }
                         try await writer.write(ByteBuffer(string: "event: \(name)\ndata: \(data)\n\n"))
                     }
                     try await writer.finish(nil)
                 })
    }

    /// JSON on one line, for an event's data.
    static func compact<T: Encodable>(_ value: T) -> String {
        (try? JSONValueEncoder().encode(value))?.rendered(indent: false) ?? "null"
    }

    /// The body as bytes, or a 413 response above the limit.
    static func rawBody(_ request: Request, limit: Int) async throws -> Result<Data, ResponseFailure> {
        do {
            let buffer = try await request.body.collect(upTo: limit)
            return .success(Data(buffer.readableBytesView))
        } catch is NIOTooManyBytesError {
            return .failure(ResponseFailure(error(413, "the request body is larger than \(limit >> 20) MiB")))
        }
    }

    /// A JSON object body, or the 400/413 response saying why not.
    static func jsonBody(_ request: Request, limit: Int) async throws -> Result<[String: JSONValue], ResponseFailure> {
        let data: Data
        switch try await rawBody(request, limit: limit) {
        case let .failure(failure): return .failure(failure)
        case let .success(bytes): data = bytes
        }
        guard let value = try? JSONValue(parsing: String(decoding: data, as: UTF8.self)),
              case let .object(members) = value else {
            return .failure(ResponseFailure(error(400, "body: expected a JSON object")))
        }
        return .success(Dictionary(members, uniquingKeysWith: { _, last in last }))
    }

    /// The language of a request: the `poolsim_lang` cookie, else the
    /// preferred of zh and en in Accept-Language, else English.
    static func language(_ request: Request) -> Language {
        if let chosen = request.cookies["poolsim_lang"]?.value, let language = Language(rawValue: chosen) { return language }
        return acceptLanguage(request.headers[.acceptLanguage] ?? "")
    }

    static func acceptLanguage(_ header: String) -> Language {
        var best: (Language, Double)?
        for part in header.split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first, let language = Language(localeName: tag) else { continue }
            let quality = pieces.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            if best == nil || quality > best!.1 { best = (language, quality) }
        }
        return best?.0 ?? .en
    }
}

/// A response that ends a handler early.
struct ResponseFailure: Error {
    let response: Response
    init(_ response: Response) { self.response = response }
}
