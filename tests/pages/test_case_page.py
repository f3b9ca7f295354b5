"""The case discussion page: from behaviours and answers to a level, its route, and a note to copy or save."""

from __future__ import annotations

import base64
import html
import io

import pytest
from pypdf import PdfReader

from behaviours import Level, load_pack
from behaviours.answers.case import Answer
from behaviours.answers.finding import search
from tests.helpers import MINIMAL_PACK, SHIPPED_PACK, main_text, note_data, open_page

PAGE = "pages/case.py"
NUDE_IMAGES_ID = "13-17-amber-taking-or-sending-images"


@pytest.fixture
def minimal_pack(monkeypatch):
    monkeypatch.setenv("TRAFFIC_LIGHT_PACK", str(MINIMAL_PACK))


@pytest.fixture(scope="module")
def shipped():
    return load_pack(SHIPPED_PACK)


def pdf_words(data: bytes) -> str:
    return " ".join("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())


def answer_all(at, pack, answer):
    for criterion in pack.criteria:
        at.radio(key=f"case_crit_{criterion.id}").set_value(answer)
    return at.run()


# ------------------------------------------------------------------ the two "done when" cases (shipped pack)


def test_a_14_year_old_sending_nude_images_with_an_older_person_is_red_with_the_route_and_a_note(shipped):
    descriptor = next(
        h.behaviour for h in search(shipped, "nude images") if h.band.id == "13-17" and h.behaviour.id == NUDE_IMAGES_ID
    )
    at = open_page(PAGE)
    at.number_input(key="case_age").set_value(14).run()
    at.multiselect(key="case_behaviours").set_value([descriptor.id]).run()
    at.radio(key="case_crit_equality").set_value(Answer.YES).run()

    assert not at.exception
    text = main_text(at)
    assert "Red: act today" in text
    assert "Starts at Amber: the highest level among the behaviours chosen" in text
    assert "Raised to Red: Equality, answered yes" in text
    assert "This is a suggestion: professional judgement and local procedures decide." in text
    assert "0345 678 9021" in text
    # Red is not immediate danger: the 999 route is added only when the practitioner says so.
    assert "Immediate danger: call 999" not in text
    assert "Call 999 if anyone is in immediate danger. Call the police on 101" in text
    assert "West Mercia Police" in text
    # The note goes to the browser inside the page's own message: no download button, no media file.
    assert len(at.download_button) == 0
    data = note_data(at)
    assert data is not None and data["pdf"] == ""  # the PDF is made only when asked for
    note = data["text"]
    assert data["stem"].startswith("case-discussion-note-")
    assert descriptor.text in note
    assert "Suggested level: Red: act today" in note
    assert "0345 678 9021" in note
    assert "Answered yes: Equality\n" in note and "Is there a large difference" not in note
    assert "Immediate danger: call 999" not in note and "Emergency services on 999" not in note

    at.checkbox(key="case_danger").check().run()
    assert "Immediate danger: call 999" in main_text(at)
    danger_note = note_data(at)["text"]
    assert "Immediate danger: call 999:" in danger_note
    assert danger_note.index("Emergency services on 999") < danger_note.index("0345 678 9021")

    at.button(key="case_note_make_pdf").click().run()
    words = pdf_words(base64.b64decode(note_data(at)["pdf"]))
    assert descriptor.text in words
    assert "Red: act today" in words
    assert "0345 678 9021" in words


def test_a_7_year_old_with_only_green_behaviours_and_every_answer_no_is_green(shipped):
    greens = shipped.behaviours("5-9", Level.GREEN)[:3]
    at = open_page(PAGE)
    at.number_input(key="case_age").set_value(7).run()
    at.multiselect(key="case_behaviours").set_value([b.id for b in greens]).run()
    answer_all(at, shipped, Answer.NO)

    assert not at.exception
    text = main_text(at)
    guide = shipped.level_guide(Level.GREEN)
    assert f"{guide.label}: {guide.headline}" in text
    for step in guide.what_to_do:
        assert step in text
    assert "Every criterion was answered no, so the level stays at Green." in text
    assert "Red: act today" not in text
    assert "Information to gather" not in text


def test_red_for_a_child_under_13_cites_the_law(shipped):
    red = shipped.behaviours("9-13", Level.RED)[0]
    at = open_page(PAGE)
    at.number_input(key="case_age").set_value(10).run()
    at.multiselect(key="case_behaviours").set_value([red.id]).run()

    assert "The law: Children under 13 cannot consent." in main_text(at)


# ------------------------------------------------------------------ the page's behaviour (minimal pack)


def test_the_empty_page_warns_about_names_and_asks_for_behaviours(minimal_pack):
    at = open_page(PAGE)

    assert not at.exception
    text = main_text(at)
    assert "Do not type names or identifying details." in text
    assert "No level yet" in text
    assert "choose the behaviours you observed" in text
    assert len(at.download_button) == 0
    assert note_data(at) is None


def test_options_say_the_level_word_first(minimal_pack):
    at = open_page(PAGE)
    at.number_input(key="case_age").set_value(4).run()

    assert at.multiselect(key="case_behaviours").options == [
        "Red: Sharing nude images of others.",
        "Amber: Touching that carries on after being redirected.",
        "Green: Curious questions about bodies.",
    ]
    assert "Ages 0 to 9 is the band for age 4." in main_text(at)


def test_a_boundary_age_offers_both_bands_and_says_why(minimal_pack):
    at = open_page(PAGE)
    at.number_input(key="case_age").set_value(9).run()

    options = at.multiselect(key="case_behaviours").options
    assert "Red: Sharing nude images of others. (Ages 0 to 9)" in options
    assert "Red: Sharing nude images of others. (Ages 9 to 17)" in options
    assert "Age 9 sits on the boundary between two bands" in main_text(at)


def test_the_developmental_band_is_offered_with_the_note(minimal_pack):
    at = open_page(PAGE)
    at.number_input(key="case_age").set_value(15).run()
    at.toggle(key="case_dev").set_value(True).run()

    assert "Use developmental age." in main_text(at)
    at.selectbox(key="case_dev_band").set_value("0-9").run()

    text = main_text(at)
    assert "Ages 0 to 9 is shown too, because you said it fits the child's development" in text
    assert "Green: Curious questions about bodies. (Ages 0 to 9)" in at.multiselect(key="case_behaviours").options


def test_changing_the_band_takes_off_behaviours_from_the_old_one_and_says_so(minimal_pack):
    at = open_page(PAGE)
    at.number_input(key="case_age").set_value(4).run()
    at.multiselect(key="case_behaviours").set_value(["0-9-red-images"]).run()
    assert "Red: act today" in main_text(at)

    at.number_input(key="case_age").set_value(15).run()

    assert not at.exception
    assert at.multiselect(key="case_behaviours").value == []
    text = main_text(at)
    assert "1 behaviour(s) chosen earlier are not in the band(s) now shown" in text
    assert "No level yet" in text


def test_a_behaviour_not_listed_is_rated_with_the_criteria(minimal_pack):
    at = open_page(PAGE)
    at.number_input(key="case_age").set_value(6).run()
    at.checkbox(key="case_not_listed").check().run()

    text = main_text(at)
    assert "rate it with the criteria" in text
    assert "Not listed" in text  # the not-listed route
    assert text.count("Do not type names or identifying details.") == 2
    at.text_input(key="case_not_listed_text").input("drawings").run()
    at.radio(key="case_crit_coercion").set_value(Answer.YES).run()

    assert "Rated Red: Coercion, answered yes" in main_text(at)


def test_dont_know_and_unanswered_are_listed_to_gather(minimal_pack):
    at = open_page(PAGE)
    at.number_input(key="case_age").set_value(6).run()
    at.multiselect(key="case_behaviours").set_value(["0-9-amber-repeated"]).run()
    at.radio(key="case_crit_coercion").set_value(Answer.DONT_KNOW).run()

    text = main_text(at)
    assert "Amber: take notice" in text
    assert (
        "Coercion (don't know yet): Was there force, a threat, a bribe or a trick? A yes would make it at least Red."
        in text
    )
    assert "Persistence (not answered yet)" in text


def test_clear_everything_empties_the_page_at_once(minimal_pack):
    at = open_page(PAGE)
    at.number_input(key="case_age").set_value(6).run()
    at.multiselect(key="case_behaviours").set_value(["0-9-red-images"]).run()
    at.checkbox(key="case_not_listed").check().run()
    at.text_input(key="case_not_listed_text").input("something seen").run()
    at.radio(key="case_crit_coercion").set_value(Answer.YES).run()
    assert "Red: act today" in main_text(at)

    at.button(key="clear_case_bottom").click().run()

    assert not at.exception
    assert "case_not_listed_text" not in at.session_state
    assert at.number_input(key="case_age").value is None
    assert not at.multiselect, "with no age or band there is no behaviour list to show"
    assert "case_behaviours" not in at.session_state
    assert at.checkbox(key="case_not_listed").value is False
    assert at.radio(key="case_crit_coercion").value is None
    text = main_text(at)
    assert "No level yet" in text
    assert "Red: act today" not in text


def test_an_adult_age_shows_the_adult_note_and_route(minimal_pack):
    at = open_page(PAGE)
    at.number_input(key="case_age").set_value(20).run()
    at.multiselect(key="case_behaviours").set_value(["9-17-amber-repeated"]).run()

    text = main_text(at)
    assert "Adults are outside the bands." in text
    assert "Age 20 is 18 or over: adult safeguarding applies" in text
    assert "Adult safeguarding." in text


def test_the_note_is_shown_as_it_is_copied_and_follows_the_account_and_the_full_route(shipped):
    at = open_page(PAGE)
    at.number_input(key="case_age").set_value(15).run()
    at.multiselect(key="case_behaviours").set_value(["13-17-red-much-older-partner"]).run()
    short = note_data(at)["text"]
    srcdoc = next(e.proto.srcdoc for e in at.main.get("iframe"))
    # The frame shows the very text it copies (HTML-escaped inside its <pre>).
    assert html.escape(short, quote=False) in srcdoc
    assert [line for line in short.splitlines() if line in ("Concern", "Risk", "Action")] == [
        "Concern",
        "Risk",
        "Action",
    ]
    assert "Type of concern: Child sexual exploitation" in short
    assert "In your setting:" not in short

    at.text_area(key="case_account").input("She said he picks her up after school.\nHe bought her a phone.").run()
    with_account = note_data(at)["text"]
    assert "She said he picks her up after school.\nHe bought her a phone.\n" in with_account

    at.checkbox(key="case_full_route").check().run()
    full = note_data(at)["text"]
    assert "In your setting:" in full and "The route out:" in full
    assert "West Mercia Police on 101" in full and "West Mercia Police on 101" not in short
    assert len(full.split()) > len(with_account.split()) + 100


def test_html_typed_in_the_not_listed_box_stays_text_in_the_note(minimal_pack):
    typed = "<script>alert(1)</script> [x](javascript:alert(1))"
    at = open_page(PAGE)
    at.checkbox(key="case_not_listed").check().run()
    at.text_input(key="case_not_listed_text").input(typed).run()

    assert not at.exception
    # Typed text is data in the frame, never markup in it: it cannot end the data element.
    srcdoc = next(e.proto.srcdoc for e in at.main.get("iframe"))
    assert "<script>alert" not in srcdoc
    assert typed in note_data(at)["text"]


# ------------------------------------------------------------------ finding a behaviour with the search engine


def _offered(at) -> list[str]:
    """The labels of the "Add" buttons the find box offers, in order."""
    return [b.label for b in at.main.button if str(b.key or "").startswith("case_add_")]


def test_find_a_behaviour_uses_the_search_ranking_so_sextortion_never_offers_contraception(shipped):
    at = open_page(PAGE)
    at.number_input(key="case_age").set_value(14).run()
    at.text_input(key="case_find").input("sextortion").run()
    offered = _offered(at)
    expected = [h.behaviour for h in search(shipped, "sextortion", age=14)][:6]
    assert offered, "the box offers matches"
    assert offered[0].startswith("Add: Red: Someone threatens to share a young person's sexual images")
    assert [o.split(": ", 2)[2] for o in offered] == [b.text for b in expected], "the same order as Search"
    assert not any("contraception" in o for o in offered)


def test_find_a_behaviour_adds_the_chosen_match_to_the_list_and_the_suggestion(shipped):
    at = open_page(PAGE)
    at.number_input(key="case_age").set_value(14).run()
    at.text_input(key="case_find").input("sextortion").run()
    at.button(key="case_add_13-17-red-sextortion").click().run()
    assert at.multiselect(key="case_behaviours").value == ["13-17-red-sextortion"]
    assert at.button(key="case_add_13-17-red-sextortion").disabled
    assert at.button(key="case_add_13-17-red-sextortion").label.startswith("Added: ")
    assert "Red: act today" in main_text(at)
    assert dict(at.query_params) == {}


def test_find_a_behaviour_keeps_to_the_case_bands_and_says_what_it_corrected(shipped):
    at = open_page(PAGE)
    at.number_input(key="case_age").set_value(7).run()
    at.text_input(key="case_find").input("masterbating").run()
    offered = _offered(at)
    assert offered and all(b.id.startswith("5-9-") for b in [shipped.behaviour(k) for k in _offered_ids(at)])
    assert "No behaviour uses “masterbating”; showing results for “masturbating”." in main_text(at)


def test_find_a_behaviour_with_no_match_points_to_not_listed(shipped):
    at = open_page(PAGE)
    at.number_input(key="case_age").set_value(7).run()
    at.text_input(key="case_find").input("trafficking").run()
    assert _offered(at) == []
    assert "Nothing in the band(s) shown matches those words" in main_text(at)


def _offered_ids(at) -> list[str]:
    return [str(b.key).removeprefix("case_add_") for b in at.main.button if str(b.key or "").startswith("case_add_")]


def test_find_a_behaviour_shows_each_match_as_the_shared_card_with_its_add_button(shipped):
    at = open_page(PAGE)
    at.number_input(key="case_age").set_value(14).run()
    at.text_input(key="case_find").input("sextortion").run()
    text = main_text(at)
    # The card's head (the level at the age in words, then the one action), as on the look-up and search.
    assert "Red: act today** :material/report:] at age 14" in text
    assert "**Do now:** Protect the child now" in text
    # Its key rules and the image rule, with no link to sections this page does not have.
    assert "*Law:* Threatening to share a sexual image is a crime" in text
    assert "**Images:** never view, copy, share or save the image" in text
    assert "(#law-" not in text and "(#who-to-call)" not in text
    # The behaviour's words are the button's, said once.
    assert at.button(key="case_add_13-17-red-sextortion").label.startswith("Add: Red: Someone threatens to share")
    assert "**Someone threatens to share" not in text
