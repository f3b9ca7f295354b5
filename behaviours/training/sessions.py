"""Training sessions: the page's three sections, the facilitator's walk through the bands,
what decides a scenario, and the address that brings the page back after a reload."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from behaviours.answers.params import Parsed, shown
from behaviours.core.text import clean_input
from behaviours.pack.model import LEVELS, AgeBand, Criterion, Level, Scenario
from behaviours.pack.pack import Pack
from behaviours.training.quiz import quiz_params


class TrainingMode(str, Enum):
    """The sections of the training page."""

    QUIZ = "quiz"
    SCENARIOS = "scenarios"
    FACILITATOR = "facilitator"

    @property
    def words(self) -> str:
        """The section's name as the page shows it."""
        return _MODE_WORDS[self]


_MODE_WORDS = {
    TrainingMode.QUIZ: "Quiz",
    TrainingMode.SCENARIOS: "Scenarios",
    TrainingMode.FACILITATOR: "Facilitator view",
}


def parse_mode(raw: str | None) -> Parsed[TrainingMode]:
    """The section a link opens (``?mode=quiz``, ``scenarios`` or ``facilitator``)."""
    if raw is None or not raw.strip():
        return Parsed(None)
    text = clean_input(raw, 40).lower()
    for mode in TrainingMode:
        if text in (mode.value, mode.words.lower()):
            return Parsed(mode)
    choices = ", ".join(mode.value for mode in TrainingMode)
    return Parsed(None, f"“{shown(raw)}” is not a section of this page. Choose {choices}; showing the quiz.")


# ------------------------------------------------------------------ the facilitator's steps


@dataclass(frozen=True)
class Step:
    """One screen of the facilitator view: one band at one level."""

    band: AgeBand
    level: Level


def facilitator_steps(pack: Pack) -> list[Step]:
    """Every band at every level, in order: the first band green, amber, red, then the next band."""
    return [Step(band, level) for band in pack.bands for level in LEVELS]


def step_index(pack: Pack, band_id: str | None, level: Level | None) -> int:
    """Where the facilitator starts: the band's chosen level (its first level if none); the very start if no band."""
    steps = facilitator_steps(pack)
    for position, step in enumerate(steps):
        if (band_id is None or step.band.id == band_id) and (level is None or step.level == level):
            return position
    return 0


def clamp_step(pack: Pack, index: int) -> int:
    """A step number kept within the facilitator's steps."""
    return max(0, min(index, len(facilitator_steps(pack)) - 1))


def step_by(pack: Pack, band_id: str | None, level: Level | None, change: int) -> Step:
    """The step ``change`` screens on from a band at a level (Next is +1, Previous -1), kept within the walk."""
    steps = facilitator_steps(pack)
    return steps[clamp_step(pack, step_index(pack, band_id, level) + change)]


def step_position(pack: Pack, index: int) -> str:
    """Where the facilitator is, in words, e.g. 'Band 2 of 4 · Amber'."""
    step = facilitator_steps(pack)[clamp_step(pack, index)]
    band_number = next(n for n, band in enumerate(pack.bands, start=1) if band.id == step.band.id)
    return f"Band {band_number} of {len(pack.bands)} · {pack.level_label(step.level)}"


# ------------------------------------------------------------------ the address bar


def page_address(
    mode: TrainingMode,
    *,
    seed: int,
    size: int,
    band_id: str | None,
    level: Level | None = None,
) -> dict[str, str]:
    """The link parameters that bring the page back as it is after a reload.

    They hold the section, the quiz (number and length, kept in every section so that
    coming back to the quiz after a reload gives the same questions), the band on
    screen (None: every band) and, in the facilitator view, the level. None of it is
    typed about a child: it is the same link a trainer shares with a room.
    """
    params: dict[str, str] = {}
    if mode is not TrainingMode.QUIZ:
        params["mode"] = mode.value
    params.update(quiz_params(seed, band_id, size))
    if mode is TrainingMode.FACILITATOR and level is not None:
        params["level"] = level.value
    return params


# ------------------------------------------------------------------ scenarios


def deciding_criteria(pack: Pack, scenario: Scenario) -> list[Criterion]:
    """The criteria that settle a scenario's answer, in the scenario's order."""
    by_id = {criterion.id: criterion for criterion in pack.criteria}
    return [by_id[c] for c in scenario.deciding_criteria if c in by_id]


def scenario_feedback(pack: Pack, scenario: Scenario, chosen: Level) -> str:
    """One sentence comparing the trainee's rating with the suggested answer, levels in words."""
    suggested = pack.level_label(scenario.answer)
    if chosen == scenario.answer:
        return f"You chose {suggested}, the same as the suggested answer."
    return f"You chose {pack.level_label(chosen)}. The suggested answer is {suggested}."
