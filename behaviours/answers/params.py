"""Reading what a link asks for (``?age=9&band=5-9&level=red``) without ever failing.

Every parser returns a usable value or None, plus a short notice saying what was
wrong, so a mistyped link shows the page with a clear message, never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from behaviours.answers.ages import GUIDE_UNTIL, MAX_DIGITS, YOUNGEST
from behaviours.core.text import clean_input
from behaviours.pack.model import Audience, Level
from behaviours.pack.pack import Pack

T = TypeVar("T")

MAX_QUERY = 200
MAX_SHOWN = 30
MAX_SEED = 2**31 - 1


@dataclass(frozen=True)
class Parsed(Generic[T]):
    """A parameter's value (None when absent or unusable) and a notice when it was unusable."""

    value: T | None
    notice: str | None = None


def shown(raw: str) -> str:
    """A raw parameter shortened for a notice; the page escapes it before showing it."""
    cleaned = clean_input(raw, 10_000)
    return cleaned if len(cleaned) <= MAX_SHOWN else cleaned[:MAX_SHOWN] + "…"


def parse_age(raw: str | None) -> Parsed[int]:
    """A whole number of years from a link. What the age means (a child's band, a young adult, an adult) is
    ``behaviours.answers.ages.age_meaning``'s to say, as for a typed age, so a link and the box never disagree."""
    if raw is None or not raw.strip():
        return Parsed(None)
    text = raw.strip()
    if not (text.isascii() and text.isdigit()) or len(text) > MAX_DIGITS:
        return Parsed(
            None, f"“{shown(raw)}” is not an age in whole years. Enter a whole number from {YOUNGEST} to {GUIDE_UNTIL}."
        )
    return Parsed(int(text))


def parse_band(pack: Pack, raw: str | None) -> Parsed[str]:
    """A band id that exists in the pack, e.g. ``5-9``; en dashes and spaces are forgiven."""
    if raw is None or not raw.strip():
        return Parsed(None)
    text = clean_input(raw, 40).lower().replace("–", "-").replace("—", "-").replace(" ", "")
    if pack.band(text) is not None:
        return Parsed(text)
    choices = ", ".join(band.id for band in pack.bands)
    return Parsed(None, f"There is no age band “{shown(raw)}”. The bands are {choices}.")


def parse_level(pack: Pack, raw: str | None) -> Parsed[Level]:
    """A level by its value (green, amber, red) or by the pack's label for it (e.g. orange)."""
    if raw is None or not raw.strip():
        return Parsed(None)
    text = clean_input(raw, 40).lower()
    for level in Level:
        if text in (level.value, pack.level_label(level).lower()):
            return Parsed(level)
    words = ", ".join(pack.level_label(level).lower() for level in Level)
    return Parsed(None, f"“{shown(raw)}” is not a level. The levels are {words}; showing all three.")


def parse_query(raw: str | None) -> Parsed[str]:
    """Search words, trimmed to 200 characters with control characters removed."""
    if raw is None:
        return Parsed(None)
    text = clean_input(raw, MAX_QUERY)
    notice = None
    if len(raw) > MAX_QUERY:
        notice = f"The search was shortened to its first {MAX_QUERY} characters."
    return Parsed(text or None, notice)


def parse_audience(raw: str | None) -> Parsed[Audience]:
    """An audience for the helplines directory: young-people, parents-carers or professionals."""
    if raw is None or not raw.strip():
        return Parsed(None)
    text = clean_input(raw, 40).lower().replace("_", "-").replace(" ", "-")
    aliases = {
        "parents": Audience.PARENTS_CARERS,
        "carers": Audience.PARENTS_CARERS,
        "young-person": Audience.YOUNG_PEOPLE,
    }
    for audience in Audience:
        if text == audience.value:
            return Parsed(audience)
    if text in aliases:
        return Parsed(aliases[text])
    choices = ", ".join(a.value for a in Audience if a != Audience.ANYONE)
    return Parsed(None, f"“{shown(raw)}” is not an audience. Choose from {choices}; showing everyone.")


def parse_seed(raw: str | None) -> Parsed[int]:
    """A quiz seed: a whole number, so everyone with the same link gets the same quiz."""
    if raw is None or not raw.strip():
        return Parsed(None)
    text = raw.strip()
    if text.isascii() and text.isdigit() and len(text) <= 10 and int(text) <= MAX_SEED:
        return Parsed(int(text))
    return Parsed(None, f"“{shown(raw)}” is not a quiz number. Use a whole number such as 42; a new quiz was drawn.")
