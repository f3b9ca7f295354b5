"""Reading what a link asks for: every parser gives a usable value or a short notice, never an exception."""

from __future__ import annotations

import dataclasses

import pytest
from pack_builder import MINIMAL, TODAY

from behaviours.answers.params import (
    MAX_QUERY,
    MAX_SEED,
    Parsed,
    parse_age,
    parse_audience,
    parse_band,
    parse_level,
    parse_query,
    parse_seed,
    shown,
)
from behaviours.pack.loader import load_pack
from behaviours.pack.model import Audience, Level
from behaviours.pack.pack import Pack

HUGE = "9" * 10_240
HTML = "<script>alert(1)</script>"
# A notice repeats at most 30 characters of what was sent, so a huge parameter gives a short notice.
NOTICE_LIMIT = 200


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack(MINIMAL, today=TODAY)


@pytest.fixture(scope="module")
def orange_pack(pack: Pack) -> Pack:
    """The minimal pack as a licensed pack might word it: the middle level called Orange."""
    levels = pack.info.levels.model_copy(
        update={"amber": pack.info.levels.amber.model_copy(update={"label": "Orange"})}
    )
    return dataclasses.replace(pack, info=pack.info.model_copy(update={"levels": levels}))


def assert_absent(parsed: Parsed[object]) -> None:
    assert parsed.value is None
    assert parsed.notice is None


def assert_refused(parsed: Parsed[object], *words: str) -> str:
    assert parsed.value is None
    assert parsed.notice is not None
    assert len(parsed.notice) < NOTICE_LIMIT, parsed.notice
    for word in words:
        assert word in parsed.notice
    return parsed.notice


# ------------------------------------------------------------------ shown


def test_shown_keeps_short_text_and_cuts_long_text_with_an_ellipsis() -> None:
    assert shown("abc") == "abc"
    assert shown("x" * 31) == "x" * 30 + "…"
    assert shown("a\u202eb\x00c") == "abc"


# ------------------------------------------------------------------ age


@pytest.mark.parametrize(("raw", "age"), [("9", 9), (" 9 ", 9), ("0", 0), ("25", 25), ("17", 17), ("007", 7)])
def test_age_in_whole_years_from_0_to_25(raw: str, age: int) -> None:
    assert parse_age(raw) == Parsed(age)


@pytest.mark.parametrize("raw", [None, "", "   ", "\t\n"])
def test_age_absent_or_blank_is_no_age_and_no_notice(raw: str | None) -> None:
    assert_absent(parse_age(raw))


def test_age_26_from_a_link_is_read_as_26_and_meant_as_the_look_up_means_it() -> None:
    # What 26 means (adult safeguarding, no children's band) is age_meaning's to say, for links and typed
    # ages alike: tests/unit/answers/test_age_meaning.py.
    assert parse_age("26") == Parsed(26)


@pytest.mark.parametrize(
    "raw",
    ["-3", "9.5", "9.0", "1e1", "nine", "abc", "0x9", "+9", "١٢", "９", "1000", "0009", HTML],
    ids=[
        "negative",
        "float",
        "float-zero",
        "exponent",
        "word",
        "letters",
        "hex",
        "plus",
        "arabic-digits",
        "fullwidth",
        "too-long",
        "padded",
        "html",
    ],
)
def test_age_that_is_not_a_whole_number_of_years_gets_a_notice(raw: str) -> None:
    notice = assert_refused(parse_age(raw), "is not an age in whole years", "whole number from 0 to 25")
    assert shown(raw) in notice


def test_huge_age_gives_a_short_notice() -> None:
    notice = assert_refused(parse_age(HUGE), "is not an age in whole years")
    assert "9" * 30 + "…" in notice


def test_html_age_is_repeated_as_text_for_the_page_to_escape() -> None:
    assert HTML in (parse_age(HTML).notice or "")


# ------------------------------------------------------------------ band


@pytest.mark.parametrize("raw", ["0-9", " 0-9 ", "0–9", "0—9", "0 - 9"])
def test_band_by_id_forgiving_dashes_and_spaces(pack: Pack, raw: str) -> None:
    assert parse_band(pack, raw) == Parsed("0-9")


@pytest.mark.parametrize("raw", [None, "", "  "])
def test_band_absent_or_blank(pack: Pack, raw: str | None) -> None:
    assert_absent(parse_band(pack, raw))


@pytest.mark.parametrize(
    "raw",
    ["nope", "5-9", "-3", "0-9.5", "０-９", HTML, "0", "25", "26"],
    ids=["word", "other-pack-band", "negative", "float", "fullwidth", "html", "zero", "25", "26"],
)
def test_band_not_in_the_pack_gets_a_notice_naming_the_bands(pack: Pack, raw: str) -> None:
    notice = assert_refused(parse_band(pack, raw), "There is no age band", "The bands are 0-9, 9-17")
    assert shown(raw) in notice


def test_huge_band_gives_a_short_notice(pack: Pack) -> None:
    assert_refused(parse_band(pack, "x" * 10_240), "There is no age band")


# ------------------------------------------------------------------ level


@pytest.mark.parametrize(
    ("raw", "level"),
    [("green", Level.GREEN), ("amber", Level.AMBER), ("red", Level.RED), ("RED", Level.RED), (" Red ", Level.RED)],
)
def test_level_by_its_name_in_any_case(pack: Pack, raw: str, level: Level) -> None:
    assert parse_level(pack, raw) == Parsed(level)


def test_level_by_the_packs_own_label(orange_pack: Pack) -> None:
    assert parse_level(orange_pack, "orange") == Parsed(Level.AMBER)
    assert parse_level(orange_pack, "amber") == Parsed(Level.AMBER)


@pytest.mark.parametrize("raw", [None, "", "   "])
def test_level_absent_or_blank(pack: Pack, raw: str | None) -> None:
    assert_absent(parse_level(pack, raw))


@pytest.mark.parametrize(
    "raw", ["purple", "orange", "-1", "1.5", "0", "25", "26", "rouge", "ʀᴇᴅ", HTML], ids=lambda r: r[:12]
)
def test_unknown_level_gets_a_notice_and_all_three_are_shown(pack: Pack, raw: str) -> None:
    notice = assert_refused(parse_level(pack, raw), "is not a level", "green, amber, red", "showing all three")
    assert shown(raw) in notice


def test_unknown_level_notice_uses_the_packs_labels(orange_pack: Pack) -> None:
    assert_refused(parse_level(orange_pack, "purple"), "green, orange, red")


def test_huge_level_gives_a_short_notice(pack: Pack) -> None:
    assert_refused(parse_level(pack, "r" * 10_240), "is not a level")


# ------------------------------------------------------------------ search words


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        ("sexting", "sexting"),
        ("  older boyfriend  ", "older boyfriend"),
        ("café", "café"),
        ("-3", "-3"),
        ("9.5", "9.5"),
        (HTML, HTML),  # kept as text: the page escapes it, the search finds nothing
        ("a\u202eb\x00c", "abc"),
    ],
    ids=["word", "padded", "unicode", "negative", "float", "html", "control-characters"],
)
def test_search_words_are_kept_as_text_with_control_characters_removed(raw: str, words: str) -> None:
    assert parse_query(raw) == Parsed(words)


@pytest.mark.parametrize("raw", [None, "", "   "])
def test_search_absent_or_blank_is_no_search(raw: str | None) -> None:
    assert_absent(parse_query(raw))


def test_search_of_exactly_the_limit_is_kept_whole() -> None:
    assert parse_query("a" * MAX_QUERY) == Parsed("a" * MAX_QUERY)


@pytest.mark.parametrize("length", [MAX_QUERY + 1, 10_240])
def test_long_search_is_shortened_with_a_notice(length: int) -> None:
    parsed = parse_query("b" * length)
    assert parsed.value == "b" * MAX_QUERY
    assert parsed.notice == f"The search was shortened to its first {MAX_QUERY} characters."


# ------------------------------------------------------------------ audience


@pytest.mark.parametrize(
    ("raw", "audience"),
    [
        ("young-people", Audience.YOUNG_PEOPLE),
        ("Young People", Audience.YOUNG_PEOPLE),
        ("young_people", Audience.YOUNG_PEOPLE),
        ("young-person", Audience.YOUNG_PEOPLE),
        ("parents-carers", Audience.PARENTS_CARERS),
        ("parents", Audience.PARENTS_CARERS),
        ("carers", Audience.PARENTS_CARERS),
        (" PROFESSIONALS ", Audience.PROFESSIONALS),
        ("anyone", Audience.ANYONE),
    ],
)
def test_audience_by_name_or_a_common_alias(raw: str, audience: Audience) -> None:
    assert parse_audience(raw) == Parsed(audience)


@pytest.mark.parametrize("raw", [None, "", "  "])
def test_audience_absent_or_blank_means_everyone_without_a_notice(raw: str | None) -> None:
    assert_absent(parse_audience(raw))


@pytest.mark.parametrize(
    "raw", ["nope", "teachers", "-3", "1.5", "0", "25", "26", "jeunes", HTML], ids=lambda r: r[:12]
)
def test_unknown_audience_gets_a_notice_and_everyone_is_shown(raw: str) -> None:
    notice = assert_refused(
        parse_audience(raw), "is not an audience", "young-people, parents-carers, professionals", "showing everyone"
    )
    assert shown(raw) in notice


def test_huge_audience_gives_a_short_notice() -> None:
    assert_refused(parse_audience("p" * 10_240), "is not an audience")


# ------------------------------------------------------------------ quiz seed


@pytest.mark.parametrize(("raw", "seed"), [("42", 42), ("0", 0), (" 7 ", 7), (str(MAX_SEED), MAX_SEED)])
def test_seed_is_a_whole_number(raw: str, seed: int) -> None:
    assert parse_seed(raw) == Parsed(seed)


@pytest.mark.parametrize("raw", [None, "", "  "])
def test_seed_absent_or_blank_draws_a_new_quiz_without_a_notice(raw: str | None) -> None:
    assert_absent(parse_seed(raw))


@pytest.mark.parametrize(
    "raw",
    ["-1", "1.5", str(MAX_SEED + 1), "99999999999", "４２", "abc", HTML, HUGE],
    ids=["negative", "float", "over-max", "eleven-digits", "fullwidth", "word", "html", "huge"],
)
def test_seed_that_is_not_a_quiz_number_gets_a_notice(raw: str) -> None:
    assert_refused(parse_seed(raw), "is not a quiz number", "a new quiz was drawn")
