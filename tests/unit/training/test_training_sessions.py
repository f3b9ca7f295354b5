"""Training sessions: which section a link opens, the facilitator's walk through the bands, and scenarios."""

from __future__ import annotations

import pytest

from behaviours.pack.model import Level
from behaviours.pack.pack import Pack
from behaviours.training.sessions import (
    TrainingMode,
    clamp_step,
    deciding_criteria,
    facilitator_steps,
    page_address,
    parse_mode,
    scenario_feedback,
    step_by,
    step_index,
    step_position,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("quiz", TrainingMode.QUIZ),
        ("Scenarios", TrainingMode.SCENARIOS),
        ("facilitator", TrainingMode.FACILITATOR),
        ("Facilitator view", TrainingMode.FACILITATOR),
        (None, None),
        ("  ", None),
    ],
)
def test_the_section_a_link_opens(raw: str | None, expected: TrainingMode | None) -> None:
    parsed = parse_mode(raw)
    assert parsed.value == expected
    assert parsed.notice is None


@pytest.mark.parametrize("raw", ["projector", "<b>quiz</b>", "x" * 5000])
def test_an_unknown_section_gets_a_notice_and_the_quiz(raw: str) -> None:
    parsed = parse_mode(raw)
    assert parsed.value is None
    assert "is not a section of this page" in parsed.notice
    assert "showing the quiz" in parsed.notice
    assert len(parsed.notice) < 200


def test_the_facilitator_walks_each_band_green_amber_red_in_turn(shipped: Pack) -> None:
    steps = [(step.band.id, step.level.value) for step in facilitator_steps(shipped)]
    assert steps[:4] == [("0-5", "green"), ("0-5", "amber"), ("0-5", "red"), ("5-9", "green")]
    assert steps[-1] == ("13-17", "red")
    assert len(steps) == 3 * len(shipped.bands)


@pytest.mark.parametrize(
    ("band_id", "level", "expected"),
    [
        (None, None, 0),
        ("5-9", None, 3),
        ("9-13", Level.AMBER, 7),
        (None, Level.RED, 2),
        ("no-such-band", None, 0),
    ],
)
def test_where_the_facilitator_starts(shipped: Pack, band_id: str | None, level: Level | None, expected: int) -> None:
    assert step_index(shipped, band_id, level) == expected


@pytest.mark.parametrize(
    ("index", "words"),
    [(0, "Band 1 of 4 · Green"), (4, "Band 2 of 4 · Amber"), (11, "Band 4 of 4 · Red"), (99, "Band 4 of 4 · Red")],
)
def test_the_position_in_words(shipped: Pack, index: int, words: str) -> None:
    assert step_position(shipped, index) == words


@pytest.mark.parametrize(
    ("band_id", "level", "change", "expected"),
    [
        ("9-13", Level.RED, 1, ("13-17", Level.GREEN)),
        ("9-13", Level.GREEN, -1, ("5-9", Level.RED)),
        ("0-5", Level.GREEN, -1, ("0-5", Level.GREEN)),
        ("13-17", Level.RED, 1, ("13-17", Level.RED)),
        ("5-9", Level.AMBER, 0, ("5-9", Level.AMBER)),
    ],
)
def test_next_and_previous_from_any_band_and_level(
    shipped: Pack, band_id: str, level: Level, change: int, expected: tuple[str, Level]
) -> None:
    step = step_by(shipped, band_id, level, change)
    assert (step.band.id, step.level) == expected


def test_the_address_of_each_section() -> None:
    assert page_address(TrainingMode.QUIZ, seed=42, size=10, band_id="9-13") == {
        "seed": "42",
        "band": "9-13",
        "n": "10",
    }
    assert page_address(TrainingMode.QUIZ, seed=42, size=5, band_id=None, level=Level.RED) == {"seed": "42", "n": "5"}
    assert page_address(TrainingMode.SCENARIOS, seed=7, size=10, band_id="5-9") == {
        "mode": "scenarios",
        "seed": "7",
        "band": "5-9",
        "n": "10",
    }
    assert page_address(TrainingMode.FACILITATOR, seed=7, size=20, band_id="13-17", level=Level.AMBER) == {
        "mode": "facilitator",
        "seed": "7",
        "band": "13-17",
        "n": "20",
        "level": "amber",
    }


def test_steps_stay_within_the_walk(minimal: Pack) -> None:
    assert clamp_step(minimal, -1) == 0
    assert clamp_step(minimal, 6) == 5
    assert clamp_step(minimal, 3) == 3


def test_the_criteria_that_decide_a_scenario_in_its_order(shipped: Pack) -> None:
    for scenario in shipped.scenarios:
        names = [c.id for c in deciding_criteria(shipped, scenario)]
        assert names == list(scenario.deciding_criteria), scenario.id


def test_feedback_on_a_scenario_says_both_levels_in_words(minimal: Pack) -> None:
    scenario = minimal.scenarios[0]  # suggested answer: green
    assert scenario_feedback(minimal, scenario, Level.GREEN) == "You chose Green, the same as the suggested answer."
    assert scenario_feedback(minimal, scenario, Level.RED) == "You chose Red. The suggested answer is Green."


@pytest.mark.parametrize("band_id", ["0-5", "5-9", "9-13", "13-17"])
def test_the_shipped_pack_has_at_least_three_scenarios_per_band(shipped: Pack, band_id: str) -> None:
    assert len(shipped.scenarios_for(band_id)) >= 3
