"""Search results arranged for reading: a flat list ranked by match, each with its band and its level
(at the child's age when one is given), what was corrected, and example searches to offer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd

from behaviours.answers.finding import SearchHit, find, search
from behaviours.answers.search import typed_words
from behaviours.pack.model import LEVELS, AgeBand, Behaviour, Level
from behaviours.pack.pack import Pack

MAX_EXAMPLES = 4


@dataclass(frozen=True)
class SearchResult:
    """One hit as the page shows it: the descriptor, its band, and its level at the age searched for
    (its listed level when no age was given)."""

    behaviour: Behaviour
    band: AgeBand
    level: Level


def ranked_results(pack: Pack, hits: Sequence[SearchHit], age: int | None) -> list[SearchResult]:
    """The hits in the engine's order (best match first, never band or level order), each with its level at ``age``."""
    return [SearchResult(hit.behaviour, hit.band, pack.level_at(hit.behaviour, age)) for hit in hits]


def levels_found(results: Sequence[SearchResult]) -> list[Level]:
    """The levels the results hold, most serious first, so the route that matters most comes first."""
    present = {result.level for result in results}
    return [level for level in reversed(LEVELS) if level in present]


def result_summary(results: Sequence[SearchResult]) -> str:
    """How much was found, in words, e.g. '5 behaviours in 3 age bands'."""
    bands = len({result.band.id for result in results})
    behaviours = f"{len(results)} behaviour{'' if len(results) == 1 else 's'}"
    return f"{behaviours} in {bands} age band{'' if bands == 1 else 's'}"


def corrected_words(query: str, did_you_mean: str | None) -> list[tuple[str, str]]:
    """The (typed, meant) word pairs where "did you mean" changed the query, in the order typed, once each."""
    if not did_you_mean:
        return []
    pairs = zip(typed_words(query), did_you_mean.split(), strict=False)
    return list(dict.fromkeys((typed, meant) for typed, meant in pairs if typed != meant))


def _quoted_list(items: Sequence[str]) -> str:
    quoted = [f"“{item}”" for item in items]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


def correction_notice(query: str, did_you_mean: str | None) -> str | None:
    """Says which typed words no behaviour uses and what was searched instead; never a silent correction."""
    pairs = corrected_words(query, did_you_mean)
    if not pairs or did_you_mean is None:
        return None
    typed = _quoted_list([t for t, _ in pairs])
    return f"No behaviour uses {typed}; showing results for “{did_you_mean}”."


def results_table(pack: Pack, results: Sequence[SearchResult]) -> pd.DataFrame:
    """The results as a table, in rank order: band, level in words (at the age searched for), the descriptor."""
    return pd.DataFrame(
        [
            {
                "Age band": result.band.label,
                "Level": pack.level_label(result.level),
                "What it can look like": result.behaviour.text,
            }
            for result in results
        ],
        columns=["Age band", "Level", "What it can look like"],
    )


def search_examples(pack: Pack, limit: int = MAX_EXAMPLES) -> list[str]:
    """A few searches that find something in this pack: the first word of each synonym group, then keywords."""
    candidates = [group[0] for group in pack.info.synonyms if group]
    candidates += [word for behaviour in pack.all_behaviours for word in behaviour.keywords]
    examples: list[str] = []
    seen: set[str] = set()
    for word in candidates:
        key = word.strip().lower()
        if not key or key in seen:
            continue
        seen.add(key)
        if search(pack, word):
            examples.append(word.strip())
        if len(examples) >= limit:
            break
    return examples


# The case page offers this many matches to add; more would bury the best ones.
CASE_MATCHES = 6


@dataclass(frozen=True)
class CaseMatches:
    """What the case page's "Find a behaviour" box offers: the best matches in the case's bands, in the
    search engine's order, how many matched, and what was corrected."""

    behaviours: list[Behaviour]
    total: int
    correction: str | None = None
    bands: list[AgeBand] = field(default_factory=list)  # the band of each behaviour, in the same order


def find_for_case(
    pack: Pack,
    text: str | None,
    bands: Sequence[AgeBand],
    limit: int = CASE_MATCHES,
    *,
    developmental: AgeBand | None = None,
) -> CaseMatches:
    """The same engine and ranking as the search page, kept to the bands the case shows (the age's
    bands and any developmental band), so a word finds the same items in the same order on both pages.
    A ``developmental`` band is searched and leads, with the age's bands beside it, as in the look-up."""
    if not text or not (bands or developmental):
        return CaseMatches([], 0)
    lead = [developmental.id] if developmental is not None else None
    found = find(pack, text, limit=limit, bands=[band.id for band in bands], lead_bands=lead)
    return CaseMatches(
        [hit.behaviour for hit in found.hits],
        found.total,
        correction_notice(text, found.did_you_mean),
        [hit.band for hit in found.hits],
    )
