import PoolSimCore
import PoolSimReport
import PoolSimText

/// GET /runs/{id} — a run: live progress and cancel while it goes; then its
/// results by kind, its report and its files.
enum RunPage {
    static func render(_ run: RunListing, progress: RunProgress?, results: JobResults?, error: String?, files: [String],
                       language: Language) -> String {
        let text = PageText(language: language)
        let api = "/api/runs/" + Layout.pathSegment(run.id)
        var main = "<div class=\"page-head\">\n<h1>\(text.kind(run.kind)) <span class=\"sep\" aria-hidden=\"true\">·</span> "
        main += "\(PageText.code(run.scenario))</h1>\n"
        main += "<span id=\"status\">\(text.status(run.status))</span>\n</div>\n"
        main += facts(run, text: text)

        switch run.status {
        case .queued, .running:
            main += live(run, progress: progress, api: api, text: text)
        case .done:
            main += finished(run, results: results, files: files, api: api, text: text)
        case .failed:
            main += "<section class=\"panel failed\" id=\"failure\">\n<h2>\(text(.failedHeading))</h2>\n"
            if let error, !error.isEmpty {
                main += "<p class=\"error-text\" id=\"error\">\(HTML.escape(error))</p>\n"
            } else {
                main += "<p class=\"error-text\" id=\"error\">\(text(.failedNoDetail))</p>\n"
            }
            main += "</section>\n"
        case .cancelled, .interrupted:
            let notice: WebText = run.status == .cancelled ? .cancelledNotice : .interruptedNotice
            main += "<p class=\"notice\" id=\"stopped\">\(text(notice))</p>\n"
            if let error, !error.isEmpty { main += "<p class=\"error-text\" id=\"error\">\(HTML.escape(error))</p>\n" }
            if results == nil && !files.contains("report.html") {
                main += "<p class=\"empty\">\(text(.nothingKept))</p>\n"
            } else {
                main += finished(run, results: results, files: files, api: api, text: text)
            }
        }
        if run.status.isFinal { main += downloads(files, api: api, text: text) }
        let title = NewRunPage.title(run.kind, language) + " · " + run.scenario
        return Layout.page(title: title, section: .runs, language: language, main: main)
    }

    static func facts(_ run: RunListing, text: PageText) -> String {
        var html = "<dl class=\"facts\">\n"
        html += "<div><dt>\(text(.factID))</dt><dd>\(PageText.code(run.id))</dd></div>\n"
        html += "<div><dt>\(text(.factKind))</dt><dd>\(text.kind(run.kind))</dd></div>\n"
        html += "<div><dt>\(text(.factScenario))</dt><dd>\(PageText.code(run.scenario))</dd></div>\n"
        html += "<div><dt>\(text(.factCreated))</dt><dd>\(Layout.time(run.createdAt)) <span class=\"muted\" translate=\"no\">UTC</span></dd></div>\n"
        if run.trials > 0 && run.kind != .replay {
            html += "<div><dt>\(text(.factTrials))</dt><dd>\(Layout.count(run.trials))</dd></div>\n"
        }
        html += "</dl>\n"
        return html
    }

    // MARK: While it runs

    static func live(_ run: RunListing, progress: RunProgress?, api: String, text: PageText) -> String {
        let texts: [(String, WebText)] = [
            ("label", .progressLabel), ("trials", .progressTrials), ("rate", .progressRate),
            ("estimate", .progressEstimate), ("no-estimate", .progressNoEstimate), ("cancel-confirm", .cancelConfirm),
            ("cancelling", .cancelling), ("cancel-failed", .cancelFailed), ("connection-lost", .connectionLost),
        ] + RunStatus.allCases.map { ("status-\($0.rawValue)", PageText.statusKey($0)) }
        var html = "<section class=\"panel live\" id=\"live\" data-events=\"\(api)/events\" data-run-url=\"\(api)\" "
        html += texts.map { "data-t-\($0.0)=\"\(text.template($0.1))\"" }.joined(separator: " ") + ">\n"
        html += "<h2>\(text(.progressHeading))</h2>\n"
        let label: String
        if let progress {
            label = text(.progressLabel, ["label": PageText.code(progress.label)])
        } else {
            label = run.status == .queued ? text(.progressQueued) : ""
        }
        html += "<p class=\"progress-label\" id=\"progress-label\">\(label)</p>\n"
        let total = progress?.trials ?? run.trials
        let done = progress?.trialsDone ?? 0
        if total > 0 && (progress != nil || run.status == .running) {
            html += "<progress id=\"progress\" max=\"\(total)\" value=\"\(min(done, total))\"></progress>\n"
        } else {
            html += "<progress id=\"progress\"></progress>\n"
        }
        html += "<p class=\"progress-numbers\"><span id=\"progress-trials\">"
        html += text(.progressTrials, ["done": Layout.count(done), "total": Layout.count(total)])
        html += "</span> <span class=\"sep\" aria-hidden=\"true\">·</span> <span id=\"progress-rate\">"
        if let progress, progress.rate.isFinite, progress.rate > 0 {
            html += text(.progressRate, ["rate": NumberFormat.count(progress.rate.rounded())])
        }
        html += "</span></p>\n"
        html += "<p class=\"progress-estimate\" id=\"progress-estimate\">"
        if let p = progress?.pExhaustion, let low = progress?.ciLow, let high = progress?.ciHigh {
            html += text(.progressEstimate, ["estimate": "<b>\(NumberFormat.percent(p))</b>",
                                             "low": NumberFormat.percent(low), "high": NumberFormat.percent(high)])
        } else {
            html += text(.progressNoEstimate)
        }
        html += "</p>\n"
        html += "<p class=\"form-error\" id=\"live-error\" role=\"alert\" hidden></p>\n"
        html += "<button type=\"button\" class=\"button danger\" id=\"cancel\" data-url=\"\(api)\">\(text(.cancel))</button>\n"
        html += "</section>\n"
        return html
    }

    // MARK: Finished

    static func finished(_ run: RunListing, results: JobResults?, files: [String], api: String, text: PageText) -> String {
        var html = ""
        switch results {
        case let .run(results):
            html += headline(results, text: text)
            html += report(files, api: api, heading: text(.reportHeading), text: text)
        case let .size(size):
            html += sizeTable(size, text: text)
            html += "<h2>\(text(.sizeBaseRun))</h2>\n"
            html += headline(size.run, text: text, heading: false)
            html += report(files, api: api, heading: nil, text: text)
        case let .replay(results):
            html += replay(results, text: text)
            if files.contains("report.html") { html += report(files, api: api, heading: text(.reportHeading), text: text) }
        case .compare, .sweep, .sensitivity, nil:
            html += report(files, api: api, heading: text(.reportHeading), text: text)
        }
        return html
    }

    /// The headline of a run: P(exhaustion) with its interval, and three amounts.
    static func headline(_ results: RunResults, text: PageText, heading: Bool = true) -> String {
        let money = MoneyFormat(text.language)
        let statistics = results.statistics
        let p = statistics.pExhaustion
        let years = CommonText.years(statistics.byYear.count, text.language)
        var html = heading ? "<h2>\(text(.resultsHeading))</h2>\n" : ""
        let metadata = results.metadata
        if metadata.stopReason == .interrupted || metadata.trials < metadata.trialsRequested {
            html += "<p class=\"notice\">\(text(.partialTrials, ["done": Layout.count(metadata.trials), "requested": Layout.count(metadata.trialsRequested)]))</p>\n"
        }
        html += "<div class=\"cards\">\n<div class=\"card key\">\n"
        html += "<div class=\"label\">\(text(.headlinePExhaustion, ["years": HTML.escape(years)]))</div>\n"
        html += "<div class=\"value\" id=\"p-exhaustion\" data-value=\"\(JSONValue.format(p.estimate))\">"
        html += "\(NumberFormat.percent(p.estimate))</div>\n"
        html += "<div class=\"note\">\(text(.headlineInterval, ["low": NumberFormat.percent(p.low), "high": NumberFormat.percent(p.high)]))</div>\n"
        html += "<div class=\"note\">\(text(.headlineTrials, ["trials": Layout.count(metadata.trials), "seed": String(metadata.seed)]))</div>\n"
        html += "</div>\n"
        let amounts: [(WebText, Double)] = [
            (.headlineClaimsMean, statistics.total(.claims).mean),
            (.headlineClaimsVaR99, statistics.valueAtRisk(.p99)),
            (.headlineUnpaidMean, statistics.total(.unpaid).mean),
        ]
        for (label, value) in amounts {
            html += "<div class=\"card\"><div class=\"label\">\(text(label))</div>"
            html += "<div class=\"value\">\(HTML.escape(money.text(value)))</div></div>\n"
        }
        html += "</div>\n"
        return html
    }

    /// The report of the run or analysis, embedded, with a link to open it alone.
    static func report(_ files: [String], api: String, heading: String?, text: PageText) -> String {
        var html = heading.map { "<h2>\($0)</h2>\n" } ?? ""
        guard files.contains("report.html") else {
            return html + "<p class=\"empty\">\(text(.reportMissing))</p>\n"
        }
        let src = "\(api)/files/report.html"
        html += "<p class=\"report-open\"><a href=\"\(src)\" target=\"_blank\" rel=\"noopener\">\(text(.reportOpen))</a></p>\n"
        html += "<iframe class=\"report-frame\" id=\"report\" src=\"\(src)\" title=\"\(text.attribute(.reportFrame))\" "
            + "sandbox=\"allow-same-origin allow-popups\"></iframe>\n"
        return html
    }

    static func sizeTable(_ size: SizeResults, text: PageText) -> String {
        let money = MoneyFormat(text.language)
        var html = "<h2>\(text(.sizeHeading))</h2>\n<div class=\"wide\">\n<table class=\"data\" id=\"size-estimates\">\n<thead><tr>"
        html += "<th class=\"num\">\(text(.columnRuinProbability))</th><th class=\"num\">\(text(.columnInitialBalance))</th>"
        html += "<th class=\"num\">\(text(.columnInterval))</th><th>\(text(.columnMethod))</th></tr></thead>\n<tbody>\n"
        for estimate in size.estimates {
            let method: WebText = switch estimate.method {
            case .requiredPoolQuantile: .methodRequiredPoolQuantile
            case .commonRandomNumberSearch: .methodCommonRandomNumberSearch
            }
            html += "<tr><td class=\"num\">\(NumberFormat.percent(estimate.ruinProbability, digits: percentDigits(estimate.ruinProbability)))</td>"
            html += "<td class=\"num\" data-value=\"\(JSONValue.format(estimate.initialBalance))\"><b>\(HTML.escape(money.text(estimate.initialBalance)))</b></td>"
            html += "<td class=\"num\">\(text(.intervalRange, ["low": HTML.escape(money.text(estimate.ciLow)), "high": HTML.escape(money.text(estimate.ciHigh))]))</td>"
            html += "<td>\(text(method))</td></tr>\n"
        }
        html += "</tbody>\n</table>\n</div>\n"
        return html
    }

    /// Enough decimals to show a small probability: 5% → "5%"-ish "5.00%", 0.1% → "0.10%", 0.01% → "0.010%".
    static func percentDigits(_ p: Double) -> Int {
        p >= 0.001 ? 2 : 3
    }

    /// A replay: the one trial's pool year by year, and bank by bank over the horizon.
    static func replay(_ results: RunResults, text: PageText) -> String {
        let money = MoneyFormat(text.language)
        let unit = HTML.escape(money.tableUnit)
        let statistics = results.statistics
        var html = "<h2>\(text(.replayYearsHeading, ["unit": unit]))</h2>\n"
        if let year = statistics.pExhaustionByYear.firstIndex(where: { $0.estimate > 0 }) {
            html += "<p class=\"notice warning\" id=\"replay-exhaustion\">\(text(.replayExhausted, ["year": String(year + 1)]))</p>\n"
        } else {
            html += "<p class=\"notice\" id=\"replay-exhaustion\">\(text(.replayNotExhausted))</p>\n"
        }
        let columns: [(WebText, YearQuantity)] = [
            (.columnOpening, .openingBalance), (.columnClaims, .claims), (.columnPaid, .paid), (.columnUnpaid, .unpaid),
            (.columnTopUp, .topUp), (.columnClosing, .closingBalance), (.columnDefaults, .defaults), (.columnLoss, .loss),
        ]
        html += meansTable(id: "replay-years", first: text(.columnYear), columns: columns.map { text($0.0) },
                           rows: statistics.byYear.map { year in
                               ("\(year.year)", columns.map { (year.stat($0.1).mean, $0.1 == .defaults) })
                           }, money: money)
        guard !statistics.byBank.isEmpty else { return html }
        let bankColumns: [(WebText, BankQuantity)] = [
            (.columnDefaults, .defaults), (.columnLoss, .loss), (.columnClaims, .claims), (.columnPaid, .paid),
            (.columnUnpaid, .unpaid),
        ]
        html += "<h2>\(text(.replayBanksHeading, ["unit": unit]))</h2>\n"
        html += meansTable(id: "replay-banks", first: text(.columnBank), columns: bankColumns.map { text($0.0) },
                           rows: statistics.byBank.map { bank in
                               ("\(PageText.code(bank.id)) <span class=\"muted\" translate=\"no\">\(HTML.escape(bank.name))</span>",
                                bankColumns.map { (bank.stat($0.1).mean, $0.1 == .defaults) })
                           }, money: money)
        return html
    }

    /// A table of means: a first column (HTML), then one per quantity; counts
    /// as counts, money in the table's unit.
    static func meansTable(id: String, first: String, columns: [String],
                           rows: [(first: String, means: [(value: Double, isCount: Bool)])], money: MoneyFormat) -> String {
        var html = "<div class=\"wide\">\n<table class=\"data\" id=\"\(id)\">\n<thead><tr><th>\(first)</th>"
        html += columns.map { "<th class=\"num\">\($0)</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows {
            html += "<tr><td>\(row.first)</td>"
            for mean in row.means {
                html += "<td class=\"num\">\(mean.isCount ? NumberFormat.count(mean.value) : money.cell(mean.value))</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n</div>\n"
    }

    // MARK: Downloads

    /// What each file a run may write holds.
    static let fileLabels: [String: WebText] = [
        "results.json": .fileResultsJSON, "results.xlsx": .fileResultsWorkbook, "report.html": .fileReport,
        "summary.csv": .fileSummaryCSV, "by_year.csv": .fileByYearCSV, "by_bank.csv": .fileByBankCSV,
        "pool_size.csv": .filePoolSizeCSV, "trials.csv": .fileTrialsCSV, "analysis.json": .fileAnalysisJSON,
        "analysis.xlsx": .fileAnalysisWorkbook, "size.csv": .fileSizeCSV, "compare.csv": .fileCompareCSV,
        "sweep.csv": .fileSweepCSV, "sensitivity.csv": .fileSensitivityCSV, "request.json": .fileRequest,
    ]

    /// The order files are listed in: workbooks and the report first, then tables, then documents for programs.
    static let fileOrder = [
        "results.xlsx", "analysis.xlsx", "report.html", "size.csv", "compare.csv", "sweep.csv", "sensitivity.csv",
        "summary.csv", "by_year.csv", "by_bank.csv", "pool_size.csv", "trials.csv", "results.json", "analysis.json",
        "request.json",
    ]

    static func downloads(_ files: [String], api: String, text: PageText) -> String {
        var html = "<section class=\"downloads-section\">\n<h2>\(text(.downloadsHeading))</h2>\n"
        guard !files.isEmpty else { return html + "<p class=\"empty\">\(text(.downloadsNone))</p>\n</section>\n" }
        let sorted = files.sorted { a, b in
            let ia = fileOrder.firstIndex(of: a) ?? fileOrder.count
            let ib = fileOrder.firstIndex(of: b) ?? fileOrder.count
            return ia != ib ? ia < ib : a < b
        }
        html += "<ul class=\"downloads\" id=\"downloads\">\n"
        for file in sorted {
            let href = "\(api)/files/\(Layout.pathSegment(file))"
            let opens = file.hasSuffix(".html")
            let attributes = opens ? " target=\"_blank\" rel=\"noopener\"" : " download"
            html += "<li><a href=\"\(href)\"\(attributes)>\(text(fileLabels[file] ?? .fileOther))</a> \(PageText.code(file))</li>\n"
        }
        html += "</ul>\n</section>\n"
        return html
    }
}
