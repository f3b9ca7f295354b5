"""Finding behaviours by the words people type: one pack's search index, and `find` over it.

The index is the pack's content made searchable (`behaviours.answers.search.SearchIndex`): it is
built once per pack, kept beside the pack while the pack lives, and dropped with it. It holds the
pack's own words only; nothing a user types is kept by it or by anything here.

This lives in `answers`, not on `Pack`: reading and checking a pack (`behaviours.pack`) knows
nothing of search, so the layers stay in order (answers > pack).
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from behaviours.answers.search import SearchIndex, corrected_query, stem, words
from behaviours.pack.model import AgeBand, Behaviour
from behaviours.pack.pack import Pack

# More results than this help nobody in a case discussion; the page says how many matched.
SEARCH_LIMIT = 100


@dataclass(frozen=True)
class SearchHit:
    """One search result: the descriptor, its band, and how well it matched."""

    behaviour: Behaviour
    band: AgeBand
    score: float


@dataclass(frozen=True)
class SearchAnswer:
    """What a search found: the best hits, how many matched in all, and the corrected words if any."""

    hits: list[SearchHit]
    total: int
    did_you_mean: str | None = None


class PackSearch:
    """One pack's search index and the arrays a search reads beside it (positions of bands, each
    item's level at an age). Everything here is the pack's content, keyed by content (band ids,
    ages the pack covers), never by typed words."""

    def __init__(self, pack: Pack) -> None:
        self._pack = weakref.proxy(pack)  # the pack owns this, not the other way round
        self._positions_of_bands: dict[frozenset[str], frozenset[int]] = {}
        self._levels_memo: dict[int | None, np.ndarray] = {}
        self._positions_of_age: dict[int, frozenset[int]] = {}
        everything = pack.all_behaviours
        self.behaviours: tuple[Behaviour, ...] = tuple(everything)
        # The band of each descriptor, by its position in ``all_behaviours``.
        self.band_at: tuple[AgeBand, ...] = tuple(band for band in pack.bands for _ in band.behaviours)
        positions: dict[str, set[int]] = {}
        for position, band in enumerate(self.band_at):
            positions.setdefault(band.id, set()).add(position)
        self._positions_by_band = {band: frozenset(found) for band, found in positions.items()}
        self.index = _build_index(pack)

    def positions_for_age(self, age: int) -> frozenset[int]:
        found = self._positions_of_age.get(age)
        if found is None:
            pack = self._pack
            found = self.positions_in(frozenset(band.id for band in pack.bands_for_age(age)))
            if pack.min_age <= age <= pack.max_age:  # the pack's ages only, however many are typed
                self._positions_of_age[age] = found
        return found

    def positions_in(self, bands: frozenset[str]) -> frozenset[int]:
        # Kept per set of band ids (content, never typed words): the same set object each time lets
        # the index reuse its mask for it without hashing thousands of positions per search.
        found = self._positions_of_bands.get(bands)
        if found is None:
            found = frozenset().union(*(self._positions_by_band.get(band, frozenset()) for band in bands))
            if all(band in self._positions_by_band for band in bands):  # the pack's band ids only
                self._positions_of_bands[bands] = found
        return found

    def levels_at(self, age: int | None) -> np.ndarray:
        """Each descriptor's level at the age (0 green, 1 amber, 2 red), by position; listed levels without one."""
        held = self._levels_memo.get(age)
        if held is None:
            pack = self._pack
            held = np.fromiter(
                (pack.level_at(b, age).rank for b in self.behaviours), dtype=np.int8, count=len(self.behaviours)
            )
            if age is None or pack.min_age <= age <= pack.max_age:  # content's ages only, however many are typed
                self._levels_memo[age] = held
        return held


def _build_index(pack: Pack) -> SearchIndex:
    # The word list's words count as keywords of the behaviours they name (directly or by theme);
    # explicit ones in a field of their own, so that they are matched but never suggested. A whole-phrase
    # entry's words are not (round 10): everyday words ("sleep with his mates") would pull its behaviours
    # into unrelated searches; it is matched only when a phrase is typed in full.
    position_of = {b.id: position for position, b in enumerate(pack.all_behaviours)}
    listed: dict[str, dict[str, list[str]]] = {}
    phrases: list[tuple[str, list[int]]] = []
    whole: list[tuple[str, list[int]]] = []
    for entry in pack.vocabulary:
        field_name = "explicit" if entry.explicit else "vocabulary"
        named = set(entry.behaviours) | {b.id for b in pack.all_behaviours if b.theme in entry.themes}
        if not entry.whole_phrase:
            for behaviour_id in named:
                listed.setdefault(behaviour_id, {}).setdefault(field_name, []).extend(entry.words)
        # Each phrase with the positions of the behaviours it names (`SearchIndex.said_phrases`).
        held = [position_of[i] for i in named if i in position_of]
        (whole if entry.whole_phrase else phrases).extend((phrase, held) for phrase in entry.words)
    documents: list[dict[str, Iterable[str]]] = [
        {"keywords": b.keywords, "text": [b.text], "consider": b.consider, **_once_each(listed.get(b.id, {}))}
        for b in pack.all_behaviours
    ]
    return SearchIndex(documents, pack.info.synonyms, phrases, whole)


def _once_each(fields: dict[str, list[str]]) -> dict[str, list[str]]:
    """The word list's phrases for one behaviour, each word once: many ways of saying one thing
    ("dick pic", "d pic", "unwanted pics") must not weigh "pic" more than the item's own keywords."""
    once: dict[str, list[str]] = {}
    for name, phrases in fields.items():
        by_stem: dict[str, str] = {}
        for phrase in phrases:
            for word in words(phrase):
                by_stem.setdefault(stem(word), word)
        once[name] = [" ".join(by_stem.values())]
    return once


# One PackSearch per live pack, by the pack's id (a Pack holds lists, so it cannot be a dict key);
# a finaliser drops the entry when the pack is freed, before its id could be reused.
_SEARCHES: dict[int, PackSearch] = {}
_BUILDING = threading.Lock()


def pack_search(pack: Pack) -> PackSearch:
    """The pack's search index and arrays, built on first use and kept while the pack lives."""
    found = _SEARCHES.get(id(pack))
    if found is not None:
        return found
    with _BUILDING:
        found = _SEARCHES.get(id(pack))
        if found is None:
            found = _SEARCHES[id(pack)] = PackSearch(pack)
            weakref.finalize(pack, _SEARCHES.pop, id(pack), None)
    return found


def build_index(pack: Pack) -> None:
    """Build the pack's search index now (`behaviours.load_pack` calls this), so the first search
    costs what the others do."""
    pack_search(pack)


def find(
    pack: Pack,
    text: str,
    *,
    age: int | None = None,
    developmental_age: int | None = None,
    limit: int | None = SEARCH_LIMIT,
    bands: Iterable[str] | None = None,
    lead_bands: Iterable[str] | None = None,
) -> SearchAnswer:
    """Descriptors matching the words, best match first (never band or level order alone); where some
    match every word, only those. With ``age``, only the bands that hold that age; with
    ``developmental_age`` too, its bands are searched as well and lead, with the age's bands beside
    them; with ``bands`` (ids), only those bands (the case page's bands, which may add a developmental
    one); ``lead_bands`` (ids, e.g. the case page's developmental band) are searched too and lead, as a
    developmental age's bands do. Words that name a
    context ("in class", "uncle", "money", "secret") reorder the matches (see
    `behaviours.answers.search.CONTEXTS`), using each item's level at ``age``.

    At most ``limit`` hits (None for all); ``total`` says how many matched in all.
    """
    found = pack_search(pack)
    within = found.positions_for_age(age) if age is not None else None
    lead = None
    if developmental_age is not None and pack.bands_for_age(developmental_age):
        lead = found.positions_for_age(developmental_age)
        within = lead if within is None else within | lead
    if bands is not None:
        in_bands = found.positions_in(frozenset(bands))
        within = in_bands if within is None else within & in_bands
        if lead is not None:
            lead = lead & in_bands
    if lead_bands is not None:
        leading = found.positions_in(frozenset(lead_bands))
        if leading:
            lead = leading if lead is None else lead | leading
            within = None if within is None else within | leading
    # The levels read context at the age; for the developmental band alone, at the developmental age.
    level_age = age if age is not None else developmental_age
    ranked = found.index.search(
        text, limit, within, levels=found.levels_at(level_age), lead=lead or None, child_age=age
    )
    everything, band_at = found.behaviours, found.band_at
    hits = [SearchHit(everything[position], band_at[position], score) for position, score in ranked.hits]
    return SearchAnswer(hits, ranked.total, corrected_query(text, ranked.corrections))


def search(
    pack: Pack,
    text: str,
    limit: int | None = SEARCH_LIMIT,
    *,
    age: int | None = None,
    developmental_age: int | None = None,
) -> list[SearchHit]:
    """The hits of `find`: descriptors matching the words, best first."""
    return find(pack, text, age=age, developmental_age=developmental_age, limit=limit).hits


def search_count(pack: Pack, text: str, *, age: int | None = None) -> int:
    """How many descriptors match the words, before any limit."""
    return find(pack, text, age=age, limit=0).total


__all__ = [
    "SEARCH_LIMIT",
    "PackSearch",
    "SearchAnswer",
    "SearchHit",
    "build_index",
    "find",
    "pack_search",
    "search",
    "search_count",
]
