"""The machinery behind the browser tests: start the real app, wait for it, check it.

conftest.py turns these into fixtures; this module has no pytest fixtures of its
own so that a helper can also be used from a one-off script while debugging.
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
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
APP_SCRIPT = "app.py"

CHROMIUM_PATH = Path("/usr/bin/chromium")
NGINX_PATH = Path("/usr/sbin/nginx")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Belt and braces for "only traffic to 127.0.0.1": any other host name
    # fails to resolve, so a stray font or analytics request fails fast
    # instead of waiting on a network the test machine does not have.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]

# Named screen sizes the app is designed for (see the domain brief, section 1).
VIEWPORTS: dict[str, dict[str, Any]] = {
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
    "projector": {"viewport": {"width": 1280, "height": 720}},
    "desktop": {"viewport": {"width": 1366, "height": 900}},
}
DEFAULT_VIEWPORT = "desktop"

# Streamlit reads STREAMLIT_* variables as config; one left over in a
# developer's shell must not make the tested server differ from production.
_INHERITED_ENV_PREFIXES_TO_DROP = ("STREAMLIT_",)


def running_in_ci() -> bool:
    """True when the CI variable says so; missing tools then fail instead of skip."""
    return os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}


def missing_tool(reason: str) -> NoReturn:
    """Skip on a developer machine, but fail in CI, where a skip would hide a gap."""
    if running_in_ci():
        pytest.fail(f"{reason} (CI=true, so this is a failure, not a skip)", pytrace=False)
    pytest.skip(reason)


def require_chromium() -> None:
    """Stop the test unless Debian's Chromium and Python Playwright are both present."""
    if not (CHROMIUM_PATH.is_file() and os.access(CHROMIUM_PATH, os.X_OK)):
        missing_tool(f"Chromium not found at {CHROMIUM_PATH}: apt-get install -y chromium")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing_tool("Python Playwright not installed: pip install -r requirements-dev.txt")


def require_nginx() -> None:
    """Stop the test unless Debian's nginx binary is present."""
    if not (NGINX_PATH.is_file() and os.access(NGINX_PATH, os.X_OK)):
        missing_tool(f"nginx not found at {NGINX_PATH}: apt-get install -y nginx-light")


def free_port() -> int:
    """A loopback TCP port that was free a moment ago (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def is_loopback(url: str) -> bool:
    """True for URLs the browser may fetch in tests: this machine, data: and blob:."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme in {"data", "blob", "about"}:
        return True
    return parts.hostname in {"127.0.0.1", "localhost", "::1"}


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


def _spawn(argv: list[str], *, env: Mapping[str, str], cwd: Path, log_path: Path) -> ManagedProcess:
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
) -> StreamlitServer:
    """Start the app on a free loopback port and return once /_stcore/health says ok.

    Output goes to `log_dir/<name>-<port>.log`; read it with `server.output()`.
    """
    overrides = dict(env or {})
    last_error: ServerStartError | None = None
    # Another process may take the free port between our check and Streamlit's
    # bind; Streamlit then exits ("Port N is not available") and we try again.
    for _attempt in range(3):
        port = free_port()
        managed = _spawn(
            streamlit_argv(port, script=script, extra_args=extra_args),
            env=server_env(overrides, home=log_dir / "home"),
            cwd=REPO_ROOT,
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


# --------------------------------------------------------------------------
# Waiting for the page
# --------------------------------------------------------------------------

# The frontend marks its root element with the connection state and the
# script-run state (Streamlit 1.67: App.tsx sets data-test-connection-state
# and data-test-script-state on [data-testid="stApp"]). The script state goes
# "initial" -> "running" -> "notRunning", and to "rerunRequested" the moment
# a widget changes, so "notRunning" with no placeholders left, held for a
# short quiet spell, means the latest run has finished and is drawn.
_APP_READY_JS = """
([token, settleMs]) => {
  const app = document.querySelector('[data-testid="stApp"]');
  const ready = Boolean(
    app
    && app.getAttribute('data-test-connection-state') === 'CONNECTED'
    && app.getAttribute('data-test-script-state') === 'notRunning'
    && document.querySelector('[data-testid="stMainBlockContainer"]')
    // Placeholders: the whole-app skeleton, and one per element whose code
    // is still being fetched (Streamlit lazy-loads most element types, so a
    // finished run can still show grey boxes for a moment).
    && !document.querySelector(
      '[data-testid="stAppSkeleton"], [data-testid="stSkeleton"], [data-testid="stSkeletonElement"]')
    && document.fonts.status === 'loaded'
    && !document.querySelector('[data-testid="stStatusWidgetRunningIcon"]')
    && !document.querySelector('[data-testid="stStatusWidgetRunningManIcon"]')
  );
  const now = performance.now();
  const seen = window.__tlrAppReady;
  if (!ready) {
    window.__tlrAppReady = {token, since: null};
    return false;
  }
  if (!seen || seen.token !== token || seen.since === null) {
    window.__tlrAppReady = {token, since: now};
    return settleMs <= 0;
  }
  return now - seen.since >= settleMs;
}
"""

_wait_counter = 0


def wait_for_app(page: Any, *, timeout: float = 30_000, settle_ms: int = 150) -> None:
    """Wait until the app is connected, its script has finished and the page is drawn.

    Call it after `page.goto(...)` and after every interaction that may make
    the script rerun (clicking a button, typing in a widget, changing a page);
    for one that must rerun, `with app_rerun(page): ...` is stricter.
    "Finished" means: WebSocket connected, script state "notRunning", no
    placeholder boxes, fonts loaded, no running indicator, and all of that
    unchanged for `settle_ms` (a page load can run the script twice in quick
    succession). `timeout` is in milliseconds, like Playwright's own.
    """
    global _wait_counter
    _wait_counter += 1
    page.locator('[data-testid="stApp"]').wait_for(state="attached", timeout=timeout)
    try:
        page.wait_for_function(_APP_READY_JS, arg=[_wait_counter, settle_ms], polling=50, timeout=timeout)
    except Exception as error:
        state = page.evaluate(
            """() => {
                const app = document.querySelector('[data-testid="stApp"]');
                return app ? {
                  connection: app.getAttribute('data-test-connection-state'),
                  script: app.getAttribute('data-test-script-state'),
                  placeholders: document.querySelectorAll(
                    '[data-testid="stAppSkeleton"], [data-testid="stSkeleton"], [data-testid="stSkeletonElement"]'
                  ).length,
                  fonts: document.fonts.status,
                } : null;
            }"""
        )
        raise AssertionError(f"The app did not finish running within {timeout} ms; stApp state: {state}") from error


# Counts changes of the script-run state from the moment it is installed.
# The state only changes when a run starts or ends, so any change after an
# action proves that the action made the script run.
_RUN_CHANGES_JS = """
() => {
  if (window.__tlrRunChanges === undefined) {
    window.__tlrRunChanges = 0;
    new MutationObserver(records => { window.__tlrRunChanges += records.length; }).observe(
      document.documentElement,
      {subtree: true, attributes: true, attributeFilter: ['data-test-script-state']});
  }
  return window.__tlrRunChanges;
}
"""


@contextlib.contextmanager
def app_rerun(page: Any, *, timeout: float = 30_000) -> Iterator[None]:
    """Wrap an action that must make the script run; leave once that run is drawn.

        with app_rerun(page):
            page.get_by_role("button", name="Show the band").click()

    Stricter than calling wait_for_app after the action: a click's rerun
    reaches the page only after a round trip to the server, and on a busy
    machine that can outlast wait_for_app's quiet spell. This waits until
    the run has visibly started, then for it to finish. Fails if the action
    caused no run at all.
    """
    before = page.evaluate(_RUN_CHANGES_JS)
    yield
    try:
        page.wait_for_function(f"() => window.__tlrRunChanges > {int(before)}", polling=25, timeout=timeout)
    except Exception as error:
        raise AssertionError(f"The action did not make the app's script run within {timeout} ms") from error
    wait_for_app(page, timeout=timeout)


def expect(actual: Any, message: str | None = None) -> Any:
    """Playwright's `expect`, imported on first use.

    Test modules import this one rather than playwright.sync_api's, so that a
    machine without Playwright skips the browser tests (or fails them under
    CI) with the install hint, instead of erroring at collection.
    """
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(actual, message)


def open_app(page: Any, base_url: str, path: str = "/", *, timeout: float = 30_000) -> Any:
    """Go to `base_url + path` (path may carry a query string) and wait for the app."""
    page.goto(base_url.rstrip("/") + "/" + path.lstrip("/"), wait_until="domcontentloaded", timeout=timeout)
    wait_for_app(page, timeout=timeout)
    return page


# --------------------------------------------------------------------------
# Accessibility
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class AxeViolation:
    """One axe-core rule that failed, with the elements it failed on."""

    rule: str
    impact: str | None
    help: str
    help_url: str
    targets: tuple[str, ...]

    def __str__(self) -> str:
        shown = ", ".join(self.targets[:5])
        more = f" (+{len(self.targets) - 5} more)" if len(self.targets) > 5 else ""
        return f"{self.rule} [{self.impact or 'n/a'}]: {self.help} -> {shown}{more}  ({self.help_url})"


def axe_violations(
    page: Any,
    *,
    context: str | list[Any] | dict[str, Any] | None = None,
    options: dict[str, Any] | None = None,
) -> list[AxeViolation]:
    """Run axe-core in the page and return its violations, most severe first.

    `context` narrows the check (a CSS selector, or axe's include/exclude
    object); `options` is passed to axe.run, e.g.
    `{"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa"]}}`.
    """
    from axe_playwright_python.sync_playwright import Axe

    run_options = {"resultTypes": ["violations"], **(options or {})}
    results = Axe().run(page, context=context, options=run_options)
    order = {"critical": 0, "serious": 1, "moderate": 2, "minor": 3}
    violations = [
        AxeViolation(
            rule=item["id"],
            impact=item.get("impact"),
            help=item.get("help", ""),
            help_url=item.get("helpUrl", ""),
            targets=tuple(" ".join(str(part) for part in node.get("target", [])) for node in item.get("nodes", [])),
        )
        for item in results.response["violations"]
    ]
    return sorted(violations, key=lambda v: (order.get(v.impact or "", 9), v.rule))


def format_violations(violations: Iterable[AxeViolation]) -> str:
    """A readable list for an assertion message, one rule per line."""
    lines = [f"  - {violation}" for violation in violations]
    return f"{len(lines)} axe violation(s):\n" + "\n".join(lines) if lines else "no axe violations"


# --------------------------------------------------------------------------
# nginx in front of replicas, from the shipped deploy/nginx.conf
# --------------------------------------------------------------------------

NGINX_SITE_CONF = REPO_ROOT / "deploy" / "nginx.conf"

# The shipped file names its replicas app1:8501, app2:8501, ... (the service
# names in deploy/compose.yaml), listens on port 80 and logs to
# /var/log/nginx/. These are the only things the test changes.
_REPLICA_LINE = re.compile(r"^(?P<indent>[ \t]*)server[ \t]+app(?P<n>\d+):8501\b(?P<rest>[^;\n]*);", re.M)
_LISTEN_LINE = re.compile(r"^(?P<indent>[ \t]*)listen[ \t]+80;", re.M)
_LOG_DIR = "/var/log/nginx/"
# Where the shipped file expects the exported offline reference (location /offline/).
_OFFLINE_DIR = "/srv/traffic-light/offline/"


def render_nginx_site(
    text: str, *, upstream_ports: list[int], listen_port: int, log_dir: Path, offline_dir: Path | None = None
) -> str:
    """The shipped site config with loopback ports and a private log directory.

    Raises ValueError when the shipped file no longer has the shape this
    relies on, so the test cannot quietly run some other configuration.
    """
    replicas = list(_REPLICA_LINE.finditer(text))
    if len(replicas) < len(upstream_ports):
        raise ValueError(
            f"deploy/nginx.conf lists {len(replicas)} 'server appN:8501' replicas; the test needs {len(upstream_ports)}"
        )
    if len(_LISTEN_LINE.findall(text)) != 1:
        raise ValueError("deploy/nginx.conf must have exactly one 'listen 80;' line")
    if _LOG_DIR not in text:
        raise ValueError(f"deploy/nginx.conf no longer logs under {_LOG_DIR}")
    if offline_dir is not None:
        if _OFFLINE_DIR not in text:
            raise ValueError(f"deploy/nginx.conf no longer serves the offline reference from {_OFFLINE_DIR}")
        text = text.replace(_OFFLINE_DIR, f"{offline_dir.resolve()}/")

    ports = iter(upstream_ports)

    def replica(match: re.Match[str]) -> str:
        port = next(ports, None)
        if port is None:  # more replicas shipped than the test starts
            return f"{match['indent']}# (replica app{match['n']} not started by the test)"
        return f"{match['indent']}server 127.0.0.1:{port}{match['rest']};"

    text = _REPLICA_LINE.sub(replica, text)
    text = _LISTEN_LINE.sub(lambda m: f"{m['indent']}listen 127.0.0.1:{listen_port};", text)
    return text.replace(_LOG_DIR, f"{log_dir}/")


def nginx_main_conf(*, site_conf: Path, prefix: Path) -> str:
    """The main-context wrapper the Debian and official images provide around a site file."""
    user_line = ""
    if os.geteuid() == 0:
        # As root, nginx would run its workers as "nobody", who cannot write
        # the private temp directories below; keep them as the current user.
        import grp
        import pwd

        user = pwd.getpwuid(os.geteuid()).pw_name
        group = grp.getgrgid(os.getegid()).gr_name
        user_line = f"user {user} {group};"
    return f"""# Generated by tests/browser/harness.py for one test run.
{user_line}
daemon off;
master_process on;
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/logs/main-error.log warn;
events {{ worker_connections 256; }}
http {{
    client_body_temp_path {prefix}/temp/client_body;
    proxy_temp_path {prefix}/temp/proxy;
    fastcgi_temp_path {prefix}/temp/fastcgi;
    uwsgi_temp_path {prefix}/temp/uwsgi;
    scgi_temp_path {prefix}/temp/scgi;
    access_log off;
    include {site_conf};
}}
"""


@dataclass
class NginxProxy(ManagedProcess):
    """nginx running the shipped site config in front of test replicas."""

    port: int = 0
    prefix: Path = Path()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def access_log(self) -> Path:
        return self.prefix / "logs" / "access.log"

    @property
    def error_log(self) -> Path:
        return self.prefix / "logs" / "error.log"

    def logs(self) -> str:
        """Every log nginx wrote during the test (its stdout included), for privacy checks."""
        paths = sorted((self.prefix / "logs").glob("*.log"))
        return "\n".join(path.read_text(encoding="utf-8", errors="replace") for path in paths)


def start_nginx(
    prefix: Path, *, upstream_ports: list[int], startup_timeout: float = 15, offline_dir: Path | None = None
) -> NginxProxy:
    """Run nginx in the foreground on a free loopback port with the shipped site config."""
    for sub in ("logs", "temp", "conf"):
        (prefix / sub).mkdir(parents=True, exist_ok=True)
    last_output = ""
    for _attempt in range(3):
        port = free_port()
        site = prefix / "conf" / "traffic-light.conf"
        site.write_text(
            render_nginx_site(
                NGINX_SITE_CONF.read_text(encoding="utf-8"),
                upstream_ports=upstream_ports,
                listen_port=port,
                log_dir=prefix / "logs",
                offline_dir=offline_dir,
            ),
            encoding="utf-8",
        )
        main = prefix / "conf" / "nginx.conf"
        # -e: the log nginx writes before it has read the config, which would
        # otherwise be Debian's /var/log/nginx/error.log.
        startup_log = prefix / "logs" / "startup-error.log"
        main.write_text(nginx_main_conf(site_conf=site, prefix=prefix), encoding="utf-8")

        check = subprocess.run(
            [str(NGINX_PATH), "-t", "-q", "-p", str(prefix), "-e", str(startup_log), "-c", str(main)],
            capture_output=True,
            text=True,
            timeout=30,
        )
        if check.returncode != 0:
            raise ServerStartError(
                f"nginx -t rejected the generated config:\n{check.stderr}\n--- {site} ---\n{site.read_text()}"
            )

        managed = _spawn(
            [str(NGINX_PATH), "-p", str(prefix), "-e", str(startup_log), "-c", str(main)],
            env=os.environ,
            cwd=prefix,
            log_path=prefix / "logs" / "nginx-stdout.log",
        )
        proxy = NginxProxy(process=managed.process, log_path=managed.log_path, port=port, prefix=prefix)
        deadline = time.monotonic() + startup_timeout
        while time.monotonic() < deadline and proxy.is_running():
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return proxy
            time.sleep(0.05)
        last_output = proxy.logs()
        proxy.stop()
        if "Address already in use" not in last_output:
            break
    raise ServerStartError(f"nginx did not start listening.\n{last_output}")
