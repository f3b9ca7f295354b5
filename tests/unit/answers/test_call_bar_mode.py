"""The call bar rings only for amber and red: a green-only answer, or no answer, is neutral (issue 24.5)."""

from __future__ import annotations

import pytest

from behaviours.answers.urgency import CallBarMode, answer_levels, call_bar_mode
from behaviours.pack.model import Level

G, A, R = Level.GREEN, Level.AMBER, Level.RED


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ([G], CallBarMode.NEUTRAL),  # a three-year-old touching herself at nap time: no referral needed
        ([G, G], CallBarMode.NEUTRAL),
        ([], CallBarMode.NEUTRAL),  # an answer page before anything is asked
        ([A], CallBarMode.RING_NOW),
        ([R], CallBarMode.RING_NOW),
        ([G, A], CallBarMode.RING_NOW),  # one amber item among green ones is enough
        ([R, A, G], CallBarMode.RING_NOW),  # the reference at an age, all three levels
        (None, CallBarMode.RING_NOW),  # the page did not say: cautious, as today
    ],
)
def test_an_answer_page_rings_only_for_amber_or_red(answer, expected):
    assert call_bar_mode(answer, page_answers=True) is expected


@pytest.mark.parametrize("answer", [None, [], [G], [R]])
def test_a_page_without_answers_is_always_neutral(answer):
    assert call_bar_mode(answer, page_answers=False) is CallBarMode.NEUTRAL


def test_a_generator_of_levels_is_read_once():
    assert call_bar_mode((level for level in (G, R)), page_answers=True) is CallBarMode.RING_NOW


def test_a_look_up_at_age_3_filtered_to_green_is_a_green_answer(shipped):
    from behaviours.answers.lookup import plan_lookup
    from behaviours.answers.urgency import lookup_answer_levels

    green = plan_lookup(shipped, 3, None, Level.GREEN)
    assert lookup_answer_levels(shipped, green) == [G]
    assert call_bar_mode(lookup_answer_levels(shipped, green), page_answers=True) is CallBarMode.NEUTRAL
    every = plan_lookup(shipped, 14, None, None)
    assert set(lookup_answer_levels(shipped, every)) == {G, A, R}
    assert call_bar_mode(lookup_answer_levels(shipped, every), page_answers=True) is CallBarMode.RING_NOW


def test_a_look_up_with_no_age_yet_is_no_answer(shipped):
    from behaviours.answers.lookup import plan_lookup
    from behaviours.answers.urgency import lookup_answer_levels

    assert lookup_answer_levels(shipped, plan_lookup(shipped, None, None, None)) == []


@pytest.mark.parametrize(
    ("matched", "reference", "expected"),
    [
        ([G, A, R], [R, A, G], [G]),  # words matched: the leading match is the answer
        ([R, G], [R, A, G], [R]),
        ([A], [G], [A]),
        ([], [R, A, G], [R, A, G]),  # no words, or words that found nothing: the reference shown
        ([], [], []),
    ],
)
def test_the_answer_is_the_leading_match_else_the_reference(matched, reference, expected):
    assert answer_levels(matched, reference) == expected


def test_a_three_year_old_touching_herself_at_nap_time_does_not_ring_now(shipped):
    """Issue 24.5's case, through the look-up's own plans: the words lead with a green item, so the bar
    is neutral although the age's reference below holds amber and red items."""
    from behaviours.answers.lookup import plan_lookup
    from behaviours.answers.plans import plan_lookup_answer
    from behaviours.answers.urgency import lookup_answer_levels

    plan = plan_lookup(shipped, 3, None, None)
    answer = plan_lookup_answer(shipped, plan, "touching herself at nap time")
    assert answer.matches and answer.matches[0].level is G
    levels = answer_levels([card.level for card in answer.matches], lookup_answer_levels(shipped, plan))
    assert call_bar_mode(levels, page_answers=True) is CallBarMode.NEUTRAL
    red = plan_lookup_answer(shipped, plan_lookup(shipped, 14, None, None), "sent a nude")
    levels = answer_levels([card.level for card in red.matches], [])
    assert levels and levels[0] is not G
    assert call_bar_mode(levels, page_answers=True) is CallBarMode.RING_NOW
