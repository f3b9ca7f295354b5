"""What an age means: one rule for the look-up, search, case discussion and links, pinned with literals.

The boundaries are written as numbers here, never read from the module under test, so moving one
(the adult age, the guide's upper age, a band edge) fails a test that names it.
"""

from __future__ import annotations

import pytest

from behaviours.answers.ages import AgeKind, age_meaning
from behaviours.answers.lookup import plan_lookup
from behaviours.answers.params import parse_age
from behaviours.answers.plans import plan_search
from behaviours.pack.pack import Pack


@pytest.mark.parametrize(
    ("age", "kind", "bands"),
    [
        (0, AgeKind.CHILD, ["0-5"]),
        (4, AgeKind.CHILD, ["0-5"]),
        (5, AgeKind.CHILD, ["0-5", "5-9"]),
        (6, AgeKind.CHILD, ["5-9"]),
        (8, AgeKind.CHILD, ["5-9"]),
        (9, AgeKind.CHILD, ["5-9", "9-13"]),
        (10, AgeKind.CHILD, ["9-13"]),
        (12, AgeKind.CHILD, ["9-13"]),
        (13, AgeKind.CHILD, ["9-13", "13-17"]),
        (14, AgeKind.CHILD, ["13-17"]),
        (17, AgeKind.CHILD, ["13-17"]),
        (18, AgeKind.YOUNG_ADULT, ["13-17"]),
        (25, AgeKind.YOUNG_ADULT, ["13-17"]),
        (26, AgeKind.ADULT, []),
        (-1, AgeKind.NOT_AN_AGE, []),
    ],
)
def test_each_age_means_one_thing(shipped: Pack, age: int, kind: AgeKind, bands: list[str]) -> None:
    meaning = age_meaning(shipped, age)
    assert meaning.kind is kind
    assert [band.id for band in meaning.bands] == bands


@pytest.mark.parametrize(("age", "adult"), [(17, False), (18, True), (25, True), (26, True)])
def test_adult_safeguarding_from_the_18th_birthday(shipped: Pack, age: int, adult: bool) -> None:
    assert age_meaning(shipped, age).adult is adult
    assert plan_lookup(shipped, age, None, None).adult is adult


def test_an_18_year_old_gets_the_oldest_band_as_a_guide_not_no_band(shipped: Pack) -> None:
    plan = plan_lookup(shipped, 18, None, None)
    assert [band.id for band in plan.bands] == ["13-17"]
    assert plan.guide_only
    assert not any("No age band" in notice for notice in plan.notices)


@pytest.mark.parametrize("raw", ["26", "40", "18", "25"])
def test_a_link_age_and_a_typed_age_give_the_same_look_up(shipped: Pack, raw: str) -> None:
    linked = parse_age(raw)
    assert linked.notice is None
    assert linked.value == int(raw)
    assert plan_lookup(shipped, linked.value, None, None) == plan_lookup(shipped, int(raw), None, None)


def test_age_26_from_a_link_is_the_adult_route_with_its_note(shipped: Pack) -> None:
    linked = parse_age("26")
    plan = plan_lookup(shipped, linked.value, None, None)
    assert plan.adult
    assert plan.bands == []
    assert any("Age 26 is outside what this tool covers (ages 0 to 25)" in n for n in plan.notices)
    assert any("adult safeguarding" in n for n in plan.notices)


def test_search_at_26_says_adult_safeguarding_as_the_look_up_does(shipped: Pack) -> None:
    plan = plan_search(shipped, "sexting", 26)
    assert plan.adult
    assert any("Age 26 is outside what this tool covers" in n for n in plan.age_notices)


@pytest.mark.parametrize("raw", ["-3", "abc", "1e2", "4000", "٣"])
def test_what_is_not_a_whole_number_of_years_is_refused_with_words(raw: str) -> None:
    parsed = parse_age(raw)
    assert parsed.value is None
    assert parsed.notice is not None
    assert "is not an age in whole years. Enter a whole number from 0 to 25." in parsed.notice
