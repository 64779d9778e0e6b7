"""Golden outputs: the same scenario, trials and seed give the same files, byte for byte.

The files under tests-e2e/golden/ were recorded with the poolsim of the commit
that added them. Each case below runs a command again and compares every file
it writes with the recorded one. Three metadata values describe the run itself
and are masked before comparing: created_at, elapsed_seconds and jobs. The
workbooks are compared cell by cell (their zip container holds timestamps).

To record again after an intended change of results (a new PoolSim version):
    POOLSIM=.build/release/poolsim python3 tests-e2e/test_golden.py --record
"""
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

import pytest

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
GOLDEN = HERE / "golden"
HEBEI = "scenarios/hebei-2022.yaml"
TAPE = "scenarios/example-tape.yaml"
DEFAULTS = "tests-e2e/golden/defaults.csv"

# name: (arguments after the binary, with OUT for the output directory; write stdout to stdout.txt)
CASES = {
    "run": (["run", HEBEI, "--trials", "3000", "--seed", "20221", "--per-trial", "--out", "OUT", "--quiet"], True),
    "run-importance": (["run", TAPE, "--trials", "2000", "--seed", "5", "--importance", "auto", "--per-trial",
                        "--out", "OUT", "--quiet", "--format", "json"], True),
    "run-stress": (["run", HEBEI, "--trials", "1000", "--seed", "3", "--stress", "severe-downturn",
                    "--set", "pool.initial_balance=150000000", "--method", "per-loan", "--rng", "taus2",
                    "--out", "OUT", "--quiet"], True),
    "size": (["size", HEBEI, "--ruin", "0.05", "--ruin", "0.01", "--trials", "2000", "--seed", "11",
              "--out", "OUT", "--quiet"], True),
    "size-search": (["size", TAPE, "--ruin", "0.05", "--trials", "1000", "--seed", "13",
                     "--set", "pool.suspend_below=0.5", "--out", "OUT", "--quiet"], True),
    "compare": (["compare", HEBEI, "--stress", "severe-downturn", "--trials", "2000", "--seed", "17",
                 "--out", "OUT", "--quiet"], True),
    "sweep": (["sweep", HEBEI, "--grid", "pool.initial_balance=80000000,150000000",
               "--grid", "pool.shortfall=pro_rata,fifo", "--trials", "1000", "--seed", "19",
               "--out", "OUT", "--quiet"], True),
    "sensitivity": (["sensitivity", HEBEI, "--vary", "pd=0.5,1.5", "--vary", "pool=0.8,1.2",
                     "--vary", "default_model.rho_bank=0.01,0.05", "--trials", "1000", "--seed", "23",
                     "--out", "OUT", "--quiet"], True),
    "replay": (["replay", TAPE, "--defaults", DEFAULTS], True),
    "replay-json": (["replay", TAPE, "--defaults", DEFAULTS, "--format", "json"], True),
}

VOLATILE = re.compile(r'^(\s*"(?:created_at|elapsed_seconds|jobs)": ).*?(,?)$', re.M)
VOLATILE_CELLS = {"created_at", "elapsed_seconds", "jobs"}


def masked(text):
    return VOLATILE.sub(r"\1MASKED\2", text)


def binary():
    return pathlib.Path(os.environ.get("POOLSIM", ROOT / ".build" / "release" / "poolsim"))


def run_case(name, out):
    args, keep_stdout = CASES[name]
    args = [str(out) if a == "OUT" else a for a in args]
    result = subprocess.run([str(binary()), *args], cwd=ROOT, capture_output=True, text=True, timeout=600,
                            env={**os.environ, "LANG": "C.UTF-8", "POOLSIM_LANG": "en"})
    assert result.returncode == 0, f"{name}: exit {result.returncode}\n{result.stderr}"
    out.mkdir(parents=True, exist_ok=True)
    if keep_stdout:
        (out / "stdout.txt").write_text(result.stdout)
    return out


def files(directory):
    return sorted(p.relative_to(directory) for p in directory.rglob("*")
                  if p.is_file() and p.suffix in {".json", ".csv", ".txt", ".xlsx"})


def workbook_values(path):
    import openpyxl
    book = openpyxl.load_workbook(path, read_only=True)
    values = {}
    for sheet in book.worksheets:
        rows = []
        for row in sheet.iter_rows(values_only=True):
            row = list(row)
            if sheet.title == "Metadata" and row and row[0] in VOLATILE_CELLS:
                row[1:] = ["MASKED"]
            rows.append(row)
        values[sheet.title] = rows
    return values


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(name, tmp_path):
    expected = GOLDEN / name
    actual = run_case(name, tmp_path / name)
    assert files(actual) == files(expected), f"{name}: a different set of files"
    for relative in files(expected):
        if relative.suffix == ".xlsx":
            assert workbook_values(actual / relative) == workbook_values(expected / relative), f"{name}/{relative}"
        else:
            got = masked((actual / relative).read_text(encoding="utf-8"))
            want = masked((expected / relative).read_text(encoding="utf-8"))
            assert got == want, f"{name}/{relative} differs from the golden file"


def record():
    for name in CASES:
        target = GOLDEN / name
        if target.exists():
            shutil.rmtree(target)
        with tempfile.TemporaryDirectory() as scratch:
            out = run_case(name, pathlib.Path(scratch) / name)
            for relative in files(out):
                (target / relative).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(out / relative, target / relative)
        print(f"recorded {name}: {len(files(target))} files")


if __name__ == "__main__":
    if sys.argv[1:] != ["--record"]:
        sys.exit("usage: test_golden.py --record")
    record()
