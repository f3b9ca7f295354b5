"""Agreement statistics from per-item counts: hand-worked examples and the published ones.

The literals here were worked by hand (shown in each test) or are printed in the sources named;
none is taken from the module under test.
"""

from __future__ import annotations

import pytest

from behaviours import Level
from behaviours.training.agreement import (
    PUBLISHED_FIGURES,
    ItemCounts,
    agreement_figures,
    gwet_ac1,
    item_agreement,
    item_pairwise_agreement,
    krippendorff_alpha,
    percent_agreement,
    with_pack_share,
)

# Two items rated green/amber/red. Item 1: 2 green, 1 amber. Item 2: 2 red.
SMALL = [[2, 1, 0], [0, 0, 2]]

# Krippendorff (2011) "Computing Krippendorff's alpha-reliability", the 4-coder, 12-unit example,
# which is also Gwet's Handbook of Inter-Rater Reliability (4th ed., 2014) example (irrCAC's
# raw_4raters): per unit, how many coders chose values 1..5.
#   unit:  1      2      3      4      5      6        7      8      9      10     11     12
#   A:     1      2      3      3      2      1        4      1      2      .      .      .
#   B:     1      2      3      3      2      2        4      1      2      5      .      3
#   C:     .      3      3      3      2      3        4      2      2      5      1      .
#   D:     1      2      3      3      2      4        4      1      2      5      1      .
TWELVE_UNITS = [
    [3, 0, 0, 0, 0],
    [0, 3, 1, 0, 0],
    [0, 0, 4, 0, 0],
    [0, 0, 4, 0, 0],
    [0, 4, 0, 0, 0],
    [1, 1, 1, 1, 0],
    [0, 0, 0, 4, 0],
    [3, 1, 0, 0, 0],
    [0, 4, 0, 0, 0],
    [0, 0, 0, 0, 3],
    [2, 0, 0, 0, 0],
    [0, 0, 1, 0, 0],
]

# The krippendorff package's own docstring example, given as value_counts (15 units, 4 values).
PACKAGE_VALUE_COUNTS = [
    [1, 0, 0, 0],
    [0, 0, 0, 0],
    [0, 2, 0, 0],
    [2, 0, 0, 0],
    [0, 0, 2, 0],
    [0, 0, 2, 1],
    [0, 0, 0, 3],
    [1, 0, 1, 0],
    [0, 2, 0, 0],
    [2, 0, 0, 0],
    [2, 0, 0, 0],
    [0, 0, 2, 0],
    [0, 0, 2, 0],
    [0, 0, 0, 0],
    [0, 0, 1, 1],
]


# ------------------------------------------------------------------ hand-worked


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ([3, 1, 0], 0.5),  # 6 agreeing ordered pairs (3x2) of 12 (4x3)
        ([5, 0, 0], 1.0),
        ([1, 1, 1], 0.0),
        ([2, 2, 0], 1 / 3),  # (2 + 2) of 12
    ],
)
def test_one_items_pairwise_agreement(row, expected):
    assert item_pairwise_agreement(row) == pytest.approx(expected)


@pytest.mark.parametrize("row", [[1, 0, 0], [0, 0, 0]])
def test_an_item_with_fewer_than_two_raters_has_no_pairwise_agreement(row):
    assert item_pairwise_agreement(row) is None


def test_percent_agreement_by_hand():
    # Item 1: (2x1) agreeing pairs of (3x2) = 1/3. Item 2: 1. Mean of the two: 2/3.
    assert percent_agreement(SMALL) == pytest.approx(2 / 3)


def test_items_with_one_rater_do_not_count_in_percent_agreement():
    # The lone rating of item 3 has nobody to agree with; the mean stays over items 1 and 2.
    assert percent_agreement([*SMALL, [0, 1, 0]]) == pytest.approx(2 / 3)


def test_krippendorff_ordinal_alpha_by_hand():
    # Coincidences: item 1 gives o(g,g)=1, o(g,a)=o(a,g)=1; item 2 gives o(r,r)=2. n_g=2, n_a=1, n_r=2, n=5.
    # Ordinal distances: d(g,a)=(2+1-1.5)^2=2.25, d(a,r)=(1+2-1.5)^2=2.25, d(g,r)=(5-2)^2=9.
    # alpha = 1 - (n-1) * sum o*d / sum n_c n_k d = 1 - 4 * 4.5 / (2 * (4.5 + 36 + 4.5)) = 1 - 18/90 = 0.8.
    assert krippendorff_alpha(SMALL) == pytest.approx(0.8)


def test_krippendorff_nominal_alpha_by_hand():
    # Nominal: every disagreement costs 1. 1 - (n-1) * 2 / (2 * (2*1 + 2*2 + 1*2)) = 1 - 8/16 = 0.5.
    assert krippendorff_alpha(SMALL, "nominal") == pytest.approx(0.5)


def test_ordinal_alpha_counts_green_against_red_as_further_apart_than_green_against_amber():
    near = [[1, 1, 0], [2, 0, 0], [0, 2, 0], [0, 0, 2]]
    far = [[1, 0, 1], [2, 0, 0], [0, 2, 0], [0, 0, 2]]
    # Nominal alpha cannot tell them apart; ordinal alpha must.
    assert krippendorff_alpha(near, "nominal") == pytest.approx(krippendorff_alpha(far, "nominal"))
    assert krippendorff_alpha(near) > krippendorff_alpha(far)


def test_gwet_ac1_by_hand():
    # p_a = 2/3 (above). pi: green (2/3 + 0)/2 = 1/3, amber 1/6, red 1/2.
    # p_e = (1/(3-1)) * (1/3*2/3 + 1/6*5/6 + 1/2*1/2) = 11/36. AC1 = (24/36 - 11/36) / (25/36) = 13/25.
    assert gwet_ac1(SMALL) == pytest.approx(13 / 25)


def test_not_sure_is_missing_not_a_fourth_level():
    items = [ItemCounts("a", 2, 1, 0, not_sure=3), ItemCounts("b", 0, 0, 2, not_sure=1)]
    figures = agreement_figures(items, resamples=50, seed=1)
    assert figures.percent_agreement.value == pytest.approx(2 / 3)
    assert figures.alpha.value == pytest.approx(0.8)
    assert figures.ac1.value == pytest.approx(13 / 25)
    assert (figures.items, figures.ratings, figures.not_sure) == (2, 5, 4)


def test_when_everyone_gives_the_same_level_alpha_is_undefined_but_agreement_is_complete():
    same = [[4, 0, 0], [3, 0, 0]]
    assert krippendorff_alpha(same) is None
    assert percent_agreement(same) == 1.0
    # AC1 with every rating green: p_a = 1, pi = (1, 0, 0), p_e = 0, so AC1 = 1.
    assert gwet_ac1(same) == 1.0
    figures = agreement_figures([ItemCounts("a", 4, 0, 0), ItemCounts("b", 3, 0, 0)], resamples=20, seed=0)
    assert figures.alpha.value is None
    assert figures.alpha.why_missing == "Not enough different ratings to compute it."


def test_nothing_rated_gives_no_figures_and_says_why():
    figures = agreement_figures([ItemCounts("a", 0, 0, 0, not_sure=5)], resamples=10, seed=0)
    assert figures.items == 0
    assert figures.percent_agreement.value is None
    assert figures.percent_agreement.why_missing == "No item was rated."


def test_agreement_with_the_packs_level_by_hand():
    items = [
        ItemCounts("a", 3, 1, 0, not_sure=2, pack_level=Level.GREEN),  # 3 of 4 named levels
        ItemCounts("b", 0, 2, 4, pack_level=Level.AMBER),  # 2 of 6
        ItemCounts("c", 5, 0, 0),  # level not known: left out
    ]
    share = with_pack_share(items)
    assert (share.matched, share.out_of) == (5, 10)
    assert share.fraction == 0.5
    single = item_agreement(items[0])
    assert single.with_pack is not None
    assert (single.with_pack.matched, single.with_pack.out_of) == (3, 4)
    assert item_agreement(items[2]).with_pack is None


def test_pooling_an_item_adds_its_counts():
    pooled = ItemCounts("a", 1, 2, 3, 4, Level.RED) + ItemCounts("a", 10, 20, 30, 40, Level.RED)
    assert (pooled.green, pooled.amber, pooled.red, pooled.not_sure, pooled.pack_level) == (11, 22, 33, 44, Level.RED)


@pytest.mark.parametrize("bad", [-1, 1.5, True])
def test_a_count_is_a_whole_number(bad):
    with pytest.raises(ValueError, match="a count must be a whole number"):
        ItemCounts("a", bad, 0, 0)


# ------------------------------------------------------------------ published examples


def test_gwet_handbook_example_ac1():
    # Gwet (2014) Handbook, 4 raters x 12 subjects x 5 categories: AC1 0.77544, p_a 0.81818, p_e 0.19032
    # (as irrCAC 0.4.4 prints them for its raw_4raters data set).
    assert percent_agreement(TWELVE_UNITS) == pytest.approx(0.81818, abs=5e-6)
    ac1 = gwet_ac1(TWELVE_UNITS)
    assert ac1 == pytest.approx(0.77544, abs=5e-6)
    p_e = (0.81818 - ac1) / (1 - ac1)
    assert p_e == pytest.approx(0.19032, abs=5e-5)


@pytest.mark.parametrize(
    ("level", "published"),
    [
        ("nominal", 0.743),  # Krippendorff (2011), p. 8
        ("interval", 0.849),  # Krippendorff (2011), p. 8
        ("ordinal", 0.815),  # the krippendorff package's docstring, for the same data
    ],
)
def test_krippendorff_2011_example(level, published):
    assert krippendorff_alpha(TWELVE_UNITS, level) == pytest.approx(published, abs=5e-4)


@pytest.mark.parametrize(("level", "published"), [("nominal", 0.691358), ("interval", 0.810845)])
def test_the_krippendorff_packages_docstring_example(level, published):
    assert krippendorff_alpha(PACKAGE_VALUE_COUNTS, level) == pytest.approx(published, abs=5e-7)


# ------------------------------------------------------------------ bootstrap intervals

ROOM = [
    ItemCounts(f"item-{n}", green, amber, red, not_sure, Level.AMBER)
    for n, (green, amber, red, not_sure) in enumerate(
        [(5, 3, 1, 1), (0, 2, 7, 0), (8, 1, 0, 1), (1, 4, 4, 0), (2, 2, 5, 1), (9, 0, 0, 0), (0, 1, 8, 1), (3, 3, 3, 0)]
    )
]


def test_intervals_are_reproducible_with_a_seed_and_hold_the_value():
    first = agreement_figures(ROOM, resamples=200, seed=7)
    again = agreement_figures(ROOM, resamples=200, seed=7)
    assert first == again
    for estimate in (first.percent_agreement, first.alpha, first.ac1, first.with_pack):
        assert estimate.value is not None and estimate.low is not None and estimate.high is not None
        assert estimate.low <= estimate.value <= estimate.high
        assert estimate.low < estimate.high


def test_a_different_seed_gives_a_different_interval():
    assert agreement_figures(ROOM, resamples=200, seed=1).alpha != agreement_figures(ROOM, resamples=200, seed=2).alpha


def test_identical_items_give_an_interval_of_one_point():
    # Every resample holds the same item, so every resampled figure is the figure itself.
    items = [ItemCounts(f"i{n}", 3, 1, 0, pack_level=Level.GREEN) for n in range(6)]
    figures = agreement_figures(items, resamples=100, seed=0)
    assert (figures.percent_agreement.low, figures.percent_agreement.value, figures.percent_agreement.high) == (
        pytest.approx(0.5),
        pytest.approx(0.5),
        pytest.approx(0.5),
    )
    assert figures.with_pack.value == pytest.approx(0.75)
    assert figures.with_pack.low == pytest.approx(0.75)


# ------------------------------------------------------------------ the published comparison


def test_the_published_figures_carry_their_sources():
    by_author = {figure.authors: figure for figure in PUBLISHED_FIGURES}
    bolton = by_author["Bolton, Gandevia and Newell"]
    assert (bolton.year, bolton.value, bolton.statistic) == (2021, 0.58, "Krippendorff's alpha")
    assert "Child Abuse & Neglect 117:105062" in bolton.source
    jensen = by_author["Jensen et al."]
    assert (jensen.year, jensen.value) == (2022, 0.547)
    assert "ICC" in jensen.statistic
    bartelink = by_author["Bartelink et al."]
    assert bartelink.year == 2014 and bartelink.value is None
    assert "agreed little" in bartelink.finding
