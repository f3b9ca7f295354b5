"""The training page as a trainer and trainees use it: a shared quiz, scenarios, and the facilitator view."""

from __future__ import annotations

import re

import pytest

from behaviours.pack.loader import load_pack
from behaviours.pack.model import Level
from behaviours.pack.pack import Pack
from tests.helpers import MINIMAL_PACK, open_page, visible_text

PAGE = "pages/training.py"


@pytest.fixture(scope="module")
def minimal() -> Pack:
    return load_pack(MINIMAL_PACK)


@pytest.fixture(scope="module")
def level_of_text(minimal: Pack) -> dict[str, str]:
    """Each descriptor's level, by its text."""
    return {b.text: b.level.value for b in minimal.all_behaviours}


@pytest.fixture(autouse=True)
def minimal_pack(monkeypatch, minimal_pack_dir):
    monkeypatch.setenv("TRAFFIC_LIGHT_PACK", str(minimal_pack_dir))


def open_training(**params: str):
    return open_page(PAGE, params)


def questions(at) -> list[str]:
    """Each question as a trainee reads it: its number, band and descriptor."""
    values = [str(m.value) for m in at.markdown]
    return [f"{value} {values[i + 1]}" for i, value in enumerate(values) if value.startswith("**Question ")]


def question_texts(at) -> list[str]:
    values = [str(m.value) for m in at.markdown]
    return [values[i + 1] for i, value in enumerate(values) if value.startswith("**Question ")]


def quiz_number_in(at) -> int:
    """The quiz number the page holds, whichever section is on screen."""
    return int(at.session_state["quiz_seed"])


def quiz_number(at) -> int | None:
    """The quiz number the "share this quiz" line gives."""
    found = re.search(r"Share this quiz:\*\* quiz number (\d+)\.", visible_text(at))
    return int(found.group(1)) if found else None


def answer_radios(at):
    return [radio for radio in at.radio if radio.label == "How would you rate this behaviour?"]


def reveal_buttons(at):
    return [button for button in at.button if button.label == "Reveal the answer"]


def rate_and_reveal(at, index: int, level: str | None):
    """Rate question (or scenario) ``index`` among those not yet revealed, then press its Reveal button."""
    if level is not None:
        answer_radios(at)[index].set_value(level)
    reveal_buttons(at)[index].click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


# ------------------------------------------------------------------ quiz


def test_the_same_link_gives_the_same_questions_on_two_devices():
    first = open_training(seed="42", n="5")
    second = open_training(seed="42", n="5")
    assert len(questions(first)) == 5
    assert questions(first) == questions(second)
    assert "/training?seed=42&n=5" in visible_text(first)


def test_the_share_link_is_the_full_address(monkeypatch):
    monkeypatch.setenv("TRAFFIC_LIGHT_PUBLIC_URL", "https://training.example.org/")
    at = open_training(seed="42", band="9-17", n="5")
    text = visible_text(at)
    full = "https://training.example.org/training?seed=42&band=9-17&n=5"
    assert f"Everyone who opens [{full}]({full}) gets the same questions" in text


def test_another_quiz_number_gives_another_quiz():
    assert questions(open_training(seed="42", n="5")) != questions(open_training(seed="43", n="5"))


def test_the_share_line_reproduces_a_band_quiz():
    at = open_training(seed="42", band="0-9", n="10")
    text = visible_text(at)
    assert "Share this quiz" in text
    assert "/training?seed=42&band=0-9&n=10" in text
    assert all("Ages 0 to 9" in q for q in questions(at))
    assert len(questions(at)) == 3  # all of the band: it has only three descriptors


def test_the_quiz_and_band_stay_in_the_address_bar_so_a_reload_keeps_them():
    at = open_training(seed="42", band="9-17", n="5")
    assert dict(at.query_params) == {"seed": "42", "band": "9-17", "n": "5"}
    again = open_training(**dict(at.query_params))  # what a reload sends
    assert questions(again) == questions(at)
    assert quiz_number(again) == 42


def test_a_quiz_without_a_link_gets_its_number_into_the_address_bar():
    at = open_training()
    number = quiz_number(at)
    assert number is not None
    assert dict(at.query_params) == {"seed": str(number), "n": "10"}
    assert questions(open_training(**dict(at.query_params))) == questions(at)


def test_choices_made_on_the_page_follow_into_the_address_bar():
    at = open_training(seed="42", n="5")
    at.selectbox(key="quiz_band").set_value("0-9").run()
    assert dict(at.query_params) == {"seed": "42", "band": "0-9", "n": "5"}
    at.button(key="quiz_new").click().run()
    assert at.query_params["seed"] == str(quiz_number(at)) != "42"
    at.segmented_control(key="training_mode").set_value("facilitator").run()
    at.segmented_control(key="facilitator_band").set_value("9-17").run()
    at.segmented_control(key="facilitator_level").set_value("amber").run()
    assert dict(at.query_params) == {
        "mode": "facilitator",
        "seed": str(quiz_number_in(at)),
        "band": "9-17",
        "n": "5",
        "level": "amber",
    }
    again = open_training(**dict(at.query_params))
    assert "Band 2 of 2 · Amber" in visible_text(again)
    assert again.segmented_control(key="facilitator_band").value == "9-17"


def test_a_bad_link_value_never_reaches_the_address_bar():
    at = open_training(seed="abc", band="<b>x</b>", n="7", mode="nope")
    params = dict(at.query_params)
    assert set(params) == {"seed", "n"}
    assert params["n"] == "10"
    assert params["seed"].isdigit() and int(params["seed"]) == quiz_number(at)


def test_the_answer_stays_hidden_until_reveal(level_of_text, minimal):
    at = open_training(seed="42", n="5")
    text = question_texts(at)[0]
    level = minimal.level_guide(Level(level_of_text[text]))
    assert len(reveal_buttons(at)) == 5
    answer_radios(at)[0].set_value(level_of_text[text]).run()
    page = visible_text(at)
    assert "Correct." not in page and "Not quite." not in page
    assert f"This is rated {level.label}." not in page
    assert level.meaning not in page
    assert answer_radios(at)[0].value == level_of_text[text], "the rating can still change before the reveal"
    assert "0 of 5 answers revealed" in page
    reveal_buttons(at)[0].click().run()
    page = visible_text(at)
    assert "Correct." in page
    assert len(reveal_buttons(at)) == 4
    assert "1 of 5 answers revealed" in page


def test_a_right_answer_says_so_with_the_level_in_words_and_its_meaning(level_of_text, minimal):
    at = open_training(seed="42", n="5")
    text = question_texts(at)[0]
    rate_and_reveal(at, 0, level_of_text[text])
    page = visible_text(at)
    level = minimal.level_guide(Level(level_of_text[text]))
    assert "Correct." in page
    assert f"This is rated {level.label}." in page
    assert f"{level.label}: {level.headline}" in page
    assert level.meaning in page


def test_a_wrong_answer_gives_the_right_level_in_words():
    at = open_training(seed="42", n="5")
    texts = question_texts(at)
    red = texts.index("Sharing nude images of others.")
    rate_and_reveal(at, red, "green")
    page = visible_text(at)
    assert "Not quite." in page
    assert "You chose Green; this is rated Red." in page
    assert "Red: act today" in page
    assert "Outside safe and healthy behaviour." in page


def test_the_score_shows_once_every_answer_is_revealed(level_of_text, minimal):
    at = open_training(seed="42", n="5")
    texts = question_texts(at)
    for text in texts[:-1]:
        rate_and_reveal(at, 0, level_of_text[text])
    assert "4 of 5 answers revealed" in visible_text(at)
    assert "You scored" not in visible_text(at)
    wrong = "green" if level_of_text[texts[-1]] != "green" else "red"
    rate_and_reveal(at, 0, wrong)
    page = visible_text(at)
    assert "You scored 4 out of 5." in page
    right_level = minimal.level_label(Level(level_of_text[texts[-1]]))
    assert f"{right_level}: " in page


def test_a_room_can_reveal_without_rating_and_that_counts_as_not_right(level_of_text, minimal):
    at = open_training(seed="42", n="5")
    texts = question_texts(at)
    right = minimal.level_label(Level(level_of_text[texts[0]]))
    rate_and_reveal(at, 0, None)
    page = visible_text(at)
    assert f"**Answer:** this is rated {right}." in page
    assert "Correct." not in page and "Not quite." not in page
    for _ in texts[1:]:
        rate_and_reveal(at, 0, None)
    page = visible_text(at)
    assert "You scored 0 out of 5." in page
    assert "5 of them were revealed without a rating" in page


def test_a_new_quiz_draws_a_new_quiz_number():
    at = open_training(seed="42", n="5")
    at.button(key="quiz_new").click().run()
    assert not at.exception
    assert quiz_number(at) not in (None, 42)


@pytest.mark.parametrize("seed", ["abc", "-1", "99999999999", "<script>alert(1)</script>"])
def test_a_bad_quiz_number_gets_a_notice_and_a_new_quiz(seed: str):
    at = open_training(seed=seed, n="5")
    notices = " ".join(str(i.value) for i in at.info).replace("\\", "")
    assert "is not a quiz number" in notices
    assert "a new quiz was drawn" in notices
    assert len(questions(at)) == 5
    assert quiz_number(at) is not None


def test_a_bad_quiz_length_gets_a_notice_and_ten_questions():
    at = open_training(seed="42", n="7")
    assert "is not a quiz length" in visible_text(at)
    assert "/training?seed=42&n=10" in visible_text(at)


def test_switching_section_and_back_keeps_the_quiz_and_its_answers():
    at = open_training(seed="42", n="5")
    before = questions(at)
    rate_and_reveal(at, 0, "red")
    at.segmented_control(key="training_mode").set_value("scenarios").run()
    assert not questions(at)
    at.segmented_control(key="training_mode").set_value("quiz").run()
    assert not at.exception
    assert questions(at) == before
    assert "1 of 5 answers revealed" in visible_text(at)


# ------------------------------------------------------------------ scenarios


def test_a_scenario_keeps_its_suggested_answer_hidden_until_reveal():
    at = open_training(mode="scenarios")
    page = visible_text(at)
    assert "A test scenario" in page
    assert "Two children of the same age." in page
    assert "Suggested answer" not in page
    assert "Mutual and between peers." not in page
    at.radio(key="scenario_scenario-one").set_value("amber").run()
    page = visible_text(at)
    assert "Suggested answer" not in page, "a rating alone does not show the answer"
    assert "Mutual and between peers." not in page
    at.button(key="reveal_scenario_scenario-one").click().run()
    page = visible_text(at)
    assert "You chose Amber. The suggested answer is Green." in page
    assert "Suggested answer:" in page
    assert "Green: healthy and expected" in page
    assert "Mutual and between peers." in page


def test_a_scenario_can_be_revealed_without_a_rating_and_hidden_again():
    at = open_training(mode="scenarios")
    at.button(key="reveal_scenario_scenario-one").click().run()
    page = visible_text(at)
    assert "Suggested answer:" in page
    assert "You chose" not in page
    at.button(key="scenario_hide").click().run()
    assert not at.exception
    page = visible_text(at)
    assert "Suggested answer" not in page
    assert at.radio(key="scenario_scenario-one").value is None
    assert at.button(key="reveal_scenario_scenario-one")


def test_scenarios_can_be_filtered_by_band():
    at = open_training(mode="scenarios", band="9-17")
    assert "A test scenario" not in visible_text(at)
    assert "There are no scenarios for this band yet." in visible_text(at)


# ------------------------------------------------------------------ facilitator view


def test_the_facilitator_steps_through_bands_and_levels():
    at = open_training(mode="facilitator")
    page = visible_text(at)
    assert "Band 1 of 2 · Green" in page
    assert "Ages 0 to 9" in page
    assert "Green: healthy and expected" in page
    assert "Curious questions about bodies." in page
    assert "Amber: take notice" not in page
    at.button(key="facilitator_next").click().run()
    page = visible_text(at)
    assert "Band 1 of 2 · Amber" in page
    assert "Amber: take notice" in page
    assert "Touching that carries on after being redirected." in page
    at.button(key="facilitator_next").click().run()
    at.button(key="facilitator_next").click().run()
    page = visible_text(at)
    assert "Band 2 of 2 · Green" in page
    assert "Ages 9 to 17" in page
    at.button(key="facilitator_previous").click().run()
    page = visible_text(at)
    assert "Band 1 of 2 · Red" in page
    assert "Red: act today" in page
    assert "0345 678 9021" in page


def test_a_link_picks_where_the_facilitator_starts_and_next_stops_at_the_end():
    at = open_training(band="9-17", level="red")
    page = visible_text(at)
    assert "Band 2 of 2 · Red" in page
    assert "Red: act today" in page
    assert at.button(key="facilitator_next").disabled
    assert not at.button(key="facilitator_previous").disabled


def test_the_facilitator_jumps_straight_to_any_band_and_level():
    at = open_training(mode="facilitator")
    assert at.segmented_control(key="facilitator_band").options == ["Ages 0 to 9", "Ages 9 to 17"]
    assert at.segmented_control(key="facilitator_level").options == ["Green", "Amber", "Red"]
    at.segmented_control(key="facilitator_band").set_value("9-17").run()
    page = visible_text(at)
    assert "Band 2 of 2 · Green" in page
    assert "Ages 9 to 17" in page
    at.segmented_control(key="facilitator_level").set_value("red").run()
    page = visible_text(at)
    assert "Band 2 of 2 · Red" in page
    assert "Red: act today" in page
    assert "Sharing nude images of others." in page
    assert at.button(key="facilitator_next").disabled
    at.button(key="facilitator_previous").click().run()
    assert "Band 2 of 2 · Amber" in visible_text(at)
    assert at.segmented_control(key="facilitator_level").value == "amber"


def test_the_facilitator_view_leaves_out_the_set_up_furniture_but_keeps_999():
    at = open_training(mode="facilitator")
    page = visible_text(at)
    assert "Practise rating behaviours" not in page
    assert at.title[0].value == "Training"
    assert "Immediate danger: call" in page  # the frame's line at the top of every page stays
    quiz = open_training(seed="42")
    assert "Practise rating behaviours" in visible_text(quiz)


def test_previous_is_off_at_the_start():
    at = open_training(mode="facilitator")
    assert at.button(key="facilitator_previous").disabled


def test_an_unknown_section_gets_a_notice_and_the_quiz():
    at = open_training(mode="<b>projector</b>", seed="42")
    page = visible_text(at)
    assert "<b>projector</b>" in page
    assert "is not a section of this page" in page
    assert "Share this quiz" in page


# ------------------------------------------------------------------ handouts


def test_the_handouts_area_offers_one_pdf_per_band_and_the_routes_sheet():
    at = open_training()
    labels = [button.label for button in at.download_button]
    assert labels == ["Ages 0 to 9 (PDF)", "Ages 9 to 17 (PDF)", "Routes and helplines (PDF)"]
    assert "Printable handouts" in visible_text(at)


def test_the_band_view_on_look_up_offers_the_band_handout_next_to_the_csv():
    at = open_page("pages/lookup.py", {"band": "9-17"})
    assert not at.exception
    labels = [button.label for button in at.download_button]
    assert labels == ["Download Ages 9 to 17 as CSV", "Download Ages 9 to 17 handout (PDF)"]


def test_an_answer_is_final_until_the_quiz_is_tried_again():
    at = open_training(seed="42", n="5")
    rate_and_reveal(at, 0, "red")
    assert len(answer_radios(at)) == 4
    assert "1 of 5 answers revealed" in visible_text(at)
    at.button(key="quiz_again").click().run()
    assert not at.exception
    assert len(answer_radios(at)) == 5
    assert len(reveal_buttons(at)) == 5
    assert "0 of 5 answers revealed" in visible_text(at)


def test_the_facilitator_projects_the_shipped_9_to_13_amber_descriptors(monkeypatch, shipped_pack_dir):
    monkeypatch.setenv("TRAFFIC_LIGHT_PACK", str(shipped_pack_dir))
    shipped = load_pack(shipped_pack_dir)
    at = open_training(mode="facilitator", band="9-13", level="amber")
    page = visible_text(at)
    assert "Band 3 of 4 · Amber" in page
    assert "Ages 9 to 13" in page
    assert "Amber: take notice" in page
    for behaviour in shipped.behaviours("9-13", Level.AMBER):
        assert " ".join(behaviour.text.split()) in page
    assert "0345 678 9021" in page
