"""Search reads round 9's phrasings (probe set F, written blind, and round 7's set D): a child telling or
asking someone about something healthy (who they are, puberty, a crush, where babies come from) is
answered with the healthy item, not with a disclosure or abuse by a family adult; "how are babies made"
names no force and no younger child; a young child asking once what sex is gets the green question items
first; and a school year typed ("in yr 6") is no one's age.

The cases marked "healthy" fail on the commit before these rules (9ffc90f); those marked "worrying" pass
there too and guard what the rules must not calm: a second person, an age, a word of touching or secrecy
keeps the sentence as typed.
"""

from __future__ import annotations

import pytest
from search_words import context_names_at as _contexts_at
from search_words import first_ids as _ids
from search_words import first_levels as _levels

from behaviours import Pack
from behaviours.answers.search import _ages_typed, _ages_without_own_year, _what_was_said, typed_words

OLDER = "older or an adult"
FORCE = "force or pressure"
YOUNGER = "younger"


# ------------------------------------------------------------ telling or asking someone something healthy


@pytest.mark.parametrize(
    ("words", "age", "first"),
    [
        ("told his mum he is gay", 14, "13-17-green-identity"),
        ("told his mum he's gay", 12, "9-13-green-identity"),
        ("told her friends she is bi", 13, "13-17-green-identity"),
        ("told his stepdad he is bisexual", 15, "13-17-green-identity"),
        ("12yo told her aunt she thinks shes bi", 12, "9-13-green-identity"),
        ("yr 10 told his dad hes trans", 15, "13-17-green-identity"),
        ("came out to his dad", 15, "13-17-green-identity"),
        ("came out to her nan as a lesbian", 13, "13-17-green-identity"),
        ("told his dad he feels like a girl", 14, "13-17-green-identity"),
        ("asked her aunt about tampons", 11, "9-13-green-questions-and-information"),
        ("asked his dad what a wet dream is", 12, "9-13-green-questions-and-information"),
        ("boy 12 asked his dad about wet dreams, embarrassed", 12, "9-13-green-questions-and-information"),
        ("13 year old boy asked his aunt about wet dreams", 13, "9-13-green-questions-and-information"),
        ("asked her nan about puberty", 10, "9-13-green-questions-and-information"),
    ],
)
def test_a_child_telling_or_asking_about_something_healthy_is_answered_with_it(
    shipped: Pack, words: str, age: int, first: str
) -> None:
    """Healthy: before, "told" led with the disclosure items and "aunt" or "dad" with abuse by an adult relative."""
    ids = _ids(shipped, words, age)
    # At 13 both the 9-13 and the 13-17 band apply: the item's band may be either.
    assert ids[0].split("-", 2)[2] == first.split("-", 2)[2], ids
    assert _levels(shipped, words, age)[0] == "green"


def test_a_young_child_telling_a_relative_they_feel_another_gender_is_not_red(shipped: Pack) -> None:
    """Healthy: 5-9 has no identity item, so the green question item comes first rather than red disclosure."""
    assert _levels(shipped, "7yo told his aunty he thinks hes a girl inside", 7)[0] == "green"


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("told her aunt her uncle touches her", 10),
        ("told his mum a man touched him", 9),
        ("told her mum her uncle is her boyfriend", 12),
        ("told mum she has a secret boyfriend", 13),
        ("told her mum her boyfriend is 20", 14),
        ("told mum she has a boyfriend he is 25", 13),
        ("said she has a boyfriend in year 11", 12),
        ("told her mum about sex", 9),
        ("told his mum he is gay and a man messaged him", 14),
        ("told her teacher she is bi and her uncle found out", 13),
        ("asked her mum about periods, she is bleeding a lot", 10),
        # A partner or crush told to an adult may be that adult (found by this round's own review).
        ("told the teacher she fancies him", 14),
        ("said to the coach that he is her boyfriend", 15),
        # Found by this round's second review (of the first version of these rules): after "said" the one
        # named did it; the one named then asked; asked *for* sex; "wants to have sex".
        ("said daddy wants sex", 5),
        ("said her uncle has sex with her and asked if it is normal", 11),
        ("said coach asked about her periods", 12),
        ("asked uncle for sex", 10),
        ("told me she wants to have sex", 6),
    ],
)
def test_worrying_words_keep_the_sentence_as_typed(shipped: Pack, words: str, age: int) -> None:
    """Worrying: a second person, an age, touching, secrecy, bleeding or "told ... about sex" lead with red."""
    assert _levels(shipped, words, age)[0] == "red"


def test_only_the_words_of_telling_and_the_one_told_go() -> None:
    assert _what_was_said(typed_words("asked her aunt about tampons"), 11) == ["asked", "her", "about", "tampons"]
    assert _what_was_said(typed_words("told his mum he is gay"), 14) == ["came", "out", "his", "he", "is", "gay"]
    # Two family adults: one may be the one who did something.
    two = typed_words("told her mum her uncle is her boyfriend")
    assert _what_was_said(two, 12) == two
    # An age that is not the child's is someone else's.
    other = typed_words("12yo told her aunt she thinks shes bi")
    assert _what_was_said(other, 15) == other


# ------------------------------------------------------------ where babies come from


@pytest.mark.parametrize(("words", "age"), [("how are babies made", 5), ("asked mum how babies are made", 5)])
def test_where_babies_come_from_is_a_question_not_force(shipped: Pack, words: str, age: int) -> None:
    """Healthy: "made" had read as force and "babies" as a younger child, leading with red."""
    assert not {FORCE, YOUNGER} & _contexts_at(words, age)
    assert _levels(shipped, words, age)[0] == "green"


@pytest.mark.parametrize(("words", "age"), [("he made her have a baby", 13), ("made the baby cry", 6)])
def test_made_and_baby_elsewhere_keep_their_meaning(shipped: Pack, words: str, age: int) -> None:
    assert FORCE in _contexts_at(words, age)
    assert _levels(shipped, words, age)[0] == "red"


@pytest.mark.parametrize(
    ("words", "age"),
    [("asked how babies are made, dad made her", 6), ("where do babies come from, he made her do it", 5)],
)
def test_a_babies_question_with_something_done_is_no_question(shipped: Pack, words: str, age: int) -> None:
    """Found by the second review: a second "made", or "did" after the babies, says what was done."""
    assert FORCE in _contexts_at(words, age) or YOUNGER in _contexts_at(words, age)
    assert _levels(shipped, words, age)[0] != "green"


# ------------------------------------------------------------ a young child's question


def test_a_young_child_asking_once_what_sex_is_gets_the_green_question_item_first(shipped: Pack) -> None:
    assert _ids(shipped, "asked what sex is", 7)[0] == "5-9-green-questions-sex-babies-relationships"
    assert _ids(shipped, "asked mum what sex is", 7)[0] == "5-9-green-questions-sex-babies-relationships"


def test_asking_again_and_again_or_about_a_worrying_word_is_not_calmed(shipped: Pack) -> None:
    assert _ids(shipped, "keeps asking what sex is", 7)[0] == "5-9-amber-persistent-sexual-questions"
    assert _levels(shipped, "asked what rape means", 7)[0] == "red"


# ------------------------------------------------------------ school years are not ages


def test_the_childs_own_school_year_is_no_ones_age() -> None:
    # Year 6 holds 10 and 11 year olds: beside a child of 11 it is the child's own year.
    assert _ages_without_own_year(typed_words("my 11 yr old son has a boyfriend in yr 6"), 11) == [11]
    # Any other school year stays a number, as before round 9 (the fourth review: "a 15 yo and a year 8").
    assert _ages_without_own_year(typed_words("a 15 yo and a year 8 having sex"), 15) == [15, 8]
    # Two school years both stay ("yr 13 ... with a yr 8").
    assert _ages_without_own_year(typed_words("yr 13 pupil having sex with a yr 8"), 17) == [13, 8]
    assert _ages_typed(typed_words("she is 12 and he is 17")) == [12, 17]


def test_a_school_year_beside_the_childs_age_names_no_one_older(shipped: Pack) -> None:
    assert OLDER not in _contexts_at("my 11 yr old son says he has a boyfriend in yr 6", 11)
    assert OLDER in _contexts_at("year 7 girl with a 19 year old boyfriend", 12)
    assert _levels(shipped, "year 7 girl with a 19 year old boyfriend", 12)[0] == "red"
    # Two school years far apart still name two ages far apart (the second review).
    assert OLDER in _contexts_at("yr 13 pupil having sex with a yr 8", 17)


# ------------------------------------------------------------ a boyfriend or girlfriend of the child's age


@pytest.mark.parametrize(
    ("words", "age", "first"),
    [
        ("has a boyfriend", 12, "9-13-green-boyfriend-or-girlfriend"),
        ("her bf", 13, "9-13-green-boyfriend-or-girlfriend"),
        ("got a boyfriend in year 10", 15, "13-17-green-relationships"),
        ("snogging his gf at the bus stop", 14, "13-17-green-kissing-hugging"),
        (
            "12 yo has a girlfriend in her form, same age, they walk home together",
            12,
            "9-13-green-boyfriend-or-girlfriend",
        ),
    ],
)
def test_a_partner_of_the_childs_age_is_answered_with_the_green_item(
    shipped: Pack, words: str, age: int, first: str
) -> None:
    """Healthy: "dating" and "relationship" (the partner words' synonyms) had led with dating apps or grooming,
    "walk home" with going missing; "gf" and "bf" found nothing."""
    assert _ids(shipped, words, age)[0].split("-", 2)[2] == first.split("-", 2)[2]


def test_a_partner_whose_age_is_typed_near_the_childs_is_of_a_similar_age(shipped: Pack) -> None:
    assert "the same age" in _contexts_at("16yo and her gf 16 having sex, using protection", 16)
    assert _levels(shipped, "16yo and her gf 16 having sex, using protection, both happy", 16)[0] == "green"
    # The child's own age typed says nothing of the partner's.
    assert "the same age" not in _contexts_at("3 year old talks about being in bed like mummy and her boyfriend", 3)


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("mum's boyfriend", 8),
        ("her boyfriend is 17", 12),
        ("has a secret boyfriend", 12),
        ("told me her bf asks for sex", 12),
        ("her boyfriend asks for sex", 12),
        ("3 year old keeps going on about tongue kissing and being in bed naked like mummy and her boyfriend", 3),
        # Found by the review of the first version of these rules (556 phrasings): sex under 13 with an age
        # typed, a partner years older by school year, a partner's claimed age, a parent's new partner, a
        # partner with a child, "bf" at 9 (a best friend), a partner met online, images asked for.
        ("her boyfriend 12 wants sex", 12),
        ("she is 13 and her boyfriend is in year 11", 13),
        ("her boyfriend says he is 14", 13),
        ("her boyfriend is 13 he says", 13),
        ("he says he is her boyfriend", 10),
        ("the new boyfriend at home", 9),
        ("her boyfriend has a daughter", 15),
        ("her bf and her were touching each other", 9),
        ("she met her boyfriend on snapchat", 13),
        ("her boyfriend 14 wants her to send nudes", 14),
        ("asked mum if it is normal for her bf to want sex", 12),
        ("bf 17", 13),
        # Found by the third review: "old" alone, a partner two or three years older, control, a car, never met.
        ("her boyfriend is old", 13),
        ("his gf 16", 13),
        ("her gf is 14 and very controlling", 14),
        ("her boyfriend 16 has a car", 15),
        ("her boyfriend 16 lives in london and she has never met him", 15),
        ("he told her he is her boyfriend", 9),
    ],
)
def test_a_partner_with_anything_worrying_is_not_answered_green(shipped: Pack, words: str, age: int) -> None:
    """Worrying: an adult's partner, an older partner, secrecy, or being asked for sex ("asks for sex" had led
    with the green item on questions)."""
    assert _levels(shipped, words, age)[0] != "green"


def test_a_partners_age_is_read_only_beside_the_partner_word() -> None:
    from behaviours.answers.search import _partners_age_is_near

    assert _partners_age_is_near(typed_words("her gf 16"), 16)
    assert _partners_age_is_near(typed_words("his 17 yr old girlfriend"), 17)
    assert not _partners_age_is_near(typed_words("has had 13 boyfriends"), 13)  # a count
    assert not _partners_age_is_near(typed_words("her boyfriend 12 wants sex"), 12)  # under 13
    assert not _partners_age_is_near(typed_words("her boyfriend 14 wants sex"), 14)  # sex under 16
    assert not _partners_age_is_near(typed_words("her boyfriend is 13 he says"), 13)  # what he says
    assert not _partners_age_is_near(typed_words("her boyfriend 14 is in year 12"), 14)  # year 12 is older


def test_asking_for_sex_is_pressure() -> None:
    assert FORCE in _contexts_at("keeps asking for sex", 15)
    assert FORCE not in _contexts_at("asked what sex is", 12)


# ------------------------------------------------------------ a parent or staff member who only saw it


@pytest.mark.parametrize(
    ("words", "age", "first"),
    [
        ("6yo touches his willy in bed at night, mum worried", 6, "5-9-green-touching-own-genitals"),
        ("11yo mastubating in his room, mum walked in", 11, "9-13-green-private-masturbation"),
        ("she was touching herself in the bath, dad walked in", 5, "0-5-green-touching-own-body"),
    ],
)
def test_a_parent_who_only_saw_it_is_not_read_as_the_one_who_did_it(
    shipped: Pack, words: str, age: int, first: str
) -> None:
    """Healthy: "mum" or "dad" had taken the child's own body away and led with the disclosure item."""
    assert _ids(shipped, words, age)[0] == first


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("he gets in her bed at night, mum found him", 8),
        ("brother gets in her bed at night, mum found him", 8),
        ("her uncle touched her, mum found out", 9),
        ("dad touches her, mum worried", 7),
        # Found by the third review: being seen may be what happened; done to the child; a hint of another.
        ("she was in the shower and dad walked in", 10),
        ("was being touched on her privates, mum walked in", 7),
        ("has to touch his willy or he hits her, mum walked in", 8),
        ("bruises on her inner thighs, mum noticed", 12),
    ],
)
def test_someone_else_in_it_keeps_the_onlooker(shipped: Pack, words: str, age: int) -> None:
    """Worrying: when anyone but the child is in what happened, the words are read as typed."""
    assert _levels(shipped, words, age)[0] == "red"


# ------------------------------------------------------------ "cornered", "doesn't want"


def test_the_home_corner_is_no_force_but_cornered_is(shipped: Pack) -> None:
    assert FORCE not in _contexts_at("kids playing doctors in the home corner, all giggling", 4)
    assert _levels(shipped, "kids playing doctors in the home corner, all giggling, all 4", 4)[0] == "green"
    assert FORCE in _contexts_at("cornered her in the toilets", 12)


def test_not_wanting_an_act_on_the_body_is_force_but_not_wanting_a_nappy_is_not(shipped: Pack) -> None:
    words = "home corner game where she always has to be the baby and take her clothes off, she doesnt want to"
    assert FORCE in _contexts_at(words, 4)
    assert _levels(shipped, words, 4)[0] != "green"
    assert FORCE not in _contexts_at("he doesnt want to wear a nappy", 3)
    assert FORCE not in _contexts_at("doesnt want mum in the bathroom anymore", 8)


# ------------------------------------------------------------ the one writing on the receiving end; threats


def test_a_child_acting_on_the_adult_writing_names_an_adult(shipped: Pack) -> None:
    """Worrying: "asked me to touch his willy" (a teaching assistant writing) had led with green self-touch."""
    words = "6yo tried to put his hand down my trousers and asked me to touch his willy (TA)"
    assert OLDER in _contexts_at(words, 6)
    assert _levels(shipped, words, 6)[0] != "green"
    # A young child patting a carer's breasts is curiosity, not an adult named.
    assert OLDER not in _contexts_at("preschooler patted my boobs while i was feeding the baby", 3)


def test_a_friendship_threatened_beside_rude_things_is_force(shipped: Pack) -> None:
    words = "6 year old says she has to do rude things with the big girl or she wont be her friend"
    assert FORCE in _contexts_at(words, 6)
    assert _levels(shipped, words, 6)[0] != "green"
    assert FORCE not in _contexts_at("doesnt want to say rude words", 6)


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("doesnt want to get undressed for swimming", 7),
        ("does not want to be kissed goodnight", 9),
        ("doesnt want to show the doctor her privates", 6),
    ],
)
def test_a_child_not_wanting_something_for_themselves_is_no_force(shipped: Pack, words: str, age: int) -> None:
    """Found by the third review: without a word of being made to, not wanting is a child's own wish."""
    assert FORCE not in _contexts_at(words, age)
    assert _levels(shipped, words, age)[0] != "red"


def test_bf_under_13_is_not_read_as_a_boyfriend(shipped: Pack) -> None:
    """Found by the third review: at 11 "bf" is as often a best friend."""
    assert "9-13-red-controlling-relationship" not in _ids(shipped, "her bf is her best friend", 11)


# ------------------------------------------------------------ the fourth review (of ecf6b41)


@pytest.mark.parametrize(
    ("words", "age"),
    [
        # A partner told of, with more than a partner of the child's age.
        ("told me she does it with her boyfriend", 11),
        ("told me her boyfriend is really old", 12),
        ("told me her boyfriend wants to do it", 12),
        # Staff or a man of the family told of the pill, or the pill under 13.
        ("told the coach she is on the pill now", 14),
        ("told her uncle she is on the pill now", 14),
        ("told her step dad she is on the pill", 13),
        ("told the school nurse she is on the pill", 12),
        ("told her friends her period has not come", 13),
        ("told her dad she is wet", 7),
        # An onlooker after something that was more than the child's own act.
        ("rubbing her privates, dad came on her", 7),
        ("wanking on cam, mum walked in", 14),
        ("touching her privates on roblox, mum saw", 9),
        # "Has to" beside a partner of a near age.
        ("17 yo has to have sex with her 18 yr old boyfriend", 17),
        # Another school year stays a number.
        ("a 15 yo and a year 8 having sex", 15),
    ],
)
def test_the_fourth_reviews_cases_are_not_calmed(shipped: Pack, words: str, age: int) -> None:
    """Each led with red on 9ffc90f and with a calmer level on ecf6b41."""
    assert _levels(shipped, words, age)[0] == "red"


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("asked for sex ed", 15),
        ("tried to kiss me on the lips", 3),
        ("asks me to touch her hair", 4),
        ("doesnt want to get undressed at the doctors but has to", 8),
    ],
)
def test_the_fourth_reviews_healthy_cases_are_not_alarmed(shipped: Pack, words: str, age: int) -> None:
    """Healthy phrasings ecf6b41 answered with red first."""
    assert _levels(shipped, words, age)[0] != "red"


# ------------------------------------------------------------ the fifth review (of fbd9d53)


@pytest.mark.parametrize(
    ("words", "age"),
    [
        # The onlooker found someone else.
        ("rubbing her privates under the duvet, dad walked in on them", 11),
        ("touching herself in the toilet, teacher found her with him", 9),
        # Cornering in other words.
        ("backed her into a corner and kissed her", 15),
        ("he corners her and tries to kiss her", 12),
        # Someone else's partner.
        ("my son is with her boyfriend at home", 10),
        # A partner from an app who only claims to be the same age.
        ("her gf from tiktok is the same age", 13),
        # Someone labelling the child.
        ("told him he is gay", 12),
        ("they all said he is gay", 12),
        # The pill told to a godfather or a father under 16.
        ("told her godfather she is on the pill", 13),
        ("told her dad she is on the pill", 14),
        # "Fluid" and "dreams" alone.
        ("asked me what the fluid is", 5),
        ("told mum she has dreams about him", 6),
        # Someone else asked the child.
        ("he asked her what sex is", 6),
        # "Home" that is not walking home; "bf" under 13.
        ("told me she has a boyfriend at the home", 13),
        ("told us she has a bf in year 7", 12),
    ],
)
def test_the_fifth_reviews_cases_are_not_calmed(shipped: Pack, words: str, age: int) -> None:
    """Each led with a more serious level on 9ffc90f than on fbd9d53: it must not lead with green."""
    assert _levels(shipped, words, age)[0] != "green"


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("been with her boyfriend 6 months", 15),
        ("her bf 2 years and they are happy", 16),
        ("asked the nurse for sex health info", 15),
        ("asked for sex toys for christmas", 17),
    ],
)
def test_the_fifth_reviews_healthy_cases_are_not_alarmed(shipped: Pack, words: str, age: int) -> None:
    """A duration is no partner's age; asking for sexual-health information is no pressure."""
    assert _levels(shipped, words, age)[0] != "red"


# ------------------------------------------------------------ the sixth review (of 6097340)


@pytest.mark.parametrize(
    ("words", "age"),
    [
        # A disclosure of sex written in puberty or identity words.
        ("told me he came in her on her period", 14),
        ("told her uncle she has started her period and he is using the pads", 10),
        ("told me he was called queer", 14),
        # A young child told of periods or pads may be telling of bleeding.
        ("told mum she has her period", 4),
        ("told nan she is using tampons", 7),
        # Two children, or another child's age, before the onlooker.
        ("my son and daughter touching their privates in bed, dad walked in", 11),
        ("rubbing her privates in bed at night and the 6 year old, dad noticed", 14),
        # "In the corner" after her or him.
        ("pushed her in the corner and kissed her", 12),
        # A partner from an app who only says they are in her year.
        ("her bf from snap says he is in the same year", 13),
        # A man of the family asked how to use a tampon.
        ("asked her stepdad how to use a tampon", 12),
    ],
)
def test_the_sixth_reviews_cases_are_not_calmed(shipped: Pack, words: str, age: int) -> None:
    """Each led with red on 9ffc90f and with a calmer level on 6097340."""
    assert _levels(shipped, words, age)[0] == "red"


@pytest.mark.parametrize(
    ("words", "age"),
    [("told me he is pan", 14), ("told me she is ace", 15), ("told her mentor she is questioning", 14)],
)
def test_short_identity_words_told_read_as_coming_out(shipped: Pack, words: str, age: int) -> None:
    """The sixth review: "pan" and "ace" told found nothing at all."""
    assert _ids(shipped, words, age)[0] == "13-17-green-identity"


def test_questioning_someone_is_not_questioning_who_you_are(shipped: Pack) -> None:
    assert _levels(shipped, "told me they are questioning her", 14)[0] == "red"
