extension AnalysisReportText {
    static let en: [AnalysisReportText: String] = [
        // Shared by the three pages
        .chartsHeading: "Charts",
        .labelled: "{label}: {text}",
        .estimateWithInterval: "{estimate} (95% interval {low} to {high})",
        .percentagePoints: "{value} pp",
        .numberInTenThousands: "{number} × 10,000",
        .numberInHundredMillions: "{number} × 100 million",
        .axisExhaustionWithinHorizon: "probability of running dry within the horizon (%)",
        .columnPExhaustion: "P(exhaustion)",

        // Headline statistics

        // Compare
        .compareTitle: "Pool comparison: {runs}",
        .compareHeading: "Side by side: {runs}",
        .runsSeparator: " vs ",
        .compareFactsRuns: "{count} runs",
        .compareFactsTrials: ", {trials} simulated periods each",
        .compareFactsHorizon: " of {years}",
        .compareFactsSeed: ", seed {seed}",
        .compareNote: "<b>Common random numbers.</b> Every run uses the same seed and the same trials, so "
            + "trial <i>i</i> of one run meets the same economic conditions (the economy-wide, sector and bank factors) as "
            + "trial <i>i</i> of the first, and the same defaults where the default model is unchanged; differences "
            + "come from the changed assumptions rather than sampling noise. The intervals on differences are paired: "
            + "95% intervals from the spread of the trial-by-trial differences, much narrower than comparing two "
            + "independent intervals. VaR and ES are quantile statistics and carry no interval. "
            + "“pp”: percentage points.",
        .compareClaimsCaption: "<b>Distribution of total claims over the horizon, one curve per run.</b> The cumulative share of simulated "
            + "periods (vertical) whose claims were at most a given amount (horizontal), drawn through each run's stored "
            + "percentiles (minimum, P1 … P99.9, maximum). A curve further right means larger claims.",
        .compareBalanceCaption: "<b>Pool balance at the end of each year.</b> For each run the shaded band holds 90% of the simulated "
            + "periods (P5 to P95) and the line is the median. Year 0 is the starting balance.",
        .compareExhaustionCaption: "<b>Probability the pool runs dry within the horizon</b>, each run with its 95% Wilson interval; "
            + "the difference from the first run, with its paired 95% interval, is printed by each run after the first.",
        .compareNoRuns: "This comparison holds no runs.",
        .headlineHeading: "Headline statistics",
        .versusFirstWithInterval: "Δ vs {run} (95% CI)",
        .columnStatistic: "statistic",
        .columnRun: "run",
        .columnValue: "value",
        .compareClaimsTitle: "Cumulative distribution of total claims, one curve per run",
        .compareClaimsEmpty: "No claims statistics in these runs.",
        .axisTotalClaims: "total claims over the horizon ({unit})",
        .axisCumulativeProbability: "cumulative probability (%)",
        .compareClaimsTooltip: "{run}: {share} of periods at most {amount}",
        .legendMean: "{run}: mean {amount}",
        .legendStartingBalance: "starting balance: {amount}",
        .compareBalanceTitle: "Pool balance by year for each run: median and P5 to P95",
        .compareBalanceEmpty: "No yearly statistics in these runs.",
        .axisEndOfYear: "end of year",
        .axisPoolBalance: "pool balance ({unit})",
        .compareBalanceTooltip: "{run}, year {year}: median {amount}",
        .legendMedian: "{run}: median",
        .legendP5ToP95: "{run}: P5 to P95",
        .compareExhaustionTitle: "Probability the pool runs dry within the horizon, by run, with 95% intervals",
        .compareExhaustionEmpty: "No runs to compare.",
        .compareExhaustionVersusFirst: "{run} — {difference} vs first",
        .runsHeading: "The runs",
        .columnScenario: "scenario",
        .columnStress: "stress",
        .columnOverrides: "overrides (--set)",
        .columnStartingBalance: "starting balance (yuan)",
        .columnTrials: "trials",
        .columnSeed: "seed",
        .runsNote: "Each run's own results directory (numbered in this order) holds its full report, tables and workbook.",

        // Sweep
        .sweepTitle: "{scenario}: sweep of {keys}",
        .sweepHeading: "Sweep over {keys}",
        .sweepNoKeys: "no keys",
        .sweepFacts: "{points} points, {trials} simulated periods each, seed {seed}",
        .sweepNote: "Every point runs the same trials with the same seed (common random numbers), "
            + "so the differences between points come from the swept settings, not from sampling noise; each point's "
            + "own 95% interval is wider than the uncertainty of a difference between neighbours.",
        .sweepExhaustionLineCaption: "<b>Probability the pool runs dry within the horizon against {key}</b>, "
            + "with 95% Wilson intervals as whiskers.",
        .sweepUnpaidLineCaption: "<b>Mean unpaid claims over the horizon against {key}</b>: claims the pool could not pay, "
            + "borne by the banks; whiskers are 95% intervals from the Monte Carlo error.",
        .sweepExhaustionHeatMapCaption: "<b>Probability the pool runs dry within the horizon</b> for each combination of "
            + "{across} (across) and {down} (down); darker is more likely.",
        .sweepUnpaidHeatMapCaption: "<b>Mean unpaid claims over the horizon</b> ({unit}) for each combination; darker is more.",
        .sweepTooManyKeys: "Charts are drawn for one or two swept keys; this sweep has {count}.",
        .sweepExhaustionLineTitle: "Probability the pool runs dry within the horizon against {key}, with 95% intervals",
        .sweepUnpaidLineTitle: "Mean unpaid claims over the horizon against {key}, with 95% intervals",
        .sweepNoPoints: "No points in this sweep.",
        .sweptKeyCompact: "{key} (M = million)",
        .axisExhaustion: "probability of running dry (%)",
        .axisMeanUnpaid: "mean unpaid claims ({unit})",
        .sweepPointTooltip: "{key} = {value}: {detail}",
        .sweepExhaustionHeatMapTitle: "Probability the pool runs dry within the horizon by {across} and {down}",
        .sweepUnpaidHeatMapTitle: "Mean unpaid claims over the horizon by {across} and {down}",
        .heatMapCellTooltip: "{across} = {acrossValue}, {down} = {downValue}: {detail}",
        .pointsHeading: "The points",
        .columnInterval: "95% CI",
        .columnClaimsMean: "claims, mean",
        .columnUnpaidMean: "unpaid, mean",
        .columnClaimsVaR99: "claims VaR 99%",
        .columnClaimsES99: "claims ES 99%",
        .pointsNote: "Money in yuan, over the horizon. sweep.csv holds every statistic of every point.",

        // Sensitivity
        .sensitivityTitle: "{scenario}: sensitivity, one-at-a-time swings",
        .sensitivityHeading: "Sensitivity: which assumption matters most",
        .sensitivityFacts: "{count} parameters, each at a low and a high setting; "
            + "{trials} simulated periods per setting, seed {seed}",
        .sensitivityCaveat: "<b>Caveat:</b> {caveat} Two assumptions that are both pessimistic "
            + "at once can move the results further than the sum of their bars.",
        .oneAtATimeCaveat: "One-at-a-time swings: each parameter moves alone, the others stay at the scenario's values, "
            + "so interactions between assumptions are ignored.",
        .sensitivityBase: "With every assumption at the scenario's value, the pool runs dry in <b>{p}</b> "
            + "of the simulated periods and claims reach <b>{var}</b> in one period out of a "
            + "hundred (VaR 99%). Every setting runs on the same random numbers as the base.",
        .sensitivityExhaustionCaption: "<b>Swing in the probability the pool runs dry within the horizon.</b> Each bar runs from the value at the "
            + "parameter's low setting (teal) to the value at its high setting (orange), around the base value (black line); "
            + "the longest swing is at the top.",
        .sensitivityVaRCaption: "<b>Swing in claims at VaR 99%</b> (total claims over the horizon exceeded in one period out of a hundred), "
            + "drawn the same way. The pool's size changes what is paid, not what is claimed, so it does not move this one.",
        .tornadoExhaustionTitle: "Swing in the probability the pool runs dry within the horizon: "
            + "each parameter from its low to its high setting",
        .tornadoVaRTitle: "Swing in the claims VaR 99%: each parameter from its low to its high setting",
        .sensitivityNoParameters: "No parameters in this sensitivity analysis.",
        .axisClaimsVaR99: "claims VaR 99% ({unit})",
        .settingsLowHigh: "low {low}, high {high}",
        .tornadoLowTooltip: "{parameter} at its low setting ({setting}): {value} (base {base})",
        .tornadoHighTooltip: "{parameter} at its high setting ({setting}): {value} (base {base})",
        .noChange: "no change ({value})",
        .legendLowSetting: "at the low setting",
        .legendHighSetting: "at the high setting",
        .legendBase: "base: {value}",
        .settingsHeading: "The settings",
        .columnParameter: "parameter",
        .columnLow: "low",
        .columnHigh: "high",
        .columnPExhaustionLow: "P(exhaustion) low",
        .columnPExhaustionHigh: "P(exhaustion) high",
        .columnSwingExhaustion: "swing",
        .columnVaR99Low: "VaR 99% low",
        .columnVaR99High: "VaR 99% high",
        .columnSwingVaR99: "swing",
        .rowBase: "base",
        .settingsNote: "Settings: PD, correlation, compensation ratio and pool size "
            + "are factors on the scenario's values (×), LGD a shift added to every loss given default; any other name is a "
            + "scenario key set to the value shown. VaR in yuan; “pp”: percentage points. sensitivity.csv holds every "
            + "headline statistic of every setting.",
        .parameterPD: "PD",
        .parameterCorrelation: "correlation",
        .parameterLGD: "LGD",
        .parameterCompensationRatio: "compensation ratio",
        .parameterPoolSize: "pool size",
    ]
}
