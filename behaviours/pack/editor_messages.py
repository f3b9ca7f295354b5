"""Editor messages: pydantic's errors and unknown references, said in an editor's words.

Nothing here reads files or decides what is wrong; it only words what the reader and
the rules found, so every message an editor sees is written in one place.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable
from typing import Any, get_args

import yaml
from pydantic import BaseModel


def unknown_ref(kind: str, ref: str, known: Iterable[str], where: str) -> str:
    """A reference to an id that does not exist, with the nearest id as a 'did you mean'."""
    close = difflib.get_close_matches(ref, list(known), n=1)
    hint = f"; did you mean '{close[0]}'?" if close else f"; use an id from {where}"
    return f"no {kind} has the id '{ref}'{hint}"


def age_ranges(ages: list[int]) -> str:
    """Whole ages as short ranges: [0, 1, 2, 5] reads '0 to 2, 5'."""
    parts: list[str] = []
    start = previous = ages[0]
    for age in [*ages[1:], None]:
        if age is not None and age == previous + 1:
            previous = age
            continue
        parts.append(str(start) if start == previous else f"{start} to {previous}")
        if age is not None:
            start = previous = age
    return ", ".join(parts)


def not_fields(found: Any, model: type[BaseModel]) -> str:
    """A file whose top level is a list or a single value instead of fields."""
    shown = "a list ('- ' items)" if isinstance(found, list) else f"a single value ({found!r})"
    expected = [name for name, info in model.model_fields.items() if info.is_required()] or list(model.model_fields)
    return (
        f"the file holds {shown}, but it must start with fields (key: value) such as "
        f"{', '.join(name + ':' for name in expected)}; see behaviours/README.md"
    )


def field_names(model: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    """The fields allowed at a location, for 'did you mean' hints."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        info = current.model_fields.get(part)
        if info is None:
            return []
        current = _inner_model(info.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _shown(value: Any) -> str:
    """A value as the editor wrote it, not as Python prints it."""
    if isinstance(value, (bool, type(None))):
        return {True: "yes/true", False: "no/false", None: "an empty value"}[value]
    if isinstance(value, dt.date):
        return value.isoformat()  # repr() would say datetime.date(...), which no editor wrote
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of fields (key: value)"
    return repr(value)


def _unknown_field(model: type[BaseModel], loc: tuple[str | int, ...], err: dict[str, Any]) -> str:
    name = str(loc[-1]) if loc else ""
    allowed = field_names(model, loc[:-1])
    close = difflib.get_close_matches(name, allowed, n=1)
    hint = (
        f"; did you mean '{close[0]}'?" if close else (f"; the fields here are {', '.join(allowed)}" if allowed else "")
    )
    return f"unknown field '{name}'{hint}"


def _too_short(err: dict[str, Any]) -> str:
    minimum = (err.get("ctx") or {}).get("min_length", 1)
    return f"this list needs at least {minimum} item{'s' if minimum != 1 else ''}"


# pydantic's error type -> the message, from the error (and its value as ``v``).
_WORDING: dict[str, Any] = {
    "missing": lambda err, v, name: f"the required field '{name}' is missing; add {name}: (see behaviours/README.md)",
    "enum": lambda err, v, name: (
        f"'{v}' is not allowed here; write one of {(err.get('ctx') or {}).get('expected', '')}"
    ),
    "string_pattern_mismatch": lambda err, v, name: (
        f"'{v}' is not a valid id; use lower-case letters, digits and hyphens, e.g. 9-13-red-sharing-images"
    ),
    "string_type": lambda err, v, name: (
        f"expected text but found {_shown(v)}; write text, in quotes if it looks like a number, date or yes/no"
    ),
    "string_too_short": lambda err, v, name: "this must not be empty; write some text",
    "too_short": lambda err, v, name: _too_short(err),
    "int_type": lambda err, v, name: f"'{v}' is not a whole number; write a whole number such as 9",
    "greater_than_equal": lambda err, v, name: f"{v} is out of range: {err['msg'].lower()}",
    "list_type": lambda err, v, name: "this must be a list; write each item on its own line starting with '- '",
    "model_type": lambda err, v, name: "this must be a group of fields (key: value), as in behaviours/README.md",
    "bool_type": lambda err, v, name: f"'{v}' is not true or false; write true or false",
}
_WORDING["int_parsing"] = _WORDING["int_from_float"] = _WORDING["int_type"]
_WORDING["less_than_equal"] = _WORDING["greater_than_equal"]
_WORDING["dict_type"] = _WORDING["model_attributes_type"] = _WORDING["model_type"]
_WORDING["bool_parsing"] = _WORDING["bool_type"]


def explain(model: type[BaseModel], err: dict[str, Any]) -> tuple[tuple[str | int, ...], str]:
    """One pydantic error as (location, message in an editor's words)."""
    loc = tuple(part for part in err["loc"] if not (isinstance(part, str) and part.startswith("function-")))
    kind = err["type"]
    if kind == "extra_forbidden":
        return loc, _unknown_field(model, loc, err)
    if kind.startswith("date"):
        return loc, f"'{err.get('input')}' is not a date; write it as YYYY-MM-DD, e.g. 2026-11-29"
    wording = _WORDING.get(kind)
    if wording is None:
        # The model's own checks (phone numbers, links, clocks) raise their message already worded.
        return loc, err["msg"]
    return loc, wording(err, err.get("input"), loc[-1] if loc else "")


# ---------------------------------------------------------------- YAML syntax errors, in editors' words

_BLOCK_END = "expected <block end>"


def _key_column(line: str) -> tuple[int, str]:
    """Where a line's field starts (after indentation and any '- ' markers), and what it shows there."""
    column = len(line) - len(line.lstrip(" "))
    rest = line[column:]
    while rest.startswith("- ") or rest == "-":
        stripped = rest[1:].lstrip(" ")
        column += len(rest) - len(stripped)
        rest = stripped
    key, colon, _ = rest.partition(":")
    shown = f"{key.strip()}:" if colon and key.strip() and " " not in key.strip() else rest.strip()[:30]
    return column, shown


def _content_lines(lines: list[str], before: int) -> list[tuple[int, str]]:
    """(1-based number, text) of the lines above ``before`` that hold content, nearest first."""
    found = []
    for number in range(before - 1, 0, -1):
        text = lines[number - 1]
        if text.strip() and not text.lstrip(" ").startswith("#"):
            found.append((number, text))
    return found


def _misaligned(lines: list[str], number: int) -> str | None:
    """'line N is not lined up with `key:` on line M' when line N's indentation matches no line above."""
    if not 1 <= number <= len(lines):
        return None
    text = lines[number - 1]
    column, _ = _key_column(text)
    above = [(n, *_key_column(line)) for n, line in _content_lines(lines, number)]
    if not above or any(c == column for _, c, _ in above):
        return None
    n, c, shown = min(above, key=lambda item: (abs(item[1] - column), number - item[0]))
    spaces = c - (column - (len(text) - len(text.lstrip(" "))))  # less the width of any '- ' on the line
    return (
        f"line {number} is not lined up with `{shown}` on line {n}; "
        f"start it with {spaces} space{'s' if spaces != 1 else ''}"
    )


def _missing_colon(lines: list[str], number: int) -> str | None:
    if not 1 <= number <= len(lines):
        return None
    _, shown = _key_column(lines[number - 1])
    word = shown.split()[0].rstrip(":") if shown.split() else ""
    if not word or ":" in lines[number - 1]:
        return None
    return f"line {number} has no colon after '{word}'; write '{word}: ' and then the value"


def _last_quoted(text: str) -> tuple[int, int] | None:
    """(first line, last line) of the last quoted value before the text stops being readable YAML."""
    found = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if isinstance(token, yaml.ScalarToken) and token.style in ('"', "'"):
                found = (token.start_mark.line + 1, token.end_mark.line + 1)
    except yaml.YAMLError:
        pass
    return found


_BRACED = re.compile(r"(^\s*(-\s+|[\w-]+:\s+)\{[a-z_]+\})|([\[,]\s*[^\]\"',]*\{[a-z_]+\})")


def _unquoted_reference(lines: list[str], numbers: list[int]) -> int | None:
    """The line where a {reference} starts a value, or sits in a [flow, list], without quotes; YAML reads it as code."""
    for number in numbers:
        if 1 <= number <= len(lines) and _BRACED.search(lines[number - 1]):
            return number
    return None


def syntax_problem(
    text: str, context: str | None, context_line: int | None, problem: str, line: int | None
) -> tuple[int | None, str] | None:
    """A YAML syntax error as (line, plain words) for the mistakes editors make, or None to use the parser's words.

    ``context_line`` and ``line`` are 1-based: where the parser started what failed, and where it failed.
    """
    lines = text.splitlines()
    last = line or len(lines)
    for number in range(1, min(last, len(lines)) + 1):
        indent = lines[number - 1][: len(lines[number - 1]) - len(lines[number - 1].lstrip(" \t"))]
        if "\t" in indent:
            return number, f"line {number} has a tab; use spaces"
    braced = _unquoted_reference(lines, [n for n in (context_line, line) if n])
    if braced is not None:
        return braced, (
            f"line {braced} has a reference in braces that YAML reads as code; put the whole text in quotes, "
            'e.g. - "{front_door} is closed."'
        )
    if context == "while scanning a quoted scalar" and context_line:
        return context_line, (
            f"line {context_line} opens a quote that is never closed; "
            "put the closing quote at the end of the value, or remove the quote"
        )
    if context == "while scanning a simple key" and context_line:
        missing = _missing_colon(lines, context_line)
        if missing:
            return context_line, missing
    if line is None or not 1 <= line <= len(lines):
        return None
    if problem.startswith(_BLOCK_END) and "'<scalar>'" in problem:
        quoted = _last_quoted(text)
        if quoted is not None and quoted[0] < quoted[1]:
            # A quote left open runs on to the next quote in the file, lines later; the mistake is where it began.
            return quoted[0], (
                f"line {quoted[0]} opens a quote that is not closed on that line; "
                "put the closing quote at the end of the value, or remove the quote"
            )
        if quoted is not None:
            return line, (
                f"line {line} has more text after a closing quote; put the whole value in quotes, or none of it"
            )
    if problem.startswith("mapping values are not allowed"):
        previous = _content_lines(lines, line)
        if previous:
            missing = _missing_colon(lines, previous[0][0])
            if missing:
                return previous[0][0], missing
    if problem.startswith((_BLOCK_END, "mapping values are not allowed", "did not find expected")):
        misaligned = _misaligned(lines, line)
        if misaligned:
            return line, misaligned
    return None
