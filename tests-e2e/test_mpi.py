"""`poolsim-mpi` under mpirun: the same results as one poolsim process, whatever the ranks.

The binary is $POOLSIM_MPI_BIN, else .build/release/poolsim-mpi (what `make mpi`
builds). Without it these tests are skipped, except under CI (CI set), where a
missing binary or mpirun fails them.
"""
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from poolsim_cli import ROOT, SCENARIOS, poolsim, results, without_run_metadata

MPI_BINARY = Path(os.environ.get("POOLSIM_MPI_BIN", ROOT / ".build" / "release" / "poolsim-mpi"))
MPIRUN = shutil.which("mpirun")

if not (MPI_BINARY.is_file() and MPIRUN) and not os.environ.get("CI"):
    pytest.skip(f"no poolsim-mpi at {MPI_BINARY} or no mpirun on PATH: build it with `make mpi`",
                allow_module_level=True)

HEBEI = SCENARIOS / "hebei-2022.yaml"
SMALL = SCENARIOS / "example-tape.yaml"
CSV_FILES = ["trials.csv", "summary.csv", "by_year.csv", "by_bank.csv", "pool_size.csv"]
ALL_FILES = {"results.json", "results.xlsx", "report.html", *CSV_FILES}
# Long enough for every failure below to surface, short enough that a hang fails the test.
TIMEOUT = 120


@pytest.fixture(scope="module", autouse=True)
def mpi_available():
    assert MPI_BINARY.is_file(), f"no poolsim-mpi at {MPI_BINARY}: build it with `make mpi` or set POOLSIM_MPI_BIN"
    assert MPIRUN, "no mpirun on PATH: install openmpi-bin (scripts/bootstrap mpi)"


def mpirun(ranks, *args, env=None, timeout=TIMEOUT, program=None):
    """Runs poolsim-mpi (or `program`) on `ranks` ranks from the repository root."""
    command = [MPIRUN, "--allow-run-as-root", "--oversubscribe", "-np", str(ranks)]
    for name, value in (env or {}).items():
        command += ["-x", f"{name}={value}"]
    command += program or [str(MPI_BINARY)]
    return subprocess.run([*command, *map(str, args)], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout)


def check(process, code=0):
    assert process.returncode == code, (
        f"exit {process.returncode}, expected {code}\nstdout:\n{process.stdout}\nstderr:\n{process.stderr}")
    return process


_single = {}


def single_process(tmp_path_factory, scenario, trials):
    """One poolsim run of `scenario`, shared by the tests that compare with it."""
    key = (scenario, trials)
    if key not in _single:
        out = tmp_path_factory.mktemp("single") / scenario.stem
        run = poolsim("run", scenario, "--trials", trials, "--per-trial", "--jobs", 1, "--out", out, check=0)
        _single[key] = (out, run.stdout)
    return _single[key]


def assert_same_run(single, stdout, out, ranks):
    reference, reference_stdout = single
    document = results(out)
    assert document["metadata"]["mpi_ranks"] == ranks
    assert without_run_metadata(document) == without_run_metadata(results(reference))
    for name in CSV_FILES:
        assert (out / name).read_bytes() == (reference / name).read_bytes(), name
    # Only rank 0 writes and prints: the same files and the summary once, no temporary files.
    assert {p.name for p in out.iterdir()} == ALL_FILES
    assert stdout == reference_stdout


@pytest.mark.parametrize("ranks", [1, 2, 3])
@pytest.mark.parametrize("scenario", [SMALL, HEBEI], ids=["example-tape", "hebei-2022"])
def test_run_is_identical_to_one_process(tmp_path, tmp_path_factory, scenario, ranks):
    single = single_process(tmp_path_factory, scenario, 3500)  # 4 blocks, the last one partial
    out = tmp_path / "mpi"
    run = check(mpirun(ranks, "run", scenario, "--trials", 3500, "--per-trial", "--jobs", 1, "--out", out))
    assert_same_run(single, run.stdout, out, ranks)
    assert "results written to" in run.stderr


def test_more_ranks_than_blocks(tmp_path, tmp_path_factory):
    # Two blocks on three ranks: rank 2 has none.
    single = single_process(tmp_path_factory, SMALL, 1500)
    out = tmp_path / "mpi"
    run = check(mpirun(3, "run", SMALL, "--trials", 1500, "--per-trial", "--jobs", 1, "--out", out, "--quiet"))
    assert_same_run(single, run.stdout, out, 3)


def test_gather_in_many_rounds(tmp_path, tmp_path_factory):
    # A gather larger than one round (MPI counts are 32-bit) goes in rounds; force many small ones.
    single = single_process(tmp_path_factory, HEBEI, 3500)
    out = tmp_path / "mpi"
    run = check(mpirun(3, "run", HEBEI, "--trials", 3500, "--per-trial", "--jobs", 2, "--out", out, "--quiet",
                       env={"POOLSIM_MPI_GATHER_DOUBLES": 1000}))
    assert_same_run(single, run.stdout, out, 3)


def test_importance_sampling_weights_travel_with_their_trials(tmp_path):
    # Every rank tunes the same tilt on the same pilot streams; the weights are gathered with the trials.
    args = ["run", HEBEI, "--set", "pool.initial_balance=300000000", "--importance", "auto", "--trials", 3000,
            "--per-trial", "--jobs", 1, "--quiet", "--export", "csv,json"]
    single = poolsim(*args, "--out", tmp_path / "single", check=0)
    run = check(mpirun(3, *args, "--out", tmp_path / "mpi"))
    assert run.stdout == single.stdout
    assert "importance" in results(tmp_path / "mpi")["metadata"]
    assert without_run_metadata(results(tmp_path / "mpi")) == without_run_metadata(results(tmp_path / "single"))
    for name in CSV_FILES:
        assert (tmp_path / "mpi" / name).read_bytes() == (tmp_path / "single" / name).read_bytes(), name


def test_sweep_on_two_ranks_is_identical(tmp_path):
    grid = ["--grid", "pool.initial_balance=80000000,110000000,150000000"]
    args = ["sweep", SMALL, *grid, "--trials", 2500, "--jobs", 1, "--quiet"]
    single = poolsim(*args, "--out", tmp_path / "single", check=0)
    run = check(mpirun(2, *args, "--out", tmp_path / "mpi"))
    assert run.stdout == single.stdout
    names = {p.name for p in (tmp_path / "single").iterdir()}
    assert {p.name for p in (tmp_path / "mpi").iterdir()} == names
    for name in names:
        assert (tmp_path / "mpi" / name).read_bytes() == (tmp_path / "single" / name).read_bytes(), name


def test_size_decides_alike_on_three_ranks(tmp_path):
    args = ["size", HEBEI, "--ruin", 0.05, "--ruin", 0.01, "--trials", 2500, "--jobs", 1, "--quiet",
            "--export", "csv,json"]
    single = poolsim(*args, "--out", tmp_path / "single", check=0)
    run = check(mpirun(3, *args, "--out", tmp_path / "mpi"))
    assert run.stdout == single.stdout
    assert (tmp_path / "mpi" / "size.csv").read_bytes() == (tmp_path / "single" / "size.csv").read_bytes()
    assert without_run_metadata(results(tmp_path / "mpi")) == without_run_metadata(results(tmp_path / "single"))


def test_version_and_help_print_once():
    version = check(mpirun(2, "--version"))
    assert version.stdout == poolsim("--version", check=0).stdout
    help_text = check(mpirun(2, "run", "--help"))
    assert help_text.stdout.count("USAGE:") == 1
    assert "USAGE: poolsim-mpi run" in help_text.stdout


def test_invalid_scenario_exits_65(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: [\n")
    run = check(mpirun(2, "run", bad, "--out", tmp_path / "out"), 65)
    assert "error:" in run.stderr
    assert not (tmp_path / "out").exists()


def test_usage_error_exits_64():
    run = check(mpirun(2, "run", "--no-such-option"), 64)
    assert "Unknown option '--no-such-option'" in run.stderr


def test_a_rank_that_fails_on_its_own_fails_the_job_with_its_reason(tmp_path):
    # Rank 1 alone cannot read its scenario: the job ends with rank 1's exit code and message.
    script = ('scenario=scenarios/hebei-2022.yaml; '
              'if [ "$OMPI_COMM_WORLD_RANK" = 1 ]; then scenario=/nonexistent/scenario.yaml; fi; '
              f'exec "{MPI_BINARY}" run "$scenario" --trials 200000 --jobs 1 --quiet --out "{tmp_path / "out"}"')
    started = time.monotonic()
    run = mpirun(2, program=["sh", "-c", script])
    assert run.returncode == 66, run.stderr
    assert "rank 1" in run.stderr and "/nonexistent/scenario.yaml" in run.stderr
    assert time.monotonic() - started < 60


def test_a_rank_that_dies_does_not_hang_the_others(tmp_path):
    script = ('if [ "$OMPI_COMM_WORLD_RANK" = 1 ]; then exit 3; fi; '
              f'exec "{MPI_BINARY}" run scenarios/hebei-2022.yaml --trials 200000 --jobs 1 --quiet '
              f'--out "{tmp_path / "out"}"')
    run = mpirun(2, program=["sh", "-c", script], timeout=60)
    # mpirun reports the first rank to exit non-zero and passes on its code.
    assert run.returncode == 3, run.stderr
    assert "non-zero" in run.stderr


def rank_zero_of(out):
    """The pid of rank 0 of the poolsim-mpi job writing to `out`, once it runs."""
    for _ in range(200):
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                command = (entry / "cmdline").read_bytes().split(b"\0")
                environment = (entry / "environ").read_bytes().split(b"\0")
            except OSError:
                continue
            if (command and command[0].endswith(b"poolsim-mpi") and str(out).encode() in command
                    and b"OMPI_COMM_WORLD_RANK=0" in environment):
                return int(entry.name)
        time.sleep(0.05)
    raise AssertionError("rank 0 never started")


def test_interrupting_rank_zero_stops_every_rank_and_keeps_finished_blocks(tmp_path):
    out = tmp_path / "mpi"
    command = [MPIRUN, "--allow-run-as-root", "--oversubscribe", "-np", "2", str(MPI_BINARY), "run", str(HEBEI),
               "--trials", "2000000", "--jobs", "1", "--per-trial", "--export", "csv,json", "--quiet",
               "--out", str(out)]
    job = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        rank_zero = rank_zero_of(out)
        time.sleep(1.5)
        os.kill(rank_zero, signal.SIGINT)
        stdout, stderr = job.communicate(timeout=TIMEOUT)
    finally:
        if job.poll() is None:
            job.kill()
            job.wait()
    assert job.returncode == 130, stderr
    document = results(out)
    assert document["metadata"]["stop_reason"] == "interrupted"
    finished = document["metadata"]["trials"]
    assert 0 < finished < 2_000_000 and finished % 1000 == 0
    # The finished trials are the first blocks of the run, as one process computes them.
    single = tmp_path / "single"
    poolsim("run", HEBEI, "--trials", finished, "--per-trial", "--export", "csv", "--quiet", "--out", single, check=0)
    assert (out / "trials.csv").read_bytes() == (single / "trials.csv").read_bytes()
