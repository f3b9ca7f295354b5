"""Which bands the look-up page shows for an age or a band, and what it says about the choice."""

from __future__ import annotations

import dataclasses

import pytest
from pack_builder import MINIMAL, REPO_ROOT, TODAY

from behaviours.answers.lookup import (
    ADULT_FROM,
    BOUNDARY_ADVICE,
    answer_counts,
    answer_summary,
    boundary_differences,
    plan_lookup,
    theme_level_at,
)
from behaviours.pack.loader import load_pack
from behaviours.pack.model import Level
from behaviours.pack.pack import Pack

SHIPPED = REPO_ROOT / "behaviours" / "content"


@pytest.fixture(scope="module")
def pack() -> Pack:
    """The minimal pack: bands 'Ages 0 to 9' and 'Ages 9 to 17', so 9 is the boundary."""
    return load_pack(MINIMAL, today=TODAY)


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
        "Development first: use the one that fits the child best; if you are unsure, "
        "treat it at the higher level and talk to your DSL."
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


# ------------------------------------------------------------------ odd ages (issue 15.9)


@pytest.mark.parametrize("age", [26, 40, 130])
def test_an_age_over_25_says_so_in_words_and_shows_no_band(pack: Pack, age: int) -> None:
    plan = plan_lookup(pack, age, None, None)
    assert plan.bands == []
    assert plan.adult, "the page shows the adult note and route"
    assert plan.notices == [
        f"Age {age} is outside what this tool covers (ages 0 to 25). "
        "Anyone aged 18 or over falls under adult safeguarding: see the route below."
    ]


@pytest.mark.parametrize("age", [-1, -40])
def test_a_negative_age_asks_for_a_whole_number_in_range(pack: Pack, age: int) -> None:
    plan = plan_lookup(pack, age, None, None)
    assert plan.bands == [] and not plan.adult
    assert plan.notices == [f"{age} is not an age in years. Enter the child's age as a whole number from 0 to 25."]


# ------------------------------------------------------------------ developmental age (issue 15.6)


def test_a_developmental_age_leads_with_its_band_labelled_as_such(shipped: Pack) -> None:
    plan = plan_lookup(shipped, 14, None, None, developmental_age=7)
    assert labels(plan.bands) == ["Ages 5 to 9", "Ages 13 to 17"], "development first (issue 24.3)"
    assert plan.shown_for == {"5-9": "Shown for developmental age 7"}
    assert plan.age_for(plan.bands[0]) == 7, "the developmental band's items are read at the developmental age"
    assert plan.age_for(plan.bands[1]) == 14
    assert [plan.band_note(b) for b in plan.bands] == ["Shown for developmental age 7", "For age 14 in years"]


def test_a_developmental_age_on_a_boundary_adds_both_its_bands(shipped: Pack) -> None:
    plan = plan_lookup(shipped, 15, None, None, developmental_age=9)
    assert labels(plan.bands) == ["Ages 5 to 9", "Ages 9 to 13", "Ages 13 to 17"]
    assert set(plan.shown_for) == {"5-9", "9-13"}


def test_a_developmental_age_whose_band_is_already_shown_says_so(shipped: Pack) -> None:
    plan = plan_lookup(shipped, 14, None, None, developmental_age=15)
    assert labels(plan.bands) == ["Ages 13 to 17"]
    assert plan.shown_for == {}
    assert plan.notices == ["The band for developmental age 15 is already shown above."]


@pytest.mark.parametrize(("dev", "words"), [(30, "outside what this tool covers"), (-2, "not an age in years")])
def test_an_odd_developmental_age_gets_a_message_and_no_band(shipped: Pack, dev: int, words: str) -> None:
    plan = plan_lookup(shipped, 14, None, None, developmental_age=dev)
    assert labels(plan.bands) == ["Ages 13 to 17"]
    assert len(plan.notices) == 1 and plan.notices[0].startswith("Developmental age: ") and words in plan.notices[0]


def test_a_developmental_age_is_ignored_for_an_adult(shipped: Pack) -> None:
    plan = plan_lookup(shipped, 20, None, None, developmental_age=7)
    assert labels(plan.bands) == ["Ages 13 to 17"] and plan.shown_for == {}


# ------------------------------------------------------------------ the answer in one line (issue 15.2)


def test_the_summary_counts_each_level_most_serious_first(shipped: Pack) -> None:
    plan = plan_lookup(shipped, 14, None, None)
    counts = answer_counts(shipped, plan)
    assert [c.level for c in counts] == [Level.RED, Level.AMBER, Level.GREEN]
    for c in counts:
        assert c.count == len(shipped.behaviours(c.band, c.level, age=14)) > 0
        assert c.anchor == f"band-13-17-{c.level.value}"
    red, amber, green = (c.count for c in counts)
    assert answer_summary(shipped, plan) == [
        f"Age 14 (Ages 13 to 17): {red} red, {amber} amber and {green} green behaviours listed, red first."
    ]


def test_the_summary_follows_the_level_filter_and_names_the_developmental_band(shipped: Pack) -> None:
    plan = plan_lookup(shipped, 14, None, Level.AMBER, developmental_age=7)
    lines = answer_summary(shipped, plan)
    n = len(shipped.behaviours("5-9", Level.AMBER, age=7))
    assert lines[0] == f"Developmental age 7 (Ages 5 to 9): {n} amber behaviours listed.", "development first"
    assert lines[1].startswith("Age 14 (Ages 13 to 17): ") and lines[1].endswith("amber behaviours listed.")


def test_no_bands_no_summary(shipped: Pack) -> None:
    assert answer_summary(shipped, plan_lookup(shipped, None, None, None)) == []


# ------------------------------------------------------------------ boundary ages (issue 15.5)


def _every_boundary_age(pack: Pack) -> list[int]:
    return [age for age in range(0, ADULT_FROM) if len(pack.bands_for_age(age)) > 1]


def test_the_shipped_boundary_ages_are_5_9_and_13(shipped: Pack) -> None:
    assert _every_boundary_age(shipped) == [5, 9, 13]


@pytest.mark.parametrize("age", [5, 9, 13])
def test_boundary_differences_pair_by_theme_and_keep_only_the_differences(shipped: Pack, age: int) -> None:
    bands = shipped.bands_for_age(age)
    # Worked out here by brute force over every pair of items, independently of the rule.
    expected = set()
    for first in bands[0].behaviours:
        for second in bands[1].behaviours:
            same_theme = first.theme is not None and first.theme == second.theme
            if same_theme and shipped.level_at(first, age) != shipped.level_at(second, age):
                expected.add(first.theme)
    found = boundary_differences(shipped, age)
    assert {d.theme for d in found} == expected
    # Since pack 2.1 every theme reads the same at 5 in both bands; 9 and 13 still have differences.
    assert expected or age == 5, f"the shipped pack has at least one theme rated differently at {age}"
    for difference in found:
        assert {r.band.id for r in difference.ratings} == {b.id for b in bands}
        assert all(r.behaviour.theme == difference.theme for r in difference.ratings)
        assert all(r.level == shipped.level_at(r.behaviour, age) for r in difference.ratings)
        assert difference.higher == max((r.level for r in difference.ratings), key=lambda lv: lv.rank)
    assert [d.higher.rank for d in found] == sorted((d.higher.rank for d in found), reverse=True)


def test_the_known_boundary_differences_of_the_shipped_pack(shipped: Pack) -> None:
    at_9 = {d.theme: {r.band.id: r.level for r in d.ratings} for d in boundary_differences(shipped, 9)}
    assert at_9["pornography"] == {"5-9": Level.RED, "9-13": Level.AMBER}
    assert at_9["sexual-harassment"] == {"5-9": Level.AMBER, "9-13": Level.RED}
    at_13 = {d.theme: {r.band.id: r.level for r in d.ratings} for d in boundary_differences(shipped, 13)}
    assert at_13 == {"meeting-online-contact": {"9-13": Level.RED, "13-17": Level.AMBER}}
    # Forced touching (red, 0-5) and mutual touching (amber, 5-9) no longer share a theme.
    assert boundary_differences(shipped, 5) == []


@pytest.mark.parametrize("age", [0, 4, 6, 12, 14, 17, 18, 30, -1])
def test_an_age_in_one_band_has_no_boundary_differences(shipped: Pack, age: int) -> None:
    assert boundary_differences(shipped, age) == []


def test_the_boundary_advice_says_development_first_then_higher_and_dsl() -> None:
    assert "development first" in BOUNDARY_ADVICE.lower()
    assert "treat it at the higher level and talk to your designated safeguarding lead (DSL)" in BOUNDARY_ADVICE


@pytest.mark.parametrize("age", [5, 9, 13])
def test_theme_level_at_gives_one_level_for_both_items_of_a_theme(shipped: Pack, age: int) -> None:
    for difference in boundary_differences(shipped, age):
        levels = {theme_level_at(shipped, r.behaviour, age) for r in difference.ratings}
        assert levels == {difference.higher}
