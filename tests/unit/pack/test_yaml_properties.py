"""Whatever text reaches the loader, it answers with a whole Pack or a PackError, and quickly.

Random text, random structures dumped as YAML, and random edits of the minimal
pack's files stand in for what an editor (or an attacker) might save.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pack_builder import MINIMAL, TODAY, build_pack

from behaviours.pack import yamlsource
from behaviours.pack.loader import PackError, load_pack
from behaviours.pack.model import LEVELS
from behaviours.pack.pack import Pack
from behaviours.pack.yamlsource import YamlDoc, YamlRejected, parse_yaml_text
from tests.work import CallCounter

pytestmark = pytest.mark.timeout(60)

PACK_FILES = sorted(path.relative_to(MINIMAL).as_posix() for path in MINIMAL.rglob("*.yaml"))
ORIGINAL = {relative: (MINIMAL / relative).read_text(encoding="utf-8") for relative in PACK_FILES}

# Loading the minimal pack makes about 71,000 calls for 4,300 bytes (16 a byte); an alias
# expanded or a quadratic loop makes millions.
CALLS_PER_BYTE = 100
CALLS_BASE = 500_000
FAST = settings(
    max_examples=100,
    deadline=None,  # work is bounded by CallCounter, not by the clock: timings belong in bench/
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

BILLION_LAUGHS = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]\n"
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True)
)
QUADRATIC_BLOWUP = "x: &x " + "lol" * 50_000 + "\ny: [" + ", ".join(["*x"] * 5_000) + "]\n"
DEEP_FLOW = "a: " + "[" * 5_000
DEEP_BLOCK = "a:\n" + "".join("  " * depth + "- \n" for depth in range(1, 300))

# Characters YAML gives meaning to, so random text exercises the parser rather than plain strings.
YAML_ALPHABET = list(":-[]{}&*!|>'\"#%@`,?.\n\t ") + list("aeiouxyz0129") + ["\x0b", "\ufeff", "é", "\u2028"]
yaml_ish_text = st.text(alphabet=YAML_ALPHABET, max_size=300)
any_text = st.text(max_size=300)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.dates(),
)
structures = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=25,
)


def outcome_of(replacements: dict[str, str | bytes]) -> Pack | PackError:
    """Load the minimal pack with some files replaced; return the Pack or the PackError, nothing else."""
    with tempfile.TemporaryDirectory() as tmp:
        pack_dir = build_pack(Path(tmp) / "pack")
        for relative, content in replacements.items():
            target = pack_dir / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, encoding="utf-8")
        # Deterministic in place of a timing: work grows with what is read, never explodes.
        read = sum(path.stat().st_size for path in pack_dir.rglob("*.yaml"))
        with CallCounter(limit=CALLS_PER_BYTE * read + CALLS_BASE):
            try:
                result: Pack | PackError = load_pack(pack_dir, today=TODAY)
            except PackError as error:
                result = error
        if isinstance(result, PackError):
            assert_reported_properly(result, pack_dir)
        else:
            assert_whole(result)
        return result


def assert_reported_properly(error: PackError, pack_dir: Path) -> None:
    """A refusal names at least one problem, each in a file of this pack, with a usable line."""
    assert error.problems
    for problem in [*error.problems, *error.warnings]:
        assert problem.file.startswith(str(pack_dir))
        assert problem.line is None or problem.line >= 1
        assert problem.message
        assert str(problem).startswith(problem.file)


def assert_whole(pack: Pack) -> None:
    """A Pack that loads holds everything a page needs: no age, level, route or reference missing."""
    for age in range(18):
        assert pack.bands_for_age(age), f"no band for age {age}"
    for band in pack.bands:
        for level in LEVELS:
            assert pack.behaviours(band, level), f"{band.id} has no {level.value}"
        for behaviour in band.behaviours:
            assert all(pack.law_note(ref) for ref in behaviour.law)
    for level in LEVELS:
        assert pack.route_for(level).level is level
        assert pack.level_label(level)
    for route_id in ("immediate-danger", "adult", "not-listed"):
        route = pack.special_route(route_id)
        assert route is not None
        assert len(pack.contacts_for(route)) == len(route.contacts)
    assert pack.criteria
    assert pack.contacts
    assert pack.law


def mutate(text: str, data: st.DataObject) -> str:
    """One random edit of the kind a hurried editor makes."""
    lines = text.splitlines(keepends=True)
    kind = data.draw(
        st.sampled_from(["delete-line", "duplicate-line", "swap-lines", "indent", "insert", "delete-span"]),
        label="edit",
    )
    at = data.draw(st.integers(0, len(lines) - 1), label="line")
    if kind == "delete-line":
        del lines[at]
    elif kind == "duplicate-line":
        lines.insert(at, lines[at])
    elif kind == "swap-lines":
        other = data.draw(st.integers(0, len(lines) - 1), label="other line")
        lines[at], lines[other] = lines[other], lines[at]
    elif kind == "indent":
        lines[at] = data.draw(st.sampled_from([" ", "  ", "\t", ""]), label="indent") + lines[at].lstrip(" ")
    else:
        joined = "".join(lines)
        start = data.draw(st.integers(0, len(joined)), label="offset")
        if kind == "insert":
            return joined[:start] + data.draw(yaml_ish_text | any_text, label="inserted") + joined[start:]
        end = data.draw(st.integers(start, min(len(joined), start + 40)), label="end")
        return joined[:start] + joined[end:]
    return "".join(lines)


def replace_somewhere(value: Any, data: st.DataObject, depth: int = 0) -> Any:
    """Walk to a random place in parsed content and put a random structure there."""
    stop = data.draw(st.integers(0, 3), label="stop here") == 0
    if stop or depth > 6 or not isinstance(value, (dict, list)) or not value:
        return data.draw(structures, label="new value")
    if isinstance(value, dict):
        key = data.draw(st.sampled_from(sorted(value)), label="key")
        if data.draw(st.integers(0, 5), label="drop key") == 0:
            return {k: v for k, v in value.items() if k != key}
        return {**value, key: replace_somewhere(value[key], data, depth + 1)}
    index = data.draw(st.integers(0, len(value) - 1), label="index")
    return [*value[:index], replace_somewhere(value[index], data, depth + 1), *value[index + 1 :]]


# ---------------------------------------------------------------- parse_yaml_text


@settings(max_examples=500, deadline=None)
@given(yaml_ish_text | any_text)
@example("a: \x00")
@example("a: 2026-02-30")
@example("a: " + "9" * 5_000)
@example("? [a]\n: b")
@example("a: !!binary aGk=")
@example("a: 1\n---\nb: 2")
@example(DEEP_FLOW)
@example(DEEP_BLOCK)
def test_parse_yaml_text_raises_only_yaml_rejected(text: str) -> None:
    try:
        doc = parse_yaml_text(text, "f.yaml")
    except YamlRejected as rejected:
        assert rejected.problem.file == "f.yaml"
        assert rejected.problem.line is None or 1 <= rejected.problem.line <= len(text.splitlines()) + 1
        assert rejected.problem.message
        return
    assert isinstance(doc, YamlDoc)
    assert all(line >= 1 for line in doc.lines.values())


@pytest.mark.parametrize(
    ("text", "says"),
    [
        pytest.param(BILLION_LAUGHS, "the anchor '&a' is not allowed", id="billion-laughs"),
        pytest.param(QUADRATIC_BLOWUP, "the anchor '&x' is not allowed", id="quadratic-blowup"),
        pytest.param(DEEP_FLOW, "the file nests more than 40 levels deep", id="deep-flow"),
        pytest.param(DEEP_BLOCK, "the file nests more than 40 levels deep", id="deep-block"),
    ],
)
def test_alias_bombs_and_deep_nesting_are_refused_fast(text: str, says: str) -> None:
    # Refused before the bomb goes off: the work stays within what a file of this size may cost.
    with CallCounter(limit=CALLS_PER_BYTE * len(text) + CALLS_BASE), pytest.raises(YamlRejected) as caught:
        parse_yaml_text(text, "bomb.yaml")
    assert says in caught.value.problem.message


def test_an_alias_bomb_in_a_pack_file_is_refused_fast_with_its_line() -> None:
    error = outcome_of({"contacts.yaml": BILLION_LAUGHS})
    assert isinstance(error, PackError)
    assert [str(problem).split("pack/", 1)[1] for problem in error.problems] == [
        "contacts.yaml:1: the anchor '&a' is not allowed; write each value out in full"
    ]


# ---------------------------------------------------------------- load_pack


@FAST
@given(st.sampled_from(PACK_FILES), yaml_ish_text | any_text)
def test_random_text_in_any_file_gives_a_whole_pack_or_pack_error(relative: str, text: str) -> None:
    # "{}" is a valid scenarios.yaml (scenarios are optional), so a Pack can come back; outcome_of checks it is whole.
    outcome_of({relative: text})


@FAST
@given(st.sampled_from(PACK_FILES), st.binary(max_size=200))
def test_random_bytes_in_any_file_give_a_whole_pack_or_pack_error(relative: str, content: bytes) -> None:
    outcome_of({relative: content})


@FAST
@given(st.sampled_from(PACK_FILES), structures)
def test_random_structures_dumped_as_yaml_give_a_whole_pack_or_pack_error(relative: str, value: Any) -> None:
    outcome_of({relative: yaml.safe_dump(value, allow_unicode=True)})


@FAST
@given(st.sampled_from(PACK_FILES), st.data())
def test_a_random_value_grafted_into_real_content_gives_a_whole_pack_or_pack_error(
    relative: str, data: st.DataObject
) -> None:
    content = yaml.safe_load(ORIGINAL[relative])
    changed = replace_somewhere(content, data)
    outcome_of({relative: yaml.safe_dump(changed, allow_unicode=True, sort_keys=False)})


@FAST
@given(st.sampled_from(PACK_FILES), st.data())
def test_random_edits_of_the_minimal_pack_give_a_whole_pack_or_pack_error(relative: str, data: st.DataObject) -> None:
    outcome_of({relative: mutate(ORIGINAL[relative], data)})


def test_the_unchanged_minimal_pack_is_whole() -> None:
    # The properties above are only meaningful if the starting point loads.
    assert isinstance(outcome_of({}), Pack)


# ---------------------------------------------------------------- libyaml and the pure reader agree


def _outcome(text: str, fast: bool) -> object:
    saved = yamlsource.use_libyaml
    yamlsource.use_libyaml = fast
    try:
        doc = parse_yaml_text(text, "f.yaml")
    except YamlRejected as rejected:
        return rejected.problem
    finally:
        yamlsource.use_libyaml = saved
    return (doc.data, doc.lines, doc.problems)


@pytest.mark.skipif(not yamlsource.LIBYAML, reason="PyYAML without libyaml")
@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PACK_FILES), st.data())
def test_libyaml_and_the_pure_reader_give_the_same_result(relative: str, data: st.DataObject) -> None:
    # Edited real content, random text and random structures: same data, lines and problems, or the same refusal.
    dumped = st.builds(lambda value: yaml.safe_dump(value, allow_unicode=True), structures)
    text = data.draw(st.just(mutate(ORIGINAL[relative], data)) | yaml_ish_text | any_text | dumped, label="text")
    assert _outcome(text, fast=True) == _outcome(text, fast=False)
