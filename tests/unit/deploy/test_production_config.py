"""The production settings in .streamlit/config.toml that protect users stay as they are."""

import difflib
import grp
import http.client
import http.server
import os
import pwd
import re
import socket
import ssl
import subprocess
import threading
import time
import tomllib
from pathlib import Path

import pytest
import yaml

CONFIG = tomllib.loads((Path(__file__).resolve().parents[3] / ".streamlit" / "config.toml").read_text())


@pytest.mark.parametrize(
    ("section", "option", "value", "why"),
    [
        ("browser", "gatherUsageStats", False, "telemetry off"),
        ("client", "showErrorDetails", "none", "no traceback is ever shown (the old `false` does not hide them)"),
        ("client", "toolbarMode", "minimal", "no developer menu for practitioners"),
        ("server", "fileWatcherType", "none", "no file watching in production"),
        ("server", "runOnSave", False, "content changes ship as releases"),
        ("server", "address", "127.0.0.1", "make run serves this computer only"),
        ("server", "enableXsrfProtection", True, "forged cross-site requests refused"),
        ("server", "enableStaticServing", False, "nothing extra is served"),
        ("runner", "magicEnabled", False, "a stray expression never reaches the page"),
        ("runner", "postScriptGC", False, "a full GC per run capped throughput (bench/README.md)"),
        ("logger", "level", "warning", "no request or widget values are logged"),
    ],
)
def test_production_setting(section, option, value, why):
    assert CONFIG[section][option] == value, why


def test_the_theme_font_is_readable():
    assert CONFIG["theme"]["baseFontSize"] >= 16


# ---------------------------------------------------------------------------
# Supply chain: hash-pinned lock files made from the readable requirements*.txt
# ---------------------------------------------------------------------------

REPO = Path(__file__).resolve().parents[3]
DEPLOY = REPO / "deploy"
DOCKERFILE = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
MAKEFILE = (REPO / "Makefile").read_text(encoding="utf-8")
RELOCK = "run `make lock` after changing requirements*.txt"


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(path: Path) -> dict[str, str]:
    """name -> version for every `name==version` in a requirements file, following `-r other.txt`."""
    found: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line.startswith("-r "):
            found |= pins(path.parent / line[3:].strip())
        elif line:
            match = re.fullmatch(r"([A-Za-z0-9._-]+)(\[[^\]]*\])?==([^\s;]+)", line)
            assert match, f"{path.name}: not pinned with ==: {raw}"
            found[canonical(match[1])] = match[3]
    return found


def locked(path: Path) -> dict[str, tuple[str, frozenset[str]]]:
    """name -> (version, hashes) for every package in a lock file."""
    text = path.read_text(encoding="utf-8")
    entries: dict[str, tuple[str, frozenset[str]]] = {}
    for block in re.split(r"\n(?=[A-Za-z0-9])", text):
        match = re.match(r"([A-Za-z0-9._-]+)==([^\s;\\]+)", block)
        if match:
            entries[canonical(match[1])] = (match[2], frozenset(re.findall(r"--hash=(sha256:[0-9a-f]{64})", block)))
    return entries


RUNTIME_LOCK = locked(REPO / "requirements.lock")
DEV_LOCK = locked(REPO / "requirements-dev.lock")


def test_every_locked_package_has_its_files_sha256():
    assert len(RUNTIME_LOCK) > 20 and len(DEV_LOCK) > len(RUNTIME_LOCK)
    for lock in (RUNTIME_LOCK, DEV_LOCK):
        for name, (_version, hashes) in lock.items():
            assert hashes, f"{name} has no --hash"


@pytest.mark.parametrize(
    ("source", "lock_name"),
    [("requirements.txt", "requirements.lock"), ("requirements-dev.txt", "requirements-dev.lock")],
)
def test_the_locks_pin_exactly_the_versions_the_txt_files_give(source, lock_name):
    lock = locked(REPO / lock_name)
    for name, version in pins(REPO / source).items():
        assert name in lock, f"{name} is in {source} but not in {lock_name}: {RELOCK}"
        assert lock[name][0] == version, f"{name}: {source} says {version}, {lock_name} {lock[name][0]}: {RELOCK}"


def test_the_image_installs_what_the_tests_ran_on():
    # Every runtime package, dependencies included, is the same version with the same files in both locks.
    for name, entry in RUNTIME_LOCK.items():
        assert DEV_LOCK.get(name) == entry, f"{name} differs between the two locks: {RELOCK}"
    # Test tools never reach the image.
    dev_only = set(pins(REPO / "requirements-dev.txt")) - set(pins(REPO / "requirements.txt"))
    assert dev_only and not dev_only & set(RUNTIME_LOCK)


def test_every_install_uses_a_lock_with_hashes_required():
    assert "COPY requirements.lock /app/requirements.lock" in DOCKERFILE
    assert "RUN pip install --no-cache-dir --require-hashes -r /app/requirements.lock" in DOCKERFILE
    assert "requirements.txt" not in re.sub(r"#.*", "", DOCKERFILE)
    assert "!requirements.lock" in (DEPLOY / "Dockerfile.dockerignore").read_text(encoding="utf-8")
    rule = MAKEFILE[MAKEFILE.index("$(VENV)/.installed:") :].split("\n\n", 1)[0]
    assert "pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.lock" in rule
    # The first run says what it installs and how long it usually takes.
    assert re.search(r'@echo ".*installing.*requirements-dev\.lock', rule)
    assert re.search(r'@echo ".*usually \d+ to \d+ minutes', rule)


def test_the_base_images_are_build_arguments_and_no_unresolved_digest_is_written():
    assert re.search(r"^ARG BASE_IMAGE=python:3\.11-slim$", DOCKERFILE, re.M)
    assert re.search(r"^FROM \$\{BASE_IMAGE\} AS app$", DOCKERFILE, re.M)
    assert re.search(r"^ARG NGINX_IMAGE=nginx:\S+$", DOCKERFILE, re.M)
    assert re.search(r"^FROM \$\{NGINX_IMAGE\} AS proxy$", DOCKERFILE, re.M)
    assert not re.search(r"@sha256:[0-9a-f]", DOCKERFILE)  # a digest is passed in, once someone has resolved it
    # The locks are made for the image's Python.
    assert "--python-version 3.11 " in MAKEFILE


# ---------------------------------------------------------------------------
# Compose: the replica count in one place, TLS, the offline reference from the image
# ---------------------------------------------------------------------------

COMPOSE_TEXT = (DEPLOY / "compose.yaml").read_text(encoding="utf-8")
COMPOSE = yaml.safe_load(COMPOSE_TEXT)
SERVICES = COMPOSE["services"]


def test_compose_sets_the_number_of_replicas_in_one_place():
    count = "${TRAFFIC_LIGHT_REPLICAS:-3}"
    assert SERVICES["app"]["deploy"]["replicas"] == count
    proxy_env = SERVICES["proxy"]["environment"]
    assert proxy_env["TRAFFIC_LIGHT_REPLICAS"] == count
    # Written once; the proxy takes it through the YAML anchor.
    assert COMPOSE_TEXT.count("TRAFFIC_LIGHT_REPLICAS:-") == 1
    assert "*replicas" in COMPOSE_TEXT
    assert not [name for name in SERVICES if re.fullmatch(r"app\d+", name)]
    # The proxy's names for the replicas are the container names compose gives them: PROJECT-SERVICE-N.
    assert proxy_env["TRAFFIC_LIGHT_REPLICA_NAME"] == f"{COMPOSE['name']}-app"


def test_compose_serves_https_with_a_mounted_certificate():
    proxy = SERVICES["proxy"]
    assert "443:443" in proxy["ports"]
    tls_dir = proxy["environment"]["TRAFFIC_LIGHT_TLS_DIR"]
    mounts = {volume.rsplit(":", 2)[1]: volume for volume in proxy["volumes"]}
    assert mounts[tls_dir].startswith("${TRAFFIC_LIGHT_TLS_DIR:?")  # compose refuses to start without it
    assert mounts[tls_dir].endswith(":ro")


def test_compose_builds_the_proxy_with_the_offline_reference_from_the_same_dockerfile():
    for name, target in (("app", "app"), ("proxy", "proxy")):
        build = SERVICES[name]["build"]
        assert (build["dockerfile"], build["target"]) == ("deploy/Dockerfile", target)
    assert "build/offline" not in COMPOSE_TEXT  # nothing built on the Docker host
    proxy_stage = DOCKERFILE[DOCKERFILE.index(" AS proxy") :]
    assert "COPY --from=app /app/offline /srv/traffic-light/offline" in proxy_stage
    app_stage = DOCKERFILE[: DOCKERFILE.index(" AS proxy")]
    assert "RUN python -m behaviours export-site /app/offline" in app_stage


def test_compose_replicas_share_rooms_through_redis():
    assert SERVICES["app"]["environment"]["TRAFFIC_LIGHT_REDIS_URL"] == "redis://redis:6379/0"
    command = SERVICES["redis"]["command"]
    assert command[command.index("--save") + 1] == "" and command[command.index("--appendonly") + 1] == "no"


# ---------------------------------------------------------------------------
# deploy/nginx-site.sh: the running nginx configuration is the shipped file
# ---------------------------------------------------------------------------


def run_site_script(out: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["sh", str(DEPLOY / "nginx-site.sh")],
        env={"PATH": os.environ.get("PATH", ""), "TRAFFIC_LIGHT_NGINX_SOURCE": str(DEPLOY)}
        | env
        | {"TRAFFIC_LIGHT_NGINX_OUT": str(out)},
        capture_output=True,
        text=True,
        timeout=30,
    )


def render_site(tmp_path: Path, env: dict[str, str]) -> str:
    result = run_site_script(tmp_path / "out", env)
    assert result.returncode == 0, result.stderr
    return (tmp_path / "out" / "site.conf").read_text(encoding="utf-8")


def diff_lines(shipped: str, rendered: str) -> tuple[list[str], list[str]]:
    removed, added = [], []
    for line in difflib.ndiff(shipped.splitlines(), rendered.splitlines()):
        if line.startswith("- "):
            removed.append(line[2:].strip())
        elif line.startswith("+ "):
            added.append(line[2:].strip())
    return removed, added


def make_certificate(folder: Path) -> Path:
    folder.mkdir()
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost"),
            *("-keyout", str(folder / "privkey.pem"), "-out", str(folder / "fullchain.pem")),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return folder


SHIPPED_REPLICA_LINES = [f"server app{n}:8501 max_fails=3 fail_timeout=10s;" for n in (1, 2, 3)]


def test_compose_proxy_lists_each_replica_by_name_and_serves_https_otherwise_as_shipped(tmp_path):
    tls = make_certificate(tmp_path / "tls")
    env = {"TRAFFIC_LIGHT_REPLICAS": "4", "TRAFFIC_LIGHT_REPLICA_NAME": "traffic-light-app"}
    site = render_site(tmp_path, env | {"TRAFFIC_LIGHT_TLS_DIR": str(tls)})

    removed, added = diff_lines(SITE_TEXT, site)
    assert removed == [*SHIPPED_REPLICA_LINES, "listen 80;"]
    # One line per replica, each by its own name: nginx's consistent hash places a server by its
    # name, so one name standing for every replica would send every browser to one of them.
    assert added[:6] == [
        "zone traffic_light_replicas 1m;",
        "resolver 127.0.0.11 valid=10s ipv6=off;",
        *[f"server traffic-light-app-{n}:8501 resolve max_fails=3 fail_timeout=10s;" for n in (1, 2, 3, 4)],
    ]
    assert added[6:11] == [
        "listen 443 ssl;",
        f"ssl_certificate     {tls}/fullchain.pem;",
        f"ssl_certificate_key {tls}/privkey.pem;",
        "ssl_protocols TLSv1.2 TLSv1.3;",
        'add_header Strict-Transport-Security "max-age=31536000" always;',
    ]
    # Then a plain-HTTP server that only redirects.
    assert added[11:] == [
        "",
        "server {",
        "listen 80;",
        "server_name _;",
        "server_tokens off;",
        "access_log /var/log/nginx/access.log traffic_light_private;",
        "error_log /var/log/nginx/error.log crit;",
        "return 301 https://$host$request_uri;",
        "}",
    ]


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({}, "set TRAFFIC_LIGHT_UPSTREAM (addresses) or TRAFFIC_LIGHT_REPLICAS (a count)"),
        ({"TRAFFIC_LIGHT_REPLICAS": "0"}, "TRAFFIC_LIGHT_REPLICAS must be a whole number from 1, not '0'"),
        ({"TRAFFIC_LIGHT_REPLICAS": "three"}, "TRAFFIC_LIGHT_REPLICAS must be a whole number from 1, not 'three'"),
        (
            {"TRAFFIC_LIGHT_REPLICAS": "2", "TRAFFIC_LIGHT_UPSTREAM": "127.0.0.1:8501"},
            "set TRAFFIC_LIGHT_UPSTREAM or TRAFFIC_LIGHT_REPLICAS, not both",
        ),
        (
            {"TRAFFIC_LIGHT_REPLICAS": "2", "TRAFFIC_LIGHT_TLS_DIR": "/nonexistent"},
            "TRAFFIC_LIGHT_TLS_DIR=/nonexistent has no readable fullchain.pem (docs/deploy.md, TLS)",
        ),
    ],
)
def test_the_proxy_refuses_to_start_on_settings_it_cannot_serve(tmp_path, env, message):
    result = run_site_script(tmp_path / "out", env)
    assert result.returncode == 1
    assert result.stderr.strip() == f"traffic-light: {message}"
    assert not (tmp_path / "out" / "site.conf").exists()


SITE_TEXT = (DEPLOY / "nginx.conf").read_text(encoding="utf-8")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class _Replica(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args: object) -> None:
        pass


def test_over_https_the_replica_cookie_is_set_and_then_routes_the_browser(tmp_path):
    # The compose proxy's TLS configuration run by Debian's nginx in front of a stand-in replica:
    # the Secure cookie is given over HTTPS and, sent back, decides the replica (route=cookie),
    # not the client's address; plain HTTP only redirects. Fixed addresses stand in for "resolve"
    # (nginx 1.27.3+, newer than Debian 12's); everything else is what the proxy image writes.
    nginx = "/usr/sbin/nginx"
    if not os.access(nginx, os.X_OK):
        pytest.skip("nginx not installed (apt-get install nginx-light)")
    replica = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Replica)
    threading.Thread(target=replica.serve_forever, daemon=True).start()
    plain, secure = free_port(), free_port()
    tls = make_certificate(tmp_path / "tls")
    site = render_site(
        tmp_path,
        {
            "TRAFFIC_LIGHT_UPSTREAM": f"127.0.0.1:{replica.server_port}",
            "TRAFFIC_LIGHT_LISTEN": str(plain),
            "TRAFFIC_LIGHT_TLS_DIR": str(tls),
            "TRAFFIC_LIGHT_TLS_PORT": str(secure),
        },
    )
    logs = tmp_path / "logs"
    logs.mkdir()
    (tmp_path / "site.conf").write_text(site.replace("/var/log/nginx/", f"{logs}/"), encoding="utf-8")
    user = (
        f"user {pwd.getpwuid(os.geteuid()).pw_name} {grp.getgrgid(os.getegid()).gr_name};" if os.geteuid() == 0 else ""
    )
    (tmp_path / "main.conf").write_text(
        f"""{user}
daemon off;
worker_processes 1;
pid {tmp_path}/nginx.pid;
error_log {logs}/main-error.log warn;
events {{ worker_connections 64; }}
http {{
    client_body_temp_path {tmp_path}/client_body;
    proxy_temp_path {tmp_path}/proxy;
    access_log off;
    include {tmp_path}/site.conf;
}}
""",
        encoding="utf-8",
    )
    process = subprocess.Popen(
        [nginx, "-p", str(tmp_path), "-e", str(logs / "startup.log"), "-c", str(tmp_path / "main.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", secure), timeout=1).close()
                break
            except OSError:
                assert process.poll() is None, process.stderr.read() if process.stderr else ""
                assert time.monotonic() < deadline, "nginx did not start listening"
                time.sleep(0.05)

        context = ssl.create_default_context(cafile=str(tls / "fullchain.pem"))
        context.check_hostname = False

        def get(path: str, cookie: str | None = None) -> http.client.HTTPResponse:
            connection = http.client.HTTPSConnection("127.0.0.1", secure, context=context, timeout=10)
            connection.request("GET", path, headers={"Host": "localhost"} | ({"Cookie": cookie} if cookie else {}))
            response = connection.getresponse()
            response.read()
            connection.close()
            return response

        first = get("/tls-first")
        assert first.status == 200
        cookie = re.fullmatch(
            r"(tlr_replica=[0-9a-f]{32}); Path=/; HttpOnly; Secure; SameSite=Lax", first.getheader("Set-Cookie") or ""
        )
        assert cookie, first.getheader("Set-Cookie")
        assert first.getheader("Strict-Transport-Security") == "max-age=31536000"
        assert first.getheader("X-Frame-Options") == "DENY"

        again = get("/tls-again?age=7", cookie[1])
        assert again.status == 200 and again.getheader("Set-Cookie") is None

        redirect = http.client.HTTPConnection("127.0.0.1", plain, timeout=10)
        redirect.request("GET", "/?age=7", headers={"Host": "localhost"})
        moved = redirect.getresponse()
        redirect.close()
        assert (moved.status, moved.getheader("Location")) == (301, f"https://localhost:{secure}/?age=7")

        deadline = time.monotonic() + 10
        while '"GET /tls-again" 200' not in (log := (logs / "access.log").read_text(encoding="utf-8")):
            assert time.monotonic() < deadline, log
            time.sleep(0.05)
        lines = log.splitlines()
        assert "route=address" in next(line for line in lines if '"GET /tls-first"' in line)
        assert "route=cookie" in next(line for line in lines if '"GET /tls-again"' in line)
        assert "age=7" not in log  # query strings stay out of the log over TLS too
    finally:
        process.terminate()
        process.wait(timeout=10)
        replica.shutdown()
