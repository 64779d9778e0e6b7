"""`poolsim run` end to end: files, reproducibility, exit codes, interruption."""
import json
import signal
import subprocess
import time

import pytest

from poolsim_cli import BINARY, ROOT, SCENARIOS, poolsim, results, without_run_metadata

SMALL = SCENARIOS / "example-tape.yaml"


def test_bundled_scenario_runs_and_writes_every_file(tmp_path):
    out = tmp_path / "hebei"
    run = poolsim("run", "--trials", 3000, "--out", out, "--per-trial", check=0)
    assert "seed 20220126" in run.stderr
    assert run.stdout.startswith("hebei-2022: 3,000 trials, seed 20220126")
    assert "P(pool exhausted within the horizon):" in run.stdout
    for name in ["results.json", "summary.csv", "by_year.csv", "by_bank.csv", "pool_size.csv",
                 "trials.csv", "results.xlsx", "report.html"]:
        assert (out / name).is_file(), name
    document = results(out)
    assert document["schema_version"] == 1
    assert document["metadata"]["trials"] == 3000
    assert document["metadata"]["seed"] == 20220126
    assert document["metadata"]["stop_reason"] == "completed"
    assert [bank["id"] for bank in document["by_bank"]] == [
        "ccb-hebei", "boc-hebei", "icbc-hebei", "psbc-hebei", "bank-of-hebei", "huaxia-sjz"]
    # No temporary files are left behind.
    assert not [p for p in out.iterdir() if ".tmp-" in p.name]


def test_results_do_not_depend_on_jobs(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    poolsim("run", SMALL, "--trials", 4500, "--jobs", 1, "--out", one, "--per-trial", "--quiet", check=0)
    poolsim("run", SMALL, "--trials", 4500, "--jobs", 2, "--out", two, "--per-trial", "--quiet", check=0)
    assert without_run_metadata(results(one)) == without_run_metadata(results(two))
    for name in ["trials.csv", "summary.csv", "by_year.csv", "by_bank.csv", "pool_size.csv"]:
        assert (one / name).read_bytes() == (two / name).read_bytes(), name


def test_same_seed_repeats_and_another_seed_differs(tmp_path):
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    for out, seed in [(a, 5), (b, 5), (c, 6)]:
        poolsim("run", SMALL, "--trials", 2000, "--seed", seed, "--out", out, "--per-trial", "--quiet",
                "--export", "csv,json", check=0)
    assert (a / "trials.csv").read_bytes() == (b / "trials.csv").read_bytes()
    assert (a / "trials.csv").read_bytes() != (c / "trials.csv").read_bytes()
    assert without_run_metadata(results(a)) == without_run_metadata(results(b))


def test_json_on_stdout_is_the_results_document(tmp_path):
    run = poolsim("run", SMALL, "--trials", 1000, "--out", tmp_path / "r", "--format", "json", "--quiet", check=0)
    assert json.loads(run.stdout) == results(tmp_path / "r")


def test_trials_csv_columns(tmp_path):
    poolsim("run", SMALL, "--trials", 1200, "--out", tmp_path, "--force", "--per-trial", "--quiet",
            "--export", "csv", check=0)
    lines = (tmp_path / "trials.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == ("trial,exhaustion_year,claims_total,paid_total,unpaid_total,loss_total,"
                        "defaults_total,end_balance,required_pool,claims_ccb-hebei,claims_bank-of-hebei")
    assert len(lines) == 1201
    for line in lines[1:]:
        fields = line.split(",")
        claims, paid, unpaid = float(fields[2]), float(fields[3]), float(fields[4])
        assert paid <= claims + 1e-6
        assert abs(claims - paid - unpaid) <= 1e-6 * max(1.0, claims)
        assert abs(claims - float(fields[9]) - float(fields[10])) <= 1e-6 * max(1.0, claims)
        assert "e" not in line.lower()


def test_existing_directory_is_refused_without_force(tmp_path):
    poolsim("run", SMALL, "--trials", 500, "--out", tmp_path / "r", "--quiet", check=0)
    before = (tmp_path / "r" / "results.json").read_bytes()
    refused = poolsim("run", SMALL, "--trials", 600, "--out", tmp_path / "r", "--quiet", check=73)
    assert "exists; use --force" in refused.stderr
    assert (tmp_path / "r" / "results.json").read_bytes() == before
    poolsim("run", SMALL, "--trials", 600, "--out", tmp_path / "r", "--quiet", "--force", check=0)
    assert results(tmp_path / "r")["metadata"]["trials"] == 600


@pytest.mark.parametrize("args, code, message", [
    (["run", "missing.yaml"], 66, "missing.yaml: error: no such file"),
    (["run", SMALL, "--rng", "nope"], 64, "'nope' is invalid for '--rng <NAME>'. Please provide one of the following:\n  - mt19937\n  - taus2"),
    (["run", SMALL, "--trials", "0"], 64, "--trials must be at least 1"),
    (["run", SMALL, "--export", "pdf"], 64, "'pdf' is invalid for '--export <LIST>'. Please provide one of 'csv', 'xlsx', 'json' or 'html'"),
    (["run", SMALL, "--export", "csv,pdf"], 64, "'csv,pdf' is invalid for '--export <LIST>'"),
    (["run", SMALL, "--method", "fast"], 64, "'fast' is invalid for '--method <METHOD>'. Please provide one of 'grouped' and 'per-loan'"),
    (["run", SMALL, "--format", "yaml"], 64, "'yaml' is invalid for '--format <FORMAT>'. Please provide one of 'table' and 'json'"),
    (["size", SMALL, "--ruin", "0.01", "--importance", "on"], 64, "Please provide one of 'auto' and 'off'"),
    (["replay", SMALL, "--defaults", "x.csv", "--rng", "nope"], 64, "'nope' is invalid for '--rng <NAME>'"),
    (["run", SMALL, "--set", "pool.initial_balance=1e300"], 65, "initial_balance must be in [0, 10¹⁵], got 1e+300"),
    (["run", SMALL, "--set", "pool.initial_balance=-5"], 65, "error:"),
    (["run", SMALL, "--stress", "nope"], 65, "severe-downturn"),
])
def test_bad_input_exit_codes(tmp_path, args, code, message):
    run = poolsim(*args, "--out", tmp_path / "never", check=code)
    assert message in run.stderr
    assert not (tmp_path / "never").exists()


def test_the_largest_amounts_run_and_print(tmp_path):
    """Amounts up to the validated maximum go through the engine, the table and the report."""
    run = poolsim("run", SMALL, "--trials", 200, "--set", "pool.initial_balance=1e15", "--out", tmp_path / "big",
                  "--quiet", check=0)
    assert "1,000,000,000,000,000" in run.stdout
    assert (tmp_path / "big" / "report.html").exists()


def test_unknown_rng_is_listed_and_other_generators_run(tmp_path):
    run = poolsim("run", SMALL, "--trials", 500, "--rng", "taus2", "--out", tmp_path, "--force",
                  "--quiet", "--export", "json", check=0)
    assert results(tmp_path)["metadata"]["rng"] == "taus2"


def test_interrupt_keeps_finished_blocks(tmp_path):
    out = tmp_path / "r"
    process = subprocess.Popen([str(BINARY), "run", "--trials", "2000000", "--out", str(out), "--export", "json,csv"],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # Wait until some blocks have finished, then press Ctrl-C.
    deadline = time.time() + 120
    while time.time() < deadline:
        time.sleep(0.5)
        if process.poll() is not None:
            break
        if time.time() > deadline - 118:
            process.send_signal(signal.SIGINT)
            break
    stdout, stderr = process.communicate(timeout=300)
    assert process.returncode == 130, stderr
    assert "interrupted" in stderr
    document = results(out)
    assert document["metadata"]["stop_reason"] == "interrupted"
    assert document["metadata"]["trials_requested"] == 2000000
    assert 0 < document["metadata"]["trials"] < 2000000
    assert document["metadata"]["trials"] % 1000 == 0
    assert "(interrupted)" in stdout
