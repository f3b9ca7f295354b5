"""Case discussion rules: the starting level, the criteria that raise it, what is still to find out."""

from __future__ import annotations

import pytest
from pack_builder import SHIPPED, TODAY

from behaviours.answers.case import (
    Answer,
    answer_words,
    bands_for_case,
    behaviour_options,
    concerns_for,
    has_input,
    note_steps,
    option_label,
    routes_for_case,
    suggest_level,
)
from behaviours.answers.finding import search
from behaviours.pack.model import Level
from behaviours.pack.pack import Pack

GREEN_ID, AMBER_ID, RED_ID = "0-9-green-curious", "0-9-amber-repeated", "0-9-red-images"


def chosen(pack: Pack, *ids: str):
    return [pack.behaviour(i) for i in ids]


def all_answered(pack: Pack, answer: Answer | None) -> dict[str, Answer | None]:
    return {c.id: answer for c in pack.criteria}


# ------------------------------------------------------------------ the starting level


@pytest.mark.parametrize(
    ("ids", "expected", "word"),
    [
        ((GREEN_ID,), Level.GREEN, "Green"),
        ((GREEN_ID, AMBER_ID), Level.AMBER, "Amber"),
        ((AMBER_ID, RED_ID, GREEN_ID), Level.RED, "Red"),
        ((RED_ID,), Level.RED, "Red"),
    ],
)
def test_starts_at_the_highest_level_among_the_behaviours(minimal, ids, expected, word):
    suggestion = suggest_level(minimal, chosen(minimal, *ids), {}, False, None)

    assert suggestion.level == expected
    assert suggestion.reasons[0].startswith(f"Starts at {word}: the highest level among the behaviours chosen")
    top_text = next(b.text for b in chosen(minimal, *ids) if b.level == expected)
    assert top_text.rstrip(".") in suggestion.reasons[0]


# ------------------------------------------------------------------ each criterion raises


def test_each_yes_raises_a_green_behaviour_to_its_criterion_level(shipped):
    green = shipped.behaviours("5-9", Level.GREEN)[0]
    assert shipped.criteria
    for criterion in shipped.criteria:
        suggestion = suggest_level(shipped, [green], {criterion.id: Answer.YES}, False, 7)

        assert suggestion.level == criterion.raises_to, criterion.id
        word = shipped.level_label(criterion.raises_to)
        assert f"Raised to {word}: {criterion.name}, answered yes" in " ".join(suggestion.reasons)


def test_each_yes_alone_gives_its_criterion_level(shipped):
    assert shipped.criteria
    for criterion in shipped.criteria:
        suggestion = suggest_level(shipped, [], {criterion.id: Answer.YES}, False, 15)

        assert suggestion.level == criterion.raises_to, criterion.id
        assert f"Rated {shipped.level_label(criterion.raises_to)}: {criterion.name}" in suggestion.reasons[0]


def test_the_most_serious_yes_wins(minimal):
    answers = {"persistence": Answer.YES, "coercion": Answer.YES}

    suggestion = suggest_level(minimal, chosen(minimal, GREEN_ID), answers, False, 10)

    assert suggestion.level == Level.RED
    text = " ".join(suggestion.reasons)
    assert "Raised to Red: Coercion" in text
    assert "Stays at Red: Persistence, answered yes" in text


# ------------------------------------------------------------------ never lower


@pytest.mark.parametrize(
    ("ids", "answers", "expected", "says"),
    [
        ((RED_ID,), {"coercion": Answer.NO, "persistence": Answer.NO}, Level.RED, "the level stays at Red"),
        ((RED_ID,), {"persistence": Answer.YES}, Level.RED, "Stays at Red: Persistence, answered yes"),
        ((AMBER_ID,), {"persistence": Answer.YES}, Level.AMBER, "Stays at Amber: Persistence, answered yes"),
        ((AMBER_ID,), {"persistence": Answer.NO, "coercion": Answer.DONT_KNOW}, Level.AMBER, "Starts at Amber"),
    ],
)
def test_no_answer_ever_lowers_the_level(minimal, ids, answers, expected, says):
    suggestion = suggest_level(minimal, chosen(minimal, *ids), answers, False, 10)

    assert suggestion.level == expected
    assert says in " ".join(suggestion.reasons)


# ------------------------------------------------------------------ what to find out


def test_dont_know_and_unanswered_questions_are_listed_to_find_out(minimal):
    answers = {"coercion": Answer.DONT_KNOW}

    suggestion = suggest_level(minimal, chosen(minimal, AMBER_ID), answers, False, 8)

    assert suggestion.to_find_out == [
        "Coercion (don't know yet): Was there force, a threat, a bribe or a trick? A yes would make it at least Red.",
        "Persistence (not answered yet): Does it carry on after being redirected, or in secret?",
    ]


@pytest.mark.parametrize("answer", [Answer.YES, Answer.NO])
def test_answered_questions_are_not_listed_to_find_out(minimal, answer):
    suggestion = suggest_level(minimal, chosen(minimal, GREEN_ID), all_answered(minimal, answer), False, 8)

    assert suggestion.to_find_out == []


@pytest.mark.parametrize(
    ("answer", "words"),
    [(Answer.YES, "Yes"), (Answer.NO, "No"), (Answer.DONT_KNOW, "Don't know"), (None, "Not answered")],
)
def test_answers_are_said_in_words(answer, words):
    assert answer_words(answer) == words


# ------------------------------------------------------------------ empty input and not listed


def test_empty_input_gives_no_level_and_says_what_to_do(minimal):
    suggestion = suggest_level(minimal, [], {}, False, None)

    assert suggestion.level is None
    assert suggestion.reasons == [
        "No level yet: choose the behaviours you observed, or describe one that is not listed, "
        "and answer the criteria questions."
    ]
    assert len(suggestion.to_find_out) == len(minimal.criteria)
    assert not has_input([], {}, False)


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({}, None),
        ({"coercion": Answer.DONT_KNOW, "persistence": Answer.NO}, None),
        ({"coercion": Answer.NO}, None),
    ],
)
def test_a_behaviour_not_listed_without_concerns_has_no_level_of_its_own(minimal, answers, expected):
    suggestion = suggest_level(minimal, [], answers, True, 10)

    assert suggestion.level is expected
    assert "rate it with the criteria" in suggestion.reasons[0]
    assert has_input([], answers, True)


@pytest.mark.parametrize(
    ("answers", "expected", "says"),
    [
        ({"coercion": Answer.YES}, Level.RED, "Rated Red: Coercion"),
        ({"persistence": Answer.YES, "coercion": Answer.NO}, Level.AMBER, "Rated Amber: Persistence"),
        (
            {"persistence": Answer.NO, "coercion": Answer.NO},
            Level.GREEN,
            "only if it is also curious, mutual and easily redirected",
        ),
    ],
)
def test_a_behaviour_not_listed_is_rated_with_the_criteria(minimal, answers, expected, says):
    suggestion = suggest_level(minimal, [], answers, True, 10)

    assert suggestion.level == expected
    assert says in " ".join(suggestion.reasons)


def test_a_behaviour_not_listed_beside_listed_ones_keeps_their_level(minimal):
    suggestion = suggest_level(minimal, chosen(minimal, AMBER_ID), {}, True, 10)

    assert suggestion.level == Level.AMBER
    assert "together with the behaviours chosen" in suggestion.reasons[1]


# ------------------------------------------------------------------ the law for under-13s


@pytest.mark.parametrize(
    ("age", "level_of", "cites"),
    [
        (12, Level.RED, True),
        (5, Level.RED, True),
        (13, Level.RED, False),
        (None, Level.RED, False),
        (10, Level.AMBER, False),
    ],
)
def test_red_under_13_cites_the_law(shipped, age, level_of, cites):
    behaviour = shipped.behaviours("9-13", level_of)[0]

    suggestion = suggest_level(shipped, [behaviour], {}, False, age)

    law = shipped.law_note("under-13s")
    assert (f"The law: {law.title}." in " ".join(suggestion.reasons)) is cites


def test_red_from_the_criteria_under_13_cites_the_law_too(shipped, minimal):
    # The minimal pack has no under-13s note, so nothing is cited: never a note that does not exist.
    suggestion = suggest_level(minimal, [], {"coercion": Answer.YES}, False, 8)
    assert not any(r.startswith("The law") for r in suggestion.reasons)

    shipped = suggest_level(shipped, [], {"consent": Answer.YES}, False, 8)
    assert "The law: Children under 13 cannot consent." in " ".join(shipped.reasons)


@pytest.mark.parametrize("ids", [(), (GREEN_ID,), (RED_ID,)])
def test_the_caveat_is_always_there(minimal, ids):
    caveat = suggest_level(minimal, chosen(minimal, *ids), {}, False, 3).caveat
    assert caveat == "This is a suggestion: professional judgement and local procedures decide."


# ------------------------------------------------------------------ bands and options


@pytest.mark.parametrize(
    ("age", "band", "expected", "reason"),
    [
        (7, None, ["Ages 5 to 9"], "Ages 5 to 9 is the band for age 7."),
        (13, None, ["Ages 9 to 13", "Ages 13 to 17"], "Age 13 sits on the boundary between two bands"),
        (None, "0-5", ["Ages 0 to 5"], "Ages 0 to 5 is the band you chose."),
        (20, None, ["Ages 13 to 17"], "Age 20 is 18 or over: adult safeguarding applies"),
    ],
)
def test_bands_for_the_age_or_band_with_the_reason(shipped, age, band, expected, reason):
    case = bands_for_case(shipped, age, band)

    assert [b.label for b in case.bands] == expected
    assert case.reasons[0].startswith(reason)
    assert case.adult is (age is not None and age >= 18)


@pytest.mark.parametrize(
    ("age", "developmental", "expected", "says"),
    [
        (14, "5-9", ["Ages 13 to 17", "Ages 5 to 9"], "Ages 5 to 9 is shown too, because you said it fits"),
        (14, "13-17", ["Ages 13 to 17"], "Ages 13 to 17 also fits the child's development, and it is already shown."),
        (None, "0-5", ["Ages 0 to 5"], "Ages 0 to 5 is shown too"),
    ],
)
def test_the_developmental_band_is_offered_with_its_reason(shipped, age, developmental, expected, says):
    case = bands_for_case(shipped, age, None, developmental)

    assert [b.label for b in case.bands] == expected
    assert says in " ".join(case.reasons)


@pytest.mark.parametrize(
    ("age", "band", "developmental", "expected"),
    [
        (11, None, None, 11),
        (None, "5-9", None, 9),
        (None, "9-13", None, 13),
        (14, None, "0-5", 14),
        (None, None, "0-5", None),
    ],
)
def test_the_law_reads_age_in_years_never_developmental_age(shipped, age, band, developmental, expected):
    assert bands_for_case(shipped, age, band, developmental).age_for_law == expected


def test_options_say_the_level_word_first_and_the_band_when_several(minimal):
    options = behaviour_options(minimal, [minimal.band("0-9")])

    assert [b.level for b in options] == [Level.RED, Level.AMBER, Level.GREEN]
    assert option_label(minimal, options[0], with_band=False) == "Red: Sharing nude images of others."
    assert option_label(minimal, options[1], with_band=True) == (
        "Amber: Touching that carries on after being redirected. (Ages 0 to 9)"
    )


# ------------------------------------------------------------------ routes


@pytest.mark.parametrize(
    ("level", "not_listed", "adult", "danger", "titles"),
    [
        (Level.GREEN, False, False, False, ["Green: respond positively"]),
        (Level.AMBER, True, False, False, ["Amber: take notice"]),
        # Red alone is not immediate danger: the whole 999 route comes only when the practitioner says so.
        (Level.RED, False, False, False, ["Red: act today"]),
        (Level.RED, False, False, True, ["Immediate danger: call 999", "Red: act today"]),
        (Level.AMBER, False, False, True, ["Immediate danger: call 999", "Amber: take notice"]),
        (None, True, False, False, ["Not listed"]),
        (None, False, False, False, []),
        (Level.AMBER, False, True, False, ["Adults", "Amber: take notice"]),
    ],
)
def test_routes_for_the_level(minimal, level, not_listed, adult, danger, titles):
    routes = routes_for_case(minimal, level, not_listed=not_listed, adult=adult, immediate_danger=danger)

    assert [r.title for r in routes] == titles


# ------------------------------------------------------------------ what the note names


@pytest.mark.parametrize(
    ("ids", "concerns"),
    [
        # Case 3 of the trial: a 22-year-old "boyfriend" who buys a 15-year-old vapes and a phone.
        (["13-17-red-much-older-partner", "13-17-amber-unexplained-money-or-gifts"], ["Child sexual exploitation"]),
        (["13-17-red-sextortion"], ["Image-based abuse"]),
        (["13-17-amber-meeting-online-contact"], ["Online abuse"]),
        (["9-13-red-sexual-harassment"], ["Harmful sexual behaviour"]),
        # A behaviour with no theme is named by its id; one that points to two concerns names both, in pack order.
        (["13-17-red-forcing-others-to-expose"], ["Image-based abuse", "Harmful sexual behaviour"]),
        (["13-17-green-private-masturbation"], []),
    ],
)
def test_the_concern_is_named_from_the_behaviours_themes_in_the_packs_words(shipped, ids, concerns):
    assert concerns_for(shipped, [shipped.behaviour(i) for i in ids]) == concerns


@pytest.mark.parametrize("level", list(Level))
def test_the_note_lists_three_to_five_steps_and_leaves_999_to_the_danger_route(shipped, level):
    steps = note_steps(shipped, level)

    assert 3 <= len(steps) <= 5
    assert not [step for step in steps if "999" in step]
    guide = [" ".join(s.split()) for s in shipped.level_guide(level).what_to_do if "999" not in s]
    assert len(steps) == min(5, len(guide))
    # Each note step is its guide step's opening sentence, in the guide's order.
    assert all(full.startswith(step) for step, full in zip(steps, guide, strict=False))


def test_the_brief_reasons_are_one_short_line_each_for_case_3(shipped):
    behaviours = [
        shipped.behaviour("13-17-red-much-older-partner"),
        shipped.behaviour("13-17-amber-unexplained-money-or-gifts"),
    ]
    answers = {"equality": Answer.YES, "change": Answer.YES}

    suggestion = suggest_level(shipped, behaviours, answers, False, 15)

    assert suggestion.level == Level.RED
    assert suggestion.brief == ["Starts at Red: the most serious behaviour chosen."]


# ------------------------------------------------------------------ the two "done when" cases


def test_a_14_year_old_sending_nude_images_with_an_older_person_is_red(shipped):
    bands = bands_for_case(shipped, 14, None)
    hits = [
        h.behaviour
        for h in search(shipped, "nude images")
        if h.band.id == "13-17" and "takes or sends" in h.behaviour.text
    ]
    assert [b.id for b in hits] == ["13-17-amber-taking-or-sending-images"]

    suggestion = suggest_level(shipped, hits, {"equality": Answer.YES}, False, bands.age_for_law)

    assert suggestion.level == Level.RED
    assert suggestion.reasons[0].startswith("Starts at Amber")
    assert suggestion.reasons[1].startswith("Raised to Red: Equality, answered yes")


def test_a_7_year_old_with_only_green_behaviours_and_all_no_is_green(shipped):
    bands = bands_for_case(shipped, 7, None)
    greens = [b for b in behaviour_options(shipped, bands.bands) if b.level == Level.GREEN][:3]

    suggestion = suggest_level(shipped, greens, all_answered(shipped, Answer.NO), False, bands.age_for_law)

    assert suggestion.level == Level.GREEN
    assert suggestion.to_find_out == []
    assert "Every criterion was answered no, so the level stays at Green." in suggestion.reasons


# ------------------------------------------------------------------ boundary ages (issue 15.5)


# Since pack 2.1 no theme reads differently at 5 (tests/unit/test_lookup.py checks that), so 9 and 13.
@pytest.mark.parametrize("age", [9, 13])
def test_at_a_boundary_age_the_same_facts_give_the_same_level_whichever_band_was_picked(shipped, age: int) -> None:
    from behaviours.answers.lookup import boundary_differences

    differences = boundary_differences(shipped, age)
    assert differences, f"age {age} has a theme the two bands rate differently"
    for difference in differences:
        suggested = {r.band.id: suggest_level(shipped, [r.behaviour], {}, False, age).level for r in difference.ratings}
        assert set(suggested.values()) == {difference.higher}, (difference.theme, suggested)


def test_a_raised_item_says_why_in_words(shipped) -> None:
    lower = shipped.behaviour("9-13-amber-viewing-pornography")
    assert lower is not None
    suggestion = suggest_level(shipped, [lower], {}, False, 9)
    assert suggestion.level == Level.RED
    assert any("at a boundary age it counts at the higher level" in r for r in suggestion.reasons)


def test_away_from_a_boundary_an_item_keeps_its_own_level(shipped) -> None:
    item = shipped.behaviour("9-13-amber-viewing-pornography")
    assert item is not None
    assert suggest_level(shipped, [item], {}, False, 11).level == Level.AMBER
    assert suggest_level(shipped, [item], {}, False, None).level == Level.AMBER


# ------------------------------------------------------------------ the concerns in pack.yaml are checked


def _with_concerns(tmp_path, text: str):
    import shutil

    from behaviours.pack.loader import check_pack

    pack_dir = tmp_path / "pack"
    shutil.copytree(SHIPPED, pack_dir)
    pack_yaml = pack_dir / "pack.yaml"
    kept = pack_yaml.read_text(encoding="utf-8").split("\nconcerns:\n")[0]
    pack_yaml.write_text(kept + "\nconcerns:\n" + text, encoding="utf-8")
    errors, _warnings = check_pack(pack_dir, today=TODAY)
    return [f"{e.file}: {e.message}" for e in errors]


def test_a_concern_naming_a_theme_no_band_uses_is_an_error_with_the_nearest_theme(tmp_path):
    errors = _with_concerns(
        tmp_path,
        "  - name: Child sexual exploitation\n    themes: [older-partnr]\n    behaviours: [13-17-red-exchang]\n",
    )

    assert any(
        "pack.yaml" in e and "no theme has the id 'older-partnr'; did you mean 'older-partner'?" in e for e in errors
    )
    assert any("no behaviour has the id '13-17-red-exchang'; did you mean '13-17-red-exchange'?" in e for e in errors)


def test_a_concern_that_names_nothing_is_an_error(tmp_path):
    errors = _with_concerns(tmp_path, "  - name: Online abuse\n")

    assert any("a concern needs 'themes:' or 'behaviours:'" in e for e in errors), errors


# ------------------------------------------------------------------ the level at the child's age, in every reason (mutmut)

PORN_9_13 = "9-13-amber-viewing-pornography"  # Amber at 9-12, green at 13
OLDER_13_17 = "13-17-red-much-older-partner"  # Red at 13-15, amber at 16-17
SIMILAR_13_17 = "13-17-amber-similar-age-sexual-activity"  # Amber at 13-15, green at 16-17
PORN_TEXT = "A child looks at pornography, for example on their own phone or on a friend's device"
OLDER_TEXT = (
    "An adult or someone much older is sexually involved with a young person, "
    "or the young person calls them a boyfriend or girlfriend"
)


def test_an_item_rated_lower_at_the_childs_age_starts_there_and_gives_no_boundary_reason(shipped) -> None:
    suggestion = suggest_level(shipped, [shipped.behaviour(PORN_9_13)], {}, False, 13)
    assert suggestion.level == Level.GREEN
    assert suggestion.reasons == [f"Starts at Green: the highest level among the behaviours chosen (“{PORN_TEXT}”)."]
    assert suggestion.brief == ["Starts at Green: the most serious behaviour chosen."]


def test_the_highest_level_quotes_the_items_that_reach_it_at_the_childs_age(shipped) -> None:
    chosen_items = [shipped.behaviour(OLDER_13_17), shipped.behaviour(SIMILAR_13_17)]
    at_16 = suggest_level(shipped, chosen_items, {}, False, 16)
    assert at_16.level == Level.AMBER
    assert at_16.reasons == [f"Starts at Amber: the highest level among the behaviours chosen (“{OLDER_TEXT}”)."]
    at_15 = suggest_level(shipped, chosen_items, {}, False, 15)
    assert at_15.level == Level.RED
    assert at_15.reasons == [f"Starts at Red: the highest level among the behaviours chosen (“{OLDER_TEXT}”)."]


def test_a_raised_item_says_its_own_level_at_the_age_and_the_higher_one_in_full(shipped) -> None:
    suggestion = suggest_level(shipped, [shipped.behaviour(PORN_9_13)], {}, False, 9)
    assert suggestion.level == Level.RED
    assert suggestion.reasons[:2] == [
        f"Starts at Red: the highest level among the behaviours chosen (“{PORN_TEXT}”).",
        f"“{PORN_TEXT}” is Amber in Ages 9 to 13, but the other band for age 9 rates the same behaviour Red; "
        "at a boundary age it counts at the higher level.",
    ]
    assert suggestion.brief == [
        "Starts at Red: the most serious behaviour chosen.",
        "A behaviour counts at Red: at age 9 the other band rates it higher.",
        "The law: Children under 13 cannot consent.",
    ]


def test_without_an_age_an_item_counts_at_its_listed_level(shipped) -> None:
    suggestion = suggest_level(shipped, [shipped.behaviour(OLDER_13_17)], {}, False, None)
    assert suggestion.level == Level.RED
    assert suggestion.reasons == [f"Starts at Red: the highest level among the behaviours chosen (“{OLDER_TEXT}”)."]


# ------------------------------------------------------------------ adults in a case discussion (literal ages)


@pytest.mark.parametrize(
    ("age", "reason"),
    [
        (18, "Age 18 is 18 or over: adult safeguarding applies, and Ages 13 to 17 is only a guide."),
        (25, "Age 25 is 18 or over: adult safeguarding applies, and Ages 13 to 17 is only a guide."),
    ],
)
def test_a_young_adult_gets_the_adult_reason_with_the_oldest_band_as_a_guide(shipped, age: int, reason: str) -> None:
    case = bands_for_case(shipped, age, None)
    assert [b.id for b in case.bands] == ["13-17"]
    assert case.reasons == [reason]
    assert (case.adult, case.age_for_law, case.notices) == (True, age, [])


def test_over_25_the_childrens_bands_do_not_apply(shipped) -> None:
    case = bands_for_case(shipped, 26, None)
    assert case.bands == []
    assert case.reasons == ["Age 26 is 18 or over: adult safeguarding applies, and the children's bands do not."]
    assert (case.adult, case.age_for_law) == (True, 26)
    assert case.notices == [
        "Age 26 is outside what this tool covers (ages 0 to 25). Anyone aged 18 or over falls under adult "
        "safeguarding: see the route below."
    ]


def test_17_is_a_child_in_the_oldest_band(shipped) -> None:
    case = bands_for_case(shipped, 17, None)
    assert [b.id for b in case.bands] == ["13-17"]
    assert case.reasons == ["Ages 13 to 17 is the band for age 17."]
    assert (case.adult, case.age_for_law) == (False, 17)


def test_a_developmental_band_is_added_with_its_reason_in_full(shipped) -> None:
    case = bands_for_case(shipped, 14, None, "5-9")
    assert [b.id for b in case.bands] == ["13-17", "5-9"]
    assert case.developmental is not None and case.developmental.id == "5-9"
    assert case.reasons == [
        "Ages 13 to 17 is the band for age 14.",
        "Ages 5 to 9 is shown too, because you said it fits the child's development better than their age in years.",
    ]
    assert bands_for_case(shipped, 14, None).developmental is None


# ------------------------------------------------------------------ every reason and brief line in words (mutmut)

NOT_LISTED_ALONE = (
    "The behaviour you described is not listed, so it has no level of its own: rate it with the criteria."
)
NOT_LISTED_BRIEF = "The behaviour described is not listed: the criteria rate it."
CURIOUS = "Starts at Green: the highest level among the behaviours chosen (“Curious questions about bodies”)."
STARTS_GREEN_BRIEF = "Starts at Green: the most serious behaviour chosen."


def test_a_behaviour_not_listed_alone_says_to_rate_it_with_the_criteria(minimal) -> None:
    suggestion = suggest_level(minimal, [], {}, True, None)
    assert suggestion.level is None
    assert (suggestion.reasons, suggestion.brief) == ([NOT_LISTED_ALONE], [NOT_LISTED_BRIEF])


def test_a_behaviour_not_listed_beside_a_chosen_one_says_both_count(minimal) -> None:
    suggestion = suggest_level(minimal, chosen(minimal, GREEN_ID), {}, True, None)
    assert suggestion.reasons == [
        CURIOUS,
        "The behaviour you described is not listed, so it has no level of its own: the criteria answers rate it, "
        "together with the behaviours chosen.",
    ]
    assert suggestion.brief == [STARTS_GREEN_BRIEF, NOT_LISTED_BRIEF]


def test_a_behaviour_not_listed_with_every_answer_no_is_likely_green_with_its_condition(minimal) -> None:
    suggestion = suggest_level(minimal, [], all_answered(minimal, Answer.NO), True, None)
    assert suggestion.level == Level.GREEN
    assert suggestion.reasons == [
        NOT_LISTED_ALONE,
        "Likely Green: every criterion was answered no. A behaviour that is not listed is likely to be Green only "
        "if it is also curious, mutual and easily redirected; if it is not, talk to your designated safeguarding "
        "lead (DSL).",
    ]
    assert suggestion.brief == [
        NOT_LISTED_BRIEF,
        "Likely Green: every criterion answered no; only if also curious, mutual and easily redirected.",
    ]


def test_every_answer_no_keeps_the_level_in_the_brief_too(minimal) -> None:
    suggestion = suggest_level(minimal, chosen(minimal, GREEN_ID), all_answered(minimal, Answer.NO), False, None)
    assert suggestion.brief == [STARTS_GREEN_BRIEF, "Every criterion was answered no: the level stays at Green."]


def test_a_yes_to_a_later_question_alone_rates_it(minimal) -> None:
    suggestion = suggest_level(minimal, [], {"coercion": Answer.NO, "persistence": Answer.YES}, False, None)
    assert suggestion.level == Level.AMBER
    assert suggestion.reasons == [
        "Rated Amber: Persistence, answered yes (Does it carry on after being redirected, or in secret?)."
    ]
    assert suggestion.brief == ["Rated Amber: Persistence answered yes."]


def test_a_yes_raises_the_level_and_quotes_its_question_once(minimal) -> None:
    suggestion = suggest_level(minimal, chosen(minimal, GREEN_ID), {"coercion": Answer.YES}, False, None)
    assert suggestion.level == Level.RED
    assert suggestion.reasons == [
        CURIOUS,
        "Raised to Red: Coercion, answered yes (Was there force, a threat, a bribe or a trick?).",
    ]
    assert suggestion.brief == [STARTS_GREEN_BRIEF, "Raised to Red: Coercion answered yes."]


def test_a_question_still_open_after_an_answered_one_is_listed_to_find_out(minimal) -> None:
    suggestion = suggest_level(minimal, [], {"coercion": Answer.NO}, False, None)
    assert suggestion.to_find_out == [
        "Persistence (not answered yet): Does it carry on after being redirected, or in secret? "
        "A yes would make it at least Amber."
    ]
