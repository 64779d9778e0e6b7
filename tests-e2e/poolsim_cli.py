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


def libreoffice_csv(workbook, outdir):
    """The first sheet of `workbook` as LibreOffice converts it to CSV (UTF-8); the test fails in CI
    and is skipped elsewhere when LibreOffice is not installed (scripts/bootstrap office installs it)."""
    import shutil
    import pytest
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice is not installed (scripts/bootstrap office installs it)")
        pytest.skip("LibreOffice (soffice) is not installed")
    result = subprocess.run(
        [office, f"-env:UserInstallation=file://{Path(outdir) / 'profile'}", "--headless", "--convert-to",
         "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", str(outdir), str(workbook)],
        capture_output=True, text=True, timeout=300)
    converted = Path(outdir) / (Path(workbook).stem + ".csv")
    assert converted.is_file(), f"LibreOffice did not convert the workbook:\n{result.stdout}\n{result.stderr}"
    return converted.read_text(encoding="utf-8")
