extension CalibrationReportText {
    static let en: [CalibrationReportText: String] = [
        .reportTitle: "Calibration of {history}",

        .historyFacts: "History {history}: {years}, {banks}, {observations}",
        .banksOne: "{count} bank",
        .banksMany: "{count} banks",
        .bankYearsOne: "{count} bank-year",
        .bankYearsMany: "{count} bank-years",
        .correlationsTitle: "Correlations (maximum likelihood, 95% profile-likelihood intervals)",
        .pdTitle: "Default probabilities (PD; 95% Wald intervals)",
        .pdTitleCommon: "Default probability (PD), one shared by every bank (95% Wald interval)",
        .columnParameter: "parameter",
        .columnBank: "bank",
        .columnEstimate: "estimate",
        .columnSE: "standard error",
        .columnInterval: "95% interval",
        .columnWaldInterval: "95% interval (Wald)",
        .columnObservedRate: "observed rate Σd/Σn",
        .columnNote: "note",
        .rhoGlobal: "ρ_G (global factor)",
        .rhoBank: "ρ_B (bank factor)",
        .pdOfBank: "PD of {bank}",
        .noteBoundary: "at the boundary, one-sided",
        .noteNotIdentified: "not identified with one bank",
        .moments: "Method of moments (one-factor Vasicek, banks pooled): PD {pd}, ρ {rho}; maximum likelihood: ρ_G + ρ_B = {total}.",
        .likelihood: "Maximised log-likelihood {value} (binomial coefficients included), with {nodes} Gauss–Hermite nodes.",
        .warningsHeading: "Warnings:",
        .warningFewYears: "Only {years} years of history (fewer than {limit}): the correlations are poorly determined, as their wide intervals show.",
        .warningOneBank: "One bank only: only the total correlation is identified; it is reported as ρ_G, with ρ_B = 0.",
        .warningGlobalAtBoundary: "ρ_G is estimated at the boundary 0: its interval is one-sided, from 0 to where the deviance reaches {threshold}.",
        .warningBankAtBoundary: "ρ_B is estimated at the boundary 0: its interval is one-sided, from 0 to where the deviance reaches {threshold}.",

        .estimatesHeading: "Estimates",
        .methodHeading: "Method",
        .methodNote: """
            <p><b>Model.</b> The engine's Gaussian copula: a loan of bank <i>b</i> defaults in year <i>t</i> when \
            √ρ<sub>G</sub>·G<sub>t</sub> + √ρ<sub>B</sub>·B<sub>b,t</sub> + √(1 − ρ<sub>G</sub> − ρ<sub>B</sub>)·ε &lt; Φ⁻¹(p<sub>b</sub>), \
            with a global factor G<sub>t</sub> shared by every bank in the year, a bank factor B<sub>b,t</sub> and the loan's own ε, \
            all independent standard normals. Given the factors, a bank's defaults in a year are binomial.</p>
            <p><b>Estimation.</b> Maximum likelihood, the integrals over both factors by Gauss–Hermite quadrature ({nodes} nodes). \
            The intervals of ρ<sub>G</sub> and ρ<sub>B</sub> come from the profile likelihood: the values of ρ whose deviance stays \
            below {twoSided}, or below {oneSided} for a one-sided interval when the estimate is at the boundary 0. Each PD has the Wald \
            interval p̂ ± {z}·SE, its standard error from the observed information. As a cross-check, the method of moments \
            (one-factor Vasicek): the pooled default rate, and the correlation that explains the spread of the yearly pooled \
            rates beyond binomial noise.</p>
            """,
        .ratesHeading: "Observed default rates against the fitted model",
        .rateChartTitle: "{bank}: observed default rate by year",
        .rateCaption: """
            <b>{bank}.</b> Dots: each year's observed default rate (defaults / loans). Shaded: where the fitted model puts \
            90% of that year's rate with that year's loans (5th to 95th percentile). Line: the fitted PD. Ringed dots lie \
            outside the shaded range: {outside} of {years} years, where about one year in ten is to be expected.
            """,
        .axisYear: "year",
        .axisDefaultRate: "default rate",
        .legendBand: "fitted model, 5–95% range",
        .legendFittedPD: "fitted PD {pd}",
        .legendObserved: "observed default rate",
        .legendOutside: "outside the 5–95% range",
        .rateTooltip: "{year}: {defaults} defaults of {loans} loans, rate {rate}; the model's 5–95% range {low}–{high}",
        .rateTooltipOutside: "{year}: {defaults} defaults of {loans} loans, rate {rate}, outside the model's 5–95% range {low}–{high}",
        .profileHeading: "Profile likelihood of the correlations",
        .profileChartTitle: "Profile deviance of {parameter}",
        .profileCaption: """
            <b>{parameter}.</b> Twice the fall in log-likelihood when the correlation is held at ρ and every other \
            parameter refitted. The 95% interval {low}–{high} is where the curve stays below {threshold}.
            """,
        .profileCaptionBoundary: """
            <b>{parameter}.</b> Twice the fall in log-likelihood when the correlation is held at ρ and every other \
            parameter refitted. The estimate is at the boundary 0, so the interval is one-sided: from 0 to {high}, where \
            the curve reaches {threshold}.
            """,
        .axisDeviance: "profile deviance 2(ℓ̂ − ℓₚ)",
        .legendProfile: "profile deviance",
        .legendThreshold: "95% threshold {value}",
        .legendThresholdOneSided: "one-sided 95% threshold {value}",
        .legendEstimate: "estimate {value}",
        .legendInterval: "95% interval {low}–{high}",
        .profileTooltip: "ρ = {rho}: deviance {deviance}",
    ]
}
