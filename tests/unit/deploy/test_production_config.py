"""The production settings in .streamlit/config.toml that protect users stay as they are."""

import tomllib
from pathlib import Path

import pytest

CONFIG = tomllib.loads((Path(__file__).resolve().parents[3] / ".streamlit" / "config.toml").read_text())


@pytest.mark.parametrize(
    ("section", "option", "value", "why"),
    [
        ("browser", "gatherUsageStats", False, "telemetry off"),
        ("client", "showErrorDetails", "none", "no traceback is ever shown (the old `false` does not hide them)"),
        ("client", "toolbarMode", "minimal", "no developer menu for practitioners"),
        ("server", "fileWatcherType", "none", "no file watching in production"),
        ("server", "runOnSave", False, "content changes ship as releases"),
        ("server", "address", "127.0.0.1", "make run serves this computer only"),
        ("server", "enableXsrfProtection", True, "forged cross-site requests refused"),
        ("server", "enableStaticServing", False, "nothing extra is served"),
        ("runner", "magicEnabled", False, "a stray expression never reaches the page"),
        ("runner", "postScriptGC", False, "a full GC per run capped throughput (bench/README.md)"),
        ("logger", "level", "warning", "no request or widget values are logged"),
    ],
)
def test_production_setting(section, option, value, why):
    assert CONFIG[section][option] == value, why


def test_the_theme_font_is_readable():
    assert CONFIG["theme"]["baseFontSize"] >= 16
