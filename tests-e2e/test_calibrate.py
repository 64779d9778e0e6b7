"""`poolsim calibrate`: PDs and correlations from a default history, bad input, --apply and --report."""
import json
import re

import pytest
import yaml

from poolsim_cli import SCENARIOS, poolsim

SCENARIO = SCENARIOS / "hebei-2022.yaml"

# Two of the bundled scenario's banks over ten years, spread more than binomial.
HISTORY = "year,bank,loans,defaults\n" + "".join(
    f"{2014 + k},ccb-hebei,300,{d}\n{2014 + k},boc-hebei,200,{e}\n"
    for k, (d, e) in enumerate([(3, 2), (12, 7), (5, 1), (9, 6), (2, 2), (15, 9), (6, 3), (4, 4), (10, 5), (7, 2)]))


def write(tmp_path, text, name="history.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def estimates(tmp_path_factory):
    history = write(tmp_path_factory.mktemp("calibrate"), HISTORY)
    run = poolsim("calibrate", history, "--format", "json", check=0)
    return json.loads(run.stdout)


def test_json_has_the_documented_keys(estimates):
    assert list(estimates) == ["method", "common_pd", "years", "banks", "observations", "log_likelihood",
                               "rho_global", "rho_bank", "pd", "moments", "warnings", "nodes"]
    assert estimates["method"] == "mle" and estimates["years"] == 10 and estimates["banks"] == 2
    assert estimates["observations"] == 20
    for key in ("rho_global", "rho_bank"):
        assert list(estimates[key]) == ["estimate", "se", "ci_low", "ci_high", "at_boundary"]
        rho = estimates[key]
        assert rho["ci_low"] <= rho["estimate"] <= rho["ci_high"]
    assert [pd["bank"] for pd in estimates["pd"]] == ["ccb-hebei", "boc-hebei"]
    ccb = estimates["pd"][0]
    assert list(ccb) == ["bank", "estimate", "se", "ci_low", "ci_high", "observed_rate"]
    assert ccb["observed_rate"] == pytest.approx(73 / 3000, rel=1e-12)
    assert ccb["ci_low"] == pytest.approx(max(0, ccb["estimate"] - 1.959963984540054 * ccb["se"]), rel=1e-9)
    assert estimates["moments"]["pd"] == pytest.approx(114 / 5000, rel=1e-12)


def test_common_pd_gives_every_bank_one_estimate(tmp_path):
    history = write(tmp_path, HISTORY)
    document = json.loads(poolsim("calibrate", history, "--common-pd", "--format", "json", check=0).stdout)
    assert document["common_pd"] is True
    assert document["pd"][0]["estimate"] == document["pd"][1]["estimate"]


def test_table_in_both_languages(tmp_path):
    history = write(tmp_path, HISTORY)
    english = poolsim("calibrate", history, "--lang", "en", check=0)
    assert "ccb-hebei" in english.stdout and "Fitting 2 banks over 10 years" in english.stderr
    chinese = poolsim("calibrate", history, "--lang", "zh", check=0)
    assert "ccb-hebei" in chinese.stdout and "正在拟合 2 家银行 10 年的数据" in chinese.stderr


def test_one_year_is_one_year(tmp_path):
    history = write(tmp_path, "year,bank,loans,defaults\n2020,ccb-hebei,300,6\n2020,boc-hebei,200,5\n")
    english = poolsim("calibrate", history, "--lang", "en", check=0)
    assert "Fitting 2 banks over 1 year (2 bank-years)" in english.stderr


@pytest.mark.parametrize("text, line, column, message", [
    ("year,bank,loans,defaults\n2016,ccb,212,3.5\n", 2, 14, "defaults must be a whole number, got '3.5'"),
    ("year,bank,loans,defaults\n2016,ccb,212,-1\n", 2, 14, "defaults must not be negative, got -1"),
    ("year,bank,loans,defaults\n2016,ccb,0,0\n", 2, 10, "loans must be at least 1, got 0"),
    ("year,bank,loans,defaults\n2016,ccb,10,11\n", 2, 13, "defaults (11) are more than loans (10)"),
    ("year,bank,loans,defaults\n2016,ccb,10,1\n2016,ccb,12,2\n", 3, 6, "bank 'ccb' has a second row for 2016"),
    ("year,bank,loans\n2016,ccb,10\n", 1, None, "defaults"),
    ("", None, None, "the history is empty"),
    ("year,bank,loans,defaults\n", None, None, "the history is empty"),
    ("year,bank,loans,defaults\n2016,ccb,10,0\n2017,ccb,12,0\n", None, None, "no loan of the history defaulted"),
    ("year,bank,loans,defaults\n2016,ccb,10,10\n", None, None, "every loan of the history defaulted"),
    ("year,bank,loans,defaults\n2016,ccb,10,1\n2016,boc,12,0\n2017,boc,9,0\n", 3, 6,
     "bank 'boc' has no defaults in any year"),
])
def test_bad_history_is_located_and_exits_65(tmp_path, text, line, column, message):
    history = write(tmp_path, text)
    run = poolsim("calibrate", history, check=65)
    assert message in run.stderr
    location = str(history) + (f":{line}" if line else "") + (f":{column}" if column else "")
    assert re.search(re.escape(location) + r"(:\d+)?: error: ", run.stderr), run.stderr
    assert run.stdout == ""


def test_bad_history_in_chinese(tmp_path):
    history = write(tmp_path, "year,bank,loans,defaults\n2016,ccb,10,11\n")
    run = poolsim("calibrate", history, "--lang", "zh", check=65)
    assert f"{history}:2:13: 错误：违约笔数（11）多于贷款笔数（10）" in run.stderr


def test_a_bank_without_defaults_fits_with_a_common_pd(tmp_path):
    text = "year,bank,loans,defaults\n" + "".join(
        f"{2014 + k},ccb-hebei,300,{d}\n{2014 + k},boc-hebei,200,0\n" for k, d in enumerate([3, 12, 5, 9, 2, 15, 6, 4]))
    history = write(tmp_path, text)
    poolsim("calibrate", history, check=65)
    document = json.loads(poolsim("calibrate", history, "--common-pd", "--format", "json", check=0).stdout)
    assert document["pd"][0]["estimate"] == document["pd"][1]["estimate"] > 0


def test_missing_history_exits_66(tmp_path):
    run = poolsim("calibrate", tmp_path / "none.csv", check=66)
    assert "none.csv" in run.stderr


def test_apply_needs_out_and_out_needs_apply(tmp_path):
    history = write(tmp_path, HISTORY)
    assert "--apply needs --out" in poolsim("calibrate", history, "--apply", SCENARIO, check=64).stderr
    assert "--out names where --apply" in poolsim("calibrate", history, "--out", tmp_path / "x.yaml", check=64).stderr


def test_apply_writes_a_scenario_that_validates_and_runs(tmp_path, estimates):
    history = write(tmp_path, HISTORY)
    out = tmp_path / "calibrated.yaml"
    run = poolsim("calibrate", history, "--apply", SCENARIO, "--out", out, "--format", "json", check=0)
    assert json.loads(run.stdout)["rho_global"] == estimates["rho_global"]
    assert f"written to {out}" in run.stderr
    # Banks of the scenario without history keep their PDs, with a warning each.
    assert "bank 'icbc-hebei' has no rows in the history" in run.stderr
    text = out.read_text(encoding="utf-8")
    header = " ".join(line[2:] for line in text.split("\n#\n")[0].splitlines())
    assert re.match(r"Calibrated with `poolsim calibrate` from " + re.escape(str(history)) + r" on \d{4}-\d{2}-\d{2}:",
                    header), header
    assert "# Source: Hebei Daily, 2022-05-25" in text  # the scenario's own comments are kept

    new = yaml.safe_load(text)
    old = yaml.safe_load(SCENARIO.read_text(encoding="utf-8"))
    model = new["default_model"]
    assert model["rho_global"] == pytest.approx(estimates["rho_global"]["estimate"], rel=5e-6)
    assert model["rho_bank"] == pytest.approx(estimates["rho_bank"]["estimate"], rel=5e-6)
    assert model["rho_sector"] == old["default_model"]["rho_sector"]
    fitted = {pd["bank"]: pd["estimate"] for pd in estimates["pd"]}
    for bank, before in zip(new["banks"], old["banks"]):
        segments = bank["segments"]
        mean = sum(s["pd"] * s["loans_per_year"] for s in segments) / sum(s["loans_per_year"] for s in segments)
        if bank["id"] in fitted:
            assert mean == pytest.approx(fitted[bank["id"]], rel=5e-6)
        else:
            assert [s["pd"] for s in segments] == [s["pd"] for s in before["segments"]]
    # Every other key as it was.
    for scenario in (new, old):
        scenario["default_model"].pop("rho_global"), scenario["default_model"].pop("rho_bank")
        for bank in scenario["banks"]:
            for segment in bank["segments"]:
                segment.pop("pd")
    assert new == old

    poolsim("validate", out, check=0)
    result = tmp_path / "run"
    poolsim("run", out, "--trials", 300, "--quiet", "--out", result, "--export", "json", check=0)
    assert json.loads((result / "results.json").read_text())["metadata"]["trials"] == 300


def test_apply_refuses_to_overwrite_and_loses_nothing(tmp_path):
    history = write(tmp_path, HISTORY)
    out = write(tmp_path, "precious\n", "calibrated.yaml")
    run = poolsim("calibrate", history, "--apply", SCENARIO, "--out", out, check=73)
    assert "--force" in run.stderr
    assert out.read_text() == "precious\n"
    poolsim("calibrate", history, "--apply", SCENARIO, "--out", out, "--force", check=0)
    assert out.read_text().startswith("# Calibrated")


def test_apply_to_an_invalid_scenario_writes_nothing(tmp_path):
    history = write(tmp_path, HISTORY)
    bad = write(tmp_path, "schema_version: 1\nname: broken\n", "bad.yaml")
    out = tmp_path / "calibrated.yaml"
    run = poolsim("calibrate", history, "--apply", bad, "--out", out, check=65)
    assert f"{bad}:" in run.stderr and "error" in run.stderr
    assert not out.exists()
    assert not list(tmp_path.glob(".calibrated.yaml.tmp*"))


def test_history_banks_missing_from_the_scenario_are_warned_about(tmp_path):
    history = write(tmp_path, HISTORY.replace("boc-hebei", "elsewhere-bank"))
    run = poolsim("calibrate", history, "--apply", SCENARIO, "--out", tmp_path / "new.yaml", check=0)
    assert re.search(re.escape(str(history)) + r":3:\d+: warning: bank 'elsewhere-bank' is not in the scenario",
                     run.stderr), run.stderr


def test_report_writes_page_workbook_and_tables(tmp_path, estimates):
    history = write(tmp_path, HISTORY)
    report = tmp_path / "report"
    run = poolsim("calibrate", history, "--report", report, check=0)
    assert f"results written to {report}" in run.stderr
    assert sorted(p.name for p in report.iterdir()) == ["analysis.json", "analysis.xlsx", "estimates.csv",
                                                         "observed.csv", "profile.csv", "report.html"]
    document = json.loads((report / "analysis.json").read_text())
    assert document["rho_global"] == estimates["rho_global"] and document["pd"] == estimates["pd"]
    page = (report / "report.html").read_text(encoding="utf-8")
    assert page.count("<svg") >= 4  # a rate chart per bank, a profile per correlation
    observed = (report / "observed.csv").read_text(encoding="utf-8-sig").splitlines()
    assert observed[0] == "bank,year,loans,defaults,rate,band_low,band_high"
    assert len(observed) == 21
    import openpyxl
    sheet = openpyxl.load_workbook(report / "analysis.xlsx")["observed"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert rows[0][:4] == ("ccb-hebei", 2014, 300, 3) and all(isinstance(v, (int, float)) for v in rows[0][4:])
    assert all(low <= high for *_, low, high in rows)
    # An existing report directory is kept unless --force.
    assert "--force" in poolsim("calibrate", history, "--report", report, check=73).stderr
