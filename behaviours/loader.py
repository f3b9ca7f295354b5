"""Load a content pack and validate all of it in one pass.

``load_pack`` either returns a complete, valid ``Pack`` or raises ``PackError``
carrying every problem found, each with its file and line. It never returns a
partial pack, so a page can never show half the guidance.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args, get_origin

from pydantic import BaseModel, ValidationError

from behaviours.model import (
    LEVELS,
    AgeBand,
    ChannelKind,
    Contact,
    ContactsFile,
    CriteriaFile,
    LawFile,
    PackInfo,
    RoutesFile,
    ScenariosFile,
    Status,
)
from behaviours.pack import Pack, older_than
from behaviours.phones import InvalidPhoneNumber, parse_uk_number
from behaviours.yamlsource import Problem, YamlDoc, YamlRejected, dotted, read_yaml_file

PACK_ENV = "TRAFFIC_LIGHT_PACK"
SHIPPED_PACK = Path(__file__).parent / "content"
CHILD_AGES = range(0, 18)
REVIEW_MONTHS = 12
SPECIAL_ROUTES = ("immediate-danger", "adult", "not-listed")
LONG_DESCRIPTOR = 400

# The files a pack holds, and the model each must fit.
PACK_FILES: dict[str, type[BaseModel]] = {
    "pack.yaml": PackInfo,
    "criteria.yaml": CriteriaFile,
    "law.yaml": LawFile,
    "contacts.yaml": ContactsFile,
    "routes.yaml": RoutesFile,
    "scenarios.yaml": ScenariosFile,
}
OPTIONAL_FILES = {"scenarios.yaml"}
BANDS_DIR = "bands"

_EMAIL = re.compile(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
ALLOWED_SCHEMES = ("https", "http", "mailto", "tel")


class PackError(Exception):
    """The pack cannot be used. ``problems`` lists every error; ``warnings`` what else was noticed."""

    def __init__(self, problems: list[Problem], warnings: list[Problem] | None = None) -> None:
        self.problems = problems
        self.warnings = warnings or []
        count = len(problems)
        super().__init__(f"the content pack has {count} problem{'s' if count != 1 else ''}")


def default_pack_dir() -> Path:
    """The pack the app loads: ``TRAFFIC_LIGHT_PACK`` if set, else the shipped one."""
    override = os.environ.get(PACK_ENV, "").strip()
    return Path(override) if override else SHIPPED_PACK


def load_pack(path: str | os.PathLike[str] | None = None, today: dt.date | None = None) -> Pack:
    """Load and validate a pack; raise ``PackError`` with every problem if it is not valid."""
    pack_dir = Path(path) if path is not None else default_pack_dir()
    checker = _PackChecker(pack_dir, today or dt.date.today())
    pack = checker.load()
    pack.build_index()  # at load time, so the first search costs what the others do
    return pack


def check_pack(
    path: str | os.PathLike[str] | None = None, today: dt.date | None = None
) -> tuple[list[Problem], list[Problem]]:
    """Validate a pack and return (errors, warnings) without raising."""
    try:
        pack = load_pack(path, today)
    except PackError as exc:
        return exc.problems, exc.warnings
    return [], list(pack.warnings)


def display_path(path: Path) -> str:
    """The file name an editor will recognise: relative to the working folder where possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


@dataclass
class _PackChecker:
    pack_dir: Path
    today: dt.date
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    docs: dict[str, YamlDoc] = field(default_factory=dict)
    models: dict[str, Any] = field(default_factory=dict)
    bands: list[tuple[str, AgeBand]] = field(default_factory=list)
    unreadable_bands: list[str] = field(default_factory=list)

    # ------------------------------------------------------------ helpers

    def _name(self, relative: str) -> str:
        return display_path(self.pack_dir / relative)

    def error(self, relative: str, path: tuple[str | int, ...], message: str) -> None:
        doc = self.docs.get(relative)
        line = doc.line_for(path) if doc else None
        self.errors.append(Problem(self._name(relative), line, dotted(path), message))

    def warn(self, relative: str, path: tuple[str | int, ...], message: str) -> None:
        doc = self.docs.get(relative)
        line = doc.line_for(path) if doc else None
        self.warnings.append(Problem(self._name(relative), line, dotted(path), message, "warning"))

    # ------------------------------------------------------------ steps

    def load(self) -> Pack:
        if not self.pack_dir.is_dir():
            raise PackError(
                [
                    Problem(
                        display_path(self.pack_dir),
                        None,
                        "",
                        "this folder does not exist; give the folder that holds pack.yaml and bands/",
                    )
                ]
            )
        self._read_files()
        self._check_cross_references()
        if self.errors:
            raise PackError(sorted(self.errors, key=_order), sorted(self.warnings, key=_order))
        return self._build()

    def _read_files(self) -> None:
        for relative, model in PACK_FILES.items():
            file_path = self.pack_dir / relative
            if not file_path.exists():
                if relative not in OPTIONAL_FILES:
                    self.errors.append(
                        Problem(
                            self._name(relative),
                            None,
                            "",
                            "this file is missing; every pack needs it (see behaviours/README.md)",
                        )
                    )
                continue
            self._read_one(relative, model)
        bands_dir = self.pack_dir / BANDS_DIR
        band_files = sorted(bands_dir.glob("*.yaml")) if bands_dir.is_dir() else []
        if not band_files:
            self.errors.append(
                Problem(
                    self._name(BANDS_DIR),
                    None,
                    "",
                    "no band files found; add one file per age band, e.g. bands/5-9.yaml",
                )
            )
        for band_file in band_files:
            relative = f"{BANDS_DIR}/{band_file.name}"
            band = self._read_one(relative, AgeBand)
            if band is not None:
                self.bands.append((relative, band))
            else:
                self.unreadable_bands.append(relative)
        for stray in sorted(self.pack_dir.rglob("*.yml")):
            self.errors.append(
                Problem(display_path(stray), None, "", "content files end in .yaml, not .yml; rename it")
            )
        known = set(PACK_FILES) | {f"{BANDS_DIR}/{p.name}" for p in band_files}
        for other in sorted(self.pack_dir.rglob("*.yaml")):
            relative = other.relative_to(self.pack_dir).as_posix()
            if relative not in known:
                self.errors.append(
                    Problem(
                        display_path(other),
                        None,
                        "",
                        "this file is not part of a pack; band files go in bands/, the others are "
                        + ", ".join(PACK_FILES),
                    )
                )

    def _read_one(self, relative: str, model: type[BaseModel]) -> Any:
        try:
            doc = read_yaml_file(self.pack_dir / relative, self._name(relative))
        except YamlRejected as exc:
            self.errors.append(exc.problem)
            return None
        self.docs[relative] = doc
        if not isinstance(doc.data, dict):
            found = "a list ('- ' items)" if isinstance(doc.data, list) else f"a single value ({doc.data!r})"
            expected = [name for name, info in model.model_fields.items() if info.is_required()] or list(
                model.model_fields
            )
            self.error(
                relative,
                (),
                f"the file holds {found}, but it must start with fields (key: value) such as "
                f"{', '.join(name + ':' for name in expected)}; see behaviours/README.md",
            )
            return None
        try:
            parsed = model.model_validate(doc.data)
        except ValidationError as exc:
            for err in exc.errors(include_url=False):
                path, message = _explain(model, err)
                self.error(relative, path, message)
            return None
        self.models[relative] = parsed
        return parsed

    # ------------------------------------------------------------ cross-file checks

    def _check_cross_references(self) -> None:
        info: PackInfo | None = self.models.get("pack.yaml")
        criteria: CriteriaFile | None = self.models.get("criteria.yaml")
        law: LawFile | None = self.models.get("law.yaml")
        contacts: ContactsFile | None = self.models.get("contacts.yaml")
        routes: RoutesFile | None = self.models.get("routes.yaml")
        scenarios: ScenariosFile | None = self.models.get("scenarios.yaml")

        self._check_unique_ids(criteria, law, contacts, routes, scenarios)
        self._check_bands()

        law_ids = {note.id for note in law.law} if law else None
        contact_ids = {c.id for c in contacts.contacts} if contacts else None
        # A band file that could not be read already has its error; its id must be its file name.
        band_ids = {band.id for _, band in self.bands} | {Path(r).stem for r in self.unreadable_bands}
        criterion_ids = {c.id for c in criteria.criteria} if criteria else None

        for relative, band in self.bands:
            if law_ids is not None:
                for i, ref in enumerate(band.law):
                    if ref not in law_ids:
                        self.error(relative, ("law", i), _unknown_ref("law note", ref, law_ids, "law.yaml"))
                for b_index, behaviour in enumerate(band.behaviours):
                    for i, ref in enumerate(behaviour.law):
                        if ref not in law_ids:
                            self.error(
                                relative,
                                ("behaviours", b_index, "law", i),
                                _unknown_ref("law note", ref, law_ids, "law.yaml"),
                            )
            for b_index, behaviour in enumerate(band.behaviours):
                if len(behaviour.text) > LONG_DESCRIPTOR:
                    self.warn(
                        relative,
                        ("behaviours", b_index, "text"),
                        f"this descriptor is {len(behaviour.text)} characters; keep it to one plain sentence",
                    )

        if routes is not None:
            self._check_routes(routes, contact_ids)
        if contacts is not None:
            self._check_contacts(contacts, contact_ids or set())
        if law is not None:
            for i, note in enumerate(law.law):
                if note.link:
                    self._check_link("law.yaml", ("law", i, "link"), note.link, web_only=True)
        if scenarios is not None:
            for i, scenario in enumerate(scenarios.scenarios):
                if band_ids and scenario.band not in band_ids:
                    self.error(
                        "scenarios.yaml",
                        ("scenarios", i, "band"),
                        _unknown_ref("band", scenario.band, band_ids, "bands/"),
                    )
                if criterion_ids is not None:
                    for j, ref in enumerate(scenario.deciding_criteria):
                        if ref not in criterion_ids:
                            self.error(
                                "scenarios.yaml",
                                ("scenarios", i, "deciding_criteria", j),
                                _unknown_ref("criterion", ref, criterion_ids, "criteria.yaml"),
                            )
        if info is not None and older_than(info.last_reviewed, REVIEW_MONTHS, self.today):
            self.warn(
                "pack.yaml",
                ("last_reviewed",),
                f"the pack was last reviewed on {info.last_reviewed:%d %B %Y}, over {REVIEW_MONTHS} months ago; review it and update the date",
            )

    def _check_unique_ids(self, *files: Any) -> None:
        seen: dict[str, tuple[str, tuple[str | int, ...]]] = {}

        def claim(relative: str, path: tuple[str | int, ...], item_id: str) -> None:
            if item_id in seen:
                first_file, first_path = seen[item_id]
                first_doc = self.docs.get(first_file)
                first_line = first_doc.line_for(first_path) if first_doc else None
                where = f"{self._name(first_file)}:{first_line}" if first_line else self._name(first_file)
                self.error(
                    relative,
                    path,
                    f"the id '{item_id}' is already used at {where}; every id in a pack must be different",
                )
            else:
                seen[item_id] = (relative, path)

        for relative, band in self.bands:
            claim(relative, ("id",), band.id)
            for i, behaviour in enumerate(band.behaviours):
                claim(relative, ("behaviours", i, "id"), behaviour.id)
        lists = {
            "criteria.yaml": "criteria",
            "law.yaml": "law",
            "contacts.yaml": "contacts",
            "routes.yaml": "routes",
            "scenarios.yaml": "scenarios",
        }
        for relative, attribute in lists.items():
            parsed = self.models.get(relative)
            if parsed is None:
                continue
            for i, item in enumerate(getattr(parsed, attribute)):
                claim(relative, (attribute, i, "id"), item.id)
            if relative == "routes.yaml":
                for i, resource in enumerate(parsed.resources):
                    claim(relative, ("resources", i, "id"), resource.id)

    def _check_bands(self) -> None:
        for relative, band in self.bands:
            stem = Path(relative).stem
            if band.id != stem:
                self.error(
                    relative,
                    ("id",),
                    f"the id '{band.id}' must match the file name; write id: {stem} or rename the file to {band.id}.yaml",
                )
            if band.min_age > band.max_age:
                self.error(relative, ("max_age",), f"max_age {band.max_age} is below min_age {band.min_age}; swap them")
                continue
            for level in LEVELS:
                if not any(b.level == level for b in band.behaviours):
                    self.error(
                        relative,
                        ("behaviours",),
                        f"band '{band.id}' has no {level.value} behaviours; add at least one with level: {level.value}",
                    )
        if not self.bands or self.unreadable_bands:
            # Ages a broken band file was meant to cover are unknown; a gap reported now would be false.
            return
        uncovered = [age for age in CHILD_AGES if not any(band.holds(age) for _, band in self.bands)]
        if uncovered:
            self.errors.append(
                Problem(
                    self._name(BANDS_DIR),
                    None,
                    "",
                    f"no band covers age{'s' if len(uncovered) > 1 else ''} {_ranges(uncovered)}; "
                    "set min_age and max_age so every age from 0 to 17 is in a band",
                )
            )

    def _check_routes(self, routes: RoutesFile, contact_ids: set[str] | None) -> None:
        for level in LEVELS:
            matching = [i for i, r in enumerate(routes.routes) if r.level == level]
            if not matching:
                self.error(
                    "routes.yaml",
                    ("routes",),
                    f"there is no route for {level.value}; add one with level: {level.value}",
                )
            for extra in matching[1:]:
                self.error(
                    "routes.yaml",
                    ("routes", extra, "level"),
                    f"a second route for {level.value}; keep one route per level",
                )
        route_ids = {r.id for r in routes.routes}
        for special in SPECIAL_ROUTES:
            if special not in route_ids:
                self.error("routes.yaml", ("routes",), f"the route with id '{special}' is missing; every pack needs it")
        for i, route in enumerate(routes.routes):
            if not route.in_your_setting and not route.route_out:
                self.error(
                    "routes.yaml", ("routes", i), "a route needs at least one step in in_your_setting or route_out"
                )
            if contact_ids is not None:
                for j, ref in enumerate(route.contacts):
                    if ref not in contact_ids:
                        self.error(
                            "routes.yaml",
                            ("routes", i, "contacts", j),
                            _unknown_ref("contact", ref, contact_ids, "contacts.yaml"),
                        )
        for i, resource in enumerate(routes.resources):
            self._check_link("routes.yaml", ("resources", i, "link"), resource.link, web_only=True)
            if older_than(resource.last_verified, REVIEW_MONTHS, self.today):
                self.warn(
                    "routes.yaml",
                    ("resources", i, "last_verified"),
                    f"'{resource.title}' was last checked {resource.last_verified:%d %B %Y}; check the link still works",
                )

    def _check_contacts(self, contacts: ContactsFile, contact_ids: set[str]) -> None:
        for i, contact in enumerate(contacts.contacts):
            base: tuple[str | int, ...] = ("contacts", i)
            for j, channel in enumerate(contact.channels):
                path = (*base, "channels", j, "value")
                if channel.kind in (ChannelKind.PHONE, ChannelKind.TEXT):
                    try:
                        parse_uk_number(channel.value)
                    except InvalidPhoneNumber as exc:
                        self.error(
                            "contacts.yaml",
                            path,
                            f"{exc}; write a UK number as dialled, e.g. 0345 678 9021, or a short number such as 116 000",
                        )
                elif channel.kind == ChannelKind.EMAIL:
                    address = channel.value.removeprefix("mailto:")
                    if not _EMAIL.match(address):
                        self.error(
                            "contacts.yaml",
                            path,
                            f"'{channel.value}' is not an e-mail address; write it as name@example.org",
                        )
                else:
                    self._check_link("contacts.yaml", path, channel.value, web_only=True)
            if contact.out_of_hours and contact.out_of_hours not in contact_ids:
                self.error(
                    "contacts.yaml",
                    (*base, "out_of_hours"),
                    _unknown_ref("contact", contact.out_of_hours, contact_ids, "contacts.yaml"),
                )
            for block_index, block in enumerate(contact.opening_hours):
                if block.opens >= block.closes:
                    self.error(
                        "contacts.yaml",
                        (*base, "opening_hours", block_index, "closes"),
                        f"closes ({block.closes}) must be later than opens ({block.opens})",
                    )
            for message in contact_warnings(contact, self.today):
                self.warn(
                    "contacts.yaml",
                    (*base, "status") if "unverified" in message or "outdated" in message else (*base, "last_verified"),
                    message,
                )

    def _check_link(self, relative: str, path: tuple[str | int, ...], link: str, web_only: bool = False) -> None:
        match = _SCHEME.match(link.strip())
        scheme = match.group(1).lower() if match else ""
        allowed = ("https", "http") if web_only else ALLOWED_SCHEMES
        if scheme not in ALLOWED_SCHEMES or scheme not in allowed:
            shown = scheme + ":" if scheme else "no scheme"
            self.error(
                relative,
                path,
                f"the link has {shown}; links must start with {' or '.join(s + ':' for s in allowed)}, e.g. https://www.example.org/",
            )
        elif scheme == "http":
            self.warn(
                relative, path, f"'{link}' uses http:, which is not encrypted; use https: if the site supports it"
            )
        elif any(ch.isspace() for ch in link.strip()) or not re.match(r"^https?://[^/\s]+\.[^/\s]+", link.strip()):
            self.error(
                relative, path, f"'{link}' is not a complete web address; write it as https://www.example.org/page"
            )

    # ------------------------------------------------------------ build

    def _build(self) -> Pack:
        info: PackInfo = self.models["pack.yaml"]
        criteria: CriteriaFile = self.models["criteria.yaml"]
        routes: RoutesFile = self.models["routes.yaml"]
        scenarios: ScenariosFile | None = self.models.get("scenarios.yaml")
        bands = tuple(sorted((band for _, band in self.bands), key=lambda b: (b.min_age, b.max_age)))
        return Pack(
            info=info,
            bands=bands,
            criteria=tuple(criteria.criteria),
            not_listed=criteria.not_listed,
            law=tuple(self.models["law.yaml"].law),
            contacts=tuple(self.models["contacts.yaml"].contacts),
            routes=tuple(routes.routes),
            resources=tuple(routes.resources),
            scenarios=tuple(scenarios.scenarios) if scenarios else (),
            warnings=tuple(sorted(self.warnings, key=_order)),
            source=display_path(self.pack_dir),
        )


def contact_warnings(contact: Contact, today: dt.date) -> list[str]:
    """What a reader should know before relying on a contact: unverified, outdated or not checked lately."""
    messages: list[str] = []
    if contact.status == Status.UNVERIFIED:
        messages.append(f"{contact.name}: these details are unverified; check them before relying on them")
    elif contact.status == Status.OUTDATED:
        messages.append(f"{contact.name}: this entry is marked outdated; check the service still runs")
    if older_than(contact.last_verified, REVIEW_MONTHS, today):
        messages.append(
            f"{contact.name}: last checked {contact.last_verified:%d %B %Y}, over {REVIEW_MONTHS} months ago; check the details again"
        )
    return messages


def _order(problem: Problem) -> tuple[str, int]:
    return (problem.file, problem.line or 0)


def _ranges(ages: list[int]) -> str:
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


def _unknown_ref(kind: str, ref: str, known: Iterable[str], where: str) -> str:
    close = difflib.get_close_matches(ref, list(known), n=1)
    hint = f"; did you mean '{close[0]}'?" if close else f"; use an id from {where}"
    return f"no {kind} has the id '{ref}'{hint}"


# ------------------------------------------------------------ pydantic errors, in editors' words


def _field_names(model: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
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
    if get_origin(annotation) is None:
        return None
    return None


def _explain(model: type[BaseModel], err: dict[str, Any]) -> tuple[tuple[str | int, ...], str]:
    loc = tuple(part for part in err["loc"] if not (isinstance(part, str) and part.startswith("function-")))
    kind = err["type"]
    value = err.get("input")
    ctx = err.get("ctx") or {}
    name = loc[-1] if loc else ""
    if kind == "extra_forbidden":
        allowed = _field_names(model, loc[:-1])
        close = difflib.get_close_matches(str(name), allowed, n=1)
        hint = (
            f"; did you mean '{close[0]}'?"
            if close
            else (f"; the fields here are {', '.join(allowed)}" if allowed else "")
        )
        return loc, f"unknown field '{name}'{hint}"
    if kind == "missing":
        return loc, f"the required field '{name}' is missing; add {name}: (see behaviours/README.md)"
    if kind == "enum":
        expected = ctx.get("expected", "")
        return loc, f"'{value}' is not allowed here; write one of {expected}"
    if kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern", "")
        if "[0-5]" in pattern:
            return loc, f"'{value}' is not a time; write a 24-hour time in quotes, e.g. \"09:00\""
        return (
            loc,
            f"'{value}' is not a valid id; use lower-case letters, digits and hyphens, e.g. 9-13-red-sharing-images",
        )
    if kind in ("string_type",):
        if isinstance(value, (bool, type(None))):
            shown = {True: "yes/true", False: "no/false", None: "an empty value"}[value]
        elif isinstance(value, dt.date):
            shown = value.isoformat()  # repr() would say datetime.date(...), which no editor wrote
        elif isinstance(value, list):
            shown = "a list"
        elif isinstance(value, dict):
            shown = "a group of fields (key: value)"
        else:
            shown = repr(value)
        return loc, f"expected text but found {shown}; write text, in quotes if it looks like a number, date or yes/no"
    if kind == "string_too_short":
        return loc, "this must not be empty; write some text"
    if kind == "too_short":
        minimum = ctx.get("min_length", 1)
        return loc, f"this list needs at least {minimum} item{'s' if minimum != 1 else ''}"
    if kind.startswith("date"):
        return loc, f"'{value}' is not a date; write it as YYYY-MM-DD, e.g. 2026-11-29"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return loc, f"'{value}' is not a whole number; write a whole number such as 9"
    if kind in ("greater_than_equal", "less_than_equal"):
        return loc, f"{value} is out of range: {err['msg'].lower()}"
    if kind == "list_type":
        return loc, "this must be a list; write each item on its own line starting with '- '"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return loc, "this must be a group of fields (key: value), as in behaviours/README.md"
    if kind == "bool_type" or kind == "bool_parsing":
        return loc, f"'{value}' is not true or false; write true or false"
    return loc, err["msg"]
