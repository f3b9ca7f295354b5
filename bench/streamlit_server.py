"""A real Streamlit server for one benchmark, and readings of its process and of the machine.

The server is started by devharness.server, the same code the browser tests
use: a cleaned environment and private HOME, loopback only, a retry when the
free port is taken, and its own process group. Only the process started here
is ever stopped, by its own handle.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType

from devharness.server import REPO_ROOT, start_streamlit
from devharness.server import StreamlitServer as RunningServer

HEALTH_TIMEOUT_S = 60.0


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
        self._running: RunningServer | None = None
        self._log_dir: Path | None = None

    @property
    def running(self) -> RunningServer:
        if self._running is None:
            raise RuntimeError("server not started")
        return self._running

    @property
    def port(self) -> int:
        return self.running.port

    @property
    def url(self) -> str:
        """The app's address, e.g. http://127.0.0.1:PORT."""
        return self.running.url

    @property
    def pid(self) -> int:
        """Process id of the server (the Python process running Streamlit)."""
        return self.running.pid

    def start(self) -> StreamlitServer:
        """Launch the server and wait until /_stcore/health answers "ok"."""
        self._log_dir = Path(tempfile.mkdtemp(prefix="bench-streamlit-"))
        try:
            self._running = start_streamlit(
                self._log_dir,
                env=self.env,
                script=str(self.script),
                extra_args=self.extra_args,
                startup_timeout=HEALTH_TIMEOUT_S,
                name=self.script.stem,
                cwd=self.cwd,
            )
        except BaseException:
            self._remove_log_dir()
            raise
        return self

    def stop(self) -> None:
        """Stop the server and its children (SIGTERM, then SIGKILL); remove its log and HOME."""
        if self._running is not None:
            self._running.stop(grace_seconds=10)
        self._remove_log_dir()

    def _remove_log_dir(self) -> None:
        if self._log_dir is not None:
            shutil.rmtree(self._log_dir, ignore_errors=True)
            self._log_dir = None

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
