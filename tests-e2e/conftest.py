"""Shared fixtures of the end-to-end tests: the poolsim binary and results directories.

The binary is $POOLSIM, else .build/release/poolsim (what `make e2e` builds).
"""
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
SCENARIO = ROOT / "scenarios" / "hebei-2022.yaml"
TRIALS = 2000


@pytest.fixture(scope="session")
def poolsim_binary():
    path = pathlib.Path(os.environ.get("POOLSIM", ROOT / ".build" / "release" / "poolsim"))
    if not path.is_file():
        pytest.fail(f"no poolsim binary at {path}: build it (make release) or set POOLSIM")
    return path


def run_poolsim(binary, *args, check=True):
    """Runs poolsim from the repository root; returns the finished process."""
    result = subprocess.run([str(binary), *map(str, args)], cwd=ROOT, capture_output=True, text=True, timeout=600)
    if check and result.returncode != 0:
        raise AssertionError(f"poolsim {' '.join(map(str, args))} exited {result.returncode}:\n{result.stderr}")
    return result


@pytest.fixture(scope="session")
def results_dir(poolsim_binary, tmp_path_factory):
    """The bundled scenario, run once per session with per-trial rows."""
    out = tmp_path_factory.mktemp("results") / "hebei-2022"
    run_poolsim(poolsim_binary, "run", SCENARIO, "--trials", TRIALS, "--per-trial", "--out", out, "--quiet")
    return out


@pytest.fixture(scope="session")
def plain_results_dir(poolsim_binary, tmp_path_factory):
    """The bundled scenario without per-trial rows: everything `poolsim report` can rebuild."""
    out = tmp_path_factory.mktemp("plain") / "hebei-2022"
    run_poolsim(poolsim_binary, "run", SCENARIO, "--trials", TRIALS, "--out", out, "--quiet")
    return out
