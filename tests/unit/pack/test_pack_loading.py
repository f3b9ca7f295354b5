"""Loading a large pack quickly without losing a check (issue 17.4).

libyaml's parser feeds the strict composer, and leaves every file with anything unusual to the
pure-Python reader; the search index is built with array sums. These tests hold both to what the
slower, plainer code did.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pack_builder import TODAY
from yaml.reader import Reader

from behaviours.answers import search
from behaviours.answers.search import _B, _K1, FIELD_WEIGHTS, SearchIndex, tokens
from behaviours.pack import loader, references, yamlsource
from behaviours.pack.loader import SHIPPED_PACK
from behaviours.pack.reader import read_pack
from behaviours.pack.rules import run_rules
from behaviours.pack.yamlsource import YamlRejected, parse_yaml_text

needs_libyaml = pytest.mark.skipif(not yamlsource.LIBYAML, reason="PyYAML without libyaml")

SHIPPED_FILES = sorted(SHIPPED_PACK.rglob("*.yaml"))


def strict(text: str, fast_parser: bool) -> object:
    """What the strict composer (fed by libyaml or by the pure reader) makes of a text."""
    loader = yamlsource._FastStrictLoader if fast_parser else yamlsource._StrictLoader
    try:
        doc = yamlsource._parse(text, "f.yaml", loader)
    except YamlRejected as rejected:
        return rejected.problem
    return (doc.data, doc.lines, doc.problems)


@needs_libyaml
@pytest.mark.parametrize("path", SHIPPED_FILES, ids=lambda p: p.relative_to(SHIPPED_PACK).as_posix())
def test_every_shipped_file_reads_to_the_same_data_and_lines_with_libyaml_and_the_pure_reader(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    doc = parse_yaml_text(text, "f.yaml")
    assert (doc.data, doc.lines, doc.problems) == strict(text, fast_parser=False) == strict(text, fast_parser=True)
    assert doc.lines, "no line marks: an editor's problem could not be pointed at its line"


@needs_libyaml
@pytest.mark.parametrize(
    "text",
    [
        pytest.param("a: &x 1\nb: 2\n", id="anchor"),
        pytest.param("a: &x 1\nb: *x\n", id="alias"),
        pytest.param("a: !!str 1\n", id="explicit-tag"),
        pytest.param("a: ! 1\n", id="non-specific-tag"),
        pytest.param("a: !custom x\n", id="custom-tag"),
        pytest.param("a: 1\na: 2\n", id="duplicate-key"),
        pytest.param("a: {b: 1}\n<<: {c: 2}\n", id="merge-key"),
        pytest.param("opens: 09:00\n", id="unquoted-time"),
        pytest.param("a: 1\n---\nb: 2\n", id="two-documents"),
        pytest.param("", id="empty"),
        pytest.param("# only a comment\n", id="only-a-comment"),
        pytest.param("a: 2026-02-30\n", id="impossible-date"),
        pytest.param("a: " + "9" * 5_000 + "\n", id="huge-number"),
        pytest.param("a: [1, 2\n", id="syntax-error"),
        pytest.param("a: =\n", id="value-tag"),
        pytest.param("[a]: 1\n", id="non-scalar-key"),
        pytest.param("|#", id="block-header-then-comment"),
        pytest.param("a: >-#\n  b\n", id="folded-header-then-comment"),
        pytest.param("a:" + " [" * 45 + " ]" * 45 + "\n", id="too-deep"),
        pytest.param("".join(f"k{i}: {i}\n" for i in range(yamlsource.MAX_KEYS + 1)), id="too-many-keys"),
    ],
)
def test_anything_unusual_is_worded_as_the_pure_reader_words_it(text: str) -> None:
    assert _outcome(text) == strict(text, fast_parser=False)


def _outcome(text: str) -> object:
    try:
        doc = parse_yaml_text(text, "f.yaml")
    except YamlRejected as rejected:
        return rejected.problem
    return (doc.data, doc.lines, doc.problems)


def _agrees_as_first_written(text: str) -> bool:
    """The first, plain wording of `_libyaml_agrees`, kept here to hold the quicker one to it."""
    unusual = "\ufeff" in text[1:] or any(ch in text for ch in "\u2028\u2029\x85")
    unusual = unusual or re.search(r"[|>][-+0-9]*#", text) is not None
    return "\t" not in text and not unusual and not Reader.NON_PRINTABLE.search(text)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab |>#-+09:\n\t\r\x00\x1f\x7f\x85\ufeff\u2028é")) | st.text())
@example("a: |#")
@example("a: >-2#")
@example("# comment\nb: x")
@example("x\x7f")
def test_the_quick_check_before_libyaml_agrees_with_its_plain_wording(text: str) -> None:
    assert yamlsource._libyaml_agrees(text) == _agrees_as_first_written(text)


# ---------------------------------------------------------------- the index's arithmetic


def reference_weights(documents: list[dict[str, list[str]]]) -> dict[str, dict[int, float]]:
    """BM25 weights as the index defines them, worked out one word at a time in plain Python."""
    counts: list[dict[str, float]] = []
    lengths: list[float] = []
    for doc in documents:
        seen: dict[str, float] = {}
        length = 0.0
        for field_name, texts in doc.items():
            for text in texts:
                for token in tokens(text):
                    seen[token] = seen.get(token, 0.0) + FIELD_WEIGHTS[field_name]
                    length += FIELD_WEIGHTS[field_name]
        counts.append(seen)
        lengths.append(length)
    average = sum(lengths) / len(documents)
    frequency: dict[str, int] = {}
    for seen in counts:
        for token in seen:
            frequency[token] = frequency.get(token, 0) + 1
    weights: dict[str, dict[int, float]] = {}
    for position, seen in enumerate(counts):
        norm = _K1 * (1 - _B + _B * lengths[position] / average)
        for token, tf in seen.items():
            df = frequency[token]
            idf = math.log(1 + (len(documents) - df + 0.5) / (df + 0.5))
            weights.setdefault(token, {})[position] = idf * tf * (_K1 + 1) / (tf + norm)
    return weights


DOCUMENTS = [
    {"keywords": ["nudes", "sexting"], "text": ["A young person sends nude images to a partner."], "consider": []},
    {"keywords": [], "text": ["A child touches another child's private parts."], "consider": ["Touching, touching."]},
    {"keywords": ["café"], "text": ["Naïve questions about babies."], "consider": []},
    {"keywords": [], "text": [""], "consider": []},
    {"keywords": ["images"], "text": ["Shares images of other young people."], "consider": ["Sends them on."]},
]


def test_every_stems_weights_match_bm25_worked_out_word_by_word() -> None:
    engine = SearchIndex(DOCUMENTS, [["nude images", "nudes"]])
    expected = reference_weights(DOCUMENTS)
    assert {phrase[0] for phrase in engine._arrays if len(phrase) == 1} == set(expected)
    for token, weights in expected.items():
        positions, values = engine._arrays[(token,)]
        assert positions.tolist() == sorted(weights)
        assert values.tolist() == [weights[p] for p in sorted(weights)]  # exactly: same arithmetic, same order


def test_a_phrase_scores_the_mean_of_its_stems_in_the_documents_holding_all_of_them() -> None:
    engine = SearchIndex(DOCUMENTS, [["nude images", "nudes"]])
    expected = reference_weights(DOCUMENTS)
    nude, image = tokens("nude images")
    positions, values = engine._arrays[(nude, image)]
    both = sorted(set(expected[nude]) & set(expected[image]))
    assert both == [0] and positions.tolist() == both
    assert np.allclose(values, [(expected[nude][0] + expected[image][0]) / 2], rtol=0, atol=1e-15)


def test_a_text_holding_the_end_of_text_mark_is_counted_as_written() -> None:
    documents = [
        {"keywords": [], "text": [f"A {search._END_OF_TEXT} word and {search._END_OF_TEXT}q too."], "consider": []},
        *DOCUMENTS,
    ]
    engine = SearchIndex(documents, [])
    for token, weights in reference_weights(documents).items():
        positions, values = engine._arrays[(token,)]
        assert positions.tolist() == sorted(weights)
        assert values.tolist() == [weights[p] for p in sorted(weights)]
    assert [position for position, _ in engine.search(search._END_OF_TEXT).hits] == [0]


@settings(max_examples=500, deadline=None)
@given(st.text() | st.text(alphabet=st.sampled_from("aZ09 -_'’éß\u00a0\n\t.ǅ")))
@example("Café naïve ǅ 14-year-old’s")
def test_the_quick_word_list_finds_what_the_word_pattern_finds(text: str) -> None:
    assert search.word_list(text) == search._WORD.findall(text)
    assert search.word_list(search.normalise(text)) == search._WORD.findall(search.normalise(text))


def test_an_empty_index_answers_nothing() -> None:
    assert SearchIndex([], []).search("anything").hits == []


# ---------------------------------------------------------------- the rules' view of the texts


@pytest.mark.parametrize("path", SHIPPED_FILES, ids=lambda p: p.relative_to(SHIPPED_PACK).as_posix())
def test_the_rules_quick_list_of_texts_is_the_texts_of_the_full_list_in_the_same_order(path: Path) -> None:
    data = yamlsource.parse_yaml_text(path.read_text(encoding="utf-8"), "f.yaml").data
    with_paths = references.strings(data)
    assert references.text_values(data) == [text for _, text in with_paths]
    assert any(text for text in references.text_values(data))


# ---------------------------------------------------------------- references resolved only where they are


@pytest.mark.parametrize("factor", [1, 3])
def test_resolving_only_along_the_texts_that_hold_a_brace_builds_the_same_pack(factor: int, tmp_path: Path) -> None:
    from bench.synthetic_pack import make_pack

    source = SHIPPED_PACK if factor == 1 else make_pack(tmp_path / "pack", factor)
    content = read_pack(source)
    errors, warnings = run_rules(content, TODAY)
    assert not errors
    targeted = loader._build(content, warnings)
    everywhere = loader._build(
        content, warnings, resolve=lambda model, filled, paths: references.resolve_model(model, filled)
    )
    assert targeted == everywhere
    assert "{" not in repr(targeted.routes) and "{" not in repr(targeted.bands)


def test_resolve_at_looks_along_each_path_and_keeps_the_rest_as_it_is() -> None:
    from behaviours.pack.model import Behaviour

    first = Behaviour.model_validate({"id": "a", "level": "red", "text": "Call {front_door} now.", "keywords": ["x"]})
    second = Behaviour.model_validate({"id": "b", "level": "red", "text": "Plain.", "keywords": ["y"]})
    holder = [first, second]
    resolved = references.resolve_at(holder, {"front_door": "Compass"}, [(0, "text")])
    assert resolved[0].text == "Call Compass now." and resolved[1] is second
    assert references.resolve_at(second, {"front_door": "Compass"}, []) is second
