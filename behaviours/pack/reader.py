"""Reading a pack: its files become YAML documents (with line marks) and typed models.

``read_pack`` never raises for a problem in the content: every file it cannot use
becomes a ``Problem`` in ``PackContent.errors``. A list file with a broken item is
still read without that item (``salvaged``), so the checks on every other item still
run and their warnings do not vanish; the rules are told which files are incomplete
so that they never report something as missing when it was only unreadable.
"""

from __future__ import annotations

import copy
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from behaviours.pack import references
from behaviours.pack.editor_messages import explain, not_fields
from behaviours.pack.model import (
    AgeBand,
    ContactsFile,
    CriteriaFile,
    LawFile,
    PackInfo,
    RoutesFile,
    ScenariosFile,
    VocabularyFile,
)
from behaviours.pack.yamlsource import Problem, YamlDoc, YamlRejected, dotted, not_a_file, read_yaml_file

# The files a pack holds, and the model each must fit.
PACK_FILES: dict[str, type[BaseModel]] = {
    "pack.yaml": PackInfo,
    "criteria.yaml": CriteriaFile,
    "law.yaml": LawFile,
    "contacts.yaml": ContactsFile,
    "routes.yaml": RoutesFile,
    "scenarios.yaml": ScenariosFile,
    "vocabulary.yaml": VocabularyFile,
}
OPTIONAL_FILES = {"scenarios.yaml", "vocabulary.yaml"}
BANDS_DIR = "bands"
# Rounds of dropping broken items before a file is given up as unreadable.
SALVAGE_ROUNDS = 3
# Problems listed for one file; past this, one line says how many more there are.
MAX_PROBLEMS_PER_FILE = 50
MORE_PREFIX = "and "

PathKey = tuple[str | int, ...]


def display_path(path: Path) -> str:
    """The file name an editor will recognise: relative to the working folder where possible."""
    try:
        # The folder is resolved, not the name itself: a link is named as the link, not as its target.
        return str((path.parent.resolve() / path.name).relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


@dataclass
class PackContent:
    """What was read from a pack folder: documents, models, and the errors met on the way."""

    pack_dir: Path
    errors: list[Problem] = field(default_factory=list)
    docs: dict[str, YamlDoc] = field(default_factory=dict)
    models: dict[str, Any] = field(default_factory=dict)
    bands: list[tuple[str, AgeBand]] = field(default_factory=list)
    unreadable_bands: list[str] = field(default_factory=list)
    # (file, list field) -> the original positions of the items kept, for files read without a broken item.
    kept: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    _texts: dict[str, list[str]] = field(default_factory=dict, repr=False)
    _text_paths: dict[str, list[PathKey]] = field(default_factory=dict, repr=False)

    # ------------------------------------------------------------ for the rules

    def name(self, relative: str) -> str:
        """A file of the pack as the editor will see it named."""
        return display_path(self.pack_dir / relative)

    def line(self, relative: str, path: PathKey) -> int | None:
        """The line of the value at ``path`` in a file (or of its nearest ancestor)."""
        doc = self.docs.get(relative)
        return doc.line_for(path) if doc else None

    def problem(self, relative: str, path: PathKey, message: str, severity: str = "error") -> Problem:
        """A problem at a place in a file, with its line."""
        return Problem(self.name(relative), self.line(relative, path), dotted(path), message, severity)

    def where(self, relative: str, path: PathKey) -> str:
        """'file:line' (or just the file) of a place, for messages that name another place."""
        line = self.line(relative, path)
        return f"{self.name(relative)}:{line}" if line else self.name(relative)

    def texts(self, relative: str) -> list[str]:
        """Every text shown from a file (search words left out), in file order; worked out once per file."""
        if relative not in self._texts:
            doc = self.docs.get(relative)
            self._texts[relative] = references.text_values(doc.data) if doc is not None else []
        return self._texts[relative]

    def text_path(self, relative: str, index: int) -> PathKey:
        """Where the ``index``-th of ``texts(relative)`` is in its file: worked out only for a text reported."""
        if relative not in self._text_paths:
            doc = self.docs.get(relative)
            self._text_paths[relative] = [path for path, _ in references.strings(doc.data)] if doc is not None else []
        return self._text_paths[relative][index]

    def salvaged(self, relative: str) -> bool:
        """True when a file was read without one or more broken items."""
        return any(key[0] == relative for key in self.kept)

    def each(self, relative: str, attribute: str) -> list[tuple[int, Any]]:
        """The items of a list field as (position in the file, item); empty when the file could not be read."""
        model = self.models.get(relative)
        if model is None:
            return []
        items = list(getattr(model, attribute))
        positions = self.kept.get((relative, attribute), range(len(items)))
        return list(zip(positions, items, strict=True))

    def ids(self, relative: str, attribute: str) -> set[str] | None:
        """Every id the file gives in a list field, broken items included; None if the file could not be read."""
        model = self.models.get(relative)
        if model is None:
            return None
        found = {item.id for item in getattr(model, attribute)}
        doc = self.docs.get(relative)
        raw = doc.data.get(attribute) if doc and isinstance(doc.data, dict) else None
        if isinstance(raw, list):
            found |= {item["id"] for item in raw if isinstance(item, dict) and isinstance(item.get("id"), str)}
        return found


def is_more_line(problem: Problem) -> bool:
    """True for the 'and N more problems in this file' line, which is listed after the file's problems."""
    return problem.line is None and problem.message.startswith(MORE_PREFIX)


def read_pack(pack_dir: Path) -> PackContent:
    """Read every file of a pack folder; refuse missing, stray and misnamed files."""
    content = PackContent(pack_dir)
    for relative, model in PACK_FILES.items():
        if not os.path.lexists(pack_dir / relative):
            if relative not in OPTIONAL_FILES:
                content.errors.append(
                    Problem(
                        content.name(relative),
                        None,
                        "",
                        "this file is missing; every pack needs it (see behaviours/README.md)",
                    )
                )
            continue
        _read_one(content, relative, model)
    bands_dir = pack_dir / BANDS_DIR
    outside = _refusal(content, bands_dir) if os.path.lexists(bands_dir) else None
    if outside:
        content.errors.append(Problem(content.name(BANDS_DIR), None, "", outside))
    band_files = sorted(bands_dir.glob("*.yaml")) if bands_dir.is_dir() and not outside else []
    if not band_files and not outside:
        content.errors.append(
            Problem(
                content.name(BANDS_DIR),
                None,
                "",
                "no band files found; add one file per age band, e.g. bands/5-9.yaml",
            )
        )
    for band_file in band_files:
        relative = f"{BANDS_DIR}/{band_file.name}"
        band = _read_one(content, relative, AgeBand)
        if band is not None:
            content.bands.append((relative, band))
        else:
            content.unreadable_bands.append(relative)
    for stray in sorted(pack_dir.rglob("*.yml")):
        content.errors.append(Problem(display_path(stray), None, "", "content files end in .yaml, not .yml; rename it"))
    known = set(PACK_FILES) | {f"{BANDS_DIR}/{p.name}" for p in band_files}
    for other in sorted(pack_dir.rglob("*.yaml")):
        relative = other.relative_to(pack_dir).as_posix()
        if relative not in known:
            content.errors.append(
                Problem(
                    display_path(other),
                    None,
                    "",
                    "this file is not part of a pack; band files go in bands/, the others are " + ", ".join(PACK_FILES),
                )
            )
    return content


def _refusal(content: PackContent, path: Path) -> str | None:
    """Why a path in the pack must not be read: a link out of the pack, a dangling link, not a file."""
    root = content.pack_dir.resolve()
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return "this is a link to something that does not exist; put the file itself in the pack folder"
    if not real.is_relative_to(root):
        return (
            "this is a link to a file outside the pack folder, which the app never reads; "
            "put the file itself in the pack folder"
        )
    if path.name == BANDS_DIR and path.parent == content.pack_dir:
        return None if real.is_dir() else "bands must be a folder holding one file per age band"
    return not_a_file(real.stat().st_mode)


def _read_one(content: PackContent, relative: str, model: type[BaseModel]) -> Any:
    path = content.pack_dir / relative
    refusal = _refusal(content, path)
    if refusal:
        content.errors.append(Problem(content.name(relative), None, "", refusal))
        return None
    try:
        doc = read_yaml_file(path.resolve(), content.name(relative))
    except YamlRejected as exc:
        content.errors.append(exc.problem)
        return None
    content.docs[relative] = doc
    content.errors.extend(doc.problems)
    if not isinstance(doc.data, dict):
        content.errors.append(content.problem(relative, (), not_fields(doc.data, model)))
        return None
    try:
        parsed = model.model_validate(doc.data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        for err in errors[:MAX_PROBLEMS_PER_FILE]:
            path_in_file, message = explain(model, err)
            content.errors.append(content.problem(relative, path_in_file, message))
        if len(errors) > MAX_PROBLEMS_PER_FILE:
            more = len(errors) - MAX_PROBLEMS_PER_FILE
            content.errors.append(
                Problem(
                    content.name(relative),
                    None,
                    "",
                    f"{MORE_PREFIX}{more:,} more problem{'s' if more != 1 else ''} in this file; "
                    "fix those above and check again",
                )
            )
        parsed = _salvage(content, relative, model, doc.data, exc)
        if parsed is None:
            return None
    content.models[relative] = parsed
    return parsed


def _salvage(
    content: PackContent, relative: str, model: type[BaseModel], data: dict[str, Any], exc: ValidationError
) -> Any:
    """The file's model without the list items that hold errors, or None when an error is outside any item."""
    data = copy.deepcopy(data)
    positions: dict[str, list[int]] = {}
    for _ in range(SALVAGE_ROUNDS):
        broken: set[tuple[str, int]] = set()
        for err in exc.errors(include_url=False):
            loc = err["loc"]
            if len(loc) < 2 or not isinstance(loc[0], str) or not isinstance(loc[1], int):
                return None
            if not isinstance(data.get(loc[0]), list):
                return None
            broken.add((loc[0], loc[1]))
        for attribute, index in sorted(broken, reverse=True):
            kept = positions.setdefault(attribute, list(range(len(data[attribute]))))
            del data[attribute][index]
            del kept[index]
        try:
            parsed = model.model_validate(data)
        except ValidationError as again:
            exc = again
            continue
        for attribute, kept in positions.items():
            content.kept[(relative, attribute)] = kept
        return parsed
    return None
