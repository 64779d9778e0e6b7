"""`poolsim replay`: a given list of defaults through the pool rules, no randomness."""
import json

import pytest

from poolsim_cli import SCENARIOS, poolsim

SCENARIO = SCENARIOS / "example-tape.yaml"


def write(tmp_path, text, name="defaults.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_table_year_by_year(tmp_path):
    # CCB-2022-001: 2.5M at mean LGD 0.6 → loss 1.5M, claim 60% = 900,000.
    # CCB-2022-003: 0.8M at LGD 0.9 → loss 720,000, claim 432,000. Year 1 claims 1,332,000.
    defaults = write(tmp_path, "year,loan_id,lgd\n1,CCB-2022-001,\n1,CCB-2022-003,0.9\n")
    run = poolsim("replay", SCENARIO, "--defaults", defaults, check=0)
    lines = run.stdout.splitlines()
    year1 = next(line for line in lines if line.startswith("1 "))
    assert "10,000,000" in year1 and "1,332,000" in year1 and "8,668,000" in year1
    assert "exhaustion year: none" in run.stdout
    assert "required pool: 1,332,000" in run.stdout


def test_json_is_one_trial(tmp_path):
    defaults = write(tmp_path, "year,loan_id,lgd\n1,CCB-2022-001,\n1,CCB-2022-003,0.9\n")
    document = json.loads(poolsim("replay", SCENARIO, "--defaults", defaults, "--format", "json", check=0).stdout)
    assert document["metadata"]["trials"] == 1
    summary = document["summary"]
    assert summary["claims_total"]["mean"] == 1332000
    assert summary["claims_total"]["sd"] == 0
    assert summary["defaults_total"]["mean"] == 2
    assert summary["p_exhaustion"]["estimate"] == 0
    assert document["pool_size"]["required"][0]["initial_balance"] == 1332000
    ccb = document["by_bank"][0]
    assert ccb["id"] == "ccb-hebei" and ccb["claims"]["mean"] == 1332000


@pytest.mark.parametrize("ccb_time, boh_time, ccb_paid, boh_paid", [
    ("0.9", "0.1", 100000, 900000),
    ("0.1", "0.9", 1000000, 0),
])
def test_fifo_pays_in_time_order_when_the_pool_runs_short(tmp_path, ccb_time, boh_time, ccb_paid, boh_paid):
    # Pool of 1,000,000. CCB-2022-001 claims 60% × 2.5M = 1.5M; the Bank of Hebei
    # loan claims 60% × 1.5M = 900,000. The earlier default is paid first.
    defaults = write(tmp_path, "year,loan_id,lgd,time\n"
                     f"1,CCB-2022-001,1,{ccb_time}\n1,bank-of-hebei-new-credit-1-1,1,{boh_time}\n")
    document = json.loads(poolsim("replay", SCENARIO, "--defaults", defaults, "--set", "pool.initial_balance=1000000",
                                  "--format", "json", check=0).stdout)
    assert document["summary"]["paid_total"]["mean"] == 1000000
    assert document["summary"]["p_exhaustion"]["estimate"] == 1
    paid = {bank["id"]: bank["paid"]["mean"] for bank in document["by_bank"]}
    assert paid == {"ccb-hebei": ccb_paid, "bank-of-hebei": boh_paid}


def test_errors_point_at_the_line(tmp_path):
    defaults = write(tmp_path, "\n".join([
        "year,loan_id,lgd",
        "1,CCB-2022-01,",
        "9,CCB-2022-003,0.9",
        "1,CCB-2024-002,1.5",
        "1,CCB-2022-005,0.4",
        "1,CCB-2022-005,0.4",
    ]) + "\n")
    run = poolsim("replay", SCENARIO, "--defaults", defaults, check=65)
    assert run.stdout == ""
    assert run.stderr.splitlines() == [
        f"{defaults}:2:3: error: unknown loan 'CCB-2022-01' (loan_id)",
        "  hint: did you mean 'CCB-2022-001'?",
        f"{defaults}:3:1: error: year must be in [1, 3] (the horizon), got 9 (year)",
        f"{defaults}:4:1: error: loan 'CCB-2024-002' is at risk in year 3 only, not in year 1 (year)",
        f"{defaults}:4:16: error: lgd must be a number in [0, 1] or empty, got \"1.5\" (lgd)",
        f"{defaults}:6:3: error: loan 'CCB-2022-005' defaults twice (loan_id)",
        "  hint: its first default is on line 5",
    ]


def test_missing_defaults_file(tmp_path):
    run = poolsim("replay", SCENARIO, "--defaults", tmp_path / "none.csv", check=66)
    assert "none.csv: error: no such file" in run.stderr


def test_uncovered_default_is_a_warning(tmp_path):
    # CCB's NPL ratio in year 1 exceeds 1%, so its loans originated in years 2 and 3
    # are not covered: the year-3 default makes no claim.
    defaults = write(tmp_path, "year,loan_id,lgd\n1,CCB-2022-001,\n3,CCB-2024-002,0.5\n")
    run = poolsim("replay", SCENARIO, "--defaults", defaults, "--set", "compensation.suspend_npl_above=0.01",
                  "--set", "compensation.suspension_years=2", check=0)
    assert (f"{defaults}:3: warning: loan 'CCB-2024-002' was not covered in year 3; its default makes no claim (loan_id)"
            in run.stderr)
    assert "defaults 1, loss 1,500,000, claims 900,000" in run.stdout
