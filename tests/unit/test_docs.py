"""Every field an editor can write is explained in behaviours/README.md (as Datasette's test_docs does)."""

from pathlib import Path

import pytest
from pydantic import BaseModel

from behaviours import model

README = (Path(__file__).resolve().parents[2] / "behaviours" / "README.md").read_text(encoding="utf-8")

CONTENT_MODELS = sorted(
    (
        cls
        for cls in vars(model).values()
        if isinstance(cls, type) and issubclass(cls, BaseModel) and cls not in (BaseModel, model.Strict)
    ),
    key=lambda cls: cls.__name__,
)
FIELDS = sorted({(cls.__name__, name) for cls in CONTENT_MODELS for name in cls.model_fields})


def test_the_model_has_fields_to_document():
    assert len(FIELDS) > 40


@pytest.mark.parametrize(("model_name", "field"), FIELDS, ids=[f"{m}.{f}" for m, f in FIELDS])
def test_field_is_documented(model_name, field):
    assert f"`{field}`" in README, f"{model_name}.{field} is not explained in behaviours/README.md"


@pytest.mark.parametrize(
    "vocabulary",
    [model.Level, model.Audience, model.ChannelKind, model.Status, model.Day, model.HackettStage],
    ids=lambda enum: enum.__name__,
)
def test_every_allowed_value_is_documented(vocabulary):
    missing = [member.value for member in vocabulary if f"`{member.value}`" not in README]
    assert not missing, f"{vocabulary.__name__} values missing from behaviours/README.md: {missing}"
