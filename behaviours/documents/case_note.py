"""The note for the record of a case discussion, as plain text, as Markdown and as PDF.

Short by default, in the three parts recording systems ask for (CPOMS's Concern, Risk,
Action): what was seen, with the practitioner's own account; the suggested level and why,
with what is still to find out; whom to call now, the steps for the level, and the
decision. A "full route" option adds every route's steps and contacts.

The plain-text note is made in memory for each run of the case page, and the PDF when the
practitioner asks for it; both go only to that browser tab, inside its own WebSocket message
(ui/note_actions.py). A note is never written to disk, never given a web address, and not
kept by the tool. Every contact, time and level is put into words by ``behaviours.wording``
and ``behaviours.wording.levels``, as in the app and the PDFs.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from behaviours.answers.case import (
    Answer,
    Suggestion,
    concerns_for,
    counted_level,
    has_input,
    note_steps,
    routes_for_case,
)
from behaviours.answers.plans import CasePlan
from behaviours.contacts.hours import Call, Role, WhoToCall, who_to_call
from behaviours.core.text import clean_input
from behaviours.documents.pdf import footer_line, render_pdf
from behaviours.pack.model import AgeBand, Behaviour, Contact, Route
from behaviours.pack.pack import Pack
from behaviours.wording import contacts as wording
from behaviours.wording.levels import level_heading

NOTE_TITLE = "Case discussion note"
WRITE_INS = ("Decision:", "Decided by (role):", "Date and time:")
ACCOUNT_MAX = 500  # characters: the house limit for every text box (tests/test_text_limits_and_pack_identity.py)
PARTS = ("Concern", "Risk", "Action")

# The characters that make Markdown links, HTML, emphasis, code or tables. Unlike the app's md(),
# colons and full stops stay as they are, so the note still reads well in a plain text editor.
_MARKUP = re.compile(r"([\\`*_\[\]<>|~]|&(?=[#A-Za-z0-9]))")
_LINE_START = re.compile(r"^(\d+)([.)])|^([-+=#])")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def note_text(text: str) -> str:
    """Text for the Markdown note, shown literally by any Markdown viewer and still readable as plain text."""
    folded = " ".join(clean_input(str(text), 100_000).split())
    escaped = _MARKUP.sub(r"\\\1", folded)
    return _LINE_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}" if m.group(1) else f"\\{m.group(3)}", escaped)


@dataclass(frozen=True)
class CaseRecord:
    """What a case discussion chose and concluded, ready to be written as a note.

    ``account`` is what the practitioner typed (their factual account and the child's own
    words): it is held only in the session and goes only into this note.
    """

    when: dt.datetime
    age: int | None
    bands: Sequence[AgeBand]
    band_reasons: Sequence[str]
    behaviours: Sequence[Behaviour]
    not_listed: bool
    not_listed_text: str | None
    answers: Mapping[str, Answer | None]
    suggestion: Suggestion
    adult: bool = False
    notices: Sequence[str] = field(default_factory=tuple)
    account: str = ""
    immediate_danger: bool = False
    full_route: bool = False


@dataclass(frozen=True)
class _Block:
    """A line (may be empty) and the list under it."""

    line: str = ""
    bullets: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Section:
    """One part of the note: a heading, then lines each with an optional list."""

    heading: str
    blocks: list[_Block] = field(default_factory=list)
    level: bool = False  # the part that says the suggested level (the PDF colours it)


def file_stem(record: CaseRecord) -> str:
    """A file name without extension, holding only the date and time: never anything typed."""
    return f"case-discussion-note-{record.when:%Y-%m-%d-%H%M}"


def when_text(when: dt.datetime) -> str:
    """The date and time of the discussion, e.g. 'Saturday 26 December 2026 at 11am (UK time)'."""
    return f"{wording.moment_words(when)} (UK time)"


def credit_line(pack: Pack) -> str:
    """The credit in one line: the pack and its version, and the first sentence of the framework credit."""
    first = _SENTENCE_END.split(" ".join(pack.info.credit.framework.split()))[0]
    return f"Made with {pack.info.name}, version {pack.info.version}. {first}"


def account_lines(account: str) -> list[str]:
    """The typed account as lines: each line as typed, control and direction characters removed, empty lines dropped."""
    lines = (" ".join(clean_input(line, ACCOUNT_MAX).split()) for line in str(account)[:ACCOUNT_MAX].splitlines())
    return [line for line in lines if line]


def _names(items: Sequence[str]) -> str:
    return "; ".join(items)


# ------------------------------------------------------------------ the three parts


def _concern(pack: Pack, record: CaseRecord) -> _Section:
    blocks: list[_Block] = []
    concerns = concerns_for(pack, record.behaviours)
    if concerns:
        blocks.append(_Block(f"Type of concern: {_names(concerns)}"))
    age = f"age {record.age}" if record.age is not None else "age not given"
    bands = ", ".join(b.label for b in record.bands) or "no band chosen"
    blocks.append(_Block(f"Child: {age}; {bands}"))
    blocks += [_Block(text) for text in [*record.band_reasons[1:], *record.notices]]
    several = len(record.bands) > 1
    seen: list[str] = []
    for behaviour in record.behaviours:
        level = pack.level_label(counted_level(pack, behaviour, record.age))
        at = f" at age {record.age}" if record.age is not None else ""
        band = f" ({pack.band_of(behaviour).label})" if several else ""
        seen.append(f"{level}{at}: {behaviour.text}{band}")
    if record.not_listed:
        seen.append(f"Not listed (rated with the criteria): {record.not_listed_text or 'no description given'}")
    blocks.append(_Block("Behaviours seen:", seen) if seen else _Block("Behaviours seen: none chosen"))
    account = account_lines(record.account)
    if account:
        blocks.append(_Block("Account (what was seen or heard, and the child's own words):"))
        blocks += [_Block(line) for line in account]
    return _Section("Concern", blocks)


def _risk(pack: Pack, record: CaseRecord) -> _Section:
    suggestion = record.suggestion
    level = level_heading(pack, suggestion.level) if suggestion.level is not None else "none yet"
    blocks = [_Block(f"Suggested level: {level}"), _Block(suggestion.caveat, list(suggestion.brief))]
    by_answer: dict[Answer | None, list[str]] = {}
    for criterion in pack.criteria:
        by_answer.setdefault(record.answers.get(criterion.id), []).append(criterion.name)
    if by_answer.get(Answer.YES):
        blocks.append(_Block(f"Answered yes: {_names(by_answer[Answer.YES])}"))
    if by_answer.get(Answer.NO):
        blocks.append(_Block(f"Answered no: {_names(by_answer[Answer.NO])}"))
    unknown = by_answer.get(Answer.DONT_KNOW, []) + by_answer.get(None, [])
    if unknown:
        # In the pack's order, whatever the answer that left them open.
        ordered = [c.name for c in pack.criteria if c.name in unknown]
        blocks.append(_Block(f"Still to find out: {_names(ordered)}"))
    return _Section("Risk", blocks, level=suggestion.level is not None)


def _routes(pack: Pack, record: CaseRecord) -> list[Route]:
    return routes_for_case(
        pack,
        record.suggestion.level,
        not_listed=record.not_listed,
        adult=record.adult,
        immediate_danger=record.immediate_danger,
    )


def note_calls(pack: Pack, record: CaseRecord) -> WhoToCall | None:
    """Every service the note's routes name, once each, in the order to call them at the time of the discussion."""
    contacts: list[Contact] = []
    for route in _routes(pack, record):
        contacts += [c for c in pack.contacts_for(route) if c not in contacts]
    return who_to_call(pack, None, record.when, contacts=contacts) if contacts else None


def _in_call_now(call: Call, *, immediate_danger: bool) -> bool:
    """The services whose answer depends on the hour: the front door, its out-of-hours team and a neighbouring
    area's; 999 too when someone is said to be in immediate danger. The rest of a route (police 101, helplines,
    reporting online) is in the full route."""
    if call.role == Role.EMERGENCY:
        return immediate_danger
    return call.role != Role.OTHER


def call_lines(answer: WhoToCall, *, immediate_danger: bool) -> list[str]:
    """Whom to call now, one line per service, in the order to call them (``behaviours.wording``): the one that
    answers now first. A neighbouring area is one line, its front door with its out-of-hours number."""
    lines: list[str] = []
    neighbours = iter(wording.neighbour_sentences(answer))
    for call in answer.calls:
        if not _in_call_now(call, immediate_danger=immediate_danger):
            continue
        if call.role == Role.NEIGHBOUR:
            sentence = next(neighbours, "") if call.door is None else ""
            lines += [sentence.rstrip(".")] if sentence else []
            continue
        lines.append(wording.call_text(call))
    return lines


def _action(pack: Pack, record: CaseRecord, answer: WhoToCall | None) -> _Section:
    blocks: list[_Block] = []
    lines = call_lines(answer, immediate_danger=record.immediate_danger) if answer is not None else []
    if lines:
        blocks.append(_Block("Call now:", lines))
    level = record.suggestion.level
    for route in _routes(pack, record):
        if level is not None and route == pack.route_for(level):
            blocks.append(_Block(f"Steps ({level_heading(pack, level)}):", note_steps(pack, level)))
        elif not record.full_route:  # with the full route, every route is written out below instead
            blocks.append(_Block(f"{route.title}:", [*route.in_your_setting, *route.route_out]))
    blocks += [_Block(label) for label in WRITE_INS]
    return _Section("Action", blocks)


def _full_route(pack: Pack, record: CaseRecord, answer: WhoToCall | None) -> list[_Section]:
    """Every route in full, each service it names that the note has not listed yet written under it once."""
    calls = answer.calls if answer is not None else ()
    listed = {c.contact.id for c in calls if _in_call_now(c, immediate_danger=record.immediate_danger)}
    sections: list[_Section] = []
    for route in _routes(pack, record):
        blocks = [_Block("In your setting:", list(route.in_your_setting))] if route.in_your_setting else []
        if route.route_out:
            blocks.append(_Block("The route out:", list(route.route_out)))
        named = {c.id for c in pack.contacts_for(route)}
        others = [call for call in calls if call.contact.id in named and call.contact.id not in listed]
        if others:
            blocks.append(_Block("Also:", [wording.call_text(call) for call in others]))
            listed |= {call.contact.id for call in others}
        sections.append(_Section(route.title, blocks))
    return sections


def note_sections(pack: Pack, record: CaseRecord) -> list[_Section]:
    """Concern, Risk and Action; then, when asked for, every route in full."""
    answer = note_calls(pack, record)
    sections = [_concern(pack, record), _risk(pack, record), _action(pack, record, answer)]
    if record.full_route:
        sections += _full_route(pack, record, answer)
    return sections


# ------------------------------------------------------------------ the three formats


def note_markdown(pack: Pack, record: CaseRecord) -> str:
    """The note as Markdown; every piece of text is escaped, so nothing in it becomes a link or markup."""
    lines = [f"# {NOTE_TITLE}", "", note_text(f"Discussed on {when_text(record.when)}.")]
    for section in note_sections(pack, record):
        lines += ["", f"## {note_text(section.heading)}"]
        for block in section.blocks:
            lines.append("")
            if block.line:
                lines.append(note_text(block.line))
            if block.bullets:
                if block.line:
                    lines.append("")
                lines += [f"- {note_text(item)}" for item in block.bullets]
    lines += ["", f"*{note_text(credit_line(pack))}*"]
    return "\n".join(lines).rstrip() + "\n"


def plain_text(text: str) -> str:
    """One piece of text for the plain-text note: control and direction characters removed, on one line."""
    return " ".join(clean_input(str(text), 100_000).split())


def note_plain_text(pack: Pack, record: CaseRecord) -> str:
    """The note as plain text that pastes cleanly into school and council recording systems.

    Nothing is escaped or marked up: headings are lines of their own, lists start with "- ",
    and a version reads "1.0.0", not "1\\.0\\.0". Each heading, line and list item is one
    line, never broken inside: the recording systems (CPOMS, MyConcern, case management
    forms) wrap text to their own box, and a line broken at a fixed width there reads as a
    ragged column. A blank line separates the parts.
    """
    lines = [NOTE_TITLE, plain_text(f"Discussed on {when_text(record.when)}.")]
    for section in note_sections(pack, record):
        lines += ["", plain_text(section.heading)]
        for block in section.blocks:
            if block.line:
                lines.append(plain_text(block.line))
            lines += [f"- {plain_text(item)}" for item in block.bullets]
    lines += ["", plain_text(credit_line(pack))]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def word_count(text: str) -> int:
    """Words as a reader counts them: runs of letters or digits (a list's "-" is not a word)."""
    return len(re.findall(r"[^\W_]+(?:['’.&-][^\W_]+)*", text))


def note_pdf(pack: Pack, record: CaseRecord) -> bytes:
    """The note as a tagged A4 PDF (behaviours/templates/print/note.html), made in memory and never saved,
    with real, searchable text and space to write the decision."""
    sections = [
        {
            "heading": section.heading,
            "level": record.suggestion.level if section.level else None,
            "blocks": [
                {"line": block.line, "bullets": block.bullets, "write_in": block.line in WRITE_INS}
                for block in section.blocks
            ],
        }
        for section in note_sections(pack, record)
    ]
    info = pack.info
    context = {
        "pack": pack,
        "title": NOTE_TITLE,
        "footer": footer_line(info.name, info.version, info.last_reviewed, record.when.date()),
        "discussed": f"Discussed on {when_text(record.when)}.",
        "sections": sections,
        "credit_line": credit_line(pack),
    }
    return render_pdf("note.html", context)


# ------------------------------------------------------------------ the note as the case page shows it


@dataclass(frozen=True)
class CaseNotePlan:
    """The note for the record as the page shows it and as it is copied or saved: the same text."""

    record: CaseRecord  # for the PDF, made only when asked for
    text: str
    stem: str  # the file name without extension: the date and time only


def plan_case_note(
    pack: Pack,
    plan: CasePlan,
    *,
    age: int | None,
    answers: Mapping[str, Answer | None],
    not_listed: bool,
    not_listed_text: str,
    account: str,
    immediate_danger: bool,
    full_route: bool,
    now: dt.datetime,
) -> CaseNotePlan | None:
    """The note once something has been chosen or answered (None before): short, or with every route in full.

    ``not_listed_text`` and ``account`` are typed: they go into this note and nowhere else.
    """
    if not has_input(plan.behaviours, answers, not_listed) and not account.strip():
        return None
    record = CaseRecord(
        when=now,
        age=age,
        bands=tuple(plan.bands.bands),
        band_reasons=tuple(plan.bands.reasons),
        behaviours=tuple(plan.behaviours),
        not_listed=not_listed,
        not_listed_text=not_listed_text or None,
        answers=dict(answers),
        suggestion=plan.suggestion,
        adult=plan.bands.adult,
        notices=tuple(plan.bands.notices),
        account=account,
        immediate_danger=immediate_danger,
        full_route=full_route,
    )
    return CaseNotePlan(record, note_plain_text(pack, record), file_stem(record))
