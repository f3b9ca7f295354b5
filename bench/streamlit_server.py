"""Start a real Streamlit server on a free loopback port for one benchmark, and stop it.

Only the process started here is ever stopped, by its own handle.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType

from bench.report import REPO_ROOT

HEALTH_TIMEOUT_S = 60.0


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class StreamlitServer:
    """`streamlit run SCRIPT` in a child process, as a context manager.

    Bound to 127.0.0.1 and headless; usage statistics off so nothing leaves the
    machine; the file watcher off because a benchmark never edits the script
    and the watcher would take CPU from the server being measured.
    """

    def __init__(
        self,
        script: Path,
        env: Mapping[str, str] | None = None,
        extra_args: tuple[str, ...] = (),
        cwd: Path = REPO_ROOT,
    ) -> None:
        self.script = Path(script).resolve()
        self.env = dict(env or {})
        self.extra_args = extra_args
        self.cwd = cwd
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None
        self._log = tempfile.NamedTemporaryFile(prefix="bench-streamlit-", suffix=".log", delete=False)  # noqa: SIM115

    @property
    def url(self) -> str:
        """The app's address, e.g. http://127.0.0.1:PORT."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        """Process id of the server (the Python process running Streamlit)."""
        if self.process is None:
            raise RuntimeError("server not started")
        return self.process.pid

    def start(self) -> StreamlitServer:
        """Launch the server and wait until /_stcore/health answers "ok"."""
        self.port = free_port()
        command = [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(self.script),
            "--server.port",
            str(self.port),
            "--server.headless",
            "true",
            "--server.address",
            "127.0.0.1",
            "--browser.gatherUsageStats",
            "false",
            "--server.fileWatcherType",
            "none",
            *self.extra_args,
        ]
        self.process = subprocess.Popen(
            command,
            cwd=self.cwd,
            env={**os.environ, **self.env},
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        self._wait_healthy()
        return self

    def _wait_healthy(self) -> None:
        deadline = time.monotonic() + HEALTH_TIMEOUT_S
        health = f"{self.url}/_stcore/health"
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"streamlit exited with {self.process.returncode}:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(health, timeout=2) as answer:
                    if answer.read().strip() == b"ok":
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.2)
        self.stop()
        raise TimeoutError(f"{health} did not answer ok within {HEALTH_TIMEOUT_S:.0f}s:\n{self.log_tail()}")

    def log_tail(self, lines: int = 30) -> str:
        """The last lines the server printed, for error messages."""
        self._log.flush()
        text = Path(self._log.name).read_text(errors="replace")
        return "\n".join(text.splitlines()[-lines:])

    def stop(self) -> None:
        """Stop the server: SIGTERM, then SIGKILL after 10 s. Removes its log."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self._log.close()
        Path(self._log.name).unlink(missing_ok=True)

    def __enter__(self) -> StreamlitServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()


def process_rss_kib(pid: int) -> int:
    """Resident memory of a process in KiB, from /proc/PID/status (VmRSS)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for pid {pid}")


def process_cpu_seconds(pid: int) -> float:
    """User plus system CPU time a process has used, from /proc/PID/stat."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    # After the command name: field 14 utime and 15 stime are indexes 11 and 12 here.
    ticks = int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def machine_cpu_ticks() -> tuple[int, int]:
    """(busy, total) CPU ticks of the whole machine since boot, from /proc/stat.

    Busy over an interval, beside the server's own CPU, shows whether other
    work on this shared machine competed for the cores.
    """
    fields = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    total = sum(fields[:8])  # guest time is already counted in user
    return total - idle, total


def machine_busy_percent(before: tuple[int, int], after: tuple[int, int]) -> float:
    """Share of all cores busy between two `machine_cpu_ticks()` readings (100 = every core, anyone's work)."""
    busy, total = (late - early for late, early in zip(after, before, strict=True))
    return 100.0 * busy / total if total > 0 else float("nan")
