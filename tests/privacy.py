"""Looking for a typed marker everywhere the app could have left it: files, logs, output."""

from __future__ import annotations

import os
import secrets
import tempfile
from collections.abc import Iterator
from pathlib import Path

from tests.helpers import REPO

# Folders that are not the app's: tools, caches and version control.
_REPO_SKIP = {".venv", ".git", "node_modules"}
# The shell that drives a developer's session keeps its own job logs in the temp directory;
# they record what the test runner prints, not what the app writes.
_TEMP_SKIP_PREFIXES = ("bash_jobs", "bash_tool_")
_LARGEST = 50 * 1024 * 1024


def new_marker() -> str:
    """A distinctive string, new for every run, so a hit can only come from this run.

    It is built here, never written out whole in a source file, so the test files themselves never match.
    """
    return "ZQX-PRIVACY-" + "MARKER-7731-" + secrets.token_hex(6)


def _files(root: Path, skip_names: set[str], skip_prefixes: tuple[str, ...] = ()) -> Iterator[Path]:
    for folder, dirs, files in os.walk(root, onerror=lambda _error: None):
        dirs[:] = [d for d in dirs if d not in skip_names and not d.startswith(skip_prefixes)]
        for name in files:
            path = Path(folder, name)
            if path.is_file() and not path.is_symlink():
                yield path


def files_holding(marker: str, root: Path, *, since: float | None = None, temp: bool = False) -> list[Path]:
    """Every regular file under ``root`` (modified at or after ``since``, when given) that contains the marker."""
    needles = {marker.encode("utf-8"), marker.encode("utf-16-le")}
    found: list[Path] = []
    skip = set() if temp else _REPO_SKIP
    prefixes = _TEMP_SKIP_PREFIXES if temp else ()
    for path in _files(root, skip, prefixes):
        try:
            stat = path.stat()
            if since is not None and stat.st_mtime < since:
                continue
            if stat.st_size > _LARGEST:
                continue
            data = path.read_bytes()
        except OSError:
            continue
        if any(needle in data for needle in needles):
            found.append(path)
    return found


def repo_files_holding(marker: str) -> list[Path]:
    """Files in the repository (not .venv or .git) that contain the marker."""
    return files_holding(marker, REPO)


def temp_clock() -> float:
    """Now, as the temp directory's file times count it: the mtime of a file written there now.

    Compare file times with this, never with time.time(): under faketime (CI's
    date-independence step) time.time() is years ahead while the kernel stamps
    files with the real time, so "modified since time.time()" would match
    nothing and a leak would go unseen.
    """
    with tempfile.NamedTemporaryFile(prefix="tlr-clock-") as probe:
        return os.fstat(probe.fileno()).st_mtime


def temp_files_holding(marker: str, since: float) -> list[Path]:
    """Files in the temp directory, modified since ``since``, that contain the marker."""
    return files_holding(marker, Path(tempfile.gettempdir()), since=since, temp=True)
