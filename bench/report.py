"""One results format for every section: rows, ratios to baselines, table, results.json."""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import platform
import subprocess
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from bench.stats import Stats, ratio
from devharness.chromium import CHROMIUM_PATH as DEBIAN_CHROMIUM

REPO_ROOT = Path(__file__).resolve().parent.parent
RESULTS_PATH = REPO_ROOT / "bench" / "results.json"
CHROMIUM_PATH = str(DEBIAN_CHROMIUM)


@dataclass
class Row:
    """One measured thing: a target, what was done to it, and how long it took.

    `ratios` maps a baseline's label to target p50 / baseline p50 (and
    `ratios_p95` the same for p95), so "hello x3.2" reads "3.2 times as long
    as the bare hello app". `figures` holds numbers a section adds beyond
    latency (sessions, errors, memory), shown as extra columns; `details`
    goes to results.json only.
    """

    section: str
    target: str
    measure: str
    stats: Stats | None
    ratios: dict[str, float] = field(default_factory=dict)
    ratios_p95: dict[str, float] = field(default_factory=dict)
    figures: dict[str, Any] = field(default_factory=dict)
    details: dict[str, Any] = field(default_factory=dict)
    note: str = ""

    def compare_with(self, label: str, baseline: Row | None) -> None:
        """Record this row's ratios to `baseline` (skipped when there is none)."""
        if baseline is None or baseline.stats is None or self.stats is None:
            return
        self.ratios[label] = ratio(self.stats.p50_ms, baseline.stats.p50_ms)
        self.ratios_p95[label] = ratio(self.stats.p95_ms, baseline.stats.p95_ms)

    def as_dict(self) -> dict[str, Any]:
        """The row as JSON-ready data (NaN becomes null)."""
        return _json_ready(
            {
                "section": self.section,
                "target": self.target,
                "measure": self.measure,
                "stats": self.stats.as_dict() if self.stats else None,
                "ratio_p50": self.ratios,
                "ratio_p95": self.ratios_p95,
                "figures": self.figures,
                "details": self.details,
                "note": self.note,
            }
        )


def _json_ready(value: Any) -> Any:
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else round(value, 3)
    if isinstance(value, Mapping):
        return {str(key): _json_ready(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_json_ready(item) for item in value]
    return value


def _format_number(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        if math.isnan(value):
            return "-"
        return f"{value:.0f}" if abs(value) >= 100 else f"{value:.1f}" if abs(value) >= 10 else f"{value:.2f}"
    return str(value)


def _format_ratios(ratios: Mapping[str, float]) -> str:
    return ", ".join(f"{label} x{_format_number(value)}" for label, value in ratios.items()) or "-"


def render_table(headers: Sequence[str], cells: Iterable[Sequence[str]]) -> str:
    """Plain-text table with columns padded to their widest cell."""
    body = [list(row) for row in cells]
    widths = [max(len(str(item)) for item in column) for column in zip(headers, *body, strict=False)]
    lines = [
        "  ".join(str(item).ljust(width) for item, width in zip(row, widths, strict=False))
        for row in [list(headers), *body]
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(line.rstrip() for line in lines)


def render_section(title: str, rows: Sequence[Row]) -> str:
    """The table for one section: latency columns, any extra figures, ratios; notes below it."""
    extra_keys: list[str] = []
    for row in rows:
        extra_keys += [key for key in row.figures if key not in extra_keys]
    headers = ["target", "measure", "n", "p50 ms", "p95 ms", "mean ms", *extra_keys, "p50 ratio to baseline"]
    cells = []
    notes = []
    for row in rows:
        stats = row.stats
        measure = row.measure
        if row.note:
            notes.append(f"[{len(notes) + 1}] {row.target} {row.measure}: {row.note}")
            measure += f" [{len(notes)}]"
        cells.append(
            [
                row.target,
                measure,
                _format_number(stats.n if stats else None),
                _format_number(stats.p50_ms if stats else None),
                _format_number(stats.p95_ms if stats else None),
                _format_number(stats.mean_ms if stats else None),
                *[_format_number(row.figures.get(key)) for key in extra_keys],
                _format_ratios(row.ratios),
            ]
        )
    return "\n".join([f"== {title} ==", render_table(headers, cells), *notes])


@dataclass(frozen=True)
class Goal:
    """A target the issue sets, checked against one row of the results.

    `check(row)` returns (met, the figure in words), e.g.
    `(True, "p95 3.1 ms")`; the row is the one whose section, target and
    measure match.
    """

    text: str
    section: str
    target: str
    measure: str
    check: Callable[[Row], tuple[bool, str]]

    def evaluate(self, sections: Mapping[str, Sequence[Row]]) -> dict[str, Any]:
        """The verdict: "met", "missed" or "not measured", with the figure."""
        for row in sections.get(self.section, ()):
            if row.target == self.target and row.measure == self.measure and row.stats is not None:
                met, figure = self.check(row)
                return {"goal": self.text, "verdict": "met" if met else "missed", "figure": figure}
        return {"goal": self.text, "verdict": "not measured", "figure": "-"}


def render_goals(verdicts: Sequence[Mapping[str, Any]]) -> str:
    """The targets table printed after every section."""
    cells = [[item["goal"], item["figure"], item["verdict"]] for item in verdicts]
    return "\n".join(["== targets ==", render_table(["target", "measured", "verdict"], cells)])


def _command_output(command: Sequence[str]) -> str:
    try:
        completed = subprocess.run(command, capture_output=True, text=True, timeout=20, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return completed.stdout.strip()


def _package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return ""


def machine_info() -> dict[str, Any]:
    """What the figures were measured on, so two results files can be compared fairly."""
    cpu_model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu_model = line.split(":", 1)[1].strip()
                break
    memory_kb = 0
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        memory_kb = int(meminfo.read_text().split("MemTotal:", 1)[1].split()[0])
    commit = _command_output(["git", "-C", str(REPO_ROOT), "rev-parse", "--short", "HEAD"])
    dirty = bool(_command_output(["git", "-C", str(REPO_ROOT), "status", "--porcelain"]))
    return {
        "date_utc": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "cores": os.cpu_count(),
        "cores_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "cpu_model": cpu_model,
        "memory_gib": round(memory_kb / 1024 / 1024, 1),
        # The machine is shared: a high load average at the start explains noisy figures.
        "load_average_at_start": [round(value, 2) for value in os.getloadavg()],
        "platform": platform.platform(),
        "python": platform.python_version(),
        "streamlit": _package_version("streamlit"),
        "playwright": _package_version("playwright"),
        "websocket_client": _package_version("websocket-client"),
        "chromium": _command_output([CHROMIUM_PATH, "--version"]) if Path(CHROMIUM_PATH).exists() else "",
        "git_commit": commit + ("+dirty" if dirty and commit else ""),
    }


def write_results(
    sections: Mapping[str, Sequence[Row]],
    settings: Mapping[str, Any],
    path: Path = RESULTS_PATH,
    machine: Mapping[str, Any] | None = None,
    goals: Sequence[Mapping[str, Any]] = (),
) -> Path:
    """Write every section's rows with machine info, run settings and target verdicts to results.json."""
    document = {
        "machine": dict(machine or machine_info()),
        "settings": _json_ready(dict(settings)),
        "targets": [dict(goal) for goal in goals],
        "sections": {name: [row.as_dict() for row in rows] for name, rows in sections.items()},
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, indent=2) + "\n")
    return path
