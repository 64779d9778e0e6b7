import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import PoolSimApp
import PoolSimCore
import Testing
@testable import PoolSimWeb

/// Every endpoint of the JSON API and its error cases (WEB.md), through the router.
@Suite("web API", .serialized)
struct RouterTests {
    static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../scenarios").standardized.path

    static func configuration(_ change: (inout WebConfiguration) -> Void = { _ in }) -> WebConfiguration {
        var configuration = WebConfiguration()
        configuration.results = NSTemporaryDirectory() + "poolsim-web-tests-" + UUID().uuidString
        configuration.scenarios = scenarios
        change(&configuration)
        return configuration
    }

    /// Runs `test` against a server's router; the server's job runner runs too.
    static func withServer<Value: Sendable>(_ configuration: WebConfiguration = configuration(),
                                            _ test: @Sendable @escaping (any TestClientProtocol, WebServer) async throws -> Value)
        async throws -> Value
    {
        let server = try WebServer(configuration)
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        return try await server.application(logger: logger).test(.router) { client in try await test(client, server) }
    }

    static func body(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

    static func json(_ response: TestResponse) throws -> JSONValue { try JSONValue(parsing: String(buffer: response.body)) }

    /// Polls a run until it is final.
    static func waitFor(_ id: String, _ client: any TestClientProtocol) async throws -> JSONValue {
        for _ in 0..<600 {
            let document = try await client.execute(uri: "/api/runs/\(id)", method: .get) { try json($0) }
            if case let .string(status)? = document["status"], RunStatus(rawValue: status)?.isFinal == true { return document }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("run \(id) did not finish")
        return .null
    }

    @Test func health() async throws {
        try await Self.withServer { client, _ in
            try await client.execute(uri: "/api/health", method: .get) { response in
                let document = try Self.json(response)
                #expect(response.status == .ok)
                #expect(document["status"] == .string("ok"))
                #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true)
            }
        }
    }

    @Test func scenarios() async throws {
        try await Self.withServer { client, _ in
            let list = try await client.execute(uri: "/api/scenarios", method: .get) { try Self.json($0) }
            #expect(list.arrayValue?.contains { $0["name"] == .string("hebei-2022") } == true)
            try await client.execute(uri: "/api/scenarios/hebei-2022", method: .get) { response in
                let document = try Self.json(response)
                #expect(document["format"] == .string("yaml"))
                #expect(document["text"]?.stringValue?.contains("110000000") == true)
            }
            try await client.execute(uri: "/api/scenarios/..%2Fetc%2Fpasswd", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/api/scenarios/nope", method: .get) { #expect($0.status == .notFound) }
        }
    }

    @Test func validate() async throws {
        try await Self.withServer { client, _ in
            let good = try String(contentsOfFile: Self.scenarios + "/hebei-2022.yaml", encoding: .utf8)
            let body = JSONValue.object([("text", .string(good)), ("format", .string("yaml"))]).rendered()
            try await client.execute(uri: "/api/validate", method: .post, body: Self.body(body)) { response in
                let document = try Self.json(response)
                #expect(response.status == .ok)
                #expect(document["ok"] == .bool(true))
            }
            let bad = good.replacingOccurrences(of: "rho_bank: 0.02", with: "rho_bank: 2")
            let badBody = JSONValue.object([("text", .string(bad)), ("format", .string("yaml"))]).rendered()
            try await client.execute(uri: "/api/validate", method: .post, headers: [.acceptLanguage: "zh-CN,zh;q=0.9"],
                                     body: Self.body(badBody)) { response in
                let document = try Self.json(response)
                #expect(response.status == .ok && document["ok"] == .bool(false))
                let first = document["diagnostics"]?.arrayValue?.first
                #expect(first?["path"] == .string("default_model.rho_bank"))
                #expect(first?["line"]?.doubleValue == Double(good.components(separatedBy: "\n").firstIndex { $0.contains("rho_bank") }! + 1))
                #expect(first?["message"]?.stringValue?.contains("须在") == true)
            }
            try await client.execute(uri: "/api/validate", method: .post, body: Self.body("{not json")) {
                #expect($0.status == .badRequest)
            }
        }
    }

    @Test("a run started through the API gives the results the job gives for the same request")
    func runMatchesTheJob() async throws {
        try await Self.withServer { client, server in
            let body = #"{"kind": "run", "scenario": {"name": "hebei-2022"}, "trials": 2000, "seed": 9, "set": {"pool.initial_balance": 150000000}}"#
            let started = try await client.execute(uri: "/api/runs", method: .post, body: Self.body(body)) { response in
                #expect(response.status == .accepted)
                return try Self.json(response)
            }
            let id = try #require(started["id"]?.stringValue)
            let document = try await Self.waitFor(id, client)
            #expect(document["status"] == .string("done"))
            let direct = try RunJob.run(RunRequest(scenario: .file(Self.scenarios + "/hebei-2022.yaml",
                                                                   overrides: ["pool.initial_balance=150000000"]),
                                                   simulation: SimulationOptions(trials: 2000, seed: 9),
                                                   output: OutputPlan(directory: NSTemporaryDirectory() + UUID().uuidString)),
                                        context: JobContext())
            let result = try #require(document["result"])
            #expect(result["summary"] == (try JSONValueEncoder().encode(direct.results.statistics.summary)))
            let list = try await client.execute(uri: "/api/runs", method: .get) { try Self.json($0) }
            #expect(list.arrayValue?.first?["id"] == .string(id))
            // The events of a finished run end with its status.
            try await client.execute(uri: "/api/runs/\(id)/events", method: .get) { response in
                #expect(response.headers[.contentType] == "text/event-stream")
                #expect(String(buffer: response.body).contains("event: done"))
            }
            // Its files, and nothing outside its folder.
            try await client.execute(uri: "/api/runs/\(id)/files/results.xlsx", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.contains("spreadsheetml") == true)
            }
            // The report is a view: in the language of whoever asks, whatever the run's.
            try await client.execute(uri: "/api/runs/\(id)/files/report.html", method: .get) { response in
                #expect(String(buffer: response.body).contains("<html lang=\"en\">"))
            }
            try await client.execute(uri: "/api/runs/\(id)/files/report.html", method: .get,
                                     headers: [.cookie: "poolsim_lang=zh"]) { response in
                #expect(String(buffer: response.body).contains("<html lang=\"zh-CN\">"))
            }
            for path in ["/api/runs/\(id)/files/..%2F..%2Frun.json", "/api/runs/\(id)/files/%2Fetc%2Fpasswd",
                         "/api/runs/\(id)/files/run.json", "/api/runs/\(id)/files/nope.csv", "/api/runs/..%2F\(id)",
                         "/api/runs/NOPE"] {
                try await client.execute(uri: path, method: .get) { #expect($0.status == .notFound, "\(path)") }
            }
            _ = server
        }
    }

    @Test("bad requests: malformed JSON and wrong types name the field; too many trials; a text scenario may not read files")
    func badRequests() async throws {
        try await Self.withServer(Self.configuration { $0.maxTrials = 5000 }) { client, _ in
            let cases: [(String, String)] = [
                ("{", "body"),
                (#"{"scenario": {"name": "hebei-2022"}}"#, "kind: required"),
                (#"{"kind": "fly", "scenario": {"name": "hebei-2022"}}"#, "kind"),
                (#"{"kind": "run", "scenario": {"name": "hebei-2022"}, "trials": "many"}"#, "trials"),
                (#"{"kind": "run", "scenario": {"name": "hebei-2022"}, "trials": 6000}"#, "trials: at most 5000"),
                (#"{"kind": "run", "scenario": {"name": "nope"}}"#, "scenario.name"),
                (#"{"kind": "run", "scenario": {"name": "hebei-2022"}, "set": {"pool.nope": 1}}"#, "pool.nope"),
                (#"{"kind": "size", "scenario": {"name": "hebei-2022"}, "ruin": [2]}"#, "--ruin"),
            ]
            for (body, named) in cases {
                try await client.execute(uri: "/api/runs", method: .post, body: Self.body(body)) { response in
                    #expect(response.status == .badRequest, "\(body)")
                    let message = try Self.json(response)["error"]?.stringValue ?? ""
                    #expect(message.contains(named), "\(body) → \(message)")
                }
            }
            let tape = try String(contentsOfFile: Self.scenarios + "/example-tape.yaml", encoding: .utf8)
            let text = JSONValue.object([("kind", .string("run")),
                                         ("scenario", .object([("text", .string(tape)), ("format", .string("yaml"))]))])
            try await client.execute(uri: "/api/runs", method: .post, body: Self.body(text.rendered())) { response in
                #expect(response.status == .badRequest)
                let diagnostics = try Self.json(response)["diagnostics"]?.arrayValue ?? []
                #expect(diagnostics.contains { $0["path"] == .string("loan_tape") })
            }
            // Edited from the offered scenario, the text may use that scenario's tape, by plain file name only.
            let based = JSONValue.object([("kind", .string("run")), ("trials", .int(1000)),
                                          ("scenario", .object([("text", .string(tape)), ("base", .string("example-tape"))]))])
            try await client.execute(uri: "/api/runs", method: .post, body: Self.body(based.rendered())) {
                #expect($0.status == .accepted)
            }
            for escape in ["../Package.swift", "/etc/passwd", ".hidden.csv"] {
                let sneaky = tape.replacingOccurrences(of: "loan_tape: example-tape.csv", with: "loan_tape: \(escape)")
                #expect(sneaky != tape)
                let body = JSONValue.object([("kind", .string("run")), ("trials", .int(1000)),
                                             ("scenario", .object([("text", .string(sneaky)), ("base", .string("example-tape"))]))])
                try await client.execute(uri: "/api/runs", method: .post, body: Self.body(body.rendered())) { response in
                    #expect(response.status == .badRequest, "\(escape)")
                    let diagnostics = try Self.json(response)["diagnostics"]?.arrayValue ?? []
                    #expect(diagnostics.contains { $0["path"] == .string("loan_tape") }, "\(escape)")
                }
            }
            // With the tape sent along, the same text runs.
            let csv = try String(contentsOfFile: Self.scenarios + "/example-tape.csv", encoding: .utf8)
            let withTape = JSONValue.object([("kind", .string("run")), ("trials", .int(1000)),
                                             ("scenario", .object([("text", .string(tape)), ("format", .string("yaml"))])),
                                             ("loan_tape", .string(csv))])
            try await client.execute(uri: "/api/runs", method: .post, body: Self.body(withTape.rendered())) {
                #expect($0.status == .accepted)
            }
        }
    }

    @Test func bodyTooLarge() async throws {
        try await Self.withServer(Self.configuration { $0.maxBody = 1024 }) { client, _ in
            let big = #"{"kind": "run", "scenario": {"text": ""# + String(repeating: "x", count: 4096) + #""}}"#
            try await client.execute(uri: "/api/runs", method: .post, body: Self.body(big)) {
                #expect($0.status == .contentTooLarge)
            }
        }
    }

    @Test("with a token every request but the health check needs it")
    func token() async throws {
        try await Self.withServer(Self.configuration { $0.token = "s3cret" }) { client, _ in
            try await client.execute(uri: "/api/health", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/api/runs", method: .get) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/api/runs", method: .get, headers: [.authorization: "Bearer wrong"]) {
                #expect($0.status == .unauthorized)
            }
            try await client.execute(uri: "/api/runs", method: .get, headers: [.authorization: "Bearer s3cret"]) {
                #expect($0.status == .ok)
            }
            try await client.execute(uri: "/api/runs", method: .get, headers: [.cookie: "poolsim_token=s3cret"]) {
                #expect($0.status == .ok)
            }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .seeOther && response.headers[.location] == "/login")
            }
            try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                     body: Self.body("token=s3cret")) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.setCookie]?.contains("poolsim_token=s3cret") == true)
            }
            try await client.execute(uri: "/login", method: .post, body: Self.body("token=nope")) {
                #expect($0.status == .unauthorized)
            }
        }
    }

    @Test("a POST or DELETE from another site is refused")
    func crossSite() async throws {
        try await Self.withServer { client, _ in
            let body = #"{"kind": "run", "scenario": {"name": "hebei-2022"}, "trials": 1000}"#
            try await client.execute(uri: "/api/runs", method: .post,
                                     headers: [.origin: "http://evil.example"], body: Self.body(body)) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(uri: "/api/runs", method: .post,
                                     headers: [.origin: "http://localhost"], body: Self.body(body)) {
                #expect($0.status == .accepted)
            }
        }
    }

    @Test("cancel: a queued run leaves the queue; a running one stops and keeps what it finished; a full queue says 429")
    func cancelAndQueue() async throws {
        try await Self.withServer(Self.configuration { $0.queueCapacity = 1 }) { client, _ in
            func start(_ trials: Int) async throws -> TestResponse {
                try await client.execute(uri: "/api/runs", method: .post,
                                         body: Self.body(#"{"kind": "run", "scenario": {"name": "hebei-2022"}, "trials": \#(trials)}"#))
            }
            let long = try Self.json(try await start(2_000_000))["id"]!.stringValue!
            // Wait until it runs, so that the next one waits.
            for _ in 0..<100 {
                let status = try await client.execute(uri: "/api/runs/\(long)", method: .get) { try Self.json($0)["status"] }
                if status == .string("running") { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            let waiting = try Self.json(try await start(1000))["id"]!.stringValue!
            #expect(try await start(1000).status == .tooManyRequests)
            try await client.execute(uri: "/api/runs/\(waiting)", method: .delete) { #expect($0.status == .accepted) }
            #expect(try await Self.waitFor(waiting, client)["status"] == .string("cancelled"))
            try await Task.sleep(for: .milliseconds(500))
            try await client.execute(uri: "/api/runs/\(long)", method: .delete) { #expect($0.status == .accepted) }
            let stopped = try await Self.waitFor(long, client)
            #expect(stopped["status"] == .string("cancelled"))
            #expect(stopped["result"]?["metadata"]?["stop_reason"] == .string("interrupted"))
            try await client.execute(uri: "/api/runs/\(long)", method: .delete) { #expect($0.status == .conflict) }
        }
    }

    @Test("a server started again on the same folder lists the runs again")
    func restart() async throws {
        let configuration = Self.configuration()
        let id = try await Self.withServer(configuration) { client, _ in
            let started = try await client.execute(uri: "/api/runs", method: .post,
                                                   body: Self.body(#"{"kind": "replay", "scenario": {"name": "example-tape"}, "defaults": "year,loan_id,lgd\n1,CCB-2022-001,\n"}"#)) {
                try Self.json($0)
            }
            let id = try #require(started["id"]?.stringValue)
            #expect(try await Self.waitFor(id, client)["status"] == .string("done"))
            return id
        }
        try await Self.withServer(configuration) { client, _ in
            let list = try await client.execute(uri: "/api/runs", method: .get) { try Self.json($0) }
            #expect(list.arrayValue?.map { $0["id"] } == [.string(id)])
            let document = try await client.execute(uri: "/api/runs/\(id)", method: .get) { try Self.json($0) }
            #expect(document["result"]?["summary"]?["claims_total"]?["mean"] == .int(900_000))
        }
    }

    @Test("a sweep's grid keeps the order the client wrote its keys in")
    func sweepGridOrder() async throws {
        try await Self.withServer { client, _ in
            let body = #"{"kind": "sweep", "scenario": {"name": "hebei-2022"}, "trials": 1000, "grid": {"pool.shortfall": ["pro_rata", "fifo"], "pool.initial_balance": [80000000, 150000000]}}"#
            let started = try await client.execute(uri: "/api/runs", method: .post, body: Self.body(body)) { try Self.json($0) }
            let id = try #require(started["id"]?.stringValue)
            let document = try await Self.waitFor(id, client)
            let paths = document["result"]?["axes"]?.arrayValue?.compactMap { $0["path"]?.stringValue }
            #expect(paths == ["pool.shortfall", "pool.initial_balance"])
            #expect(document["result"]?["points"]?.arrayValue?.count == 4)
        }
    }

    @Test func languageOfARequest() {
        #expect(WebServer.acceptLanguage("zh-CN,zh;q=0.9,en;q=0.8") == .zh)
        #expect(WebServer.acceptLanguage("en-US,en;q=0.9,zh;q=0.8") == .en)
        #expect(WebServer.acceptLanguage("fr-FR") == .en)
        #expect(WebServer.acceptLanguage("en;q=0.5, zh-TW;q=0.7") == .zh)
    }
}
