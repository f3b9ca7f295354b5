"""Case discussion: from the behaviours seen and the criteria answers to a suggested level.

Everything here is pure: it takes what the practitioner chose and returns words to show.
Nothing is stored; the page keeps its state in the browser session only.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum

from behaviours.answers.lookup import plan_lookup, theme_level_at
from behaviours.pack.model import AgeBand, Behaviour, Criterion, Level, Route
from behaviours.pack.pack import Pack, highest_level

UNDER_13_LAW = "under-13s"
UNDER_13 = 13
NOT_LISTED_MAX = 200

CAVEAT = "This is a suggestion: professional judgement and local procedures decide."


class Answer(str, Enum):
    """An answer to a criterion question. A question not yet answered has no Answer (None)."""

    YES = "yes"
    NO = "no"
    DONT_KNOW = "dont-know"

    @property
    def words(self) -> str:
        """The answer as the page and the note say it."""
        return _ANSWER_WORDS[self]


_ANSWER_WORDS = {Answer.YES: "Yes", Answer.NO: "No", Answer.DONT_KNOW: "Don't know"}
NOT_ANSWERED = "Not answered"


def answer_words(answer: Answer | None) -> str:
    """Yes, No, Don't know, or Not answered."""
    return answer.words if answer is not None else NOT_ANSWERED


# ------------------------------------------------------------------ which bands to offer


@dataclass(frozen=True)
class CaseBands:
    """The bands whose descriptors the page offers, why, and the age the law is read against."""

    bands: list[AgeBand] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    adult: bool = False
    age_for_law: int | None = None
    developmental: AgeBand | None = None  # the band that fits the child's development, when one was given


def bands_for_case(
    pack: Pack, age: int | None, band_id: str | None, developmental_band_id: str | None = None
) -> CaseBands:
    """The bands for the age (or the chosen band), plus the band that fits the child's development."""
    plan = plan_lookup(pack, age, band_id, None)
    bands = list(plan.bands)
    reasons: list[str] = []
    if plan.adult and bands:
        reasons.append(f"Age {age} is 18 or over: adult safeguarding applies, and {bands[0].label} is only a guide.")
    elif plan.adult:
        reasons.append(f"Age {age} is 18 or over: adult safeguarding applies, and the children's bands do not.")
    elif plan.why:
        reasons.append(plan.why)
    elif age is not None and bands:
        reasons.append(f"{bands[0].label} is the band for age {age}.")
    elif bands:
        reasons.append(f"{bands[0].label} is the band you chose.")

    # The law is read against age in years: a typed age, or, when only a band is chosen,
    # the oldest age in it, so "under 13" is said only when it is certain.
    age_for_law = age if age is not None else (max(b.max_age for b in bands) if bands else None)

    developmental = pack.band(developmental_band_id) if developmental_band_id else None
    if developmental is not None:
        if any(b.id == developmental.id for b in bands):
            reasons.append(f"{developmental.label} also fits the child's development, and it is already shown.")
        else:
            bands.append(developmental)
            reasons.append(
                f"{developmental.label} is shown too, because you said it fits the child's development "
                "better than their age in years."
            )
    return CaseBands(
        bands=bands,
        reasons=reasons,
        notices=list(plan.notices),
        adult=plan.adult,
        age_for_law=age_for_law,
        developmental=developmental,
    )


def behaviour_options(pack: Pack, bands: Sequence[AgeBand]) -> list[Behaviour]:
    """The descriptors to choose from: every band's, most serious level first, then in file order."""
    options = [b for band in bands for b in band.behaviours]
    return sorted(options, key=lambda b: -b.level.rank)


def option_label(pack: Pack, behaviour: Behaviour, *, with_band: bool) -> str:
    """A descriptor as a choice: the level word first ('Amber: ...'), and its band when several are shown."""
    label = f"{pack.level_label(behaviour.level)}: {behaviour.text}"
    if with_band:
        label += f" ({pack.band_of(behaviour).label})"
    return label


# ------------------------------------------------------------------ the suggested level


@dataclass(frozen=True)
class Suggestion:
    """A suggested overall level, the reasons in words, what is still to find out, and the caveat."""

    level: Level | None
    reasons: list[str] = field(default_factory=list)
    to_find_out: list[str] = field(default_factory=list)
    caveat: str = CAVEAT
    brief: list[str] = field(default_factory=list)  # the reasons, one short line each, for the note


def _quoted(texts: Sequence[str]) -> str:
    return "; ".join(f"“{text.rstrip('.')}”" for text in texts)


def counted_level(pack: Pack, behaviour: Behaviour, age: int | None) -> Level:
    """The level a chosen item counts at: its listed level with no age; with an age, its level at that
    age raised to the highest its theme reaches in any band holding the age (see ``theme_level_at``)."""
    return pack.level_at(behaviour, None) if age is None else theme_level_at(pack, behaviour, age)


def suggest_level(
    pack: Pack,
    behaviours: Sequence[Behaviour],
    answers: Mapping[str, Answer | None],
    not_listed: bool,
    age: int | None,
) -> Suggestion:
    """Start from the most serious behaviour chosen; every "yes" raises the level to at least its
    criterion's level; nothing lowers it. Unanswered and "don't know" questions are listed to find out."""
    label = pack.level_label
    reasons: list[str] = []
    brief: list[str] = []
    # An item counts at the child's age when it is known (an item whose rating changes with age),
    # and at the highest level its theme has in any band holding that age: at a boundary age
    # (5, 9, 13) the same facts give the same level whichever band's item was picked.
    level = highest_level(counted_level(pack, b, age) for b in behaviours)

    if level is not None:
        top = [b.text for b in behaviours if counted_level(pack, b, age) == level]
        reasons.append(f"Starts at {label(level)}: the highest level among the behaviours chosen ({_quoted(top)}).")
        brief.append(f"Starts at {label(level)}: the most serious behaviour chosen.")
        for behaviour in behaviours:
            own = pack.level_at(behaviour, age)
            if age is not None and counted_level(pack, behaviour, age) != own:
                reasons.append(
                    f"“{behaviour.text.rstrip('.')}” is {label(own)} in {pack.band_of(behaviour).label}, but "
                    f"the other band for age {age} rates the same behaviour "
                    f"{label(counted_level(pack, behaviour, age))}; at a boundary age it counts at the higher level."
                )
                brief.append(
                    f"A behaviour counts at {label(counted_level(pack, behaviour, age))}: at age {age} "
                    "the other band rates it higher."
                )
    if not_listed:
        if behaviours:
            reasons.append(
                "The behaviour you described is not listed, so it has no level of its own: "
                "the criteria answers rate it, together with the behaviours chosen."
            )
        else:
            reasons.append(
                "The behaviour you described is not listed, so it has no level of its own: rate it with the criteria."
            )
        brief.append("The behaviour described is not listed: the criteria rate it.")

    yes_criteria: list[Criterion] = []
    for criterion in pack.criteria:
        if answers.get(criterion.id) != Answer.YES:
            continue
        yes_criteria.append(criterion)
        target = criterion.raises_to
        said = f"{criterion.name}, answered yes ({criterion.question.rstrip('?')}?)"
        if level is None:
            level = target
            reasons.append(f"Rated {label(target)}: {said}.")
            brief.append(f"Rated {label(target)}: {criterion.name} answered yes.")
        elif target.rank > level.rank:
            level = target
            reasons.append(f"Raised to {label(target)}: {said}.")
            brief.append(f"Raised to {label(target)}: {criterion.name} answered yes.")
        else:
            reasons.append(
                f"Stays at {label(level)}: {said}; this calls for at least {label(target)}, "
                f"and the level is already {label(level)}."
            )

    answered_all_no = bool(pack.criteria) and all(answers.get(c.id) == Answer.NO for c in pack.criteria)
    if level is None and not_listed and answered_all_no:
        # The pack's own guidance for behaviours that are not listed.
        level = Level.GREEN
        reasons.append(
            f"Likely {label(Level.GREEN)}: every criterion was answered no. A behaviour that is not listed is "
            f"likely to be {label(Level.GREEN)} only if it is also curious, mutual and easily redirected; "
            "if it is not, talk to your designated safeguarding lead (DSL)."
        )
        brief.append(
            f"Likely {label(Level.GREEN)}: every criterion answered no; only if also curious, mutual and easily redirected."
        )
    elif level is not None and behaviours and not yes_criteria and answered_all_no:
        reasons.append(f"Every criterion was answered no, so the level stays at {label(level)}.")
        brief.append(f"Every criterion was answered no: the level stays at {label(level)}.")

    if level is None and not behaviours and not not_listed:
        reasons.append(
            "No level yet: choose the behaviours you observed, or describe one that is not listed, "
            "and answer the criteria questions."
        )

    if level == Level.RED and age is not None and age < UNDER_13:
        note = pack.law_note(UNDER_13_LAW)
        if note is not None:
            reasons.append(f"The law: {note.title}. {note.text} (Source: {note.source}.)")
            brief.append(f"The law: {note.title}.")

    to_find_out: list[str] = []
    for criterion in pack.criteria:
        answer = answers.get(criterion.id)
        if answer == Answer.YES or answer == Answer.NO:
            continue
        state = "don't know yet" if answer == Answer.DONT_KNOW else "not answered yet"
        line = f"{criterion.name} ({state}): {criterion.question}"
        if level is None or criterion.raises_to.rank > level.rank:
            line += f" A yes would make it at least {label(criterion.raises_to)}."
        to_find_out.append(line)

    return Suggestion(level=level, reasons=reasons, to_find_out=to_find_out, brief=brief)


def has_input(behaviours: Sequence[Behaviour], answers: Mapping[str, Answer | None], not_listed: bool) -> bool:
    """True once the practitioner has chosen a behaviour, described one, or answered a question."""
    return bool(behaviours) or not_listed or any(a is not None for a in answers.values())


def routes_for_case(
    pack: Pack, level: Level | None, *, not_listed: bool, adult: bool, immediate_danger: bool = False
) -> list[Route]:
    """The routes to show: the immediate-danger route first when the practitioner says someone is in
    immediate danger, adult safeguarding for 18+, then the level's route.

    With no level yet and a behaviour that is not listed, the not-listed route says how to rate it.
    Every level's own steps say to call 999 if anyone is in immediate danger; the whole
    immediate-danger route is added only when the practitioner says so.
    """
    routes: list[Route] = []
    if immediate_danger:
        danger = pack.special_route("immediate-danger")
        if danger is not None:
            routes.append(danger)
    if adult:
        adult_route = pack.special_route("adult")
        if adult_route is not None:
            routes.append(adult_route)
    if level is not None:
        routes.append(pack.route_for(level))
    elif not_listed:
        how_to_rate = pack.special_route("not-listed")
        if how_to_rate is not None:
            routes.append(how_to_rate)
    return routes


# ------------------------------------------------------------------ what the note says about them

NOTE_STEPS = 5  # the short note lists at most this many of a level's steps (issue 25: three to five)
_EMERGENCY_NUMBER = re.compile(r"\b999\b")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def concerns_for(pack: Pack, behaviours: Sequence[Behaviour]) -> list[str]:
    """The kinds of concern the chosen behaviours point to (pack.yaml ``concerns``), each once, in the pack's order."""
    themes = {b.theme for b in behaviours if b.theme}
    ids = {b.id for b in behaviours}
    return [
        concern.name
        for concern in pack.info.concerns
        if themes.intersection(concern.themes) or ids.intersection(concern.behaviours)
    ]


def note_steps(pack: Pack, level: Level) -> list[str]:
    """The level's steps for the short note: the first five of ``what_to_do``, each by its first sentence (a step
    says what to do first, then how), leaving out a step about 999, which the immediate-danger route covers when
    the practitioner says someone is in immediate danger."""
    steps = [step for step in pack.level_guide(level).what_to_do if not _EMERGENCY_NUMBER.search(step)]
    return [_SENTENCE_END.split(" ".join(step.split()), maxsplit=1)[0] for step in steps[:NOTE_STEPS]]
