"""Helpers for the end-to-end tests: find and run the poolsim binary."""
import json
import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BINARY = Path(os.environ.get("POOLSIM", ROOT / ".build" / "release" / "poolsim"))
SCENARIOS = ROOT / "scenarios"

# Metadata that describes the run itself and may differ between identical runs.
RUN_METADATA = {"jobs", "created_at", "elapsed_seconds"}
# poolsim-mpi also records how many MPI ranks ran.
RUN_METADATA |= {"mpi_ranks"}


def poolsim(*args, cwd=ROOT, check=None, timeout=600):
    """Runs poolsim; returns the CompletedProcess (text mode)."""
    result = subprocess.run([str(BINARY), *map(str, args)], cwd=cwd, capture_output=True,
                            text=True, timeout=timeout)
    if check is not None:
        assert result.returncode == check, (
            f"exit {result.returncode}, expected {check}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}")
    return result


def results(directory):
    return json.loads((Path(directory) / "results.json").read_text())


def without_run_metadata(document):
    document = json.loads(json.dumps(document))
    for key in RUN_METADATA:
        document["metadata"].pop(key, None)
    return document
