"""Checks on what descriptors say across a band and across bands: age conditions and themes.

Each rule is a small function that yields ``Finding``s; the loader turns them into
``file:line: field.path: message`` lines. Rules here never read files: they get the
bands already read, each with the pack-relative file it came from.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from behaviours.pack.editor_messages import age_ranges, unknown_ref
from behaviours.pack.model import AgeBand, Behaviour, Level

BandFile = tuple[str, AgeBand]


@dataclass(frozen=True)
class Finding:
    """One problem found by a content rule: where it is, and what to do about it."""

    relative: str
    path: tuple[str | int, ...]
    message: str
    severity: str = "error"


def _ages(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}-{last}"


def age_conditions_inside_band(bands: Sequence[BandFile]) -> Iterator[Finding]:
    """Every ``by_age`` entry names ages, youngest first, that belong to the item's band."""
    for relative, band in bands:
        for b_index, behaviour in enumerate(band.behaviours):
            for c_index, condition in enumerate(behaviour.by_age):
                path = ("behaviours", b_index, "by_age", c_index, "ages")
                if condition.first_age > condition.last_age:
                    yield Finding(
                        relative,
                        path,
                        f"'{condition.ages}' runs backwards; write the youngest age first, "
                        f"e.g. {_ages(condition.last_age, condition.first_age)}",
                    )
                elif condition.first_age < band.min_age or condition.last_age > band.max_age:
                    yield Finding(
                        relative,
                        path,
                        f"ages {condition.ages} fall outside band '{band.id}'; "
                        f"use ages from {band.min_age} to {band.max_age}",
                    )


def age_conditions_cover_band(bands: Sequence[BandFile]) -> Iterator[Finding]:
    """The ``by_age`` entries of one item cover every age of the band exactly once."""
    for relative, band in bands:
        for b_index, behaviour in enumerate(band.behaviours):
            if not behaviour.by_age:
                continue
            counted: dict[int, int] = {}
            for condition in behaviour.by_age:
                for age in range(max(condition.first_age, band.min_age), min(condition.last_age, band.max_age) + 1):
                    counted[age] = counted.get(age, 0) + 1
            band_ages = range(band.min_age, band.max_age + 1)
            missing = [age for age in band_ages if age not in counted]
            twice = [age for age in band_ages if counted.get(age, 0) > 1]
            path = ("behaviours", b_index, "by_age")
            if missing:
                yield Finding(
                    relative,
                    path,
                    f"no entry covers {_age_words(missing)}; every age from {band.min_age} to "
                    f"{band.max_age} needs exactly one level",
                )
            if twice:
                yield Finding(
                    relative,
                    path,
                    f"{_age_words(twice)} {'is' if len(twice) == 1 else 'are'} given more than one level; each age may appear in only one entry",
                )


def listed_level_is_most_serious(bands: Sequence[BandFile]) -> Iterator[Finding]:
    """An item that changes with age is listed, when no age is known, at its most serious level."""
    for relative, band in bands:
        for b_index, behaviour in enumerate(band.behaviours):
            if not behaviour.by_age:
                continue
            top = max((c.level for c in behaviour.by_age), key=lambda level: level.rank)
            if behaviour.level != top:
                yield Finding(
                    relative,
                    ("behaviours", b_index, "level"),
                    f"level is {behaviour.level.value} but the most serious level in by_age is {top.value}; "
                    f"write level: {top.value} so that a band shown without an age never understates it",
                )


def age_conditions_name_law_notes(bands: Sequence[BandFile], law_ids: set[str] | None) -> Iterator[Finding]:
    """Every law id in a ``by_age`` entry is a note in law.yaml."""
    if law_ids is None:
        return
    for relative, band in bands:
        for b_index, behaviour in enumerate(band.behaviours):
            for c_index, condition in enumerate(behaviour.by_age):
                for l_index, ref in enumerate(condition.law):
                    if ref not in law_ids:
                        yield Finding(
                            relative,
                            ("behaviours", b_index, "by_age", c_index, "law", l_index),
                            unknown_ref("law note", ref, law_ids, "law.yaml"),
                        )


def theme_once_per_band(bands: Sequence[BandFile]) -> Iterator[Finding]:
    """A theme names one behaviour, so it appears at most once in each band."""
    for relative, band in bands:
        first_use: dict[str, int] = {}
        for b_index, behaviour in enumerate(band.behaviours):
            if behaviour.theme is None:
                continue
            if behaviour.theme in first_use:
                earlier = band.behaviours[first_use[behaviour.theme]].id
                yield Finding(
                    relative,
                    ("behaviours", b_index, "theme"),
                    f"the theme '{behaviour.theme}' is already used by '{earlier}' in this band; "
                    "a theme may appear once per band, so give this item its own theme",
                )
            else:
                first_use[behaviour.theme] = b_index


def theme_jumps_between_bands(bands: Sequence[BandFile]) -> Iterator[Finding]:
    """Warn where one behaviour is green in one band and red in the next (compared at the shared age)."""
    ordered = sorted(bands, key=lambda item: (item[1].min_age, item[1].max_age))
    for (_, younger), (relative, older) in itertools.pairwise(ordered):
        # Bands overlap on purpose: compare at the youngest age they share, or else at their edges.
        older_age = older.min_age
        younger_age = older_age if younger.holds(older_age) else younger.max_age
        by_theme = {b.theme: b for b in younger.behaviours if b.theme}
        for b_index, behaviour in enumerate(older.behaviours):
            before = by_theme.get(behaviour.theme) if behaviour.theme else None
            if before is None:
                continue
            was, now = level_at(before, younger_age), level_at(behaviour, older_age)
            if abs(was.rank - now.rank) > 1:
                yield Finding(
                    relative,
                    ("behaviours", b_index, "theme"),
                    f"the theme '{behaviour.theme}' is {was.value} at {younger_age} in band '{younger.id}' "
                    f"but {now.value} at {older_age} here; check the ratings, or give the items different themes",
                    "warning",
                )


def level_at(behaviour: Behaviour, age: int) -> Level:
    """The item's level at an age: its ``by_age`` entry's, or its own level when none applies."""
    for condition in behaviour.by_age:
        if condition.holds(age):
            return condition.level
    return behaviour.level


def law_ids_at(behaviour: Behaviour, age: int | None) -> list[str]:
    """The law ids that apply to the item at an age (all ages' when the age is unknown), in order."""
    ids = list(behaviour.law)
    for condition in behaviour.by_age:
        if age is None or condition.holds(age):
            ids += [ref for ref in condition.law if ref not in ids]
    return ids


def check_content(bands: Sequence[BandFile], law_ids: set[str] | None) -> Iterable[Finding]:
    """Every content rule, in one place for the loader to call."""
    yield from age_conditions_inside_band(bands)
    yield from age_conditions_cover_band(bands)
    yield from listed_level_is_most_serious(bands)
    yield from age_conditions_name_law_notes(bands, law_ids)
    yield from theme_once_per_band(bands)
    yield from theme_jumps_between_bands(bands)


def _age_words(ages: list[int]) -> str:
    return f"age {ages[0]}" if len(ages) == 1 else f"ages {age_ranges(ages)}"
