"""`poolsim serve` through its JSON API (WEB.md): every job kind gives what the command line gives,
progress events, cancel, restart, SIGTERM, downloads, and every security case of the contract."""
import csv
import http.client
import io
import json
import os
import re
import signal
import subprocess
import threading
import time

import openpyxl
import pytest

from poolsim_cli import ROOT, SCENARIOS
from web_server import BINARY, FINAL, free_port, start_server, web_server  # noqa: F401 (fixtures)

HEBEI = SCENARIOS / "hebei-2022.yaml"
TAPE = SCENARIOS / "example-tape.yaml"
# What describes one execution rather than its results (WEB.md: "less created_at, elapsed_seconds, jobs").
VOLATILE = {"created_at", "elapsed_seconds", "jobs"}
# A run long enough to be caught in progress (hebei-2022 does some 50,000 trials a second on two cores);
# every test that starts one stops it.
LONG_TRIALS = 10_000_000
# How long a listener may wait for the end of a stream.
STOP_LISTENING = 60
DEFAULTS_CSV = "year,loan_id,lgd\n1,CCB-2022-001,\n1,CCB-2022-003,0.9\n"


def masked(document):
    """The document without the keys that differ between two identical runs, at any depth."""
    if isinstance(document, dict):
        return {key: masked(value) for key, value in document.items() if key not in VOLATILE}
    if isinstance(document, list):
        return [masked(value) for value in document]
    return document


def cli_json(*args, cwd=ROOT):
    """What the command prints with --format json (run in `cwd`)."""
    result = subprocess.run([str(BINARY), *map(str, args), "--format", "json"], cwd=cwd, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, f"poolsim {' '.join(map(str, args))} exited {result.returncode}:\n{result.stderr}"
    return json.loads(result.stdout)


def run_to_end(server, body, timeout=300):
    run_id = server.start_run(body)
    document = server.wait(run_id, timeout=timeout)
    return run_id, document


# Each job kind, as a request body and as the command line's arguments (written to `tmp`).
def kinds(tmp):
    defaults = tmp / "defaults.csv"
    defaults.write_text(DEFAULTS_CSV, encoding="utf-8")
    simulation = lambda trials, seed: ["--trials", trials, "--seed", seed, "--quiet", "--out", tmp / "out", "--force"]
    return {
        "run": ({"kind": "run", "scenario": {"name": "hebei-2022"}, "trials": 2000, "seed": 7,
                 "set": {"pool.initial_balance": 200000000}},
                ["run", HEBEI, "--set", "pool.initial_balance=200000000", *simulation(2000, 7)]),
        "size": ({"kind": "size", "scenario": {"name": "example-tape"}, "ruin": [0.05, 0.01], "trials": 3000, "seed": 11},
                 ["size", TAPE, "--ruin", "0.05", "--ruin", "0.01", *simulation(3000, 11)]),
        "compare": ({"kind": "compare", "scenarios": [{"name": "hebei-2022"}], "stresses": ["severe-downturn"],
                     "trials": 2000, "seed": 5},
                    ["compare", HEBEI, "--stress", "severe-downturn", *simulation(2000, 5)]),
        "sweep": ({"kind": "sweep", "scenario": {"name": "hebei-2022"},
                   "grid": {"pool.initial_balance": [100000000, 200000000]}, "trials": 1000, "seed": 3},
                  ["sweep", HEBEI, "--grid", "pool.initial_balance=100000000,200000000", *simulation(1000, 3)]),
        "sensitivity": ({"kind": "sensitivity", "scenario": {"name": "example-tape"}, "trials": 1000, "seed": 3},
                        ["sensitivity", TAPE, *simulation(1000, 3)]),
        "replay": ({"kind": "replay", "scenario": {"name": "example-tape"}, "defaults": DEFAULTS_CSV},
                   ["replay", TAPE, "--defaults", defaults.name]),  # run in tmp: the file's name as uploaded
    }


@pytest.fixture(scope="module")
def finished_run(web_server):
    """A small run of hebei-2022, finished: (id, its run document)."""
    return run_to_end(web_server, {"kind": "run", "scenario": {"name": "hebei-2022"}, "trials": 2000, "seed": 7,
                                   "set": {"pool.initial_balance": 200000000}})


# Each job kind


@pytest.mark.parametrize("kind", ["run", "size", "compare", "sweep", "sensitivity", "replay"])
def test_each_kind_gives_what_the_command_line_prints(web_server, tmp_path, kind):
    body, args = kinds(tmp_path)[kind]
    run_id, document = run_to_end(web_server, body)
    assert document["status"] == "done", document
    assert document["kind"] == kind and document["id"] == run_id
    assert "result" in document, document
    assert masked(document["result"]) == masked(cli_json(*args, cwd=tmp_path))
    listed = {run["id"]: run for run in web_server.get("/api/runs").json()}
    assert listed[run_id]["kind"] == kind and listed[run_id]["status"] == "done"


def test_runs_listed_newest_first(web_server, finished_run):
    runs = web_server.get("/api/runs").json()
    assert runs, runs
    for run in runs:
        assert set(run) >= {"id", "kind", "scenario", "status", "created_at", "trials"}
    keys = [(run["created_at"], run["id"]) for run in runs]
    assert keys == sorted(keys, reverse=True)
    first = next(run for run in runs if run["id"] == finished_run[0])
    assert first["scenario"] == "hebei-2022" and first["trials"] == 2000


def test_health_and_scenarios(web_server):
    health = web_server.get("/api/health").json()
    assert health["status"] == "ok" and health["version"] and health["gsl_version"]
    scenarios = {entry["name"]: entry for entry in web_server.get("/api/scenarios").json()}
    assert scenarios["hebei-2022"]["file"] == "hebei-2022.yaml"
    assert scenarios["hebei-2022"]["description"]
    scenario = web_server.get("/api/scenarios/hebei-2022").json()
    assert scenario["name"] == "hebei-2022" and scenario["format"] == "yaml"
    assert scenario["text"] == HEBEI.read_text(encoding="utf-8")
    assert web_server.get("/api/scenarios/no-such-scenario").status == 404


def test_validate(web_server):
    good = web_server.post("/api/validate", {"text": HEBEI.read_text(encoding="utf-8"), "format": "yaml"})
    assert good.status == 200 and good.json()["ok"] is True
    text = HEBEI.read_text(encoding="utf-8").replace("  ratio: 0.7\n", "  ratio: 1.7\n", 1)
    bad = web_server.post("/api/validate", {"text": text, "format": "yaml"})
    assert bad.status == 200, bad
    result = bad.json()
    assert result["ok"] is False
    errors = [d for d in result["diagnostics"] if d["severity"] == "error"]
    assert any(d["path"] == "compensation.ratio" for d in errors), errors
    line = next(n for n, l in enumerate(text.splitlines(), start=1) if l == "  ratio: 1.7")
    assert any(d["line"] == line for d in errors), errors


# Progress, cancel, restart, SIGTERM


def test_progress_events_then_done(web_server):
    trials = 200_000
    run_id = web_server.start_run({"kind": "run", "scenario": {"name": "hebei-2022"}, "trials": trials, "seed": 3})
    events = list(web_server.events(run_id, timeout=300))
    names = [name for name, _ in events]
    assert names[-1] == "done", names
    assert names.count("done") == 1 and set(names) <= {"progress", "done"}, names
    progress = [data for name, data in events if name == "progress"]
    assert progress, names
    for data in progress:
        assert set(data) >= {"trials_done", "rate", "p_exhaustion", "ci_low", "ci_high"}, data
        assert 0 < data["trials_done"] <= trials and data["rate"] > 0
        assert 0 <= data["ci_low"] <= data["p_exhaustion"] <= data["ci_high"] <= 1, data
    document = web_server.run(run_id)
    assert document["status"] == "done"
    assert document["progress"] == {"trials_done": trials, "trials": trials}
    estimate = document["result"]["summary"]["p_exhaustion"]["estimate"]
    if progress[-1]["trials_done"] == trials:
        assert progress[-1]["p_exhaustion"] == pytest.approx(estimate)


def test_progress_never_goes_backwards(web_server):
    run_id = web_server.start_run({"kind": "run", "scenario": {"name": "hebei-2022"}, "trials": 200_000, "seed": 5})
    done = [data["trials_done"] for name, data in web_server.events(run_id, timeout=300) if name == "progress"]
    backwards = [(done[k - 1], done[k]) for k in range(1, len(done)) if done[k] < done[k - 1]]
    assert not backwards, backwards[:5]


def test_events_of_a_finished_run_end_at_once(web_server, finished_run):
    events = list(web_server.events(finished_run[0], timeout=30))
    assert events and events[-1][0] == "done", events


def test_cancel(web_server):
    long_id = web_server.start_run({"kind": "run", "scenario": {"name": "hebei-2022"}, "trials": LONG_TRIALS, "seed": 1})
    try:
        # A second run waits behind the first (one worker): cancelling it removes it from the queue.
        queued_id = web_server.start_run({"kind": "run", "scenario": {"name": "hebei-2022"}, "trials": 1000})
        assert web_server.run(queued_id)["status"] == "queued"
        assert web_server.delete(f"/api/runs/{queued_id}").status == 202
        queued = web_server.wait(queued_id, timeout=10)
        assert queued["status"] == "cancelled" and "result" not in queued

        web_server.first_progress(long_id)
        assert web_server.run(long_id)["status"] == "running"
        response = web_server.delete(f"/api/runs/{long_id}")
        assert response.status == 202, response
    finally:
        web_server.delete(f"/api/runs/{long_id}")
    document = web_server.wait(long_id, timeout=60)
    assert document["status"] == "cancelled", document
    metadata = document["result"]["metadata"]
    assert metadata["stop_reason"] == "interrupted"
    assert 0 < metadata["trials"] < LONG_TRIALS
    assert document["progress"]["trials_done"] < LONG_TRIALS
    saved = web_server.get(f"/api/runs/{long_id}/files/results.json").json()
    assert saved["metadata"]["trials"] == metadata["trials"]
    events = list(web_server.events(long_id, timeout=30))
    assert events[-1][0] == "cancelled", events[-3:]
    # Only a queued or running run can be cancelled.
    assert web_server.delete(f"/api/runs/{long_id}").status == 409
    assert web_server.delete("/api/runs/20000101-000000-abcdef").status == 404


def test_restart_lists_the_runs_again(start_server, tmp_path):
    results = tmp_path / "kept"
    first = start_server(results=results)
    run_id, before = run_to_end(first, {"kind": "run", "scenario": {"name": "example-tape"}, "trials": 1000, "seed": 2})
    size_id, size_before = run_to_end(first, {"kind": "size", "scenario": {"name": "example-tape"}, "ruin": [0.05],
                                              "trials": 1000, "seed": 2})
    assert before["status"] == size_before["status"] == "done"
    listed_before = first.get("/api/runs").json()
    assert first.stop() == 0

    second = start_server(results=results)
    assert second.get("/api/runs").json() == listed_before
    for rid, earlier in [(run_id, before), (size_id, size_before)]:
        after = second.run(rid)
        assert after["status"] == "done"
        assert after["result"] == earlier["result"]
    assert second.get(f"/api/runs/{run_id}/files/summary.csv").status == 200
    # The restarted server runs new work too.
    _, again = run_to_end(second, {"kind": "run", "scenario": {"name": "example-tape"}, "trials": 1000, "seed": 2})
    assert masked(again["result"]) == masked(before["result"])


def test_sigterm_during_a_run_marks_it_interrupted(start_server, tmp_path):
    results = tmp_path / "kept"
    server = start_server(results=results)
    run_id = server.start_run({"kind": "run", "scenario": {"name": "hebei-2022"}, "trials": LONG_TRIALS, "seed": 4})
    server.first_progress(run_id)
    started = time.monotonic()
    assert server.stop() == 0, server.log()
    print(f"\nSIGTERM during a run: the server exited in {time.monotonic() - started:.2f} s")

    folder = results / "web" / run_id
    assert json.loads((folder / "run.json").read_text())["listing"]["status"] == "interrupted"
    written = json.loads((folder / "results.json").read_text())
    assert written["metadata"]["stop_reason"] == "interrupted"
    assert 0 < written["metadata"]["trials"] < LONG_TRIALS

    restarted = start_server(results=results)
    document = restarted.run(run_id)
    assert document["status"] == "interrupted"
    assert document["result"] == written
    assert [run["status"] for run in restarted.get("/api/runs").json() if run["id"] == run_id] == ["interrupted"]
    events = list(restarted.events(run_id, timeout=30))
    assert events[-1][0] == "interrupted", events


def test_sigterm_with_a_listener_still_interrupts_the_run(start_server, tmp_path):
    results = tmp_path / "kept"
    server = start_server(results=results)
    run_id = server.start_run({"kind": "run", "scenario": {"name": "hebei-2022"}, "trials": LONG_TRIALS, "seed": 4})
    server.first_progress(run_id)
    heard = []

    def listen():
        try:
            for name, _ in server.events(run_id, timeout=STOP_LISTENING):
                heard.append(name)
        except Exception as error:  # the connection dropped: heard last
            heard.append(repr(error))

    listener = threading.Thread(target=listen, daemon=True)
    listener.start()
    time.sleep(0.5)
    server.process.send_signal(signal.SIGTERM)
    try:
        status = server.process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()  # it no longer accepts connections, but simulates on
        raise AssertionError("no exit within 20 s of SIGTERM while a client listened to the run's events")
    assert status == 0
    assert json.loads((results / "web" / run_id / "run.json").read_text())["listing"]["status"] == "interrupted"
    listener.join(timeout=10)
    assert heard and heard[-1] == "interrupted", heard[-5:]


# Downloads


def test_downloads(web_server, finished_run):
    run_id, document = finished_run
    estimate = document["result"]["summary"]["p_exhaustion"]["estimate"]

    workbook_response = web_server.get(f"/api/runs/{run_id}/files/results.xlsx")
    assert workbook_response.status == 200
    assert workbook_response.header("Content-Type") == \
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert "attachment" in workbook_response.header("Content-Disposition")
    workbook = openpyxl.load_workbook(io.BytesIO(workbook_response.body))
    assert "Summary" in workbook.sheetnames
    sheet = workbook["Summary"]
    rows = {sheet.cell(row=r, column=1).value: r for r in range(1, sheet.max_row + 1)}
    row = next(r for label, r in rows.items() if isinstance(label, str) and label.startswith("p_exhaustion"))
    cell = sheet.cell(row=row, column=3)
    assert isinstance(cell.value, float) and cell.data_type == "n", (cell.coordinate, cell.value, cell.data_type)
    assert cell.value == pytest.approx(estimate)
    numbers = [c.value for r in sheet.iter_rows() for c in r if c.data_type == "n" and c.value is not None]
    assert len(numbers) >= 10
    strings_that_are_numbers = [c.value for r in sheet.iter_rows(min_col=2) for c in r
                                if isinstance(c.value, str) and re.fullmatch(r"-?[\d,]+(\.\d+)?(e-?\d+)?", c.value)]
    assert not strings_that_are_numbers, strings_that_are_numbers

    summary = web_server.get(f"/api/runs/{run_id}/files/summary.csv")
    assert summary.status == 200 and summary.header("Content-Type").startswith("text/csv")
    rows = list(csv.reader(io.StringIO(summary.body.decode("utf-8-sig"))))
    assert len(rows) >= 2 and len(rows[0]) >= 2
    assert all(len(row) == len(rows[0]) for row in rows), rows

    report = web_server.get(f"/api/runs/{run_id}/files/report.html")
    assert report.status == 200 and report.header("Content-Type").startswith("text/html")
    assert report.text.lstrip().lower().startswith("<!doctype html>")
    assert "</html>" in report.text

    results = web_server.get(f"/api/runs/{run_id}/files/results.json")
    assert results.status == 200 and results.json() == document["result"]
    assert web_server.get(f"/api/runs/{run_id}/files/no-such-file.txt").status == 404


# Security


def test_non_loopback_host_without_token_is_refused(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "POOLSIM_TOKEN"}
    for host in ["0.0.0.0", "192.0.2.1", "::"]:
        result = subprocess.run([str(BINARY), "serve", "--host", host, "--port", str(free_port()),
                                 "--results", str(tmp_path / "r"), "--scenarios", str(SCENARIOS)],
                                capture_output=True, text=True, timeout=30, env=env)
        assert result.returncode == 64, (host, result.returncode, result.stderr)
        assert "token" in result.stderr.lower(), result.stderr
    env["POOLSIM_TOKEN"] = ""
    result = subprocess.run([str(BINARY), "serve", "--host", "0.0.0.0", "--port", str(free_port()),
                             "--results", str(tmp_path / "r"), "--scenarios", str(SCENARIOS)],
                            capture_output=True, text=True, timeout=30, env=env)
    assert result.returncode == 64, result.stderr


def test_empty_token_is_no_token(tmp_path):
    # 192.0.2.1 (TEST-NET-1) is not an address of this machine: a server that wrongly accepts it cannot listen.
    result = subprocess.run([str(BINARY), "serve", "--host", "192.0.2.1", "--port", str(free_port()), "--token", "",
                             "--results", str(tmp_path / "r"), "--scenarios", str(SCENARIOS)],
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 64, (result.returncode, result.stderr)


def test_token(start_server):
    token = "s3cret-token-for-the-e2e-test"
    server = start_server("--token", token)
    server.token = token
    finished, _ = run_to_end(server, {"kind": "run", "scenario": {"name": "example-tape"}, "trials": 500})
    server.token = None

    requests = [
        ("GET", "/api/scenarios", None),
        ("GET", "/api/scenarios/hebei-2022", None),
        ("POST", "/api/validate", {"text": "schema_version: 1\n"}),
        ("GET", "/api/runs", None),
        ("GET", f"/api/runs/{finished}", None),
        ("GET", f"/api/runs/{finished}/events", None),
        ("GET", f"/api/runs/{finished}/files/summary.csv", None),
        ("POST", "/api/runs", {"kind": "run", "scenario": {"name": "example-tape"}, "trials": 500}),
        ("DELETE", f"/api/runs/{finished}", None),
    ]
    for method, path, body in requests:
        for headers in [{}, {"Authorization": "Bearer wrong"}, {"Authorization": token},
                        {"Authorization": f"Basic {token}"}]:
            response = server.request(method, path, body=body, headers=headers)
            assert response.status == 401, (method, path, headers, response)
            assert "error" in response.json()
    expected = {"POST /api/runs": 202, "DELETE": 409}
    for method, path, body in requests:
        response = server.request(method, path, body=body, headers={"Authorization": f"Bearer {token}"})
        want = expected.get(f"{method} {path}", expected.get(method, 200))
        assert response.status == want, (method, path, response)
    assert server.get("/api/health").status == 200
    # A page without the token leads to the login form.
    page = server.get("/")
    assert page.status == 200 and 'name="token"' in page.text, page
    assert finished not in page.text
    # The token never reaches the log.
    server.token = token
    server.wait(server.get("/api/runs").json()[0]["id"], timeout=120)
    assert token not in server.log()


def test_text_scenario_cannot_read_a_tape_without_uploading_it(web_server, tmp_path):
    text = TAPE.read_text(encoding="utf-8")
    assert "loan_tape: example-tape.csv" in text
    body = {"kind": "run", "scenario": {"text": text, "format": "yaml"}, "trials": 1000, "seed": 9}
    refused = web_server.post("/api/runs", body)
    assert refused.status == 400, refused
    diagnostics = refused.json()["diagnostics"]
    assert any(d["path"] == "loan_tape" and d["severity"] == "error" for d in diagnostics), diagnostics
    # Nor any other file of the server.
    for path in ["/etc/passwd", "../../../../etc/passwd", str(TAPE.with_suffix(".csv"))]:
        other = web_server.post("/api/runs", {**body, "scenario": {
            "text": text.replace("loan_tape: example-tape.csv", f"loan_tape: {path}"), "format": "yaml"}})
        assert other.status == 400, (path, other)
        assert any(d["path"] == "loan_tape" for d in other.json()["diagnostics"]), (path, other)
    validated = web_server.post("/api/validate", {"text": text, "format": "yaml"}).json()
    assert validated["ok"] is False and any(d["path"] == "loan_tape" for d in validated["diagnostics"])

    tape = (SCENARIOS / "example-tape.csv").read_text(encoding="utf-8")
    run_id, document = run_to_end(web_server, {**body, "loan_tape": tape})
    assert document["status"] == "done", document
    expected = cli_json("run", TAPE, "--trials", 1000, "--seed", 9, "--quiet", "--out", tmp_path / "out")
    assert masked(document["result"])["summary"] == masked(expected)["summary"]
    assert masked(document["result"])["by_bank"] == masked(expected)["by_bank"]
    # The upload is the tape, whatever the key names.
    validated = web_server.post("/api/validate", {"text": text, "format": "yaml", "loan_tape": tape}).json()
    assert validated["ok"] is True, validated


TRAVERSALS = [
    "/api/runs/{id}/files/..%2Fsecret.txt",
    "/api/runs/{id}/files/..%2F..%2Fsecret.txt",
    "/api/runs/{id}/files/%2e%2e%2Fsecret.txt",
    "/api/runs/{id}/files/%2E%2E%2F%2E%2E%2Fsecret.txt",
    "/api/runs/{id}/files/%2e%2e%252Fsecret.txt",
    "/api/runs/{id}/files/..%5Csecret.txt",
    "/api/runs/{id}/files/../secret.txt",
    "/api/runs/{id}/files/../../secret.txt",
    "/api/runs/{id}/files/..",
    "/api/runs/{id}/files/%2e%2e",
    "/api/runs/{id}/files/.",
    "/api/runs/{id}/files/{secret_abs}",
    "/api/runs/{id}/files/{secret_abs_encoded}",
    "/api/runs/{id}/files/%2Fetc%2Fpasswd",
    "/api/runs/{id}/files//etc/passwd",
    "/api/runs/{id}/files/run.json",
    "/api/runs/{id}/files/summary.csv%00.txt",
    "/api/runs/{id}/files/%252e%252e%252fsecret.txt",
    "/api/runs/..%2Fsecret.txt",
    "/api/runs/..%2F..%2Fsecret.txt/files/x",
    "/api/runs/%2e%2e/files/secret.txt",
    "/api/runs/%2E%2E/files/secret.txt",
    "/api/runs/../files/secret.txt",
    "/api/runs/..%2F/files/secret.txt",
    "/api/runs/{id}%2F..%2F..%2F/files/secret.txt",
    "/api/runs/{id}%2F..%2F{id}/files/summary.csv",
    "/api/runs/%2Ftmp/files/secret.txt",
    "/api/runs/{id}/files/%2E%2E%2Fweb%2F{id}%2Fsummary.csv",
    "/runs/..%2Fsecret.txt",
    "/runs/%2e%2e",
    "/runs/{id}%2F..%2F..%2Fsecret.txt",
    "/static/..%2F..%2Fsecret.txt",
    "/static/%2e%2e/secret.txt",
    "/api/scenarios/..%2F..%2Fsecret.txt",
    "/api/scenarios/%2Fetc%2Fpasswd",
    "/api/scenarios/..%2Fscenarios%2Fhebei-2022",
]


def test_path_traversal_is_404(web_server, finished_run):
    run_id = finished_run[0]
    secret = "SECRET-OUTSIDE-THE-RUN"
    for folder in [web_server.results, web_server.results / "web"]:
        (folder / "secret.txt").write_text(secret, encoding="utf-8")
    secret_abs = str(web_server.results / "secret.txt")
    for template in TRAVERSALS:
        path = template.format(id=run_id, secret_abs=secret_abs.lstrip("/"),
                               secret_abs_encoded=secret_abs.replace("/", "%2F"))
        connection = http.client.HTTPConnection("127.0.0.1", web_server.port, timeout=30)
        try:
            connection.request("GET", path)  # sent as written: no normalisation on the way
            response = connection.getresponse()
            body = response.read()
        finally:
            connection.close()
        assert response.status == 404, (path, response.status, body[:200])
        assert secret.encode() not in body and b"root:" not in body, path
    assert web_server.get(f"/api/runs/{run_id}/files/summary.csv").status == 200


def test_body_above_16_mib_is_413(web_server):
    big = json.dumps({"kind": "replay", "scenario": {"name": "example-tape"},
                      "defaults": "x" * (16 * 1024 * 1024)}).encode()
    assert len(big) > 16 * 1024 * 1024
    for chunked in [False, True]:
        connection = http.client.HTTPConnection("127.0.0.1", web_server.port, timeout=60)
        try:
            try:
                if chunked:
                    pieces = (big[k:k + (1 << 20)] for k in range(0, len(big), 1 << 20))
                    connection.request("POST", "/api/runs", body=pieces, encode_chunked=True,
                                       headers={"Content-Type": "application/json", "Transfer-Encoding": "chunked"})
                else:
                    connection.request("POST", "/api/runs", body=big, headers={"Content-Type": "application/json"})
            except (BrokenPipeError, ConnectionResetError):
                pass  # the server may answer and close before the whole body is sent
            response = connection.getresponse()
            status, body = response.status, response.read()
        finally:
            connection.close()
        assert status == 413, (chunked, status, body[:200])
        assert "error" in json.loads(body)
    response = web_server.post("/api/validate", json.dumps({"text": "x" * (16 * 1024 * 1024)}).encode())
    assert response.status == 413, response
    # A body of exactly 16 MiB (a small run, padded with white space) is read and run.
    body = json.dumps({"kind": "run", "scenario": {"name": "example-tape"}, "trials": 100}).encode()
    body += b" " * (16 * 1024 * 1024 - len(body))
    response = web_server.post("/api/runs", body, headers={"Content-Type": "application/json"})
    assert response.status == 202, response
    assert web_server.wait(response.json()["id"], timeout=120)["status"] == "done"
    response = web_server.post("/api/runs", body + b" ", headers={"Content-Type": "application/json"})
    assert response.status == 413, response


def test_trials_above_max_trials_is_400(start_server):
    server = start_server("--max-trials", "5000")
    body = {"kind": "run", "scenario": {"name": "example-tape"}, "seed": 1}
    for kind_body in [body, {**body, "kind": "size", "ruin": [0.05]},
                      {**body, "kind": "compare", "scenarios": [{"name": "example-tape"}]}]:
        response = server.post("/api/runs", {**kind_body, "trials": 5001})
        assert response.status == 400, response
        assert "trials" in response.json()["error"]
    run_id, document = run_to_end(server, {**body, "trials": 5000})
    assert document["status"] == "done" and document["result"]["metadata"]["trials"] == 5000
    assert server.get("/api/runs").json()[0]["id"] == run_id


def test_scenario_trials_above_max_trials_is_400(start_server):
    server = start_server("--max-trials", "5000")
    # example-tape's own trial count is 20,000; a text scenario may say anything.
    text = TAPE.read_text(encoding="utf-8").replace("trials: 20000", "trials: 9000000")
    for scenario in [{"name": "example-tape"}, {"text": text, "format": "yaml"}]:
        response = server.post("/api/runs", {"kind": "run", "scenario": scenario, "seed": 1,
                                             "loan_tape": (SCENARIOS / "example-tape.csv").read_text()})
        if response.status == 202:
            server.delete(f"/api/runs/{response.json()['id']}")
        assert response.status == 400 and "trials" in response.json()["error"], (scenario.keys(), response)


@pytest.mark.parametrize("body, field", [
    (b"{not json", "body"),
    (b"", "body"),
    (b"[1, 2]", "body"),
    (b'{"kind": "run", "scenario": {"name": "hebei-2022"}, "trials": 100', "body"),
    (b'{"kind": 5, "scenario": {"name": "hebei-2022"}}', "kind"),
    (b'{"kind": "simulate", "scenario": {"name": "hebei-2022"}}', "kind"),
    (b'{"scenario": {"name": "hebei-2022"}}', "kind"),
    (b'{"kind": "run", "scenario": {"name": "hebei-2022"}, "trials": "many"}', "trials"),
    (b'{"kind": "run", "scenario": {"name": "hebei-2022"}, "trials": 1.5}', "trials"),
    (b'{"kind": "run", "scenario": {"name": "hebei-2022"}, "trials": 0}', "trials"),
    (b'{"kind": "run", "scenario": {"name": "hebei-2022"}, "trials": -5}', "trials"),
    (b'{"kind": "run", "scenario": {"name": "hebei-2022"}, "seed": "seven"}', "seed"),
    (b'{"kind": "run", "scenario": {"name": "hebei-2022"}, "seed": -1}', "seed"),
    (b'{"kind": "run", "scenario": "hebei-2022"}', "scenario"),
    (b'{"kind": "run"}', "scenario"),
    (b'{"kind": "run", "scenario": {"name": 7}}', "scenario"),
    (b'{"kind": "run", "scenario": {"name": "no-such-scenario"}}', "scenario"),
    (b'{"kind": "run", "scenario": {"name": "hebei-2022"}, "set": [1]}', "set"),
    (b'{"kind": "run", "scenario": {"name": "hebei-2022"}, "stress": 3}', "stress"),
    (b'{"kind": "run", "scenario": {"name": "hebei-2022"}, "importance": "sometimes"}', "importance"),
    (b'{"kind": "size", "scenario": {"name": "hebei-2022"}, "ruin": "0.05"}', "ruin"),
    (b'{"kind": "size", "scenario": {"name": "hebei-2022"}, "ruin": ["x"]}', "ruin"),
    (b'{"kind": "sweep", "scenario": {"name": "hebei-2022"}, "grid": {"pool.initial_balance": 5}}', "grid"),
    (b'{"kind": "compare", "scenarios": {"name": "hebei-2022"}}', "scenarios"),
    (b'{"kind": "compare", "scenarios": [{"name": "hebei-2022"}], "stresses": "severe-downturn"}', "stresses"),
    (b'{"kind": "replay", "scenario": {"name": "example-tape"}, "defaults": 12}', "defaults"),
    (b'{"kind": "replay", "scenario": {"name": "example-tape"}}', "defaults"),
    (b'{"kind": "run", "scenario": {"name": "example-tape"}, "loan_tape": ["a"]}', "loan_tape"),
])
def test_malformed_or_mistyped_body_is_400_naming_the_field(web_server, body, field):
    response = web_server.post("/api/runs", body, headers={"Content-Type": "application/json"})
    assert response.status == 400, response
    error = response.json()["error"]
    assert error.startswith(field) or re.search(rf"\b{re.escape(field)}\b", error), (field, error)


def test_malformed_validate_body_is_400(web_server):
    for body, field in [(b"{oops", "body"), (b'{"text": 5}', "text"), (b'{"text": "x: 1", "format": "xml"}', "format")]:
        response = web_server.post("/api/validate", body, headers={"Content-Type": "application/json"})
        assert response.status == 400, (body, response)
        assert field in response.json()["error"], (body, response)


def csp_sources(policy):
    directives = [part.strip() for part in policy.split(";") if part.strip()]
    return {directive.split()[0]: directive.split()[1:] for directive in directives}


def test_content_security_policy_has_no_remote_source(web_server, finished_run):
    run_id = finished_run[0]
    local = {"'self'", "'none'", "'unsafe-inline'", "data:", "blob:"}
    paths = ["/", "/new?kind=run", "/new?kind=compare", f"/runs/{run_id}", "/api/health", "/api/runs",
             f"/api/runs/{run_id}", f"/api/runs/{run_id}/files/report.html", "/api/scenarios", "/api/runs/nothing-here"]
    for path in paths:
        response = web_server.get(path)
        policy = response.header("Content-Security-Policy")
        assert policy, (path, response.status)
        sources = csp_sources(policy)
        assert "default-src" in sources, policy
        for directive, values in sources.items():
            for value in values:
                assert value in local or value.startswith("'nonce-") or value.startswith("'sha"), (path, directive, value)
        if (response.header("Content-Type") or "").startswith("text/html"):
            # Nothing on the pages is loaded from elsewhere.
            html = response.text
            remote = re.findall(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html, re.IGNORECASE)
            assert not remote, (path, remote)
            assert not re.search(r"@import\s+url\(\s*[\"']?(https?:)?//", html), path
    post = web_server.post("/api/validate", {"text": "schema_version: 1\n"})
    assert post.header("Content-Security-Policy")


def test_cross_origin_state_change_is_403(web_server, finished_run):
    run_id = finished_run[0]
    body = {"kind": "run", "scenario": {"name": "example-tape"}, "trials": 500}
    before = len(web_server.get("/api/runs").json())
    for origin in ["http://evil.example", "https://evil.example", f"http://evil.example:{web_server.port}",
                   f"http://127.0.0.1:{free_port()}", f"https://127.0.0.1:{web_server.port}.evil.example",
                   f"http://127.0.0.1.evil.example:{web_server.port}", "null"]:
        headers = {"Origin": origin}
        assert web_server.post("/api/runs", body, headers=headers).status == 403, origin
        assert web_server.post("/api/validate", {"text": "x: 1"}, headers=headers).status == 403, origin
        assert web_server.delete(f"/api/runs/{run_id}", headers=headers).status == 403, origin
    assert len(web_server.get("/api/runs").json()) == before
    # The app's own origin, or none (curl, scripts), is accepted.
    response = web_server.post("/api/runs", body, headers={"Origin": web_server.origin})
    assert response.status == 202, response
    web_server.wait(response.json()["id"], timeout=120)
    assert web_server.post("/api/validate", {"text": "x: 1"}).status == 200


def test_queue_beyond_100_waiting_is_429(start_server):
    server = start_server("--workers", "1")
    long_id = server.start_run({"kind": "run", "scenario": {"name": "hebei-2022"}, "trials": LONG_TRIALS, "seed": 8})
    server.wait(long_id, timeout=60, statuses={"running"} | FINAL)
    body = {"kind": "run", "scenario": {"name": "example-tape"}, "trials": 100}
    waiting = [server.start_run(body) for _ in range(100)]
    assert all(server.run(rid)["status"] == "queued" for rid in waiting[:3] + waiting[-3:])
    assert server.run(long_id)["status"] == "running"
    refused = server.post("/api/runs", body)
    assert refused.status == 429, refused
    assert "error" in refused.json()
    # Cancelling one that waits makes room for one more.
    assert server.delete(f"/api/runs/{waiting[-1]}").status == 202
    assert server.post("/api/runs", body).status == 202
    assert server.post("/api/runs", body).status == 429
    # Pages and the API still answer; SIGTERM (at the end) interrupts the long run, the waiting ones stay queued.
    assert server.get("/api/runs").status == 200
    assert server.get("/").status == 200
