"""Finding behaviours (behaviours/answers/finding.py): one index per pack, kept while the pack lives,
holding nothing typed; the same answers as the pack's own words would give."""

from __future__ import annotations

import gc
import pickle

from pack_builder import MINIMAL, TODAY

from behaviours.answers import finding
from behaviours.answers.finding import find, pack_search, search, search_count
from behaviours.pack.loader import load_pack
from behaviours.pack.pack import Pack


def test_a_pack_s_index_is_built_once_and_kept_for_that_pack(minimal: Pack) -> None:
    assert pack_search(minimal) is pack_search(minimal)
    other = load_pack(MINIMAL, today=TODAY)
    assert pack_search(other) is not pack_search(minimal)


def test_the_index_goes_when_its_pack_goes() -> None:
    pack = load_pack(MINIMAL, today=TODAY)
    key = id(pack)
    search(pack, "sharing")
    assert key in finding._SEARCHES
    del pack
    gc.collect()
    assert key not in finding._SEARCHES


def test_a_search_leaves_nothing_typed_beside_the_pack(minimal: Pack) -> None:
    # The same ages first: the bands' masks are content, kept per set of bands, never per query.
    find(minimal, "warm", age=7, developmental_age=3, limit=2)
    search_count(minimal, "warm")
    held = pack_search(minimal)
    before = pickle.dumps((held.index.__dict__, held.band_at, held.behaviours))
    find(minimal, "quokka-marker-7731 sharing", age=7, developmental_age=3, limit=2)
    search_count(minimal, "quokka-marker-7731")
    after = pickle.dumps((held.index.__dict__, held.band_at, held.behaviours))
    assert b"quokka" not in after and b"marker" not in after
    assert before == after


def test_find_keeps_to_the_age_s_bands_and_says_how_many_matched(minimal: Pack) -> None:
    everything = find(minimal, "sharing", limit=None)
    assert everything.hits and everything.total == len(everything.hits)
    for band in minimal.bands:
        at_age = find(minimal, "sharing", age=band.min_age, limit=None)
        assert {hit.band.id for hit in at_age.hits} <= {b.id for b in minimal.bands_for_age(band.min_age)}
    assert find(minimal, "sharing", limit=0).hits == []
    assert find(minimal, "sharing", limit=0).total == everything.total
