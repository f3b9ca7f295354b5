"""The pages as a person reads them: Look up, Search, Helplines and About, driven through AppTest.

Most tests run against the minimal pack in tests/fixtures; those that need real wording
(band labels, the Compass number, the image-sharing descriptors) run against the shipped pack.
Time is fixed through the app's one clock (TRAFFIC_LIGHT_NOW); tests/conftest.py pins it for every test.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from behaviours.answers.finding import search
from behaviours.contacts.directory import filter_contacts
from behaviours.contacts.hours import UK
from behaviours.core.clock import NOW_ENV
from behaviours.pack.loader import PACK_ENV, load_pack
from behaviours.pack.model import Audience, ChannelKind, Status
from behaviours.pack.pack import Pack
from behaviours.wording.levels import LEVEL_COLOUR
from tests.helpers import markdown_body, open_page, visible_text

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = ROOT / "tests" / "fixtures" / "packs" / "minimal"
SHIPPED = ROOT / "behaviours" / "content"
TODAY = dt.date(2026, 12, 6)

COMPASS = "0345 678 9021"
OUT_OF_HOURS = "0345 678 9040"
SCRIPT = "<script>alert(1)</script>"
HUGE = "9" * 10_240
MONDAY_10AM = dt.datetime(2026, 12, 7, 10, 0, tzinfo=UK)
SUNDAY_NOON = dt.datetime(2026, 12, 6, 12, 0, tzinfo=UK)
UNESCAPED_TAG = re.compile(r"(?<!\\)<\s*/?\s*script", re.IGNORECASE)
TEXT_KINDS = {"markdown", "caption", "title", "header", "subheader", "info", "warning", "error", "success"}

OpenPage = Callable[..., AppTest]


# ------------------------------------------------------------------ fixtures and helpers


@pytest.fixture
def minimal(monkeypatch: pytest.MonkeyPatch) -> Pack:
    monkeypatch.setenv(PACK_ENV, str(MINIMAL))
    return load_pack(MINIMAL, today=TODAY)


@pytest.fixture
def shipped(monkeypatch: pytest.MonkeyPatch) -> Pack:
    monkeypatch.delenv(PACK_ENV, raising=False)
    return load_pack(SHIPPED, today=TODAY)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Callable[[dt.datetime], None]:
    """Fix the UK time every page and renderer sees."""

    def set_time(when: dt.datetime) -> None:
        monkeypatch.setenv(NOW_ENV, when.isoformat())

    return set_time


def read(at: AppTest) -> str:
    """What a person reads: the visible text without Markdown's bold and italic marks."""
    return visible_text(at).replace("*", "")


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def texts_in_order(node: object) -> Iterator[tuple[str, str]]:
    """(kind, words) for each text element under ``node``, in reading order."""
    for element in node:  # type: ignore[attr-defined]
        if getattr(element, "type", None) in TEXT_KINDS and isinstance(element.value, str):
            yield element.type, unescape(markdown_body(element.value))


def sections(at: AppTest) -> list[tuple[str, str, str]]:
    """The main area cut at each '###' heading: (the band heading above it, the heading, the text under it)."""
    found: list[tuple[str, str, list[str]]] = []
    band = ""
    for kind, words in texts_in_order(at.main):
        if kind == "header":
            band = words
            found.append((band, "", []))
        elif kind == "markdown" and words.startswith("### "):
            # A card may be one Markdown block: its first line is the heading, the rest its text.
            heading, _, rest = words.partition("\n")
            found.append((band, heading, [rest] if rest.strip() else []))
        elif found:
            found[-1][2].append(words)
    return [(b, heading, "\n".join(body)) for b, heading, body in found if heading]


def result_cards(at: AppTest) -> list[str]:
    """The search's result cards, best first: each opens with its level in words, then "Do now"."""
    return [unescape(m.value) for m in at.main.markdown if "**Do now:**" in m.value]


def level_sections(at: AppTest, word: str) -> list[str]:
    """The text of every level card whose heading starts with the level's word, e.g. 'Red'."""
    return [body for _, heading, body in sections(at) if f"**{word}:" in heading]


def raw_text(at: AppTest) -> str:
    """The Markdown source of every text element, before unescaping: what the browser is sent."""
    return "\n".join(str(e.value) for kind in TEXT_KINDS for e in getattr(at, kind))


def notices(at: AppTest) -> str:
    return "\n".join(unescape(str(e.value)) for e in at.main.info)


# ------------------------------------------------------------------ every page, every parameter: bad input


HOSTILE = [
    ("lookup", "age", "-3", "“-3” is not an age in whole years"),
    ("lookup", "age", "abc", "“abc” is not an age in whole years"),
    ("lookup", "age", HUGE, "is not an age in whole years"),
    ("lookup", "age", SCRIPT, f"“{SCRIPT}” is not an age in whole years"),
    ("lookup", "band", "nope", "There is no age band “nope”"),
    ("lookup", "band", HUGE, "There is no age band"),
    ("lookup", "band", SCRIPT, f"There is no age band “{SCRIPT}”"),
    ("lookup", "level", "purple", "“purple” is not a level"),
    ("lookup", "level", HUGE, "is not a level"),
    ("lookup", "level", SCRIPT, f"“{SCRIPT}” is not a level"),
    ("search", "q", HUGE, "The search was shortened to its first 200 characters."),
    ("helplines", "audience", "nope", "“nope” is not an audience"),
    ("helplines", "audience", HUGE, "is not an audience"),
    ("helplines", "audience", SCRIPT, f"“{SCRIPT}” is not an audience"),
]


@pytest.mark.parametrize(
    ("page", "name", "value", "expected"),
    HOSTILE,
    ids=[f"{p}-{n}-{'huge' if v == HUGE else v[:10]}" for p, n, v, _ in HOSTILE],
)
def test_a_bad_parameter_gives_a_notice_and_a_working_page(
    minimal: Pack, page: str, name: str, value: str, expected: str
) -> None:
    at = open_page(page, **{name: value})
    assert expected in notices(at)
    # A huge value is never repeated whole: the notice quotes at most a short piece of it.
    assert len(notices(at)) < 500
    assert name not in at.query_params, "the link's parameter is removed from the address bar"
    assert at.title[0].value  # the page itself still shows


@pytest.mark.parametrize(
    ("page", "name"),
    [("lookup", "age"), ("lookup", "band"), ("lookup", "level"), ("search", "q"), ("helplines", "audience")],
)
def test_script_in_a_parameter_is_shown_as_text_never_as_html(minimal: Pack, page: str, name: str) -> None:
    at = open_page(page, **{name: SCRIPT})
    assert SCRIPT in read(at), "the reader sees exactly what the link said"
    assert not UNESCAPED_TAG.search(raw_text(at)), "the browser is sent it escaped, so it cannot become an element"
    # The only HTML is the app's own (the frame's stylesheet, a jump link's target); a parameter never becomes HTML.
    for element in at.get("html"):
        body = element.proto.body
        assert "<script" not in body.lower() and SCRIPT not in body


def test_about_ignores_parameters_it_does_not_use(minimal: Pack) -> None:
    at = open_page("about", q=SCRIPT, age=HUGE)
    assert not UNESCAPED_TAG.search(raw_text(at))
    assert "About this tool" in read(at)


# ------------------------------------------------------------------ look up


def test_lookup_age_9_shows_both_shipped_bands_with_compass_and_999(shipped: Pack) -> None:
    at = open_page("lookup", age="9")
    headers = [h.value for h in at.main.header]
    assert [unescape(h) for h in headers] == ["Ages 5 to 9", "Ages 9 to 13"]
    assert "Age 9 sits on the boundary between two bands" in notices(at)
    amber, red = level_sections(at, "Amber"), level_sections(at, "Red")
    assert len(amber) == 2 and len(red) == 2, "one amber and one red card per band"
    # Who to call is said once, in full, below the cards (issue 24.5); each card points there.
    for card in amber + red:
        assert "[Who to call](#who-to-call)" in card
        assert COMPASS not in card, "the cards do not repeat who to call"
    who = [
        markdown_body(str(m.value))
        for m in at.main.markdown
        if markdown_body(str(m.value)).startswith("## Who to call")
    ]
    assert len(who) == 1 and COMPASS in who[0]
    assert "Immediate danger: call [999](tel:999)" in at.markdown[1].value, "999 stays in the frame's line"
    assert "age" not in at.query_params


def test_lookup_age_9_on_the_minimal_pack_shows_its_boundary_bands(minimal: Pack) -> None:
    at = open_page("lookup", age="9")
    assert [unescape(h.value) for h in at.main.header] == ["Ages 0 to 9", "Ages 9 to 17"]
    assert at.number_input(key="lookup_age").value == 9


def test_lookup_age_19_shows_the_adult_notice_and_the_oldest_band_as_a_guide(minimal: Pack) -> None:
    at = open_page("lookup", age="19")
    text = read(at)
    assert minimal.info.adult_note in text
    assert "Ages 9 to 17 (a guide only, for vulnerable young adults)" in text
    assert "Adult safeguarding." in text  # the adult route


def test_lookup_age_abc_keeps_the_age_empty_and_offers_the_bands(minimal: Pack) -> None:
    at = open_page("lookup", age="abc")
    assert "“abc” is not an age in whole years. Enter a whole number from 0 to 25." in notices(at)
    assert at.number_input(key="lookup_age").value is None
    assert [b.label for b in at.main.button] == ["Ages 0 to 9", "Ages 9 to 17"]


def test_lookup_level_red_shows_red_only(minimal: Pack) -> None:
    at = open_page("lookup", band="0-9", level="red")
    text = read(at)
    assert "Red: act today" in text
    assert "Green:" not in text
    assert "Amber:" not in text
    assert "level" not in at.query_params and "band" not in at.query_params


def test_lookup_band_5_9_shows_that_band_only(shipped: Pack) -> None:
    at = open_page("lookup", band="5-9")
    assert [unescape(h.value) for h in at.main.header] == ["Ages 5 to 9"]
    band = shipped.band("5-9")
    assert band is not None
    text = read(at)
    for behaviour in band.behaviours:
        assert behaviour.text in text, behaviour.id


def test_lookup_age_and_band_that_disagree_say_so(minimal: Pack) -> None:
    at = open_page("lookup", age="5", band="9-17")
    assert "Ages 9 to 17 does not include age 5, so the bands for age 5 are shown." in notices(at)
    assert [unescape(h.value) for h in at.main.header] == ["Ages 0 to 9"]


def test_lookup_typed_age_never_reaches_the_address_bar(minimal: Pack) -> None:
    at = open_page("lookup")
    at.number_input(key="lookup_age").set_value(12).run()
    assert [unescape(h.value) for h in at.main.header] == ["Ages 9 to 17"]
    assert dict(at.query_params) == {}


# ------------------------------------------------------------------ search


def test_search_sexting_finds_the_image_sharing_descriptors(shipped: Pack) -> None:
    at = open_page("search", q="sexting")
    text = read(at)
    hits = search(shipped, "sexting")
    assert hits
    for hit in hits:
        assert hit.behaviour.text in text, hit.behaviour.id
    assert any("images" in hit.behaviour.text for hit in hits)
    # Content 2.1's wording of the 9-13 own-image item.
    assert "A child takes a nude or semi-nude picture of themselves and sends it to a child of a similar age" in text
    assert at.text_input(key="search_q").value == "sexting"
    assert "q" not in at.query_params


def test_search_results_are_one_ranked_list_each_with_band_and_level_in_words(shipped: Pack) -> None:
    at = open_page("search", q="older boyfriend")
    text = read(at)
    hits = search(shipped, "older boyfriend")
    # The best match leads, whatever its band or level: the much older partner, not a green relationship item.
    assert hits[0].behaviour.id.endswith("much-older-partner")
    cards = result_cards(at)
    assert len(cards) == len(hits)
    for card, hit in zip(cards, hits, strict=True):
        assert card.startswith(
            f":{LEVEL_COLOUR[hit.behaviour.level]}-background[**{shipped.level_label(hit.behaviour.level)}:"
        )
        assert unescape(hit.band.label) in card and hit.behaviour.text in card
    assert re.search(r"\d+ behaviours? in \d+ age bands? for “older boyfriend”", text)
    # Who to call is said once, below the results, with the front door and 999.
    assert text.count("Who to call") >= 1 and COMPASS in text and "999" in text


def test_search_with_an_age_link_shows_that_age_s_level_and_law_and_leaves_the_url(shipped: Pack) -> None:
    at = open_page("search", q="similar age sexual activity", age="16")
    assert at.number_input(key="search_age").value == 16
    assert dict(at.query_params) == {}
    text = read(at)
    ranked = result_cards(at)
    assert ranked and all("Ages 13 to 17" in line for line in ranked)
    item = next(line for line in ranked if "similar age and understanding" in line)
    assert "Green" in item and "at age 16" in item  # listed amber, green at 16
    assert "for “similar age sexual activity” at age 16" in text
    at14 = open_page("search", q="sexting", age="14")
    law = shipped.law_note("indecent-images")
    # The image law's key rule and the image rule are on the item itself, with no switch.
    assert law is not None and law.key_rule and law.key_rule in unescape(read(at14)), "the image law on the item"
    assert "never view, copy, share or save" in read(at14).lower()


def test_search_with_a_bad_age_link_says_so_and_searches_every_age(shipped: Pack) -> None:
    at = open_page("search", q="sexting", age="abc")
    assert "“abc” is not an age in whole years" in notices(at)
    assert at.number_input(key="search_age").value is None
    assert len({unescape(b.label) for b in shipped.bands} & set(re.findall(r"Ages \d+ to \d+", read(at)))) >= 3


def test_the_age_box_narrows_the_search_without_touching_the_url(shipped: Pack) -> None:
    at = open_page("search", q="sexting")
    at.number_input(key="search_age").set_value(7).run()
    ranked = result_cards(at)
    assert ranked and all("Ages 5 to 9" in line for line in ranked)
    assert dict(at.query_params) == {}


def test_a_misspelt_search_says_what_it_searched_for_instead(shipped: Pack) -> None:
    at = open_page("search", q="masterbating")
    assert "No behaviour uses “masterbating”; showing results for “masturbating”." in notices(at)
    assert "masturbates in private" in read(at)


def test_no_hits_at_an_age_offers_every_age_and_the_case_discussion(shipped: Pack) -> None:
    # 9-13 and 13-17 only (sextortion is in 5-9 since pack 2.1).
    at = open_page("search", q="trafficking", age="6")
    text = read(at)
    assert "Nothing matched “trafficking” at age 6" in text
    assert "match these words at other ages" in text
    assert any("case discussion" in p.label for p in at.main.get("page_link"))
    at.button(key="search_every_age").click().run()
    assert at.number_input(key="search_age").value is None
    assert "arranged to travel" in read(at) and "Nothing matched" not in read(at)


def test_search_offers_the_results_as_a_table(minimal: Pack) -> None:
    at = open_page("search", q="sharing")
    assert "Show as a table" in [e.label for e in at.expander]
    table = at.dataframe[0].value
    assert list(table.columns) == ["Age band", "Level", "What it can look like"]
    assert sorted(table["Age band"]) == ["Ages 0 to 9", "Ages 9 to 17"]
    assert set(table["Level"]) == {"Red"}


def test_search_with_no_match_says_what_to_try_and_lists_the_criteria(minimal: Pack) -> None:
    at = open_page("search", q="zzzz")
    text = read(at)
    assert "Nothing matched “zzzz”" in text
    assert "Other words, or fewer of them" in text
    assert "Browse the whole age band in Look up" in text
    assert minimal.not_listed in text
    for criterion in minimal.criteria:
        assert f"{criterion.name}: {criterion.question}" in text, criterion.id
    assert "Not listed" in text  # the not-listed route
    links = [p.label for p in at.main.get("page_link")]
    assert "Browse an age band in Look up" in links
    assert any("case discussion" in label for label in links), "never a dead end: the case discussion is offered"


def test_search_with_no_words_gives_a_hint_and_example_buttons_that_fill_the_box(minimal: Pack) -> None:
    at = open_page("search")
    assert "Search with everyday words" in read(at)
    examples = [b.label for b in at.main.button]
    assert examples == ["sexting", "questions", "touching", "sharing"]
    at.main.button[examples.index("touching")].click().run()
    assert at.text_input(key="search_q").value == "touching"
    assert "Touching that carries on after being redirected." in read(at)
    assert dict(at.query_params) == {}


def test_typed_search_words_never_reach_the_address_bar(minimal: Pack) -> None:
    at = open_page("search")
    at.text_input(key="search_q").input("nudes").run()
    assert "Sharing nude images of others." in read(at)
    assert dict(at.query_params) == {}


# ------------------------------------------------------------------ helplines


def card_text(at: AppTest) -> dict[str, str]:
    """Each directory card's name and everything written on it."""
    return {heading.removeprefix("### "): body for _, heading, body in sections(at)}


STATUS_WORDS = {Status.VERIFIED: "Verified", Status.UNVERIFIED: "Unverified", Status.OUTDATED: "Outdated"}


def test_helplines_lists_every_contact_with_its_status_in_words(shipped: Pack) -> None:
    at = open_page("helplines")
    cards = card_text(at)
    assert list(cards) == [c.name for c in filter_contacts(shipped)], "every entry, local first"
    for contact in shipped.contacts:
        assert STATUS_WORDS[contact.status] in cards[contact.name], contact.id
        assert "Report a problem with this entry" in cards[contact.name], contact.id


def test_helplines_every_status_word_on_the_minimal_pack(minimal: Pack) -> None:
    cards = card_text(open_page("helplines"))
    assert set(cards) == {c.name for c in minimal.contacts}
    assert all("Verified 1 November 2026" in body for body in cards.values())


def test_helplines_for_young_people_narrows_the_list(shipped: Pack) -> None:
    at = open_page("helplines", audience="young-people")
    cards = card_text(at)
    assert "Childline" in cards
    assert "Stop CSE / NWG Network" not in cards, "for professionals only"
    assert "PACE (Parents Against Child Exploitation)" not in cards, "for parents only"
    assert "Compass (Shropshire Council)" in cards, "Compass is for anyone, so it shows under every audience"
    assert at.radio(key="helplines_audience").value == Audience.YOUNG_PEOPLE.value
    assert "for young people" in read(at)
    assert "audience" not in at.query_params


def test_helplines_bad_audience_shows_everyone(minimal: Pack) -> None:
    at = open_page("helplines", audience="teachers")
    assert "“teachers” is not an audience" in notices(at)
    assert set(card_text(at)) == {c.name for c in minimal.contacts}


def test_helplines_channel_filter(shipped: Pack) -> None:
    at = open_page("helplines")
    at.pills(key="helplines_channels").set_value([ChannelKind.TEXT.value]).run()
    expected = {c.name for c in shipped.contacts if any(ch.kind == ChannelKind.TEXT for ch in c.channels)}
    assert expected, "the shipped pack has services you can text"
    assert set(card_text(at)) == expected
    assert "reachable by text message" in read(at)


def test_helplines_says_compass_is_open_in_office_hours(shipped: Pack, clock: Callable[[dt.datetime], None]) -> None:
    clock(MONDAY_10AM)
    text = read(open_page("helplines"))
    assert "Compass is open now, until 5pm: call Compass on" in text
    assert "UK time and England's bank holidays" in text


def test_helplines_says_whom_to_call_when_compass_is_closed(
    shipped: Pack, clock: Callable[[dt.datetime], None]
) -> None:
    clock(SUNDAY_NOON)
    at = open_page("helplines")
    assert f"Compass is closed now: call Emergency Social Work Team on [{OUT_OF_HOURS}](tel:+443456789040)." in read(at)
    assert "tel:+443456789040" in raw_text(at)


def test_helplines_lists_local_documents_with_safe_links(shipped: Pack) -> None:
    at = open_page("helplines")
    text = read(at)
    assert "Local documents" in text
    for resource in shipped.resources:
        assert resource.title in text, resource.id
    assert "javascript:" not in raw_text(at).lower()


# ------------------------------------------------------------------ about


def test_about_shows_the_pack_credit_privacy_and_accessibility(minimal: Pack) -> None:
    text = read(open_page("about"))
    info = minimal.info
    assert f"Version: {info.version}" in text
    assert "Last reviewed: 1 November 2026" in text
    assert info.credit.framework in text
    assert info.credit.licence in text
    assert "It is not Brook's Sexual Behaviours Traffic Light Tool" in text
    assert "Privacy" in text and "Nothing you type is stored" in text
    assert "WCAG) 2.2 at level AA" in text
    assert "PDF handouts are tagged PDFs (PDF/UA)" in text
    assert "Noto Sans (SIL Open Font License 1.1)" in text
    assert "mailto:editor@example.org" in text
    assert "The content checker found nothing to look at in this pack." in text


def test_about_points_to_the_offline_reference_and_offers_it_as_a_zip() -> None:
    at = open_page("about")
    assert not at.exception
    assert "served beside the tool at [/offline/](/offline/)" in read(at)  # the link opens what it shows
    assert "Download the offline reference (zip)" in [button.label for button in at.download_button]


def test_about_reference_sections_have_the_law_and_criteria(minimal: Pack) -> None:
    text = read(open_page("about"))
    for note in minimal.law:
        assert note.title in text and note.source in text, note.id
    for criterion in minimal.criteria:
        assert criterion.question in text, criterion.id


def test_about_lists_the_shipped_packs_warnings(shipped: Pack) -> None:
    at = open_page("about")
    text = read(at)
    assert shipped.info.about and shipped.info.about in text
    assert shipped.warnings, "the shipped pack has unverified contacts"
    assert f"The content checker noted {len(shipped.warnings)} things" in text
    for problem in shipped.warnings:
        assert problem.message in text


# ------------------------------------------------------------------ who to call now (issue 15)

FRIDAY_1730 = dt.datetime(2026, 12, 11, 17, 30, tzinfo=UK)  # after the pack's last check dates (6 December)
CHRISTMAS_DAY = dt.datetime(2026, 12, 25, 11, 0, tzinfo=UK)
WEDNESDAY_11AM = dt.datetime(2026, 12, 9, 11, 0, tzinfo=UK)


def _first_number(text: str) -> str:
    """The first of the two local numbers the text names."""
    found = re.search(r"0345 678 90(21|40)", text)
    assert found, text
    return found.group(0)


@pytest.mark.parametrize(
    ("when", "reopens"),
    [(FRIDAY_1730, "Monday 14 December 2026 at 9am"), (CHRISTMAS_DAY, "Tuesday 29 December 2026 at 9am")],
    ids=["friday-1730", "christmas-day"],
)
def test_when_compass_is_closed_the_out_of_hours_number_comes_first_everywhere(
    shipped: Pack, clock: Callable[[dt.datetime], None], when: dt.datetime, reopens: str
) -> None:
    clock(when)
    # A practitioner with a 4-year-old's red behaviour.
    at = open_page("lookup", age="4", level="red")
    bar, top_line = at.markdown[0].value, at.markdown[1].value
    assert "Immediate danger: call [999](tel:999)" in top_line
    # The call bar that stays on screen: 999, then whoever answers now (the out-of-hours team).
    assert bar.startswith("[Emergency: 999](tel:999) ")
    assert bar.endswith(f"[Emergency Social Work Team: {OUT_OF_HOURS}](tel:+443456789040)")
    assert _first_number(top_line) == OUT_OF_HOURS
    assert f"Compass ([{COMPASS}](tel:+443456789021)) reopens {reopens}" in top_line
    # Said once on the page (issue 24.5): the sidebar no longer repeats who to call.
    sidebar = " ".join(str(m.value) for m in at.sidebar.markdown)
    assert "0345" not in sidebar and "Worried about a child" not in sidebar
    # The red card says what to do and points to the page's one "Who to call", which leads with the
    # out-of-hours team (issue 24.5: said once per page, not in every card).
    red_card = next(str(m.value) for m in at.markdown if "Red: act today" in str(m.value))
    assert "[Who to call](#who-to-call)" in red_card and "0345" not in red_card
    who = next(
        markdown_body(str(m.value))
        for m in at.main.markdown
        if markdown_body(str(m.value)).startswith("## Who to call")
    )
    assert _first_number(who) == OUT_OF_HOURS
    assert who.count(f"tel:+44{OUT_OF_HOURS.replace(' ', '')[1:]}") >= 1
    # The red route's list names Compass and the out-of-hours team once each (the page's one "every step"
    # switch holds each level's route under the level in words; only red is shown here).
    (steps,) = [e for e in at.main.expander if e.label == "Every step and contact, level by level"]
    route_text = "\n".join(str(m.value) for m in steps.markdown)
    assert route_text.startswith("### Red: act today\n")
    route_list = route_text[route_text.index("*The route out*") :]
    assert route_list.count("**Compass (Shropshire Council)**") == 1
    assert route_list.count("**Emergency Social Work Team (out of hours)**") == 1
    assert route_list.index("Emergency Social Work Team (out of hours)") < route_list.index("Compass (Shropshire")

    helplines = open_page("helplines")
    lead = helplines.warning[0].value
    assert _first_number(lead) == OUT_OF_HOURS
    assert f"Compass ([{COMPASS}](tel:+443456789021)) reopens {reopens}" in lead


def test_in_office_hours_compass_comes_first(shipped: Pack, clock: Callable[[dt.datetime], None]) -> None:
    clock(WEDNESDAY_11AM)
    at = open_page("lookup", age="4", level="red")
    assert at.markdown[0].value == f"[Emergency: 999](tel:999) [Compass: {COMPASS}](tel:+443456789021)"
    assert _first_number(at.markdown[1].value) == COMPASS
    who = next(
        markdown_body(str(m.value))
        for m in at.main.markdown
        if markdown_body(str(m.value)).startswith("## Who to call")
    )
    assert _first_number(who) == COMPASS
    assert _first_number(open_page("helplines").success[0].value) == COMPASS


def test_contact_lines_do_not_repeat_the_name(shipped: Pack) -> None:
    at = open_page("lookup", age="4", level="green")
    text = read(at)
    assert "NSPCC helpline: NSPCC helpline" not in text
    assert "NSPCC helpline" in text
