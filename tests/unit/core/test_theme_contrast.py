"""The theme's level colours meet WCAG 2.2 AA text contrast (4.5:1), checked numerically."""

import tomllib
from pathlib import Path

import pytest

from behaviours.core.contrast import AA_TEXT, contrast_ratio
from behaviours.documents.pdf import _LEVEL_FILL
from behaviours.pack.model import LEVELS
from behaviours.wording.levels import LEVEL_COLOUR

THEME = tomllib.loads((Path(__file__).resolve().parents[3] / ".streamlit" / "config.toml").read_text())["theme"]


def test_contrast_ratio_matches_known_values():
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)
    # Streamlit's default red text (#FF4B4B) on white is the failure the theme exists to fix.
    assert contrast_ratio("#FF4B4B", "#FFFFFF") < AA_TEXT


@pytest.mark.parametrize("level", LEVELS, ids=lambda level: level.value)
def test_level_text_colour_passes_on_the_page_and_on_its_tint(level):
    name = LEVEL_COLOUR[level]
    text, tint = THEME[f"{name}TextColor"], THEME[f"{name}BackgroundColor"]
    assert contrast_ratio(text, THEME["backgroundColor"]) >= AA_TEXT
    assert contrast_ratio(text, tint) >= AA_TEXT, f"{level.value} badge text on its tint"


@pytest.mark.parametrize("level", LEVELS, ids=lambda level: level.value)
def test_body_text_passes_on_each_level_background(level):
    tint = THEME[f"{LEVEL_COLOUR[level]}BackgroundColor"]
    assert contrast_ratio(THEME["textColor"], tint) >= AA_TEXT


@pytest.mark.parametrize("key", ["textColor", "primaryColor", "linkColor", "grayTextColor", "blueTextColor"])
def test_text_and_link_colours_pass_on_both_backgrounds(key):
    for background in (THEME["backgroundColor"], THEME["secondaryBackgroundColor"]):
        assert contrast_ratio(THEME[key], background) >= AA_TEXT, f"{key} on {background}"


@pytest.mark.parametrize("level", LEVELS, ids=lambda level: level.value)
def test_pdf_level_bars_keep_black_text_readable(level):
    fill = "#" + "".join(f"{c:02X}" for c in _LEVEL_FILL[level])
    assert contrast_ratio("#000000", fill) >= AA_TEXT
