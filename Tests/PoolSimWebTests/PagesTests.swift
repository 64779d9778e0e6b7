import Foundation
import PoolSimCore
import PoolSimReport
import PoolSimText
import Testing
@testable import PoolSimWeb

/// The pages: their language, the ids the browser tests use, no inline
/// script, nothing from the network, no English left in the Chinese pages,
/// and the run page's P(exhaustion) exactly as results.json has it.
@Suite("pages")
struct PagesTests {
    // MARK: Fixtures

    /// The golden files of the end-to-end tests: results documents written by `poolsim`.
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../tests-e2e/golden").standardized

    static func goldenText(_ path: String) throws -> String {
        try String(contentsOf: golden.appendingPathComponent(path), encoding: .utf8)
    }

    static func runResults() throws -> RunResults { try RunResults(json: goldenText("run/results.json")) }
    static func sizeResults() throws -> SizeResults {
        try JSONValueDecoder().decode(SizeResults.self, from: JSONValue(parsing: goldenText("size/results.json")))
    }
    static func replayResults() throws -> RunResults { try RunResults(json: goldenText("replay-json/stdout.txt")) }

    static let scenarios = [
        ScenarioEntry(name: "hebei-2022", description: "Hebei sci-tech loan risk-compensation pool, 2022 round (six cooperating banks)",
                      file: "hebei-2022.yaml"),
        ScenarioEntry(name: "example-tape", description: "Two banks, a loan tape and one segment", file: "example-tape.yaml"),
    ]

    static func listing(_ status: RunStatus, kind: JobKind = .run, scenario: String = "hebei-2022") -> RunListing {
        RunListing(id: "20261129-123722-a1b2c3", kind: kind, scenario: scenario, status: status,
                   createdAt: "2026-11-29T12:37:22Z", trials: 20000)
    }

    static let runFiles = ["by_bank.csv", "by_year.csv", "pool_size.csv", "report.html", "request.json", "results.json",
                           "results.xlsx", "summary.csv"]

    static let progress = RunProgress(label: "hebei-2022", trialsDone: 7000, trials: 20000, rate: 5123.4,
                                      pExhaustion: 0.7514, ciLow: 0.7411, ciHigh: 0.7614)

    /// Every page the app renders, by a name, in `language`.
    static func pages(_ language: Language) throws -> [(String, String)] {
        var pages: [(String, String)] = [
            ("runs", Pages.runs([listing(.done), listing(.running, kind: .size), listing(.failed, kind: .compare), listing(.queued, kind: .replay),
                                 listing(.cancelled, kind: .sweep), listing(.interrupted, kind: .sensitivity)], language: language)),
            ("runs-empty", Pages.runs([], language: language)),
            ("login", Pages.login(language: language, failed: false)),
            ("login-failed", Pages.login(language: language, failed: true)),
        ]
        for kind in JobKind.allCases {
            pages.append(("new-\(kind.rawValue)", Pages.newRun(kind: kind, scenarios: scenarios, language: language)))
        }
        pages.append(("new-none", Pages.newRun(kind: .run, scenarios: [], language: language)))
        pages += [
            ("run-queued", Pages.run(listing(.queued), progress: nil, results: nil, error: nil, files: ["request.json"], language: language)),
            ("run-running", Pages.run(listing(.running), progress: progress, results: nil, error: nil, files: ["request.json"],
                                      language: language)),
            ("run-done", Pages.run(listing(.done), progress: nil, results: .run(try runResults()), error: nil, files: runFiles,
                                   language: language)),
            ("run-failed", Pages.run(listing(.failed), progress: nil, results: nil,
                                     error: language == .zh ? "情景文件有 2 个错误" : "the scenario has 2 errors",
                                     files: ["request.json"], language: language)),
            ("run-cancelled", Pages.run(listing(.cancelled), progress: nil, results: nil, error: nil, files: ["request.json"],
                                        language: language)),
            ("run-interrupted", Pages.run(listing(.interrupted), progress: nil, results: .run(try runResults()), error: nil,
                                          files: runFiles, language: language)),
            ("size-done", Pages.run(listing(.done, kind: .size), progress: nil, results: .size(try sizeResults()), error: nil,
                                    files: runFiles + ["analysis.json", "analysis.xlsx", "size.csv"], language: language)),
            ("compare-done", Pages.run(listing(.done, kind: .compare), progress: nil, results: nil, error: nil,
                                       files: ["analysis.json", "analysis.xlsx", "compare.csv", "report.html", "request.json"],
                                       language: language)),
            ("replay-done", Pages.run(listing(.done, kind: .replay, scenario: "example-tape"), progress: nil,
                                      results: .replay(try replayResults()), error: nil, files: ["request.json", "results.json"],
                                      language: language)),
        ]
        return pages
    }

    // MARK: HTML helpers

    static func ids(_ html: String) -> Set<String> {
        Set(matches(#"\sid="([^"]+)""#, in: html))
    }

    static func matches(_ pattern: String, in text: String, options: NSRegularExpression.Options = []) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern, options: options)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            let range = match.numberOfRanges > 1 ? match.range(at: 1) : match.range
            return Range(range, in: text).map { String(text[$0]) }
        }
    }

    static func replacing(_ pattern: String, in text: String, with template: String = " ") -> String {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators, .caseInsensitive])
        return regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
    }

    /// What a reader sees: the text outside tags, less scripts and styles, less
    /// what is marked as not to be translated (identifiers and data: `translate="no"`)
    /// or as English (`lang="en"`: the language switch's "English").
    static func visibleText(_ html: String) -> String {
        // The title is the page's heading (checked in the body) and the run's scenario name.
        var text = replacing(#"<(script|style|title)\b.*?</\1>"#, in: html)
        // Innermost first: elements holding no other element of their kind.
        for _ in 0..<3 {
            text = replacing(#"<(\w+)\b[^>]*\b(?:translate="no"|lang="en")[^>]*>.*?</\1>"#, in: text)
        }
        text = replacing(#"<[^>]*>"#, in: text)
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }

    /// Attribute texts a reader sees too: placeholders, tooltips, accessible names.
    static func visibleAttributes(_ html: String) -> [String] {
        matches(#"\s(?:placeholder|title|aria-label)="([^"]*)""#, in: html)
    }

    /// Words of Latin letters that Chinese text may keep (docs/i18n.md): the
    /// abbreviations, the product's name, the UTC of times.
    static let allowedLatin: Set<String> = ["VaR", "ES", "PD", "LGD", "PoolSim", "UTC"]

    static func englishWords(_ text: String, skippingIdentifiers: Bool = false) -> [String] {
        let tokens = skippingIdentifiers
            ? text.split(whereSeparator: \.isWhitespace).filter { !$0.contains(where: { "._=,/".contains($0) }) }.joined(separator: " ")
            : text
        return matches(#"[A-Za-z]{2,}"#, in: tokens).filter { !allowedLatin.contains($0) }
    }

    // MARK: Tests

    @Test("every page has the lang of its language", arguments: Language.allCases)
    func languageAttribute(_ language: Language) throws {
        let expected = language == .zh ? "<html lang=\"zh-CN\">" : "<html lang=\"en\">"
        for (name, html) in try Self.pages(language) {
            #expect(html.hasPrefix("<!doctype html>\n\(expected)"), "\(name)")
            #expect(html.contains("<meta charset=\"utf-8\">"), "\(name)")
            #expect(html.contains("<link rel=\"stylesheet\" href=\"/static/app.css\">"), "\(name)")
            #expect(html.contains("<script src=\"/static/app.js\" defer></script>"), "\(name)")
        }
    }

    @Test("the ids the browser tests use are there", arguments: Language.allCases)
    func ids(_ language: Language) throws {
        let pages = Dictionary(uniqueKeysWithValues: try Self.pages(language))
        for (name, html) in pages {
            let ids = Self.ids(html)
            #expect(ids.isSuperset(of: ["lang-zh", "lang-en"]), "\(name)")
            let all = Self.matches(#"\sid="([^"]+)""#, in: html)
            #expect(all.count == Set(all).count, "\(name): an id used twice")
        }
        let formKeys = ["pool.initial_balance", "compensation.ratio", "compensation.per_loan_cap", "compensation.per_bank_annual_cap",
                        "pool.shortfall", "default_model.pd_multiplier", "default_model.rho_global", "default_model.rho_sector",
                        "default_model.rho_bank"]
        for kind in JobKind.allCases {
            let ids = Self.ids(pages["new-\(kind.rawValue)"]!)
            var expected: Set<String> = ["scenario-select", "scenario-file", "editor", "gutter", "diagnostics", "submit", "field-seed",
                                         "run-form", "form-error", "validation-status"]
            expected.formUnion(formKeys.map { "field-\($0)" })
            if kind != .replay { expected.formUnion(["field-trials", "field-importance"]) }
            switch kind {
            case .run: break
            case .size: expected.insert("field-ruin")
            case .compare: expected.formUnion(["field-scenarios", "field-stresses", "stress-choices"])
            case .sweep: expected.insert("field-grid")
            case .sensitivity: expected.insert("field-vary")
            case .replay: expected.formUnion(["field-defaults", "defaults-file"])
            }
            #expect(ids.isSuperset(of: expected), "new-\(kind.rawValue) lacks \(expected.subtracting(ids).sorted())")
        }
        #expect(Self.ids(pages["run-running"]!).isSuperset(of: ["progress", "cancel", "live", "progress-trials", "progress-estimate"]))
        #expect(Self.ids(pages["run-queued"]!).isSuperset(of: ["progress", "cancel", "live"]))
        #expect(Self.ids(pages["run-done"]!).isSuperset(of: ["p-exhaustion", "report", "downloads"]))
        #expect(!Self.ids(pages["run-done"]!).contains("cancel"))
        #expect(Self.ids(pages["login"]!).isSuperset(of: ["token", "submit"]))
        #expect(Self.ids(pages["login-failed"]!).contains("login-failed"))
        #expect(!Self.ids(pages["login"]!).contains("login-failed"))
        #expect(Self.ids(pages["runs"]!).contains("runs"))
        #expect(Self.ids(pages["runs-empty"]!).contains("runs-empty"))
    }

    @Test("no inline script, no inline handler, nothing from the network", arguments: Language.allCases)
    func contentSecurity(_ language: Language) throws {
        for (name, html) in try Self.pages(language) {
            let scripts = Self.matches(#"<script\b[^>]*>"#, in: html, options: .caseInsensitive)
            #expect(scripts == ["<script src=\"/static/app.js\" defer>"], "\(name)")
            #expect(Self.matches(#"\son[a-z]+\s*="#, in: html, options: .caseInsensitive).isEmpty, "\(name)")
            #expect(!html.lowercased().contains("javascript:"), "\(name)")
            #expect(!html.contains("http://") && !html.contains("https://"), "\(name)")
        }
        for asset in [Pages.script, Pages.stylesheet] {
            #expect(!asset.contains("http://") && !asset.contains("https://"))
        }
        #expect(Pages.script.hasPrefix("'use strict';"))
        #expect(!Pages.script.contains("eval(") && !Pages.script.contains("innerHTML"))
    }

    @Test("the Chinese pages have no English words a reader sees")
    func chineseIsChinese() throws {
        for (name, html) in try Self.pages(.zh) {
            let words = Self.englishWords(Self.visibleText(html))
            #expect(words.isEmpty, "\(name): \(words)")
            let attributeWords = Self.visibleAttributes(html).flatMap { Self.englishWords($0, skippingIdentifiers: true) }
            #expect(attributeWords.isEmpty, "\(name) attributes: \(attributeWords)")
            #expect(Self.visibleText(html).unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(name)")
        }
    }

    @Test("the English pages have no Chinese outside the switch and the data")
    func englishIsEnglish() throws {
        for (name, html) in try Self.pages(.en) {
            let text = Self.replacing(#"<(\w+)\b[^>]*\blang="zh-CN"[^>]*>.*?</\1>"#, in: Self.visibleText(html))
            #expect(!text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(name)")
        }
    }

    @Test("the visible-text check sees English where there is some")
    func checkerWorks() {
        let html = "<p>资金池 pool</p><code translate=\"no\">pool.initial_balance</code><button lang=\"en\">English</button><p>VaR 99%</p>"
        #expect(Self.englishWords(Self.visibleText(html)) == ["pool"])
        #expect(Self.englishWords("year,loan_id,lgd 例如 pd=0.5,2", skippingIdentifiers: true).isEmpty)
    }

    @Test("a finished run shows P(exhaustion) exactly as results.json has it", arguments: Language.allCases)
    func headline(_ language: Language) throws {
        let results = try Self.runResults()
        let html = Pages.run(Self.listing(.done), progress: nil, results: .run(results), error: nil, files: Self.runFiles,
                             language: language)
        let value = Self.matches(#"id="p-exhaustion" data-value="([^"]*)""#, in: html)
        let document = try JSONValue(parsing: Self.goldenText("run/results.json"))
        let written = document["summary"]?["p_exhaustion"]?["estimate"]?.rendered(indent: false)
        #expect(value == [written!])
        #expect(value == [JSONValue.format(results.statistics.pExhaustion.estimate)])
        #expect(html.contains(">74.83%</div>"))
        #expect(html.contains("<iframe class=\"report-frame\" id=\"report\" src=\"/api/runs/20261129-123722-a1b2c3/files/report.html\""))
        for file in Self.runFiles {
            #expect(html.contains("href=\"/api/runs/20261129-123722-a1b2c3/files/\(file)\""), "\(file)")
        }
        let years = language == .zh ? "5 年内资金池耗尽概率" : "Probability the pool runs dry within 5 years"
        #expect(html.contains(years))
    }

    @Test("size shows each estimate in the language's money; replay its years")
    func analyses() throws {
        let size = try Self.sizeResults()
        let zh = Pages.run(Self.listing(.done, kind: .size), progress: nil, results: .size(size), error: nil, files: ["report.html"],
                           language: .zh)
        #expect(zh.contains("2.35 亿元") && zh.contains("2.84 亿元"))
        #expect(zh.contains("所需资金池规模分位数法"))
        let en = Pages.run(Self.listing(.done, kind: .size), progress: nil, results: .size(size), error: nil, files: ["report.html"],
                           language: .en)
        #expect(en.contains("234.6 M yuan") && en.contains("5.00%") && en.contains("1.00%"))
        #expect(en.contains("id=\"p-exhaustion\" data-value=\"\(JSONValue.format(size.run.statistics.pExhaustion.estimate))\""))

        let replay = try Self.replayResults()
        let page = Pages.run(Self.listing(.done, kind: .replay), progress: nil, results: .replay(replay), error: nil, files: [],
                             language: .zh)
        let rows = Self.matches(#"<table class="data" id="replay-years">(.*?)</table>"#, in: page, options: .dotMatchesLineSeparators)
        #expect(Self.matches(#"<tr><td>"#, in: rows.first ?? "").count == replay.statistics.byYear.count)
        #expect(page.contains("资金池逐年情况（万元）"))
    }

    @Test("statuses are words of the language; failures and stops say so")
    func statuses() throws {
        let zh = Pages.runs(RunStatus.allCases.map { Self.listing($0, kind: .run) }, language: .zh)
        for word in ["排队中", "运行中", "已完成", "失败", "已取消", "已中断"] { #expect(zh.contains(word), "\(word)") }
        let en = Pages.runs(RunStatus.allCases.map { Self.listing($0, kind: .run) }, language: .en)
        for word in ["queued", "running", "done", "failed", "cancelled", "interrupted"] { #expect(en.contains(">\(word)</span>")) }

        let failed = Pages.run(Self.listing(.failed), progress: nil, results: nil, error: "pool.initial_balance: <must> be > 0",
                               files: [], language: .en)
        #expect(failed.contains("pool.initial_balance: &lt;must&gt; be &gt; 0"))
        let cancelled = Pages.run(Self.listing(.cancelled), progress: nil, results: nil, error: nil, files: [], language: .zh)
        #expect(cancelled.contains("本次运行已取消") && cancelled.contains("停止前没有完成任何部分"))
        let running = Pages.run(Self.listing(.running), progress: Self.progress, results: nil, error: nil, files: [], language: .en)
        #expect(running.contains("<progress id=\"progress\" max=\"20000\" value=\"7000\"></progress>"))
        #expect(running.contains("7,000 of 20,000 trials") && running.contains("75.14%") && running.contains("5,123 trials a second"))
        #expect(running.contains("data-events=\"/api/runs/20261129-123722-a1b2c3/events\""))
    }

    @Test("data is escaped")
    func escaping() {
        let hostile = RunListing(id: "x\"><b>", kind: .run, scenario: "<script>alert(1)</script>", status: .done,
                                 createdAt: "2026-11-29T12:37:22Z", trials: 1)
        let runs = Pages.runs([hostile], language: .en)
        #expect(!runs.contains("<script>alert") && runs.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(runs.contains("href=\"/runs/x%22%3E%3Cb%3E\""))
        let new = Pages.newRun(kind: .compare, scenarios: [ScenarioEntry(name: "a\"b", description: "<i>x</i>", file: "a.yaml")],
                               language: .zh)
        #expect(new.contains("value=\"a&quot;b\"") && new.contains("&lt;i&gt;x&lt;/i&gt;") && !new.contains("<i>x"))
    }

    @Test("the form's keys and choices are the scenario's")
    func form() {
        let html = Pages.newRun(kind: .run, scenarios: Self.scenarios, language: .zh)
        for key in ["pool.initial_balance", "compensation.ratio", "compensation.per_loan_cap", "compensation.per_bank_annual_cap",
                    "default_model.pd_multiplier", "default_model.rho_global", "default_model.rho_sector", "default_model.rho_bank"] {
            #expect(html.contains("id=\"field-\(key)\" inputmode=\"decimal\" autocomplete=\"off\" spellcheck=\"false\" data-set-key=\"\(key)\""),
                    "\(key)")
        }
        #expect(html.contains("<option value=\"pro_rata\">按比例补偿</option>"))
        #expect(html.contains("<option value=\"defer\">延期补偿</option>"))
        #expect(html.contains("<option value=\"fifo\">先到先补</option>"))
        #expect(html.contains("<option value=\"hebei-2022\" translate=\"no\">hebei-2022 — Hebei sci-tech"))
        #expect(html.contains("data-kind=\"run\""))
        #expect(html.contains("<textarea id=\"editor\""))
    }

    @Test("every text the script shows is on the page that runs it")
    func scriptTexts() throws {
        let used = Set(Self.matches(#"\bt\.t([A-Z][A-Za-z]*)"#, in: Pages.script)).map { name in
            "data-t-" + name.reduce(into: "") { out, c in out += c.isUppercase ? (out.isEmpty ? "" : "-") + c.lowercased() : String(c) }
        }
        for language in Language.allCases {
            let pages = Dictionary(uniqueKeysWithValues: try Self.pages(language))
            let form = pages["new-compare"]!
            let live = pages["run-running"]!
            for attribute in used where !attribute.hasPrefix("data-t-status-") {
                #expect(form.contains(attribute + "=\"") || live.contains(attribute + "=\""), "\(attribute)")
            }
            for status in RunStatus.allCases { #expect(live.contains("data-t-status-\(status.rawValue)=\"")) }
        }
    }
}
