import PoolSimCore
import PoolSimScenario
import Testing

@Suite struct OverrideTests {
    let small = Fixtures.path("small.yaml")

    @Test func setChangesKeysByIdNameAndIndex() throws {
        let scenario = try ScenarioLoader.load(path: small, overrides: [
            "pool.initial_balance=150000000",
            "banks.alpha.segments.credit.pd=0.04",
            "banks[1].segments.0.loans_per_year=9",
            "banks.1.name=Beta Bank",
            "default_model.pd_multiplier=[2, 2, 3]",
        ]).scenario
        #expect(scenario.pool.initialBalance == 150_000_000)
        #expect(scenario.banks[0].segments[0].pd == 0.04)
        #expect(scenario.banks[1].segments[0].loansPerYear == 9)
        #expect(scenario.banks[1].name == "Beta Bank")
        #expect(scenario.defaultModel.pdMultiplier == [2, 2, 3])
    }

    @Test func setCreatesAbsentOptionalKeys() throws {
        let scenario = try ScenarioLoader.load(path: small, overrides: [
            "pool.leverage_cap=40", "compensation.ratio_by_type.secured=0.5", "banks.beta.segments.credit.growth=0.2",
            "compensation.per_bank_annual_cap=null",
        ]).scenario
        #expect(scenario.pool.leverageCap == 40)
        #expect(scenario.compensation.ratioByType["secured"] == 0.5)
        #expect(scenario.banks[1].segments[0].growth == 0.2)
        #expect(scenario.compensation.perBankAnnualCap == nil)
    }

    @Test func laterOverridesWinAndStressComesFirst() throws {
        let scenario = try ScenarioLoader.load(path: small, overrides: ["default_model.pd_multiplier=3", "seed=1", "seed=2"],
                                               stress: "downturn").scenario
        #expect(scenario.defaultModel.pdMultiplier == [3])
        #expect(scenario.seed == 2)
        #expect(scenario.banks[1].segments[0].pd == 0.1)
    }

    @Test func stressIsApplied() throws {
        let scenario = try ScenarioLoader.load(path: small, stress: "downturn").scenario
        #expect(scenario.defaultModel.pdMultiplier == [2])
        #expect(scenario.banks[1].segments[0].pd == 0.1)
    }

    @Test func badOverrides() {
        let (kind, text) = Fixtures.diagnostics("small.yaml", overrides: [
            "pool.initial_balanse=1", "banks.gamma.name=x", "pool.initial_balance=-1", "seed", "pool.shortfall=[1",
            "compensation.ratio=2",
        ])
        #expect(kind == .invalid)
        #expect(text == """
            --set pool.initial_balanse=1: error: no key 'initial_balanse' in pool (pool.initial_balanse)
              hint: did you mean 'initial_balance'?
            --set banks.gamma.name=x: error: no entry 'gamma' in 'banks' (banks.gamma.name)
              hint: entries: alpha, beta
            --set seed: error: --set expects PATH=VALUE
              hint: e.g. --set pool.initial_balance=150000000
            --set pool.shortfall=[1: error: did not find expected ',' or ']' (while parsing a flow sequence at line 1)
            --set pool.initial_balance=-1: error: initial_balance must be in [0, 10¹⁵], got -1 (pool.initial_balance)
            --set compensation.ratio=2: error: ratio must be in [0, 1], got 2 (compensation.ratio)
            """)
    }

    @Test("money is bounded, so that no amount that passes validation can overflow a report")
    func moneyIsBounded() {
        let (kind, text) = Fixtures.diagnostics("small.yaml", overrides: ["pool.initial_balance=1e300"])
        #expect(kind == .invalid)
        #expect(text == "--set pool.initial_balance=1e300: error: initial_balance must be in [0, 10¹⁵], got 1e+300 (pool.initial_balance)")
        let (largest, _) = Fixtures.diagnostics("small.yaml", overrides: ["pool.initial_balance=1e15"])
        #expect(largest == nil)
    }

    @Test func unknownStressListsTheKnownOnes() {
        let (kind, text) = Fixtures.diagnostics("small.yaml", stress: "downtrun")
        #expect(kind == .invalid)
        #expect(text == "small.yaml:51:1: error: unknown stress 'downtrun' (stresses)\n  hint: did you mean 'downturn'?")
        let (_, other) = Fixtures.diagnostics("small.yaml", stress: "zzz")
        #expect(other.hasSuffix("hint: known stresses: downturn"))
    }

    @Test func stressValuesAreValidatedWhereTheyAreWritten() throws {
        let text = """
            name: s
            horizon_years: 2
            pool: { initial_balance: 100 }
            banks: [ { id: a } ]
            stresses:
              - name: bad
                set: { default_model.rho_global: 1.5 }
            """
        #expect(throws: InputError.self) { try ScenarioLoader.load(contents: text, format: .yaml, file: "s.yaml", stress: "bad") }
        do {
            _ = try ScenarioLoader.load(contents: text, format: .yaml, file: "s.yaml", stress: "bad")
        } catch {
            #expect(error.description == "s.yaml:7:38: error: rho_global must be in [0, 1), got 1.5 (default_model.rho_global)")
        }
        #expect(try ScenarioLoader.load(contents: text, format: .yaml, file: "s.yaml").scenario.defaultModel.rhoGlobal == 0.06)
    }
}
