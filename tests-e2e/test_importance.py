"""`--importance auto` from the command line."""
import json

from poolsim_cli import SCENARIOS, poolsim, results, without_run_metadata

HEBEI = SCENARIOS / "hebei-2022.yaml"
RARE = ["--set", "pool.initial_balance=360000000"]


def test_importance_sampling_records_how_and_how_well(tmp_path):
    run = poolsim("run", HEBEI, "--trials", 5000, "--importance", "auto", *RARE, "--out", tmp_path / "r",
                  "--per-trial", "--export", "json,csv", "--quiet", check=0)
    document = results(tmp_path / "r")
    importance = document["metadata"]["importance"]
    assert importance["method"].startswith("cross-entropy")
    assert importance["levels"][-1] == 0
    assert importance["degenerate"] is False
    assert importance["variance_reduction"] > 3
    assert 0.5 < importance["mean_weight"] < 2
    p = document["summary"]["p_exhaustion"]
    assert 0 < p["ci_low"] < p["estimate"] < p["ci_high"] < 0.01
    header = (tmp_path / "r" / "trials.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.endswith(",weight")
    assert "P(pool exhausted within the horizon)" in run.stdout


def test_importance_sampling_is_reproducible_across_jobs(tmp_path):
    for jobs in (1, 2):
        poolsim("run", HEBEI, "--trials", 3000, "--importance", "auto", *RARE, "--jobs", jobs,
                "--out", tmp_path / str(jobs), "--export", "json", "--quiet", check=0)
    assert without_run_metadata(results(tmp_path / "1")) == without_run_metadata(results(tmp_path / "2"))


def test_size_with_importance_sampling_reads_weighted_quantiles(tmp_path):
    run = poolsim("size", HEBEI, "--ruin", "0.001", "--trials", 5000, "--importance", "auto",
                  "--out", tmp_path / "s", "--quiet", "--format", "json", check=0)
    result = json.loads(run.stdout)
    assert result["method"] == "required-pool-quantile"
    assert result["ci_low"] <= result["initial_balance"] <= result["ci_high"]
    assert 250e6 < result["initial_balance"] < 500e6


def test_degenerate_weights_are_reported(tmp_path):
    # A pool so large that no pilot trial comes near running dry leaves too
    # few weighted exhausted trials to trust.
    run = poolsim("run", HEBEI, "--trials", 1000, "--importance", "auto", "--set", "pool.initial_balance=5000000000",
                  "--out", tmp_path / "d", "--export", "json", check=0)
    assert "warning: importance sampling is degenerate" in run.stderr
    assert results(tmp_path / "d")["metadata"]["importance"]["degenerate"] is True


def test_importance_mode_is_checked(tmp_path):
    stderr = poolsim("run", HEBEI, "--importance", "yes", check=64).stderr
    assert "'yes' is invalid for '--importance" in stderr and "'auto' and 'off'" in stderr
