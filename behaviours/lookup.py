"""Which bands to show for an age or band, and what to say about the choice."""

from __future__ import annotations

from dataclasses import dataclass, field

from behaviours.model import AgeBand, Behaviour, LawNote, Level
from behaviours.pack import Pack

ADULT_FROM = 18


@dataclass(frozen=True)
class LookupPlan:
    """What the look-up page shows: the bands, why, and any notice about the age."""

    bands: list[AgeBand] = field(default_factory=list)
    level: Level | None = None
    age: int | None = None
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
                age=None,
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
        return LookupPlan(bands=bands, level=level, age=age, why=why, notices=notices)
    if band_id is not None:
        band = pack.band(band_id)
        if band is not None:
            return LookupPlan(bands=[band], level=level, notices=notices)
    return LookupPlan(level=level, notices=notices)


def _span(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}-{last}"


def how_level_changes(pack: Pack, behaviour: Behaviour) -> str | None:
    """How an item's level changes with age, e.g. 'Amber at 13-15, green at 16-17'; None if it does not."""
    runs: list[tuple[Level, int, int]] = []
    for condition in sorted(behaviour.by_age, key=lambda c: c.first_age):
        if runs and runs[-1][0] == condition.level and runs[-1][2] + 1 == condition.first_age:
            runs[-1] = (condition.level, runs[-1][1], condition.last_age)
        else:
            runs.append((condition.level, condition.first_age, condition.last_age))
    if len({level for level, _, _ in runs}) < 2:
        return None
    parts = [f"{pack.level_label(level).lower()} at {_span(first, last)}" for level, first, last in runs]
    sentence = ", ".join(parts)
    return sentence[0].upper() + sentence[1:]


@dataclass(frozen=True)
class LawAtAge:
    """A law note as it applies to an item: the note, and the ages it applies at (None: every age)."""

    note: LawNote
    ages: str | None = None


def law_for_item(pack: Pack, behaviour: Behaviour, age: int | None) -> list[LawAtAge]:
    """The law to show on an item: at the child's age when known, else each note with the ages it covers."""
    if age is not None:
        return [LawAtAge(note) for note in pack.law_at(behaviour, age)]
    shown = [LawAtAge(note) for note in pack.law_at(behaviour, None) if note.id in behaviour.law]
    for condition in behaviour.by_age:
        for law_id in condition.law:
            note = pack.law_note(law_id)
            if note is not None and law_id not in behaviour.law:
                shown.append(LawAtAge(note, _span(condition.first_age, condition.last_age)))
    return shown
