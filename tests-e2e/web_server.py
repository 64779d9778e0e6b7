"""The real `poolsim serve` for the end-to-end tests of the web app (WEB.md).

`Server` starts the binary on a free loopback port with its own `--results`
folder and the repository's scenarios, waits for `GET /api/health`, talks to it
with the standard library only (urllib), and stops it with SIGTERM, checking
that it exits 0. The fixtures:

- `web_server`: one server for a test module (default options).
- `start_server`: a factory for servers with options of their own
  (`start_server("--token", "t")`, or `start_server(results=dir)` to reuse a
  results folder); every server it started is stopped at the end of the test
  and must exit 0.

Test modules import the fixtures they use: `from web_server import web_server`.
"""
import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from poolsim_cli import BINARY as _BINARY, ROOT, SCENARIOS

# $POOLSIM may be relative (`make e2e` passes .build/release/poolsim): to the repository, where poolsim_cli runs it.
BINARY = _BINARY if _BINARY.is_absolute() else ROOT / _BINARY

# Statuses after which a run changes no more.
FINAL = {"done", "failed", "cancelled", "interrupted"}
# How long a stopped server may take to exit: the runs in progress finish their current blocks first.
STOP_SECONDS = 20


def free_port():
    """A port that was free a moment ago on the loopback interface."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    @property
    def text(self):
        return self.body.decode("utf-8")

    def json(self):
        return json.loads(self.body)

    def header(self, name):
        return self.headers.get(name)

    def __repr__(self):
        return f"<{self.status} {self.body[:300]!r}>"


class Server:
    """One `poolsim serve` process on 127.0.0.1."""

    def __init__(self, results, *options, env=None):
        self.results = Path(results)
        self.options = [str(option) for option in options]
        self.env = env
        self.process = None
        self.port = None
        self.log_path = self.results.parent / f"{self.results.name}-serve-{time.monotonic_ns()}.log"
        self.token = None
        # Set when the test killed the server itself (after a failed stop): its exit status says nothing then.
        self.killed = False

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    @property
    def origin(self):
        return self.url

    def start(self, timeout=30):
        if not BINARY.is_file():
            pytest.fail(f"no poolsim binary at {BINARY}: build it (make release) or set POOLSIM")
        self.results.mkdir(parents=True, exist_ok=True)
        if self.env is None:
            env = dict(os.environ)
            env.pop("POOLSIM_TOKEN", None)
        else:
            env = dict(self.env)
        for attempt in range(3):
            self.port = free_port()
            log = open(self.log_path, "ab")
            self.process = subprocess.Popen(
                [str(BINARY), "serve", "--port", str(self.port), "--results", str(self.results),
                 "--scenarios", str(SCENARIOS), *self.options],
                stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=self.results.parent)
            log.close()
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    break
                try:
                    if self.get("/api/health", timeout=2).status == 200:
                        return self
                except OSError:
                    pass
                time.sleep(0.1)
            if self.process.poll() is None:
                self.kill()
                pytest.fail(f"poolsim serve did not answer /api/health within {timeout} s:\n{self.log()}")
            if "in use" not in self.log().lower():
                pytest.fail(f"poolsim serve exited {self.process.returncode} at start:\n{self.log()}")
        pytest.fail(f"poolsim serve found no free port:\n{self.log()}")

    def log(self):
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")[-6000:]
        except OSError:
            return ""

    def stop(self, timeout=STOP_SECONDS):
        """SIGTERM, then the exit status; fails the test if the server does not exit in time."""
        if self.process is None or self.killed:
            return None
        if self.process.poll() is not None:
            return self.process.returncode
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            pytest.fail(f"poolsim serve did not exit within {timeout} s of SIGTERM:\n{self.log()}")

    def kill(self):
        if self.process is not None and self.process.poll() is None:
            self.killed = True
            self.process.kill()
            self.process.wait(timeout=10)

    # HTTP

    def request(self, method, path, body=None, headers=None, timeout=30):
        """One request; HTTP errors are returned as responses, not raised."""
        headers = dict(headers or {})
        if self.token is not None:
            headers.setdefault("Authorization", f"Bearer {self.token}")
        if body is not None and not isinstance(body, (bytes, bytearray)):
            body = json.dumps(body).encode("utf-8")
            headers.setdefault("Content-Type", "application/json")
        request = urllib.request.Request(self.url + path, data=body, headers=headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return Response(response.status, response.headers, response.read())
        except urllib.error.HTTPError as error:
            with error:
                return Response(error.code, error.headers, error.read())

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path, body, **kwargs):
        return self.request("POST", path, body=body, **kwargs)

    def delete(self, path, **kwargs):
        return self.request("DELETE", path, **kwargs)

    # Runs

    def start_run(self, body):
        """POST /api/runs; the new run's id (the request must be accepted)."""
        response = self.post("/api/runs", body)
        assert response.status == 202, f"POST /api/runs {body}: {response}"
        document = response.json()
        assert document["status"] == "queued"
        return document["id"]

    def run(self, run_id):
        response = self.get(f"/api/runs/{run_id}")
        assert response.status == 200, response
        return response.json()

    def wait(self, run_id, timeout=300, statuses=FINAL):
        """Polls GET /api/runs/{id} until its status is one of `statuses`; the run document."""
        deadline = time.monotonic() + timeout
        while True:
            document = self.run(run_id)
            if document["status"] in statuses:
                return document
            if time.monotonic() > deadline:
                raise AssertionError(f"run {run_id} still {document['status']} after {timeout} s: {document.get('progress')}")
            if self.process.poll() is not None:
                raise AssertionError(f"the server exited {self.process.returncode}:\n{self.log()}")
            time.sleep(0.2)

    def events(self, run_id, timeout=300):
        """GET /api/runs/{id}/events as a stream: yields (event, data) until the stream ends."""
        headers = {"Accept": "text/event-stream"}
        if self.token is not None:
            headers["Authorization"] = f"Bearer {self.token}"
        request = urllib.request.Request(f"{self.url}/api/runs/{run_id}/events", headers=headers)
        deadline = time.monotonic() + timeout
        with urllib.request.urlopen(request, timeout=min(timeout, 60)) as response:
            assert response.status == 200
            assert response.headers.get("Content-Type", "").startswith("text/event-stream")
            name, data = None, []
            for raw in response:
                line = raw.decode("utf-8").rstrip("\r\n")
                if line == "":
                    if name is not None or data:
                        yield name or "message", json.loads("\n".join(data)) if data else None
                    name, data = None, []
                elif line.startswith(":"):
                    continue
                elif line.startswith("event:"):
                    name = line[len("event:"):].strip()
                elif line.startswith("data:"):
                    data.append(line[len("data:"):].lstrip())
                if time.monotonic() > deadline:
                    raise AssertionError(f"the events of run {run_id} did not end within {timeout} s")

    def first_progress(self, run_id, timeout=120, at_least=1):
        """Waits on the events stream for a progress event with at least `at_least` trials done;
        the stream is closed on return (an open stream keeps a connection to the server)."""
        stream = self.events(run_id, timeout=timeout)
        try:
            for name, data in stream:
                if name == "progress" and data["trials_done"] >= at_least:
                    return data
                if name != "progress":
                    raise AssertionError(f"run {run_id} ended ({name}) before a progress event")
            raise AssertionError(f"the events of run {run_id} ended without a progress event")
        finally:
            stream.close()


@pytest.fixture(scope="module")
def web_server(tmp_path_factory):
    server = Server(tmp_path_factory.mktemp("web") / "results").start()
    yield server
    status = server.stop()
    assert status == 0, f"poolsim serve exited {status} after SIGTERM:\n{server.log()}"


@pytest.fixture
def start_server(tmp_path):
    """start_server(*options, results=None) → a started Server; all are stopped (exit 0) at the end."""
    servers = []

    def start(*options, results=None, env=None):
        server = Server(results or tmp_path / f"results-{len(servers)}", *options, env=env)
        servers.append(server)
        return server.start()

    yield start
    failures = []
    for server in servers:
        status = server.stop()
        if status not in (0, None):
            failures.append(f"poolsim serve exited {status} after SIGTERM:\n{server.log()}")
    assert not failures, "\n".join(failures)
