"""Run the benchmarks: `python -m bench [--quick] [--only content,relevance,server,browser,capacity]`.

Prints one table per section as it finishes, then the issue's targets
(met, missed or not measured), and writes bench/results.json (machine,
settings, targets, every row). Exits 1 when a target could not be measured
at all (a row marked FAILED); slow figures, missed targets and errors under
load are results, not failures.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

if __package__ in {None, ""}:  # run as `python bench/run.py`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import targets
from bench.report import RESULTS_PATH, Row, machine_info, render_goals, render_section, write_results

SECTIONS = ("content", "relevance", "server", "browser", "capacity")
MAX_SESSIONS = 200  # the machine has 2 cores; more says nothing and takes the machine from others

QUICK = {
    "content_repeats": 5,
    "content_factors": (1, 10),
    "server_repeats": 20,
    "server_warmup": 3,
    "browser_repeats": 3,
    "browser_warmup": 1,
    "levels": (10, 25),
    "replicated": (),
    "duration_s": 5.0,
    "think_s": 1.0,
    "max_interactions": 30,
}
FULL = {
    "content_repeats": 30,
    "content_factors": (1, 10),
    "server_repeats": 200,
    "server_warmup": 10,
    "browser_repeats": 15,
    "browser_warmup": 2,
    "levels": (10, 25, 50, 100),
    "replicated": ((200, 2),),  # 200 sessions on two replicas behind the shipped nginx.conf
    "duration_s": 15.0,
    "think_s": 1.0,
    "max_interactions": 100,
}


def _levels(text: str) -> tuple[int, ...]:
    levels = tuple(int(part) for part in text.split(",") if part.strip())
    if not levels or min(levels) < 1 or max(levels) > MAX_SESSIONS:
        raise argparse.ArgumentTypeError(f"levels must be between 1 and {MAX_SESSIONS}")
    return levels


def _replicated(text: str) -> tuple[tuple[int, int], ...]:
    """'200x2,100x2': sessions x replicas behind nginx."""
    pairs = []
    for part in (p.strip() for p in text.split(",") if p.strip()):
        sessions, _, replicas = part.partition("x")
        try:
            pair = (int(sessions), int(replicas or 2))
        except ValueError as error:
            raise argparse.ArgumentTypeError(f"write SESSIONSxREPLICAS, e.g. 200x2, not {part!r}") from error
        if not 1 <= pair[0] <= MAX_SESSIONS or not 2 <= pair[1] <= 4:
            raise argparse.ArgumentTypeError(f"sessions 1 to {MAX_SESSIONS}, replicas 2 to 4: {part!r}")
        pairs.append(pair)
    return tuple(pairs)


def _sections(text: str) -> tuple[str, ...]:
    chosen = tuple(part.strip() for part in text.split(",") if part.strip())
    unknown = [part for part in chosen if part not in SECTIONS]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(f"choose from {', '.join(SECTIONS)}")
    return chosen


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options; --quick picks small repeat counts and two load levels."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--only", type=_sections, default=SECTIONS, help="comma-separated: " + ",".join(SECTIONS))
    parser.add_argument("--quick", action="store_true", help="small N: a check that everything runs (about 3 min)")
    parser.add_argument("--repeats", type=int, help="override repetitions for content, server and browser")
    parser.add_argument("--levels", type=_levels, help="concurrent sessions per capacity level, e.g. 10,25,50,100")
    parser.add_argument(
        "--replicated", type=_replicated, help="capacity levels on replicas behind nginx, e.g. 200x2 (none: '')"
    )
    parser.add_argument("--duration", type=float, help="seconds of interactions per capacity level")
    parser.add_argument("--think", type=float, help="mean seconds between one session's interactions")
    parser.add_argument("--no-capacity-baselines", action="store_true", help="skip bare/hello capacity runs")
    parser.add_argument("--screenshots", type=Path, help="save a screenshot of each page opened in Chromium here")
    parser.add_argument("--out", type=Path, default=RESULTS_PATH, help="where to write results.json")
    return parser.parse_args(argv)


def settings_from(options: argparse.Namespace) -> dict[str, object]:
    """The run's settings: the quick or full preset with any overrides applied."""
    settings = dict(QUICK if options.quick else FULL)
    if options.repeats:
        for key in ("content_repeats", "server_repeats", "browser_repeats"):
            settings[key] = options.repeats
    if options.levels:
        settings["levels"] = options.levels
    if options.replicated is not None:
        settings["replicated"] = options.replicated
    if options.duration:
        settings["duration_s"] = options.duration
    if options.think is not None:
        settings["think_s"] = options.think
    settings["sections"] = options.only
    settings["mode"] = "quick" if options.quick else "full"
    return settings


def run_section(name: str, settings: dict[str, object], options: argparse.Namespace) -> list[Row]:
    """Run one section against its targets (imports are late: each section's are heavy)."""
    if name == "content":
        from bench.content import measure_content

        rows: list[Row] = []
        for plug in targets.content_plugs():
            rows += measure_content(
                plug, settings["content_factors"], settings["content_repeats"], warmup=1, paced=True, least_loads=5
            )
        from bench.hostile_input import measure_hostile_input

        return rows + measure_hostile_input(settings["content_repeats"])
    if name == "relevance":
        from bench.relevance import measure_relevance

        return measure_relevance()
    if name == "server":
        from bench.server_time import measure_server

        return measure_server(targets.server_targets(), settings["server_repeats"], settings["server_warmup"])
    if name == "browser":
        from bench.browser_time import measure_browser

        return measure_browser(
            targets.browser_targets(),
            settings["browser_repeats"],
            settings["browser_warmup"],
            screenshot_dir=options.screenshots,
        )
    if name == "capacity":
        from bench.capacity import LoadSettings, measure_capacity

        load = LoadSettings(
            levels=settings["levels"],
            replicated=settings["replicated"],
            duration_s=settings["duration_s"],
            think_s=settings["think_s"],
            max_interactions=settings["max_interactions"],
        )
        return measure_capacity(targets.capacity_targets(), load, baselines=not options.no_capacity_baselines)
    raise ValueError(name)


def main(argv: list[str] | None = None) -> int:
    """Run the chosen sections, print their tables, write results.json; 1 if a target failed."""
    options = parse_args(argv)
    settings = settings_from(options)
    machine = machine_info()
    print(
        f"bench ({settings['mode']}) on {machine['cores']} cores, {machine['cpu_model']}, "
        f"load {machine['load_average_at_start']}, Python {machine['python']}, "
        f"Streamlit {machine['streamlit']}, {machine['chromium']}",
        flush=True,
    )
    results: dict[str, list[Row]] = {}
    for name in SECTIONS:
        if name not in options.only:
            continue
        started = time.monotonic()
        try:
            results[name] = run_section(name, settings, options)
        except Exception as error:  # keep the other sections' figures
            results[name] = [Row(name, "(section)", "all", None, note=f"FAILED: {type(error).__name__}: {error}")]
        print(f"\n{render_section(f'{name} ({time.monotonic() - started:.0f} s)', results[name])}", flush=True)
    verdicts = [goal.evaluate(results) for goal in targets.goals() if goal.section in results]
    if verdicts:
        print(f"\n{render_goals(verdicts)}", flush=True)
    path = write_results(results, settings, options.out, machine, verdicts)
    print(f"\nwrote {path}", flush=True)
    failed = [row for rows in results.values() for row in rows if row.note.startswith("FAILED")]
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
