"""Editor messages: pydantic's errors and unknown references, said in an editor's words.

Nothing here reads files or decides what is wrong; it only words what the reader and
the rules found, so every message an editor sees is written in one place.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable, Mapping
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


def _unknown_field(model: type[BaseModel], loc: tuple[str | int, ...], err: Mapping[str, Any]) -> str:
    name = str(loc[-1]) if loc else ""
    allowed = field_names(model, loc[:-1])
    close = difflib.get_close_matches(name, allowed, n=1)
    hint = (
        f"; did you mean '{close[0]}'?" if close else (f"; the fields here are {', '.join(allowed)}" if allowed else "")
    )
    return f"unknown field '{name}'{hint}"


def _too_short(err: Mapping[str, Any]) -> str:
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


def explain(model: type[BaseModel], err: Mapping[str, Any]) -> tuple[tuple[str | int, ...], str]:
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


def _last_quoted(text: str, line: int) -> tuple[int, int] | None:
    """(first line, last line) of the last quoted value that starts on or before ``line`` (where reading failed)."""
    found = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.line + 1 > line:
                break
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
    text: str,
    context: str | None,
    context_line: int | None,
    problem: str,
    line: int | None,
    column: int | None = None,
) -> tuple[int | None, str] | None:
    """A YAML syntax error as (line, plain words), for the mistakes editors make; None only when no line is known.

    ``context_line`` and ``line`` are 1-based: where the parser started what failed, and where it failed;
    ``column`` (0-based) is where on that line.
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
        quoted = _last_quoted(text, line)
        if quoted is not None and quoted[0] < quoted[1]:
            # A quote left open runs on to the next quote in the file, lines later; the mistake is where it began.
            return quoted[0], (
                f"line {quoted[0]} opens a quote that is not closed on that line; "
                "put the closing quote at the end of the value, or remove the quote"
            )
        if quoted is not None and quoted[1] == line:
            return line, (
                f"line {line} has more text after a closing quote; put the whole value in quotes, or none of it"
            )
    if problem.startswith("mapping values are not allowed"):
        previous = _content_lines(lines, line)
        if previous:
            missing = _missing_colon(lines, previous[0][0])
            if missing:
                return previous[0][0], missing
    if problem.startswith("mapping values are not allowed"):
        inside = _colon_in_value(lines[line - 1], column)
        if inside:
            return line, f"line {line} {inside}"
    if context and context.startswith("while parsing a flow") and context_line:
        if "sequence" in context:
            return context_line, (
                f"line {context_line} opens a list with '[' that is not closed on that line; "
                "end the list with ']', or write each item on its own line starting with '- '"
            )
        return context_line, (
            f"line {context_line} opens a group with '{{' that is not closed on that line; end it with '}}', "
            "or put the whole value in quotes if it is text"
        )
    if (context or "").startswith("expected a single document"):
        return line, (
            f"line {line} starts a second document ('---' or '...'); a content file is one document, "
            "so delete that line"
        )
    if context and context.startswith("while scanning a block scalar"):
        return line, (
            f"line {line} has text straight after '|' or '>'; start the text on the next line, indented, "
            "or put the whole value in quotes instead"
        )
    for number in dict.fromkeys(n for n in (line, context_line) if n and 1 <= n <= len(lines)):
        starts = _starts_with_indicator(lines[number - 1], number)
        if starts is not None:
            return number, starts
    if problem.startswith((_BLOCK_END, "mapping values are not allowed", "did not find expected", "expected '<")):
        misaligned = _misaligned(lines, line)
        if misaligned:
            return line, misaligned
        realigned = _realigned(text, lines, line)
        if realigned:
            return realigned
        return line, (
            f"line {line} does not fit the lines above it; check that it, and the lines just above it, start "
            "in the same column as the other fields of their group, and that each field has a colon after its name"
        )
    return line, (
        f"line {line} cannot be read; check that it is lined up with the lines above, that each field has a "
        "colon after its name, and that a value holding ': ', '#' or a quote is in quotes"
    )


def _colon_in_value(text: str, column: int | None) -> str | None:
    """'has a colon inside ...' when the line is ``key: value`` and the value holds a ': ' (or ends with ':')."""
    indent = len(text) - len(text.lstrip(" "))
    body = text[indent:]
    dash = ""
    while body.startswith("- "):
        dash += "- "
        body = body[2:].lstrip(" ")
    key, sep, value = body.partition(": ")
    if not sep or not key or " " in key.strip() or (column is not None and column <= indent + len(dash) + len(key)):
        return None
    value = value.strip()
    if not value or value[0] in "\"'":
        return None
    quote = '"' if '"' not in value else "'" if "'" not in value else None
    if quote is None:
        return f"has a colon inside the value of '{key}'; put the whole value in quotes"
    return (
        f"has a colon inside the value of '{key}'; put the whole value in quotes, "
        f"e.g. {dash}{key}: {quote}{value}{quote}"
    )


# A value may not start with these unless it is in quotes: YAML reads them as its own signs.
_INDICATORS = {"@": "'@'", "`": "'`'", "%": "'%'", "*": "'*'", "&": "'&'", "[": "'['", "{": "'{'"}


def _starts_with_indicator(text: str, number: int) -> str | None:
    """The advice for a value that starts with a character YAML keeps for itself (@, `, %, *, &, [ or {)."""
    body = text.strip()
    while body.startswith("- "):
        body = body[2:].lstrip(" ")
    key, sep, value = body.partition(": ")
    value = (value if sep else body).strip()
    if not value or value[0] not in _INDICATORS:
        return None
    if value[0] in "[{" and value.rstrip().endswith("]}"[value[0] == "{"]):
        return None  # a whole list or group on one line; its own error is elsewhere
    field = f" of '{key}'" if sep and " " not in key else ""
    example = f"{key}: " if sep and " " not in key else "- "
    quote = '"' if '"' not in value else "'"
    return (
        f"line {number} has a value{field} starting with {_INDICATORS[value[0]]}, which YAML reads as a sign of "
        f"its own; put the whole value in quotes, e.g. {example}{quote}{value}{quote}"
    )


# The most lines above a failing line, and columns for each, tried when looking for the one line out of place.
_REALIGN_LINES = 6


def _composes(text: str) -> bool:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        yaml.compose(text, Loader=loader)
    except yaml.YAMLError:
        return False
    return True


def _partner(above: list[tuple[int, str]], line: str) -> tuple[int, str] | None:
    """The nearest line above that ``line`` lines up with: a sibling of the same shape, else one whose field is in line."""
    indent = len(line) - len(line.lstrip(" "))
    dash = line.lstrip(" ").startswith("-")
    key_column = _key_column(line)[0]
    for matches in (
        lambda other: len(other) - len(other.lstrip(" ")) == indent and other.lstrip(" ").startswith("-") == dash,
        lambda other: _key_column(other)[0] == key_column,
    ):
        for n, other in above:
            if matches(other):
                return n, _key_column(other)[1]
    return None


def _realigned(text: str, lines: list[str], line: int) -> tuple[int, str] | None:
    """The one line, at or just above where reading failed, that makes the whole file readable when moved."""
    candidates = [line, *(n for n, _ in _content_lines(lines, line)[: _REALIGN_LINES - 1])]
    for number in candidates:
        if not 1 <= number <= len(lines):
            continue
        current = lines[number - 1]
        body = current.lstrip(" ")
        above = _content_lines(lines, number)
        columns: list[int] = []
        for _, other in above:
            for column in (len(other) - len(other.lstrip(" ")), _key_column(other)[0]):
                if column not in columns and column != len(current) - len(body):
                    columns.append(column)
        for column in columns:
            moved = [*lines[: number - 1], " " * column + body, *lines[number:]]
            if not _composes("\n".join(moved) + "\n"):
                continue
            partner = _partner(above, " " * column + body)
            if partner is None:
                continue
            return number, (
                f"line {number} is not lined up with `{partner[1]}` on line {partner[0]}; "
                f"start it with {column} space{'s' if column != 1 else ''}"
            )
    return None
