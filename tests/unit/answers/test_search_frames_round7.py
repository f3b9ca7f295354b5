"""Search reads who was there and what was asked (round 7), in the narrowest forms: a young child's
affection for a family adult and nothing else ("kisses grandad goodbye", "sits on grandpa's knee for a
cuddle") says who was there, not who did something; a child asking what a word means and nothing else
("asked what rape means") leads with the items on children's questions; a couple asked about ("two men
can get married") is no adult; "can" is not cans of drink.

Each test of a calmer answer fails on the commit before these rules (66fe4a1): "kisses grandad goodbye"
at 3, "asked what rape means" at 10 and "asked if two men can get married" at 7 led with red; "locks the
bedroom door so her brother cant come in" at 11 led with red (money or gifts, from "cans"). The tests that the serious readings stay hold the phrasings a
reviewer found the earlier versions of these rules calming (commits b3da232, 9c5683e and 1100cd4):
disclosures asked as questions, someone else asking, a relative followed by what they did.
"""

from __future__ import annotations

import pytest
from search_words import context_names as _contexts
from search_words import first_ids as _ids
from search_words import first_levels as _levels

from behaviours import Pack

# ------------------------------------------------------------ family adults the child is with


@pytest.mark.parametrize(
    ("words", "age", "first"),
    [
        ("kisses grandad goodbye", 3, "0-5-green-affection"),
        ("sits on grandpas knee for a cuddle", 2, "0-5-green-affection"),
        ("gives nanny a kiss and a cuddle at pick up", 3, "0-5-green-affection"),
    ],
)
def test_a_family_adult_the_child_is_with_says_who_was_there(shipped: Pack, words: str, age: int, first: str) -> None:
    assert _ids(shipped, words, age)[0] == first


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("her uncle kissed her", 8),  # the relative acts
        ("grandad touches her when she sits on his knee", 5),  # touching
        ("playing doctors with her uncle", 6),  # done together
        ("no clothes on her uncles knee", 3),  # undressed
        ("kisses her uncle on the lips", 6),  # another kiss
        ("says it happens at her dads", 7),  # said, and a place
        ("mustnt tell mummy", 4),  # a secret kept from a parent
        ("asked grandad for sweets", 5),  # asking an adult for gifts is no question
    ],
)
def test_a_family_adult_who_acts_or_is_beside_a_worry_keeps_green_from_coming_first(
    shipped: Pack, words: str, age: int
) -> None:
    levels = _levels(shipped, words, age)
    assert levels and levels[0] != "green", (words, levels)


def test_a_secret_kept_from_a_parent_is_secrecy() -> None:
    assert "secrecy" in _contexts("mustnt tell mummy")
    assert "secrecy" in _contexts("never to tell nan")


# ------------------------------------------------------------ a child's question


@pytest.mark.parametrize(
    ("words", "age", "first"),
    [
        ("asked what rape means", 10, {"9-13-green-questions-and-information"}),
        ("asked what a paedophile is", 10, {"9-13-green-questions-and-information"}),
        # At 9 both bands show: either band's item on puberty questions may lead.
        (
            "asked the teaching assistant what a period is",
            9,
            {"5-9-green-puberty-interest", "9-13-green-questions-and-information"},
        ),
        ("wants to know what sex is", 8, {"5-9-green-questions-sex-babies-relationships"}),
    ],
)
def test_a_childs_question_leads_with_the_items_on_questions(
    shipped: Pack, words: str, age: int, first: set[str]
) -> None:
    assert _ids(shipped, words, age)[0] in first


def test_asking_again_and_again_still_leads_with_persistent_questions(shipped: Pack) -> None:
    assert _ids(shipped, "keeps asking about sex", 7)[0] == "5-9-amber-persistent-sexual-questions"


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("account keeps asking what shes wearing", 12),  # someone else asks
        ("a man asked her what she was wearing", 12),
        ("asked her to send a nude", 13),  # a request
        ("he asked if she wanted to see his willy", 7),  # an invitation
        ("asked why it hurts when she wees", 4),  # pain stays, question or not
    ],
)
def test_what_is_asked_of_a_child_or_a_childs_pain_is_no_mere_question(shipped: Pack, words: str, age: int) -> None:
    levels = _levels(shipped, words, age)
    assert levels and levels[0] == "red", (words, levels)


# ------------------------------------------------------------ cue words in their everyday sense


def test_can_is_not_cans_of_drink() -> None:
    assert "money or gifts" not in _contexts("she can swim")
    assert "money or gifts" not in _contexts("locks the door so her brother cant come in")
    assert "money or gifts" in _contexts("cans of vodka from older lads")
    assert "money or gifts" in _contexts("swaps kisses for cans with year 11s")


def test_a_couple_asked_about_names_no_adult(shipped: Pack) -> None:
    assert _ids(shipped, "asked if two men can get married", 7)[0] == "5-9-green-questions-sex-babies-relationships"
    assert "older or an adult" in _contexts("two men followed her home")


def test_a_locked_door_against_a_brother_leads_with_privacy(shipped: Pack) -> None:
    assert _ids(shipped, "locks the bedroom door so her brother cant come in", 11)[0] == "9-13-green-need-for-privacy"


# ------------------------------------------------------------ touching on other children


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("rubbing himself on other kids", 8),
        ("touching herself on other children", 16),
        ("rubbing himself against other children at nursery", 4),
    ],
)
def test_touching_oneself_on_other_children_never_leads_with_green(shipped: Pack, words: str, age: int) -> None:
    # Before: the green self-touch item first (it shares "rubbing" and "himself").
    levels = _levels(shipped, words, age)
    assert levels and levels[0] != "green", (words, levels)


# ------------------------------------------------------------ "older" and school staff


def test_an_older_brother_names_no_adult() -> None:
    assert "older or an adult" not in _contexts("has a crush on her friends older brother")
    # "Until she is older" stays as it was: "he said to wait until she is older" is grooming.
    assert "older or an adult" in _contexts("wait until she is older he said")
    # ... while an age of 18 or over, an older sibling's partner or friends, an older cousin, or a bed or
    # touching beside an older sibling still name someone older.
    assert "older or an adult" in _contexts("her older brother is 19")
    assert "older or an adult" in _contexts("older sisters husband kisses her")
    assert "older or an adult" in _contexts("her older sisters friends give her vodka")
    assert "older or an adult" in _contexts("her older cousin touched her")
    assert "older or an adult" in _contexts("older brother sleeps in her bed and touches her")


def test_a_teaching_assistant_is_an_adult(shipped: Pack) -> None:
    assert _levels(shipped, "teaching assistant kissed him", 15)[0] == "red"


# ------------------------------------------------------------ what the first version of these rules calmed


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("asked why grandad licks her", 5),
        ("asked why the man at the park showed her his willy", 6),
        ("asked why daddy puts his finger in her foof", 4),
        ("asked if it's normal for a grown up to kiss you with tongues", 8),
        ("asked if she will get pregnant because her uncle did sex with her", 11),
        ("asked if she could touch his willy", 5),
        ("he asks her what she is wearing", 13),
        ("he asked her how big her boobs were", 13),
        ("wondering whether a 15 year old with a 25 year old boyfriend is a concern", 15),
        ("wants to know why grandad puts his hand in her pants", 5),
        ("asked what a blow job is, says her brother made her do it", 9),
        ("asked what grooming is, she has a 30 year old boyfriend", 14),
        ("asked why the man gives her money", 12),
        ("asked how old you have to be to have sex, boyfriend is 19", 13),
        ("asked why her privates are itchy and red", 5),
        ("asked if its rape if she was drunk", 15),
        ("asked how you know if you've been raped", 14),
        ("told nan daddy squeezes her minnie", 4),
        ("told mum daddy gives her white wee", 4),
        ("kisses her uncle goodbye and he grabs her", 8),
        ("visits grandad and comes home with love bites", 13),
        ("doesnt want to go to her uncles anymore", 6),
        ("goes to her uncles and he gives her vodka", 14),
        ("refuses to visit grandad", 6),
        ("sits on her uncles knee and he jiggles", 4),
        ("made his sister suck his willy", 12),
        ("made all the girls show their privates", 8),
        ("her older cousin touched her privates", 6),
        # The second review, of the narrower version (9c5683e).
        ("goes stiff and silent when she hugs grandad goodbye", 5),
        ("freezes when she kisses her uncle goodbye", 7),
        ("legs open on grandads knee", 4),
        ("skirt up on grandads knee", 4),
        ("asked grandad why it gets big and hard", 5),
        ("asked stepdad if it will go in", 6),
        ("asked her uncle what cum is", 9),
        ("asked what a blowie is, the babysitter showed her how", 9),
        ("asked what a hand job is, the lodger asked her for one", 11),
        ("asked what rape is and has been crying at night", 12),
        ("asked what a burner phone is, found one in her bag", 14),
        ("asked what a hickey is, has one from her scout leader", 12),
        ("asked why the taxi driver strokes her leg", 12),
        ("asked why the neighbour kisses her on the mouth", 8),
        ("asked why papa sucks her minnie", 4),
        ("asked why the childminder pulls her pants down", 3),
        ("asked what it means when it goes in your mouth", 6),
        ("older sisters husband sleeps in her bed", 9),
        ("made classmates strip in the toilets", 10),
        ("made a lad kiss her", 14),
        ("swaps kisses for cans with year 11s", 13),
        ("gives blowjobs for cans", 15),
        # The third review, of the narrowest version before this one (1100cd4).
        ("stepdad kisses her goodnight every day", 4),
        ("her uncle loves to kiss her", 4),
        ("uncle always gives her a kiss goodnight", 4),
        ("she always sits on her uncle s knee for a kiss", 5),
        ("asked what a sore fanny means", 4),
        ("asked what secret cuddles are", 5),
        ("asked what a paedo is", 5),
        ("asked what a blow job is", 5),
        ("asked what the secret game is", 10),
        ("asked what county lines is", 9),
        ("wait until she is older he said", 13),
        ("her older brother watches her on the toilet", 5),
        ("two men can get her high", 14),
        ("swapped a kiss for a can", 13),
    ],
)
def test_a_worry_in_a_question_or_after_a_relative_is_never_answered_green_first(
    shipped: Pack, words: str, age: int
) -> None:
    levels = _levels(shipped, words, age)
    assert levels and levels[0] != "green", (words, levels)
