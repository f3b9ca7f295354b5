"""Search relevance on the shipped pack: recall@3 and mean reciprocal rank over a fixed query set.

`python -m bench.relevance [--set bench/relevance.yaml] [--pack DIR]` prints one row per query that
misses, then the totals. The set (bench/relevance.yaml) holds what practitioners type (slang,
misspellings, current harms), each with the descriptor ids a good answer shows; `age` narrows the
search to that age's bands, as /search?q=...&age=14 does.

recall@3 for one query is the share of its expected items found in the top three (out of at most
three); the set's recall@3 is the mean. MRR is the mean of 1/rank of the first expected item.
Targets (issue 15): recall@3 >= 0.95.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

if __package__ in {None, ""}:  # run as `python bench/relevance.py`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from behaviours import Pack, load_pack

SET_PATH = Path(__file__).with_name("relevance.yaml")
TOP = 3
TARGET_RECALL = 0.95


@dataclass(frozen=True)
class Case:
    """One query, the ids a good answer shows, and an optional age."""

    query: str
    expect: tuple[str, ...]
    age: int | None = None


@dataclass(frozen=True)
class Outcome:
    """How one query did: its recall@3, reciprocal rank, and the ids it showed first."""

    case: Case
    recall: float
    reciprocal_rank: float
    shown: tuple[str, ...]


def load_set(path: Path = SET_PATH) -> list[Case]:
    """The relevance set from YAML: a list of {query, expect: [ids], age?}."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Case(str(item["query"]), tuple(item["expect"]), item.get("age")) for item in data]


def evaluate(pack: Pack, cases: list[Case]) -> list[Outcome]:
    """Run each query through the same engine the pages use."""
    outcomes = []
    for case in cases:
        shown = tuple(hit.behaviour.id for hit in pack.search(case.query, limit=20, age=case.age))
        expected = set(case.expect)
        found = len(expected & set(shown[:TOP]))
        recall = found / min(len(expected), TOP)
        rank = next((number for number, item in enumerate(shown, 1) if item in expected), None)
        outcomes.append(Outcome(case, min(recall, 1.0), 1 / rank if rank else 0.0, shown[:TOP]))
    return outcomes


def summary(outcomes: list[Outcome]) -> tuple[float, float]:
    """(recall@3, MRR) over the set."""
    count = max(len(outcomes), 1)
    return sum(o.recall for o in outcomes) / count, sum(o.reciprocal_rank for o in outcomes) / count


def measure_relevance(pack_dir: Path | None = None, set_path: Path = SET_PATH) -> list:
    """The relevance figures as one bench row (section "relevance"): recall@3 and MRR, for `python -m bench`."""
    from bench.report import Row

    outcomes = evaluate(load_pack(pack_dir), load_set(set_path))
    recall, mrr = summary(outcomes)
    misses = [o.case.query for o in outcomes if o.recall < 1]
    row = Row(
        "relevance",
        "search relevance set",
        f"{len(outcomes)} queries",
        None,
        figures={"recall@3": round(recall, 3), "MRR": round(mrr, 3), "queries": len(outcomes)},
        details={"misses": misses},
        note=f"target recall@3 >= {TARGET_RECALL}: {'met' if recall >= TARGET_RECALL else 'missed'}",
    )
    return [row]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.relevance", description=__doc__)
    parser.add_argument("--set", type=Path, default=SET_PATH)
    parser.add_argument("--pack", type=Path, default=None)
    args = parser.parse_args(argv)
    pack = load_pack(args.pack)
    cases = load_set(args.set)
    unknown = sorted({i for case in cases for i in case.expect if pack.behaviour(i) is None})
    if unknown:
        print("The set names ids the pack does not have: " + ", ".join(unknown))
        return 1
    outcomes = evaluate(pack, cases)
    print(f"{'query':32} {'age':>4} {'recall@3':>9} {'RR':>5}  first three shown")
    for outcome in outcomes:
        if outcome.recall < 1 or outcome.reciprocal_rank < 1:
            age = "" if outcome.case.age is None else str(outcome.case.age)
            print(
                f"{outcome.case.query[:32]:32} {age:>4} {outcome.recall:9.2f} {outcome.reciprocal_rank:5.2f}  "
                + ", ".join(outcome.shown)
            )
    recall, mrr = summary(outcomes)
    verdict = "met" if recall >= TARGET_RECALL else "MISSED"
    print(f"\n{len(outcomes)} queries · recall@3 {recall:.3f} (target >= {TARGET_RECALL}: {verdict}) · MRR {mrr:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
