"""A loaded, validated content pack and the questions pages ask of it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeVar, cast

from behaviours.pack.band_rules import law_ids_at, level_at
from behaviours.pack.model import (
    LEVELS,
    AgeBand,
    Behaviour,
    Contact,
    Criterion,
    LawNote,
    Level,
    LevelGuide,
    PackInfo,
    Resource,
    Review,
    Roles,
    Route,
    Scenario,
    VocabularyEntry,
)
from behaviours.pack.yamlsource import Problem

T = TypeVar("T")


@dataclass(frozen=True)
class Pack:
    """Everything the app shows, read from one content pack. Never partial: the loader
    returns a Pack only when the whole pack is valid."""

    info: PackInfo
    bands: tuple[AgeBand, ...]
    criteria: tuple[Criterion, ...]
    not_listed: str
    law: tuple[LawNote, ...]
    contacts: tuple[Contact, ...]
    routes: tuple[Route, ...]
    resources: tuple[Resource, ...]
    scenarios: tuple[Scenario, ...]
    vocabulary: tuple[VocabularyEntry, ...] = ()  # vocabulary.yaml: the words people type, and what they mean
    warnings: tuple[Problem, ...] = field(default_factory=tuple)
    source: str = ""
    roles: Roles = field(default_factory=Roles)  # contacts.yaml's roles: front door, out of hours, neighbours
    reviews: dict[str, Review] = field(default_factory=dict)  # each file's review block, by file name

    # ------------------------------------------------------------ look-ups

    @cached_property
    def _band_by_id(self) -> dict[str, AgeBand]:
        return {band.id: band for band in self.bands}

    @cached_property
    def _contact_by_id(self) -> dict[str, Contact]:
        return {contact.id: contact for contact in self.contacts}

    @cached_property
    def _law_by_id(self) -> dict[str, LawNote]:
        return {note.id: note for note in self.law}

    @cached_property
    def _band_of_behaviour(self) -> dict[str, AgeBand]:
        return {b.id: band for band in self.bands for b in band.behaviours}

    @cached_property
    def all_behaviours(self) -> tuple[Behaviour, ...]:
        """Every descriptor, in band order then file order."""
        return tuple(b for band in self.bands for b in band.behaviours)

    def band(self, band_id: str) -> AgeBand | None:
        """The band with this id, or None."""
        return self._band_by_id.get(band_id)

    def band_of(self, behaviour: Behaviour) -> AgeBand:
        """The band a descriptor belongs to."""
        return self._band_of_behaviour[behaviour.id]

    def behaviour(self, behaviour_id: str) -> Behaviour | None:
        """The descriptor with this id, or None."""
        band = self._band_of_behaviour.get(behaviour_id)
        if band is None:
            return None
        return next(b for b in band.behaviours if b.id == behaviour_id)

    def contact(self, contact_id: str) -> Contact | None:
        """The directory entry with this id, or None."""
        return self._contact_by_id.get(contact_id)

    def law_note(self, law_id: str) -> LawNote | None:
        """The legal note with this id, or None."""
        return self._law_by_id.get(law_id)

    def level_guide(self, level: Level) -> LevelGuide:
        """What a level means and what to do, as the pack words it."""
        guide: LevelGuide = getattr(self.info.levels, level.value)
        return guide

    def level_label(self, level: Level) -> str:
        """The pack's display word for a level (e.g. 'Amber', or 'Orange' in a licensed pack)."""
        return self.level_guide(level).label

    @property
    def min_age(self) -> int:
        """The youngest age any band covers."""
        return min(band.min_age for band in self.bands)

    @property
    def max_age(self) -> int:
        """The oldest age any band covers."""
        return max(band.max_age for band in self.bands)

    # ------------------------------------------------------------ queries

    def bands_for_age(self, age: int) -> list[AgeBand]:
        """Every band that holds the age; two on a boundary such as 5, 9 or 13; none outside."""
        return [band for band in self.bands if band.holds(age)]

    def behaviours(
        self, band: str | AgeBand | None = None, level: Level | None = None, age: int | None = None
    ) -> list[Behaviour]:
        """Descriptors, optionally only one band's and only one level's.

        With an age, an item that changes with age is filed under its level at that age.
        """
        band_id = band.id if isinstance(band, AgeBand) else band
        # A look-up asks the same few questions every run, so an answer is worked out once per pack
        # and copied out. Kept only for a band of the pack and an age that band holds (or none): the
        # keys are the pack's own, however many ages people type.
        found = self.band(band_id) if band_id is not None else None
        if found is None or (age is not None and not found.holds(age)):
            return self._behaviours(band_id, level, age)
        key = (band_id, level, age)
        held = self._behaviours_memo.get(key)
        if held is None:
            held = self._behaviours_memo[key] = tuple(self._behaviours(band_id, level, age))
        return list(held)

    def kept(self, key: Hashable, make: Callable[[], T]) -> T:
        """What a higher layer works out from this pack alone, worked out once and kept with the pack.

        For answers every run asks again (a look-up's cards for a band, level and age). The key must
        be made of the pack's own ids and numbers, never anything a person typed, and the caller keeps
        the keys bounded (e.g. only ages a band holds). Two threads may both make a value; either is kept.
        """
        memo = self._kept
        if key in memo:
            return cast(T, memo[key])  # kept by make() under this key
        value = make()
        memo[key] = value
        return value

    @cached_property
    def _kept(self) -> dict[Hashable, object]:
        return {}

    @cached_property
    def _behaviours_memo(self) -> dict[tuple[str | None, Level | None, int | None], tuple[Behaviour, ...]]:
        return {}

    def _behaviours(self, band_id: str | None, level: Level | None, age: int | None) -> list[Behaviour]:
        pool: Iterable[Behaviour]
        if band_id is None:
            pool = self.all_behaviours
        else:
            found = self.band(band_id)
            pool = found.behaviours if found else ()
        if level is None:
            return list(pool)
        if age is None:
            return [b for b in pool if b.level == level]
        return [b for b in pool if self.level_at(b, age) == level]

    def level_at(self, behaviour: Behaviour, age: int | None) -> Level:
        """The item's level for a child of this age; its listed level when the age is unknown."""
        return behaviour.level if age is None else level_at(behaviour, age)

    def law_at(self, behaviour: Behaviour, age: int | None) -> list[LawNote]:
        """The law notes that apply to the item at this age (at any of its ages when unknown)."""
        return [note for note in (self.law_note(i) for i in law_ids_at(behaviour, age)) if note is not None]

    def themed(self, theme: str) -> list[Behaviour]:
        """The descriptors of one behaviour across bands, youngest band first."""
        return [b for b in self.all_behaviours if b.theme == theme]

    def route_for(self, level: Level) -> Route:
        """The escalation route for a level."""
        for route in self.routes:
            if route.level == level:
                return route
        raise LookupError(f"the pack has no route for {level.value}")  # the validator prevents this

    def special_route(self, route_id: str) -> Route | None:
        """A route that is not tied to a level: immediate-danger, adult, not-listed."""
        return next((r for r in self.routes if r.id == route_id), None)

    def contacts_for(self, route: Route) -> list[Contact]:
        """The directory entries a route names, in the route's order."""
        return [self._contact_by_id[c] for c in route.contacts if c in self._contact_by_id]

    def scenarios_for(self, band_id: str | None = None) -> list[Scenario]:
        """Training scenarios, optionally only one band's."""
        return [s for s in self.scenarios if band_id is None or s.band == band_id]


def highest_level(levels: Iterable[Level]) -> Level | None:
    """The most serious level among those given; None when there are none."""
    found = list(levels)
    if not found:
        return None
    return max(found, key=lambda level: level.rank)


def older_than(day: dt.date, months: int, today: dt.date) -> bool:
    """True when ``day`` is more than ``months`` calendar months before ``today``."""
    year, month = today.year, today.month - months
    while month <= 0:
        month += 12
        year -= 1
    last_day = [
        31,
        29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28,
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ][month - 1]
    cutoff = dt.date(year, month, min(today.day, last_day))
    return day < cutoff


__all__ = ["LEVELS", "Pack", "highest_level", "older_than"]
