"""Search reads round 8's phrasings (probe set E, written blind from the kinds of case UK guidance
describes): "himself" after a word that is not touching ("forced himself on", "compares herself") is no
child's own body; touching or humping other children is not self-touch; a child telling of a brother
in her bed is a disclosure; pain and blood lift the items on injury, not distress; a child's age typed
well above the child's says "older" beside a partner; the staff member a child tells is on the
receiving end; a sixth former is no older than a young person of 16 or over; "2 men can have a baby" is a couple; circle time
is in class; and the word list knows puberty, wolf whistles and "bi".

Each rule has tests that fail on the commit before these rules (bc0737c): 50 of this file's 103 cases
do. The 14 cases after "after the review of 00acbc1" each fail on 00acbc1, 10 of the 11 after "after
the second review" fail on 2991ed2, and the 5 after "after the third review" fail on 08df3bd: three
safety reviews found those versions calming worries. The other cases beside them passed there too
and guard what must not change: the serious readings
that must not be calmed, and phrasings the rules must keep reading as before.
"""

from __future__ import annotations

import pytest
from search_words import context_names as _contexts
from search_words import context_names_at as _contexts_at
from search_words import first_ids as _ids
from search_words import first_levels as _levels

from behaviours import Pack
from behaviours.answers.search import _school_years, _stated_ages, typed_words

OWN = "their own body"
OLDER = "older or an adult"


# ------------------------------------------------------------ "himself", "herself"


@pytest.mark.parametrize(
    "words",
    [
        "older resident forced himself on a younger lad",
        "he forced himself on her at the party",
        "compares herself to insta filters",
        "hates himself and wont eat",
        "plays by himself at break",
    ],
)
def test_himself_after_other_words_is_not_the_childs_own_body(words: str) -> None:
    assert OWN not in _contexts(words)


@pytest.mark.parametrize(
    "words",
    [
        "touching herself",
        "keeps touching himself in class",
        "playing with himself",
        "rubs himself on the sofa",
        "puts her fingers inside herself",
        "exposed himself to girls on the field",
    ],
)
def test_himself_after_touching_is_the_childs_own_body(words: str) -> None:
    assert OWN in _contexts(words)


def test_forcing_himself_on_another_leads_with_red(shipped: Pack) -> None:
    assert _ids(shipped, "secure unit, older resident forced himself on a younger lad", 16)[0] == (
        "13-17-red-abuse-in-residential-care"
    )


def test_comparing_herself_leads_with_body_image_not_masturbation(shipped: Pack) -> None:
    ids = _ids(shipped, "wont eat, says she hates her body, compares herself to insta filters", 15)
    assert ids[0] == "13-17-amber-body-image-worry"


# ------------------------------------------------------------ touching other children


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("humps the other children at nap time", 3),
        ("humps other kids", 4),
        ("rubbing against a boy in the line", 6),
    ],
)
def test_humping_or_rubbing_on_other_children_is_never_green_first(shipped: Pack, words: str, age: int) -> None:
    levels = _levels(shipped, words, age)
    assert levels and levels[0] != "green", (words, levels)


def test_humping_other_children_finds_acting_out_sex(shipped: Pack) -> None:
    assert "0-5-red-acting-out-sex" in _ids(shipped, "humps the other children at nap time", 3)


def test_humping_a_cushion_stays_the_childs_own_body(shipped: Pack) -> None:
    assert _ids(shipped, "humping the sofa", 3)[0] == "0-5-green-touching-own-body"


# ------------------------------------------------------------ a brother or sister in the telling


def test_telling_of_a_brother_in_her_bed_is_a_disclosure(shipped: Pack) -> None:
    words = "said her big brother gets in her bed at night and does things"
    assert _ids(shipped, words, 7)[0] == "5-9-red-disclosure"


def test_force_named_with_the_one_held_between(shipped: Pack) -> None:
    assert "force or pressure" in _contexts("held another girl down in the sandpit")
    assert "force or pressure" in _contexts("holds her down and tickles her")
    levels = _levels(shipped, "held another girl down in the sandpit and tried to pull her knickers off", 4)
    assert "red" in levels[:2]


# ------------------------------------------------------------ pain and injury apart from distress


def test_blood_and_pain_are_injury_and_crying_is_distress() -> None:
    assert "injury, infection or pregnancy" in _contexts("there was blood")
    assert "injury, infection or pregnancy" in _contexts("says her bottom hurts")
    assert _contexts("crying after nappy changes") == {"distress"}


@pytest.mark.parametrize(
    ("words", "age", "first"),
    [
        ("crying and says her bottom hurts", 4, "0-5-red-unexplained-injury-or-infection"),
        ("sticks her fingers inside herself at nap time and there was blood", 4, "0-5-red-inserting-objects"),
        ("upset and crying after nappy changes", 2, "0-5-amber-distress-around-care"),
    ],
)
def test_injury_leads_with_the_items_on_injury(shipped: Pack, words: str, age: int, first: str) -> None:
    assert _ids(shipped, words, age)[0] == first


# ------------------------------------------------------------ ages and who is older


@pytest.mark.parametrize(
    ("words", "age"),
    [("17 yr old boyfriend", 12), ("her boyfriend is 17", 12), ("bf is 17 she is 11", 11)],
)
def test_a_childs_age_well_above_the_childs_leads_with_the_much_older_partner(
    shipped: Pack, words: str, age: int
) -> None:
    assert _ids(shipped, words, age)[0] == "9-13-red-much-older-partner"


def test_a_sixth_former_is_older_only_than_a_younger_child() -> None:
    assert OLDER not in _contexts_at("sixth former asking about the pill", 17)
    assert OLDER in _contexts_at("sixth former is seeing a year 8", 13)
    assert OLDER in _contexts_at("sixth former aged 19 is seeing her", 16)


@pytest.mark.parametrize(
    "words", ["came out as trans to her form tutor", "came out to the football coach", "told her teacher she is gay"]
)
def test_the_staff_member_a_child_tells_is_on_the_receiving_end(words: str) -> None:
    assert OLDER not in _contexts(words)


@pytest.mark.parametrize(
    "words",
    [
        "went out to the coachs car",
        "snuck out to meet the coach",
        "teacher told her she is pretty",
        "told her teacher a man touched her",
    ],
)
def test_a_staff_member_who_acts_stays_older(words: str) -> None:
    assert OLDER in _contexts(words)


def test_coming_out_to_a_tutor_leads_with_identity(shipped: Pack) -> None:
    assert _ids(shipped, "15yo came out as trans to form tutor", 15)[0] == "13-17-green-identity"


def test_two_men_in_digits_having_a_baby_is_a_couple(shipped: Pack) -> None:
    assert OLDER not in _contexts("asked me how 2 men can have a baby")
    assert OLDER in _contexts("2 men followed her home")
    assert _ids(shipped, "asked me how 2 men can have a baby", 7)[0] == "5-9-green-questions-sex-babies-relationships"


def test_circle_time_is_in_class(shipped: Pack) -> None:
    assert "in public" in _contexts("rubs himself at circle time")
    assert _levels(shipped, "touching himself at circle time", 4)[0] == "amber"
    # "Story time" is as often at home: "dad does story time naked" is not in class.
    assert "in public" not in _contexts("dad does story time naked")


# ------------------------------------------------------------ the word list (content 2.1.4)


@pytest.mark.parametrize(
    ("words", "age", "first"),
    [
        ("had a wet dream", 12, "9-13-green-questions-and-information"),
        ("voice is breaking and embarrassed", 12, "9-13-green-questions-and-information"),
        ("asked about tampons", 11, "9-13-green-questions-and-information"),
        ("11 year old told me they think theyre bi", 11, "9-13-green-identity"),
    ],
)
def test_everyday_words_find_the_healthy_item(shipped: Pack, words: str, age: int, first: str) -> None:
    assert _ids(shipped, words, age)[0] == first


def test_wolf_whistling_is_sexual_bullying(shipped: Pack) -> None:
    ids = _ids(shipped, "wolf whistled at a girl walking past", 12)
    assert "9-13-amber-sexual-bullying" in ids
    assert _levels(shipped, "wolf whistled at a girl walking past", 12)[0] != "green"


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("having sex", 14),
        ("didnt want to but he kept going", 15),
        ("he said to wait until she is older", 13),
        ("man online asked about her periods", 12),
        ("he asked her how big her boobs were", 13),
        ("stepdad asks about her periods and bra size", 11),
    ],
)
def test_the_new_words_never_calm_a_worry(shipped: Pack, words: str, age: int) -> None:
    ids = _ids(shipped, words, age)
    assert ids and not ids[0].startswith(("13-17-green", "9-13-green")), (words, ids)


# ------------------------------------------------------------ ages and school years as people type them


@pytest.mark.parametrize(
    ("words", "ages"),
    [
        ("my 9yo", [9]),
        ("a 12yr old", [12]),
        ("14yrs old", [14]),
        ("15 y/o", [15]),
        ("12 yos", [12]),
        ("15yo girl, dev age around 10", [15]),
        ("a mental age of 6 and a 14 year old", [14]),
    ],
)
def test_ages_joined_to_their_unit_are_read_and_developmental_ages_are_not(words: str, ages: list[int]) -> None:
    assert _stated_ages(typed_words(words)) == ages


@pytest.mark.parametrize(
    ("words", "years"), [("y9 sent a nude", [9]), ("yr9 girl", [9]), ("sends snaps to year 7s", [7])]
)
def test_school_years_written_short_are_read(words: str, years: list[int]) -> None:
    assert _school_years(typed_words(words)) == years


def test_a_child_of_15_with_a_developmental_age_is_no_one_older() -> None:
    words = "15yo girl, mild LD, dev age around 10, kissing a boy in her class, both want to"
    assert OLDER not in _contexts_at(words, 15)


@pytest.mark.parametrize(
    ("words", "age", "first"),
    [
        ("15yo lad doing sexual stuff with his 12yo girlfriend", 15, "13-17-red-partner-under-13"),
        ("touched the family dog in a sexual way", 10, "9-13-red-animals"),
        ("went to a party and the older lads passed her round", 13, "9-13-red-group-exploitation"),
        ("resi home, one kid touched another", 12, "9-13-red-abuse-in-residential-care"),
        ("y11 put his nudes of her on his story", 16, "13-17-red-sharing-others-images"),
        ("porn all night, failing at school, cant think about anything else", 16, "13-17-red-preoccupation-with-sex"),
        ("shes obsessed with a kpop singer, posters everywhere", 11, "9-13-green-crushes"),
        ("y2 boy says he has a girlfriend in class", 6, "5-9-green-kiss-chase-and-crushes"),
    ],
)
def test_practitioners_words_find_the_item_they_mean(shipped: Pack, words: str, age: int, first: str) -> None:
    assert _ids(shipped, words, age)[0] == first


def test_male_staff_are_adults_but_staff_who_noticed_are_not() -> None:
    assert OLDER in _contexts("keeps asking male staff to touch her")
    assert OLDER not in _contexts("staff found them kissing")


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("held her wrists and kissed her", 13),
        ("holds her down and tickles her", 8),
        ("mums ex still messages her", 14),
        ("watches porn", 16),
    ],
)
def test_the_second_word_list_never_leads_with_the_wrong_item(shipped: Pack, words: str, age: int) -> None:
    ids = _ids(shipped, words, age)
    assert ids and ids[0] not in {
        "9-13-green-kissing-hugging",
        "5-9-green-kiss-chase-and-crushes",
        "13-17-red-sharing-others-images",
        "13-17-red-preoccupation-with-sex",
    }, (words, ids)


# ------------------------------------------------------------ after the review of 00acbc1


@pytest.mark.parametrize(
    "words",
    [
        "came out to her teacher who then kissed her",
        "came out as trans to her coach who asked to see her body",
        "told the coach she loves him and they have been meeting",
        "talked to the coach on the phone for hours",
        "came out to her teacher, teacher now messaging her",
    ],
)
def test_a_staff_member_told_who_then_acts_stays_older(words: str) -> None:
    assert OLDER in _contexts(words)


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("came out to her teacher who then kissed her", 15),
        ("came out as bi to her coach who kissed her", 16),
        ("decided to wait and he sent her a picture of his penis", 14),
        ("being called queer and bi as insults", 12),
    ],
)
def test_a_worry_beside_the_new_readings_is_never_green_first(shipped: Pack, words: str, age: int) -> None:
    levels = _levels(shipped, words, age)
    assert levels and levels[0] != "green", (words, levels)


def test_a_childs_age_says_older_only_beside_a_partner(shipped: Pack) -> None:
    assert _ids(shipped, "a 13 year old made her suck", 8)[0] == "5-9-red-forcing-others"


def test_a_sibling_kissing_goodnight_is_no_disclosure(shipped: Pack) -> None:
    assert _levels(shipped, "says her brother kisses her goodnight", 5)[0] == "green"


def test_a_sixth_former_with_a_younger_year_stays_older() -> None:
    assert OLDER in _contexts_at("sixth former having sex with a year 10", 15)
    assert OLDER in _contexts_at("sixth former having sex with a year 10", 16)


def test_hurt_alone_is_distress_and_pain_down_there_is_injury() -> None:
    assert _contexts("fell and hurt herself") == {"distress"}
    assert "injury, infection or pregnancy" in _contexts("says it hurts when she wees")


def test_comparing_herself_with_filters_is_body_image(shipped: Pack) -> None:
    assert _ids(shipped, "compares herself to instagram filters", 13)[0] == "13-17-amber-body-image-worry"


# ------------------------------------------------------------ after the second review (2991ed2)


def test_only_the_first_number_after_a_developmental_word_is_the_childs() -> None:
    assert _stated_ages(typed_words("mentally 9, 21 year old messaging her")) == [21]
    assert OLDER in _contexts_at("developmental age 9 17 year old boyfriend", 15)
    assert OLDER in _contexts_at("dev age 6, 15yo touched her", 14)


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("got steam cards for sending nudes", 13),
        ("boys asking what colour her bra is", 12),
        ("boy in year 9 texting her", 11),
        ("pop star messaged her on instagram", 11),
        ("a 20 year old asked if she had started her periods", 11),
        ("someone on instagram asked when she started her periods", 12),
        ("mentally 9, 21 year old messaging her", 15),
    ],
)
def test_the_second_reviews_worries_lead_with_red(shipped: Pack, words: str, age: int) -> None:
    assert _levels(shipped, words, age)[0] == "red", (words, _ids(shipped, words, age))


def test_vouchers_and_someone_on_an_app_name_their_contexts() -> None:
    assert "money or gifts" in _contexts("man sends her amazon vouchers")
    assert "someone known only online" in _contexts("someone on instagram asked when she started her periods")


def test_a_staff_member_told_who_then_hugs_stays_older() -> None:
    assert OLDER in _contexts("told her tutor she has feelings for him and he hugged her")
    assert OLDER not in _contexts("asked her teacher whether she might be gay")


def test_a_pet_in_play_is_not_red_first(shipped: Pack) -> None:
    assert _levels(shipped, "plays with the puppy all day", 3)[0] != "red"


# ------------------------------------------------------------ after the third review (08df3bd)


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("decided to wait but the lads at school have been touching her", 13),
        ("wants to wait but her bf says he will leave her", 14),
        ("says her brother sleeps in her bed and touches her bum", 6),
        ("says her cousin gets in her bed and touches her bum", 5),
    ],
)
def test_the_third_reviews_worries_are_never_green_first(shipped: Pack, words: str, age: int) -> None:
    levels = _levels(shipped, words, age)
    assert levels and levels[0] != "green", (words, levels)


def test_a_child_telling_of_a_sibling_in_her_bed_is_read_as_a_disclosure() -> None:
    assert "a child telling of a brother, sister or cousin" in _contexts("says her brother sleeps in her bed")
    assert "a child telling of a brother, sister or cousin" not in _contexts("says her brother kisses her goodnight")
    assert "a child telling of a brother, sister or cousin" not in _contexts("her brother sleeps in her bed")
