"""The search relevance set (bench/relevance.yaml) on the shipped pack: what practitioners type finds
the descriptors a good answer shows, in its top three."""

from __future__ import annotations

import pytest
from pack_builder import REPO_ROOT, TODAY

from behaviours.pack.loader import load_pack
from behaviours.pack.pack import Pack
from bench.relevance import SET_PATH, TARGET_RECALL, TOP, Case, evaluate, load_set, summary

SHIPPED = REPO_ROOT / "behaviours" / "content"


@pytest.fixture(scope="module")
def shipped() -> Pack:
    return load_pack(SHIPPED, today=TODAY)


@pytest.fixture(scope="module")
def cases() -> list[Case]:
    return load_set(SET_PATH)


def test_the_set_holds_at_least_60_queries_each_with_expected_items(cases: list[Case]) -> None:
    assert len(cases) >= 60
    assert all(case.expect for case in cases)
    assert len({(case.query.lower(), case.age) for case in cases}) == len(cases), "no query is counted twice"


def test_every_expected_item_exists_in_the_pack(shipped: Pack, cases: list[Case]) -> None:
    missing = sorted({i for case in cases for i in case.expect if shipped.behaviour(i) is None})
    assert missing == []


def test_every_expected_item_holds_the_age_searched_for(shipped: Pack, cases: list[Case]) -> None:
    # An expectation outside the age's bands could never be met: a fault in the set, not the engine.
    wrong = [
        (case.query, case.age, i)
        for case in cases
        if case.age is not None
        for i in case.expect
        if not shipped.band_of(shipped.behaviour(i)).holds(case.age)
    ]
    assert wrong == []


def test_recall_at_3_meets_the_target(shipped: Pack, cases: list[Case]) -> None:
    outcomes = evaluate(shipped, cases)
    recall, mrr = summary(outcomes)
    misses = [(o.case.query, o.case.age, o.shown) for o in outcomes if o.recall < 1]
    assert recall >= TARGET_RECALL, misses
    assert 0 < mrr <= 1


def test_the_measure_counts_a_miss_as_a_miss(shipped: Pack) -> None:
    # The harness itself: an item that cannot be in the top three scores 0, one that is first scores 1.
    first = shipped.search("sextortion", age=14)[0].behaviour.id
    outcomes = evaluate(shipped, [Case("sextortion", (first,), 14), Case("sextortion", ("0-5-green-affection",), 14)])
    assert [o.recall for o in outcomes] == [1.0, 0.0]
    assert [o.reciprocal_rank for o in outcomes] == [1.0, 0.0]
    assert all(len(o.shown) <= TOP for o in outcomes)
