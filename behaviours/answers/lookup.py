"""Which bands to show for an age or band, and what to say about the choice."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from behaviours.answers.ages import ADULT_FROM, YOUNGEST, AgeKind, age_meaning
from behaviours.pack.model import AgeBand, Behaviour, LawNote, Level
from behaviours.pack.pack import Pack

# Most serious first: a worried practitioner reads red before anything else, on every screen.
SERIOUS_FIRST: tuple[Level, ...] = (Level.RED, Level.AMBER, Level.GREEN)
BOUNDARY_ADVICE = (
    "How to choose: development first, so use the band that fits how the child is developing. "
    "If you are unsure, treat it at the higher level and talk to your designated safeguarding lead (DSL)."
)


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
    # Bands shown for a developmental age, by band id: "Shown for developmental age 7".
    shown_for: dict[str, str] = field(default_factory=dict)
    developmental_age: int | None = None

    def age_for(self, band: AgeBand) -> int | None:
        """The age a band's items are read at: the developmental age for a band shown for it."""
        return self.developmental_age if band.id in self.shown_for else self.age

    def band_note(self, band: AgeBand) -> str | None:
        """What a band's heading adds: 'Shown for developmental age 8' for the band that leads with a
        developmental age, and 'For age 16 in years' for the age's own band beside it."""
        if band.id in self.shown_for:
            return self.shown_for[band.id]
        if self.shown_for and self.age is not None:
            return f"For age {self.age} in years"
        return None


def plan_lookup(
    pack: Pack,
    age: int | None,
    band_id: str | None,
    level: Level | None,
    developmental_age: int | None = None,
) -> LookupPlan:
    """Decide what to show for an age (whole years) and/or a band id, with the level filter.

    A developmental age (for a child whose development differs from their age in years) adds
    the band for it, labelled as shown for that age. Development first: it leads, and the bands
    for the age in years follow it.
    """
    plan = _plan_for_age(pack, age, band_id, level)
    if developmental_age is None or plan.adult or not plan.bands:
        return plan
    meaning = age_meaning(pack, developmental_age)
    if meaning.kind is not AgeKind.CHILD:
        note = meaning.notice or (
            f"A developmental age of {developmental_age} is an adult's: the children's bands do not apply to it."
        )
        return replace(plan, notices=[*plan.notices, f"Developmental age: {note}"])
    extra = [b for b in pack.bands_for_age(developmental_age) if all(b.id != shown.id for shown in plan.bands)]
    notices = list(plan.notices)
    if not extra:
        notices.append(
            f"The band for developmental age {developmental_age} is already shown above."
            if pack.bands_for_age(developmental_age)
            else f"No age band in this pack covers a developmental age of {developmental_age}."
        )
    label = f"Shown for developmental age {developmental_age}"
    return replace(
        plan,
        bands=[*extra, *plan.bands],
        notices=notices,
        shown_for={b.id: label for b in extra},
        developmental_age=developmental_age,
    )


def _plan_for_age(pack: Pack, age: int | None, band_id: str | None, level: Level | None) -> LookupPlan:
    notices: list[str] = []
    if age is not None:
        meaning = age_meaning(pack, age)
        if meaning.notice is not None:
            # No band at all: an adult's or a mistyped age is never read against children's levels.
            return LookupPlan(level=level, notices=[meaning.notice], adult=meaning.adult)
        bands = list(meaning.bands)
        if band_id is not None and all(b.id != band_id for b in bands):
            chosen = pack.band(band_id)
            label = chosen.label if chosen else band_id
            notices.append(f"{label} does not include age {age}, so the bands for age {age} are shown.")
        if meaning.guide_only:
            return LookupPlan(
                bands=bands,
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
                "Development first: use the one that fits the child best; if you are unsure, "
                "treat it at the higher level and talk to your DSL."
            )
        return LookupPlan(bands=bands, level=level, age=age, why=why, notices=notices)
    if band_id is not None:
        band = pack.band(band_id)
        if band is not None:
            return LookupPlan(bands=[band], level=level, notices=notices)
    return LookupPlan(level=level, notices=notices)


# ------------------------------------------------------------------ the answer in one line


@dataclass(frozen=True)
class LevelCount:
    """How many items one band lists at one level for the age, and where its card is on the page."""

    band: AgeBand
    level: Level
    count: int
    anchor: str


def level_anchor(band: AgeBand, level: Level) -> str:
    """The in-page id of a band's level card, e.g. 'band-13-17-red' (a jump link's target)."""
    return f"band-{band.id}-{level.value}"


def answer_counts(pack: Pack, plan: LookupPlan) -> list[LevelCount]:
    """For each band shown, how many items it lists at each level shown, most serious first."""
    levels = [plan.level] if plan.level else list(SERIOUS_FIRST)
    return [
        LevelCount(band, level, len(pack.behaviours(band, level, age=plan.age_for(band))), level_anchor(band, level))
        for band in plan.bands
        for level in levels
    ]


def answer_summary(pack: Pack, plan: LookupPlan) -> list[str]:
    """One sentence per band: what the answer holds, e.g. 'Age 14 (Ages 13 to 17): 4 red, 6 amber and
    5 green behaviours listed, red first.' Empty when there is nothing to show."""
    lines: list[str] = []
    for band in plan.bands:
        counts = [c for c in answer_counts(pack, plan) if c.band.id == band.id]
        parts = [f"{c.count} {pack.level_label(c.level).lower()}" for c in counts]
        listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
        total = sum(c.count for c in counts)
        noun = "behaviour" if total == 1 else "behaviours"
        if band.id in plan.shown_for:
            who = f"Developmental age {plan.developmental_age} ({band.label})"
        elif plan.age is not None:
            who = f"Age {plan.age} ({band.label})"
        else:
            who = band.label
        order = f", {pack.level_label(counts[0].level).lower()} first" if len(counts) > 1 else ""
        lines.append(f"{who}: {listed} {noun} listed{order}.")
    return lines


# ------------------------------------------------------------------ boundary ages


@dataclass(frozen=True)
class BandRating:
    """One band's item for a theme, and its level at the age."""

    band: AgeBand
    behaviour: Behaviour
    level: Level


@dataclass(frozen=True)
class ThemeDifference:
    """A behaviour (one theme) that the two bands holding an age rate differently at that age."""

    theme: str
    ratings: list[BandRating]

    @property
    def higher(self) -> Level:
        """The most serious of the ratings: the one to use when unsure."""
        return max((r.level for r in self.ratings), key=lambda level: level.rank)


def boundary_differences(pack: Pack, age: int) -> list[ThemeDifference]:
    """At an age two bands hold, each theme whose level at that age differs between the bands.

    Items are paired by their ``theme`` key; a theme only one band lists, or that every band
    rates the same, is left out. Most serious first (by the higher rating), then in file order.
    """
    bands = pack.bands_for_age(age)
    if len(bands) < 2 or age < YOUNGEST or age >= ADULT_FROM:
        return []
    by_theme: dict[str, list[BandRating]] = {}
    for band in bands:
        for behaviour in band.behaviours:
            if behaviour.theme:
                by_theme.setdefault(behaviour.theme, []).append(
                    BandRating(band, behaviour, pack.level_at(behaviour, age))
                )
    differences = [
        ThemeDifference(theme, ratings)
        for theme, ratings in by_theme.items()
        if len({r.band.id for r in ratings}) > 1 and len({r.level for r in ratings}) > 1
    ]
    return sorted(differences, key=lambda d: -d.higher.rank)


def theme_level_at(pack: Pack, behaviour: Behaviour, age: int) -> Level:
    """The item's level at the age, raised to the highest its theme reaches in any band holding that age.

    The same facts then give the same level whichever band's item was picked at a boundary age.
    """
    level = pack.level_at(behaviour, age)
    if not behaviour.theme:
        return level
    for band in pack.bands_for_age(age):
        for other in band.behaviours:
            if other.theme == behaviour.theme and pack.level_at(other, age).rank > level.rank:
                level = pack.level_at(other, age)
    return level


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
