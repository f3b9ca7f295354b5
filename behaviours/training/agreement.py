"""How far a room, or many rooms, agree: statistics from counts alone.

A training room keeps no per-person rows, only how many chose each answer for each
item (green, amber, red, not sure). Every figure here is computed from that count
matrix (items x green/amber/red), which is all the three statistics need:

- **percent agreement** (pairwise): the chance that two raters of the same item, picked
  at random, gave the same level;
- **Krippendorff's alpha**, ordinal (green < amber < red), computed by the ``krippendorff``
  package (Castro 2017, ``value_counts`` input), "not sure" being missing;
- **Gwet's AC1** (Gwet 2008), implemented here (see ``gwet_ac1``) because ``irrCAC`` pins
  pandas < 3 and scipy 1.12 and ships coverage as a runtime dependency;

each with a bootstrap 95% interval (resampling items), and agreement with the pack's level.
Nothing here imports Streamlit or a database.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

import krippendorff
import numpy as np
import numpy.typing as npt

from behaviours import Level

# The ordered levels a rater can name; "not sure" is kept beside them but counts as missing.
ORDERED_LEVELS: tuple[Level, ...] = (Level.GREEN, Level.AMBER, Level.RED)
# Rooms smaller than this are kept out of cross-room figures (issue 27): with four people or
# fewer one person moves every figure, and a small room is closer to identifying someone.
MIN_PARTICIPANTS = 5
# Resamples for a bootstrap interval: enough for a stable 2.5th/97.5th percentile. All four
# intervals of one round take about 1.6 s on the 2-core dev machine, whatever the item count
# (mostly krippendorff's per-call overhead), so a page works them out once per round and keeps them.
BOOTSTRAP_RESAMPLES = 1000

CountMatrix = Sequence[Sequence[int]] | npt.NDArray[np.float64]
Measurement = Literal["nominal", "ordinal", "interval", "ratio"]


@dataclass(frozen=True)
class ItemCounts:
    """One item's answers in one round: how many chose each level or "not sure", and the pack's level."""

    item_id: str
    green: int
    amber: int
    red: int
    not_sure: int = 0
    pack_level: Level | None = None

    def __post_init__(self) -> None:
        for value in (self.green, self.amber, self.red, self.not_sure):
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValueError(f"{self.item_id}: a count must be a whole number, 0 or more (got {value!r})")

    @property
    def levels(self) -> tuple[int, int, int]:
        """The counts of green, amber and red, in that order (one row of the count matrix)."""
        return (self.green, self.amber, self.red)

    @property
    def named_a_level(self) -> int:
        """Answers that named a level ("not sure" left out)."""
        return self.green + self.amber + self.red

    @property
    def answered(self) -> int:
        return self.named_a_level + self.not_sure

    def count(self, level: Level) -> int:
        return self.levels[ORDERED_LEVELS.index(level)]

    def __add__(self, other: ItemCounts) -> ItemCounts:
        """Two tallies of the same item pooled (e.g. the same item in two rooms)."""
        return ItemCounts(
            item_id=self.item_id,
            green=self.green + other.green,
            amber=self.amber + other.amber,
            red=self.red + other.red,
            not_sure=self.not_sure + other.not_sure,
            pack_level=self.pack_level if self.pack_level == other.pack_level else None,
        )


@dataclass(frozen=True)
class Estimate:
    """One statistic with its bootstrap 95% interval; ``value`` is None when it cannot be computed."""

    value: float | None
    low: float | None = None
    high: float | None = None
    why_missing: str = ""

    @property
    def has_interval(self) -> bool:
        return self.low is not None and self.high is not None


@dataclass(frozen=True)
class Share:
    """How many of ``out_of`` matched, e.g. ratings equal to the pack's level."""

    matched: int
    out_of: int

    @property
    def fraction(self) -> float | None:
        return self.matched / self.out_of if self.out_of else None


@dataclass(frozen=True)
class ItemAgreement:
    """One item's figures: its counts, pairwise agreement and agreement with the pack's level."""

    counts: ItemCounts
    pairwise: float | None  # None when fewer than two raters named a level
    with_pack: Share | None  # None when the pack's level is not known

    @property
    def item_id(self) -> str:
        return self.counts.item_id


@dataclass(frozen=True)
class AgreementFigures:
    """The agreement of one set of items (a room's round, or every saved room's)."""

    items: int  # items with at least one level named
    ratings: int  # answers that named a level
    not_sure: int
    percent_agreement: Estimate
    alpha: Estimate  # Krippendorff's alpha, ordinal
    ac1: Estimate  # Gwet's AC1
    with_pack: Estimate  # share of ratings equal to the pack's level, pooled over items
    with_pack_counts: Share


@dataclass(frozen=True)
class PublishedFigure:
    """A published agreement figure to show beside ours, with where it comes from."""

    authors: str
    year: int
    statistic: str
    value: float | None
    finding: str
    source: str


# What published studies found (facts as cited in issue 27; the wording is ours). None of them
# measured a traffic-light tool: no traffic-light tool publishes an agreement figure.
PUBLISHED_FIGURES: tuple[PublishedFigure, ...] = (
    PublishedFigure(
        authors="Bolton, Gandevia and Newell",
        year=2021,
        statistic="Krippendorff's alpha",
        value=0.58,
        finding="34 child-protection professionals rating 285 scenarios agreed on the right response with alpha 0.58.",
        source="Child Abuse & Neglect 117:105062 (2021)",
    ),
    PublishedFigure(
        authors="Jensen et al.",
        year=2022,
        statistic="Intraclass correlation (ICC)",
        value=0.547,
        finding="56 practitioners in Norway using the AIM3 assessment reached an ICC of 0.547.",
        source="Jensen et al. (2022), AIM3 in Norway",
    ),
    PublishedFigure(
        authors="Bartelink et al.",
        year=2014,
        statistic="Agreement on decisions",
        value=None,
        finding="Practitioners agreed little on child-protection decisions, with no convincing gain from structured decision-making.",
        source="Bartelink et al. (2014)",
    ),
)


# ------------------------------------------------------------------ the statistics


def _matrix(counts: CountMatrix) -> npt.NDArray[np.float64]:
    rows = np.asarray(counts, dtype=np.float64)
    if rows.size == 0:
        return np.zeros((0, len(ORDERED_LEVELS)))
    if rows.ndim != 2 or (rows < 0).any():
        raise ValueError("counts must be a table of items by categories, every count 0 or more")
    return rows


def item_pairwise_agreement(row: Sequence[int]) -> float | None:
    """Of every pair of raters of this item, the share who gave the same answer; None with fewer than 2 raters."""
    counts = _matrix([row])[0]
    raters = counts.sum()
    if raters < 2:
        return None
    return float((counts * (counts - 1)).sum() / (raters * (raters - 1)))


def percent_agreement(counts: CountMatrix) -> float | None:
    """Pairwise percent agreement: the mean, over items rated by 2 or more, of each item's pairwise agreement.

    For item i with r_i raters, n_ik of whom chose category k:
    p_i = sum_k n_ik (n_ik - 1) / (r_i (r_i - 1)). This is Gwet's p_a (the observed agreement of AC1).
    """
    rows = _matrix(counts)
    raters = rows.sum(axis=1)
    usable = raters >= 2
    if not usable.any():
        return None
    agree = (rows[usable] * (rows[usable] - 1)).sum(axis=1) / (raters[usable] * (raters[usable] - 1))
    return float(agree.mean())


def krippendorff_alpha(counts: CountMatrix, level_of_measurement: Measurement = "ordinal") -> float | None:
    """Krippendorff's alpha from per-item category counts (columns in order: green, amber, red).

    Computed by the ``krippendorff`` package with ``value_counts``; the value domain is the
    column order, so "ordinal" means green < amber < red. None when it is undefined: fewer
    than two ratings on any item, or every rating the same (no disagreement is possible).
    """
    rows = _matrix(counts)
    if rows.shape[0] == 0 or not (rows.sum(axis=1) >= 2).any():
        return None
    if np.count_nonzero(rows[rows.sum(axis=1) >= 2].sum(axis=0)) < 2:
        return None
    with np.errstate(invalid="ignore", divide="ignore"):
        value = float(krippendorff.alpha(value_counts=rows, level_of_measurement=level_of_measurement))
    return None if math.isnan(value) else value


def gwet_ac1(counts: CountMatrix) -> float | None:
    """Gwet's first-order agreement coefficient AC1 (Gwet 2008), for any number of raters per item.

    With n items, q categories (the number of columns: 3 for green/amber/red), r_ik the
    raters who put item i in category k and r_i = sum_k r_ik:

    - p_a = (1/n2) * sum over items with r_i >= 2 of sum_k r_ik (r_ik - 1) / (r_i (r_i - 1)),
      n2 being the number of such items (the percent agreement above);
    - pi_k = (1/n1) * sum over items with r_i >= 1 of r_ik / r_i, n1 being the number of such items;
    - p_e = (1 / (q - 1)) * sum_k pi_k (1 - pi_k);
    - AC1 = (p_a - p_e) / (1 - p_e).

    Gwet, K. L. (2008) Computing inter-rater reliability and its variance in the presence of
    high agreement. British Journal of Mathematical and Statistical Psychology 61:29-48; the
    form with missing ratings is from Gwet's Handbook of Inter-Rater Reliability (4th ed.,
    2014), whose 4-rater, 12-item example gives AC1 0.7754 (tests/unit/training).
    """
    rows = _matrix(counts)
    categories = rows.shape[1]
    raters = rows.sum(axis=1)
    p_a = percent_agreement(rows)
    if p_a is None or categories < 2:
        return None
    rated = raters >= 1
    pi = (rows[rated] / raters[rated][:, None]).mean(axis=0)
    p_e = float((pi * (1 - pi)).sum() / (categories - 1))
    return (p_a - p_e) / (1 - p_e)


def with_pack_share(items: Sequence[ItemCounts]) -> Share:
    """Ratings equal to the pack's level, out of the ratings that named a level, over items whose level is known."""
    known = [item for item in items if item.pack_level is not None]
    return Share(
        matched=sum(item.count(item.pack_level) for item in known if item.pack_level is not None),
        out_of=sum(item.named_a_level for item in known),
    )


def item_agreement(item: ItemCounts) -> ItemAgreement:
    """One item's pairwise agreement and its agreement with the pack's level."""
    return ItemAgreement(
        counts=item,
        pairwise=item_pairwise_agreement(item.levels),
        with_pack=with_pack_share([item]) if item.pack_level is not None else None,
    )


# ------------------------------------------------------------------ bootstrap intervals


def bootstrap(
    statistic: Callable[[npt.NDArray[np.intp]], float | None],
    units: int,
    *,
    resamples: int = BOOTSTRAP_RESAMPLES,
    seed: int | np.random.Generator | None = None,
) -> Estimate:
    """The statistic on every unit, with a percentile 95% interval from resampling units with replacement.

    ``statistic`` takes an array of unit indices (repeats allowed). Resamples where it is
    undefined are dropped; with fewer than half of them defined, no interval is given.
    """
    if units == 0:
        return Estimate(value=None, why_missing="No item was rated.")
    value = statistic(np.arange(units))
    if value is None:
        return Estimate(value=None, why_missing="Not enough different ratings to compute it.")
    rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)
    draws = rng.integers(0, units, size=(resamples, units))
    results = [r for r in (statistic(draw) for draw in draws) if r is not None]
    if len(results) < resamples / 2:
        return Estimate(value=value, why_missing="Too few items for an interval.")
    low, high = np.percentile(results, [2.5, 97.5])
    return Estimate(value=value, low=float(low), high=float(high))


def agreement_figures(
    items: Sequence[ItemCounts],
    *,
    resamples: int = BOOTSTRAP_RESAMPLES,
    seed: int | None = None,
) -> AgreementFigures:
    """Every figure for a set of items (one round of a room, or a round across rooms), intervals included.

    Each ``ItemCounts`` is one unit: the same item in two rooms is two units, because its
    raters are different people.
    """
    rated = [item for item in items if item.named_a_level > 0]
    matrix = np.array([item.levels for item in rated], dtype=np.float64).reshape(len(rated), len(ORDERED_LEVELS))
    rng = np.random.default_rng(seed)
    known = np.array([item.pack_level is not None for item in rated], dtype=bool)
    matched = np.array([item.count(item.pack_level) if item.pack_level else 0 for item in rated], dtype=np.float64)
    named = np.array([item.named_a_level if item.pack_level else 0 for item in rated], dtype=np.float64)

    def pack_share(index: npt.NDArray[np.intp]) -> float | None:
        if not known[index].any():
            return None
        out_of = named[index].sum()
        return float(matched[index].sum() / out_of) if out_of else None

    def on(function: Callable[[CountMatrix], float | None]) -> Callable[[npt.NDArray[np.intp]], float | None]:
        return lambda index: function(matrix[index])

    def figure(function: Callable[[npt.NDArray[np.intp]], float | None]) -> Estimate:
        return bootstrap(function, len(rated), resamples=resamples, seed=rng)

    return AgreementFigures(
        items=len(rated),
        ratings=sum(item.named_a_level for item in rated),
        not_sure=sum(item.not_sure for item in items),
        percent_agreement=figure(on(percent_agreement)),
        alpha=figure(on(krippendorff_alpha)),
        ac1=figure(on(gwet_ac1)),
        with_pack=figure(pack_share),
        with_pack_counts=with_pack_share(rated),
    )
