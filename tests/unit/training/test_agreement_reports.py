"""What the agreement reports say: a room before and after discussion, saved rooms of five or more,
and the items read most differently, with the counts behind each."""

from __future__ import annotations

import datetime as dt

import pytest

from behaviours import Level
from behaviours.training.agreement import Estimate, ItemCounts, Share
from behaviours.training.reports import (
    across_rooms,
    agreement_report,
    coefficient_words,
    counts_words,
    items_across_rooms,
    most_disagreed,
    most_unlike_pack,
    room_summary,
    share_words,
)
from behaviours.training.results import RoomResult, RoundTally


def counts(item_id: str, green: int, amber: int, red: int, not_sure: int = 0, level: Level = Level.AMBER):
    return ItemCounts(item_id, green, amber, red, not_sure, level)


def room(participants: int, *tallies: tuple[int, ItemCounts], held_on=dt.date(2027, 2, 1)) -> RoomResult:
    return RoomResult(
        pack_name="Pack",
        pack_version="2.0.0",
        pack_hash="abc123",
        band="9-13",
        kind="behaviour",
        participants=participants,
        held_on=held_on,
        tallies=tuple(RoundTally(round=number, counts=c) for number, c in tallies),
    )


def test_a_room_summary_puts_first_answers_beside_answers_after_discussion():
    first = [counts("split", 2, 2, 2), counts("clear", 0, 6, 0)]
    second = [counts("split", 0, 5, 1), counts("clear", 0, 6, 0)]
    summary = room_summary({1: first, 2: second}, resamples=50, seed=3)
    before, after = summary.round(1), summary.round(2)
    assert before is not None and after is not None
    assert (before.name, after.name) == ("First answers", "After discussion")
    # Round 1: split 6 of 30 pairs agree = 0.2, clear 1.0: mean 0.6. Round 2: split (20 + 0) of 30, clear 1: mean 5/6.
    assert before.figures.percent_agreement.value == pytest.approx(0.6)
    assert after.figures.percent_agreement.value == pytest.approx(5 / 6)
    assert [item.item_id for item in summary.items] == ["split", "clear"]
    change = summary.items[0]
    assert change.first.pairwise == pytest.approx(0.2)
    assert change.second is not None and change.second.pairwise == pytest.approx(2 / 3)


def test_a_room_with_one_round_has_no_second():
    summary = room_summary({1: [counts("a", 3, 1, 0)]}, resamples=20, seed=0)
    assert summary.round(2) is None
    assert summary.items[0].second is None


def test_rooms_of_four_are_left_out_and_rooms_of_five_count():
    four = room(4, (1, counts("a", 4, 0, 0)))
    five = room(5, (1, counts("a", 0, 0, 5)))
    summary = across_rooms([four, five], resamples=20, seed=0)
    assert (summary.rooms_used, summary.rooms_left_out, summary.participants) == (1, 1, 5)
    assert summary.rounds[0].figures.ratings == 5
    pooled = items_across_rooms([four, five])
    assert [(i.item_id, i.first.green, i.first.red, i.rooms) for i in pooled] == [("a", 0, 5, 1)]


def test_each_rooms_item_is_its_own_unit_across_rooms():
    # Same item, two rooms: two units, so alpha sees the rooms' different readings.
    one = room(6, (1, counts("a", 6, 0, 0)), (1, counts("b", 0, 0, 6)))
    two = room(6, (1, counts("a", 0, 0, 6)), (1, counts("b", 6, 0, 0)))
    figures = across_rooms([one, two], resamples=20, seed=0).rounds[0].figures
    assert figures.items == 4
    assert figures.percent_agreement.value == pytest.approx(1.0)


def test_items_are_pooled_over_rooms_and_ranked_by_disagreement():
    one = room(
        8,
        (1, counts("calm", 8, 0, 0, level=Level.GREEN)),
        (1, counts("torn", 3, 2, 3, level=Level.AMBER)),
        (1, counts("misread", 0, 0, 7, 1, level=Level.AMBER)),
        (2, counts("torn", 0, 8, 0, level=Level.AMBER)),
    )
    two = room(
        6,
        (1, counts("calm", 6, 0, 0, level=Level.GREEN)),
        (1, counts("torn", 2, 2, 2, level=Level.AMBER)),
        (1, counts("misread", 1, 0, 5, level=Level.AMBER)),
        held_on=dt.date(2027, 3, 1),
    )
    items = {item.item_id: item for item in items_across_rooms([one, two])}
    torn = items["torn"]
    assert (torn.first.green, torn.first.amber, torn.first.red, torn.rooms) == (5, 4, 5, 2)
    assert torn.second is not None and torn.second.amber == 8
    # torn: (20 + 12 + 20) agreeing ordered pairs of 14 x 13 = 182.
    assert torn.pairwise == pytest.approx(52 / 182)
    assert [i.item_id for i in most_disagreed(list(items.values()))] == ["torn", "misread", "calm"]
    # misread: 0 of 13 named levels are amber; torn 4 of 14; calm 14 of 14.
    assert [i.item_id for i in most_unlike_pack(list(items.values()))] == ["misread", "torn", "calm"]
    assert items["misread"].with_pack == Share(matched=0, out_of=13)
    assert most_disagreed(list(items.values()), limit=1)[0].item_id == "torn"


def test_the_report_in_words_and_counts():
    one = room(
        6,
        (1, counts("torn", 2, 2, 2, level=Level.AMBER)),
        (1, counts("calm", 0, 5, 0, 1, level=Level.AMBER)),
        (2, counts("torn", 0, 6, 0, level=Level.AMBER)),
    )
    report = agreement_report([one], describe=lambda kind, item_id: f"words for {item_id}", resamples=50, seed=0)
    assert report.startswith("# Agreement in saved training rooms\n")
    assert "From 1 saved room with 5 or more participants (6 participants in all); no smaller room left out." in report
    assert "## First answers" in report and "## After discussion" in report
    assert "- Same level as the pack: 7 of 11 (64%)" in report  # 2 + 5 amber of 6 + 5 named levels
    assert "1 'not sure' answers left out." in report
    # torn: 6 of 30 ordered pairs agree.
    assert "| torn: words for torn | 9-13 | Amber | 1 | 2 | 2 | 2 | 0 | 20% |" in report
    assert "| torn: words for torn | 9-13 | Amber | 1 | 2 | 2 | 2 | 0 | 2 of 6 (33%) |" in report
    assert "Bolton, Gandevia and Newell (2021)" in report and "Child Abuse & Neglect 117:105062" in report


def test_the_report_with_no_room_large_enough_says_so():
    small = room(3, (1, counts("a", 3, 0, 0)))
    assert agreement_report([small]) == (
        "# Agreement in saved training rooms\n\n"
        "No saved room has 5 or more participants yet (1 smaller room left out), so there is nothing to report.\n"
    )


def test_an_item_name_cannot_break_the_table():
    one = room(5, (1, counts("a", 2, 3, 0)))
    report = agreement_report([one], describe=lambda kind, item_id: "touching | kissing\nnew line", resamples=10)
    assert "| a: touching / kissing new line | 9-13 |" in report


@pytest.mark.parametrize(
    ("estimate", "percent", "words"),
    [
        (Estimate(0.5812, 0.4134, 0.7251), False, "0.58 (95% interval 0.41 to 0.73)"),
        (Estimate(0.6249, 0.5, 0.71), True, "62% (95% interval 50% to 71%)"),
        (
            Estimate(0.8, why_missing="Too few items for an interval."),
            False,
            "0.80 (no interval: too few items for an interval)",
        ),
        (Estimate(None, why_missing="No item was rated."), False, "not known: no item was rated"),
    ],
)
def test_figures_in_words(estimate, percent, words):
    assert coefficient_words(estimate, as_percent=percent) == words


def test_counts_and_shares_in_words():
    assert counts_words(counts("a", 3, 5, 1, 2)) == "Green 3, Amber 5, Red 1, Not sure 2"
    licensed = {Level.GREEN: "Green", Level.AMBER: "Orange", Level.RED: "Red"}
    assert counts_words(counts("a", 3, 5, 1), licensed) == "Green 3, Orange 5, Red 1, Not sure 0"
    assert share_words(Share(14, 20)) == "14 of 20 (70%)"
    assert share_words(Share(0, 0)) == "0 of 0 (not known)"
