"""The call bar rings only for amber and red: a green-only answer, or no answer, is neutral (issue 24.5)."""

from __future__ import annotations

import pytest

from behaviours.answers.urgency import CallBarMode, call_bar_mode
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
