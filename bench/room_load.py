"""Issue 27's load targets for live rooms: 150 phones on two replicas with Redis and PostgreSQL, and what one replica holds.

    python -m bench.room_load [--phones 150] [--replicas 2] [--database postgres] [--window 10]
                              [--ladder 25,50,75,100,150] [--budget 840]

1. The room: ``--phones`` phones on ``--replicas`` replicas sharing a redis-server, with the
   results in ``--database``, each phone voting at a random moment within ``--window`` s
   (bench/rooms.py's run_room): vote-to-count p95 on the trainer's screen (target < 1 s), lost
   votes (target 0), and the time to save the result (target < 2 s), with a second tab's save
   refused as already saved.
2. The ladder: the same room on ONE replica at each number of phones in ``--ladder``, rising; the
   largest number at which that step and every smaller one had p95 < 1 s with nothing lost is
   the phones one replica holds, the figure docs/deploy.md and deploy/k8s/hpa.yaml use. On a
   shared machine one step can miss from others' load and the next meet, so a miss does not end
   the ladder; two misses in a row do (more phones only load the replica more).

Bounded: every session has a 30 s timeout, each room stops at its share of ``--budget``, and a
step is not started once the budget is spent (it is listed as not run). The load average is
printed beside every figure: the machine is shared.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import time

from behaviours.pack.loader import load_pack
from bench.report import REPO_ROOT
from bench.rooms import DATABASES, RoomRun, rig, run_room

# A step needs about this long at most: opening the phones' pages, the window, the settling and the save.
STEP_ALLOWANCE_S = 90.0


def held_by_one_replica(ladder: list[RoomRun]) -> int | None:
    """The largest number of phones at which one replica, at that step and every smaller one, showed
    vote-to-count p95 < 1 s with nothing lost; None when the smallest step missed."""
    held = None
    for run in sorted(ladder, key=lambda r: r.phones):
        if not run.votes_met:
            break
        held = run.phones
    return held


def table(runs: list[tuple[str, RoomRun]]) -> list[str]:
    """The figures as a Markdown table, as bench/README.md shows them."""
    lines = [
        "| run | phones | replicas | vote to count p50 / p95 | lost | save | second tab | replica CPU a phone "
        "| load average | verdict |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, run in runs:
        save = f"{run.save_s * 1000:,.0f} ms" if run.save_s is not None else "-"
        lines.append(
            f"| {name} | {run.phones} | {run.replicas} | {run.vote_to_count.p50_ms:,.0f} / "
            f"{run.vote_to_count.p95_ms:,.0f} ms | {run.lost} | {save} | {run.second_tab or '-'} | "
            f"{run.millicores_per_phone:.1f}m | "
            f"{run.load_before[0]:.1f} to {run.load_after[0]:.1f} | "
            f"{'met' if run.votes_met and run.save_met is not False else 'missed'} |"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phones", type=int, default=150)
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--database", choices=DATABASES, default="postgres")
    parser.add_argument("--window", type=float, default=10.0, help="seconds in which every phone votes")
    parser.add_argument("--ladder", default="25,50,75,100,150", help="phones on one replica, rising ('' for none)")
    parser.add_argument("--seed", type=int, default=27)
    parser.add_argument("--budget", type=float, default=840.0, help="seconds the whole bench may take")
    args = parser.parse_args(argv)
    deadline = time.perf_counter() + args.budget
    steps = sorted({int(n) for n in args.ladder.split(",") if n.strip()})
    pack = load_pack(REPO_ROOT / "behaviours" / "content")
    print(f"room load bench: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at the start", flush=True)

    runs: list[tuple[str, RoomRun]] = []
    ladder: list[RoomRun] = []
    not_run: list[int] = []
    with contextlib.ExitStack() as stack:
        running = stack.enter_context(rig(args.replicas, args.database))
        room = run_room(running, pack, args.phones, args.window, args.seed, min(300.0, deadline - time.perf_counter()))
        runs.append(("the room", room))
        print("\n".join(room.lines()), flush=True)
        if steps and args.replicas != 1:
            stack.close()  # the ladder has one replica of its own (a single-replica room shares its rig)
            running = stack.enter_context(rig(1, args.database))
        for number, phones in enumerate(steps):
            left = deadline - time.perf_counter()
            if left < STEP_ALLOWANCE_S:
                not_run = steps[number:]
                break
            step = run_room(running, pack, phones, args.window, args.seed + phones, min(STEP_ALLOWANCE_S * 2, left))
            ladder.append(step)
            runs.append((f"one replica, {phones}", step))
            print("\n".join(step.lines()), flush=True)
            if len(ladder) >= 2 and not ladder[-1].votes_met and not ladder[-2].votes_met:
                not_run = steps[number + 1 :]
                break

    print()
    print("\n".join(table(runs)))
    if not_run:
        print(f"not run: {', '.join(str(n) for n in not_run)} phones on one replica (two steps missed, or the budget)")
    if steps:
        held = held_by_one_replica(ladder)
        top = f"at least {held}" if held is not None and held == max(steps) else str(held)
        met_any = ", ".join(str(r.phones) for r in ladder if r.votes_met) or "none"
        print(
            f"phones one replica holds with vote-to-count p95 < 1 s and nothing lost: {top if held else 'none'} "
            f"(that step and every smaller one met; steps met: {met_any})"
        )
    met = room.votes_met and room.save_met is not False
    print(f"targets (p95 < 1 s, 0 lost, save < 2 s, kept once) for {args.phones} phones: {'met' if met else 'NOT met'}")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
