"""How loudly the frame says "ring now": the call bar and top line follow the page's answer.

A page that answers (the look-up, search, the case discussion) tells the frame which levels its
answer holds (:func:`answer_levels`); the frame then asks :func:`call_bar_mode`. A green-only answer ("No referral is
needed") does not tell anyone to ring the front door or the out-of-hours team; an amber or red one
does, with the number for the hour. 999 is always on the bar, whatever the mode.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import Enum

from behaviours.answers.lookup import LookupPlan
from behaviours.pack.model import Level
from behaviours.pack.pack import Pack


class CallBarMode(str, Enum):
    """What the frame's bar and top line say besides 999."""

    NEUTRAL = "neutral"  # 999, and a link to who to call: no instruction to ring anyone now
    RING_NOW = "ring-now"  # 999, and whoever answers now, with the sentence saying whom to ring first


def call_bar_mode(answer: Iterable[Level] | None, *, page_answers: bool) -> CallBarMode:
    """The bar's mode for a page.

    ``page_answers`` says whether the page gives answers about a concern at all (the look-up,
    search, the case discussion); directory, training and about pages do not, and their bar is
    neutral. ``answer`` is the levels the page's current answer holds, as the page reported them:
    an empty collection when it has no answer yet, None when it has not said (then the bar is
    cautious and says whom to ring, as a page about a concern must).
    """
    if not page_answers:
        return CallBarMode.NEUTRAL
    if answer is None:
        return CallBarMode.RING_NOW
    if any(level in (Level.AMBER, Level.RED) for level in answer):
        return CallBarMode.RING_NOW
    return CallBarMode.NEUTRAL


def lookup_answer_levels(pack: Pack, plan: LookupPlan) -> list[Level]:
    """The levels a look-up's answer shows items at: the chosen level, or each level that has an
    item in a shown band at the age it is read at. None before an age or band is chosen."""
    if not plan.bands:
        return []
    levels = [plan.level] if plan.level is not None else list(Level)
    return [
        level for level in levels if any(pack.behaviours(band, level, age=plan.age_for(band)) for band in plan.bands)
    ]


def answer_levels(matched: Sequence[Level], reference: Iterable[Level]) -> list[Level]:
    """The levels a page's answer holds, for the call bar.

    When the user's words matched behaviours, the answer is the leading match: the one the page puts
    first and the user reads as "what I saw". A three-year-old touching herself at nap time leads
    with a green item, so the bar does not tell anyone to ring now, even though the age's amber and
    red behaviours follow further down as reference (and each of those cards still says what to do
    and links to who to call). ``matched`` is the matches' levels in the page's order; with no
    matches (no words, or words that found nothing) the answer is the ``reference`` the page shows.
    """
    if matched:
        return [matched[0]]
    return list(reference)
