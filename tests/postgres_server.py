"""A real PostgreSQL server from Debian on a free loopback port, for the saved-results tests.

Started like tests/redis_server.py starts redis-server: its own process group, output to a log
file. The cluster lives in a fresh temporary folder (initdb, trust authentication on loopback,
fsync off: test data only) and is deleted when the server stops. PostgreSQL refuses to run as
root, so under root both initdb and the server run as the ``postgres`` user (or ``nobody``)
through util-linux's setpriv, which execs in place: the process we stop is the server itself.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import secrets
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tests.browser.harness import ManagedProcess, ServerStartError, _spawn, free_port, missing_tool

POSTGRES_GLOB = "/usr/lib/postgresql/*/bin"
ENV = {"PATH": "/usr/bin:/bin", "LC_ALL": "C", "LANG": "C"}


def require_postgres() -> Path:
    """The newest installed PostgreSQL's bin folder; skip (fail under CI=true) when there is none."""
    found = sorted(
        (path for path in Path("/").glob(POSTGRES_GLOB.lstrip("/")) if (path / "initdb").exists()),
        key=lambda path: int(path.parent.name) if path.parent.name.isdigit() else 0,
    )
    if not found or not (found[-1] / "postgres").exists():
        missing_tool("PostgreSQL not found under /usr/lib/postgresql/*/bin: apt-get install -y postgresql")
    return found[-1]


def _run_as() -> tuple[list[str], int, int]:
    """The command prefix that drops root, and the uid and gid the cluster's files must belong to."""
    if os.geteuid() != 0:
        return [], os.geteuid(), os.getegid()
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            user = pwd.getpwnam(name)
            prefix = ["setpriv", f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}", "--clear-groups", "--"]
            return prefix, user.pw_uid, user.pw_gid
    missing_tool("running as root, and neither a postgres nor a nobody user exists to run PostgreSQL as")
    raise AssertionError("unreachable")


@dataclass
class PostgresServer(ManagedProcess):
    port: int = 0
    cluster_dir: Path | None = None

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def new_database(self, name: str | None = None) -> str:
        """A fresh, empty database on this server (``name``: lower-case letters, digits, _); its SQLAlchemy URL."""
        import psycopg

        name = name or f"t_{secrets.token_hex(6)}"
        if not name.replace("_", "").isalnum() or not name.islower():
            raise ValueError(f"not a plain database name: {name!r}")
        with psycopg.connect(self._conninfo(), autocommit=True) as connection:
            connection.execute(f"CREATE DATABASE {name}")  # name checked above: letters, digits and _
        return self.url(name)

    def _conninfo(self) -> str:
        return f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres connect_timeout=2"

    def stop(self, grace_seconds: float = 10) -> None:
        # SIGINT is PostgreSQL's fast shutdown: it does not wait for clients to disconnect.
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.process.pid, signal.SIGINT)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=grace_seconds)
        super().stop()
        if self.cluster_dir is not None:
            shutil.rmtree(self.cluster_dir, ignore_errors=True)


def start_postgres(log_dir: Path, *, startup_timeout: float = 30) -> PostgresServer:
    import psycopg

    bin_dir = require_postgres()
    prefix, uid, gid = _run_as()
    log_dir.mkdir(parents=True, exist_ok=True)
    cluster = Path(tempfile.mkdtemp(prefix="tl-postgres-"))
    os.chown(cluster, uid, gid)
    data = cluster / "data"
    initdb = subprocess.run(
        [
            *prefix,
            str(bin_dir / "initdb"),
            "-D",
            str(data),
            "-U",
            "postgres",
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C",
            "--no-sync",
            "--no-instructions",
        ],
        env=ENV,
        cwd=cluster,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if initdb.returncode != 0:
        shutil.rmtree(cluster, ignore_errors=True)
        raise ServerStartError(f"initdb failed.\n{initdb.stdout}\n{initdb.stderr}")
    last = ""
    for _attempt in range(3):
        port = free_port()
        argv = [
            *prefix,
            str(bin_dir / "postgres"),
            "-D",
            str(data),
            "-p",
            str(port),
            "-h",
            "127.0.0.1",
            "-k",
            str(cluster),
            "-c",
            "fsync=off",
            "-c",
            "synchronous_commit=off",
            "-c",
            "full_page_writes=off",
        ]
        managed = _spawn(argv, env=ENV, cwd=cluster, log_path=log_dir / f"postgres-{port}.log")
        server = PostgresServer(process=managed.process, log_path=managed.log_path, port=port, cluster_dir=None)
        deadline = time.monotonic() + startup_timeout
        while time.monotonic() < deadline and server.is_running():
            with contextlib.suppress(psycopg.OperationalError), psycopg.connect(server._conninfo()) as connection:
                connection.execute("SELECT 1")
                server.cluster_dir = cluster
                return server
            time.sleep(0.1)
        last = server.output()
        server.stop()
        if "could not bind" not in last and "already in use" not in last:
            break
    shutil.rmtree(cluster, ignore_errors=True)
    raise ServerStartError(f"PostgreSQL did not start.\n{last}")
