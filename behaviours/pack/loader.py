"""Load a content pack and validate all of it in one pass.

``load_pack`` either returns a complete, valid ``Pack`` or raises ``PackError``
carrying every problem found, each with its file and line. It never returns a
partial pack, so a page can never show half the guidance.

This module only orchestrates: behaviours/reader.py reads the files into models,
behaviours/rules.py holds the checks that span files, and behaviours/messages.py
words what they find.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from behaviours.core import clock
from behaviours.pack import references
from behaviours.pack.pack import Pack
from behaviours.pack.reader import PACK_FILES, PackContent, display_path, is_more_line, read_pack
from behaviours.pack.review import file_reviews
from behaviours.pack.rules import contact_warnings, run_rules
from behaviours.pack.yamlsource import Problem

__all__ = [
    "PACK_ENV",
    "PACK_FILES",
    "SHIPPED_PACK",
    "PackError",
    "check_pack",
    "contact_warnings",
    "default_pack_dir",
    "display_path",
    "load_pack",
]

PACK_ENV = "TRAFFIC_LIGHT_PACK"
SHIPPED_PACK = Path(__file__).resolve().parent.parent / "content"


class PackError(Exception):
    """The pack cannot be used. ``problems`` lists every error; ``warnings`` what else was noticed."""

    def __init__(self, problems: list[Problem], warnings: list[Problem] | None = None) -> None:
        self.problems = problems
        self.warnings = warnings or []
        count = len(problems)
        super().__init__(f"the content pack has {count} problem{'s' if count != 1 else ''}")

    def first(self, limit: int = 5) -> tuple[list[Problem], int]:
        """The first ``limit`` problems, for a screen, and how many more there are.

        ``problems`` keeps them all, for ``python -m behaviours check``.
        """
        return self.problems[:limit], max(0, len(self.problems) - limit)


def default_pack_dir() -> Path:
    """The pack the app loads: ``TRAFFIC_LIGHT_PACK`` if set, else the shipped one."""
    override = os.environ.get(PACK_ENV, "").strip()
    return Path(override) if override else SHIPPED_PACK


def load_pack(path: str | os.PathLike[str] | None = None, today: dt.date | None = None) -> Pack:
    """Load and validate a pack; raise ``PackError`` with every problem if it is not valid."""
    pack_dir = Path(path) if path is not None else default_pack_dir()
    if not pack_dir.is_dir():
        raise PackError(
            [
                Problem(
                    display_path(pack_dir),
                    None,
                    "",
                    "this folder does not exist; give the folder that holds pack.yaml and bands/",
                )
            ]
        )
    content = read_pack(pack_dir)
    errors, warnings = run_rules(content, today or clock.today())
    errors = sorted([*content.errors, *errors], key=_order)
    warnings = sorted(warnings, key=_order)
    if errors:
        raise PackError(errors, warnings)
    pack = _build(content, warnings)
    return pack


def load_live_pack(path: str | os.PathLike[str], today: dt.date | None = None) -> tuple[Pack, list[Problem]]:
    """The pack as it is live, for comparison only: built even when today's cross-file checks find problems
    (checks tighten between versions), with those problems. Files that cannot be read into the model still
    raise ``PackError``: there is nothing to compare then. Never used to show guidance."""
    pack_dir = Path(path)
    content = read_pack(pack_dir)
    if content.errors:
        raise PackError(sorted(content.errors, key=_order))
    errors, warnings = run_rules(content, today or clock.today())
    return _build(content, sorted(warnings, key=_order)), sorted(errors, key=_order)


def check_pack(
    path: str | os.PathLike[str] | None = None, today: dt.date | None = None
) -> tuple[list[Problem], list[Problem]]:
    """Validate a pack and return (errors, warnings) without raising."""
    try:
        pack = load_pack(path, today)
    except PackError as exc:
        return exc.problems, exc.warnings
    return [], list(pack.warnings)


def _order(problem: Problem) -> tuple[str, bool, int]:
    return (problem.file, is_more_line(problem), problem.line or 0)


def _build(content: PackContent, warnings: list[Problem], resolve: Any = references.resolve_at) -> Pack:
    """The pack, with every reference ({front_door} ...) resolved and hours in words made from the times.

    Resolving here, once, means the app, the PDFs, the note and the offline pages all show the same names.
    """
    directory = content.models["contacts.yaml"]
    filled = references.values(directory)

    def resolved(relative: str, model: Any) -> Any:
        # Only where the file's texts hold a '{': a large pack has few references among many texts.
        marked = [content.text_path(relative, i) for i, text in enumerate(content.texts(relative)) if "{" in text]
        return resolve(model, filled, marked)

    models = {
        name: model if name == "contacts.yaml" else resolved(name, model) for name, model in content.models.items()
    }
    content_bands = [(relative, resolved(relative, band)) for relative, band in content.bands]
    criteria = models["criteria.yaml"]
    routes = models["routes.yaml"]
    scenarios = models.get("scenarios.yaml")
    vocabulary = models.get("vocabulary.yaml")
    bands = tuple(sorted((band for _, band in content_bands), key=lambda b: (b.min_age, b.max_age)))
    return Pack(
        info=models["pack.yaml"],
        bands=bands,
        criteria=tuple(criteria.criteria),
        not_listed=criteria.not_listed,
        law=tuple(models["law.yaml"].law),
        contacts=tuple(references.with_hours_in_words(c) for c in directory.contacts),
        routes=tuple(routes.routes),
        resources=tuple(routes.resources),
        scenarios=tuple(scenarios.scenarios) if scenarios else (),
        vocabulary=tuple(vocabulary.entries) if vocabulary else (),
        warnings=tuple(warnings),
        source=display_path(content.pack_dir),
        roles=directory.roles,
        reviews=file_reviews(content),
    )
