import PoolSimCore
import PoolSimText

/// The scenario format, described once: the decoder checks types and ranges
/// against it, and the JSON Schema, the printed scenario and the list of keys
/// in the docs come from it.
struct SchemaTable: Sendable {
    var fields: [SchemaField]

    func field(_ key: String) -> SchemaField? { fields.first { $0.key == key } }
    var keys: [String] { fields.map(\.key) }
}

struct SchemaField: Sendable {
    enum Default: Sendable {
        /// The key must be given.
        case required
        /// Absent means this value.
        case value(DocumentNode.Value)
        /// Absent means something that depends on other keys, described in words.
        case derived(String)
    }

    var key: String
    var shape: Shape
    var defaultValue: Default
    var summary: String

    init(_ key: String, _ shape: Shape, _ defaultValue: Default, _ summary: String) {
        self.key = key
        self.shape = shape
        self.defaultValue = defaultValue
        self.summary = summary
    }
}

/// An interval of allowed numbers; nil bounds are open-ended.
struct NumberRange: Sendable, Equatable {
    var lower: Double?
    var lowerInclusive = true
    var upper: Double?
    var upperInclusive = true

    static let any = NumberRange()
    static let nonNegative = NumberRange(lower: 0)
    static let positive = NumberRange(lower: 0, lowerInclusive: false)
    static let unit = NumberRange(lower: 0, upper: 1)
    /// Yuan: at most `Scenario.maximumAmount`, so that every sum a run forms stays exact enough to print.
    static let money = NumberRange(lower: 0, upper: Scenario.maximumAmount)
    static let positiveMoney = NumberRange(lower: 0, lowerInclusive: false, upper: Scenario.maximumAmount)

    static func atLeast(_ value: Double) -> NumberRange { NumberRange(lower: value) }
    static func closed(_ lower: Double, _ upper: Double) -> NumberRange { NumberRange(lower: lower, upper: upper) }
    static func halfOpen(_ lower: Double, _ upper: Double) -> NumberRange {
        NumberRange(lower: lower, upper: upper, upperInclusive: false)
    }

    func contains(_ value: Double) -> Bool {
        if let lower, lowerInclusive ? value < lower : value <= lower { return false }
        if let upper, upperInclusive ? value > upper : value >= upper { return false }
        return true
    }

    /// "in [0, 1]", "≥ 0", "> 0", "in (−1, 1)", "in [0, 10¹⁵]" as messages say it
    /// ("pd must be in [0, 1]"); in Chinese "在 [0, 1] 之间", "不小于 0", …
    var message: Message {
        func bound(_ value: Double) -> String { value == Scenario.maximumAmount ? "10¹⁵" : NumberText.format(value) }
        switch (lower, upper) {
        case let (lower?, upper?):
            if lower == upper { return .diagnostic(.rangeExactly, ["value": NumberText.format(lower)]) }
            let interval = "\(lowerInclusive ? "[" : "(")\(bound(lower)), \(bound(upper))\(upperInclusive ? "]" : ")")"
            return .diagnostic(.rangeInterval, ["interval": interval])
        case let (lower?, nil): return .diagnostic(lowerInclusive ? .rangeAtLeast : .rangeAbove, ["bound": NumberText.format(lower)])
        case let (nil, upper?): return .diagnostic(upperInclusive ? .rangeAtMost : .rangeBelow, ["bound": NumberText.format(upper)])
        case (nil, nil): return .diagnostic(.rangeAny)
        }
    }

    /// The range in English, as the reference tables show it.
    var phrase: String { message.description }
}

indirect enum Shape: Sendable {
    case number(NumberRange)
    case integer(NumberRange)
    /// Text; `identifier` forbids characters that would break key paths and loan ids.
    case string(identifier: Bool)
    case choice([String])
    case table(SchemaTable)
    /// A table with free keys, each holding a value of this shape.
    case map(Shape)
    case list(Shape, minimumCount: Int)
    case nullable(Shape)
    /// One of several shapes, told apart by their kind (number, list, table).
    case either([Shape])
    /// Anything (the values of a stress's `set`).
    case any

    var table: SchemaTable? {
        switch self {
        case let .table(table): return table
        case let .nullable(inner): return inner.table
        default: return nil
        }
    }
}

/// The scenario file format, schema version 1 (docs/scenario-format.md).
enum ScenarioSchema {
    static let lgd = SchemaTable(fields: [
        SchemaField("mean", .number(.unit), .required, "Mean loss given default, a fraction of the principal."),
        SchemaField("sd", .number(.nonNegative), .value(.number(0)),
                    "Standard deviation of the Beta-distributed LGD; 0 for a fixed LGD. Needs sd² < mean(1 − mean)."),
    ])

    static let lognormalAmount = SchemaTable(fields: [
        SchemaField("distribution", .choice(["lognormal"]), .value(.string("lognormal")), "The size distribution."),
        SchemaField("median", .number(.positiveMoney), .required, "Median loan size, yuan."),
        SchemaField("sigma", .number(.nonNegative), .required, "Standard deviation of the log of the size."),
        SchemaField("max", .nullable(.number(.positiveMoney)), .value(.null), "Largest loan size, yuan; larger draws are capped."),
    ])

    static let segment = SchemaTable(fields: [
        SchemaField("name", .string(identifier: true), .required, "Segment name, unique within its bank; part of loan ids."),
        SchemaField("type", .string(identifier: false), .value(.string("credit")),
                    "Loan type, e.g. credit, ip_pledge, secured; selects `ratio_by_type`."),
        SchemaField("sector", .string(identifier: false), .value(.string("general")),
                    "Sector; loans of one sector share a sector factor."),
        SchemaField("loans_per_year", .number(.closed(0, 1_000_000)), .required,
                    "Loans originated in year 1; year t has loans_per_year × (1 + growth)^(t − 1), rounded."),
        SchemaField("growth", .number(NumberRange(lower: -1, lowerInclusive: false, upper: 10)), .value(.number(0)),
                    "Annual growth of the number of loans originated."),
        SchemaField("amount", .either([.number(.positiveMoney), .table(lognormalAmount)]), .required,
                    "Loan size: a fixed amount in yuan, or {distribution: lognormal, median, sigma, max}."),
        SchemaField("term_years", .integer(.closed(1, 100)), .value(.integer(1)), "Years each loan is at risk."),
        SchemaField("pd", .number(.unit), .required, "Annual probability of default."),
        SchemaField("lgd", .either([.number(.unit), .table(lgd)]), .required,
                    "Loss given default: a fixed fraction, or {mean, sd} of a Beta distribution."),
    ])

    static let bank = SchemaTable(fields: [
        SchemaField("id", .string(identifier: true), .required, "Short unique id; used in key paths, loan ids and the loan tape."),
        SchemaField("name", .string(identifier: false), .derived("the id"), "Display name."),
        SchemaField("segments", .list(.table(segment), minimumCount: 0), .value(.list([])),
                    "Loans the bank originates every year."),
    ])

    static let nplBand = SchemaTable(fields: [
        SchemaField("from", .number(.unit), .required, "Lower edge, as a fraction of covered principal at risk."),
        SchemaField("to", .number(.unit), .required, "Upper edge, as a fraction of covered principal at risk."),
        SchemaField("ratio", .number(.unit), .required, "Share of the claim base in this layer that the pool pays."),
    ])

    static let replenishment = SchemaTable(fields: [
        SchemaField("mode", .choice(["none", "fixed", "restore"]), .value(.string("none")),
                    "none: no top-ups; fixed: a yearly amount or schedule; restore: top up towards target."),
        SchemaField("amount", .number(.money), .value(.number(0)), "fixed: yuan added each year (unless schedule is given)."),
        SchemaField("schedule", .nullable(.list(.number(.money), minimumCount: 0)), .value(.null),
                    "fixed: yuan added in year 1, 2, …; later years get nothing. At most horizon_years entries."),
        SchemaField("target", .nullable(.number(.money)), .derived("pool.initial_balance"),
                    "restore: the balance to top up to after claims."),
        SchemaField("annual_budget", .number(.money), .value(.number(0)), "restore: the most spent on top-ups in one year, yuan."),
    ])

    static let pool = SchemaTable(fields: [
        SchemaField("initial_balance", .number(.money), .required, "B(0): money in the pool at the start, yuan."),
        SchemaField("interest_rate", .number(.closed(-1, 1)), .value(.number(0)), "Interest earned on the opening balance each year."),
        SchemaField("shortfall", .choice(ShortfallRule.allCases.map(\.rawValue)), .value(.string("pro_rata")),
                    "How claims are paid when the pool cannot pay them all."),
        SchemaField("replenishment", .table(replenishment), .value(.table([])), "Money added by the sponsor."),
        SchemaField("leverage_cap", .nullable(.number(.positive)), .value(.null),
                    "k: covered principal at risk ≤ k × opening balance; null for no cap."),
        SchemaField("suspend_below", .nullable(.number(.unit)), .value(.null),
                    "s: no new coverage while the opening balance < s × initial balance; null for no floor."),
    ])

    static let compensation = SchemaTable(fields: [
        SchemaField("basis", .choice(ClaimBasis.allCases.map(\.rawValue)), .value(.string("net_loss")),
                    "net_loss: the claim base is principal × LGD; principal: the principal, recoveries flow back later."),
        SchemaField("ratio", .number(.unit), .value(.number(0.7)), "Share of the claim base paid, for types without their own ratio."),
        SchemaField("ratio_by_type", .map(.number(.unit)), .value(.table([])), "Share paid by loan type, e.g. {credit: 0.7}."),
        SchemaField("per_loan_cap", .nullable(.number(.money)), .value(.null), "Largest claim on one loan, yuan; null for none."),
        SchemaField("per_bank_annual_cap", .nullable(.number(.money)), .value(.null),
                    "Largest claim of one bank in one year, yuan; null for none."),
        SchemaField("npl_bands", .nullable(.list(.table(nplBand), minimumCount: 1)), .value(.null),
                    "Banded rule: layers {from, to, ratio} of the NPL ratio, ordered and not overlapping; null for the flat rule."),
        SchemaField("recovery_lag_years", .integer(.closed(1, 100)), .value(.integer(1)),
                    "principal basis: years from a default to its recovery; ≥ 1, a recovery never arrives in the year of the default."),
        SchemaField("suspend_npl_above", .nullable(.number(.unit)), .value(.null),
                    "x: a bank whose NPL ratio exceeds x loses cover for new loans; null for never."),
        SchemaField("suspension_years", .integer(.closed(1, 100)), .value(.integer(1)), "Years of originations a suspension affects."),
    ])

    static let defaultModel = SchemaTable(fields: [
        SchemaField("copula", .choice(Copula.allCases.map(\.rawValue)), .value(.string("gaussian")), "Dependence model of defaults."),
        SchemaField("rho_global", .number(.halfOpen(0, 1)), .value(.number(0.06)), "ρ_G: loading on the economy-wide factor."),
        SchemaField("rho_sector", .number(.halfOpen(0, 1)), .value(.number(0.04)), "ρ_S: loading on the sector factor."),
        SchemaField("rho_bank", .number(.halfOpen(0, 1)), .value(.number(0.02)), "ρ_B: loading on the bank factor. ρ_G + ρ_S + ρ_B < 1."),
        SchemaField("global_persistence", .number(.halfOpen(0, 1)), .value(.number(0)),
                    "φ: G(t) = φ·G(t−1) + √(1−φ²)·η(t)."),
        SchemaField("t_dof", .number(.positive), .value(.number(8)), "ν, degrees of freedom of the t copula."),
        SchemaField("sector_variance", .map(.number(.positive)), .value(.table([
            DocumentEntry(key: "default", keyLocation: SourceLocation(file: ""),
                          node: DocumentNode(.number(0.5625), at: SourceLocation(file: ""))),
        ])), "CreditRisk+: variance of each sector's Gamma factor; key `default` for the others."),
        SchemaField("pd_multiplier", .either([.number(.nonNegative), .list(.number(.nonNegative), minimumCount: 1)]),
                    .value(.number(1)), "m(t): one multiplier of every PD, or a list with exactly one per year."),
        SchemaField("lgd_add", .number(.closed(-1, 1)), .value(.number(0)), "Added to every drawn LGD before clamping to [0, 1]."),
    ])

    static let stress = SchemaTable(fields: [
        SchemaField("name", .string(identifier: false), .required, "Name used with --stress."),
        SchemaField("set", .map(.any), .required, "Key path → value, as for --set."),
    ])

    static let root = SchemaTable(fields: [
        SchemaField("schema_version", .integer(.closed(1, 1)), .value(.integer(1)), "Version of this format."),
        SchemaField("name", .string(identifier: false), .required, "Scenario name; names the results directory."),
        SchemaField("description", .string(identifier: false), .value(.string("")), "Free text."),
        SchemaField("currency", .string(identifier: false), .value(.string("CNY")), "Currency of all money amounts."),
        SchemaField("horizon_years", .integer(.closed(1, 100)), .required, "H: number of annual periods simulated."),
        SchemaField("trials", .integer(.closed(1, 1_000_000_000)), .value(.integer(100_000)),
                    "Default number of trials for `run`; --trials overrides."),
        SchemaField("seed", .integer(.nonNegative), .value(.integer(1)), "Default run seed; --seed overrides."),
        SchemaField("pool", .table(pool), .required, "The pool's money and rules."),
        SchemaField("compensation", .table(compensation), .value(.table([])), "What the pool pays on a claim."),
        SchemaField("default_model", .table(defaultModel), .value(.table([])), "How defaults are drawn."),
        SchemaField("banks", .list(.table(bank), minimumCount: 1), .required, "The cooperating banks."),
        SchemaField("loan_tape", .nullable(.string(identifier: false)), .value(.null),
                    "Path to a CSV loan tape, relative to the scenario file."),
        SchemaField("stresses", .list(.table(stress), minimumCount: 0), .value(.list([])),
                    "Named overlays applied with --stress NAME or by `compare`."),
    ])
}

// MARK: - Reference text

extension ScenarioSchema {
    /// Markdown tables of every key, one table per section, as in docs/scenario-format.md.
    static func referenceTables() -> String {
        let sections: [(String, SchemaTable)] = [
            ("Top level", root), ("`pool`", pool), ("`pool.replenishment`", replenishment),
            ("`compensation`", compensation), ("`compensation.npl_bands[]`", nplBand),
            ("`default_model`", defaultModel), ("`banks[]`", bank), ("`banks[].segments[]`", segment),
            ("`amount` as a table", lognormalAmount), ("`lgd` as a table", lgd), ("`stresses[]`", stress),
        ]
        return sections.map { title, table in
            var lines = ["#### \(title)", "", "| key | type | default | meaning |", "|---|---|---|---|"]
            for field in table.fields {
                let defaultText: String
                switch field.defaultValue {
                case .required: defaultText = "required"
                case let .value(value): defaultText = "`\(FlowText.render(DocumentNode(value, at: SourceLocation(file: ""))))`"
                case let .derived(words): defaultText = words
                }
                let meaning = field.summary.replacingOccurrences(of: "|", with: "\\|")
                lines.append("| `\(field.key)` | \(field.shape.reference) | \(defaultText) | \(meaning) |")
            }
            return lines.joined(separator: "\n")
        }.joined(separator: "\n\n") + "\n"
    }
}

extension Shape {
    /// The type and range as the reference tables show them.
    var reference: String {
        switch self {
        case let .number(range): return range == .any ? "number" : "number \(range.phrase)"
        case let .integer(range): return range == .any ? "integer" : "integer \(range.phrase)"
        case let .string(identifier): return identifier ? "id (no `.`, `[`, `]`, `=`, `,`, quotes or spaces)" : "string"
        case let .choice(options): return options.map { "`\($0)`" }.joined(separator: " \\| ")
        case .table: return "table"
        case let .map(inner): return "table of \(inner.reference)"
        case let .list(element, minimumCount):
            return "list of \(element.reference)" + (minimumCount > 0 ? ", at least \(minimumCount)" : "")
        case let .nullable(inner): return "\(inner.reference), or null"
        case let .either(shapes): return shapes.map(\.reference).joined(separator: ", or ")
        case .any: return "any value"
        }
    }
}
