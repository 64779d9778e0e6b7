import PoolSimCore
import Testing
@testable import PoolSimReport

struct FormattingTests {
    @Test(arguments: [
        (1e-05, "0.00001"),
        (1.5e20, "150000000000000000000"),
        (-3.25e-7, "-0.000000325"),
        (123456789.125, "123456789.125"),
        (0.1, "0.1"),
        (-0.0, "0"),
        (110_000_000, "110000000"),
        (1e15, "1000000000000000"),
        (2.5e-300, "0." + String(repeating: "0", count: 299) + "25"),
        (146778264.72247687, "146778264.72247687"),
    ])
    func plainDecimal(value: Double, expected: String) {
        #expect(NumberFormat.plain(value) == expected)
        #expect(Double(expected) == value)
    }

    @Test("people's formats never trap, whatever the number", arguments: [
        1e300, -1e300, Double.greatestFiniteMagnitude, -Double.greatestFiniteMagnitude, 9.3e18, -9.3e18,
        Double.leastNonzeroMagnitude, 1e15, .nan, .infinity, -.infinity,
    ])
    func formatsNeverTrap(value: Double) {
        let texts = [NumberFormat.money(value), NumberFormat.millions(value), NumberFormat.percent(value),
                     NumberFormat.count(value), NumberFormat.fixed(value, digits: 2), NumberFormat.plain(value)]
        #expect(texts.allSatisfy { !$0.contains("e") && !$0.contains("inf") && !$0.contains("nan") })
    }

    @Test func hugeMoneyKeepsEveryDigit() {
        #expect(NumberFormat.money(1e300) == NumberFormat.money(1e300 / 1e3) + ",000")
        #expect(NumberFormat.money(-9.3e18) == "-9,300,000,000,000,000,000")
        #expect(NumberFormat.money(1e15) == "1,000,000,000,000,000")
        #expect(NumberFormat.fixed(9.3e18, digits: 1) == "9,300,000,000,000,000,000.0")
        #expect(NumberFormat.fixed(-1234.5, digits: 2) == "-1,234.50")
        #expect(NumberFormat.fixed(-0.004, digits: 2) == "0.00")
        #expect(NumberFormat.money(.nan) == "–" && NumberFormat.fixed(.infinity, digits: 1) == "–")
    }

    @Test func plainLeavesNonFiniteEmpty() {
        #expect(NumberFormat.plain(.nan) == "")
        #expect(NumberFormat.plain(.infinity) == "")
    }

    @Test func csvQuotesOnlyWhereNeeded() {
        let text = CSVExport.render([["a", "b,c", "say \"hi\"", "two\nlines", "中国银行"]])
        #expect(text == "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",中国银行\n")
    }

    @Test func csvTablesHoldTheResultsNumbers() throws {
        let results = try Fixtures.results
        let byBank = CSVExport.byBank(results)
        #expect(byBank.hasPrefix("bank,name,quantity,statistic,value\n"))
        #expect(byBank.contains("ccb-hebei,\"中国建设银行 <Hebei> & \"\"Co\"\"\",claims,mean,35137641.36457989\n"))
        let summary = CSVExport.summary(results)
        #expect(summary.contains("p_exhaustion_year_2,ci_high,0.07403593810612755\n"))
        #expect(summary.contains("claims_var,0.995,297652732.13824856\n"))
    }

    @Test func terminalSummaryLeadsWithExhaustion() throws {
        let text = SummaryReport.render(try Fixtures.results)
        #expect(text.hasPrefix("hebei-2022: 3,000 trials, seed 20220126\n\n"
            + "P(pool exhausted within the horizon): 76.50% (95% CI 74.95%–77.98%)\n"))
        #expect(text.contains("claims VaR 99%: 281,580,695   ES 99%: 307,636,328\n"))
        #expect(text.contains("Initial balance needed for a ruin probability of: 5.0% → 235.0 M, 1.0% → 281.6 M\n"))
    }
}
