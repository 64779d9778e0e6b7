import Foundation
@testable import PoolSimCore
import PoolSimText
import Testing
@testable import PoolSimReport

/// The calibration's terminal summary, tables and page, from small histories fitted once.
struct CalibrationReportTests {
    // MARK: Histories

    /// One bank, twelve years: eleven alike and one far above them, which the fitted band cannot hold.
    static let outlierYear = 2019
    static let oneBank: Calibration? = try? Calibration.fit(DefaultHistory(records: (2012...2023).map { year in
        HistoryRecord(year: year, bank: "ccb-hebei", loans: 3000, defaults: year == outlierYear ? 110 : 60)
    }), curve: true)

    /// Two banks, six years, moving together: fewer than 8 years.
    static let twoBanks: Calibration? = try? Calibration.fit(DefaultHistory(records: zip(2018...2023, [
        (6, 4), (12, 9), (5, 3), (15, 11), (8, 5), (4, 2),
    ]).flatMap { year, defaults in
        [HistoryRecord(year: year, bank: "ccb-hebei", loans: 400, defaults: defaults.0),
         HistoryRecord(year: year, bank: "boc-hebei", loans: 300, defaults: defaults.1)]
    }), curve: true)

    /// One bank with no more spread than binomial: ρ_G at the boundary 0.
    static let boundary: Calibration? = try? Calibration.fit(DefaultHistory(records: (2014...2023).map { year in
        HistoryRecord(year: year, bank: "ccb-hebei", loans: 500, defaults: 10)
    }), curve: true)

    static let history = "hebei-history.csv"

    /// What the Chinese page takes from the history: its file name and the bank ids; Vasicek is a name.
    static let data = [history, "ccb-hebei", "boc-hebei", "Vasicek"]

    /// The SVG circles of `class` in `svg`.
    static func circles(_ name: String, in svg: Substring) -> Int {
        svg.components(separatedBy: "<circle class=\"\(name)\"").count - 1
    }

    // MARK: The page

    @Test func onePageChartPerBankAndPerIdentifiedCorrelation() throws {
        let two = try #require(Self.twoBanks)
        let html = CalibrationReport.page(two, history: Self.history, language: .en)
        for name in ["calibration-rates-0", "calibration-rates-1", "calibration-profile-rho_global", "calibration-profile-rho_bank"] {
            _ = try AnalysisReportTests.chart(name, in: html)
        }
        #expect(html.components(separatedBy: "data-chart=\"calibration-rates-").count - 1 == 2)
        #expect(html.components(separatedBy: "data-chart=\"calibration-profile-").count - 1 == 2)
        AnalysisReportTests.isSelfContained(html)

        let one = try #require(Self.oneBank)
        let single = CalibrationReport.page(one, history: Self.history, language: .en)
        _ = try AnalysisReportTests.chart("calibration-rates-0", in: single)
        _ = try AnalysisReportTests.chart("calibration-profile-rho_global", in: single)
        #expect(!single.contains("data-chart=\"calibration-rates-1\""))
        #expect(!single.contains("data-chart=\"calibration-profile-rho_bank\""), "ρ_B is not identified with one bank")
        AnalysisReportTests.isSelfContained(single)
    }

    @Test func rateChartDrawsTheBandTheFittedPDAndEveryYear() throws {
        let two = try #require(Self.twoBanks)
        let html = CalibrationReport.page(two, history: Self.history, language: .en)
        for (b, pd) in two.pd.enumerated() {
            let svg = try AnalysisReportTests.chart("calibration-rates-\(b)", in: html)
            #expect(svg.contains("<polygon class=\"model-band\""))
            #expect(svg.contains("<line class=\"fitted-pd\""))
            let years = two.observed.filter { $0.bank == pd.bank }
            #expect(Self.circles("observed", in: svg) + Self.circles("observed outside", in: svg) == years.count + 1,
                    "a dot a year, and the legend's")
            #expect(svg.contains("\(years[0].year): \(years[0].defaults) defaults of \(years[0].loans) loans"))
            #expect(svg.contains(">0%<"), "a percent axis")
        }
    }

    @Test func yearsOutsideTheBandAreMarked() throws {
        let one = try #require(Self.oneBank)
        let outside = one.observed.filter { $0.rate < $0.bandLow || $0.rate > $0.bandHigh }
        #expect(outside.map(\.year) == [Self.outlierYear], "the outlier and only it lies outside: \(one.observed)")
        let html = CalibrationReport.page(one, history: Self.history, language: .en)
        let svg = try AnalysisReportTests.chart("calibration-rates-0", in: html)
        #expect(Self.circles("observed outside", in: svg) == outside.count)
        #expect(Self.circles("outside-mark", in: svg) == outside.count + 1, "a ring a year outside, and the legend's")
        #expect(svg.contains("\(Self.outlierYear): 110 defaults of 3000 loans, rate 3.67%, outside"))
        #expect(html.contains("Ringed dots lie outside the shaded range: 1 of 12 years"))

        let two = try #require(Self.twoBanks)
        let inside = CalibrationReport.page(two, history: Self.history, language: .en)
        let marked = two.observed.filter { $0.rate < $0.bandLow || $0.rate > $0.bandHigh }.count
        #expect(inside.components(separatedBy: "<circle class=\"observed outside\"").count - 1 == marked)
    }

    @Test func profileChartShowsTheThresholdTheEstimateAndTheInterval() throws {
        let one = try #require(Self.oneBank)
        let rho = one.rhoGlobal
        #expect(!rho.atBoundary && rho.profile.count > 3)
        let html = CalibrationReport.page(one, history: Self.history, language: .en)
        let svg = try AnalysisReportTests.chart("calibration-profile-rho_global", in: html)
        #expect(svg.contains("<polyline class=\"curve\""))
        #expect(svg.contains("<line class=\"threshold\""))
        #expect(svg.contains("95% threshold 3.841"))
        #expect(Self.circles("interval-mark", in: svg) == 3, "both ends, and the legend's")
        #expect(Self.circles("estimate-mark", in: svg) == 2)
        #expect(svg.contains("95% interval \(CalibrationWords.rho(rho.ciLow))–\(CalibrationWords.rho(rho.ciHigh))"))

        let boundary = try #require(Self.boundary)
        let oneSided = try AnalysisReportTests.chart("calibration-profile-rho_global",
                                                     in: CalibrationReport.page(boundary, history: Self.history, language: .en))
        #expect(oneSided.contains("one-sided 95% threshold 2.706"))
        #expect(Self.circles("interval-mark", in: oneSided) == 2, "only the upper end, and the legend's")
    }

    @Test func pageShowsTheEstimatesWarningsAndMethod() throws {
        let two = try #require(Self.twoBanks)
        let html = CalibrationReport.page(two, history: Self.history, language: .en)
        #expect(html.contains("<title>Calibration of hebei-history.csv</title>"))
        #expect(html.contains("<div class=\"caveat\">"))
        for warning in two.warnings { #expect(html.contains(HTML.escape(CalibrationExport.warning(warning, language: .en)))) }
        #expect(two.warnings.contains(.fewYears(6)))
        for pd in two.pd {
            #expect(html.contains("<td>PD of \(pd.bank)</td><td class=\"num\">\(CalibrationWords.percent(pd.estimate))</td>"))
        }
        #expect(html.contains("Gauss–Hermite quadrature (\(two.nodes) nodes)"))
        #expect(html.contains("Method of moments (one-factor Vasicek"))
    }

    @Test func chinesePageHasNoEnglishWords() throws {
        for calibration in [Self.oneBank, Self.twoBanks, Self.boundary] {
            let html = CalibrationReport.page(try #require(calibration), history: Self.history, language: .zh)
            #expect(html.contains("<html lang=\"zh-CN\">"))
            for term in ["参数校准", "违约概率（PD）", "置信区间", "标准误", "剖面似然", "观测违约率", "宏观因子"] {
                #expect(html.contains(term), "missing \(term)")
            }
            let words = try AnalysisReportTests.englishWords(html, data: Self.data)
            #expect(words.isEmpty, "English words in the Chinese page: \(words.sorted())")
            AnalysisReportTests.isSelfContained(html)
        }
    }

    // MARK: Tables

    @Test func tablesHoldTheCalibrationsNumbers() throws {
        for calibration in [try #require(Self.oneBank), try #require(Self.twoBanks), try #require(Self.boundary)] {
            let tables = CalibrationExport.tables(calibration)
            #expect(tables.map(\.name) == ["estimates", "observed", "profile"])
            let estimates = tables[0].rows
            #expect(estimates[0] == ["parameter", "bank", "estimate", "se", "ci_low", "ci_high", "at_boundary", "observed_rate"])
            #expect(estimates.count == 1 + 2 + calibration.pd.count)
            func number(_ cell: String) throws -> Double { try #require(Double(cell), "not a number: \(cell)") }
            for (row, rho) in zip(estimates[1...2], [calibration.rhoGlobal, calibration.rhoBank]) {
                #expect(try number(row[2]) == rho.estimate)
                #expect(try row[3] == "" ? rho.se == nil : number(row[3]) == rho.se)
                #expect(try number(row[4]) == rho.ciLow && number(row[5]) == rho.ciHigh)
                #expect(row[6] == String(rho.atBoundary))
            }
            #expect(estimates[1][0] == "rho_global" && estimates[2][0] == "rho_bank")
            for (row, pd) in zip(estimates.dropFirst(3), calibration.pd) {
                #expect(row[0] == "pd" && row[1] == pd.bank)
                #expect(try number(row[2]) == pd.estimate && number(row[7]) == pd.observedRate)
                #expect(try number(row[4]) == pd.ciLow && number(row[5]) == pd.ciHigh)
                #expect(try row[3] == "" ? pd.se == nil : number(row[3]) == pd.se)
            }
            let observed = tables[1].rows
            #expect(observed[0] == ["bank", "year", "loans", "defaults", "rate", "band_low", "band_high"])
            for (row, year) in zip(observed.dropFirst(), calibration.observed) {
                #expect(row[0] == year.bank && Int(row[1]) == year.year && Int(row[2]) == year.loans && Int(row[3]) == year.defaults)
                #expect(try number(row[4]) == year.rate && number(row[5]) == year.bandLow && number(row[6]) == year.bandHigh)
            }
            #expect(observed.count == 1 + calibration.observed.count)
            let profile = tables[2].rows
            #expect(profile[0] == ["parameter", "rho", "deviance", "threshold"])
            let points = calibration.rhoGlobal.profile + (calibration.banks > 1 ? calibration.rhoBank.profile : [])
            #expect(profile.count == 1 + points.count)
            for (row, point) in zip(profile.dropFirst(), points) {
                #expect(try number(row[1]) == point.rho && number(row[2]) == point.deviance)
                let rho = row[0] == "rho_global" ? calibration.rhoGlobal : calibration.rhoBank
                #expect(try number(row[3]) == rho.threshold)
            }
        }
    }

    @Test func chineseSheetsNameTheirColumnsAndKeepTheNumbers() throws {
        let two = try #require(Self.twoBanks)
        let tables = CalibrationExport.tables(two)
        let estimates = tables[0].sheet(.zh)
        #expect(estimates.name == "参数估计")
        #expect(estimates.rows[0] == ["参数", "银行代码", "估计值", "标准误", "95% 置信区间下限", "95% 置信区间上限", "是否位于边界 0",
                                      "观测违约率（违约笔数合计 / 贷款笔数合计）"])
        #expect(estimates.rows[1][0] == "ρ_G（宏观因子相关系数）" && estimates.rows[3][0] == "违约概率（PD）")
        #expect(["是", "否"].contains(estimates.rows[1][6]))
        #expect(estimates.rows.dropFirst().map { Array($0[2...5]) } == tables[0].rows.dropFirst().map { Array($0[2...5]) })
        #expect(tables.map { $0.sheet(.zh).name } == ["参数估计", "观测违约率", "剖面似然"])
        for table in tables {
            let header = table.sheet(.zh).rows[0]
            #expect(!header.contains { $0.contains(/[A-Za-z]{2,}/) }, "\(header)")
            #expect(table.sheet(.en).rows == table.rows, "English is the CSV")
        }
        let workbook = try XLSXExport.workbook(tables: tables, title: "hebei calibrate", language: .zh)
        #expect(!workbook.isEmpty)
    }

    // MARK: The terminal

    @Test func terminalSummaryShowsEstimatesAndWarnings() throws {
        let two = try #require(Self.twoBanks)
        let en = CalibrationExport.table(two, history: Self.history, language: .en)
        #expect(en.hasPrefix("History hebei-history.csv: 6 years, 2 banks, 12 bank-years"))
        #expect(en.contains("ρ_G (global factor)") && en.contains("ρ_B (bank factor)"))
        #expect(en.contains(CalibrationWords.rho(two.rhoGlobal.estimate)))
        #expect(en.contains("\(CalibrationWords.rho(two.rhoGlobal.ciLow)) – \(CalibrationWords.rho(two.rhoGlobal.ciHigh))"))
        for pd in two.pd {
            #expect(en.contains(pd.bank) && en.contains(CalibrationWords.percent(pd.estimate))
                && en.contains(CalibrationWords.percent(pd.observedRate)))
        }
        #expect(en.contains("Method of moments") && en.contains(CalibrationWords.percent(two.moments.pd)))
        #expect(en.contains("Maximised log-likelihood \(NumberFormat.fixed(two.logLikelihood, digits: 3))"))
        #expect(en.contains("\(two.nodes) Gauss–Hermite nodes"))
        #expect(en.contains("Warnings:\n  • Only 6 years of history (fewer than 8): the correlations are poorly determined"))

        let zh = CalibrationExport.table(two, history: Self.history, language: .zh)
        for term in ["历史数据 hebei-history.csv：6 年，2 家合作银行", "ρ_G（宏观因子）", "标准误", "95% 置信区间", "违约概率（PD）",
                     "矩估计", "最大化对数似然值", "警告：", "历史数据仅 6 年（少于 8 年）"] {
            #expect(zh.contains(term), "missing \(term)")
        }

        let one = try #require(Self.boundary)
        let single = CalibrationExport.table(one, history: Self.history, language: .en)
        #expect(single.hasPrefix("History hebei-history.csv: 10 years, 1 bank, 10 bank-years"))
        #expect(single.contains("at the boundary, one-sided") && single.contains("not identified with one bank"))
        #expect(single.contains("One bank only: only the total correlation is identified; it is reported as ρ_G, with ρ_B = 0."))
        #expect(single.contains("ρ_G is estimated at the boundary 0: its interval is one-sided, from 0 to where the deviance reaches 2.706."))
        let singleZh = CalibrationExport.table(one, history: Self.history, language: .zh)
        #expect(singleZh.contains("位于边界 0，单侧区间") && singleZh.contains("仅一家合作银行，无法识别"))
        #expect(singleZh.contains("仅有一家合作银行：只能识别总相关系数"))
        #expect(singleZh.contains("ρ_G 的估计值位于边界 0"))
    }

    @Test func everyWarningHasASentenceInBothLanguages() {
        let warnings: [Calibration.Warning] = [.fewYears(5), .oneBank, .atBoundary(global: true), .atBoundary(global: false)]
        for language in Language.allCases {
            let sentences = warnings.map { CalibrationExport.warning($0, language: language) }
            #expect(Set(sentences).count == warnings.count)
            #expect(sentences.allSatisfy { !$0.contains("{") })
        }
        #expect(CalibrationExport.warning(.fewYears(5), language: .zh).contains("5 年"))
        #expect(CalibrationExport.warning(.atBoundary(global: false), language: .en).hasPrefix("ρ_B"))
    }
}
