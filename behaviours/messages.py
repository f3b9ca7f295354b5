"""Editor messages: pydantic's errors and unknown references, said in an editor's words.

Nothing here reads files or decides what is wrong; it only words what the reader and
the rules found, so every message an editor sees is written in one place.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable
from typing import Any, get_args

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
