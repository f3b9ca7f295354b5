"""Search results arranged for reading: ranked by match with the level in words, corrections said, examples."""

from __future__ import annotations

import dataclasses

import pytest
from pack_builder import MINIMAL, REPO_ROOT, TODAY

from behaviours.answers.case import bands_for_case
from behaviours.answers.finding import search
from behaviours.answers.search_results import (
    corrected_words,
    correction_notice,
    find_for_case,
    levels_found,
    ranked_results,
    result_summary,
    results_table,
    search_examples,
)
from behaviours.pack.loader import load_pack
from behaviours.pack.model import Level
from behaviours.pack.pack import Pack

SHIPPED = REPO_ROOT / "behaviours" / "content"


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack(MINIMAL, today=TODAY)


def test_results_keep_the_engine_s_order_not_band_or_level_order(pack: Pack) -> None:
    hits = search(pack, "sharing touching") + search(pack, "questions")
    mixed = list(reversed(hits))
    results = ranked_results(pack, mixed, None)
    assert [r.behaviour.id for r in results] == [hit.behaviour.id for hit in mixed]
    assert [r.level for r in results] == [hit.behaviour.level for hit in mixed]


def test_levels_found_puts_the_most_serious_first(pack: Pack) -> None:
    results = ranked_results(pack, search(pack, "questions") + search(pack, "sharing"), None)
    assert levels_found(results) == [Level.RED, Level.GREEN]
    assert levels_found([]) == []


def test_summary_counts_behaviours_and_bands_in_words(pack: Pack) -> None:
    results = ranked_results(pack, search(pack, "sharing"), None)
    assert result_summary(results) == "2 behaviours in 2 age bands"
    assert result_summary(results[:1]) == "1 behaviour in 1 age band"


@pytest.mark.parametrize(
    ("typed", "meant", "said"),
    [
        ("masterbating", "masturbating", "No behaviour uses “masterbating”; showing results for “masturbating”."),
        (
            "Is he MASTERBATING, sextin?",
            "is he masturbating sexting",
            "No behaviour uses “masterbating” or “sextin”; showing results for “is he masturbating sexting”.",
        ),
    ],
)
def test_a_corrected_search_says_which_words_were_changed(typed: str, meant: str, said: str) -> None:
    assert correction_notice(typed, meant) == said


def test_no_correction_no_notice() -> None:
    assert correction_notice("sexting", None) is None
    assert corrected_words("sexting", None) == []


def test_the_table_lists_results_in_rank_order_with_the_level_at_the_age(pack: Pack) -> None:
    results = ranked_results(pack, search(pack, "sharing"), None)
    table = results_table(pack, results)
    assert list(table.columns) == ["Age band", "Level", "What it can look like"]
    assert list(table["What it can look like"]) == [r.behaviour.text for r in results]
    assert set(table["Level"]) == {"Red"}


def test_examples_are_searches_that_find_something(pack: Pack) -> None:
    examples = search_examples(pack)
    assert examples == ["sexting", "questions", "touching", "sharing"]
    for words in examples:
        assert search(pack, words), words


def test_examples_skip_synonyms_that_find_nothing_and_repeat_no_word(pack: Pack) -> None:
    info = pack.info.model_copy(update={"synonyms": [["zzzz", "yyyy"], ["Touching", "groping"]]})
    examples = search_examples(dataclasses.replace(pack, info=info), limit=10)
    assert examples == ["Touching", "questions", "sharing"]


@pytest.mark.skipif(not (SHIPPED / "pack.yaml").is_file(), reason="the shipped pack is not there")
def test_shipped_examples_find_something() -> None:
    shipped = load_pack(SHIPPED, today=TODAY)
    examples = search_examples(shipped)
    assert len(examples) == 4
    assert all(search(shipped, words) for words in examples)


# ------------------------------------------------------------------ the case page's "Find a behaviour"


def test_find_for_case_lets_the_developmental_band_lead(shipped: Pack) -> None:
    # Age 16 with the 5-9 band for development: both bands are searched, and the 5-9 items lead.
    case = bands_for_case(shipped, 16, None, "5-9")
    assert case.developmental is not None and case.developmental.id == "5-9"
    led = find_for_case(shipped, "masturbating", case.bands, developmental=case.developmental)
    # The three 5-9 self-touch items lead ("masturbating" is a child's own body, round 6: the 5-9 item on
    # touching each other, fourth before, now follows the 13-17 self-touch items).
    assert [shipped.band_of(b).id for b in led.behaviours][:3] == ["5-9"] * 3
    assert {shipped.band_of(b).id for b in led.behaviours} == {"5-9", "13-17"}
    # Without the developmental band leading, the age's band comes first: the lead is what moved it.
    unled = find_for_case(shipped, "masturbating", case.bands)
    assert unled.behaviours[0].id.startswith("13-17-")


def test_find_for_case_searches_a_developmental_band_the_bands_leave_out(shipped: Pack) -> None:
    band_13_17, band_5_9 = shipped.band("13-17"), shipped.band("5-9")
    assert band_13_17 is not None and band_5_9 is not None
    found = find_for_case(shipped, "masturbating", [band_13_17], developmental=band_5_9)
    assert found.behaviours[0].id.startswith("5-9-")
    assert any(b.id.startswith("13-17-") for b in found.behaviours)


def test_find_for_case_without_a_developmental_band_keeps_to_the_case_bands(shipped: Pack) -> None:
    case = bands_for_case(shipped, 7, None)
    assert case.developmental is None
    found = find_for_case(shipped, "masturbating in class", case.bands)
    assert found.behaviours and all(b.id.startswith("5-9-") for b in found.behaviours)
