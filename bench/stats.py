"""Summaries of timing samples: the percentiles every section reports."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Stats:
    """Timing summary of one measurement, in milliseconds."""

    n: int
    p50_ms: float
    p95_ms: float
    mean_ms: float
    min_ms: float
    max_ms: float

    def as_dict(self) -> dict[str, float | int]:
        """The summary as plain numbers, for results.json."""
        return {key: round(value, 3) if isinstance(value, float) else value for key, value in asdict(self).items()}


def percentile(samples: Sequence[float], fraction: float) -> float:
    """The `fraction` quantile (0..1) by linear interpolation between ranks.

    Same method as numpy's default, so figures can be checked by hand; with
    fewer than about 20 samples p95 is close to the maximum, which is honest.
    """
    if not samples:
        return math.nan
    ordered = sorted(samples)
    position = (len(ordered) - 1) * fraction
    lower = math.floor(position)
    upper = math.ceil(position)
    weight = position - lower
    return ordered[lower] * (1 - weight) + ordered[upper] * weight


def summarise(seconds: Sequence[float]) -> Stats:
    """Summarise durations given in seconds (as perf_counter differences)."""
    millis = [value * 1000.0 for value in seconds]
    if not millis:
        return Stats(n=0, p50_ms=math.nan, p95_ms=math.nan, mean_ms=math.nan, min_ms=math.nan, max_ms=math.nan)
    return Stats(
        n=len(millis),
        p50_ms=percentile(millis, 0.50),
        p95_ms=percentile(millis, 0.95),
        mean_ms=sum(millis) / len(millis),
        min_ms=min(millis),
        max_ms=max(millis),
    )


def ratio(value: float, baseline: float) -> float:
    """value / baseline, or NaN when either is missing or the baseline is zero."""
    if math.isnan(value) or math.isnan(baseline) or baseline <= 0:
        return math.nan
    return value / baseline
