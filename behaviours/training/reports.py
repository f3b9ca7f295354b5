"""What the agreement reports say: one room before and after discussion, every saved room, and the
items saved rooms read most differently, with the counts behind each, and the words for each figure.

Pure functions over ``RoomResult`` and ``ItemCounts``: the projector summary, the trainer's PDF
and ``python -m behaviours agreement`` all call these, so they can never disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from behaviours import Level
from behaviours.training.agreement import (
    BOOTSTRAP_RESAMPLES,
    MIN_PARTICIPANTS,
    ORDERED_LEVELS,
    PUBLISHED_FIGURES,
    AgreementFigures,
    Estimate,
    ItemAgreement,
    ItemCounts,
    Share,
    agreement_figures,
    item_agreement,
)
from behaviours.training.results import RoomResult

ROUND_NAMES = {1: "First answers", 2: "After discussion"}


@dataclass(frozen=True)
class RoundSummary:
    """One round's figures and each item's, the most split item first."""

    round: int
    figures: AgreementFigures
    items: tuple[ItemAgreement, ...]

    @property
    def name(self) -> str:
        return ROUND_NAMES.get(self.round, f"Round {self.round}")


@dataclass(frozen=True)
class ItemChange:
    """One item in a room: its first answers and, if it was rated again, its answers after discussion."""

    first: ItemAgreement
    second: ItemAgreement | None

    @property
    def item_id(self) -> str:
        return self.first.item_id


@dataclass(frozen=True)
class RoomSummary:
    """A room's figures per round (round 1 before discussion, round 2 after) and its items, most split first."""

    rounds: tuple[RoundSummary, ...]
    items: tuple[ItemChange, ...]

    def round(self, number: int) -> RoundSummary | None:
        return next((summary for summary in self.rounds if summary.round == number), None)


@dataclass(frozen=True)
class CrossRoomSummary:
    """Figures over every saved room with at least MIN_PARTICIPANTS participants."""

    rooms_used: int
    rooms_left_out: int  # saved rooms with fewer than MIN_PARTICIPANTS participants
    participants: int
    rounds: tuple[RoundSummary, ...]


@dataclass(frozen=True)
class ItemAcrossRooms:
    """One item's answers pooled over the saved rooms that rated it."""

    item_id: str
    kind: str
    band: str  # the band of the newest room that rated it
    rooms: int
    first: ItemCounts  # first-round answers, pooled
    second: ItemCounts | None  # answers after discussion, pooled, where rooms rated it twice

    @property
    def pairwise(self) -> float | None:
        """How often two raters of this item, from any room, named the same level."""
        return item_agreement(self.first).pairwise

    @property
    def with_pack(self) -> Share:
        """First-round ratings equal to the pack's level, out of those that named a level."""
        level = self.first.pack_level
        return Share(matched=self.first.count(level) if level else 0, out_of=self.first.named_a_level)


def _by_split(items: Sequence[ItemAgreement]) -> list[ItemAgreement]:
    # Least agreement first; items nobody could pair (one rater) last; then more ratings first.
    return sorted(
        items,
        key=lambda item: (item.pairwise is None, item.pairwise or 0.0, -item.counts.named_a_level, item.item_id),
    )


def round_summary(
    round_number: int, items: Sequence[ItemCounts], *, resamples: int = BOOTSTRAP_RESAMPLES, seed: int | None = None
) -> RoundSummary:
    """Figures for one round of one room, or one round across rooms."""
    return RoundSummary(
        round=round_number,
        figures=agreement_figures(items, resamples=resamples, seed=seed),
        items=tuple(_by_split([item_agreement(item) for item in items])),
    )


def room_summary(
    rounds: Mapping[int, Sequence[ItemCounts]], *, resamples: int = BOOTSTRAP_RESAMPLES, seed: int | None = None
) -> RoomSummary:
    """A room's figures, round 1 (before discussion) beside round 2 (after), and its items most split first.

    ``rounds`` maps 1 (and 2 where the room re-rated) to the counts of each item in that round;
    ``result_rounds(result)`` gives it for a saved room.
    """
    summaries = tuple(
        round_summary(number, rounds[number], resamples=resamples, seed=seed) for number in sorted(rounds)
    )
    first = {item.item_id: item_agreement(item) for item in rounds.get(1, ())}
    second = {item.item_id: item_agreement(item) for item in rounds.get(2, ())}
    order = [item.item_id for item in _by_split(list(first.values()))]
    return RoomSummary(
        rounds=summaries,
        items=tuple(ItemChange(first=first[item_id], second=second.get(item_id)) for item_id in order),
    )


def result_rounds(result: RoomResult) -> dict[int, list[ItemCounts]]:
    """A saved room's counts by round, as ``room_summary`` takes them."""
    return {number: result.round_counts(number) for number in result.rounds}


def counted_rooms(results: Sequence[RoomResult]) -> list[RoomResult]:
    """The saved rooms that count in cross-room figures: those with at least MIN_PARTICIPANTS participants."""
    return [result for result in results if result.participants >= MIN_PARTICIPANTS]


def across_rooms(
    results: Sequence[RoomResult], *, resamples: int = BOOTSTRAP_RESAMPLES, seed: int | None = None
) -> CrossRoomSummary:
    """Figures over every counted room, per round; each room's item is one unit (its raters differ)."""
    used = counted_rooms(results)
    by_round: dict[int, list[ItemCounts]] = {}
    for result in used:
        for number in result.rounds:
            by_round.setdefault(number, []).extend(result.round_counts(number))
    return CrossRoomSummary(
        rooms_used=len(used),
        rooms_left_out=len(results) - len(used),
        participants=sum(result.participants for result in used),
        rounds=tuple(
            round_summary(number, by_round[number], resamples=resamples, seed=seed) for number in sorted(by_round)
        ),
    )


@dataclass
class _Pool:
    band: str
    rooms: int = 0
    first: ItemCounts | None = None
    second: ItemCounts | None = None


def _pooled(before: ItemCounts | None, counts: ItemCounts) -> ItemCounts:
    return counts if before is None else before + counts


def items_across_rooms(results: Sequence[RoomResult]) -> list[ItemAcrossRooms]:
    """Each item's answers pooled over the counted rooms; an item whose pack level changed is listed once per level."""
    pools: dict[tuple[str, str, str], _Pool] = {}
    for result in sorted(counted_rooms(results), key=lambda r: r.held_on):
        for tally in result.tallies:
            counts = tally.counts
            key = (result.kind, counts.item_id, counts.pack_level.value if counts.pack_level else "")
            pool = pools.setdefault(key, _Pool(band=result.band))
            pool.band = result.band
            if tally.round == 1:
                pool.rooms += 1
                pool.first = _pooled(pool.first, counts)
            else:
                pool.second = _pooled(pool.second, counts)
    return [
        ItemAcrossRooms(
            item_id=item_id, kind=kind, band=pool.band, rooms=pool.rooms, first=pool.first, second=pool.second
        )
        for (kind, item_id, _level), pool in pools.items()
        if pool.first is not None
    ]


def most_disagreed(items: Sequence[ItemAcrossRooms], limit: int = 10) -> list[ItemAcrossRooms]:
    """The items saved rooms split on most (lowest pairwise agreement of first answers), most ratings first on a tie."""
    pairable = [item for item in items if item.pairwise is not None]
    return sorted(pairable, key=lambda item: (item.pairwise or 0.0, -item.first.named_a_level, item.item_id))[:limit]


def most_unlike_pack(items: Sequence[ItemAcrossRooms], limit: int = 10) -> list[ItemAcrossRooms]:
    """The items whose first answers differ from the pack's level most often, most ratings first on a tie."""
    rated = [item for item in items if item.with_pack.out_of > 0]
    return sorted(rated, key=lambda item: (item.with_pack.fraction or 0.0, -item.first.named_a_level, item.item_id))[
        :limit
    ]


# ------------------------------------------------------------------ figures in words


def percent_words(fraction: float | None) -> str:
    """A share as a whole percentage, e.g. '62%'; 'not known' when there is none."""
    return "not known" if fraction is None else f"{round(100 * fraction)}%"


def coefficient_words(estimate: Estimate, *, as_percent: bool = False) -> str:
    """A figure with its interval, e.g. '0.58 (95% interval 0.41 to 0.72)' or '62% (95% interval 50% to 71%)'."""
    if estimate.value is None:
        return f"not known: {estimate.why_missing.rstrip('.').lower() or 'too few ratings'}"

    def shown(value: float) -> str:
        return percent_words(value) if as_percent else f"{value:.2f}"

    if estimate.low is None or estimate.high is None:
        return f"{shown(estimate.value)} (no interval: {estimate.why_missing.rstrip('.').lower()})"
    return f"{shown(estimate.value)} (95% interval {shown(estimate.low)} to {shown(estimate.high)})"


def share_words(share: Share) -> str:
    """E.g. '14 of 20 (70%)'."""
    return f"{share.matched} of {share.out_of} ({percent_words(share.fraction)})"


def counts_words(counts: ItemCounts, labels: Mapping[Level, str] | None = None) -> str:
    """The counts behind an item, e.g. 'Green 3, Amber 5, Red 1, Not sure 0'; ``labels`` are the pack's level words."""
    words = labels or {level: level.value.capitalize() for level in ORDERED_LEVELS}
    parts = [f"{words[level]} {counts.count(level)}" for level in ORDERED_LEVELS]
    return ", ".join([*parts, f"Not sure {counts.not_sure}"])


def figure_lines(figures: AgreementFigures) -> list[tuple[str, str]]:
    """Each figure's name and value in words, in the order every report shows them."""
    return [
        ("Percent agreement (two raters, same level)", coefficient_words(figures.percent_agreement, as_percent=True)),
        ("Krippendorff's alpha (green < amber < red)", coefficient_words(figures.alpha)),
        ("Gwet's AC1", coefficient_words(figures.ac1)),
        ("Same level as the pack", f"{share_words(figures.with_pack_counts)}"),
    ]


def published_lines() -> list[str]:
    """The published figures to show beside ours, each with its source."""
    return [
        f"{figure.authors} ({figure.year}): {figure.finding} Source: {figure.source}." for figure in PUBLISHED_FIGURES
    ]


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "/").split())


def agreement_report(
    results: Sequence[RoomResult],
    *,
    describe: Callable[[str, str], str | None] | None = None,
    limit: int = 10,
    resamples: int = BOOTSTRAP_RESAMPLES,
    seed: int | None = 0,
) -> str:
    """The editors' report as Markdown: figures across saved rooms, then the items read most differently.

    ``describe(kind, item_id)`` gives an item's words from the current pack (None when it has gone).
    """
    used = counted_rooms(results)
    left_out = len(results) - len(used)
    lines = ["# Agreement in saved training rooms", ""]
    if not used:
        lines.append(
            f"No saved room has {MIN_PARTICIPANTS} or more participants yet"
            + (f" ({left_out} smaller room{'s' if left_out != 1 else ''} left out)" if left_out else "")
            + ", so there is nothing to report."
        )
        return "\n".join(lines) + "\n"
    summary = across_rooms(used, resamples=resamples, seed=seed)
    lines.append(
        f"From {summary.rooms_used} saved room{'s' if summary.rooms_used != 1 else ''} with {MIN_PARTICIPANTS} or more "
        f"participants ({summary.participants} participants in all)"
        + (
            f"; {left_out} smaller room{'s' if left_out != 1 else ''} left out."
            if left_out
            else "; no smaller room left out."
        )
    )
    lines.append("")
    for round_summary_ in summary.rounds:
        lines += [f"## {round_summary_.name}", ""]
        lines += [f"- {name}: {value}" for name, value in figure_lines(round_summary_.figures)]
        lines.append(
            f"- Based on {round_summary_.figures.items} items and {round_summary_.figures.ratings} ratings; "
            f"{round_summary_.figures.not_sure} 'not sure' answers left out."
        )
        lines.append("")
    lines += ["## Published figures, for comparison", ""]
    lines += [f"- {line}" for line in published_lines()]
    lines.append("")
    items = items_across_rooms(used)

    def name(item: ItemAcrossRooms) -> str:
        words = describe(item.kind, item.item_id) if describe else None
        return _cell(f"{item.item_id}: {words}" if words else item.item_id)

    def level(item: ItemAcrossRooms) -> str:
        return item.first.pack_level.value.capitalize() if item.first.pack_level else "not known"

    header = "| Item | Band | Pack's level | Rooms | Green | Amber | Red | Not sure |"
    rule = "|---|---|---|---|---|---|---|---|"
    lines += [
        "## Items where raters split most (first answers)",
        "",
        "Agreement is how often two raters of the item, from any room, named the same level.",
        "",
        f"{header} Agreement |",
        f"{rule}---|",
    ]

    def row(item: ItemAcrossRooms, last: str) -> str:
        c = item.first
        return (
            f"| {name(item)} | {item.band} | {level(item)} | {item.rooms} | {c.green} | {c.amber} | {c.red} | "
            f"{c.not_sure} | {last} |"
        )

    lines += [row(item, percent_words(item.pairwise)) for item in most_disagreed(items, limit)]
    lines += [
        "",
        "## Items rated differently from the pack's level most often (first answers)",
        "",
        f"{header} Same as the pack |",
        f"{rule}---|",
    ]
    lines += [row(item, share_words(item.with_pack)) for item in most_unlike_pack(items, limit)]
    lines.append("")
    return "\n".join(lines)
