"""The rating quiz: which descriptors a quiz asks about, and how the answers score.

A quiz is fixed by three things a trainer can read out: its number (the seed), the
age band and how many questions. Everyone who opens the same link gets the same
questions in the same order, on any device, whatever Python's hash seed.
"""

from __future__ import annotations

import random
import secrets
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from urllib.parse import urlencode

from behaviours.answers.params import Parsed, shown
from behaviours.core.text import md
from behaviours.pack.model import LEVELS, Behaviour, Level
from behaviours.pack.pack import Pack

QUIZ_SIZES: tuple[int, ...] = (5, 10, 20)
DEFAULT_QUIZ_SIZE = 10
# New quiz numbers stay short so that a trainer can read one out to the room.
NEW_SEED_LOW = 100
NEW_SEED_HIGH = 9999


def new_seed() -> int:
    """A fresh quiz number, short enough to read out (100 to 9999)."""
    return NEW_SEED_LOW + secrets.randbelow(NEW_SEED_HIGH - NEW_SEED_LOW + 1)


def draw_quiz(pack: Pack, seed: int, band_id: str | None, count: int) -> list[Behaviour]:
    """The quiz's descriptors: ``count`` of them (all when fewer exist), from one band or all,
    shared out across the three levels as evenly as the band allows, in an order fixed by ``seed``."""
    # Sorting by id gives an ordering that depends only on the content, never on hashing or load order.
    pool = sorted(pack.behaviours(band_id), key=lambda b: b.id)
    wanted = max(0, min(count, len(pool)))
    rng = random.Random(seed)  # noqa: S311 - a repeatable shuffle for training, not a secret
    by_level = {level: [b for b in pool if b.level == level] for level in LEVELS}
    for level in LEVELS:
        rng.shuffle(by_level[level])
    chosen: list[Behaviour] = []
    while len(chosen) < wanted:
        # One from each level per round; which level goes first changes, so no level always gets the extra one.
        round_order = list(LEVELS)
        rng.shuffle(round_order)
        for level in round_order:
            if by_level[level] and len(chosen) < wanted:
                chosen.append(by_level[level].pop())
    rng.shuffle(chosen)
    return chosen


@dataclass(frozen=True)
class QuestionResult:
    """One question: the descriptor, the trainee's final answer (None if none), and whether its answer is shown."""

    behaviour: Behaviour
    answer: Level | None
    revealed: bool = True

    @property
    def right_level(self) -> Level:
        """The level the pack gives this descriptor."""
        return self.behaviour.level

    @property
    def answered(self) -> bool:
        """True once the trainee has a final answer (one given before the reveal)."""
        return self.answer is not None

    @property
    def correct(self) -> bool:
        """True when the trainee picked the pack's level."""
        return self.answer == self.behaviour.level


@dataclass(frozen=True)
class LevelScore:
    """How the trainee did on the questions whose right answer is one level."""

    level: Level
    correct: int
    total: int


@dataclass(frozen=True)
class QuizScore:
    """The quiz's score: right answers out of all questions, per level and per question."""

    correct: int
    total: int
    answered: int
    by_level: tuple[LevelScore, ...]
    results: tuple[QuestionResult, ...]
    revealed: int = 0

    @property
    def finished(self) -> bool:
        """True when every question's answer is shown: nothing is left to rate."""
        return self.total > 0 and self.revealed == self.total

    @property
    def unrated(self) -> int:
        """Questions whose answer was revealed before anyone rated them (a room discussing aloud)."""
        return sum(1 for r in self.results if r.revealed and not r.answered)

    @property
    def sentence(self) -> str:
        """The score as a trainer says it, e.g. '7 out of 10'."""
        return f"{self.correct} out of {self.total}"


def score(
    questions: Sequence[Behaviour], answers: Mapping[str, Level], revealed: Collection[str] | None = None
) -> QuizScore:
    """Score the answers (keyed by descriptor id); an unanswered question counts as not right.

    ``revealed`` holds the ids whose answer is shown; only their answers are final and count.
    When it is None, a question counts as revealed once it has an answer (no hide-and-reveal).
    """
    shown_ids = set(answers) if revealed is None else set(revealed)
    results = tuple(
        QuestionResult(b, answers.get(b.id) if b.id in shown_ids else None, b.id in shown_ids) for b in questions
    )
    by_level = tuple(
        LevelScore(
            level,
            sum(1 for r in results if r.right_level == level and r.correct),
            sum(1 for r in results if r.right_level == level),
        )
        for level in LEVELS
    )
    return QuizScore(
        correct=sum(1 for r in results if r.correct),
        total=len(results),
        answered=sum(1 for r in results if r.answered),
        by_level=by_level,
        results=results,
        revealed=sum(1 for r in results if r.revealed),
    )


class FeedbackTone(str, Enum):
    """How an answered question's feedback is drawn: a plain answer, a right one, or a different one."""

    ANSWER = "answer"  # revealed without a rating
    CORRECT = "correct"
    NOT_QUITE = "not_quite"


@dataclass(frozen=True)
class QuizFeedback:
    """The line shown when a question's answer is revealed (Markdown, pack words escaped)."""

    tone: FeedbackTone
    text: str


def quiz_feedback(pack: Pack, right: Level, given: Level | None) -> QuizFeedback:
    """Compare the trainee's final rating (None: revealed without one) with the pack's, levels in the pack's words."""
    rated = md(pack.level_label(right))
    if given is None:
        return QuizFeedback(FeedbackTone.ANSWER, f"**Answer:** this is rated {rated}.")
    if given == right:
        return QuizFeedback(FeedbackTone.CORRECT, f"**Correct.** This is rated {rated}.")
    return QuizFeedback(
        FeedbackTone.NOT_QUITE, f"**Not quite.** You chose {md(pack.level_label(given))}; this is rated {rated}."
    )


def parse_quiz_size(raw: str | None) -> Parsed[int]:
    """How many questions a link asks for: 5, 10 or 20."""
    if raw is None or not raw.strip():
        return Parsed(None)
    text = raw.strip()
    if text.isascii() and text.isdigit() and len(text) <= 3 and int(text) in QUIZ_SIZES:
        return Parsed(int(text))
    sizes = ", ".join(str(n) for n in QUIZ_SIZES)
    return Parsed(None, f"“{shown(raw)}” is not a quiz length. Choose {sizes} questions; showing {DEFAULT_QUIZ_SIZE}.")


def quiz_params(seed: int, band_id: str | None, count: int) -> dict[str, str]:
    """The link parameters that fix a quiz: its number, band (none for every band) and length."""
    params: dict[str, str] = {"seed": str(seed)}
    if band_id:
        params["band"] = band_id
    params["n"] = str(count)
    return params


def share_link(seed: int, band_id: str | None, count: int, base: str | None = None) -> str:
    """The link that gives everyone this quiz: the full address when the site's address ``base``
    is known (e.g. 'https://host/training?seed=42&band=9-13&n=10'), else the path alone."""
    return f"{(base or '').rstrip('/')}/training?" + urlencode(quiz_params(seed, band_id, count))
