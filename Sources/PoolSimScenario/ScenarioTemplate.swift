/// Starting scenarios for `poolsim init`. `hebei` is the bundled
/// `scenarios/hebei-2022.yaml`, word for word.
public enum ScenarioTemplate {
    /// Template names, the default first.
    public static let names = ["minimal", "hebei"]

    /// The template's YAML text, or nil for an unknown name.
    public static func text(named name: String) -> String? {
        switch name {
        case "minimal": return minimal
        case "hebei": return hebei
        default: return nil
        }
    }

    static let minimal = #"""
# A starting scenario: one pool, one bank, one segment of loans.
# Every key is described in docs/scenario-format.md; keys left out take
# their defaults (`poolsim validate --print FILE` shows them all).
schema_version: 1
name: my-pool
description: A risk-compensation pool with one cooperating bank
currency: CNY
horizon_years: 5          # years simulated
trials: 100000            # default for `poolsim run`; --trials overrides
seed: 1                   # default for `poolsim run`; --seed overrides

pool:
  initial_balance: 50000000   # money in the pool at the start, yuan
  shortfall: pro_rata         # pro_rata | defer | fifo
  replenishment:
    mode: none                # none | fixed | restore

compensation:
  basis: net_loss         # net_loss | principal
  ratio: 0.7              # share of each loss the pool pays
  per_loan_cap: 5000000   # largest claim on one loan, yuan (null: no cap)

default_model:
  copula: gaussian        # gaussian | t | creditriskplus
  rho_global: 0.06        # economy-wide factor
  rho_sector: 0.04        # sector factor
  rho_bank: 0.02          # bank factor (the three must add up to less than 1)
  pd_multiplier: 1.0      # one number, or one per year

banks:
  - id: my-bank           # short id: letters, digits, '-' and '_'
    name: My Bank
    segments:
      - name: credit-loans
        type: credit
        sector: general
        loans_per_year: 200
        growth: 0.0       # yearly growth of the number of new loans
        amount: { distribution: lognormal, median: 2500000, sigma: 0.7, max: 5000000 }
        term_years: 1
        pd: 0.02          # annual probability of default
        lgd: { mean: 0.6, sd: 0.2 }   # loss given default

loan_tape: null           # or a CSV of individual loans, relative to this file

stresses:
  - name: severe-downturn
    set: { default_model.pd_multiplier: 2.5, default_model.rho_global: 0.12 }

"""#

    static let hebei = #"""
# Hebei sci-tech loan risk-compensation pool, 2022 round.
#
# Every value below says where it comes from. "Source" cites the published
# record (see docs/scenario-format.md); "Assumption" means nothing was
# published and the value is this scenario's choice.
schema_version: 1
name: hebei-2022
description: Hebei sci-tech loan risk-compensation pool, 2022 round (six cooperating banks)
currency: CNY
horizon_years: 5          # Assumption: five annual rounds of lending and claims.
trials: 100000            # Default trial count for `run`; --trials overrides.
seed: 20220126            # Default run seed; --seed overrides.

pool:
  # Source: Hebei Daily, 2022-05-25, and Hebei Economic Daily, 2021-12-09:
  # the provincial department deposits 110 million yuan.
  initial_balance: 110000000
  interest_rate: 0.0      # Assumption: interest on the deposit is not added to the pool.
  shortfall: pro_rata     # Assumption: not published; claims are cut pro rata when the pool runs short.
  replenishment:
    mode: none            # Assumption: no top-up within the round.
  leverage_cap: null      # Assumption: no published leverage limit on covered loans.
  suspend_below: null     # Assumption: coverage is not suspended when the balance runs low.

compensation:
  # Source: Hebei 2016 implementation rules: the pool pays 70% of the loss on
  # non-performing credit loans and patent-pledge loans, at most 5 million
  # yuan per firm, settled once a year per bank. The 2022 round "raised the
  # compensation ratio" (Hebei Daily, April 2022) without giving the figure,
  # so 70% is kept here.
  basis: net_loss
  ratio: 0.7
  ratio_by_type: { credit: 0.7, ip_pledge: 0.7 }
  per_loan_cap: 5000000   # Source: 2016 rules, at most 5 million yuan per firm (one loan per firm here).
  per_bank_annual_cap: null   # Assumption: no cap per bank and year was published.
  npl_bands: null         # Assumption: the flat rule; Hebei publishes no NPL bands.
  recovery_lag_years: 1   # Used only with basis: principal.
  suspend_npl_above: null # Assumption: the NPL level that suspends a bank is not published.
  suspension_years: 1

default_model:
  copula: gaussian
  # Basel SME formula gives a total asset correlation of about 0.12 at PD 2%
  # (Basel II ¶272–273). Assumption: its split into global, sector and bank
  # factors, 0.06 + 0.04 + 0.02.
  rho_global: 0.06
  rho_sector: 0.04
  rho_bank: 0.02
  global_persistence: 0.0 # Assumption: the economy-wide factor is independent from year to year.
  pd_multiplier: 1.0      # No stress in the base case.
  lgd_add: 0.0

# Source: Hebei Economic Daily, 2021-12-09, names the six banks. The split of
# lending between them is not published. Assumption: 1,250 covered loans a
# year in all, split 300 / 200 / 250 / 150 / 250 / 100, 80% unsecured credit
# loans and 20% patent-pledge loans (Hebei Daily, April 2022: "close to 80%"
# of Q1 2022 tech lending was unsecured credit). With the sizes below that is
# about 3.6 billion yuan a year, in line with the previous round's peak
# balance of "over 4 billion yuan". Sectors are an assumption.
#
# Every segment shares these parameters:
#   amount: lognormal, median 2.5M, sigma 0.7, capped at 5M. Source: about
#     5 million yuan per firm in Q1 2022 (Hebei Daily, April 2022); the 5M cap
#     is the per-firm compensation cap; median and sigma are assumptions.
#   term_years: 1. Source: Hebei rules require a term of at least one year.
#   pd: 0.02. Source: Shandong tech-loan NPL ratio 1.65% (2016) and the 1–3%
#     bands of comparable schemes; 2% is the middle of the 1–5% range.
#   lgd: mean 0.6, sd 0.2. Assumption within the 45–75% range for mostly
#     unsecured lending (Basel F-IRB senior unsecured: 45%).
banks:
  - id: ccb-hebei
    name: 中国建设银行河北省分行 (China Construction Bank, Hebei Branch)
    segments:
      - name: credit-loans
        type: credit
        sector: electronic-information
        loans_per_year: 240
        growth: 0.0       # Assumption: flat lending volume.
        amount: { distribution: lognormal, median: 2500000, sigma: 0.7, max: 5000000 }
        term_years: 1
        pd: 0.02
        lgd: { mean: 0.6, sd: 0.2 }
      - name: ip-pledge
        type: ip_pledge
        sector: advanced-manufacturing
        loans_per_year: 60
        growth: 0.0
        amount: { distribution: lognormal, median: 2500000, sigma: 0.7, max: 5000000 }
        term_years: 1
        pd: 0.02
        lgd: { mean: 0.6, sd: 0.2 }
  - id: boc-hebei
    name: 中国银行河北省分行 (Bank of China, Hebei Branch)
    segments:
      - name: credit-loans
        type: credit
        sector: advanced-manufacturing
        loans_per_year: 160
        growth: 0.0
        amount: { distribution: lognormal, median: 2500000, sigma: 0.7, max: 5000000 }
        term_years: 1
        pd: 0.02
        lgd: { mean: 0.6, sd: 0.2 }
      - name: ip-pledge
        type: ip_pledge
        sector: biomedicine
        loans_per_year: 40
        growth: 0.0
        amount: { distribution: lognormal, median: 2500000, sigma: 0.7, max: 5000000 }
        term_years: 1
        pd: 0.02
        lgd: { mean: 0.6, sd: 0.2 }
  - id: icbc-hebei
    name: 中国工商银行河北省分行 (Industrial and Commercial Bank of China, Hebei Branch)
    segments:
      - name: credit-loans
        type: credit
        sector: new-materials
        loans_per_year: 200
        growth: 0.0
        amount: { distribution: lognormal, median: 2500000, sigma: 0.7, max: 5000000 }
        term_years: 1
        pd: 0.02
        lgd: { mean: 0.6, sd: 0.2 }
      - name: ip-pledge
        type: ip_pledge
        sector: electronic-information
        loans_per_year: 50
        growth: 0.0
        amount: { distribution: lognormal, median: 2500000, sigma: 0.7, max: 5000000 }
        term_years: 1
        pd: 0.02
        lgd: { mean: 0.6, sd: 0.2 }
  - id: psbc-hebei
    name: 中国邮政储蓄银行河北省分行 (Postal Savings Bank of China, Hebei Branch)
    segments:
      - name: credit-loans
        type: credit
        sector: biomedicine
        loans_per_year: 120
        growth: 0.0
        amount: { distribution: lognormal, median: 2500000, sigma: 0.7, max: 5000000 }
        term_years: 1
        pd: 0.02
        lgd: { mean: 0.6, sd: 0.2 }
      - name: ip-pledge
        type: ip_pledge
        sector: new-materials
        loans_per_year: 30
        growth: 0.0
        amount: { distribution: lognormal, median: 2500000, sigma: 0.7, max: 5000000 }
        term_years: 1
        pd: 0.02
        lgd: { mean: 0.6, sd: 0.2 }
  - id: bank-of-hebei
    name: 河北银行 (Bank of Hebei)
    segments:
      - name: credit-loans
        type: credit
        sector: advanced-manufacturing
        loans_per_year: 200
        growth: 0.0
        amount: { distribution: lognormal, median: 2500000, sigma: 0.7, max: 5000000 }
        term_years: 1
        pd: 0.02
        lgd: { mean: 0.6, sd: 0.2 }
      - name: ip-pledge
        type: ip_pledge
        sector: electronic-information
        loans_per_year: 50
        growth: 0.0
        amount: { distribution: lognormal, median: 2500000, sigma: 0.7, max: 5000000 }
        term_years: 1
        pd: 0.02
        lgd: { mean: 0.6, sd: 0.2 }
  - id: huaxia-sjz
    name: 华夏银行石家庄分行 (Huaxia Bank, Shijiazhuang Branch)
    segments:
      - name: credit-loans
        type: credit
        sector: electronic-information
        loans_per_year: 80
        growth: 0.0
        amount: { distribution: lognormal, median: 2500000, sigma: 0.7, max: 5000000 }
        term_years: 1
        pd: 0.02
        lgd: { mean: 0.6, sd: 0.2 }
      - name: ip-pledge
        type: ip_pledge
        sector: biomedicine
        loans_per_year: 20
        growth: 0.0
        amount: { distribution: lognormal, median: 2500000, sigma: 0.7, max: 5000000 }
        term_years: 1
        pd: 0.02
        lgd: { mean: 0.6, sd: 0.2 }

loan_tape: null

stresses:
  # A severe downturn: PDs 2.5 times the base (5% a year, the top of the
  # 1–5% range) and a doubled economy-wide correlation. Assumption.
  - name: severe-downturn
    set: { default_model.pd_multiplier: 2.5, default_model.rho_global: 0.12 }
  # PDs rising year by year to the 8–10% stress range. Assumption.
  - name: rising-defaults
    set: { default_model.pd_multiplier: [1.0, 1.5, 2.5, 4.0, 4.5] }
  # The compensation ratio raised, as the 2022 round announced (figure not
  # published). Assumption: 80%.
  - name: higher-ratio
    set: { compensation.ratio: 0.8, compensation.ratio_by_type: { credit: 0.8, ip_pledge: 0.8 } }

"""#
}
