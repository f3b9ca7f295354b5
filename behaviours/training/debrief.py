"""What a live room leaves when it ends: its counts per round, the result a trainer may save, and the
summary the projector and the trainer's PDF show.

A room's counts come from its store (behaviours/training/room_store.py) as ``Tally`` per item and
round; here they become ``ItemCounts`` (with the pack's level), a ``RoomResult`` holding only pack
identifiers, counts and a date, and a ``Debrief``: every figure and line the summary shows, in
words, made once per room (the bootstrap intervals take about 1.6 s a round) and drawn by the
page and the PDF alike, so the two can never disagree. No Streamlit and no database here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from behaviours import Level, Pack
from behaviours.pack.model import Scenario
from behaviours.training.agreement import ORDERED_LEVELS, ItemCounts
from behaviours.training.reports import (
    ROUND_NAMES,
    RoomSummary,
    figure_lines,
    percent_words,
    published_lines,
    room_summary,
)
from behaviours.training.results import RoomResult, RoundTally
from behaviours.training.rooms import Choice, ItemKind, Room, Tally, find_item, item_level

# How many of the items the room split on the summary lists (most split first).
SPLIT_ITEMS_SHOWN = 5


def item_counts(pack: Pack, room: Room, index: int, tally: Tally) -> ItemCounts:
    """One item's answers in one round, with the pack's level for it (None when the pack no longer has it)."""
    item_id = room.items[index]
    item = find_item(pack, room.kind, item_id)
    return ItemCounts(
        item_id=item_id,
        green=tally.count(Choice.GREEN),
        amber=tally.count(Choice.AMBER),
        red=tally.count(Choice.RED),
        not_sure=tally.count(Choice.UNSURE),
        pack_level=item_level(item) if item is not None else None,
    )


def room_rounds(pack: Pack, room: Room, tallies: Mapping[tuple[int, int], Tally]) -> dict[int, list[ItemCounts]]:
    """The room's counts by round, as ``reports.room_summary`` takes them.

    Round 1 holds every item someone answered; round 2 the items the room rated again (an item
    whose second round nobody answered, e.g. skipped because the room agreed, has no round 2).
    Items the pack no longer has are left out: their level cannot be compared.
    """
    rounds: dict[int, list[ItemCounts]] = {}
    for number in (1, 2):
        for index in range(len(room.items)):
            tally = tallies.get((index, number))
            if tally is None or tally.answered == 0:
                continue
            counts = item_counts(pack, room, index, tally)
            if counts.pack_level is not None:
                rounds.setdefault(number, []).append(counts)
    if 1 not in rounds:
        return {}
    return rounds


def room_result(
    pack: Pack,
    pack_hash: str,
    room: Room,
    tallies: Mapping[tuple[int, int], Tally],
    participants: int,
    held_on: dt.date,
    course: str | None = None,
) -> RoomResult:
    """What saving the room keeps: pack name, version and hash, band, kind, each item's counts per
    round, how many took part, the date and the course label. Never a token, a name or a time of day."""
    rounds = room_rounds(pack, room, tallies)
    return RoomResult(
        pack_name=" ".join(pack.info.name.split()),
        pack_version=" ".join(pack.info.version.split()),
        pack_hash=pack_hash,
        band=room.band,
        kind=room.kind.value,
        participants=participants,
        held_on=held_on,
        course=course or None,
        result_key=room.result_key or None,
        tallies=tuple(
            RoundTally(round=number, counts=counts) for number in sorted(rounds) for counts in rounds[number]
        ),
    )


# ------------------------------------------------------------------ the summary, in words


def item_words(pack: Pack, kind: ItemKind | str, item_id: str) -> str:
    """An item as the room read it: a scenario's title or a descriptor's text; its id when it has gone."""
    item = find_item(pack, ItemKind(kind), item_id)
    if item is None:
        return item_id
    return item.title if isinstance(item, Scenario) else item.text


def level_words(pack: Pack, counts: ItemCounts) -> str:
    """E.g. 'Green 1 (20%), Amber 3 (60%), Red 1 (20%), Not sure 0 (0%)': each answer in words with its share."""
    total = counts.answered
    parts = []
    for level in ORDERED_LEVELS:
        parts.append(f"{pack.level_label(level)} {counts.count(level)}{_share(counts.count(level), total)}")
    parts.append(f"Not sure {counts.not_sure}{_share(counts.not_sure, total)}")
    return ", ".join(parts)


def _share(count: int, total: int) -> str:
    return f" ({round(100 * count / total)}%)" if total else ""


@dataclass(frozen=True)
class SplitItem:
    """One item the room split on: its words, the pack's level, and each round's answers in words."""

    item_id: str
    words: str
    pack_level: str  # the pack's label for the level, e.g. "Amber"
    first: str  # e.g. "Green 1 (20%), Amber 3 (60%), ..."
    second: str | None  # after discussion, where the room rated it again
    agreement_first: float | None  # pairwise agreement, 0 to 1
    agreement_second: float | None

    @property
    def agreement_words(self) -> str:
        before = f"agreement {percent_words(self.agreement_first)}"
        if self.second is None:
            return before
        return f"{before}, then {percent_words(self.agreement_second)} after discussion"


@dataclass(frozen=True)
class Debrief:
    """Everything the end-of-room summary shows, in words: made once per room, drawn on screen and in the PDF."""

    band: str
    kind: str
    items: int
    participants: int
    round_names: tuple[str, ...]  # "First answers" and, where re-rated, "After discussion"
    figures: tuple[tuple[str, tuple[str, ...]], ...]  # (figure name, its value in each round)
    basis: tuple[str, ...]  # per round: how many items and ratings the figures rest on
    split: tuple[SplitItem, ...]  # the items the room split on most, most split first
    published: tuple[str, ...]  # the published figures, each with its source

    @property
    def empty(self) -> bool:
        return not self.round_names


def debrief(
    pack: Pack, room: Room, rounds: Mapping[int, list[ItemCounts]], participants: int, summary: RoomSummary | None
) -> Debrief:
    """The summary's words, from the room's counts and its ``room_summary`` (None when nobody answered)."""
    band = pack.band(room.band)
    if summary is None or not summary.rounds:
        return Debrief(
            band=band.label if band else room.band,
            kind=room.kind.words,
            items=len(room.items),
            participants=participants,
            round_names=(),
            figures=(),
            basis=(),
            split=(),
            published=tuple(published_lines()),
        )
    per_round = [figure_lines(r.figures) for r in summary.rounds]
    figures = tuple((name, tuple(lines[i][1] for lines in per_round)) for i, (name, _value) in enumerate(per_round[0]))
    second = {counts.item_id: counts for counts in rounds.get(2, [])}
    split = []
    for change in summary.items[:SPLIT_ITEMS_SHOWN]:
        counts = change.first.counts
        level = counts.pack_level or Level.AMBER
        split.append(
            SplitItem(
                item_id=change.item_id,
                words=item_words(pack, room.kind, change.item_id),
                pack_level=pack.level_label(level) if counts.pack_level else "not known",
                first=level_words(pack, counts),
                second=level_words(pack, second[change.item_id]) if change.item_id in second else None,
                agreement_first=change.first.pairwise,
                agreement_second=change.second.pairwise if change.second else None,
            )
        )
    return Debrief(
        band=band.label if band else room.band,
        kind=room.kind.words,
        items=len(rounds.get(1, [])),
        participants=participants,
        round_names=tuple(ROUND_NAMES.get(r.round, f"Round {r.round}") for r in summary.rounds),
        figures=figures,
        basis=tuple(
            f"{r.figures.items} items, {r.figures.ratings} ratings; {r.figures.not_sure} 'not sure' left out"
            for r in summary.rounds
        ),
        split=tuple(split),
        published=tuple(published_lines()),
    )


def room_debrief(
    pack: Pack,
    room: Room,
    tallies: Mapping[tuple[int, int], Tally],
    participants: int,
    *,
    resamples: int | None = None,
    seed: int | None = 0,
) -> Debrief:
    """The summary of one room from its store's counts: the figures are worked out here, once."""
    rounds = room_rounds(pack, room, tallies)
    if not rounds:
        return debrief(pack, room, rounds, participants, None)
    options = {} if resamples is None else {"resamples": resamples}
    return debrief(pack, room, rounds, participants, room_summary(rounds, seed=seed, **options))


def summary_title(summary: Debrief) -> str:
    return f"How the room agreed: {summary.band}, {summary.kind.lower()}"
