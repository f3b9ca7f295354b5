"""Search reads everyday words as words (round 6): common English is never "corrected", a typo names
its context as the word would, a swapped pair of letters is one typo, a child's own body with nothing
else said leads with what is expected at the age, and words that only say where (school, the bus,
class) make more serious only the behaviours that speak of that place.

Each test fails on the commit before these rules: "doing sexual stuff with his cousin" was read as
"staff" (an adult), "older man gave her presants" at 13 led with amber, "sent nudes to an adutl" found
no adult, "touches herself" at 3 led with amber, "on snapchat with school friends" at 11 led with red,
and "sexting with a lad in her year" at 14 did not show the item on sending images.
"""

from __future__ import annotations

import pytest
from search_words import context_names as _context_names
from search_words import context_names_at as _context_names_at
from search_words import first_ids as _ids
from search_words import first_levels as _levels

from behaviours import Pack
from behaviours.answers.finding import find
from behaviours.answers.search import english_words

# ------------------------------------------------------------ spelling


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("doing sexual stuff with his cousin", 11),
        ("loads of messages from a boy", 13),
        ("showed his mate a video", 12),
        ("locks the bathroom door", 10),
    ],
)
def test_common_english_words_are_never_taken_for_typos(shipped: Pack, words: str, age: int) -> None:
    assert find(shipped, words, age=age, limit=3).did_you_mean is None


@pytest.mark.parametrize(
    ("words", "corrected"),
    [
        ("masterbating", "masturbating"),
        ("she was rapped", "raped"),  # a rare real word, far likelier a slip here
        ("sent nudes to an adutl", "adult"),  # two letters swapped: one typo
        ("harrassment", "harassment"),
    ],
)
def test_misspellings_are_still_corrected(shipped: Pack, words: str, corrected: str) -> None:
    did_you_mean = find(shipped, words, age=15, limit=3).did_you_mean
    assert did_you_mean is not None and corrected in did_you_mean.split()


def test_the_english_word_list_is_loaded_and_holds_everyday_words_not_misspellings() -> None:
    words = english_words()
    assert {"stuff", "mate", "loads", "books"} <= words
    assert not {"masterbating", "groomng", "adutl", "rapped"} & words


def test_a_typo_names_its_context_as_the_word_would(shipped: Pack) -> None:
    # "presants" is "presents": gifts from an older man, so the red item on a much older partner leads.
    assert _levels(shipped, "older man gave her presants", 13)[0] == "red"
    assert _ids(shipped, "older man gave her presants", 13)[0] == _ids(shipped, "older man gave her presents", 13)[0]


def test_sexual_stuff_with_a_cousin_leads_with_abuse_in_the_family_not_touching_staff(shipped: Pack) -> None:
    assert _ids(shipped, "doing sexual stuff with his cousin", 11)[0] == "9-13-red-family-member"


# ------------------------------------------------------------ a child's own body, nothing else said


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("touches herself", 3),
        ("touching himself", 7),
        ("touching herself", 10),
        ("touching herself", 14),
        ("playing with his willy", 4),
        ("touching his privates", 4),
    ],
)
def test_own_body_with_nothing_else_said_leads_with_green(shipped: Pack, words: str, age: int) -> None:
    assert _levels(shipped, words, age)[0] == "green"


@pytest.mark.parametrize(
    ("words", "age", "first"),
    [
        ("keeps touching herself", 3, "red"),
        ("touching herself all the time", 4, "red"),
        ("touching himself in class", 7, "amber"),
        ("touching himself in front of other children", 8, "red"),
        ("masturbating in public", 15, "red"),
    ],
)
def test_own_body_with_words_that_raise_it_leads_with_that_level(
    shipped: Pack, words: str, age: int, first: str
) -> None:
    assert _levels(shipped, words, age)[0] == first


# ------------------------------------------------------------ where, and who


@pytest.mark.parametrize(
    ("words", "age", "expected"),
    [
        ("on snapchat with school friends", 11, "9-13-green-popular-culture-online"),
        ("sexual comments in class", 12, "9-13-amber-sexual-bullying"),
    ],
)
def test_a_place_does_not_make_every_match_more_serious(shipped: Pack, words: str, age: int, expected: str) -> None:
    assert _ids(shipped, words, age)[0] == expected


def test_a_crush_on_a_classmate_leads_with_a_green_crushes_item(shipped: Pack) -> None:
    # At 9 both bands are searched; a crushes item is in the top three, and nothing is raised by "class".
    assert _levels(shipped, "has a crush on a boy in her class", 9)[0] == "green"
    assert any("crushes" in i for i in _ids(shipped, "has a crush on a boy in her class", 9))


def test_a_lad_is_not_an_adult(shipped: Pack) -> None:
    assert _ids(shipped, "sexting with a lad in her year", 14)[0] == "13-17-amber-taking-or-sending-images"


# ------------------------------------------------------------ how a report is told, and the same age


@pytest.mark.parametrize(
    ("words", "age", "expected"),
    [
        ("says she has a boyfriend in year 2", 6, "5-9-green-kiss-chase-and-crushes"),
        ("says he is not ready to have sex", 16, "13-17-green-choosing-not-to-be-active"),
    ],
)
def test_says_reports_what_a_child_said_it_is_no_disclosure_by_itself(
    shipped: Pack, words: str, age: int, expected: str
) -> None:
    assert _ids(shipped, words, age)[0] == expected


def test_a_disclosure_in_a_childs_words_still_leads_with_red(shipped: Pack) -> None:
    assert _levels(shipped, "she said her uncle touched her", 7)[0] == "red"
    assert "5-9-red-disclosure" in _ids(shipped, "she said her uncle touched her", 7)


@pytest.mark.parametrize(
    ("words", "age", "expected"),
    [
        ("got a girlfriend same age", 14, "13-17-green-relationships"),
        ("going out with a girl in his year", 16, "13-17-green-relationships"),
    ],
)
def test_a_partner_of_the_same_age_is_not_an_older_partner(shipped: Pack, words: str, age: int, expected: str) -> None:
    ids = _ids(shipped, words, age)
    assert ids[0] == expected
    assert not any(i.endswith(("much-older-partner", "partner-under-13")) for i in ids)


def test_an_older_partner_still_leads_with_red(shipped: Pack) -> None:
    assert _ids(shipped, "older boyfriend", 13)[0].endswith("much-older-partner")


# ------------------------------------------------------------ ages typed beside the child's age


@pytest.mark.parametrize(
    ("words", "age", "expected"),
    [
        ("touched a 5 year old on the trampoline", 11, "9-13-red-younger-or-less-able"),
        ("her boyfriend is 17", 12, "9-13-red-much-older-partner"),
        ("hes 18 and shes 14", 14, "13-17-red-much-older-partner"),  # "he's" typed without the apostrophe
        ("girlfriend is 12", 14, "13-17-red-partner-under-13"),
        ("sex with a 12 year old", 15, "13-17-red-partner-under-13"),
    ],
)
def test_an_age_typed_is_read_beside_the_childs_age(shipped: Pack, words: str, age: int, expected: str) -> None:
    assert _ids(shipped, words, age)[0] == expected


def test_a_school_year_is_not_an_age(shipped: Pack) -> None:
    # "year 10" is a school year: at 15 it names no one younger, so nothing on younger children leads.
    assert not _ids(shipped, "year 10 boys rating girls", 15)[0].endswith("younger-or-less-able")


# ------------------------------------------------------------ young people's words for where and who


@pytest.mark.parametrize(
    ("words", "age", "expected"),
    [
        ("wanking in his room", 15, "13-17-green-private-masturbation"),  # his room, not a changing room
        ("touching himself under the desk", 10, "9-13-red-public-exposure-or-masturbation"),
        ("pedo messaging her", 13, "9-13-red-online-grooming"),
    ],
)
def test_young_peoples_words_for_where_and_who(shipped: Pack, words: str, age: int, expected: str) -> None:
    assert _ids(shipped, words, age)[0] == expected


def test_snap_is_online(shipped: Pack) -> None:
    assert "9-13-red-meeting-online-contact" in _ids(shipped, "going to meet a lad she met on snap", 12)


# ------------------------------------------------------------ force and money in plain words


@pytest.mark.parametrize(
    "words", ["older brother makes him do things", "asked her to send pics or he would dump her", "pushed her down"]
)
def test_force_between_children_in_plain_words(words: str) -> None:
    assert "force or pressure" in _context_names(words)


def test_the_pill_is_contraception_not_drugs_or_money(shipped: Pack) -> None:
    assert "money or gifts" not in _context_names("wants to go on the pill")
    assert _levels(shipped, "wants to go on the pill", 16)[0] != "red"


def test_free_lifts_and_staying_for_free_are_something_given(shipped: Pack) -> None:
    assert "money or gifts" in _context_names("staying at an older mans flat for free")
    assert "13-17-red-exchange" in _ids(shipped, "staying at an older mans flat for free", 15)


# ------------------------------------------------------------ self-touch words, objects, each other


@pytest.mark.parametrize(
    ("words", "age"),
    [("put a pencil in her vagina", 6), ("objects inside her private parts", 5), ("put a crayon up his bottom", 4)],
)
def test_something_put_inside_leads_with_the_red_item_never_self_touch(shipped: Pack, words: str, age: int) -> None:
    first = find(shipped, words, age=age, limit=1).hits[0]
    assert first.behaviour.id.endswith("red-inserting-objects")


@pytest.mark.parametrize(("words", "age"), [("wanking", 7), ("fapping", 7), ("beating off", 7), ("masturbating", 10)])
def test_a_bare_word_for_masturbation_leads_with_what_is_expected_at_the_age(
    shipped: Pack, words: str, age: int
) -> None:
    assert _levels(shipped, words, age)[0] == "green"


def test_touching_each_other_is_not_a_childs_own_body(shipped: Pack) -> None:
    assert "their own body" not in _context_names("masturbating each other")
    assert _ids(shipped, "showed each other their bits in the wendy house", 6)[0] == "5-9-green-mutual-showing"


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("touching herself and cries", 6),  # distress
        ("touching his privates on other children", 4),  # another child's body
        ("touching herself while watching porn", 8),  # something more than her own body is said
        ("masturbating all the time", 10),  # how often raises every match, not only items that say it
        ("wanking all the time", 12),
    ],
)
def test_own_body_with_more_said_does_not_lead_with_green(shipped: Pack, words: str, age: int) -> None:
    assert _levels(shipped, words, age)[0] != "green"


def test_violence_in_a_relationship_is_force(shipped: Pack) -> None:
    assert "force or pressure" in _context_names("sex with her boyfriend but he hits her")
    assert _levels(shipped, "sex with her boyfriend but he hits her", 16)[0] == "red"


# ------------------------------------------------------------ kissing, and place words that only say where


@pytest.mark.parametrize(("words", "age"), [("kissing", 10), ("kissing", 15), ("snogging at the school disco", 12)])
def test_plain_kissing_leads_with_the_green_item(shipped: Pack, words: str, age: int) -> None:
    assert _ids(shipped, words, age)[0].endswith("green-kissing-hugging")


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("kissed her when she said no", 10),
        ("forced to kiss", 12),
        ("kissed without consent", 12),
        ("kissed her while she was asleep", 14),
        ("foster carer kisses her on the lips", 10),
    ],
)
def test_a_kiss_that_was_not_wanted_or_from_an_adult_never_leads_with_green(
    shipped: Pack, words: str, age: int
) -> None:
    assert _levels(shipped, words, age)[0] != "green"


def test_a_place_matched_only_in_a_note_does_not_make_a_match_more_complete(shipped: Pack) -> None:
    # The red item's note names schools; "on the school bus" says only where the jokes were told.
    assert _levels(shipped, "dirty jokes on the school bus", 15)[0] == "green"
    # An item that speaks of the place still gains from it.
    assert _levels(shipped, "touching himself in class", 7)[0] == "amber"


# ------------------------------------------------------------ review of round 6: what the first rules broke


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("having sex with boyfriend same age", 12),  # under 13: the law makes it red, whatever the ages
        ("oral sex with a boy her age", 12),
        ("masturbating the dog", 12),
        ("wanking over pictures of kids", 14),
        ("masturbating while an adult watches", 11),
    ],
)
def test_red_situations_with_same_age_or_masturbation_words_lead_with_red(shipped: Pack, words: str, age: int) -> None:
    assert _levels(shipped, words, age)[0] == "red"


@pytest.mark.parametrize(
    ("words", "age"),
    [("boyfriend twice her age", 14), ("seeing a lad nowhere near her age", 15), ("masturbating on video call", 14)],
)
def test_older_partners_and_masturbation_online_never_lead_with_green(shipped: Pack, words: str, age: int) -> None:
    assert _levels(shipped, words, age)[0] != "green"


@pytest.mark.parametrize(("words", "age"), [("attracted to the same sex", 13), ("asking about same sex couples", 7)])
def test_same_sex_is_not_same_age(shipped: Pack, words: str, age: int) -> None:
    assert _levels(shipped, words, age)[0] == "green"


def test_telling_beside_someone_who_may_have_done_it_brings_the_disclosure_item(shipped: Pack) -> None:
    assert "5-9-red-disclosure" in _ids(shipped, "he said a man showed him his willy", 6)
    # ... and telling alone is not a disclosure.
    assert _levels(shipped, "says she has a boyfriend in year 2", 6)[0] == "green"


@pytest.mark.parametrize(
    ("words", "age", "expected"),
    [
        ("touched by his grandmother", 7, "red"),  # an English word near a pack word's stem, and a relative
        ("touching a youngster", 9, "red"),
        ("watching pornographic material", 14, "amber"),  # "pornographic" is "pornography", as before
    ],
)
def test_real_words_that_are_forms_of_pack_words_still_find_them(
    shipped: Pack, words: str, age: int, expected: str
) -> None:
    assert _levels(shipped, words, age)[0] == expected


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("playing mums and dads and makes him be the dad", 4),  # "makes him" in a game is not force
        ("kiss chase and pushed her over", 6),
        ("mum upset because he touches himself at bedtime", 4),  # the parent's upset, not the child's
    ],
)
def test_ordinary_play_and_a_parents_worry_do_not_lead_with_red(shipped: Pack, words: str, age: int) -> None:
    assert _levels(shipped, words, age)[0] != "red"


@pytest.mark.parametrize(
    ("words", "age"),
    [("someone touched his willy", 6), ("her cousin touched her privates", 7), ("grandad touched her privates", 5)],
)
def test_someone_elses_hand_is_never_read_as_self_touch(shipped: Pack, words: str, age: int) -> None:
    assert "their own body" not in _context_names(words)
    assert _levels(shipped, words, age)[0] != "green"


def test_an_app_boyfriend_is_someone_known_only_online(shipped: Pack) -> None:
    assert _levels(shipped, "getting the train to see her insta boyfriend", 14)[0] != "green"
    assert _levels(shipped, "flirting on snap with a boy from school", 14)[0] == "green"


# ------------------------------------------------------------ serious things named without the usual words


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("it stings when she wees", 4),  # injury or infection, where only green items share a word
        ("blood in her knickers", 6),
        ("always got fifty quid on him", 13),  # money; "fifty" is not an adult's age
        ("she was too out of it", 16),
        ("felt like she had to have sex with him", 16),
        ("kissed her when she pulled away", 11),
        ("going out with a uni student", 13),
        ("put her private photos in the group chat", 12),
        ("says someone touched her front bottom", 4),
        ("pregnancy test came back positive", 14),
        ("touched her while she was sleeping", 14),
    ],
)
def test_serious_things_in_everyday_words_never_lead_with_green(shipped: Pack, words: str, age: int) -> None:
    assert _levels(shipped, words, age)[0] != "green"


def test_an_adult_named_in_ordinary_affection_does_not_bring_red_items(shipped: Pack) -> None:
    # (A relative named in affection, "kisses grandad goodbye", still leads with red: the relative's items join.)
    assert _levels(shipped, "hugs the dinner lady", 4)[0] == "green"


def test_a_school_year_gives_an_age(shipped: Pack) -> None:
    assert "younger" in _context_names_at("kissing a year 3 girl", 11)
    assert "older or an adult" in _context_names_at("going out with a lad in year 11", 12)
    assert "younger" not in _context_names_at("year 10 boys rating girls", 15)


def test_going_on_the_pill_is_sexual_health_advice(shipped: Pack) -> None:
    assert _ids(shipped, "wants to go on the pill", 16)[0] == "13-17-green-seeking-sexual-health-advice"


def test_privates_are_private_parts_never_in_private(shipped: Pack) -> None:
    # "Privates" and "private" share a stem: someone touching her privates is not "masturbates in private".
    assert _levels(shipped, "they touched her privates at the party", 14)[0] != "green"
    assert _levels(shipped, "touching his privates", 4)[0] == "green"  # a young child's own self-touch


@pytest.mark.parametrize(("words", "age"), [("touched her privates", 9), ("touched his willy", 5)])
def test_a_past_touch_with_no_one_named_is_not_read_as_self_touch(shipped: Pack, words: str, age: int) -> None:
    assert "their own body" not in _context_names(words)
    assert _levels(shipped, words, age)[0] != "green"
