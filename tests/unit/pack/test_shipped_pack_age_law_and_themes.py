"""Content pack 2.0 (issue 13): levels and law that follow the age, themes, corrected ratings,
current harms, image guidance, law notes and wording, checked against the shipped pack."""

from __future__ import annotations

import itertools

import pytest

from behaviours import Level, Pack
from behaviours.answers.finding import search
from behaviours.answers.lookup import how_level_changes, law_for_item, plan_lookup
from behaviours.pack.band_rules import theme_jumps_between_bands, theme_once_per_band
from ui.levels import behaviour_lines_md

AGES = range(0, 18)


def _conditioned(PACK: Pack) -> list:
    """The items whose level or law changes with the age."""
    return [b for b in PACK.all_behaviours if b.by_age]


def _themes(PACK: Pack) -> list[str]:
    return sorted({b.theme for b in PACK.all_behaviours if b.theme})


def _pack_text(PACK: Pack) -> str:
    parts = [b.text for b in PACK.all_behaviours] + [c for b in PACK.all_behaviours for c in b.consider]
    parts += [n.text for n in PACK.law]
    for level in (Level.GREEN, Level.AMBER, Level.RED):
        guide = PACK.level_guide(level)
        parts += [guide.meaning, *guide.signs, *guide.what_to_do, *guide.what_to_record, *guide.who_to_tell]
    return " ".join(parts).lower()


# ---------------------------------------------------------------- levels and law that follow the age


def test_some_items_change_with_age(shipped):
    assert len(_conditioned(shipped)) >= 5


@pytest.mark.parametrize("age", AGES)
def test_an_age_conditioned_item_is_filed_under_its_level_at_every_age(shipped, age):
    for behaviour in _conditioned(shipped):
        _filed_under_its_level(shipped, behaviour, age)


def _filed_under_its_level(PACK: Pack, behaviour, age: int) -> None:
    band = PACK.band_of(behaviour)
    if not band.holds(age):
        assert band not in PACK.bands_for_age(age)
        return
    (condition,) = [c for c in behaviour.by_age if c.holds(age)]
    level = PACK.level_at(behaviour, age)
    assert level == condition.level
    assert behaviour in PACK.behaviours(band, level, age=age)
    for other in {Level.GREEN, Level.AMBER, Level.RED} - {level}:
        assert behaviour not in PACK.behaviours(band, other, age=age)
    law_ids = {note.id for note in PACK.law_at(behaviour, age)}
    assert set(condition.law) | set(behaviour.law) == law_ids
    assert behaviour.level.rank >= level.rank, f"{behaviour.id}@{age}: the listed level never understates any age"


SIMILAR_AGE = [
    ("9-13", 9, Level.RED, "under-13s"),
    ("9-13", 12, Level.RED, "under-13s"),
    ("9-13", 13, Level.AMBER, "age-of-consent"),
    ("13-17", 13, Level.AMBER, "age-of-consent"),
    ("13-17", 14, Level.AMBER, "age-of-consent"),
    ("13-17", 15, Level.AMBER, "age-of-consent"),
    ("13-17", 16, Level.GREEN, "age-of-consent"),
    ("13-17", 17, Level.GREEN, "age-of-consent"),
]


@pytest.mark.parametrize(
    ("band_id", "age", "level", "law_id"), SIMILAR_AGE, ids=[f"{b}@{a}" for b, a, *_ in SIMILAR_AGE]
)
def test_similar_age_sexual_activity_follows_the_age_of_consent(shipped, band_id, age, level, law_id):
    (item,) = [b for b in shipped.behaviours(band_id) if b.theme == "similar-age-sexual-activity"]
    assert shipped.level_at(item, age) == level
    assert law_id in {note.id for note in shipped.law_at(item, age)}
    if age >= 13:
        assert "under-13s" not in {note.id for note in shipped.law_at(item, age)}


def test_a_dsl_reading_13_17_for_a_14_year_old_gets_the_law_and_an_amber_response(shipped):
    plan = plan_lookup(shipped, 14, None, None)
    assert [band.id for band in plan.bands] == ["13-17"]
    amber = shipped.behaviours("13-17", Level.AMBER, age=plan.age)
    green = shipped.behaviours("13-17", Level.GREEN, age=plan.age)
    item = shipped.behaviour("13-17-amber-similar-age-sexual-activity")
    assert item in amber and item not in green
    text = behaviour_lines_md(shipped, [item], show_notes=False, age=plan.age)
    assert "The law:* The age of consent is 16" in text
    assert "Changes with age" not in text
    assert "DSL" in shipped.level_guide(Level.AMBER).who_to_tell[0] or any(
        "DSL" in step or "designated safeguarding lead" in step.lower()
        for step in shipped.level_guide(Level.AMBER).who_to_tell
    )


def test_with_only_a_band_the_item_says_how_it_changes_and_which_law_applies_when(shipped):
    item = shipped.behaviour("13-17-amber-similar-age-sexual-activity")
    assert how_level_changes(shipped, item) == "Amber at 13-15, green at 16-17"
    text = behaviour_lines_md(shipped, [item], show_notes=False)
    assert "*Changes with age:* Amber at 13-15, green at 16-17." in text
    assert "The age of consent is 16" in text


def test_an_item_at_one_level_at_every_age_says_nothing_about_changing(shipped):
    item = shipped.behaviour("9-13-red-injury-pregnancy-or-sti")
    assert how_level_changes(shipped, item) is None
    at_12 = [entry.note.id for entry in law_for_item(shipped, item, 12)]
    at_13 = [entry.note.id for entry in law_for_item(shipped, item, 13)]
    assert at_12 == ["under-13s"] and at_13 == ["age-of-consent"]


def test_the_law_is_shown_on_the_item_without_the_consider_switch(shipped):
    item = shipped.behaviour("13-17-amber-taking-or-sending-images")
    hidden = behaviour_lines_md(shipped, [item], show_notes=False, age=15)
    assert "Indecent images of anyone under 18" in hidden
    assert "*Consider:*" not in hidden
    assert "*Consider:*" in behaviour_lines_md(shipped, [item], show_notes=True, age=15)


def test_no_band_carries_law_of_its_own(shipped):
    assert all(not hasattr(band, "law") for band in shipped.bands)


def test_the_under_13_note_is_only_on_red_items_never_on_green_or_amber(shipped):
    # It may sit on an older child's item when the other child is younger (e.g. 13-17 'much younger child').
    for behaviour in shipped.all_behaviours:
        band = shipped.band_of(behaviour)
        for age in range(band.min_age, band.max_age + 1):
            if any(note.id == "under-13s" for note in shipped.law_at(behaviour, age)):
                assert shipped.level_at(behaviour, age) == Level.RED, f"{behaviour.id} at {age}"


@pytest.mark.parametrize("item_id", ["0-5-red-acting-out-sex", "5-9-red-acting-out-sex", "5-9-amber-mutual-touching"])
def test_play_items_do_not_carry_the_under_13_note(shipped, item_id):
    assert "under-13s" not in shipped.behaviour(item_id).law


# ---------------------------------------------------------------- themes


def test_a_theme_is_once_per_band_and_never_jumps_green_to_red(shipped):
    for theme in _themes(shipped):
        _once_per_band_and_no_jump(shipped, theme)


def _once_per_band_and_no_jump(PACK: Pack, theme: str) -> None:
    items = PACK.themed(theme)
    bands = [PACK.band_of(b).id for b in items]
    assert len(bands) == len(set(bands)), f"{theme} appears twice in one band"
    ordered = sorted(items, key=lambda b: PACK.band_of(b).min_age)
    for younger, older in itertools.pairwise(ordered):
        age = PACK.band_of(older).min_age
        was = PACK.level_at(younger, age if PACK.band_of(younger).holds(age) else PACK.band_of(younger).max_age)
        now = PACK.level_at(older, age)
        assert abs(was.rank - now.rank) <= 1, f"{theme}: {younger.id} {was.value} -> {older.id} {now.value}"


def test_themes_link_most_bands_and_the_rules_find_nothing_in_the_shipped_pack(shipped):
    assert sum(1 for theme in _themes(shipped) if len(shipped.themed(theme)) > 1) >= 30
    band_files = [(f"bands/{band.id}.yaml", band) for band in shipped.bands]
    assert list(theme_once_per_band(band_files)) == []
    assert list(theme_jumps_between_bands(band_files)) == []


def test_pornography_at_9_is_the_same_behaviour_in_two_bands(shipped):
    assert [b.id for b in shipped.themed("pornography")] == [
        "5-9-red-seeking-pornography",
        "9-13-amber-viewing-pornography",
        "13-17-green-interest-in-erotica",
    ]


# ---------------------------------------------------------------- ratings corrected


@pytest.mark.parametrize("item_id", ["9-13-red-cyberflashing", "13-17-red-cyberflashing"])
def test_cyberflashing_is_red_at_every_age(shipped, item_id):
    item = shipped.behaviour(item_id)
    band = shipped.band_of(item)
    assert {shipped.level_at(item, age) for age in range(band.min_age, band.max_age + 1)} == {Level.RED}
    assert "cyberflashing" in item.law


@pytest.mark.parametrize(("age", "level"), [(9, Level.AMBER), (12, Level.AMBER), (13, Level.AMBER)])
def test_a_self_taken_image_in_9_13_follows_ukcis(shipped, age, level):
    assert shipped.level_at(shipped.behaviour("9-13-red-sharing-images"), age) == level


def test_self_generated_images_are_not_all_red_but_passing_on_is(shipped):
    assert shipped.behaviour("13-17-amber-taking-or-sending-images").level == Level.AMBER
    assert shipped.behaviour("9-13-red-images-of-others").level == Level.RED
    assert shipped.behaviour("13-17-red-sharing-others-images").level == Level.RED


@pytest.mark.parametrize("band_id", ["9-13", "13-17"])
def test_one_off_harassment_is_amber_and_persistent_is_red(shipped, band_id):
    (one_off,) = [b for b in shipped.behaviours(band_id) if b.theme == "sexual-bullying"]
    (persistent,) = [b for b in shipped.behaviours(band_id) if b.theme == "sexual-harassment"]
    assert one_off.level == Level.AMBER and "one-off" in one_off.text
    assert persistent.level == Level.RED and "persistent" in persistent.text
    assert any("Part 5" in c for c in one_off.consider)


def test_0_5_touching_items_differ_in_what_a_practitioner_sees(shipped):
    amber = shipped.behaviour("0-5-amber-preoccupied-touching-others").text
    red = shipped.behaviour("0-5-red-persistent-touching-children").text
    assert "stops each time an adult redirects" in amber and "no force" in amber
    assert "even after firm and repeated redirection" in red and "force" in red


def test_0_5_curiosity_about_adults_breasts_is_green_and_persistent_genital_touching_red(shipped):
    assert shipped.behaviour("0-5-green-curious-about-adults-bodies").level == Level.GREEN
    red = shipped.behaviour("0-5-red-touching-adults")
    assert "breasts" not in red.text and "genitals" in red.text


def test_an_older_partner_is_red_under_16_and_amber_at_16_and_17(shipped):
    item = shipped.behaviour("13-17-red-much-older-partner")
    assert [shipped.level_at(item, age).value for age in range(13, 18)] == ["red", "red", "red", "amber", "amber"]


# ---------------------------------------------------------------- current harms, found by practitioners' words

HARMS = [
    ("sextortion", {"9-13-red-sextortion", "13-17-red-sextortion"}),
    ("blackmail nudes", {"9-13-red-sextortion", "13-17-red-sextortion"}),
    ("nudify app", {"9-13-red-fake-sexual-images", "13-17-red-fake-sexual-images"}),
    ("deepfake", {"9-13-red-fake-sexual-images", "13-17-red-fake-sexual-images"}),
    ("AI nudes", {"13-17-red-fake-sexual-images"}),
    ("dick pic", {"9-13-red-cyberflashing", "13-17-red-cyberflashing"}),
    ("unsolicited", {"13-17-red-cyberflashing"}),
    ("cyberflashing", {"13-17-red-cyberflashing"}),
    ("upskirting", {"9-13-red-secret-filming", "13-17-red-secret-filming"}),
    ("hidden camera", {"13-17-red-secret-filming"}),
    ("Andrew Tate", {"9-13-amber-misogynistic-content", "13-17-amber-misogynistic-content"}),
    ("incel", {"13-17-amber-misogynistic-content"}),
    ("peer-on-peer", {"9-13-red-group-exploitation", "13-17-red-group-exploitation"}),
    ("gang", {"13-17-red-group-exploitation"}),
    ("contextual safeguarding", {"13-17-red-group-exploitation"}),
    ("CSAM", {"9-13-red-viewing-child-abuse-images", "13-17-red-viewing-child-abuse-images"}),
    ("child abuse images", {"13-17-red-viewing-child-abuse-images"}),
    ("sibling", {"5-9-red-family-member", "9-13-red-family-member", "13-17-red-family-member"}),
    ("incest", {"13-17-red-family-member"}),
    ("bestiality", {"9-13-red-animals", "13-17-red-animals"}),
    ("trafficking", {"9-13-red-trafficking", "13-17-red-trafficking"}),
    ("modern slavery", {"13-17-red-trafficking"}),
]


@pytest.mark.parametrize(("query", "expected"), HARMS, ids=[q for q, _ in HARMS])
def test_search_finds_each_current_harm_by_practitioners_words(shipped, query, expected):
    found = {hit.behaviour.id for hit in search(shipped, query)}
    assert expected <= found, f"'{query}' did not find {expected - found}"


def test_shore_and_stop_it_now_are_named_for_young_people_worried_about_themselves(shipped):
    item = shipped.behaviour("13-17-red-viewing-child-abuse-images")
    assert any("Shore" in c and "Stop It Now" in c for c in item.consider)
    assert shipped.contact("shore") is not None and shipped.contact("stop-it-now") is not None


# ---------------------------------------------------------------- image guidance, law notes, wording


def test_image_guidance_is_complete(shipped):
    note = shipped.law_note("indecent-images").text
    for words in (
        "Never view, copy, print, share, store or save",
        "do not",
        "delete",
        "Report Remove",
        "Outcome 21",
        "AI",
    ):
        assert words in note, words
    assert "description of any image" not in _pack_text(shipped)


def test_every_law_note_has_a_source_and_a_date(shipped):
    assert shipped.law, "no law notes: this test checks nothing"
    assert [n.id for n in shipped.law if not (n.source.strip() and n.last_reviewed is not None)] == []


def test_law_notes_are_attributed_and_complete(shipped):
    assert "Crown Prosecution Service" in shipped.law_note("age-of-consent").source
    cse = shipped.law_note("cse-definition").text
    for words in ("coerce, manipulate or deceive", "financial advantage", "other children"):
        assert words in cse
    assert (
        "66A" in shipped.law_note("cyberflashing").source
        and "31 January 2024" in shipped.law_note("cyberflashing").text
    )
    assert "67A" in shipped.law_note("upskirting").source
    assert "April 2024" in shipped.law_note("sextortion").source
    assert "primary" in shipped.law_note("statutory-frameworks").text
    assert "faith leaders" in shipped.law_note("positions-of-trust").text


@pytest.mark.parametrize(
    "phrase",
    [
        "provocative dress",
        "has sex in exchange for",
        "in a sexual relationship with an adult",
        "outside safe and healthy",
        "to look at them or touch them",
    ],
)
def test_victim_blaming_and_near_copied_phrases_are_gone(shipped, phrase):
    keywords = " ".join(k for b in shipped.all_behaviours for k in b.keywords).lower()
    assert phrase not in _pack_text(shipped) and phrase not in keywords


def test_version_two_lists_its_changes(shipped):
    assert shipped.info.version == "2.1.6"
    (latest, content215, content214, content213, round5, patch, previous, earlier, *_older) = shipped.info.changes
    assert latest.version == "2.1.6" and len(latest.items) >= 1
    assert content215.version == "2.1.5" and len(content215.items) >= 1
    assert content214.version == "2.1.4" and len(content214.items) >= 2
    assert content213.version == "2.1.3" and len(content213.items) >= 2
    assert round5.version == "2.1.2" and len(round5.items) >= 2
    assert patch.version == "2.1.1" and len(patch.items) >= 2
    assert previous.version == "2.1.0" and len(previous.items) >= 5
    assert earlier.version == "2.0.0" and len(earlier.items) >= 5


# ---------------------------------------------------------------- the overlap check (tools/overlap.py)


def _overlap_tool():
    from test_own_words_overlap import overlap_tool

    return overlap_tool()


def test_the_overlap_tool_counts_shared_six_word_runs_and_skips_ids(tmp_path, capsys):
    overlap = _overlap_tool()
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "law.yaml").write_text(
        "law:\n  - id: one-two-three-four-five-six-seven\n"
        "    text: The quick brown fox jumps over the lazy dog today.\n",
        encoding="utf-8",
    )
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "a.txt").write_text("Yesterday the quick brown fox jumps over the fence.", encoding="utf-8")
    assert overlap.main([str(sources), "--pack", str(pack), "--show"]) == 0
    out = capsys.readouterr().out
    assert "pack: 5 distinct 6-word runs; sources: 4; shared: 2" in out
    assert "the quick brown fox jumps over" in out


# ---------------------------------------------------------------- the pages (Streamlit AppTest, shipped pack)


@pytest.fixture
def shipped_app(monkeypatch):
    monkeypatch.delenv("TRAFFIC_LIGHT_PACK", raising=False)
    from tests.helpers import main_text, open_page

    return open_page, main_text


def _card(text: str, word: str) -> str:
    """One level card's text: from its heading to the next level's heading (cards run red, amber, green)."""
    start = text.index(f"**{word}:")
    ends = [i for i in (text.find(f"**{w}:", start + 1) for w in ("Red", "Amber", "Green")) if i > start]
    return text[start : min(ends, default=len(text))]


def _amber_card(text: str) -> str:
    return _card(text, "Amber")


def test_lookup_for_a_14_year_old_shows_the_item_at_amber_with_the_law_and_no_switch(shipped_app):
    open_page, main_text = shipped_app
    at = open_page("pages/lookup.py", {"age": "14"}, timeout=60)
    assert not at.exception
    assert at.toggle(key="lookup_notes").value is False
    amber = _amber_card(main_text(at))
    assert "Two young people of a similar age and understanding both choose" in amber
    assert "The age of consent is 16" in amber
    assert "Changes with age" not in amber


def test_lookup_for_age_16_files_the_same_item_under_green(shipped_app):
    open_page, main_text = shipped_app
    at = open_page("pages/lookup.py", {"age": "16"}, timeout=60)
    text = main_text(at)
    green = _card(text, "Green")
    assert "Two young people of a similar age and understanding both choose" in green
    assert "Two young people of a similar age and understanding both choose" not in _amber_card(text)


def test_lookup_by_band_says_how_the_item_changes_with_age(shipped_app):
    open_page, main_text = shipped_app
    at = open_page("pages/lookup.py", {"band": "13-17"}, timeout=60)
    assert "Changes with age:* Amber at 13-15, green at 16-17." in _amber_card(main_text(at))


def test_about_shows_what_changed_in_version_2(shipped_app):
    open_page, main_text = shipped_app
    at = open_page("pages/about.py", timeout=60)
    text = main_text(at)
    assert "What changed" in text and "Version 2.0.0, 1 December 2026" in text
    assert "Similar-age sexual activity is amber at 13 to 15" in text
