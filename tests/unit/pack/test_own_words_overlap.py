"""tools/overlap.py: the check for our own words, by six-word runs and sentence by sentence."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

TOOL = Path(__file__).resolve().parents[3] / "tools" / "overlap.py"


def overlap_tool() -> ModuleType:
    """The tool as a module (it is a script, not part of the app's packages)."""
    if "overlap_tool" not in sys.modules:
        spec = importlib.util.spec_from_file_location("overlap_tool", TOOL)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["overlap_tool"] = module  # dataclasses look their module up while the file runs
        spec.loader.exec_module(module)
    return sys.modules["overlap_tool"]


@pytest.mark.parametrize(
    ("ours", "theirs"),
    [
        # The same ideas in the same order, with words swapped for near-synonyms.
        (
            "A child masturbates alone, in private, in their bedroom at night.",
            "Solitary masturbation in private in a bedroom at night.",
        ),
        (
            "Frequent touching of their own genitals in front of other children.",
            "A child repeatedly touches own genitals in front of others.",
        ),
        (
            "Questions about sexual activity which persist after an answer.",
            "Sexual activity questions that keep persisting after answers.",
        ),
    ],
)
def test_a_sentence_with_the_same_ideas_in_the_same_order_is_flagged(ours: str, theirs: str) -> None:
    tool = overlap_tool()
    pair = tool.paraphrase(ours, theirs)
    assert pair is not None, (tool.content_stems(ours), tool.content_stems(theirs))
    assert pair.share >= 0.6 and pair.order >= 0.75


@pytest.mark.parametrize(
    ("ours", "theirs"),
    [
        # Same topic, different facts and shape: not a paraphrase.
        (
            "Someone the child knows only through a game gives them in-game currency or gift cards.",
            "Giving out contact details online.",
        ),
        # Too short to judge: three content words name a fact, they do not copy a sentence.
        ("A child masturbates in private.", "Solitary masturbation."),
        # The same words in the opposite order.
        ("Gifts, secrecy, images, meeting, adult.", "Adult meeting images secrecy gifts."),
    ],
)
def test_a_sentence_that_only_shares_a_topic_is_not_flagged(ours: str, theirs: str) -> None:
    assert overlap_tool().paraphrase(ours, theirs) is None


def test_stems_and_synonyms_bring_word_forms_together() -> None:
    tool = overlap_tool()
    assert tool.stem("touching") == tool.stem("touches") == "touch"
    assert tool.stem("photos") == tool.stem("pictures") == "imag"
    assert tool.stem("masturbates") == tool.stem("masturbation") == "masturb"
    assert tool.content_stems("The child is showing the others") == []


def test_the_tool_reports_paraphrased_sentences_with_their_source(tmp_path: Path, capsys) -> None:
    pack = tmp_path / "pack"
    (pack / "bands").mkdir(parents=True)
    (pack / "bands" / "x.yaml").write_text(
        "behaviours:\n"
        "  - id: x-green-one\n"
        "    text: A child is frequently touching their own genitals in front of other children.\n"
        "    keywords: [solitary masturbation in private at home]\n"
        "  - id: x-green-two\n"
        "    text: A child asks where babies come from.\n",
        encoding="utf-8",
    )
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "a.txt").write_text(
        "• repeated touching of own genitals in front of others • solitary masturbation in private at home",
        encoding="utf-8",
    )
    assert overlap_tool().main([str(sources), "--pack", str(pack), "--show"]) == 0
    out = capsys.readouterr().out
    assert "pack: 2 sentences; sources: 2; likely paraphrases (similarity >= 0.6, same order): 1" in out
    assert "ours: A child is frequently touching their own genitals in front of other children." in out
    assert "theirs: repeated touching of own genitals in front of others" in out
    assert "masturbation" not in out.split("ours:")[1], "keywords are search words, never compared as prose"


def test_a_higher_threshold_flags_fewer_pairs(tmp_path: Path, capsys) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "law.yaml").write_text(
        "law:\n  - text: A child repeatedly touches own genitals in front of other children at school today.\n",
        encoding="utf-8",
    )
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "a.txt").write_text("Frequent touching of genitals in front of others.", encoding="utf-8")
    tool = overlap_tool()
    tool.main([str(sources), "--pack", str(pack)])
    assert "likely paraphrases (similarity >= 0.6, same order): 1" in capsys.readouterr().out
    tool.main([str(sources), "--pack", str(pack), "--threshold", "0.9"])
    assert "likely paraphrases (similarity >= 0.9, same order): 0" in capsys.readouterr().out
