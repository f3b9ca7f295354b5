"""tools/concordance.py: the shipped pack agrees with Brook's 2012 levels apart from documented differences."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from behaviours import Level, load_pack

TOOL = Path(__file__).resolve().parents[3] / "tools" / "concordance.py"


def concordance_tool() -> ModuleType:
    if "concordance_tool" not in sys.modules:
        spec = importlib.util.spec_from_file_location("concordance_tool", TOOL)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["concordance_tool"] = module
        spec.loader.exec_module(module)
    return sys.modules["concordance_tool"]


def test_every_example_names_an_item_the_shipped_pack_has() -> None:
    missing = [f.example.label for f in concordance_tool().findings(load_pack()) if f.item_id is None]
    assert missing == []


def test_concordance_is_at_least_85_percent_and_every_difference_is_documented() -> None:
    found = concordance_tool().findings(load_pack())
    assert len(found) == 82
    assert sum(f.agrees for f in found) / len(found) >= 0.85
    assert [f.example.label for f in found if not f.agrees and not f.documented] == []


def test_a_changed_level_shows_as_a_difference(tmp_path: Path) -> None:
    tool = concordance_tool()
    item = tool.Example("0-5", "enjoying being naked", Level.GREEN, ("0-5-green-enjoying-nakedness",))
    assert tool.Finding(item, "x", (Level.GREEN, Level.AMBER)).agrees is False
    assert tool.Finding(item, "x", (Level.GREEN,) * 6).agrees is True
    assert tool.Finding(item, None, ()).agrees is False


def test_the_tool_prints_its_figures(capsys) -> None:
    assert concordance_tool().main(["--show"]) == 0
    out = capsys.readouterr().out
    assert "examples: 82; pack level equals Brook 2012 at every age: 77 (94%)" in out
    assert "apart from 5 documented differences: 77 of 77 (100%)" in out
    assert "NOT DOCUMENTED" not in out
