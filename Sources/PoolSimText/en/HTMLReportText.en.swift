extension HTMLReportText {
    static let en: [HTMLReportText: String] = [
        // Page and header
        .pageTitle: "Pool risk report: {scenario}",
        .heading: "Risk-compensation pool: {scenario}",
        .subtitleRun: "{trials} simulated periods of {years}, seed {seed}, run {createdAt}",
        .interruptedWarning: "<b>This run was interrupted.</b> The results rest on the {finished} trials that finished.",
        .interruptedOfRequestedWarning:
            "<b>This run was interrupted.</b> The results rest on the {finished} trials that finished of {requested} asked for.",
        .stressWarning: "Stress scenario applied: <b>{stress}</b>.",

        // Headline
        .headlineHeading: "At a glance",
        .cardExhaustionLabel: "Probability the pool runs dry within {years}",
        .cardExhaustionNote: "95% interval {low} to {high}",
        .cardClaimsLabel: "Expected claims over {years}",
        .cardClaimsNote: "{mean} {unit} ± {error} (Monte Carlo error)",
        .cardTailLabel: "Claims in a 1-in-100 bad case (VaR 99%)",
        .cardTailNote: "average of the worst 1% (ES 99%): {amount}",
        .cardRequiredLabel: "Starting balance for a 5% / 1% chance of running dry",
        .cardRequiredNote: "{unit}; the scenario starts with {amount}",
        .notAvailable: "not available",
        .notAvailableBecause: "Not available: {reason}.",
        .requiredNotRecorded: "the run did not record the 5% and 1% balances",
        .requiredDependsOnBalance: "the scenario's coverage depends on the pool's balance (a leverage cap or a pool floor), "
            + "so no single trial has a required balance independent of the start",
        .headlineSummary: "The pool starts with <b>{balance}</b>. In <b>{probability}</b> of {trials} simulated periods of "
            + "{years}, the claims due in some year exceeded the money in the pool, so banks were left to bear part of "
            + "their losses. Over {years} the banks claim {mean} on average; in one period out of a hundred they claim "
            + "{var99} or more.",
        .headlineRequiredSummary: " A starting balance of {five} would have run dry in 5% of the periods, {one} in 1%.",

        // Charts: claims distribution
        .chartsHeading: "Charts",
        .claimsTitle: "Cumulative distribution of total claims over {years}, with VaR 95%, 99% and 99.5%",
        .claimsCaption: "<b>Distribution of total claims over {years}.</b> The cumulative share of simulated periods "
            + "(vertical) whose claims were at most a given amount (horizontal). results.json keeps percentiles, not "
            + "every trial, so the curve joins the minimum, P1, P5, P25, P50, P75, P95, P99, P99.5, P99.9 and the "
            + "maximum with straight lines: a quantile chart, not a histogram. Dashed lines mark the value at risk "
            + "(VaR) at 95%, 99% and 99.5%; the green line is the pool's starting balance.",
        .claimsNoData: "No claims statistics in this results file.",
        .claimsAxisX: "total claims over the horizon ({unit})",
        .claimsAxisY: "cumulative probability (%)",
        .claimsPointTooltip: "{share} of periods: at most {amount}",
        .legendVaR: "VaR {level}: {amount}",
        .legendMean: "mean: {amount}",
        .legendStartingBalance: "starting balance: {amount}",

        // Charts: balance fan
        .balanceTitle: "Pool balance by year: median, P25 to P75 and P5 to P95",
        .balanceCaption: "<b>Pool balance at the end of each year.</b> The dark band holds the middle half of the "
            + "simulated periods (P25 to P75), the light band 90% of them (P5 to P95); the line is the median. Year 0 "
            + "is the starting balance.",
        .balanceNoData: "No yearly statistics in this results file.",
        .balanceAxisX: "end of year",
        .balanceAxisY: "pool balance ({unit})",
        .balancePointTooltip: "year {year}: median {amount}",
        .legendOuterBand: "P5 to P95",
        .legendInnerBand: "P25 to P75",
        .legendMedian: "median",
        .legendMeanLine: "mean",

        // Charts: exhaustion by year
        .exhaustionTitle: "Probability the pool has run dry by the end of each year, with 95% intervals",
        .exhaustionCaption: "<b>Chance the pool has run dry by the end of each year</b> (cumulative), with 95% Wilson "
            + "intervals as whiskers. Running dry means the claims due in a year exceed the money available.",
        .exhaustionNoData: "No yearly exhaustion probabilities in this results file.",
        .exhaustionAxisX: "year",
        .exhaustionAxisY: "probability run dry by then (%)",
        .exhaustionBarTooltip: "year {year}: {estimate} (95% interval {low} to {high})",

        // Charts: claims by bank
        .bankTitle: "Mean claims by bank over {years}: paid by the pool and unpaid",
        .bankCaption: "<b>Claims by bank over {years}, means over all simulated periods.</b> Blue: paid by the pool; "
            + "orange: not paid because the pool ran short, so borne by the bank.",
        .bankNoData: "No bank statistics in this results file.",
        .bankAxisX: "mean claims over the horizon ({unit})",
        .bankPaidTooltip: "{bank}: paid {amount}",
        .bankUnpaidTooltip: "{bank}: unpaid {amount}",
        .bankBarLabel: "{total} ({share} unpaid)",
        .legendPaid: "paid by the pool",
        .legendUnpaid: "unpaid, borne by the bank",

        // Charts: pool size
        .poolSizeTitle: "Probability of running dry within {years} against the starting balance",
        .poolSizeTitleNotAvailable: "Probability of running dry within {years} against the starting balance: not available",
        .poolSizeCaption: "<b>Chance of running dry for other starting balances</b>, with the same simulated defaults. "
            + "Markers show the balances that bring it down to 5% and 1%; the green line is the scenario's balance.",
        .poolSizeNotAvailableCaption: "<b>Chance of running dry for other starting balances:</b> not available for this scenario.",
        .poolSizeAxisX: "starting balance ({unit})",
        .poolSizeAxisY: "probability of running dry (%)",
        .ruinTooltip: "{level}: {amount}",
        .legendCurve: "P(run dry) by starting balance",
        .legendRuin: "{level} chance: {amount}",
        .legendScenarioBalance: "scenario's balance: {amount}",

        // Tables
        .tablesHeading: "Tables",
        .totalsHeading: "Totals over {years} ({unit})",
        .columnQuantity: "quantity",
        .columnMean: "mean",
        .columnMCError: "± MC error",
        .columnSD: "sd",
        .columnP5: "P5",
        .columnP50: "P50",
        .columnP95: "P95",
        .columnP99: "P99",
        .columnMax: "max",
        .quantityClaims: "claims",
        .quantityPaid: "paid by the pool",
        .quantityUnpaid: "unpaid (borne by banks)",
        .quantityLoss: "loss on defaulted loans",
        .quantityDefaults: "defaults (count)",
        .quantityEndBalance: "balance at the end",

        .tailHeading: "Tail of total claims ({unit})",
        .columnLevel: "level",
        .columnVaR: "value at risk (VaR)",
        .columnES: "expected shortfall (ES)",

        .byYearHeading: "By year (means, {unit})",
        .columnYear: "year",
        .columnOpeningBalance: "opening balance",
        .columnClaims: "claims",
        .columnPaid: "paid",
        .columnUnpaid: "unpaid",
        .columnTopUp: "top-up",
        .columnClosingBalance: "closing balance",
        .columnDefaults: "defaults",
        .columnExhaustedByYearEnd: "P(run dry by end of year)",

        .byBankHeading: "By bank (means over {years}, {unit})",
        .columnBank: "bank",
        .columnLoss: "loss",
        .columnUnpaidShare: "unpaid share",
        .columnTailClaims: "tail claims (worst 1%)",
        .tailClaimsNote: "“Tail claims (worst 1%)”: the bank's mean claims over the periods whose total claims reached "
            + "the 99% value at risk — its share of a bad case.",

        .requiredHeading: "Starting balance for a given chance of running dry",
        .columnChanceOfRunningDry: "chance of running dry",
        .columnStartingBalance: "starting balance ({unit})",

        // Scenario as run: labels of results.json's metadata
        .scenarioHeading: "The scenario as run",
        .metaScenario: "scenario",
        .metaOverrides: "overrides (--set)",
        .scenarioNotRecorded: "This results file does not record the resolved scenario.",
        .resolvedHeading: "Resolved scenario",
        .resolvedNote: "Every setting after defaults, overrides and stress were applied; key paths as in the scenario "
            + "file. Money in yuan, probabilities and ratios as fractions. Its <code>trials</code> and <code>seed</code> "
            + "are the file's defaults; the run's own are in the table above.",

        // Methods
        .methodsHeading: "How these numbers were made",
        .methodsTrial: "<b>A trial</b> is one simulated period of {years}. Each year, every covered loan of the "
            + "portfolio may default; a defaulted loan's loss is its principal times a loss-given-default drawn from a "
            + "Beta distribution. The bank files a claim for the pool's share of the loss (for example 70%, capped per "
            + "loan), and the pool pays the year's claims from its balance. When the claims due exceed the money "
            + "available the pool has <b>run dry</b> (is exhausted) that year, and the shortfall rule of the scenario "
            + "decides who gets what; the unpaid part stays with the banks. This report rests on {trials} trials.",
        .methodsCorrelation: "<b>Correlated defaults.</b> Defaults are linked through a factor copula: each loan's "
            + "credit quality mixes a province-wide factor, a sector factor, a bank factor and its own noise, and the "
            + "loan defaults when that falls below the level its default probability sets (the one-factor model of "
            + "Vasicek, 2002, with more factors). Bad years therefore hit many loans at once, which is what can drain "
            + "the pool. {copula}",
        .copulaGaussian: "This run uses the Gaussian copula.",
        .copulaT: "This run uses a t copula, in which a common shock makes joint defaults more likely still.",
        .copulaCreditRiskPlus:
            "This run uses CreditRisk+ instead: gamma-distributed sector factors scale each loan's default probability.",
        .methodsStatistics: "<b>Statistics.</b> Means carry a Monte Carlo standard error (the standard deviation "
            + "divided by the square root of the number of trials). Probabilities carry a 95% Wilson score interval. "
            + "Percentiles interpolate linearly between sorted trial values (as numpy does by default). Value at risk "
            + "(VaR) at level α is the α percentile of total claims; expected shortfall (ES) is the mean of the claims "
            + "at or above it. The balance needed for a given chance of running dry is the matching percentile of "
            + "each trial's required pool — the least starting balance with which that trial would never have run short.",
        .methodsReproducibility: "<b>Reproducibility.</b> The same scenario, seed, generator and number of trials give "
            + "the same results, whatever the number of worker threads: each block of trials draws from its own random "
            + "stream derived from the seed. The generator is GSL's; the seed, generator and versions are listed above.",
        .methodsSources: "<b>Sources.</b> Pool and rules: Hebei Daily, 25 May 2022 (the 110 million yuan pool with six "
            + "banks); Hebei Economic Daily, 9 December 2021 (the six cooperating banks); Hebei Daily, April 2022 "
            + "(lending in Q1 2022); Hebei 2016 implementation rules for tech-SME loan risk compensation (70% of the "
            + "loss, at most 5 million yuan per firm, claims settled yearly per bank). Model: O. Vasicek (2002), "
            + "“Loan portfolio value”, <i>Risk</i> 15(12). Parameters not published by these sources (how the lending "
            + "splits between banks, default probabilities, correlations, what happens when the pool runs short) are "
            + "assumptions of the scenario, listed above.",
    ]
}
