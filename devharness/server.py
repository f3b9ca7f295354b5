"""Start a Streamlit script on a free loopback port, wait until it is healthy, stop it and its children.

The one copy of this for the browser tests (tests/browser/harness.py builds its
fixtures on it) and the benchmarks (bench/streamlit_server.py). Each server:
- runs with this environment cleaned of STREAMLIT_* variables and a private
  HOME, so a developer's shell or ~/.streamlit/ cannot change what is tested
  or measured;
- listens on 127.0.0.1 only, headless, usage statistics off, no file watcher;
- retries on a fresh port when another process takes the free port first;
- runs in its own process group, so stopping it stops its children too, and
  is stopped at interpreter exit if its owner forgot.
Only processes started here are ever signalled, by their own handles.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
APP_SCRIPT = "app.py"

# Streamlit reads STREAMLIT_* variables as config; one left over in a
# developer's shell must not make the tested server differ from production.
_INHERITED_ENV_PREFIXES_TO_DROP = ("STREAMLIT_",)


def free_port() -> int:
    """A loopback TCP port that was free a moment ago (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --------------------------------------------------------------------------
# Plain HTTP, never through a proxy from the environment
# --------------------------------------------------------------------------

_NO_PROXY_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@dataclass(frozen=True)
class HttpResponse:
    """What a plain HTTP GET returned: enough to check status, headers and body."""

    status: int
    headers: Mapping[str, list[str]]  # lower-case name -> every value sent
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    def header(self, name: str) -> str | None:
        """The first value of a header, or None when it was not sent."""
        values = self.headers.get(name.lower())
        return values[0] if values else None


def http_get(url: str, *, headers: Mapping[str, str] | None = None, timeout: float = 5) -> HttpResponse:
    """GET a loopback URL directly, ignoring any proxy in the environment.

    HTTP errors come back as responses, not exceptions.
    """
    request = urllib.request.Request(url, headers=dict(headers or {}))
    try:
        with _NO_PROXY_OPENER.open(request, timeout=timeout) as response:
            status, raw_headers, body = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, raw_headers, body = error.code, error.headers, error.read()
    collected: dict[str, list[str]] = {}
    for name, value in raw_headers.items():
        collected.setdefault(name.lower(), []).append(value)
    return HttpResponse(status=status, headers=collected, body=body)


# --------------------------------------------------------------------------
# The Streamlit server
# --------------------------------------------------------------------------


class ServerStartError(RuntimeError):
    """The app server did not become healthy; the message carries its output."""


@dataclass
class ManagedProcess:
    """A child process in its own process group, so stopping it stops its children."""

    process: subprocess.Popen[bytes]
    log_path: Path

    def output(self) -> str:
        """Everything the process has written to stdout and stderr so far."""
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return ""

    def is_running(self) -> bool:
        return self.process.poll() is None

    def stop(self, grace_seconds: float = 5) -> None:
        """SIGTERM the whole group (nginx's workers too), then SIGKILL it if the leader lingers."""
        # Signal the group only while its leader is unreaped: until then the
        # group id (the leader's pid) cannot belong to anyone else.
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=grace_seconds)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=grace_seconds)
        _LIVE_PROCESSES.pop(self.process.pid, None)


# Every process this module started and has not stopped yet. Fixtures stop
# their own; this is the last resort when pytest itself is interrupted.
_LIVE_PROCESSES: dict[int, ManagedProcess] = {}


@atexit.register
def _stop_leftovers() -> None:
    for managed in list(_LIVE_PROCESSES.values()):
        managed.stop(grace_seconds=2)


def spawn(argv: list[str], *, env: Mapping[str, str], cwd: Path, log_path: Path) -> ManagedProcess:
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            argv,
            cwd=cwd,
            env=dict(env),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    managed = ManagedProcess(process=process, log_path=log_path)
    _LIVE_PROCESSES[process.pid] = managed
    return managed


@dataclass
class StreamlitServer(ManagedProcess):
    """A running `streamlit run app.py` on a loopback port."""

    port: int = 0
    env_overrides: Mapping[str, str] = field(default_factory=dict)

    @property
    def url(self) -> str:
        """Root URL without a trailing slash, e.g. http://127.0.0.1:8765."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        """Process id of the Python process running Streamlit (also its process group id)."""
        return self.process.pid

    def __enter__(self) -> StreamlitServer:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def server_env(overrides: Mapping[str, str] | None = None, *, home: Path) -> dict[str, str]:
    """The environment the app server runs with: this one, cleaned, plus overrides."""
    env = {name: value for name, value in os.environ.items() if not name.startswith(_INHERITED_ENV_PREFIXES_TO_DROP)}
    # A private HOME keeps a developer's ~/.streamlit/config.toml and
    # secrets.toml out of the tested server; the repo's .streamlit/ still applies.
    home.mkdir(parents=True, exist_ok=True)
    env["HOME"] = str(home)
    env["PYTHONUNBUFFERED"] = "1"
    env.update(overrides or {})
    return env


def streamlit_argv(port: int, *, script: str = APP_SCRIPT, extra_args: Iterable[str] = ()) -> list[str]:
    """The command line, as Streamlit's own e2e suite starts its apps."""
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        script,
        "--server.port",
        str(port),
        "--server.headless",
        "true",
        # Loopback only: nothing on the network can reach a test server.
        "--server.address",
        "127.0.0.1",
        # The two production settings that change what the test machine does,
        # repeated here so the harness never phones home or polls files even
        # before .streamlit/config.toml exists. Command-line flags win over the
        # config file, so keep this list to settings production also has.
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
        *extra_args,
    ]


def start_streamlit(
    log_dir: Path,
    *,
    env: Mapping[str, str] | None = None,
    script: str = APP_SCRIPT,
    extra_args: Iterable[str] = (),
    startup_timeout: float = 45,
    name: str = "streamlit",
    cwd: Path = REPO_ROOT,
) -> StreamlitServer:
    """Start the app on a free loopback port and return once /_stcore/health says ok.

    `script` is relative to `cwd` (the repository root) or absolute. Output
    goes to `log_dir/<name>-<port>.log`; read it with `server.output()`. The
    server's private HOME is `log_dir/home`. Use it as a context manager, or
    call `server.stop()`.
    """
    overrides = dict(env or {})
    last_error: ServerStartError | None = None
    # Another process may take the free port between our check and Streamlit's
    # bind; Streamlit then exits ("Port N is not available") and we try again.
    for _attempt in range(3):
        port = free_port()
        managed = spawn(
            streamlit_argv(port, script=script, extra_args=extra_args),
            env=server_env(overrides, home=log_dir / "home"),
            cwd=cwd,
            log_path=log_dir / f"{name}-{port}.log",
        )
        server = StreamlitServer(process=managed.process, log_path=managed.log_path, port=port, env_overrides=overrides)
        try:
            _wait_until_healthy(server, startup_timeout)
            return server
        except ServerStartError as error:
            server.stop()
            last_error = error
            if "is not available" not in server.output():
                break
    assert last_error is not None
    raise last_error


def start_streamlit_via(
    launcher: Path,
    log_dir: Path,
    *,
    env: Mapping[str, str] | None = None,
    extra_args: Iterable[str] = (),
    startup_timeout: float = 45,
    name: str = "launcher",
) -> StreamlitServer:
    """Like start_streamlit, but `python <launcher> run app.py ...` (deploy/serve.py, as the image runs it)."""
    overrides = dict(env or {})
    port = free_port()
    argv = [sys.executable, str(launcher), *streamlit_argv(port, extra_args=extra_args)[3:]]
    managed = spawn(
        argv, env=server_env(overrides, home=log_dir / "home"), cwd=REPO_ROOT, log_path=log_dir / f"{name}-{port}.log"
    )
    server = StreamlitServer(process=managed.process, log_path=managed.log_path, port=port, env_overrides=overrides)
    try:
        _wait_until_healthy(server, startup_timeout)
    except ServerStartError:
        server.stop()
        raise
    return server


def _wait_until_healthy(server: StreamlitServer, timeout: float) -> None:
    # Health alone is not proof: if our bind failed, another server could be
    # answering on that port. Streamlit prints its URL only after it has bound,
    # so require our own process to be alive and to have printed our port too.
    deadline = time.monotonic() + timeout
    own_url = re.compile(rf"https?://127\.0\.0\.1:{server.port}\b")
    while time.monotonic() < deadline:
        if not server.is_running():
            raise ServerStartError(
                f"Streamlit exited with code {server.process.returncode} before it was healthy.\n"
                f"--- output ({server.log_path}) ---\n{server.output()}"
            )
        if own_url.search(server.output()):
            with contextlib.suppress(OSError):
                if http_get(f"{server.url}/_stcore/health", timeout=2).text.strip() == "ok":
                    return
        time.sleep(0.1)
    raise ServerStartError(
        f"Streamlit did not print 'URL: {server.url}' and answer 'ok' on {server.url}/_stcore/health "
        f"within {timeout:.0f}s.\n"
        f"--- output ({server.log_path}) ---\n{server.output()}"
    )
