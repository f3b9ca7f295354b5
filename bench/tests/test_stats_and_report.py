"""The arithmetic and the results file every section relies on."""

import json
import math

import pytest

from bench.content import time_calls
from bench.report import Row, render_section, write_results
from bench.stats import percentile, ratio, summarise


def test_percentile_interpolates_between_ranks_like_numpy():
    samples = [10.0, 20.0, 30.0, 40.0]
    assert percentile(samples, 0.5) == 25.0
    assert percentile(samples, 0.95) == pytest.approx(38.5)
    assert percentile([7.0], 0.95) == 7.0


def test_summarise_reports_milliseconds():
    stats = summarise([0.001, 0.002, 0.003])
    assert (stats.n, stats.p50_ms, stats.min_ms, stats.max_ms) == (3, 2.0, 1.0, 3.0)
    assert math.isnan(summarise([]).p50_ms)


def test_ratio_is_missing_rather_than_infinite_when_the_baseline_is_zero():
    assert ratio(30.0, 10.0) == 3.0
    assert math.isnan(ratio(30.0, 0.0))


def test_rows_compare_with_a_baseline_and_show_it_in_the_table():
    target = Row("server", "lookup", "rerun", summarise([0.006, 0.006]))
    hello = Row("server", "hello_app", "rerun", summarise([0.002, 0.002]))
    target.compare_with("hello", hello)
    target.compare_with("bare", None)
    assert target.ratios == {"hello": pytest.approx(3.0)}
    table = render_section("server", [target, hello])
    assert "hello x3.00" in table
    assert table.splitlines()[1].startswith("target")


def test_failed_rows_show_their_reason_under_the_table():
    table = render_section("browser", [Row("browser", "lookup", "all", None, note="FAILED: no server")])
    assert "[1] lookup all: FAILED: no server" in table


def test_results_file_holds_machine_settings_and_rows(tmp_path):
    row = Row("content", "pack", "load 1x pack", summarise([0.001]), figures={"pack size": 1})
    path = write_results({"content": [row]}, {"mode": "quick"}, tmp_path / "results.json", machine={"cores": 2})
    document = json.loads(path.read_text())
    assert document["machine"] == {"cores": 2}
    assert document["settings"]["mode"] == "quick"
    assert document["sections"]["content"][0]["stats"]["p50_ms"] == 1.0


def test_time_calls_discards_warmup_and_times_every_argument():
    calls = []
    stats = time_calls(calls.append, [("a",), ("b",)], warmup=3, repeat=2)
    assert calls == ["a", "b", "a", "a", "b", "a", "b"]
    assert stats.n == 4
