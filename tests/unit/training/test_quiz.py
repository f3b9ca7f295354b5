"""The rating quiz: the same link gives everyone the same questions, and answers score as a trainer expects."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter

import pytest
from pack_builder import REPO_ROOT

from behaviours.pack.model import LEVELS, Level
from behaviours.pack.pack import Pack
from behaviours.training.quiz import (
    DEFAULT_QUIZ_SIZE,
    NEW_SEED_HIGH,
    NEW_SEED_LOW,
    FeedbackTone,
    QuizFeedback,
    draw_quiz,
    new_seed,
    parse_quiz_size,
    quiz_feedback,
    score,
    share_link,
)

SHIPPED = REPO_ROOT / "behaviours" / "content"


def ids(questions) -> list[str]:
    return [b.id for b in questions]


# ------------------------------------------------------------------ drawing


def test_the_same_seed_gives_the_same_questions_in_the_same_order(shipped: Pack) -> None:
    first = draw_quiz(shipped, 42, "9-13", 10)
    second = draw_quiz(shipped, 42, "9-13", 10)
    assert len(first) == 10
    assert ids(first) == ids(second)


def test_a_different_seed_gives_a_different_quiz(shipped: Pack) -> None:
    assert ids(draw_quiz(shipped, 1, "9-13", 10)) != ids(draw_quiz(shipped, 2, "9-13", 10))


def test_different_seeds_reorder_even_a_quiz_of_every_descriptor(minimal: Pack) -> None:
    everything = {b.id for b in minimal.all_behaviours}
    orders = {tuple(ids(draw_quiz(minimal, seed, None, 20))) for seed in range(20)}
    assert all(set(order) == everything for order in orders)
    assert len(orders) > 1


@pytest.mark.parametrize("band_id", ["0-5", "5-9", "9-13", "13-17"])
def test_a_band_quiz_asks_only_about_that_band(shipped: Pack, band_id: str) -> None:
    questions = draw_quiz(shipped, 7, band_id, 20)
    assert len(questions) == 20
    assert {shipped.band_of(b).id for b in questions} == {band_id}


def test_a_quiz_of_all_bands_can_mix_bands(shipped: Pack) -> None:
    questions = draw_quiz(shipped, 7, None, 20)
    assert len({shipped.band_of(b).id for b in questions}) > 1


def test_asking_for_more_questions_than_the_band_has_gives_all_of_them_once(minimal: Pack) -> None:
    questions = draw_quiz(minimal, 3, "0-9", 20)
    assert sorted(ids(questions)) == sorted(b.id for b in minimal.behaviours("0-9"))


@pytest.mark.parametrize("count", [0, -5])
def test_no_questions_when_none_are_asked_for(minimal: Pack, count: int) -> None:
    assert draw_quiz(minimal, 3, None, count) == []


def test_an_unknown_band_gives_an_empty_quiz(minimal: Pack) -> None:
    assert draw_quiz(minimal, 3, "no-such-band", 10) == []


def test_no_descriptor_is_asked_twice(shipped: Pack) -> None:
    questions = draw_quiz(shipped, 99, None, 20)
    assert len(set(ids(questions))) == 20


@pytest.mark.parametrize("seed", [0, 1, 42, 2024, 2**31 - 1])
def test_questions_are_shared_across_the_levels(shipped: Pack, seed: int) -> None:
    per_level = Counter(b.level for b in draw_quiz(shipped, seed, "9-13", 10))
    assert sorted(per_level[level] for level in LEVELS) == [3, 3, 4]


def test_a_short_level_is_used_up_and_the_others_fill_the_quiz(minimal: Pack) -> None:
    # The minimal band has one descriptor per level, so 3 questions are one of each.
    assert Counter(b.level for b in draw_quiz(minimal, 5, "0-9", 3)) == Counter(LEVELS)


def test_the_quiz_is_the_same_whatever_pythons_hash_seed(shipped: Pack) -> None:
    program = (
        "import json\n"
        "from behaviours.pack.loader import load_pack\n"
        "from behaviours.training.quiz import draw_quiz\n"
        f"pack = load_pack({str(SHIPPED)!r})\n"
        "print(json.dumps([b.id for b in draw_quiz(pack, 42, None, 20)]))\n"
    )
    expected = ids(draw_quiz(shipped, 42, None, 20))
    for hash_seed in ("1", "987654"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        run = subprocess.run(
            [sys.executable, "-c", program], cwd=REPO_ROOT, env=env, capture_output=True, text=True, check=True
        )
        assert json.loads(run.stdout.strip().splitlines()[-1]) == expected


# ------------------------------------------------------------------ scoring


def test_scoring_with_every_answer_right(minimal: Pack) -> None:
    questions = draw_quiz(minimal, 1, None, 6)
    result = score(questions, {b.id: b.level for b in questions})
    assert result.finished
    assert result.sentence == "6 out of 6"
    assert [(part.level, part.correct, part.total) for part in result.by_level] == [
        (Level.GREEN, 2, 2),
        (Level.AMBER, 2, 2),
        (Level.RED, 2, 2),
    ]


def test_scoring_with_some_answers_missing_or_wrong(minimal: Pack) -> None:
    questions = minimal.behaviours("0-9")  # green, amber, red
    green, amber, red = questions
    result = score(questions, {green.id: Level.GREEN, amber.id: Level.RED})
    assert not result.finished
    assert (result.correct, result.answered, result.total) == (1, 2, 3)
    assert result.sentence == "1 out of 3"
    assert [(r.behaviour.id, r.answer, r.correct) for r in result.results] == [
        (green.id, Level.GREEN, True),
        (amber.id, Level.RED, False),
        (red.id, None, False),
    ]
    by_level = {part.level: (part.correct, part.total) for part in result.by_level}
    assert by_level == {Level.GREEN: (1, 1), Level.AMBER: (0, 1), Level.RED: (0, 1)}


def test_answers_to_other_questions_are_ignored(minimal: Pack) -> None:
    questions = minimal.behaviours("0-9")
    result = score(questions, {"9-17-red-images": Level.RED})
    assert (result.correct, result.answered) == (0, 0)


def test_only_revealed_answers_count_and_the_quiz_ends_when_every_answer_is_revealed(minimal: Pack) -> None:
    green, amber, red = minimal.behaviours("0-9")
    questions = [green, amber, red]
    picked = {green.id: Level.GREEN, amber.id: Level.AMBER, red.id: Level.RED}
    result = score(questions, picked, revealed={green.id})
    assert (result.correct, result.answered, result.revealed) == (1, 1, 1)
    assert not result.finished, "two answers are still hidden"
    assert [r.answer for r in result.results] == [Level.GREEN, None, None]
    result = score(questions, {green.id: Level.GREEN}, revealed={green.id, amber.id, red.id})
    assert result.finished
    assert result.unrated == 2
    assert result.sentence == "1 out of 3"


def test_without_a_reveal_list_an_answered_question_counts_as_revealed(minimal: Pack) -> None:
    questions = minimal.behaviours("0-9")
    result = score(questions, {q.id: q.level for q in questions})
    assert result.finished and result.revealed == 3 and result.unrated == 0


def test_an_empty_quiz_is_never_finished() -> None:
    result = score([], {})
    assert not result.finished
    assert result.sentence == "0 out of 0"


# ------------------------------------------------------------------ links


@pytest.mark.parametrize(("raw", "expected"), [("5", 5), ("10", 10), (" 20 ", 20), (None, None), ("", None)])
def test_quiz_length_from_a_link(raw: str | None, expected: int | None) -> None:
    parsed = parse_quiz_size(raw)
    assert parsed.value == expected
    assert parsed.notice is None


@pytest.mark.parametrize("raw", ["7", "abc", "-10", "10000000000", "<script>alert(1)</script>"])
def test_a_quiz_length_that_is_not_offered_gets_a_notice(raw: str) -> None:
    parsed = parse_quiz_size(raw)
    assert parsed.value is None
    assert "is not a quiz length" in parsed.notice
    assert f"showing {DEFAULT_QUIZ_SIZE}" in parsed.notice


def test_the_share_link_names_the_seed_band_and_length() -> None:
    assert share_link(42, "9-13", 10) == "/training?seed=42&band=9-13&n=10"
    assert share_link(7, None, 5) == "/training?seed=7&n=5"


@pytest.mark.parametrize("base", ["https://tlr.example.org", "https://tlr.example.org/"])
def test_the_share_link_is_the_full_address_when_the_site_is_known(base: str) -> None:
    assert share_link(42, "9-13", 10, base) == "https://tlr.example.org/training?seed=42&band=9-13&n=10"


def test_new_quiz_numbers_are_short_enough_to_read_out() -> None:
    seeds = {new_seed() for _ in range(200)}
    assert all(NEW_SEED_LOW <= seed <= NEW_SEED_HIGH for seed in seeds)
    assert len(seeds) > 1


# ------------------------------------------------------------------ feedback on a revealed answer


def test_quiz_feedback_revealed_without_a_rating_gives_the_answer(minimal: Pack) -> None:
    feedback = quiz_feedback(minimal, Level.AMBER, None)
    assert feedback == QuizFeedback(FeedbackTone.ANSWER, "**Answer:** this is rated Amber.")


def test_quiz_feedback_the_same_level_is_correct(minimal: Pack) -> None:
    feedback = quiz_feedback(minimal, Level.RED, Level.RED)
    assert feedback == QuizFeedback(FeedbackTone.CORRECT, "**Correct.** This is rated Red.")


@pytest.mark.parametrize(
    ("right", "given", "text"),
    [
        (Level.RED, Level.GREEN, "**Not quite.** You chose Green; this is rated Red."),
        (Level.GREEN, Level.AMBER, "**Not quite.** You chose Amber; this is rated Green."),
        (Level.AMBER, Level.RED, "**Not quite.** You chose Red; this is rated Amber."),
    ],
)
def test_quiz_feedback_another_level_names_both(minimal: Pack, right: Level, given: Level, text: str) -> None:
    assert quiz_feedback(minimal, right, given) == QuizFeedback(FeedbackTone.NOT_QUITE, text)
