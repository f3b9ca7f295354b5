"""The look-up gives the answer first (issue 15): a summary of what the answer holds with a link to
each level, red first; boundary ages side by side; a developmental age; clear words for odd ages.

Driven through AppTest against the shipped pack (real wording, real boundary differences).
"""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from behaviours.answers.lookup import BOUNDARY_ADVICE, boundary_differences
from behaviours.pack.loader import PACK_ENV, load_pack
from behaviours.pack.model import Level
from behaviours.pack.pack import Pack
from tests.helpers import SHIPPED_PACK, open_page, visible_text

HEADINGS = {Level.RED: "Red: act today", Level.AMBER: "Amber: take notice", Level.GREEN: "Green: healthy and expected"}


@pytest.fixture
def shipped(monkeypatch: pytest.MonkeyPatch) -> Pack:
    monkeypatch.delenv(PACK_ENV, raising=False)
    return load_pack(SHIPPED_PACK)


def markdown_sources(at: AppTest) -> list[str]:
    """Every Markdown block in the main area, in reading order."""
    return [str(m.value) for m in at.main.markdown]


def band_headers(at: AppTest) -> list[str]:
    return [re.sub(r"\\(.)", r"\1", h.value) for h in at.main.header]


def test_age_14_opens_with_a_summary_that_links_to_each_level_red_first(shipped: Pack) -> None:
    at = open_page("lookup", age="14")
    blocks = markdown_sources(at)
    summary = [i for i, b in enumerate(blocks) if b.startswith("**Age 14 (Ages 13 to 17): ")]
    assert len(summary) == 1
    counts = {level: len(shipped.behaviours("13-17", level, age=14)) for level in Level}
    text = blocks[summary[0]]
    assert (
        f"{counts[Level.RED]} red, {counts[Level.AMBER]} amber and {counts[Level.GREEN]} green behaviours listed, "
        "red first." in text
    )
    assert text.index("#band-13-17-red") < text.index("#band-13-17-amber") < text.index("#band-13-17-green")
    # The cards run most serious first, each after its jump target, and all after the summary.
    cards = [
        next(i for i, b in enumerate(blocks) if HEADINGS[level] in b) for level in (Level.RED, Level.AMBER, Level.GREEN)
    ]
    assert summary[0] < cards[0] < cards[1] < cards[2]
    # Each level's list opens with the target of its jump link (focusable by script, so the link moves focus
    # there), drawn as HTML inside that Markdown and in no element of its own.
    for index, lv in zip(cards, ("red", "amber", "green"), strict=True):
        assert blocks[index].startswith(f'<div id="band-13-17-{lv}" class="tlr-anchor tlr-level" tabindex="-1"></div>')
        assert at.main.markdown[index].proto.allow_html
    assert not [h for h in at.main.get("html") if 'id="band-' in str(h.proto.body)]


def test_the_how_to_line_gives_way_to_the_answer(shipped: Pack) -> None:
    how_to = "Enter the child's age, or choose an age band"
    assert how_to in visible_text(open_page("lookup"))
    assert how_to not in visible_text(open_page("lookup", age="14"))


# Since pack 2.1 every theme reads the same at 5 in both bands, so 9 and 13 carry a comparison.
@pytest.mark.parametrize("age", [9, 13])
def test_a_boundary_age_sets_the_differing_ratings_side_by_side_with_how_to_choose(shipped: Pack, age: int) -> None:
    at = open_page("lookup", age=str(age))
    assert [m for m in markdown_sources(at) if m.startswith("## Rated differently")] == [
        f"## Rated differently at age {age}"
    ]
    text = visible_text(at)
    assert BOUNDARY_ADVICE in text
    lines = text.replace("*", "").splitlines()
    first, second = shipped.bands_for_age(age)
    colour = {Level.RED: "red", Level.AMBER: "orange", Level.GREEN: "green"}
    for difference in boundary_differences(shipped, age):
        for rating in difference.ratings:
            wanted = f"{rating.band.label}: :{colour[rating.level]}-badge[{shipped.level_label(rating.level)}"
            assert any(line.startswith(wanted) and line.endswith(rating.behaviour.text) for line in lines), (
                difference.theme,
                rating.band.id,
            )
    # The comparison comes before both bands' cards.
    assert text.index(BOUNDARY_ADVICE) < text.index(HEADINGS[Level.RED])
    assert band_headers(at) == [first.label, second.label]


def test_an_age_inside_one_band_has_no_comparison(shipped: Pack) -> None:
    assert not any(m.startswith("## Rated differently") for m in markdown_sources(open_page("lookup", age="14")))


def test_a_developmental_age_shows_that_band_first_labelled_as_such(shipped: Pack) -> None:
    at = open_page("lookup", age="14")
    at.number_input(key="lookup_dev_age").set_value(7).run()
    assert not at.exception
    # Development first (issue 24.3): the developmental band leads, the age's band beside it, labelled.
    assert band_headers(at) == ["Ages 5 to 9 (Shown for developmental age 7)", "Ages 13 to 17 (For age 14 in years)"]
    text = visible_text(at)
    assert "Developmental age 7 (Ages 5 to 9): " in text
    assert "#band-5-9-red" in text
    assert dict(at.query_params) == {}, "nothing typed reaches the address bar"


@pytest.mark.parametrize("age", [26, 40])
def test_an_age_over_25_gets_words_and_the_adult_route_never_a_bare_outline(shipped: Pack, age: int) -> None:
    at = open_page("lookup")
    at.number_input(key="lookup_age").set_value(age).run()
    assert not at.exception
    assert at.number_input(key="lookup_age").value == age, "the input takes the number; the page says what is wrong"
    info = [i.value for i in at.main.info]
    assert any(f"Age {age} is outside what this tool covers (ages 0 to 25)" in i for i in info)
    text = visible_text(at)
    assert shipped.info.adult_note in text
    assert band_headers(at) == []


def test_a_negative_age_asks_for_a_whole_number(shipped: Pack) -> None:
    at = open_page("lookup")
    at.number_input(key="lookup_age").set_value(-3).run()
    assert not at.exception
    assert any("Enter the child's age as a whole number from 0 to 25" in i.value for i in at.main.info)


# ------------------------------------------------------------------ what was seen (issue 24.1, 24.2)


def test_words_from_a_link_answer_first_with_the_level_at_the_age_and_leave_the_address(shipped: Pack) -> None:
    at = open_page("lookup", age="14", q="sent a nude")
    assert dict(at.query_params) == {}, "the link's words are read once and leave the address bar"
    assert at.text_input(key="lookup_q").value == "sent a nude"
    blocks = markdown_sources(at)
    lead = next(i for i, b in enumerate(blocks) if b.startswith("**Best matches for “sent a nude” at this age"))
    first_card = blocks[lead + 1]
    # Level in words first, at the age; the behaviour; the one action; who to call by reference.
    assert re.match(r":(red|orange|green)-background\[\*\*(Red: act today|Amber: take notice)", first_card)
    assert "at age 14" in first_card.splitlines()[0]
    assert "**Do now:**" in first_card and "[Who to call](#who-to-call)" in first_card
    assert "*Law:* [A nude or sexual image of anyone under 18" in first_card
    assert "**Images:** never view, copy, share or save the image" in first_card
    summary = next(i for i, b in enumerate(blocks) if b.startswith("**Age 14 (Ages 13 to 17): "))
    assert lead < summary, "the matches come before the reference"


def test_the_full_law_text_is_on_the_page_once_and_who_to_call_once(shipped: Pack) -> None:
    at = open_page("lookup", age="14")
    page = "\n".join(markdown_sources(at)) + "\n".join(str(h.proto.body) for h in at.main.get("html"))
    note = shipped.law_note("indecent-images")
    assert note is not None
    assert page.count("Protection of Children Act 1978") == 1, "the full note once, in The law at this age"
    assert page.count(note.key_rule or "") >= 2, "its key rule on each card it concerns"
    assert page.count("## Who to call") == 1


def test_words_that_match_nothing_say_so_and_keep_the_reference(shipped: Pack) -> None:
    at = open_page("lookup", age="14", q="zzzzqqq")
    text = visible_text(at)
    assert "Nothing at this age matches “zzzzqqq”" in text
    assert band_headers(at) == ["Ages 13 to 17"]


def test_a_shared_law_says_it_is_for_the_behaviours_below_it() -> None:
    """The head of a law group sits between two groups of rows: it names the rows it covers ("the 5
    below"), so it cannot be read as the law of the rows above it."""
    at = open_page("lookup", age="14")
    text = "\n".join(str(block.value) for block in at.markdown)
    heads = re.findall(r"\*\*The law for (the \d+ below|the one below)\b", text)
    assert heads, "age 14 has behaviours that share a law"
    assert "The law for these" not in text and "The law for this" not in text
