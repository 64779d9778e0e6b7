#!/usr/bin/env python3
"""The pool model (README, "What a trial is") in vectorised numpy: the benchmark baseline.

What a careful researcher would write without PoolSim: the same scenario YAML,
the same model, trials processed in batches as (trials × loans) matrices, no
Python loop over loans or trials (only over years, and over the few distinct
LGD distributions).

- Portfolio: segments expanded once (numpy's own lognormal draws, so amounts
  differ from PoolSim's but follow the same distribution).
- Defaults: Gaussian copula with global (optionally persistent), sector and
  bank factors; conditional PD per (trial, year, bank, sector, PD) group.
  Two exact ways to draw which loans default:
    * ``binomial``: loans that are interchangeable (same bank, sector, type,
      PD, LGD, amount, origination and term) are one cohort; its default count
      is Binomial(loans still at risk, conditional PD). Cost follows cohorts.
    * ``bernoulli``: one uniform per loan at risk, compared with its group's
      conditional PD (a trials × loans matrix per year).
  ``auto`` picks binomial when cohorts are at least 8 loans on average
  (fixed amounts), bernoulli otherwise (lognormal amounts: every loan differs).
- LGD: Beta(mean, sd) per default (fixed when sd = 0), plus lgd_add, clamped.
- Claims: flat rule, ratio by type, per-loan cap, per-bank annual cap, on
  net loss or principal (principal basis without recoveries: not supported).
- Pool: opening balance, interest, fixed top-ups, pro-rata shortfall, year by
  year, vectorised over trials; exhaustion year and the required pool.

Usage: numpy_baseline.py SCENARIO [--trials N] [--batch 1000] [--defaults auto|binomial|bernoulli] [--json]
"""
import argparse
import json
import sys
import time

import numpy as np
import yaml
from scipy.special import ndtr, ndtri


class Unsupported(Exception):
    pass


# MARK: Scenario and portfolio

def expand_portfolio(scenario, rng):
    """One concrete loan list (README, "What a trial is") as column arrays."""
    horizon = scenario["horizon_years"]
    comp = scenario.get("compensation", {}) or {}
    ratio = comp.get("ratio", 0.7)
    ratio_by_type = comp.get("ratio_by_type") or {}
    sectors, cols = {}, {k: [] for k in ("bank", "sector", "ratio", "amount", "pd", "lgd_mean", "lgd_sd",
                                          "origination", "term")}
    if scenario.get("loan_tape"):
        raise Unsupported("loan tapes")
    for b, bank in enumerate(scenario["banks"]):
        for seg in bank["segments"]:
            sector = sectors.setdefault(seg["sector"], len(sectors))
            lgd = seg["lgd"]
            lgd_mean, lgd_sd = (lgd["mean"], lgd.get("sd", 0.0)) if isinstance(lgd, dict) else (float(lgd), 0.0)
            growth = seg.get("growth", 0.0) or 0.0
            for year in range(1, horizon + 1):
                n = int(np.floor(seg["loans_per_year"] * (1 + growth) ** (year - 1) + 0.5))
                amount = seg["amount"]
                if isinstance(amount, dict):
                    if amount.get("distribution", "lognormal") != "lognormal":
                        raise Unsupported(f"amount distribution {amount['distribution']}")
                    draws = rng.lognormal(np.log(amount["median"]), amount["sigma"], size=n)
                    amounts = np.minimum(draws, amount.get("max") or np.inf)
                else:
                    amounts = np.full(n, float(amount))
                cols["amount"].append(amounts)
                for key, value in (("bank", b), ("sector", sector), ("ratio", ratio_by_type.get(seg["type"], ratio)),
                                   ("pd", seg["pd"]), ("lgd_mean", lgd_mean), ("lgd_sd", lgd_sd),
                                   ("origination", year), ("term", seg.get("term_years", 1))):
                    cols[key].append(np.full(n, value))
    loans = {k: np.concatenate(v) for k, v in cols.items()}
    loans["bank"] = loans["bank"].astype(np.int64)
    loans["sector"] = loans["sector"].astype(np.int64)
    loans["origination"] = loans["origination"].astype(np.int64)
    loans["term"] = loans["term"].astype(np.int64)
    loans["last_year"] = np.minimum(loans["origination"] + loans["term"] - 1, horizon)
    return loans, len(sectors)


def check_supported(scenario):
    pool = scenario.get("pool", {}) or {}
    comp = scenario.get("compensation", {}) or {}
    model = scenario.get("default_model", {}) or {}
    if model.get("copula", "gaussian") != "gaussian":
        raise Unsupported(f"copula {model['copula']}")
    if pool.get("shortfall", "pro_rata") != "pro_rata":
        raise Unsupported(f"shortfall {pool['shortfall']}")
    if (pool.get("replenishment") or {}).get("mode", "none") == "restore":
        raise Unsupported("restore top-ups")
    for key in ("leverage_cap", "suspend_below"):
        if pool.get(key) is not None:
            raise Unsupported(key)
    if comp.get("npl_bands") or comp.get("suspend_npl_above") is not None:
        raise Unsupported("NPL bands or bank suspension")
    if comp.get("basis", "net_loss") != "net_loss":
        raise Unsupported("principal basis (recoveries)")


class Model:
    """The scenario compiled into arrays: groups, cohorts, thresholds."""

    def __init__(self, scenario, seed, method):
        check_supported(scenario)
        self.horizon = H = scenario["horizon_years"]
        self.bank_count = len(scenario["banks"])
        model = scenario.get("default_model", {}) or {}
        pool = scenario.get("pool", {}) or {}
        comp = scenario.get("compensation", {}) or {}
        self.rho = (model.get("rho_global", 0.0), model.get("rho_sector", 0.0), model.get("rho_bank", 0.0))
        self.phi = model.get("global_persistence", 0.0) or 0.0
        multiplier = model.get("pd_multiplier", 1.0)
        self.multiplier = np.broadcast_to(np.asarray(multiplier, dtype=float), (H,)).copy()
        self.lgd_add = model.get("lgd_add", 0.0) or 0.0
        self.initial_balance = float(pool["initial_balance"])
        self.interest = pool.get("interest_rate", 0.0) or 0.0
        repl = pool.get("replenishment") or {}
        fixed = np.zeros(H)
        if repl.get("mode", "none") == "fixed":
            schedule = repl.get("schedule")
            if schedule is not None:
                fixed[:len(schedule)] = schedule
            else:
                fixed[:] = repl.get("amount", 0.0)
        self.fixed_topup = fixed
        self.per_loan_cap = comp.get("per_loan_cap")
        self.per_loan_cap = np.inf if self.per_loan_cap is None else float(self.per_loan_cap)
        self.per_bank_cap = comp.get("per_bank_annual_cap")
        self.per_bank_cap = np.inf if self.per_bank_cap is None else float(self.per_bank_cap)

        loans, self.sector_count = expand_portfolio(scenario, np.random.default_rng([seed, 1]))
        self.loans = loans
        self.loan_count = len(loans["amount"])
        # Groups sharing a conditional PD: (bank, sector, pd).
        keys = np.stack([loans["bank"], loans["sector"], loans["pd"]], axis=1)
        group_keys, self.loan_group = np.unique(keys, axis=0, return_inverse=True)
        self.loan_group = self.loan_group.ravel()
        self.group_bank = group_keys[:, 0].astype(np.int64)
        self.group_sector = group_keys[:, 1].astype(np.int64)
        pd_t = np.minimum(1.0, group_keys[:, 2][:, None] * self.multiplier[None, :])   # group × year
        self.threshold = ndtri(pd_t)                                                   # Φ⁻¹(p), ±inf at 0, 1
        # LGD distributions: Beta shapes per distinct (mean, sd).
        lgd_keys, self.loan_lgd = np.unique(np.stack([loans["lgd_mean"], loans["lgd_sd"]], axis=1), axis=0,
                                            return_inverse=True)
        self.loan_lgd = self.loan_lgd.ravel()
        self.lgd_specs = [(m, s) for m, s in lgd_keys]
        # Cohorts of interchangeable loans.
        cohort_keys = np.stack([loans[k].astype(float) for k in ("bank", "sector", "ratio", "amount", "pd", "lgd_mean",
                                                                 "lgd_sd", "origination", "term")], axis=1)
        cohort_rows, self.loan_cohort, cohort_sizes = np.unique(cohort_keys, axis=0, return_inverse=True,
                                                                return_counts=True)
        self.loan_cohort = self.loan_cohort.ravel()
        first = np.zeros(len(cohort_rows), dtype=np.int64)
        first[self.loan_cohort[::-1]] = np.arange(self.loan_count)[::-1]
        self.cohort_size = cohort_sizes
        self.cohort_first_loan = first
        self.multi_year = bool(np.any(loans["last_year"] > loans["origination"]))
        if method == "auto":
            method = "binomial" if len(cohort_rows) * 8 <= self.loan_count else "bernoulli"
        self.method = method
        # Loans (bernoulli) or cohorts (binomial) at risk by schedule in year t.
        units_origination = loans["origination"] if method == "bernoulli" else loans["origination"][first]
        units_last = loans["last_year"] if method == "bernoulli" else loans["last_year"][first]
        self.at_risk = [np.nonzero((units_origination <= t) & (units_last >= t))[0] for t in range(1, H + 1)]

    # MARK: One batch of trials

    def conditional_pd(self, rng, n):
        """q[trial, year, group] given the year's factors (README, "What a trial is")."""
        H = self.horizon
        eta = rng.standard_normal((n, H))
        sector = rng.standard_normal((n, H, self.sector_count))
        bank = rng.standard_normal((n, H, self.bank_count))
        g = np.empty((n, H))
        g[:, 0] = eta[:, 0]
        for t in range(1, H):
            g[:, t] = self.phi * g[:, t - 1] + np.sqrt(1 - self.phi ** 2) * eta[:, t]
        rg, rs, rb = self.rho
        systematic = (np.sqrt(rg) * g[:, :, None] + np.sqrt(rs) * sector[:, :, self.group_sector]
                      + np.sqrt(rb) * bank[:, :, self.group_bank])
        return ndtr((self.threshold.T[None, :, :] - systematic) / np.sqrt(1 - rg - rs - rb))

    def draw_lgd(self, rng, spec, size):
        mean, sd = self.lgd_specs[spec]
        if sd == 0:
            lgd = np.full(size, mean)
        else:
            k = mean * (1 - mean) / (sd * sd) - 1
            lgd = rng.beta(mean * k, (1 - mean) * k, size=size)
        return np.clip(lgd + self.lgd_add, 0.0, 1.0)

    def simulate_batch(self, rng, n):
        """Per-trial records of n trials: bank-year claims and losses, the pool's account."""
        H, B, L = self.horizon, self.bank_count, self.loans
        q = self.conditional_pd(rng, n)
        cell = np.arange(n)[:, None] * B                                    # trial's row in (trial, bank)
        bank_claims = np.zeros((H, n * B))
        bank_loss = np.zeros((H, n * B))
        bank_defaults = np.zeros((H, n * B))
        if self.method == "bernoulli":
            alive = np.ones((n, self.loan_count), dtype=bool) if self.multi_year else None
        else:
            alive = np.broadcast_to(self.cohort_size, (n, len(self.cohort_size))).copy() if self.multi_year else None
        for t in range(H):
            units = self.at_risk[t]
            if self.method == "bernoulli":
                loans = units
                u = rng.random((n, len(loans)))
                hit = u < q[:, t, self.loan_group[loans]]
                if alive is not None:
                    hit &= alive[:, loans]
                    alive[:, loans] &= ~hit
                trial, column = np.nonzero(hit)
                loan = loans[column]
            else:
                first = self.cohort_first_loan[units]
                at_risk = alive[:, units] if alive is not None else self.cohort_size[units][None, :]
                counts = rng.binomial(at_risk, q[:, t, self.loan_group[first]])
                if alive is not None:
                    alive[:, units] -= counts
                flat = counts.ravel()
                owner = np.repeat(np.arange(flat.size), flat)               # one entry per default
                trial = owner // len(units)
                loan = first[owner % len(units)]                            # a representative loan
            lgd = np.empty(len(loan))
            specs = self.loan_lgd[loan]
            for s in range(len(self.lgd_specs)):
                chosen = specs == s
                lgd[chosen] = self.draw_lgd(rng, s, int(chosen.sum()))
            amount = L["amount"][loan]
            claim = np.minimum(L["ratio"][loan] * amount * lgd, self.per_loan_cap)
            index = trial * B + L["bank"][loan]
            bank_claims[t] = np.bincount(index, weights=claim, minlength=n * B)
            bank_loss[t] = np.bincount(index, weights=amount * lgd, minlength=n * B)
            bank_defaults[t] = np.bincount(index, minlength=n * B)
        bank_claims = np.minimum(bank_claims, self.per_bank_cap).reshape(H, n, B)
        return self.settle(bank_claims, bank_loss.reshape(H, n, B), bank_defaults.reshape(H, n, B))

    def settle(self, bank_claims, bank_loss, bank_defaults):
        """The pool year by year (README, "What a trial is"), pro rata, vectorised over trials."""
        H, n = self.horizon, bank_claims.shape[1]
        balance = np.full(n, self.initial_balance)
        claims = bank_claims.sum(axis=2)                                    # year × trial
        paid = np.empty((H, n))
        bank_paid = np.empty_like(bank_claims)
        exhaustion = np.zeros(n, dtype=np.int32)
        for t in range(H):
            available = balance * (1 + self.interest) + self.fixed_topup[t]
            short = claims[t] > available
            exhaustion[(exhaustion == 0) & short] = t + 1
            paid[t] = np.minimum(claims[t], available)
            fraction = np.where(short, available / np.where(short, claims[t], 1.0), 1.0)
            bank_paid[t] = bank_claims[t] * fraction[:, None]
            balance = available - paid[t]
        discount = (1 + self.interest) ** -np.arange(1, H + 1)
        required = np.maximum(0.0, np.cumsum(discount[:, None] * (claims - self.fixed_topup[:, None]), axis=0).max(axis=0))
        return {
            "claims_total": claims.sum(axis=0), "paid_total": paid.sum(axis=0),
            "unpaid_total": (claims - paid).sum(axis=0), "loss_total": bank_loss.sum(axis=(0, 2)),
            "defaults_total": bank_defaults.sum(axis=(0, 2)), "end_balance": balance,
            "exhaustion_year": exhaustion, "required_pool": required,
            "claims_by_year": claims.T, "paid_by_year": paid.T,
            "bank_claims": bank_claims.sum(axis=0), "bank_paid": bank_paid.sum(axis=0),
        }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("scenario")
    parser.add_argument("--trials", type=int, default=20_000)
    parser.add_argument("--batch", type=int, default=1_000, help="trials per vectorised batch")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--defaults", choices=["auto", "binomial", "bernoulli"], default="auto")
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")
    args = parser.parse_args()
    with open(args.scenario, encoding="utf-8") as f:
        scenario = yaml.safe_load(f)
    seed = args.seed if args.seed is not None else scenario.get("seed", 1)
    try:
        model = Model(scenario, seed, args.defaults)
    except Unsupported as error:
        sys.exit(f"numpy_baseline: not supported by the baseline: {error}")
    rng = np.random.default_rng([seed, 2])
    started = time.perf_counter()
    parts = []
    done = 0
    while done < args.trials:
        n = min(args.batch, args.trials - done)
        parts.append(model.simulate_batch(rng, n))
        done += n
    records = {key: np.concatenate([p[key] for p in parts]) for key in parts[0]}
    elapsed = time.perf_counter() - started
    summary = {
        "scenario": scenario["name"], "method": model.method, "loans": model.loan_count,
        "trials": args.trials, "batch": args.batch, "elapsed_seconds": elapsed,
        "trials_per_second": args.trials / elapsed,
        "claims_total_mean": float(records["claims_total"].mean()),
        "claims_total_mcse": float(records["claims_total"].std(ddof=1) / np.sqrt(args.trials)),
        "claims_total_p99": float(np.percentile(records["claims_total"], 99)),
        "defaults_total_mean": float(records["defaults_total"].mean()),
        "p_exhaustion": float((records["exhaustion_year"] > 0).mean()),
    }
    if args.json:
        print(json.dumps(summary))
    else:
        for key, value in summary.items():
            print(f"{key:>20}: {value}")


if __name__ == "__main__":
    main()
