"""A bounded load test of `poolsim serve` on loopback (WEB.md, "Tests"): while a run of 2 million
trials is going, 20 client threads send 50 `GET /api/runs/{id}` each (and a few `GET /api/runs`);
no answer may be a 5xx and the latencies are printed (`pytest -s`) and written to
tests-e2e/artifacts/web-load.txt, with the time from `POST /api/runs` to the first `progress` event.

Fixed counts, a timeout on every request, 127.0.0.1 only; the run is cancelled at the end."""
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from web_server import web_server  # noqa: F401 (fixture)

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CLIENTS = 20
REQUESTS = 50           # GET /api/runs/{id} per client
LIST_REQUESTS = 2       # GET /api/runs per client
TIMEOUT = 30            # seconds, each request
RUN_TRIALS = 2_000_000


def percentile(values, q):
    """Nearest-rank percentile of `values` (q in 0–100)."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), -(-len(ordered) * q // 100)))
    return ordered[int(rank) - 1]


def timed_get(url):
    """(status, seconds); a connection failure is status 0 with its error."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
        error.close()
    except OSError as error:
        return 0, time.perf_counter() - started, repr(error)
    return status, time.perf_counter() - started, None


def test_latency_while_a_run_is_going(web_server):
    posted = time.perf_counter()
    run_id = web_server.start_run({"kind": "run", "scenario": {"name": "hebei-2022"}, "trials": RUN_TRIALS, "seed": 9})
    try:
        accepted = time.perf_counter() - posted
        first = web_server.first_progress(run_id, timeout=120)
        to_first_progress = time.perf_counter() - posted
        before = web_server.run(run_id)
        assert before["status"] == "running", before

        run_url = f"{web_server.url}/api/runs/{run_id}"
        list_url = f"{web_server.url}/api/runs"
        results = {"run": [], "list": []}
        failures = []
        lock = threading.Lock()
        start = threading.Barrier(CLIENTS)

        def client(k):
            start.wait(timeout=30)
            for n in range(REQUESTS + LIST_REQUESTS):
                which = "list" if n % (REQUESTS // LIST_REQUESTS + 1) == REQUESTS // LIST_REQUESTS else "run"
                status, seconds, error = timed_get(list_url if which == "list" else run_url)
                with lock:
                    results[which].append(seconds)
                    if status != 200:
                        failures.append((which, status, error))

        threads = [threading.Thread(target=client, args=(k,), daemon=True) for k in range(CLIENTS)]
        load_started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=(REQUESTS + LIST_REQUESTS) * TIMEOUT)
        total = time.perf_counter() - load_started
        assert not any(thread.is_alive() for thread in threads), "a client did not finish"
        after = web_server.run(run_id)
    finally:
        web_server.delete(f"/api/runs/{run_id}")
    final = web_server.wait(run_id, timeout=60)

    run_ms = [s * 1000 for s in results["run"]]
    list_ms = [s * 1000 for s in results["list"]]
    lines = [
        f"poolsim serve under load: {CLIENTS} clients x {REQUESTS} GET /api/runs/{{id}} (+{LIST_REQUESTS} GET /api/runs each), "
        f"loopback, during a run of {RUN_TRIALS:,} trials of hebei-2022",
        f"GET /api/runs/{{id}}: n={len(run_ms)} p50={percentile(run_ms, 50):.1f} ms p95={percentile(run_ms, 95):.1f} ms "
        f"p99={percentile(run_ms, 99):.1f} ms max={max(run_ms):.1f} ms",
        f"GET /api/runs: n={len(list_ms)} p50={percentile(list_ms, 50):.1f} ms p95={percentile(list_ms, 95):.1f} ms "
        f"p99={percentile(list_ms, 99):.1f} ms",
        f"total time of the load: {total:.2f} s ({(len(run_ms) + len(list_ms)) / total:.0f} requests/s)",
        f"POST /api/runs answered in {accepted * 1000:.1f} ms; first progress event after {to_first_progress * 1000:.0f} ms "
        f"({first['trials_done']:,} trials done)",
        f"run progress during the load: {before['progress']['trials_done']:,} -> {after['progress']['trials_done']:,} trials "
        f"({after['status']}); then {final['status']}",
        f"non-200 answers: {len(failures)}",
    ]
    report = "\n".join(lines)
    print("\n" + report)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "web-load.txt").write_text(report + "\n", encoding="utf-8")

    assert len(run_ms) == CLIENTS * REQUESTS and len(list_ms) == CLIENTS * LIST_REQUESTS
    assert not [f for f in failures if f[1] >= 500], failures[:10]
    assert not failures, failures[:10]
    # The run went on while the server answered: the simulation is not on the event loop, nor starved by it.
    assert after["progress"]["trials_done"] > before["progress"]["trials_done"] or after["status"] == "done"
    assert final["status"] in ("cancelled", "done")
