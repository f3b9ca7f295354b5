"""The typed content model: what a content pack may say, with closed vocabularies.

Every model forbids unknown keys, so a typo such as ``escalaton:`` is an error
rather than a field that is silently ignored.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from behaviours.pack import links


def refuse(message: str) -> PydanticCustomError:
    """A model check's message, already in an editor's words (behaviours/messages.py passes it on as is)."""
    return PydanticCustomError("pack_check", "{message}", {"message": message})


def _visible(text: str) -> str:
    """No invisible or formatting character (zero-width, direction marks): what is shown is what is there."""
    problem = links.invisible_character(text)
    if problem:
        raise refuse(problem)
    return text


def _in_order(text: str) -> str:
    """No character that can reorder what is shown, and no digit but 0-9: for numbers, labels and links."""
    problem = links.reordering_character(text) or links.other_digit(text)
    if problem:
        raise refuse(problem)
    return text


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_visible)]
# A phone number, a label or a link: shown exactly as it dials or opens.
ShownText = Annotated[Text, AfterValidator(_in_order)]
Identifier = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", min_length=1, max_length=80),
]
# A key rule or key action is read on every card it concerns: one short sentence, never the whole note.
KEY_SENTENCE_MAX = 140
_CLOCK = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")


def _clock(value: Any) -> Any:
    """A time of day written "HH:MM" in the YAML becomes a ``datetime.time``."""
    if isinstance(value, dt.time):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError("string_type", "Input should be a valid string")
    if not _CLOCK.match(value):
        raise refuse(f"'{value}' is not a time; write a 24-hour time in quotes, e.g. \"09:00\"")
    return dt.time(int(value[:2]), int(value[3:]))


Clock = Annotated[dt.time, BeforeValidator(_clock)]


class Level(str, Enum):
    """The three levels of the traffic light. Their display labels come from the pack."""

    GREEN = "green"
    AMBER = "amber"
    RED = "red"

    @property
    def rank(self) -> int:
        """Severity order: green 0, amber 1, red 2."""
        return _LEVEL_RANK[self]


_LEVEL_RANK = {Level.GREEN: 0, Level.AMBER: 1, Level.RED: 2}
LEVELS: tuple[Level, ...] = (Level.GREEN, Level.AMBER, Level.RED)


class Audience(str, Enum):
    """Who a contact is for."""

    YOUNG_PEOPLE = "young-people"
    PARENTS_CARERS = "parents-carers"
    PROFESSIONALS = "professionals"
    ANYONE = "anyone"


class ChannelKind(str, Enum):
    """How a contact can be reached."""

    PHONE = "phone"
    TEXT = "text"
    EMAIL = "email"
    WEB = "web"
    CHAT = "chat"


class Status(str, Enum):
    """How far a contact's details have been checked."""

    VERIFIED = "verified"
    UNVERIFIED = "unverified"
    OUTDATED = "outdated"


class Day(str, Enum):
    """Days of the week, for opening hours."""

    MON = "mon"
    TUE = "tue"
    WED = "wed"
    THU = "thu"
    FRI = "fri"
    SAT = "sat"
    SUN = "sun"


class HackettStage(str, Enum):
    """Hackett's continuum, a second scale trainers often teach alongside."""

    NORMAL = "normal"
    INAPPROPRIATE = "inappropriate"
    PROBLEMATIC = "problematic"
    ABUSIVE = "abusive"
    VIOLENT = "violent"


class Strict(BaseModel):
    """Base for every content model: frozen, and unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)


# ---------------------------------------------------------------- review


class Review(Strict):
    """When a file was last reviewed, when it is next due, and who owns it (a role, not a person's name)."""

    last_reviewed: dt.date
    next_review: dt.date
    owner: Text = Field(description="The role that reviews the file, e.g. 'Designated safeguarding lead, ...'.")

    @field_validator("next_review")
    @classmethod
    def _after_last(cls, next_review: dt.date, info: ValidationInfo) -> dt.date:
        last = info.data.get("last_reviewed")
        if last is not None and next_review <= last:
            raise refuse(f"next_review ({next_review}) must be later than last_reviewed ({last})")
        return next_review


# ---------------------------------------------------------------- pack.yaml


class Credit(Strict):
    """Where the framework comes from, and the licence of this pack's wording."""

    framework: Text
    wording: Text
    licence: Text


class LevelGuide(Strict):
    """What one level means and what a practitioner does at it."""

    label: Text = Field(description="Display word, e.g. Green, or Orange in a licensed pack.")
    headline: Text = Field(description="Short action said after the label, e.g. 'act today'.")
    meaning: Text
    signs: list[Text] = Field(default_factory=list)
    what_to_do: list[Text] = Field(min_length=1)
    what_to_record: list[Text] = Field(min_length=1)
    who_to_tell: list[Text] = Field(min_length=1)
    hackett: list[HackettStage] = Field(default_factory=list)
    hackett_note: Text | None = None
    key_action: Annotated[Text, StringConstraints(max_length=KEY_SENTENCE_MAX)] | None = Field(
        default=None, description="The one step that matters most, shown on every card at this level."
    )


class Levels(Strict):
    """The three levels; all three must be present."""

    green: LevelGuide
    amber: LevelGuide
    red: LevelGuide


class PackChange(Strict):
    """One change practitioners should know about, listed under the version that made it."""

    version: Text
    date: dt.date
    items: list[Text] = Field(min_length=1)


class Concern(Strict):
    """A kind of concern, in the words recording systems file it under, and the behaviours that point to it."""

    name: Text = Field(description="The category, e.g. 'Child sexual exploitation'.")
    themes: list[Identifier] = Field(default_factory=list)
    behaviours: list[Identifier] = Field(default_factory=list)

    @model_validator(mode="after")
    def _names_something(self) -> Concern:
        if not self.themes and not self.behaviours:
            raise refuse("a concern needs 'themes:' or 'behaviours:', the items that point to it")
        return self


class PackInfo(Strict):
    """Pack metadata and the level guides (``pack.yaml``)."""

    name: Text
    version: Text
    last_reviewed: dt.date
    credit: Credit
    report_problems_to: Text
    about: Text | None = None
    levels: Levels
    synonyms: list[list[Text]] = Field(default_factory=list)
    developmental_age_note: Text
    adult_note: Text
    changes: list[PackChange] = Field(default_factory=list)
    # Training courses a saved room's result may be labelled with (behaviours/training/results.py).
    courses: list[Annotated[Text, StringConstraints(max_length=80)]] = Field(default_factory=list)

    @field_validator("courses")
    @classmethod
    def _each_course_once(cls, courses: list[str]) -> list[str]:
        repeated = sorted({course for course in courses if courses.count(course) > 1})
        if repeated:
            raise refuse(f"'{repeated[0]}' is listed twice; list each course once")
        return courses

    concerns: list[Concern] = Field(default_factory=list)
    allowed_international_hosts: list[Text] = Field(
        default_factory=list,
        description="Web hosts written in other scripts or punycode (xn--) that the pack's links may open.",
    )


# ---------------------------------------------------------------- bands/<id>.yaml


AgeSpan = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[0-9]{1,2}( ?- ?[0-9]{1,2})?$")]


class AgeCondition(Strict):
    """The level, and any extra law, that apply to a descriptor at some ages inside its band."""

    ages: AgeSpan = Field(description="Whole years, e.g. '13-15' or '13'.")
    level: Level
    law: list[Identifier] = Field(default_factory=list)

    @field_validator("ages", mode="before")
    @classmethod
    def _one_age_may_be_a_number(cls, value: object) -> object:
        # "ages: 13" reads as a number in YAML; a single age is as clear as a range.
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value

    @property
    def first_age(self) -> int:
        """The youngest age the condition covers."""
        return int(self.ages.split("-")[0])

    @property
    def last_age(self) -> int:
        """The oldest age the condition covers."""
        return int(self.ages.split("-")[-1])

    def holds(self, age: int) -> bool:
        """True when the age, in whole years, falls inside this condition."""
        return self.first_age <= age <= self.last_age


class Behaviour(Strict):
    """One descriptor: a behaviour at one level in one band, optionally changing with age."""

    id: Identifier
    level: Level
    text: Text
    theme: Identifier | None = None
    by_age: list[AgeCondition] = Field(default_factory=list)
    consider: list[Text] = Field(default_factory=list)
    keywords: list[Text] = Field(default_factory=list)
    law: list[Identifier] = Field(default_factory=list)


class AgeBand(Strict):
    """An age band (``bands/<id>.yaml``) with its behaviours."""

    review: Review | None = None
    id: Identifier
    label: Text
    min_age: int = Field(ge=0, le=25)
    max_age: int = Field(ge=0, le=25)
    summary: Text | None = None
    behaviours: list[Behaviour] = Field(min_length=1)

    def holds(self, age: int) -> bool:
        """True when the age, in whole years, falls inside this band."""
        return self.min_age <= age <= self.max_age


# ---------------------------------------------------------------- criteria.yaml


class Criterion(Strict):
    """A context factor that changes how a behaviour is read.

    Questions are worded so that "yes" is the answer that raises concern.
    """

    id: Identifier
    name: Text
    question: Text
    raises_to: Level
    why: Text
    examples: list[Text] = Field(default_factory=list)


class CriteriaFile(Strict):
    """``criteria.yaml``: the criteria and the guidance for behaviours not listed."""

    review: Review | None = None
    criteria: list[Criterion] = Field(min_length=1)
    not_listed: Text


# ---------------------------------------------------------------- law.yaml


class LawNote(Strict):
    """A legal fact, with the source that states it."""

    id: Identifier
    title: Text
    text: Text
    source: Text
    last_reviewed: dt.date | None = None
    link: ShownText | None = None
    key_rule: Annotated[Text, StringConstraints(max_length=KEY_SENTENCE_MAX)] | None = Field(
        default=None, description="The note's rule in one short sentence, shown on each item it concerns."
    )
    images: bool = Field(default=False, description="About images: items citing it show the image rule.")

    @field_validator("link")
    @classmethod
    def _web_link(cls, link: str | None) -> str | None:
        problem = links.web_link_problem(link) if link else None
        if problem:
            raise refuse(problem)
        return link


class LawFile(Strict):
    """``law.yaml``."""

    review: Review | None = None
    law: list[LawNote] = Field(min_length=1)


# ---------------------------------------------------------------- contacts.yaml


class Channel(Strict):
    """One way to reach a contact."""

    kind: ChannelKind
    value: ShownText
    label: ShownText | None = None

    @field_validator("value")
    @classmethod
    def _reachable(cls, value: str, info: ValidationInfo) -> str:
        kind = info.data.get("kind")
        if kind is None:
            return value  # the kind has its own error; which check applies is unknown
        if kind in (ChannelKind.PHONE, ChannelKind.TEXT):
            problem = links.phone_problem(value)
        elif kind == ChannelKind.EMAIL:
            problem = links.email_problem(value)
        else:
            problem = links.web_link_problem(value)
        if problem:
            raise refuse(problem)
        return value

    @field_validator("label")
    @classmethod
    def _label_matches(cls, label: str | None, info: ValidationInfo) -> str | None:
        kind, value = info.data.get("kind"), info.data.get("value")
        if label is None or kind is None or value is None:
            return label  # the kind or value has its own error
        if kind in (ChannelKind.PHONE, ChannelKind.TEXT):
            problem = links.phone_label_problem(label, value)
        elif kind in (ChannelKind.WEB, ChannelKind.CHAT):
            problem = links.web_label_problem(label, value)
        else:
            problem = None
        if problem:
            raise refuse(problem)
        return label


class OpeningHours(Strict):
    """A block of opening hours on the listed days, UK time."""

    days: list[Day] = Field(min_length=1)
    opens: Clock
    closes: Clock

    @field_validator("closes")
    @classmethod
    def _after_opening(cls, closes: dt.time, info: ValidationInfo) -> dt.time:
        opens = info.data.get("opens")
        if opens is not None and opens >= closes:
            raise refuse(f"closes ({closes:%H:%M}) must be later than opens ({opens:%H:%M})")
        return closes


class Contact(Strict):
    """A service or helpline, with where its details came from and when they were checked."""

    id: Identifier
    name: Text
    summary: Text
    audience: list[Audience] = Field(min_length=1)
    channels: list[Channel] = Field(min_length=1)
    hours: Text | None = Field(
        default=None,
        description="Hours in words, only for a contact without opening_hours (the loader words those itself).",
    )
    hours_note: Text | None = Field(default=None, description="What the times in opening_hours cannot say.")
    open_always: bool = False
    opening_hours: list[OpeningHours] = Field(default_factory=list)
    out_of_hours: Identifier | None = None
    notes: list[Text] = Field(default_factory=list)
    source: Text
    last_verified: dt.date | None = Field(
        default=None, description="When the details were confirmed on a primary source: the service's own public page."
    )
    last_checked: dt.date | None = Field(
        default=None, description="When someone last looked at the details without confirming them on a primary source."
    )
    status: Status
    status_note: Text | None = None
    local: bool = False
    area: Text | None = Field(default=None, description="For a neighbouring front door: the area it serves.")

    @model_validator(mode="after")
    def _dated(self) -> Contact:
        if self.last_verified is None and self.last_checked is None:
            raise refuse(
                "give last_verified (the date you confirmed the details on the service's own public page) "
                "or last_checked (the date you last looked at them without confirming them)"
            )
        return self

    @property
    def checked_on(self) -> dt.date:
        """The last date anyone looked at these details: confirmed (last_verified) or only looked at (last_checked)."""
        return max(day for day in (self.last_verified, self.last_checked) if day is not None)


class Roles(Strict):
    """Which contact plays each local part; the references ({front_door} ...) are resolved from these."""

    front_door: Identifier | None = None
    out_of_hours: Identifier | None = None
    adult_safeguarding: Identifier | None = None
    neighbours: list[Identifier] = Field(default_factory=list)


class ContactsFile(Strict):
    """``contacts.yaml``: the local area, which contact plays which part, and every contact."""

    review: Review | None = None
    area: Text | None = None
    council: Text | None = None
    roles: Roles = Field(default_factory=Roles)
    contacts: list[Contact] = Field(min_length=1)


# ---------------------------------------------------------------- routes.yaml


class Route(Strict):
    """What to do: steps inside your own setting, then the route out, with contacts."""

    id: Identifier
    level: Level | None = None
    title: Text
    in_your_setting: list[Text] = Field(default_factory=list)
    route_out: list[Text] = Field(default_factory=list)
    contacts: list[Identifier] = Field(default_factory=list)


class Resource(Strict):
    """A local document or page practitioners use alongside the tool."""

    id: Identifier
    title: Text
    link: ShownText
    summary: Text
    source: Text
    last_verified: dt.date

    @field_validator("link")
    @classmethod
    def _web_link(cls, link: str) -> str:
        problem = links.web_link_problem(link)
        if problem:
            raise refuse(problem)
        return link


class RoutesFile(Strict):
    """``routes.yaml``: one route per level, the special routes, and local resources."""

    review: Review | None = None
    routes: list[Route] = Field(min_length=1)
    resources: list[Resource] = Field(default_factory=list)


# ---------------------------------------------------------------- scenarios.yaml


class Scenario(Strict):
    """A short training vignette in which context decides the level."""

    id: Identifier
    band: Identifier
    title: Text
    text: Text
    answer: Level
    deciding_criteria: list[Identifier] = Field(default_factory=list)
    explanation: Text


class ScenariosFile(Strict):
    """``scenarios.yaml``."""

    review: Review | None = None
    scenarios: list[Scenario] = Field(default_factory=list)


# ---------------------------------------------------------------- vocabulary.yaml


class VocabularyEntry(Strict):
    """Words people type for one idea (practitioners' phrasings, young people's words and slang,
    platform names, misspellings), and the behaviours or themes they mean."""

    words: list[Text] = Field(min_length=1, description="What people type, each matched as a phrase in any order.")
    behaviours: list[Identifier] = Field(default_factory=list)
    themes: list[Identifier] = Field(default_factory=list)
    source: Text = Field(description="Where the usage comes from.")
    explicit: bool = Field(default=False, description="Matched, never offered back as a 'did you mean' word.")
    whole_phrase: bool = Field(
        default=False,
        description="Matched only when a phrase is typed in full: its words are not added to the behaviours' words.",
    )


class VocabularyFile(Strict):
    """``vocabulary.yaml``: the pack's search word list."""

    review: Review | None = None
    entries: list[VocabularyEntry] = Field(default_factory=list)


SpecialRouteId = Literal["immediate-danger", "not-listed", "adult"]
