"""The questions pages ask a pack: which bands, which behaviours, which route, which contacts."""

from __future__ import annotations

import pytest
from pack_builder import MINIMAL, TODAY

from behaviours.answers.finding import search, search_count
from behaviours.pack.loader import load_pack
from behaviours.pack.model import LEVELS, Level
from behaviours.pack.pack import Pack, highest_level
from tests.work import CallCounter

AMBER_TEXT = "Touching that carries on after being redirected."
RED_TEXT = "Sharing nude images of others."
GREEN_TEXT = "Curious questions about bodies."
BOTH_BANDS = ["Ages 0 to 9", "Ages 9 to 17"]


@pytest.fixture
def four_bands(make_pack) -> Pack:
    return load_pack(make_pack("variants/four-bands", remove=("bands/0-9.yaml", "bands/9-17.yaml")), today=TODAY)


@pytest.fixture
def five_bands(make_pack) -> Pack:
    return load_pack(make_pack("variants/five-bands", remove=("bands/0-9.yaml", "bands/9-17.yaml")), today=TODAY)


def labels(bands) -> list[str]:
    return [band.label for band in bands]


def found(hits) -> list[tuple[str, str]]:
    """What a reader sees of each result: its band and its descriptor."""
    return [(hit.band.label, hit.behaviour.text) for hit in hits]


# ---------------------------------------------------------------- bands_for_age


@pytest.mark.parametrize(
    ("age", "expected"),
    [
        (0, ["Ages 0 to 9"]),
        (5, ["Ages 0 to 9"]),
        (9, ["Ages 0 to 9", "Ages 9 to 17"]),
        (13, ["Ages 9 to 17"]),
        (17, ["Ages 9 to 17"]),
        (18, []),
        (-1, []),
        (25, []),
    ],
)
def test_bands_for_age_in_the_minimal_pack(minimal: Pack, age: int, expected: list[str]) -> None:
    assert labels(minimal.bands_for_age(age)) == expected


@pytest.mark.parametrize(
    ("age", "expected"),
    [
        (0, ["Ages 0 to 5"]),
        (4, ["Ages 0 to 5"]),
        (5, ["Ages 0 to 5", "Ages 5 to 9"]),
        (7, ["Ages 5 to 9"]),
        (9, ["Ages 5 to 9", "Ages 9 to 13"]),
        (13, ["Ages 9 to 13", "Ages 13 to 17"]),
        (17, ["Ages 13 to 17"]),
        (18, []),
        (-1, []),
        (25, []),
    ],
)
def test_overlapping_bands_both_hold_the_boundary_age(four_bands: Pack, age: int, expected: list[str]) -> None:
    assert labels(four_bands.bands_for_age(age)) == expected


def test_a_pack_with_five_bands_works_because_bands_come_from_the_pack(five_bands: Pack) -> None:
    # Files sort as 0-4, 11-14, 14-17, 4-8, 8-11; the pack orders bands by age.
    assert labels(five_bands.bands) == ["Ages 0 to 4", "Ages 4 to 8", "Ages 8 to 11", "Ages 11 to 14", "Ages 14 to 17"]
    assert labels(five_bands.bands_for_age(4)) == ["Ages 0 to 4", "Ages 4 to 8"]
    assert labels(five_bands.bands_for_age(12)) == ["Ages 11 to 14"]
    assert labels(five_bands.bands_for_age(14)) == ["Ages 11 to 14", "Ages 14 to 17"]
    assert labels(five_bands.bands_for_age(18)) == []
    assert (five_bands.min_age, five_bands.max_age) == (0, 17)
    assert [b.text for b in five_bands.behaviours("8-11", Level.RED)] == ["Sharing nude images of others, at 8 to 11."]
    assert len(five_bands.behaviours(level=Level.AMBER)) == 5
    assert [label for label, _ in found(search(five_bands, "sexting"))] == labels(five_bands.bands)
    assert [s.title for s in five_bands.scenarios_for("0-4")] == ["A test scenario"]


def test_the_pack_reports_the_ages_it_covers(minimal: Pack) -> None:
    assert (minimal.min_age, minimal.max_age) == (0, 17)


# ---------------------------------------------------------------- behaviours(band, level)


@pytest.mark.parametrize(
    ("level", "text"), [(Level.GREEN, GREEN_TEXT), (Level.AMBER, AMBER_TEXT), (Level.RED, RED_TEXT)]
)
@pytest.mark.parametrize("band_id", ["0-9", "9-17"])
def test_behaviours_of_one_band_at_one_level(minimal: Pack, band_id: str, level: Level, text: str) -> None:
    assert [b.text for b in minimal.behaviours(band_id, level)] == [text]
    band = minimal.band(band_id)
    assert band is not None
    assert [b.text for b in minimal.behaviours(band, level)] == [text]


def test_behaviours_without_a_level_are_the_whole_band_in_file_order(minimal: Pack) -> None:
    assert [b.text for b in minimal.behaviours("0-9")] == [GREEN_TEXT, AMBER_TEXT, RED_TEXT]


def test_behaviours_without_a_band_span_every_band(minimal: Pack) -> None:
    assert [b.text for b in minimal.behaviours(level=Level.RED)] == [RED_TEXT, RED_TEXT]
    assert len(minimal.behaviours()) == 6


def test_behaviours_of_an_unknown_band_are_none(minimal: Pack) -> None:
    assert minimal.behaviours("18-25") == []
    assert minimal.band("18-25") is None


def test_look_ups_by_id(minimal: Pack) -> None:
    behaviour = minimal.behaviour("9-17-red-images")
    assert behaviour is not None
    assert behaviour.text == RED_TEXT
    assert minimal.band_of(behaviour).label == "Ages 9 to 17"
    assert minimal.behaviour("no-such-behaviour") is None
    note = minimal.law_note(behaviour.law[0])
    assert note is not None
    assert note.title == "Images of under-18s"
    assert minimal.law_note("no-such-note") is None
    contact = minimal.contact("front-door")
    assert contact is not None
    assert contact.name == "Front door"
    assert minimal.contact("no-such-contact") is None


def test_scenarios_for_a_band(minimal: Pack) -> None:
    assert [s.title for s in minimal.scenarios_for("0-9")] == ["A test scenario"]
    assert minimal.scenarios_for("9-17") == []
    assert [s.title for s in minimal.scenarios_for()] == ["A test scenario"]


# ---------------------------------------------------------------- search


@pytest.mark.parametrize("query", ["touching", "TOUCHING", "Touching", "touch", "touches"])
def test_search_ignores_case_and_word_endings(minimal: Pack, query: str) -> None:
    assert found(search(minimal, query)) == [("Ages 0 to 9", AMBER_TEXT), ("Ages 9 to 17", AMBER_TEXT)]


@pytest.mark.parametrize("query", ["sharing images", "images sharing", "Images of others, sharing"])
def test_search_takes_words_in_any_order(minimal: Pack, query: str) -> None:
    assert found(search(minimal, query)) == [("Ages 0 to 9", RED_TEXT), ("Ages 9 to 17", RED_TEXT)]


@pytest.mark.parametrize("query", ["sexting", "nudes"])
def test_search_uses_the_synonyms_declared_in_the_pack(minimal: Pack, query: str) -> None:
    assert not any("sext" in b.text.lower() for b in minimal.behaviours())
    assert found(search(minimal, query)) == [("Ages 0 to 9", RED_TEXT), ("Ages 9 to 17", RED_TEXT)]


def test_search_keeps_only_descriptors_that_match_every_word_when_some_do(minimal: Pack) -> None:
    assert found(search(minimal, "curious bodies")) == [("Ages 0 to 9", GREEN_TEXT), ("Ages 9 to 17", GREEN_TEXT)]


def test_search_ranks_a_keyword_match_above_a_match_in_the_text(minimal: Pack) -> None:
    # "sharing" is a keyword of the red descriptors; "curious" is only in the green ones' text.
    assert found(search(minimal, "curious sharing")) == [
        ("Ages 0 to 9", RED_TEXT),
        ("Ages 9 to 17", RED_TEXT),
        ("Ages 0 to 9", GREEN_TEXT),
        ("Ages 9 to 17", GREEN_TEXT),
    ]


@pytest.mark.parametrize("query", ["", "   ", "the and of", "?!", "a child aged 9", "zebra"])
def test_search_with_nothing_to_find_returns_nothing(minimal: Pack, query: str) -> None:
    assert search(minimal, query) == []


@pytest.mark.parametrize("query", ["touching " * 1200, "touching " + "x" * 10_000, "touching" + " ?" * 5_000])
def test_a_10_kb_query_costs_no_more_than_a_short_one(minimal: Pack, query: str) -> None:
    # A count of calls, not a timing: the same on any machine (timings: bench/hostile_input.py).
    # A search of the warm minimal index makes about 450-670 calls, however long the query;
    # work per character of a 10,000-character query would make tens of thousands.
    assert len(query) >= 10_000
    search(minimal, "warm the index")
    with CallCounter(limit=100_000) as work:
        hits = search(minimal, query)
    assert work.calls <= 2_000, f"{work.calls} calls for a {len(query)}-character query"
    assert found(hits) == [("Ages 0 to 9", AMBER_TEXT), ("Ages 9 to 17", AMBER_TEXT)]


# ---------------------------------------------------------------- routes and contacts


@pytest.mark.parametrize(
    ("level", "title", "contacts"),
    [
        (Level.GREEN, "Green: respond positively", []),
        (Level.AMBER, "Amber: take notice", ["Front door", "Out-of-hours team"]),
        (Level.RED, "Red: act today", ["Emergency services", "Front door", "Out-of-hours team"]),
    ],
)
def test_route_for_each_level_and_its_contacts_in_order(
    minimal: Pack, level: Level, title: str, contacts: list[str]
) -> None:
    route = minimal.route_for(level)
    assert route.title == title
    assert [contact.name for contact in minimal.contacts_for(route)] == contacts


@pytest.mark.parametrize(
    ("route_id", "title", "contacts"),
    [
        ("immediate-danger", "Immediate danger: call 999", ["Emergency services"]),
        ("adult", "Adults", ["Front door"]),
        ("not-listed", "Not listed", []),
    ],
)
def test_special_routes(minimal: Pack, route_id: str, title: str, contacts: list[str]) -> None:
    route = minimal.special_route(route_id)
    assert route is not None
    assert route.title == title
    assert [contact.name for contact in minimal.contacts_for(route)] == contacts


def test_an_unknown_special_route_is_none(minimal: Pack) -> None:
    assert minimal.special_route("no-such-route") is None


# ---------------------------------------------------------------- levels


@pytest.mark.parametrize(
    ("levels", "expected"),
    [
        ([], None),
        ([Level.GREEN], Level.GREEN),
        ([Level.AMBER, Level.GREEN], Level.AMBER),
        ([Level.GREEN, Level.RED, Level.AMBER], Level.RED),
        ([Level.RED, Level.RED], Level.RED),
        ((level for level in [Level.GREEN, Level.AMBER]), Level.AMBER),
    ],
    ids=["none", "green", "amber-over-green", "red-over-all", "red-twice", "a-generator"],
)
def test_highest_level(levels, expected: Level | None) -> None:
    assert highest_level(levels) is expected


def test_level_labels_come_from_the_pack(minimal: Pack) -> None:
    assert [minimal.level_label(level) for level in LEVELS] == ["Green", "Amber", "Red"]
    assert minimal.level_guide(Level.RED).headline == "act today"


def test_a_licensed_pack_can_call_amber_orange(make_pack) -> None:
    pack = load_pack(make_pack("variants/orange-label"), today=TODAY)
    assert pack.level_label(Level.AMBER) == "Orange"
    assert [pack.level_label(level) for level in LEVELS] == ["Green", "Orange", "Red"]
    assert pack.warnings == ()


def test_search_keeps_the_best_hits_up_to_the_limit_and_counts_them_all(tmp_path):
    import shutil

    from behaviours import load_pack

    shutil.copytree(MINIMAL, tmp_path / "pack")
    pack = load_pack(tmp_path / "pack")
    everything = search(pack, "images", limit=None)
    assert len(everything) == 2
    assert [hit.behaviour.id for hit in search(pack, "images", limit=1)] == [everything[0].behaviour.id]
    assert search_count(pack, "images") == 2
    assert search_count(pack, "zzzz") == 0
