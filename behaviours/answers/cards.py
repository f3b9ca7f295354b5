"""A behaviour as a compact card: its level at the child's age, the one action that matters most, the
law as one key rule per note (the full note once per page, in "The law at this age") and the image
rule for items about images. The look-up, search and the case page's "Find a behaviour" show the
same card, so an item never reads differently on two pages."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
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


@dataclass(frozen=True)
class LawGroupItem:
    """A behaviour in a law group: its card, and the law it cites beyond what its group's head says."""

    card: ItemCard
    laws: tuple[LawLine, ...]  # the key rules not said at the group's head
    image_rule: bool  # the image rule applies and the head does not say it


@dataclass(frozen=True)
class LawGroup:
    """Behaviours in one level that cite the same law: the head says its key rule (and the image rule,
    when every item carries it) once; each item then names only what it adds. A group with no law at
    its head holds the items that cite none."""

    laws: tuple[LawLine, ...]
    image_rule: bool
    items: tuple[LawGroupItem, ...]


def _law_key(line: LawLine) -> tuple[str, str | None]:
    return (line.note.id, line.ages)


def law_groups(cards: Sequence[ItemCard]) -> list[LawGroup]:
    """A level's cards grouped so that a law shared by several is said once, at the head of its group.

    Items that cite no law come first, in the pack's order. Then, again and again, the law cited by the
    most items still ungrouped (the first cited on a tie) heads a group of all of them; the head says
    every law those items all share, and the image rule when they all carry it. An item whose law no
    other shares heads a group of its own. Groups follow the pack's order of their first item, and
    items keep the pack's order within a group: nothing is dropped, every key rule stays beside its item.
    """
    plain = [card for card in cards if not card.laws]
    rest = [card for card in cards if card.laws]
    position = {id(card): index for index, card in enumerate(cards)}
    groups: list[LawGroup] = []
    while rest:
        counts: dict[tuple[str, str | None], int] = {}
        for card in rest:
            for key in dict.fromkeys(_law_key(line) for line in card.laws):
                counts[key] = counts.get(key, 0) + 1
        best = max(counts, key=lambda key: counts[key])  # max() keeps the first of equals: the first cited
        members = [card for card in rest if best in {_law_key(line) for line in card.laws}] if counts[best] > 1 else []
        members = members or [rest[0]]
        shared_keys = set.intersection(*({_law_key(line) for line in card.laws} for card in members))
        head = tuple(line for line in members[0].laws if _law_key(line) in shared_keys)
        images = all(card.image_rule for card in members)
        items = tuple(
            LawGroupItem(
                card,
                tuple(line for line in card.laws if _law_key(line) not in shared_keys),
                card.image_rule and not images,
            )
            for card in members
        )
        groups.append(LawGroup(head, images, items))
        chosen = {id(card) for card in members}
        rest = [card for card in rest if id(card) not in chosen]
    groups.sort(key=lambda group: position[id(group.items[0].card)])
    if plain:
        groups.insert(0, LawGroup((), False, tuple(LawGroupItem(card, (), False) for card in plain)))
    return groups
