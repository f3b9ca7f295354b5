"""Which bands to show for an age or band, and what to say about the choice."""

from __future__ import annotations

from dataclasses import dataclass, field

from behaviours.model import AgeBand, Level
from behaviours.pack import Pack

ADULT_FROM = 18


@dataclass(frozen=True)
class LookupPlan:
    """What the look-up page shows: the bands, why, and any notice about the age."""

    bands: list[AgeBand] = field(default_factory=list)
    level: Level | None = None
    why: str | None = None
    adult: bool = False
    guide_only: bool = False
    notices: list[str] = field(default_factory=list)


def plan_lookup(pack: Pack, age: int | None, band_id: str | None, level: Level | None) -> LookupPlan:
    """Decide what to show for an age (whole years) and/or a band id, with the level filter."""
    notices: list[str] = []
    if age is not None:
        bands = pack.bands_for_age(age)
        if band_id is not None and all(b.id != band_id for b in bands):
            chosen = pack.band(band_id)
            label = chosen.label if chosen else band_id
            notices.append(f"{label} does not include age {age}, so the bands for age {age} are shown.")
        if age >= ADULT_FROM:
            oldest = max(pack.bands, key=lambda b: b.max_age)
            return LookupPlan(
                bands=[oldest],
                level=level,
                why=None,
                adult=True,
                guide_only=True,
                notices=notices,
            )
        if not bands:
            notices.append(
                f"No age band in this pack covers age {age}. The bands cover ages {pack.min_age} to {pack.max_age}."
            )
            return LookupPlan(level=level, notices=notices)
        why = None
        if len(bands) > 1:
            labels = " and ".join(b.label for b in bands)
            why = (
                f"Age {age} sits on the boundary between two bands, so both are shown ({labels}). "
                "Development varies: use the one that fits the child best."
            )
        return LookupPlan(bands=bands, level=level, why=why, notices=notices)
    if band_id is not None:
        band = pack.band(band_id)
        if band is not None:
            return LookupPlan(bands=[band], level=level, notices=notices)
    return LookupPlan(level=level, notices=notices)
