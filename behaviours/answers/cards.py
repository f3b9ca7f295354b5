"""A behaviour as a compact card: its level at the child's age, the one action that matters most, the
law as one key rule per note (the full note once per page, in "The law at this age") and the image
rule for items about images. The look-up, search and the case page's "Find a behaviour" show the
same card, so an item never reads differently on two pages."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from behaviours.answers.lookup import how_level_changes, law_for_item
from behaviours.pack.model import AgeBand, Behaviour, LawNote, Level
from behaviours.pack.pack import Pack

# On every card about images, never behind a switch: the first thing not to do with an image.
IMAGE_RULE = "never view, copy, share or save the image; tell your DSL where it is."
LAW_SECTION_ANCHOR = "the-law-at-this-age"
WHO_TO_CALL_ANCHOR = "who-to-call"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“(])")


def first_sentence(text: str) -> str:
    """The first sentence of a text (the whole text when it has one sentence)."""
    return _SENTENCE_END.split(text.strip(), maxsplit=1)[0]


def key_rule(note: LawNote) -> str:
    """The law note's rule in one sentence: its ``key_rule``, or else the first sentence of its text."""
    return note.key_rule or first_sentence(note.text)


def key_action(pack: Pack, level: Level) -> str:
    """The one step that matters most at a level: its ``key_action``, or else its first step."""
    guide = pack.level_guide(level)
    return guide.key_action or guide.what_to_do[0]


def law_anchor(note: LawNote) -> str:
    """The in-page id of a law note in "The law at this age", e.g. 'law-under-13s'."""
    return f"law-{note.id}"


@dataclass(frozen=True)
class LawLine:
    """One law note on a card: its key rule, the ages it applies at (None: at the age shown) and its anchor."""

    note: LawNote
    rule: str
    ages: str | None
    anchor: str


@dataclass(frozen=True)
class ItemCard:
    """A behaviour as the pages show it: its band, its level at ``age`` (its listed level when None),
    the law that applies then, whether the image rule applies, and how the level changes with age
    when no age is given."""

    behaviour: Behaviour
    band: AgeBand
    level: Level
    age: int | None
    laws: tuple[LawLine, ...]
    image_rule: bool
    changes: str | None = None


def item_card(pack: Pack, behaviour: Behaviour, band: AgeBand, age: int | None) -> ItemCard:
    """The card for one behaviour in its band, read at ``age`` (the child's age, or the developmental age
    for a band shown for it)."""
    laws = tuple(
        LawLine(item.note, key_rule(item.note), item.ages, law_anchor(item.note))
        for item in law_for_item(pack, behaviour, age)
    )
    return ItemCard(
        behaviour=behaviour,
        band=band,
        level=pack.level_at(behaviour, age),
        age=age,
        laws=laws,
        image_rule=any(line.note.images for line in laws),
        changes=how_level_changes(pack, behaviour) if age is None else None,
    )


def laws_on_page(cards: Iterable[ItemCard]) -> list[LawNote]:
    """Every law note the cards cite, once each, in the order first cited: what "The law at this age" holds."""
    seen: dict[str, LawNote] = {}
    for card in cards:
        for line in card.laws:
            seen.setdefault(line.note.id, line.note)
    return list(seen.values())
