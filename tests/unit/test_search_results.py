"""Search results arranged for reading: by band, then level, with a summary and example searches."""

from __future__ import annotations

import dataclasses

import pytest
from pack_builder import MINIMAL, REPO_ROOT, TODAY

from behaviours.loader import load_pack
from behaviours.model import Level
from behaviours.pack import Pack
from behaviours.search_results import group_hits, result_summary, search_examples

SHIPPED = REPO_ROOT / "behaviours" / "content"


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack(MINIMAL, today=TODAY)


def test_hits_are_grouped_by_band_in_pack_order_then_by_level(pack: Pack) -> None:
    hits = pack.search("touching") + pack.search("questions") + pack.search("sharing")
    groups = group_hits(pack, list(reversed(hits)))
    assert [g.band.label for g in groups] == ["Ages 0 to 9", "Ages 9 to 17"]
    for group in groups:
        assert [lg.level for lg in group.levels] == [Level.GREEN, Level.AMBER, Level.RED]
        assert group.count == 3


def test_levels_and_bands_without_hits_are_left_out(pack: Pack) -> None:
    hits = [hit for hit in pack.search("sharing") if hit.band.id == "9-17"]
    groups = group_hits(pack, hits)
    assert [g.band.id for g in groups] == ["9-17"]
    assert [lg.level for lg in groups[0].levels] == [Level.RED]
    assert [b.text for b in groups[0].levels[0].behaviours] == ["Sharing nude images of others."]


def test_no_hits_no_groups(pack: Pack) -> None:
    assert group_hits(pack, pack.search("zzzz")) == []


def test_summary_counts_behaviours_and_bands_in_words(pack: Pack) -> None:
    hits = pack.search("sharing")
    assert result_summary(hits, group_hits(pack, hits)) == "2 behaviours in 2 age bands"
    one = hits[:1]
    assert result_summary(one, group_hits(pack, one)) == "1 behaviour in 1 age band"


def test_examples_are_searches_that_find_something(pack: Pack) -> None:
    examples = search_examples(pack)
    assert examples == ["sexting", "questions", "touching", "sharing"]
    for words in examples:
        assert pack.search(words), words


def test_examples_skip_synonyms_that_find_nothing_and_repeat_no_word(pack: Pack) -> None:
    info = pack.info.model_copy(update={"synonyms": [["zzzz", "yyyy"], ["Touching", "groping"]]})
    examples = search_examples(dataclasses.replace(pack, info=info), limit=10)
    assert examples == ["Touching", "questions", "sharing"]


@pytest.mark.skipif(not (SHIPPED / "pack.yaml").is_file(), reason="the shipped pack is not there")
def test_shipped_examples_find_something() -> None:
    shipped = load_pack(SHIPPED, today=TODAY)
    examples = search_examples(shipped)
    assert len(examples) == 4
    assert all(shipped.search(words) for words in examples)
