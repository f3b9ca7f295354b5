"""The plan_* functions the pages draw: search, case discussion, training links, helplines and about."""

from __future__ import annotations

import datetime as dt

from pack_builder import REPO_ROOT

from behaviours.answers.case import Answer
from behaviours.answers.finding import search, search_count
from behaviours.answers.plans import (
    audience_from_link,
    kept_choices,
    plan_about,
    plan_case,
    plan_helplines,
    plan_search,
)
from behaviours.contacts.hours import UK, Role
from behaviours.pack.model import Audience, ChannelKind, Level
from behaviours.pack.pack import Pack

SHIPPED = REPO_ROOT / "behaviours" / "content"
FRIDAY_1730 = dt.datetime(2026, 12, 4, 17, 30, tzinfo=UK)
WEDNESDAY_11AM = dt.datetime(2026, 12, 2, 11, 0, tzinfo=UK)


def test_search_plan_without_words_is_empty(shipped: Pack) -> None:
    assert plan_search(shipped, None).query == "" and plan_search(shipped, "").hits == []


def test_search_plan_ranks_by_match_and_says_when_more_matched(shipped: Pack) -> None:
    plan = plan_search(shipped, "images")
    assert [r.behaviour.id for r in plan.results] == [h.behaviour.id for h in search(shipped, "images")]
    total = search_count(shipped, "images")
    assert (plan.more is not None) == (total > len(plan.results))
    assert plan_search(shipped, "zzqqxx").hits == []


def test_older_boyfriend_puts_the_much_older_partner_first_not_a_green_item(shipped: Pack) -> None:
    plan = plan_search(shipped, "older boyfriend")
    assert plan.results[0].behaviour.id.endswith("much-older-partner")
    assert plan.results[0].level == Level.RED


def test_search_plan_with_an_age_keeps_that_age_s_bands_and_gives_the_level_there(shipped: Pack) -> None:
    plan = plan_search(shipped, "similar age sexual activity", 16)
    assert plan.age == 16
    assert {r.band.id for r in plan.results} == {"13-17"}
    first = next(r for r in plan.results if r.behaviour.id == "13-17-amber-similar-age-sexual-activity")
    assert first.level == Level.GREEN  # green at 16 and 17, though listed as amber
    assert plan_search(shipped, "similar age sexual activity", 14).results[0].level == Level.AMBER


def test_search_plan_at_a_boundary_age_searches_both_bands_and_says_so(shipped: Pack) -> None:
    plan = plan_search(shipped, "sexting", 13)
    assert {r.band.id for r in plan.results} == {"9-13", "13-17"}
    assert any("boundary" in text for text in plan.age_notices)


def test_search_plan_for_an_adult_uses_the_oldest_band_as_a_guide(shipped: Pack) -> None:
    plan = plan_search(shipped, "sexting", 20)
    assert plan.adult and plan.age is None
    assert {r.band.id for r in plan.results} == {"13-17"}
    assert shipped.info.adult_note in plan.age_notices


def test_search_plan_says_what_was_corrected(shipped: Pack) -> None:
    plan = plan_search(shipped, "masterbating")
    assert plan.correction == "No behaviour uses “masterbating”; showing results for “masturbating”."
    # Content 2.1: the first match may say it in other words ("touches their genitals where others can
    # see"), so the item's text or its search words name masturbation.
    first = plan.results[0].behaviour
    assert any("masturbat" in words.lower() for words in [first.text, *first.keywords])


def test_no_hits_at_an_age_counts_the_matches_at_other_ages(shipped: Pack) -> None:
    plan = plan_search(shipped, "trafficking", 6)  # 9-13 and 13-17 only (sextortion is in 5-9 since pack 2.1)
    assert plan.results == []
    assert plan.elsewhere == search_count(shipped, "trafficking") > 0
    assert plan_search(shipped, "zzqqxx", 6).elsewhere == 0


def test_kept_choices_drops_behaviours_outside_the_bands(shipped: Pack) -> None:
    options = shipped.behaviours(shipped.bands[0], Level.GREEN)
    kept, notice = kept_choices(options, [options[0].id, "not-here", "nor-here"])
    assert kept == [options[0].id]
    assert notice == "2 behaviour(s) chosen earlier are not in the band(s) now shown, so they were taken off the list."
    assert kept_choices(options, [options[0].id]) == ([options[0].id], None)


def test_case_plan_red_lists_each_service_once_with_out_of_hours_first_when_closed(shipped: Pack) -> None:
    red = next(b for b in shipped.all_behaviours if b.level == Level.RED and shipped.band_of(b).id == "0-5")
    plan = plan_case(
        shipped,
        age=4,
        band_id=None,
        developmental_band=None,
        chosen_ids=[red.id],
        answers={},
        not_listed=False,
        now=FRIDAY_1730,
    )
    assert plan.suggestion.level == Level.RED
    # Red alone is not immediate danger: that route is added only when the practitioner says so.
    assert [r.id for r in plan.routes] == ["red"]
    said = plan_case(
        shipped,
        age=4,
        band_id=None,
        developmental_band=None,
        chosen_ids=[red.id],
        answers={},
        not_listed=False,
        now=FRIDAY_1730,
        immediate_danger=True,
    )
    assert [r.id for r in said.routes] == ["immediate-danger", "red"]
    assert plan.calls is not None
    ids = [c.contact.id for c in plan.calls.calls]
    assert len(ids) == len(set(ids))
    assert ids[:3] == ["emergency-999", "emergency-duty-team", "compass"]
    assert plan.calls.lead is not None and plan.calls.lead.role == Role.OUT_OF_HOURS


def test_case_plan_answers_raise_the_level(minimal: Pack) -> None:
    criterion = minimal.criteria[0]
    plan = plan_case(
        minimal,
        age=None,
        band_id=minimal.bands[0].id,
        developmental_band=None,
        chosen_ids=[],
        answers={criterion.id: Answer.YES},
        not_listed=True,
        now=WEDNESDAY_11AM,
    )
    assert plan.suggestion.level == criterion.raises_to
    assert plan.dropped_notice is None


def test_helplines_plan_says_what_is_shown_and_who_answers_now(shipped: Pack) -> None:
    plan = plan_helplines(shipped, Audience.YOUNG_PEOPLE, [ChannelKind.PHONE], FRIDAY_1730)
    assert plan.shown == (
        f"Showing {len(plan.entries)} of {len(shipped.contacts)} entries: for young people, reachable by phone."
    )
    assert not plan.empty
    assert plan.calls.lead is not None and plan.calls.lead.contact.id == "emergency-duty-team"
    everyone = plan_helplines(shipped, None, [], WEDNESDAY_11AM)
    assert len(everyone.entries) == len(shipped.contacts)
    assert everyone.calls.lead is not None and everyone.calls.lead.contact.id == "compass"


def test_audience_anyone_from_a_link_means_everyone() -> None:
    assert audience_from_link(Audience.ANYONE) is None
    assert audience_from_link(None) is None
    assert audience_from_link(Audience.PROFESSIONALS) == Audience.PROFESSIONALS


def test_about_plan(shipped: Pack, minimal: Pack) -> None:
    about = plan_about(shipped)
    assert about.reviewed == f"{shipped.info.last_reviewed.day} {shipped.info.last_reviewed:%B %Y}"
    assert len(about.warnings) == len(shipped.warnings) > 1
    assert about.warnings_sentence.startswith(f"The content checker noted {len(shipped.warnings)} things")
    assert about.warnings_label == f"Show the {len(shipped.warnings)} warnings"
    assert plan_about(minimal).warnings_sentence == "The content checker found nothing to look at in this pack."
