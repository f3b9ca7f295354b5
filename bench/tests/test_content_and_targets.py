"""Synthetic packs, the words the benchmark waits for, and the verdicts on the issue's targets."""

import dataclasses
from collections import Counter

from behaviours import load_pack
from behaviours.answers.finding import search
from bench.content import ContentPlug, load_repeats, measure_content
from bench.hostile_input import measure_hostile_input
from bench.report import Goal, Row
from bench.run import FULL
from bench.stats import summarise
from bench.synthetic_pack import BEHAVIOURS_PER_FILE, make_pack, search_queries, shipped_pack_dir
from bench.targets import (
    AGES,
    age_for,
    band_heading,
    band_labels,
    browser_targets,
    capacity_targets,
    check_age_sequence,
    content_plugs,
    first_descriptor,
    goals,
    lookup_page_words,
    server_targets,
    shipped_pack,
)


def test_a_synthetic_pack_is_valid_and_holds_factor_times_the_behaviours(tmp_path):
    shipped = shipped_pack()
    pack = load_pack(make_pack(tmp_path / "pack", 3))
    assert len(pack.all_behaviours) == 3 * len(shipped.all_behaviours)
    assert len({b.id for b in pack.all_behaviours}) == len(pack.all_behaviours)
    assert {band.id for band in pack.bands} == {band.id for band in shipped.bands}
    # Same levels in the same proportions, new sentences rather than copies.
    assert Counter(b.level for b in pack.all_behaviours) == {
        level: 3 * count for level, count in Counter(b.level for b in shipped.all_behaviours).items()
    }
    originals = {b.text for b in shipped.all_behaviours}
    copies = [b for b in pack.all_behaviours if b.id.endswith(("-x1", "-x2"))]
    assert sum(b.text not in originals for b in copies) > 0.9 * len(copies)


def test_a_large_synthetic_pack_spreads_each_band_over_files_that_the_loader_accepts(tmp_path, monkeypatch):
    monkeypatch.setattr("bench.synthetic_pack.BEHAVIOURS_PER_FILE", 60)
    folder = make_pack(tmp_path / "pack", 4)
    pack = load_pack(folder)
    assert len(pack.all_behaviours) == 4 * len(shipped_pack().all_behaviours)
    parts = [band for band in pack.bands if "-part-" in band.id]
    assert parts, "bands over the limit continue in extra band files"
    assert all(band.holds(band.min_age) for band in parts)
    assert BEHAVIOURS_PER_FILE >= 60


def test_synthetic_packs_and_queries_are_the_same_every_time(tmp_path):
    first = make_pack(tmp_path / "a", 2)
    second = make_pack(tmp_path / "b", 2)
    for path in sorted((first / "bands").glob("*.yaml")):
        assert path.read_text() == (second / "bands" / path.name).read_text()
    queries = search_queries(shipped_pack(), 1000)
    assert queries == search_queries(shipped_pack(), 1000)
    assert len(queries) == 1000
    assert sum(bool(search(shipped_pack(), query)) for query in queries) > 900, "queries use the pack's own words"


def test_the_age_sequence_changes_band_at_every_step():
    check_age_sequence()
    assert sorted(AGES) == list(range(18))
    for repetition in range(len(AGES)):
        assert band_heading(repetition) not in band_labels(age_for(repetition - 1))


def test_the_static_page_has_the_look_up_words_and_the_descriptor_waited_for():
    words = [block if isinstance(block, str) else block[1] for block in lookup_page_words(9)]
    assert first_descriptor() in words
    assert {"Ages 5 to 9", "Ages 9 to 13"} <= set(words)


def test_content_rows_compare_each_size_with_the_shipped_pack(tmp_path):
    plug = ContentPlug(
        name="pack",
        load_pack=load_pack,
        search=lambda pack, text: search(pack, text),
        make_pack=make_pack,
        queries=lambda pack: search_queries(pack, 20),
        default_pack=shipped_pack_dir(),
        size=lambda pack: len(pack.all_behaviours),
    )
    rows = measure_content(plug, (1, 2), repeats=2, warmup=0)
    assert [row.measure for row in rows] == [
        "load 1x pack",
        "first search 1x pack",
        "search 1x pack",
        "load 2x pack",
        "first search 2x pack",
        "search 2x pack",
    ]
    assert rows[5].stats.n == 20
    assert set(rows[5].ratios) == {"1x"}
    assert rows[5].figures["behaviours"] == 2 * rows[2].figures["behaviours"]
    assert load_repeats(30, 100) == 2 and load_repeats(30, 10) == 3


def test_goals_say_met_missed_or_not_measured():
    row = Row("content", "pack", "search 10x pack", summarise([0.004, 0.006]))
    goal = Goal("p95 < 5 ms", "content", "pack", "search 10x pack", lambda r: (r.stats.p95_ms < 5, "x"))
    assert goal.evaluate({"content": [row]})["verdict"] == "missed"
    assert goal.evaluate({"content": []})["verdict"] == "not measured"
    assert {g.section for g in goals()} == {"content", "server", "browser", "capacity"}


def test_every_goal_names_a_row_the_full_run_makes():
    names = {
        "server": {target.name for target in server_targets()},
        "browser": {target.name for target in browser_targets()},
        "capacity": {target.name for target in capacity_targets()},
        "content": {plug.name for plug in content_plugs()},
    }
    for goal in goals():
        assert goal.target in names[goal.section], goal.text
    capacity = next(goal for goal in goals() if goal.section == "capacity")
    sessions = int(capacity.measure.split()[0])
    assert sessions in FULL["levels"]
    assert capacity.measure.endswith(capacity_targets()[0].interaction_name)
    assert FULL["content_factors"] == (1, 10)  # issue 22: the 10x pack is the realistic ceiling


def test_hostile_input_rows_time_each_case_beside_its_harmless_baseline():
    rows = measure_hostile_input(repeats=1)
    assert [row.measure for row in rows] == [
        "search 'touching'",
        "search 1,200 words",
        "search one 10,000-letter word",
        "search 5,000 question marks",
        "read a plain YAML file",
        "refuse billion laughs",
        "refuse quadratic blow-up",
        "refuse 5,000 open brackets",
    ]
    assert all(row.stats.n == 1 for row in rows)
    assert [("baseline" in row.ratios) for row in rows] == [False, True, True, True, False, True, True, True]


def test_paced_search_rows_come_after_the_back_to_back_ones_with_their_cpu():
    plug = dataclasses.replace(content_plugs()[0], queries=lambda pack: search_queries(pack, 10))
    rows = measure_content(plug, (1,), repeats=1, warmup=0, paced=True)
    assert [row.measure for row in rows] == [
        "load 1x pack",
        "first search 1x pack",
        "search 1x pack",
        "search, 2 ms apart, 1x pack",
    ]
    paced = rows[3]
    assert paced.stats.n == 10 and paced.figures["CPU p95 ms"] >= 0


def test_the_load_goal_reads_the_median_load_of_the_10x_pack_and_shows_the_slowest():
    goal = next(g for g in goals() if g.measure == "load 10x pack")
    slow = Row("content", "content pack", "load 10x pack", summarise([1.2, 1.6, 2.5]))
    quick = Row("content", "content pack", "load 10x pack", summarise([1.2, 1.3, 2.4]))
    assert goal.evaluate({"content": [slow]})["verdict"] == "missed"
    verdict = goal.evaluate({"content": [quick]})
    assert verdict["verdict"] == "met" and verdict["figure"] == "median 1.30 s, slowest 2.40 s, n 3"
