"""The results directory read back as its users read it: openpyxl, CSV readers, LibreOffice."""
import csv
import io
import json
import shutil
import subprocess

import pytest

openpyxl = pytest.importorskip("openpyxl")

from conftest import SCENARIO, TRIALS, run_poolsim
from poolsim_cli import libreoffice_csv

STAT_COLUMNS = ["mean", "sd", "mcse", "min", "max"]
PERCENTILES = ["p1", "p5", "p25", "p50", "p75", "p95", "p99", "p99.5", "p99.9"]
BOM = b"\xef\xbb\xbf"


def load(directory):
    return json.loads((directory / "results.json").read_text(encoding="utf-8"))


def stat_values(stat):
    return [stat[c] for c in STAT_COLUMNS] + [stat["percentiles"][p] for p in PERCENTILES]


def same(cell, expected):
    """A cell equals a JSON value exactly: numbers as floats, null as an empty cell."""
    if expected is None:
        return cell is None
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        return isinstance(cell, (int, float)) and float(cell) == float(expected)
    return cell == expected


class Checked:
    """Records which numeric cells a test compared, so none goes unchecked."""

    def __init__(self, sheet):
        self.sheet = sheet
        self.seen = set()

    def expect(self, row, first_column, values):
        for offset, expected in enumerate(values):
            cell = self.sheet.cell(row=row, column=first_column + offset)
            assert same(cell.value, expected), f"{self.sheet.title}!{cell.coordinate}: {cell.value!r} != {expected!r}"
            self.seen.add(cell.coordinate)

    def assert_all_numbers_checked(self):
        numbers = {c.coordinate for row in self.sheet.iter_rows() for c in row
                   if isinstance(c.value, (int, float)) and not isinstance(c.value, bool)}
        assert numbers - self.seen == set(), f"{self.sheet.title}: numbers not compared: {sorted(numbers - self.seen)[:10]}"


@pytest.fixture(scope="module")
def workbook(results_dir):
    return openpyxl.load_workbook(results_dir / "results.xlsx")


def test_sheets(workbook):
    assert workbook.sheetnames == ["Summary", "ByYear", "ByBank", "PoolSize", "Inputs", "Metadata", "Trials"]


def test_summary_sheet_equals_results_json(workbook, results_dir):
    summary = load(results_dir)["summary"]
    sheet = workbook["Summary"]
    checked = Checked(sheet)
    rows = {sheet.cell(row=r, column=1).value: r for r in range(1, sheet.max_row + 1)}
    for key, value in summary.items():
        if isinstance(value, dict) and "mean" in value:
            checked.expect(rows[key], 3, stat_values(value))
    p = summary["p_exhaustion"]
    checked.expect(rows["p_exhaustion (within the horizon)"], 3, [p["estimate"], p["ci_low"], p["ci_high"]])
    for entry in summary["p_exhaustion_by_year"]:
        row = rows[f"p_exhaustion by end of year {entry['year']}"]
        checked.expect(row, 3, [entry["estimate"], entry["ci_low"], entry["ci_high"]])
    for key, label in [("claims_var", "claims_var (value at risk)"), ("claims_es", "claims_es (expected shortfall)")]:
        checked.expect(rows[label], 3, [summary[key][level] for level in ["0.95", "0.99", "0.995"]])
    checked.assert_all_numbers_checked()


def test_by_year_sheet_equals_results_json(workbook, results_dir):
    by_year = load(results_dir)["by_year"]
    sheet = workbook["ByYear"]
    checked = Checked(sheet)
    expected_rows = [(year["year"], quantity, stat) for year in by_year for quantity, stat in year.items() if quantity != "year"]
    assert sheet.max_row == len(expected_rows) + 1
    for row, (year, quantity, stat) in enumerate(expected_rows, start=2):
        checked.expect(row, 1, [year, quantity])
        checked.expect(row, 4, stat_values(stat))
    checked.assert_all_numbers_checked()


def test_by_bank_sheet_equals_results_json(workbook, results_dir):
    by_bank = load(results_dir)["by_bank"]
    sheet = workbook["ByBank"]
    checked = Checked(sheet)
    row = 2
    for bank in by_bank:
        for quantity, value in bank.items():
            if quantity in ("id", "name"):
                continue
            checked.expect(row, 1, [bank["id"], bank["name"], quantity])
            checked.expect(row, 5, stat_values(value) if isinstance(value, dict) else [value])
            row += 1
    checked.assert_all_numbers_checked()


def test_chinese_bank_names_intact(workbook, results_dir):
    names = [bank["name"] for bank in load(results_dir)["by_bank"]]
    assert any("\u4e00" <= ch <= "\u9fff" for name in names for ch in name)
    sheet_names = {workbook["ByBank"].cell(row=r, column=2).value for r in range(2, workbook["ByBank"].max_row + 1)}
    assert set(names) <= sheet_names
    assert "中国建设银行河北省分行 (China Construction Bank, Hebei Branch)" in sheet_names


def test_pool_size_sheet_equals_results_json(workbook, results_dir):
    pool_size = load(results_dir)["pool_size"]
    sheet = workbook["PoolSize"]
    checked = Checked(sheet)
    for row, point in enumerate(pool_size["curve"], start=2):
        checked.expect(row, 1, [point["initial_balance"], point["p_exhaustion"]])
    for row, required in enumerate(pool_size["required"], start=2):
        checked.expect(row, 4, [required["ruin_probability"], required["initial_balance"]])
    checked.assert_all_numbers_checked()


def test_headers_bold_and_frozen(workbook):
    for sheet in workbook:
        assert sheet.freeze_panes == "A2", sheet.title
        header = [cell for cell in sheet[1] if cell.value is not None]
        assert header, sheet.title
        assert all(cell.font.b for cell in header), sheet.title
        assert sheet.column_dimensions["A"].width >= 6, sheet.title


def test_units_in_headers(workbook):
    assert workbook["PoolSize"]["A1"].value == "initial balance (yuan)"
    assert "(probability)" in workbook["PoolSize"]["B1"].value
    assert workbook["Trials"]["C1"].value == "claims_total (yuan)"
    assert workbook["ByYear"]["C1"].value == "unit"


def test_metadata_and_inputs_sheets(workbook, results_dir):
    document = load(results_dir)
    rows = {r[0]: r[1] for r in workbook["Metadata"].iter_rows(min_row=2, values_only=True)}
    for key, value in document["metadata"].items():
        assert key in rows, key
        if isinstance(value, (int, float, str)) and not isinstance(value, bool):
            assert same(rows[key], value), key
    inputs = {r[0]: r[1] for r in workbook["Inputs"].iter_rows(min_row=2, values_only=True)}
    assert inputs["pool.initial_balance"] == document["scenario"]["pool"]["initial_balance"]
    assert inputs["banks[0].name"] == document["scenario"]["banks"][0]["name"]


def test_trials_sheet_equals_trials_csv(workbook, results_dir):
    text = (results_dir / "trials.csv").read_bytes()
    rows = list(csv.reader(io.StringIO(text.decode("utf-8-sig"))))
    sheet = workbook["Trials"]
    assert sheet.max_row == TRIALS + 1 == len(rows)
    for row_number in (2, 3, TRIALS + 1):
        values = [c.value for c in sheet[row_number]]
        expected = [float(v) if v != "" else None for v in rows[row_number - 1]]
        assert [None if v is None else float(v) for v in values] == expected


def read_csv(path):
    data = path.read_bytes()
    assert data.startswith(BOM), f"{path.name} has no byte-order mark"
    return list(csv.DictReader(io.StringIO(data[len(BOM):].decode("utf-8"))))


def test_csv_files_equal_results_json(results_dir):
    document = load(results_dir)
    summary = {(r["quantity"], r["statistic"]): float(r["value"]) for r in read_csv(results_dir / "summary.csv")}
    assert summary[("p_exhaustion", "estimate")] == document["summary"]["p_exhaustion"]["estimate"]
    assert summary[("claims_total", "p99.5")] == document["summary"]["claims_total"]["percentiles"]["p99.5"]
    assert summary[("claims_var", "0.99")] == document["summary"]["claims_var"]["0.99"]
    for entry in document["summary"]["p_exhaustion_by_year"]:
        assert summary[(f"p_exhaustion_year_{entry['year']}", "ci_high")] == entry["ci_high"]

    by_year = read_csv(results_dir / "by_year.csv")
    for row in by_year:
        stat = document["by_year"][int(row["year"]) - 1][row["quantity"]]
        expected = stat["percentiles"][row["statistic"]] if row["statistic"].startswith("p") else stat[row["statistic"]]
        assert float(row["value"]) == expected, row
        assert "e" not in row["value"].lower(), row

    by_bank = read_csv(results_dir / "by_bank.csv")
    banks = {bank["id"]: bank for bank in document["by_bank"]}
    for row in by_bank:
        bank = banks[row["bank"]]
        assert row["name"] == bank["name"]
        value = bank[row["quantity"]]
        if isinstance(value, dict):
            value = value["percentiles"][row["statistic"]] if row["statistic"].startswith("p") else value[row["statistic"]]
        assert float(row["value"]) == value, row

    pool_size = read_csv(results_dir / "pool_size.csv")
    assert [(float(r["initial_balance"]), float(r["p_exhaustion"])) for r in pool_size] == \
        [(p["initial_balance"], p["p_exhaustion"]) for p in document["pool_size"]["curve"]]


def test_trials_csv_has_bom_and_header(results_dir):
    data = (results_dir / "trials.csv").read_bytes()
    assert data.startswith(BOM + b"trial,exhaustion_year,claims_total,")


def test_no_bom_option(poolsim_binary, plain_results_dir, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(plain_results_dir, copy)
    run_poolsim(poolsim_binary, "report", copy, "--no-bom", "--export", "csv")
    for name in ["summary.csv", "by_year.csv", "by_bank.csv", "pool_size.csv"]:
        data = (copy / name).read_bytes()
        assert not data.startswith(BOM), name
        assert data == (plain_results_dir / name).read_bytes()[len(BOM):], name


def test_report_rebuilds_identical_files(poolsim_binary, plain_results_dir, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(plain_results_dir, copy)
    rebuilt = ["summary.csv", "by_year.csv", "by_bank.csv", "pool_size.csv", "results.xlsx", "report.html"]
    for name in rebuilt:
        (copy / name).unlink()
    result = run_poolsim(poolsim_binary, "report", copy)
    assert result.stdout == ""
    for name in rebuilt + ["results.json"]:
        assert (copy / name).read_bytes() == (plain_results_dir / name).read_bytes(), name


def test_report_leaves_trials_csv_alone(poolsim_binary, results_dir, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(results_dir, copy)
    before = (copy / "trials.csv").stat()
    run_poolsim(poolsim_binary, "report", copy)
    after = (copy / "trials.csv").stat()
    assert (before.st_mtime_ns, before.st_size) == (after.st_mtime_ns, after.st_size)
    assert "Trials" not in openpyxl.load_workbook(copy / "results.xlsx").sheetnames


def test_report_help_says_what_it_cannot_rebuild(poolsim_binary):
    text = run_poolsim(poolsim_binary, "report", "--help").stdout
    assert "trials.csv" in text and "per-trial" in text


def test_report_missing_directory_or_file(poolsim_binary, tmp_path):
    result = run_poolsim(poolsim_binary, "report", tmp_path / "nowhere", check=False)
    assert result.returncode == 66 and "no such results directory" in result.stderr
    result = run_poolsim(poolsim_binary, "report", tmp_path, check=False)
    assert result.returncode == 66 and "results.json" in result.stderr


def test_report_invalid_json(poolsim_binary, tmp_path):
    (tmp_path / "results.json").write_text('{"schema_version": 1, "summary": ', encoding="utf-8")
    result = run_poolsim(poolsim_binary, "report", tmp_path, check=False)
    assert result.returncode == 65 and "invalid JSON" in result.stderr
    (tmp_path / "results.json").write_text('{"hello": 1}', encoding="utf-8")
    result = run_poolsim(poolsim_binary, "report", tmp_path, check=False)
    assert result.returncode == 65 and "not a PoolSim results document" in result.stderr


def test_existing_directory_refused_without_force(poolsim_binary, plain_results_dir):
    before = (plain_results_dir / "results.json").read_bytes()
    result = run_poolsim(poolsim_binary, "run", SCENARIO, "--trials", 10, "--out", plain_results_dir, "--quiet", check=False)
    assert result.returncode == 73
    assert "--force" in result.stderr
    assert (plain_results_dir / "results.json").read_bytes() == before


def test_export_chooses_formats(poolsim_binary, tmp_path):
    out = tmp_path / "only-json"
    run_poolsim(poolsim_binary, "run", SCENARIO, "--trials", 50, "--out", out, "--export", "json,xlsx", "--quiet")
    assert sorted(p.name for p in out.iterdir()) == ["results.json", "results.xlsx"]


def test_libreoffice_opens_the_workbook(results_dir, tmp_path):
    rows = list(csv.reader(io.StringIO(libreoffice_csv(results_dir / "results.xlsx", tmp_path))))
    assert rows[0][:3] == ["quantity", "unit", "mean"]
    claims = next(r for r in rows if r and r[0] == "claims_total")
    mean = load(results_dir)["summary"]["claims_total"]["mean"]
    # LibreOffice writes the cell as shown (thousands separators, no decimals).
    assert float(claims[2].replace(",", "")) == pytest.approx(mean, abs=0.5)
