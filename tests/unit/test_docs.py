"""Every field an editor can write, and every allowed word, has its own row in behaviours/README.md.

As Datasette's test_docs does for settings: a field's name appearing somewhere
in the guide is not enough (`id` appears everywhere). Each model's fields are
rows of the table under that model's own heading, and each allowed value of a
closed vocabulary is a row of the vocabulary table, so an editor looking for
a field or a word finds one place that explains it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import BaseModel

from behaviours.pack import model

README_PATH = Path(__file__).resolve().parents[2] / "behaviours" / "README.md"
README = README_PATH.read_text(encoding="utf-8")

CONTENT_MODELS = sorted(
    (
        cls
        for cls in vars(model).values()
        if isinstance(cls, type) and issubclass(cls, BaseModel) and cls not in (BaseModel, model.Strict)
    ),
    key=lambda cls: cls.__name__,
)

# The heading in behaviours/README.md under which each model's fields are rows.
MODEL_HEADINGS = {
    "PackInfo": "pack.yaml",
    "Credit": "pack.yaml: credit",
    "Levels": "pack.yaml: levels",
    "LevelGuide": "pack.yaml: a level guide",
    "PackChange": "pack.yaml: a change",
    "Concern": "pack.yaml: a concern",
    "AgeBand": "bands/<id>.yaml",
    "Behaviour": "bands/<id>.yaml: a behaviour",
    "AgeCondition": "bands/<id>.yaml: an age condition",
    "CriteriaFile": "criteria.yaml",
    "Criterion": "criteria.yaml: a criterion",
    "LawFile": "law.yaml",
    "LawNote": "law.yaml: a law note",
    "ContactsFile": "contacts.yaml",
    "Roles": "contacts.yaml: roles",
    "Review": "A review block",
    "Contact": "contacts.yaml: a contact",
    "Channel": "contacts.yaml: a channel",
    "OpeningHours": "contacts.yaml: a block of opening hours",
    "RoutesFile": "routes.yaml",
    "Route": "routes.yaml: a route",
    "Resource": "routes.yaml: a resource",
    "ScenariosFile": "scenarios.yaml",
    "Scenario": "scenarios.yaml: a scenario",
    "VocabularyFile": "vocabulary.yaml",
    "VocabularyEntry": "vocabulary.yaml: an entry",
}
FIELDS = sorted((cls.__name__, name) for cls in CONTENT_MODELS for name in cls.model_fields)
VOCABULARIES = {
    "level": model.Level,
    "audience": model.Audience,
    "channel kind": model.ChannelKind,
    "status": model.Status,
    "day": model.Day,
    "Hackett stage": model.HackettStage,
}

_HEADING = re.compile(r"^#{2,4} (?P<title>.+?)\s*$")
_ROW = re.compile(r"^\|(?P<cells>.*)\|\s*$")


def sections(text: str) -> dict[str, list[list[str]]]:
    """Each heading's table rows (cells stripped, header and divider rows included), by heading text."""
    found: dict[str, list[list[str]]] = {}
    current: list[list[str]] | None = None
    in_code = False
    for line in text.splitlines():
        if line.startswith("```"):
            in_code = not in_code
            continue
        if in_code:
            continue
        if heading := _HEADING.match(line):
            title = heading["title"].replace("&lt;", "<").replace("&gt;", ">")
            current = found.setdefault(title, [])
        elif (row := _ROW.match(line)) and current is not None:
            current.append([cell.strip() for cell in row["cells"].split("|")])
    return found


SECTIONS = sections(README)


def first_cells(heading: str) -> list[str]:
    return [row[0] for row in SECTIONS.get(heading, [])]


def test_the_model_has_fields_to_document():
    assert len(FIELDS) > 40


def test_every_model_has_a_heading():
    unmapped = [cls.__name__ for cls in CONTENT_MODELS if cls.__name__ not in MODEL_HEADINGS]
    assert not unmapped, f"add these models to MODEL_HEADINGS and give each a heading and table: {unmapped}"
    missing = [heading for heading in MODEL_HEADINGS.values() if heading not in SECTIONS]
    assert not missing, f"behaviours/README.md has no heading {missing}"


@pytest.mark.parametrize(("model_name", "field"), FIELDS, ids=[f"{m}.{f}" for m, f in FIELDS])
def test_field_has_its_own_row_under_its_models_heading(model_name, field):
    heading = MODEL_HEADINGS.get(model_name, model_name)
    assert f"`{field}`" in first_cells(heading), (
        f"{model_name}.{field}: add a row starting | `{field}` | to the table under '{heading}' in behaviours/README.md"
    )


@pytest.mark.parametrize(
    ("vocabulary", "value"),
    [(name, member.value) for name, enum in VOCABULARIES.items() for member in enum],
    ids=lambda item: str(item),
)
def test_allowed_value_has_its_own_row(vocabulary, value):
    rows = [row[:2] for row in SECTIONS.get("Closed vocabularies", []) if len(row) >= 2]
    assert [vocabulary, f"`{value}`"] in rows, (
        f"add a row | {vocabulary} | `{value}` | ... | to the table under 'Closed vocabularies' in behaviours/README.md"
    )


def test_a_field_mentioned_only_in_prose_does_not_count():
    # The check above must not be satisfiable by a mention outside a table.
    text = "## pack.yaml\n\nThe `name` field is the pack's name.\n\n| field | what |\n|---|---|\n| `version` | x |\n"
    assert [row[0] for row in sections(text)["pack.yaml"]] == ["field", "---", "`version`"]
