"""Search results arranged for reading: by age band, then by level, and example searches to offer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from behaviours.model import LEVELS, AgeBand, Behaviour, Level
from behaviours.pack import Pack, SearchHit

MAX_EXAMPLES = 4


@dataclass(frozen=True)
class LevelGroup:
    """The matching descriptors at one level of one band, best match first."""

    level: Level
    behaviours: list[Behaviour]


@dataclass(frozen=True)
class BandGroup:
    """The matching descriptors of one band, by level in the order green, amber, red."""

    band: AgeBand
    levels: list[LevelGroup]

    @property
    def count(self) -> int:
        """How many descriptors matched in this band."""
        return sum(len(group.behaviours) for group in self.levels)


def group_hits(pack: Pack, hits: Sequence[SearchHit]) -> list[BandGroup]:
    """Hits grouped by band (in the pack's band order) and level (green, amber, red); empty groups left out."""
    groups: list[BandGroup] = []
    for band in pack.bands:
        in_band = [hit for hit in hits if hit.band.id == band.id]
        levels = [
            LevelGroup(level, [hit.behaviour for hit in in_band if hit.behaviour.level == level]) for level in LEVELS
        ]
        levels = [group for group in levels if group.behaviours]
        if levels:
            groups.append(BandGroup(band, levels))
    return groups


def result_summary(hits: Sequence[SearchHit], groups: Sequence[BandGroup]) -> str:
    """How much was found, in words, e.g. '5 behaviours in 3 age bands'."""
    behaviours = f"{len(hits)} behaviour{'' if len(hits) == 1 else 's'}"
    bands = f"{len(groups)} age band{'' if len(groups) == 1 else 's'}"
    return f"{behaviours} in {bands}"


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
        if pack.search(word):
            examples.append(word.strip())
        if len(examples) >= limit:
            break
    return examples
