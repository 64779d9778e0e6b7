"""Pool sizing, comparison, sweeps and sensitivity from the command line."""
import csv
import io
import json

import pytest

from poolsim_cli import SCENARIOS, poolsim

SMALL = SCENARIOS / "example-tape.yaml"
HEBEI = SCENARIOS / "hebei-2022.yaml"


def read_csv(path):
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def test_size_reads_the_required_pool_once(tmp_path):
    run = poolsim("size", SMALL, "--ruin", "0.05", "--trials", 3000, "--out", tmp_path / "s", "--quiet",
                  "--format", "json", check=0)
    result = json.loads(run.stdout)
    assert set(result) == {"ruin_probability", "initial_balance", "ci_low", "ci_high", "method", "trials"}
    assert result["method"] == "required-pool-quantile"
    assert result["ci_low"] <= result["initial_balance"] <= result["ci_high"]
    # Run again with that balance on the same random numbers: at most 5% of trials run dry.
    poolsim("run", SMALL, "--trials", 3000, "--set", f"pool.initial_balance={result['initial_balance']}",
            "--out", tmp_path / "check", "--quiet", "--export", "json", check=0)
    check = json.loads((tmp_path / "check" / "results.json").read_text())
    assert check["summary"]["p_exhaustion"]["estimate"] <= 0.05
    document = json.loads((tmp_path / "s" / "results.json").read_text())
    assert document["size"] == result
    assert (tmp_path / "s" / "size.csv").is_file()


def test_size_several_targets_as_a_table(tmp_path):
    run = poolsim("size", HEBEI, "--ruin", "0.05", "--ruin", "0.01", "--trials", 3000, "--out", tmp_path, "--force",
                  "--quiet", check=0)
    lines = run.stdout.splitlines()
    assert lines[0] == "hebei-2022: initial balance for a target ruin probability (yuan)"
    assert lines[3].startswith("5.00%") and lines[4].startswith("1.00%")
    assert "required-pool-quantile" in lines[3]


def test_size_searches_when_coverage_depends_on_the_balance(tmp_path):
    run = poolsim("size", SMALL, "--ruin", "0.05", "--trials", 1500, "--set", "pool.suspend_below=0.01",
                  "--out", tmp_path, "--force", "--quiet", "--format", "json", check=0)
    result = json.loads(run.stdout)
    assert result["method"] == "common-random-number-search"
    quantile = json.loads(poolsim("size", SMALL, "--ruin", "0.05", "--trials", 1500, "--out", tmp_path / "q",
                                  "--quiet", "--format", "json", check=0).stdout)
    # The floor at 1% of the balance hardly binds: both methods agree closely.
    assert result["initial_balance"] == pytest.approx(quantile["initial_balance"], rel=0.01)


def test_compare_pairs_runs_on_the_same_random_numbers(tmp_path):
    run = poolsim("compare", HEBEI, "--stress", "severe-downturn", "--trials", 2000, "--out", tmp_path / "c",
                  "--quiet", "--format", "json", check=0)
    result = json.loads(run.stdout)
    assert [r["metadata"]["stress"] for r in result["runs"]] == [None, "severe-downturn"]
    assert len({r["metadata"]["seed"] for r in result["runs"]}) == 1
    delta = result["deltas"][0]
    assert delta["run"] == "hebei-2022 + severe-downturn" and delta["versus"] == "hebei-2022"
    claims = delta["statistics"]["claims_mean"]
    expected = result["runs"][1]["summary"]["claims_total"]["mean"] - result["runs"][0]["summary"]["claims_total"]["mean"]
    assert claims["difference"] == pytest.approx(expected, rel=1e-9)
    assert claims["ci_low"] < claims["difference"] < claims["ci_high"]
    assert delta["statistics"]["claims_var_99"]["ci_low"] is None
    out = tmp_path / "c"
    assert (out / "compare.csv").is_file() and (out / "analysis.json").is_file() and (out / "report.html").is_file()
    assert (out / "01-hebei-2022" / "results.json").is_file()
    assert (out / "02-hebei-2022-severe-downturn" / "results.json").is_file()


def test_compare_needs_two_columns(tmp_path):
    run = poolsim("compare", SMALL, "--out", tmp_path / "x", check=64)
    assert "compare needs two columns" in run.stderr


def test_sweep_runs_every_combination(tmp_path):
    run = poolsim("sweep", SMALL, "--grid", "pool.initial_balance=1000000,3000000", "--grid",
                  "compensation.ratio=0.5,0.7,0.9", "--trials", 1000, "--out", tmp_path / "w", "--quiet",
                  "--format", "json", check=0)
    result = json.loads(run.stdout)
    assert [p["set"] for p in result["points"]] == [
        {"pool.initial_balance": b, "compensation.ratio": r}
        for b in (1000000, 3000000) for r in (0.5, 0.7, 0.9)]
    claims = [p["summary"]["claims_total"]["mean"] for p in result["points"]]
    # Same random numbers at every point: claims scale exactly with the ratio
    # (no loan reaches the cap at these ratios) and do not depend on the balance.
    assert claims[0:3] == claims[3:6]
    exhaustion = [p["summary"]["p_exhaustion"]["estimate"] for p in result["points"]]
    assert all(small >= large for small, large in zip(exhaustion[0:3], exhaustion[3:6]))
    rows = read_csv(tmp_path / "w" / "sweep.csv")
    assert set(rows[0]) == {"pool.initial_balance", "compensation.ratio", "quantity", "statistic", "value"}
    # The workbook holds the same table, numbers as numbers.
    import openpyxl
    sheet = openpyxl.load_workbook(tmp_path / "w" / "analysis.xlsx").worksheets[0]
    cells = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    assert len(cells) == len(rows)
    for row, values in zip(rows, cells):
        assert values[4] == (float(row["value"]) if row["value"] else None)
        assert isinstance(values[0], (int, float))


def test_sweep_rejects_bad_grids(tmp_path):
    assert "--grid needs PATH=V1,V2" in poolsim("sweep", SMALL, "--grid", "nonsense", check=64).stderr
    bad = poolsim("sweep", SMALL, "--grid", "pool.nope=1,2", "--out", tmp_path / "x", check=65)
    assert "pool.nope" in bad.stderr
    assert not (tmp_path / "x").exists()


def test_sensitivity_tornado(tmp_path):
    run = poolsim("sensitivity", HEBEI, "--trials", 1000, "--out", tmp_path / "t", "--quiet", "--format", "json",
                  check=0)
    result = json.loads(run.stdout)
    assert {p["name"] for p in result["parameters"]} == {"PD", "correlation", "LGD", "compensation ratio", "pool size"}
    swings = [abs(p["high"]["p_exhaustion"] - p["low"]["p_exhaustion"]) for p in result["parameters"]]
    assert swings == sorted(swings, reverse=True)
    assert "interactions" in result["caveat"]
    pd = next(p for p in result["parameters"] if p["name"] == "PD")
    assert pd["low"]["claims_mean"] < result["base"]["claims_mean"] < pd["high"]["claims_mean"]
    table = poolsim("sensitivity", HEBEI, "--trials", 500, "--vary", "pool.initial_balance=80000000,150000000",
                    "--out", tmp_path / "k", "--quiet", check=0).stdout
    assert "pool.initial_balance" in table and "interactions" in table
