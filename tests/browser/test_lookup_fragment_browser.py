"""The look-up page's inputs and answer redraw as one fragment (issue 17): in real Chromium, every change
inside it (age, band, developmental age, level filter, "Show what to consider") must leave the page
showing the new answer and nothing of the old one, while the frame outside it (the call bar, the
sidebar's pack footer) stays.

What the page should show is worked out from the shipped pack with the same behaviours functions the
page uses (plan_lookup, answer_counts, answer_summary, boundary_differences), and what it does show is
read from the page itself: the band headings, the summary's links and counts, and the descriptors
listed under each level heading, counted card by card."""

from __future__ import annotations

import re
from typing import Any

import pytest

from behaviours import Level, Pack
from behaviours.answers.cards import item_card, law_groups
from behaviours.answers.lookup import (
    SERIOUS_FIRST,
    LookupPlan,
    answer_counts,
    answer_summary,
    boundary_differences,
    law_for_item,
    plan_lookup,
)
from behaviours.contacts.directory import emergency_contacts, first_phone, front_door
from behaviours.wording.levels import level_heading

from .harness import expect, open_app, wait_for_app
from .page_checks import EFFECT_TIMEOUT_MS, shipped_pack, shown_after_action

AGE = "Child's age in years"
DEV_AGE = "Developmental age (if different)"
BAND = "Or choose an age band"
BOUNDARY = "Rated differently at age"
# The page's once-per-page sections, after the bands: not band headings.
SECTIONS = ("Who to call", "The law at this age")

# Everything the checks need from the page, read in one go once a run has finished:
# - bands: the band headings (h2) in the main area, in order;
# - summary: the summary's jump links, as (words, target);
# - cards: per level group (its anchor's id is band-<band>-<level>; other anchors, such as "who-to-call" and
#   the law notes', are not level groups), the group's headings and how many descriptors its lists hold
#   (a level's rows are in several lists, one per law group; top-level items only, the key rules and
#   "consider" lines sit inside each item);
# - stale: elements Streamlit still marks as left over from an earlier run.
READ_ANSWER_JS = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const words = el => el.innerText.replace(/\\s+/g, ' ').trim();
  const cards = [...main.querySelectorAll('.tlr-anchor')].filter(a => /^band-/.test(a.id)).map(anchor => {
    const group = anchor.closest('[data-testid="stElementContainer"]');
    const headings = group ? [...group.querySelectorAll('h3')].map(words) : [];
    const items = group ? group.querySelectorAll('ul > li').length : 0;
    return {id: anchor.id, headings, items};
  });
  return {
    bands: [...main.querySelectorAll('h2')].map(words),
    summary: [...main.querySelectorAll('.st-key-lookup_summary a')].map(a => [words(a), a.getAttribute('href')]),
    cards,
    stale: main.querySelectorAll('[data-stale="true"]').length,
  };
}"""


@pytest.fixture(scope="module")
def shipped() -> Pack:
    return shipped_pack()


def _plan(
    pack: Pack, age: int | None = None, band: str | None = None, level: Level | None = None, dev: int | None = None
) -> LookupPlan:
    return plan_lookup(pack, age, band, level, developmental_age=dev)


def _band_heading(plan: LookupPlan, band_id: str, label: str) -> str:
    band = next(b for b in plan.bands if b.id == band_id)
    note = plan.band_note(band)
    return f"{label} ({note})" if note else label


def _enter(page: Any, label: str, value: str) -> None:
    """Type into a number input and commit it with Enter, as a person does (the caller waits for the effect)."""
    field = page.get_by_label(label, exact=True)
    field.fill(value)
    field.press("Enter")


def _wait_for_answer(page: Any, pack: Pack, plan: LookupPlan) -> None:
    """Wait until the summary says this plan's answer (every sentence of it), then for the run to finish."""
    summary = page.locator(".st-key-lookup_summary")
    sentences = answer_summary(pack, plan)
    assert sentences, "a plan with bands has a summary"
    expect(summary, f"the summary for {sentences}").to_contain_text(sentences[0], timeout=EFFECT_TIMEOUT_MS)
    for sentence in sentences[1:]:
        expect(summary).to_contain_text(sentence)
    wait_for_app(page)


def _assert_frame_intact(page: Any, pack: Pack) -> None:
    """The call bar (999 and the front door, in office hours) and the sidebar's pack footer are still drawn."""
    bar = page.get_by_test_id("stMain").locator(".st-key-call_bar")
    for contact in emergency_contacts(pack):
        phone = first_phone(contact)
        if phone is not None:
            link = bar.get_by_role("link", name=f"Emergency: {phone.display}")
            expect(link, "the call bar keeps 999").to_be_visible()
            expect(link).to_have_attribute("href", phone.tel_uri)
    door = front_door(pack)
    door_phone = first_phone(door) if door is not None else None
    if door_phone is not None:
        expect(bar.get_by_role("link", name=re.compile(re.escape(door_phone.display)))).to_be_visible()
    footer = page.get_by_test_id("stSidebar").get_by_text(f"Content pack: {pack.info.name} {pack.info.version}")
    expect(footer, "the sidebar's pack footer is outside the fragment and stays").to_be_visible()


def _assert_answer(page: Any, pack: Pack, plan: LookupPlan) -> dict[str, Any]:
    """The page shows exactly this plan's answer: its bands and no other, the boundary section only at a
    boundary age, and for every card the same count in the summary, on the page and in the pack."""
    seen = page.evaluate(READ_ANSWER_JS)
    assert seen["stale"] == 0, f"{seen['stale']} element(s) left over from an earlier run"

    expected_bands = [_band_heading(plan, band.id, band.label) for band in plan.bands]
    band_headings = [h for h in seen["bands"] if not h.startswith(BOUNDARY) and h not in SECTIONS]
    assert band_headings == expected_bands, f"band headings {band_headings}, expected {expected_bands}"

    boundary = [h for h in seen["bands"] if h.startswith(BOUNDARY)]
    differences = boundary_differences(pack, plan.age) if plan.age is not None else []
    assert boundary == ([f"{BOUNDARY} {plan.age}"] if differences else []), seen["bands"]

    counts = answer_counts(pack, plan)
    expected = {c.anchor: c.count for c in counts}
    in_summary = {}
    for words, href in seen["summary"]:
        match = re.fullmatch(r"(.+) \((\d+)\)", words)
        assert match is not None, f"summary link {words!r}"
        in_summary[href.removeprefix("#")] = int(match[2])
    assert in_summary == expected, f"summary counts {in_summary}, expected from the pack {expected}"

    on_page = {card["id"]: card["items"] for card in seen["cards"]}
    assert list(on_page) == [c.anchor for c in counts], "cards run band by band, most serious first"
    assert on_page == in_summary, f"descriptors listed under each level heading {on_page}, summary says {in_summary}"
    for card, count in zip(seen["cards"], counts, strict=True):
        heading = level_heading(pack, count.level)
        assert card["headings"] and card["headings"][0].startswith(heading), (card["id"], card["headings"], heading)
    _assert_frame_intact(page, pack)
    return seen


@pytest.mark.timeout(150)
def test_a_run_of_ages_across_bands_redraws_the_answer_each_time(page, app_url, shipped):
    open_app(page, app_url, "/")
    previous: LookupPlan | None = None
    for age in (3, 7, 11, 15, 4):
        _enter(page, AGE, str(age))
        plan = _plan(shipped, age)
        _wait_for_answer(page, shipped, plan)
        _assert_answer(page, shipped, plan)
        if previous is not None:
            for band in previous.bands:
                if all(band.id != now.id for now in plan.bands):
                    expect(page.get_by_role("heading", name=band.label, exact=True)).to_have_count(0)
        previous = plan


@pytest.mark.timeout(150)
def test_boundary_ages_show_both_bands_and_what_they_rate_differently_until_the_age_moves_off(page, app_url, shipped):
    open_app(page, app_url, "/")
    main = page.get_by_test_id("stMain")
    for age in (5, 9, 13):
        _enter(page, AGE, str(age))
        plan = _plan(shipped, age)
        assert len(plan.bands) == 2, f"the shipped pack has two bands at {age}"
        _wait_for_answer(page, shipped, plan)
        _assert_answer(page, shipped, plan)
        section = main.locator(".st-key-lookup_boundary")
        differences = boundary_differences(shipped, age)
        if not differences:
            # Content 2.1 rates every theme alike in both bands at 5: nothing to set side by side.
            expect(section).to_have_count(0)
            continue
        expect(section.get_by_role("heading", name=f"{BOUNDARY} {age}", exact=True)).to_be_visible()
        for difference in differences:
            for rating in difference.ratings:
                expect(section).to_contain_text(rating.behaviour.text)

    _enter(page, AGE, "14")
    plan = _plan(shipped, 14)
    _wait_for_answer(page, shipped, plan)
    _assert_answer(page, shipped, plan)
    expect(main.locator(".st-key-lookup_boundary")).to_have_count(0)
    expect(main.get_by_text(re.compile(f"^{BOUNDARY}"))).to_have_count(0)


@pytest.mark.timeout(150)
def test_the_level_filter_shows_only_that_level_and_survives_a_change_of_age(page, app_url, shipped):
    open_app(page, app_url, "/")
    _enter(page, AGE, "7")
    _wait_for_answer(page, shipped, _plan(shipped, 7))

    levels = page.get_by_role("radiogroup", name="Show levels")
    levels.get_by_text(shipped.level_label(Level.RED), exact=True).click()
    plan = _plan(shipped, 7, level=Level.RED)
    _wait_for_answer(page, shipped, plan)
    seen = _assert_answer(page, shipped, plan)
    assert len(seen["cards"]) == 1
    main = page.get_by_test_id("stMain")
    for hidden in (Level.AMBER, Level.GREEN):
        expect(main.get_by_role("heading", name=level_heading(shipped, hidden))).to_have_count(0)

    # A new age inside the fragment keeps the filter: still red only, now for the new band.
    _enter(page, AGE, "11")
    plan = _plan(shipped, 11, level=Level.RED)
    _wait_for_answer(page, shipped, plan)
    _assert_answer(page, shipped, plan)
    expect(levels.get_by_role("radio", name=shipped.level_label(Level.RED))).to_be_checked()
    for hidden in (Level.AMBER, Level.GREEN):
        expect(main.get_by_role("heading", name=level_heading(shipped, hidden))).to_have_count(0)

    levels.get_by_text("All three", exact=True).click()
    plan = _plan(shipped, 11)
    _wait_for_answer(page, shipped, plan)
    seen = _assert_answer(page, shipped, plan)
    shown = [card["headings"][0] for card in seen["cards"]]
    wanted = [level_heading(shipped, level) for level in SERIOUS_FIRST]
    assert [next(w for w in wanted if h.startswith(w)) for h in shown] == wanted, shown


@pytest.mark.timeout(150)
def test_show_what_to_consider_adds_and_removes_the_notes_and_never_hides_the_law(page, app_url, shipped):
    age = 7
    (band,) = shipped.bands_for_age(age)
    item = next(
        b
        for level in SERIOUS_FIRST
        for b in shipped.behaviours(band, level, age=age)
        if b.consider and law_for_item(shipped, b, age)
    )
    # Each law's key rule is beside the item (its full text is once per page, in "The law at this age"):
    # on its row, or at the head of the rows that share it ("The law for the 3 below: ...").
    card = item_card(shipped, item, band, age)
    level_cards = [item_card(shipped, b, band, age) for b in shipped.behaviours(band, card.level, age=age)]
    group = next(g for g in law_groups(level_cards) if any(i.card.behaviour.id == item.id for i in g.items))
    row = next(i for i in group.items if i.card.behaviour.id == item.id)
    count = len(group.items)
    these = f"the {count} below" if count > 1 else "the one below"
    law = [f"The law for {these}{f' at {line.ages}' if line.ages else ''}: {line.rule}" for line in group.laws]
    law += [f"Law{f' at {line.ages}' if line.ages else ''}: {line.rule}" for line in row.laws]
    assert len(law) == len(card.laws) and law, "the item chosen has a law at this age, each key rule said once"
    consider = [f"Consider: {text}" for text in item.consider]

    def item_words() -> str:
        """The item's row and the head of its law group, if it has one."""
        entry = page.get_by_test_id("stMain").locator("li", has_text=item.text).first
        text = entry.evaluate(
            "li => { const head = li.parentElement.previousElementSibling;"
            " const said = head && head.tagName === 'P' && head.innerText.startsWith('The law for') ? head.innerText : '';"
            " return said + ' ' + li.innerText; }"
        )
        return re.sub(r"\s+", " ", text)

    open_app(page, app_url, "/")
    _enter(page, AGE, str(age))
    _wait_for_answer(page, shipped, _plan(shipped, age))
    words = item_words()
    for line in law:
        assert line in words, f"the law at the child's age shows with the switch off: {line!r} not in {words!r}"
    for line in consider:
        assert line not in words, f"what to consider is behind the switch: {line!r}"

    switch = page.get_by_text("Show what to consider", exact=True)
    switch.click()
    shown_after_action(page, page.get_by_text(item.consider[0], exact=False).first, "the switch adds the notes")
    words = item_words()
    for line in [*law, *consider]:
        assert line in words, f"{line!r} not in {words!r}"
    _assert_answer(page, shipped, _plan(shipped, age))

    switch.click()
    expect(page.get_by_text(item.consider[0], exact=False)).to_have_count(0, timeout=EFFECT_TIMEOUT_MS)
    wait_for_app(page)
    words = item_words()
    for line in law:
        assert line in words, f"switching the notes off took the law with them: {line!r}"
    assert not any(line in words for line in consider), words
    _assert_answer(page, shipped, _plan(shipped, age))


@pytest.mark.timeout(150)
def test_the_band_picker_clearing_and_a_developmental_age_each_redraw_the_answer(page, app_url, shipped):
    open_app(page, app_url, "/")
    main = page.get_by_test_id("stMain")
    _enter(page, AGE, "7")
    _wait_for_answer(page, shipped, _plan(shipped, 7))

    # A band chosen after an age replaces the age's band and empties the age.
    oldest = max(shipped.bands, key=lambda b: b.max_age)
    page.get_by_role("combobox", name=BAND).click()
    page.get_by_role("option", name=oldest.label, exact=True).click()
    plan = _plan(shipped, band=oldest.id)
    _wait_for_answer(page, shipped, plan)
    _assert_answer(page, shipped, plan)
    expect(page.get_by_label(AGE, exact=True)).to_have_value("")

    # An age typed after a band replaces it again.
    _enter(page, AGE, "10")
    plan = _plan(shipped, 10)
    _wait_for_answer(page, shipped, plan)
    _assert_answer(page, shipped, plan)
    expect(main.get_by_role("heading", name=oldest.label, exact=True)).to_have_count(0)

    # Clearing the age empties the answer and offers the bands to browse.
    _enter(page, AGE, "")
    shown_after_action(page, main.get_by_text("Choose an age band to browse it:"), "no age, no band: the picker")
    seen = page.evaluate(READ_ANSWER_JS)
    assert seen == {"bands": [], "summary": [], "cards": [], "stale": 0}, seen
    youngest = min(shipped.bands, key=lambda b: b.min_age)
    main.get_by_role("button", name=youngest.label, exact=True).click()
    plan = _plan(shipped, band=youngest.id)
    _wait_for_answer(page, shipped, plan)
    _assert_answer(page, shipped, plan)

    # A developmental age adds its band after the age's, labelled as shown for it, and read at that age:
    # at 13 the 9-13 band lists other counts than it would at 16 (the summary and the cards must agree).
    _enter(page, AGE, "16")
    _wait_for_answer(page, shipped, _plan(shipped, 16))
    _enter(page, DEV_AGE, "13")
    plan = _plan(shipped, 16, dev=13)
    assert list(plan.shown_for.values()) == ["Shown for developmental age 13"]
    (extra,) = (band for band in plan.bands if band.id in plan.shown_for)
    assert [len(shipped.behaviours(extra, lv, age=13)) for lv in Level] != [
        len(shipped.behaviours(extra, lv, age=16)) for lv in Level
    ], "the pack no longer rates the extra band differently at 13 and 16: pick other ages"
    _wait_for_answer(page, shipped, plan)
    _assert_answer(page, shipped, plan)

    # A developmental age whose band is already shown takes the extra band away again.
    _enter(page, DEV_AGE, "15")
    plan = _plan(shipped, 16, dev=15)
    assert not plan.shown_for and plan.notices
    shown_after_action(page, main.get_by_text(plan.notices[0]), "the notice that the band is already shown")
    _assert_answer(page, shipped, plan)
    expect(main.get_by_text("Shown for developmental age", exact=False)).to_have_count(0)
