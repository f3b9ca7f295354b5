"""Which bands the look-up page shows for an age or a band, and what it says about the choice."""

from __future__ import annotations

import dataclasses

import pytest
from pack_builder import MINIMAL, REPO_ROOT, TODAY

from behaviours.loader import load_pack
from behaviours.lookup import ADULT_FROM, plan_lookup
from behaviours.model import Level
from behaviours.pack import Pack

SHIPPED = REPO_ROOT / "behaviours" / "content"


@pytest.fixture(scope="module")
def pack() -> Pack:
    """The minimal pack: bands 'Ages 0 to 9' and 'Ages 9 to 17', so 9 is the boundary."""
    return load_pack(MINIMAL, today=TODAY)


@pytest.fixture(scope="module")
def shipped() -> Pack:
    return load_pack(SHIPPED, today=TODAY)


def labels(plan_bands: list) -> list[str]:
    return [band.label for band in plan_bands]


@pytest.mark.parametrize(
    ("age", "expected"), [(0, ["Ages 0 to 9"]), (5, ["Ages 0 to 9"]), (10, ["Ages 9 to 17"]), (17, ["Ages 9 to 17"])]
)
def test_an_age_inside_one_band_shows_that_band_alone(pack: Pack, age: int, expected: list[str]) -> None:
    plan = plan_lookup(pack, age, None, None)
    assert labels(plan.bands) == expected
    assert plan.why is None
    assert plan.notices == []
    assert not plan.adult and not plan.guide_only


def test_a_boundary_age_shows_both_bands_and_says_why(pack: Pack) -> None:
    plan = plan_lookup(pack, 9, None, None)
    assert labels(plan.bands) == ["Ages 0 to 9", "Ages 9 to 17"]
    assert plan.why == (
        "Age 9 sits on the boundary between two bands, so both are shown (Ages 0 to 9 and Ages 9 to 17). "
        "Development varies: use the one that fits the child best."
    )
    assert plan.notices == []


@pytest.mark.parametrize(
    ("age", "expected"),
    [
        (5, ["Ages 0 to 5", "Ages 5 to 9"]),
        (9, ["Ages 5 to 9", "Ages 9 to 13"]),
        (13, ["Ages 9 to 13", "Ages 13 to 17"]),
    ],
)
def test_shipped_boundary_ages_show_both_bands_with_the_why_line(shipped: Pack, age: int, expected: list[str]) -> None:
    plan = plan_lookup(shipped, age, None, None)
    assert labels(plan.bands) == expected
    assert plan.why is not None
    assert f"Age {age} sits on the boundary between two bands" in plan.why
    assert " and ".join(expected) in plan.why


@pytest.mark.parametrize("age", [ADULT_FROM, 21, 25])
def test_adults_18_to_25_get_the_oldest_band_as_a_guide_only(pack: Pack, age: int) -> None:
    plan = plan_lookup(pack, age, None, None)
    assert plan.adult
    assert plan.guide_only
    assert labels(plan.bands) == ["Ages 9 to 17"]
    assert plan.why is None


def test_17_is_still_a_child(pack: Pack) -> None:
    plan = plan_lookup(pack, 17, None, None)
    assert not plan.adult and not plan.guide_only


def test_age_and_band_that_disagree_show_the_age_bands_with_a_notice(pack: Pack) -> None:
    plan = plan_lookup(pack, 5, "9-17", None)
    assert labels(plan.bands) == ["Ages 0 to 9"]
    assert plan.notices == ["Ages 9 to 17 does not include age 5, so the bands for age 5 are shown."]


def test_age_and_a_band_that_holds_it_agree_without_a_notice(pack: Pack) -> None:
    plan = plan_lookup(pack, 9, "9-17", None)
    assert labels(plan.bands) == ["Ages 0 to 9", "Ages 9 to 17"]
    assert plan.notices == []


def test_adult_age_with_a_band_still_says_the_band_does_not_hold_the_age(pack: Pack) -> None:
    plan = plan_lookup(pack, 20, "0-9", None)
    assert plan.adult
    assert plan.notices == ["Ages 0 to 9 does not include age 20, so the bands for age 20 are shown."]


def test_a_band_alone_shows_that_band(pack: Pack) -> None:
    plan = plan_lookup(pack, None, "9-17", Level.RED)
    assert labels(plan.bands) == ["Ages 9 to 17"]
    assert plan.level == Level.RED
    assert plan.notices == []


def test_an_unknown_band_alone_shows_nothing_and_says_nothing(pack: Pack) -> None:
    # parse_band has already told the reader; the plan stays empty so the page offers the band buttons.
    plan = plan_lookup(pack, None, "nope", None)
    assert plan.bands == [] and plan.notices == []


def test_nothing_chosen_shows_nothing(pack: Pack) -> None:
    plan = plan_lookup(pack, None, None, Level.AMBER)
    assert plan.bands == []
    assert plan.notices == []
    assert plan.level == Level.AMBER


@pytest.mark.parametrize("level", [None, Level.GREEN, Level.AMBER, Level.RED])
def test_the_level_filter_is_passed_through(pack: Pack, level: Level | None) -> None:
    assert plan_lookup(pack, 9, None, level).level == level
    assert plan_lookup(pack, 20, None, level).level == level


def test_an_age_no_band_covers_says_which_ages_are_covered(pack: Pack) -> None:
    older_only = dataclasses.replace(pack, bands=tuple(b for b in pack.bands if b.id == "9-17"))
    plan = plan_lookup(older_only, 3, None, None)
    assert plan.bands == []
    assert plan.notices == ["No age band in this pack covers age 3. The bands cover ages 9 to 17."]
