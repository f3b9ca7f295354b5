"""The search relevance sets on the shipped pack: what practitioners type finds the descriptors a good
answer shows, in its top three.

Three sets (bench/relevance.py): the tuning and held-out halves of issue 24's set, written from
sources the project did not write and split once by a hash of the query, and issue 15's original set
(tuned on). The floors below are the figures reached, not hopes: a change that lowers them fails.
"""

from __future__ import annotations

import pytest
from pack_builder import REPO_ROOT

from behaviours.answers.finding import search
from behaviours.pack.pack import Pack
from bench.relevance import (
    HELDOUT_PATH,
    PROBES_A_PATH,
    PROBES_B_PATH,
    PROBES_C_PATH,
    PROBES_D_PATH,
    PROBES_E_PATH,
    PROBES_F_PATH,
    PROBES_G_PATH,
    PROBES_H_HELDOUT_PATH,
    PROBES_H_TUNING_PATH,
    PROBES_I_PATH,
    SET_PATH,
    TARGET_RECALL,
    TOP,
    TUNING_PATH,
    Case,
    evaluate,
    figures,
    half_of,
    load_set,
    load_sources,
    summary,
)

SHIPPED = REPO_ROOT / "behaviours" / "content"
ALL_SETS = {
    "tuning": TUNING_PATH,
    "heldout": HELDOUT_PATH,
    "original": SET_PATH,
    "probes A": PROBES_A_PATH,
    "probes B": PROBES_B_PATH,
    "probes D": PROBES_D_PATH,
    "probes E": PROBES_E_PATH,
    "probes F": PROBES_F_PATH,
    "probes G": PROBES_G_PATH,
    "probes H tuning": PROBES_H_TUNING_PATH,
    "probes H held out": PROBES_H_HELDOUT_PATH,
    "probes C": PROBES_C_PATH,
    "probes I": PROBES_I_PATH,
}


@pytest.fixture(scope="module", params=sorted(ALL_SETS))
def named_set(request: pytest.FixtureRequest) -> tuple[str, list[Case]]:
    return request.param, load_set(ALL_SETS[request.param])


def test_the_new_set_holds_at_least_200_queries_in_two_halves() -> None:
    tuning, heldout = load_set(TUNING_PATH), load_set(HELDOUT_PATH)
    assert len(tuning) + len(heldout) >= 200
    assert len(tuning) >= 90 and len(heldout) >= 90


@pytest.mark.parametrize("half, path", [("tuning", TUNING_PATH), ("heldout", HELDOUT_PATH)])
def test_each_query_sits_in_the_half_its_hash_chose(half: str, path) -> None:
    # The split was made once, before tuning: moving a query between halves would leak it.
    assert [case.query for case in load_set(path) if half_of(case.query) != half] == []


def test_the_halves_share_no_query() -> None:
    tuning = {case.query.lower() for case in load_set(TUNING_PATH)}
    assert tuning.isdisjoint(case.query.lower() for case in load_set(HELDOUT_PATH))


@pytest.mark.parametrize("path", [TUNING_PATH, HELDOUT_PATH])
def test_every_query_names_where_its_phrasing_comes_from(path) -> None:
    sources = load_sources(path)
    assert all(source.count("http") >= 1 for source in sources.values())
    assert [case.query for case in load_set(path) if case.source not in sources] == []


def test_each_set_has_expectations_and_counts_no_query_twice(named_set: tuple[str, list[Case]]) -> None:
    _, cases = named_set
    assert all(case.expect for case in cases)
    keys = [(case.query.lower(), case.age, case.developmental_age) for case in cases]
    assert len(set(keys)) == len(keys)
    assert all(level in {"green", "amber", "red"} for case in cases for level in case.not_first_level)


def test_every_expected_item_exists_in_the_pack(shipped: Pack, named_set: tuple[str, list[Case]]) -> None:
    _, cases = named_set
    assert sorted({i for case in cases for i in case.expect if shipped.behaviour(i) is None}) == []


def test_every_expected_item_holds_the_age_or_developmental_age(shipped: Pack, named_set) -> None:
    # An expectation outside the bands searched could never be met: a fault in the set, not the engine.
    _, cases = named_set
    wrong = [
        (case.query, case.age, i)
        for case in cases
        if case.age is not None
        for i in case.expect
        if not any(
            shipped.band_of(shipped.behaviour(i)).holds(a) for a in (case.age, case.developmental_age) if a is not None
        )
    ]
    assert wrong == []


def test_original_set_recall_at_3_meets_its_target(shipped: Pack) -> None:
    outcomes = evaluate(shipped, load_set(SET_PATH))
    recall, mrr = summary(outcomes)
    misses = [(o.case.query, o.case.age, o.shown) for o in outcomes if o.recall < 1]
    assert recall >= TARGET_RECALL, misses
    assert recall >= ORIGINAL_FLOOR, misses
    assert 0 < mrr <= 1


def test_the_measure_counts_a_miss_as_a_miss(shipped: Pack) -> None:
    # The harness itself: an item that cannot be in the top three scores 0, one that is first scores 1.
    first = search(shipped, "sextortion", age=14)[0].behaviour.id
    outcomes = evaluate(shipped, [Case("sextortion", (first,), 14), Case("sextortion", ("0-5-green-affection",), 14)])
    assert [o.recall for o in outcomes] == [1.0, 0.0]
    assert [o.reciprocal_rank for o in outcomes] == [1.0, 0.0]
    assert all(len(o.shown) <= TOP for o in outcomes)


def test_the_measure_counts_a_wrong_level_first(shipped: Pack) -> None:
    # "sextortion" at 14 leads with a red item: naming red as the level that must not come first counts it.
    red_first = Case("sextortion", ("13-17-red-sextortion",), 14, not_first_level=("red",))
    green_forbidden = Case("sextortion", ("13-17-red-sextortion",), 14, not_first_level=("green",))
    found = figures(evaluate(shipped, [red_first, green_forbidden]))
    assert found.wrong_level_first == 1


# Floors reached after issue 24's tuning, re-tuned for content 2.1 and again in round 4 (tuned on the
# tuning half only; the held-out half was never tuned on). Before issue 24: tuning 0.655, held-out 0.623,
# wrong level first 6 and 9. Content 2.1 before re-tuning: tuning 0.946, held-out 0.852, held-out wrong
# level first 3. Round 4 (content 2.1.1): tuning 0.977 -> 0.959 (162 queries, 14 new and harder; the
# first 148 reach 0.979), held-out 0.871 -> 0.892. Round 5: tuning 0.959 -> 0.969 (185 queries, 23 new;
# the first 162 reach 0.991), held-out 0.892 -> 0.913, wrong level first 3 -> 1, green first where red
# is expected 2 -> 1; the original set stays at 1.000. Round 5's second pass (own-body words, adult ages,
# content 2.1.2): tuning MRR 0.935 -> 0.937, held-out recall 0.913 -> 0.917 and MRR 0.877 -> 0.893 (seen
# only as totals, twice); the floor is the issue's target, not the last figure, so one partial miss among
# 142 queries does not fail the suite while the target holds. Round 6 (everyday words, two project-written
# probe sets, content 2.1.3): tuning 0.969 / MRR 0.939 unchanged, original MRR 0.971 -> 0.976, held-out
# 0.917 -> 0.931 and MRR 0.893 -> 0.902 (seen as totals four times), its level counts still 1 and 1.
TUNING_FLOOR = 0.96  # reached 0.969
HELDOUT_FLOOR = 0.90  # reached 0.931; issue 24's target (0.90)
HELDOUT_WRONG_FIRST_CEILING = 1  # issue 24's target is 0: missed by one, see bench/README.md
HELDOUT_GREEN_OVER_RED_CEILING = 1  # issue 24's target is 0: missed by one, see bench/README.md
ORIGINAL_FLOOR = 0.99  # reached 1.000 (one partial miss among 85 queries would be 0.994)


def test_tuning_half_meets_its_floor_with_no_wrong_level_first(shipped: Pack) -> None:
    outcomes = evaluate(shipped, load_set(TUNING_PATH))
    found = figures(outcomes)
    misses = [(o.case.query, o.case.age, o.shown) for o in outcomes if o.recall < 1]
    assert found.recall >= TUNING_FLOOR, misses
    assert found.wrong_level_first == 0, [o.case.query for o in outcomes if o.wrong_level_first]


def test_held_out_half_meets_its_floor(shipped: Pack) -> None:
    found = figures(evaluate(shipped, load_set(HELDOUT_PATH)))
    assert found.recall >= HELDOUT_FLOOR
    assert found.wrong_level_first <= HELDOUT_WRONG_FIRST_CEILING
    assert found.green_first_red_expected <= HELDOUT_GREEN_OVER_RED_CEILING


def test_round_12s_blind_set_meets_the_issues_targets(shipped: Pack) -> None:
    """Probe set I (round 12, written blind from guidance and forum situations, held out whole): 0.901 / 0.857 / 8 / 0
    on the round's rules and on the commit before them. A floor, never tuned on: only its totals are read
    (`--tuning-misses`)."""
    found = figures(evaluate(shipped, load_set(PROBES_I_PATH)))
    assert found.recall >= 0.90
    assert found.wrong_level_first <= 8
    assert found.green_first_red_expected == 0


# Round 6's project-written probe sets (tuned on): a regression net for the kinds of wording they cover.
# Set A: everyday phrasings (before round 6: recall 0.856, wrong level first 19); set B: serious things
# without the usual cue words (before, at 6e71a46: recall 0.464, wrong level first 36, green first where red is
# expected 23). Floors and ceilings are the figures reached.
PROBE_LIMITS = {
    # path: (recall floor, wrong-level-first ceiling, green-first-where-red ceiling)
    PROBES_A_PATH: (0.89, 5, 0),
    PROBES_B_PATH: (0.55, 7, 0),
    PROBES_D_PATH: (0.69, 37, 0),
    # Round 12: E's one green first where red was expected is gone (0.831 / 12 / 0).
    PROBES_E_PATH: (0.83, 12, 0),
    PROBES_F_PATH: (0.81, 16, 0),
    PROBES_G_PATH: (0.72, 15, 1),
    # Round 11's tuning half of H (blind, before: 0.778 / 25 / 0).
    PROBES_H_TUNING_PATH: (0.82, 14, 0),
}


@pytest.mark.parametrize("path", sorted(PROBE_LIMITS))
def test_the_probe_sets_hold_what_they_reached(shipped: Pack, path) -> None:
    floor, wrong_ceiling, green_ceiling = PROBE_LIMITS[path]
    outcomes = evaluate(shipped, load_set(path))
    found = figures(outcomes)
    assert found.recall >= floor
    assert found.wrong_level_first <= wrong_ceiling, [o.case.query for o in outcomes if o.wrong_level_first]
    assert found.green_first_red_expected <= green_ceiling, [
        o.case.query for o in outcomes if o.green_first_red_expected
    ]


def test_tuning_misses_never_prints_a_held_out_query(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    # Whoever tunes the engine reads only the held-out sets' totals (round 7's probes C as the half).
    import bench.relevance as relevance

    monkeypatch.setattr(relevance, "SETS", (("probes C (held out)", PROBES_C_PATH),))
    assert relevance.main(["--tuning-misses"]) == 0
    printed = capsys.readouterr().out
    assert "probes C (held out)" in printed and "recall@3" in printed
    assert not [case.query for case in load_set(PROBES_C_PATH) if case.query in printed]
