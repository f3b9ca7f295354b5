"""The machinery behind the browser tests: start the real app, wait for it, check it.

conftest.py turns these into fixtures; this module has no pytest fixtures of its
own so that a helper can also be used from a one-off script while debugging.
Starting a server and launching Chromium live in devharness/ (shared with the
benchmarks); they are re-exported here so tests keep importing from .harness.
"""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

import pytest

from devharness.chromium import CHROMIUM_ARGS as CHROMIUM_ARGS
from devharness.chromium import CHROMIUM_PATH as CHROMIUM_PATH
from devharness.chromium import chromium_installed
from devharness.chromium import launch_chromium as launch_chromium
from devharness.server import APP_SCRIPT as APP_SCRIPT
from devharness.server import REPO_ROOT as REPO_ROOT
from devharness.server import HttpResponse as HttpResponse
from devharness.server import ManagedProcess as ManagedProcess
from devharness.server import ServerStartError as ServerStartError
from devharness.server import StreamlitServer as StreamlitServer
from devharness.server import free_port as free_port
from devharness.server import http_get as http_get
from devharness.server import server_env as server_env
from devharness.server import spawn
from devharness.server import start_streamlit as start_streamlit
from devharness.server import start_streamlit_via as start_streamlit_via
from devharness.server import streamlit_argv as streamlit_argv

_spawn = spawn  # the name this module used before devharness/ existed

NGINX_PATH = Path("/usr/sbin/nginx")

# Named screen sizes the app is designed for (see the domain brief, section 1).
VIEWPORTS: dict[str, dict[str, Any]] = {
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
    "projector": {"viewport": {"width": 1280, "height": 720}},
    "desktop": {"viewport": {"width": 1366, "height": 900}},
}
DEFAULT_VIEWPORT = "desktop"


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
    if not chromium_installed():
        missing_tool(f"Chromium not found at {CHROMIUM_PATH}: apt-get install -y chromium")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing_tool("Python Playwright not installed: pip install -r requirements-dev.txt")


def require_nginx() -> None:
    """Stop the test unless Debian's nginx binary is present."""
    if not (NGINX_PATH.is_file() and os.access(NGINX_PATH, os.X_OK)):
        missing_tool(f"nginx not found at {NGINX_PATH}: apt-get install -y nginx-light")


def is_loopback(url: str) -> bool:
    """True for URLs the browser may fetch in tests: this machine, data: and blob:."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme in {"data", "blob", "about"}:
        return True
    return parts.hostname in {"127.0.0.1", "localhost", "::1"}


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


# Counts the messages the server sends the page, from the page's first script on (installed by the
# `context` fixture and by `open_app`, before the app opens its WebSocket). The server sends nothing
# unasked on these pages, and every run sends at least its start and its end, so a new message after an
# action means the server ran something for it.
MESSAGE_COUNTER_JS = """
(() => {
  if (window.__tlrIncoming !== undefined) return;
  window.__tlrIncoming = 0;
  const Native = window.WebSocket;
  function Counted(...args) {
    const socket = new Native(...args);
    socket.addEventListener('message', () => { window.__tlrIncoming += 1; });
    return socket;
  }
  Counted.prototype = Native.prototype;
  Object.setPrototypeOf(Counted, Native);
  window.WebSocket = Counted;
})();
"""

# Counts changes of the script-run state from the moment it is installed, plus the server's messages
# (MESSAGE_COUNTER_JS, where installed). The state only changes when a run starts or ends, but a short
# run's start and end can reach the page together and be drawn as one unchanged state (seen once in 48
# fragment runs on a busy machine), so the messages count too: either rising after an action proves
# that the action made the script run.
_RUN_CHANGES_JS = """
() => {
  if (window.__tlrRunChanges === undefined) {
    window.__tlrRunChanges = 0;
    new MutationObserver(records => { window.__tlrRunChanges += records.length; }).observe(
      document.documentElement,
      {subtree: true, attributes: true, attributeFilter: ['data-test-script-state']});
  }
  return window.__tlrRunChanges + (window.__tlrIncoming || 0);
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
        # The same count as `before`, read again until it rises.
        page.wait_for_function(f"() => ({_RUN_CHANGES_JS.strip()})() > {int(before)}", polling=25, timeout=timeout)
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
    page.add_init_script(MESSAGE_COUNTER_JS)  # before the app connects; a second copy does nothing
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


def nginx_main_conf(*, site_conf: Path, prefix: Path, worker_connections: int = 256) -> str:
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
worker_rlimit_nofile {worker_connections * 2 + 64};
events {{ worker_connections {worker_connections}; }}
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
    prefix: Path,
    *,
    upstream_ports: list[int],
    startup_timeout: float = 15,
    listen_port: int | None = None,
    worker_connections: int = 256,
    offline_dir: Path | None = None,
) -> NginxProxy:
    """Run nginx in the foreground on a free loopback port with the shipped site config.

    `listen_port`: a port chosen beforehand (for replicas whose sign-in settings
    must name the proxy's address before it starts); `worker_connections`: the
    main context's limit (docs/deploy.md recommends a production value); `offline_dir`: an
    exported offline reference to serve at /offline/.
    """
    for sub in ("logs", "temp", "conf"):
        (prefix / sub).mkdir(parents=True, exist_ok=True)
    last_output = ""
    for _attempt in range(1 if listen_port else 3):
        port = listen_port or free_port()
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
        main.write_text(
            nginx_main_conf(site_conf=site, prefix=prefix, worker_connections=worker_connections), encoding="utf-8"
        )

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

        managed = spawn(
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


# --------------------------------------------------------------------------
# A real OpenID Connect provider on loopback (oidc-provider-mock)
# --------------------------------------------------------------------------


@dataclass
class OidcProvider(ManagedProcess):
    """oidc-provider-mock serving discovery, authorize, token, userinfo and end-session.

    Its authorize page is a form: type any subject ("sub") and press
    "Authorize"; the e-mail claim it issues is that subject.
    """

    port: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def metadata_url(self) -> str:
        return f"{self.url}/.well-known/openid-configuration"


def require_oidc_provider() -> None:
    """Stop the test unless oidc-provider-mock is installed."""
    try:
        import oidc_provider_mock  # noqa: F401
    except ImportError:
        missing_tool("oidc-provider-mock not installed: pip install -r requirements-dev.txt")


def start_oidc_provider(log_dir: Path, *, startup_timeout: float = 20) -> OidcProvider:
    """Start the provider on a free loopback port; return once its discovery document answers."""
    require_oidc_provider()
    last_output = ""
    for _attempt in range(3):
        port = free_port()
        managed = _spawn(
            [sys.executable, "-m", "oidc_provider_mock", "--host", "127.0.0.1", "--port", str(port)],
            env={**os.environ, "NO_COLOR": "1"},
            cwd=log_dir,
            log_path=log_dir / f"oidc-provider-{port}.log",
        )
        provider = OidcProvider(process=managed.process, log_path=managed.log_path, port=port)
        deadline = time.monotonic() + startup_timeout
        while time.monotonic() < deadline and provider.is_running():
            with contextlib.suppress(OSError):
                if http_get(provider.metadata_url, timeout=2).status == 200:
                    return provider
            time.sleep(0.1)
        last_output = provider.output()
        provider.stop()
        if "address already in use" not in last_output.lower():
            break
    raise ServerStartError(f"oidc-provider-mock did not answer on its discovery URL.\n{last_output}")


def write_auth_secrets(
    path: Path,
    *,
    redirect_uri: str,
    cookie_secret: str,
    server_metadata_url: str,
    allowed_domains: Iterable[str],
    client_id: str = "traffic-light-test",
    client_secret: str = "not-a-real-secret",  # noqa: S107 - a loopback test provider accepts any
) -> Path:
    """A secrets.toml for test replicas, outside the repository (pass it with --secrets.files)."""
    domains = ", ".join(f'"{domain}"' for domain in allowed_domains)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "[auth]\n"
        f'redirect_uri = "{redirect_uri}"\n'
        f'cookie_secret = "{cookie_secret}"\n'
        f'client_id = "{client_id}"\n'
        f'client_secret = "{client_secret}"\n'
        f'server_metadata_url = "{server_metadata_url}"\n'
        "\n[access]\n"
        f"allowed_domains = [{domains}]\n",
        encoding="utf-8",
    )
    return path
