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

    @Test func plainLeavesNonFiniteEmpty() {
        #expect(NumberFormat.plain(.nan) == "")
        #expect(NumberFormat.plain(.infinity) == "")
    }

    @Test func csvQuotesOnlyWhereNeeded() {
        let text = CSVExport.render([["a", "b,c", "say \"hi\"", "two\nlines", "中国银行"]])
        #expect(text == "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",中国银行\n")
    }

    @Test func csvTablesHoldTheDocumentsNumbers() throws {
        let document = try Fixtures.document
        let byBank = CSVExport.byBank(document)
        #expect(byBank.hasPrefix("bank,name,quantity,statistic,value\n"))
        #expect(byBank.contains("ccb-hebei,\"中国建设银行 <Hebei> & \"\"Co\"\"\",claims,mean,35137641.36457989\n"))
        let summary = CSVExport.summary(document)
        #expect(summary.contains("p_exhaustion_year_2,ci_high,0.07403593810612755\n"))
        #expect(summary.contains("claims_var,0.995,297652732.13824856\n"))
    }
}
