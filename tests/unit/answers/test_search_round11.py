"""Search reads round 11's phrasings (the tuning half of probe set H, written blind, and the worrying phrasings four
round-10 reviewers wrote that still led with green): children's own words, someone who directs or watches a child,
a camera, an animal, a child on top of another, pain in the private parts, and a child's question of what a word
means, however the child is named.

The cases marked "worrying" and "healthy" fail on the commit before these rules (80e27e7); those marked "guard" pass
there too and keep what the rules must not change.
"""

from __future__ import annotations

import pytest
from search_words import first_ids as _ids
from search_words import first_levels as _levels

from behaviours import Pack
from behaviours.answers.search import typed_words

# ------------------------------------------------------------ children's words


def test_childrens_words_for_private_parts_read_as_privates() -> None:
    assert typed_words("he got her to kiss his pee pee") == ["he", "got", "her", "to", "kiss", "his", "privates"]
    assert typed_words("plays with his winkie") == ["plays", "with", "his", "privates"]
    assert typed_words("her foo foo") == ["her", "foo", "foo"]
    assert typed_words("he touched me down there") == ["he", "touched", "me", "privates"]
    # Guard: "down there" after a word of going is a place; "wee" alone is a wee.
    assert typed_words("went down there to the shop") == ["went", "down", "there", "to", "the", "shop"]
    assert typed_words("needs a wee") == ["needs", "a", "wee"]


@pytest.mark.parametrize(
    ("words", "age", "first"),
    [
        ("he got her to kiss his pee pee", 5, "5-9-red-acting-out-sex"),
        ("a toothbrush in her private parts", 6, "5-9-red-inserting-objects"),
        ("she says her privates hurt", 4, "0-5-red-unexplained-injury-or-infection"),
        ("10 year old was lying on top of his 4 year old sister and rocking", 10, "9-13-red-oral-sex-or-intercourse"),
    ],
)
def test_worries_in_childrens_words_lead_with_the_red_item(shipped: Pack, words: str, age: int, first: str) -> None:
    """Worrying: before, kiss chase, self-touch, compulsive self-touch or an unrelated amber item came first."""
    assert _ids(shipped, words, age)[0] == first, _ids(shipped, words, age)


def test_what_was_red_before_in_childrens_words_stays_red(shipped: Pack) -> None:
    """Guard."""
    assert _ids(shipped, "put a spoon up her bum", 4)[0] == "0-5-red-inserting-objects"
    assert _ids(shipped, "said his wee wee is sore", 4)[0] == "0-5-red-unexplained-injury-or-infection"
    assert _levels(shipped, "10 yo girl touching herself on a video call", 10)[0] != "green"


def test_a_child_soothing_on_a_teddy_and_their_own_words_stay_green(shipped: Pack) -> None:
    """Guard."""
    assert _levels(shipped, "5yo lies on top of her teddy and rocks to sleep", 5)[0] == "green"
    assert _levels(shipped, "3yo plays with his winkie at nap time", 3)[0] == "green"


# ------------------------------------------------------------ someone else directs or watches


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("touching her privates in bed dad asked her to", 8),
        ("touching his privates in the bath dad wants to watch", 8),
        ("8 yr old touching herself in bed, dad asks her to do it", 8),
        ("rubbing his willy in the bath dad wants him to", 6),
        ("rubbing her privates in bed, dad asked her to keep doing it", 8),
    ],
)
def test_someone_who_asks_a_child_to_touch_themselves_is_never_answered_green(
    shipped: Pack, words: str, age: int
) -> None:
    """Worrying: before, the green item on a child's own touch came first (a round-10 review's phrasings)."""
    assert _levels(shipped, words, age)[0] != "green", _ids(shipped, words, age)


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("touching herself at bedtime, mum asked her to do it in her room", 6),
        ("7yo touches himself at bedtime, dad wants to know if it is ok", 7),
        ("4yo asks to touch mummy's boobs", 4),
        ("12yo touching himself in his room", 12),
    ],
)
def test_a_parent_asking_or_redirecting_and_a_childs_own_asking_stay_green(shipped: Pack, words: str, age: int) -> None:
    """Guard."""
    assert _levels(shipped, words, age)[0] == "green", _ids(shipped, words, age)


@pytest.mark.parametrize(
    ("words", "age"),
    [("13yo touching himself in bed on cam", 13), ("13yo girl rubbing herself while on the phone to someone", 13)],
)
def test_touching_themselves_on_a_camera_or_call_is_not_green(shipped: Pack, words: str, age: int) -> None:
    """Worrying: before, private masturbation came first."""
    assert _levels(shipped, words, age)[0] != "green", _ids(shipped, words, age)


def test_an_act_on_an_animal_leads_with_the_animal_item(shipped: Pack) -> None:
    """Worrying: "rubbing himself on the dog" at 12 led with private masturbation."""
    assert _ids(shipped, "12yo boy rubbing himself on the dog", 12)[0] == "9-13-red-animals"
    assert _ids(shipped, "10yo wanking with his door locked, rubbing himself on the dog", 10)[0] == "9-13-red-animals"


# ------------------------------------------------------------ healthy words read as healthy


@pytest.mark.parametrize(
    ("words", "age", "first"),
    [
        ("12yo lad asked what consent means after something on telly", 12, "9-13-green-questions-and-information"),
        ("my 13 year old asked what anal means after hearing it at school", 13, "9-13-green-questions-and-information"),
        ("reception children playing mummies and daddies", 4, "0-5-green-role-play"),
    ],
)
def test_questions_and_play_lead_with_their_green_item(shipped: Pack, words: str, age: int, first: str) -> None:
    """Healthy: before, red unwanted touching, abuse in residential care or a disclosure came first."""
    assert _ids(shipped, words, age)[0] == first, _ids(shipped, words, age)


def test_an_adult_asking_what_a_word_means_is_no_childs_question(shipped: Pack) -> None:
    """Guard: only the child's own age names the child."""
    assert _levels(shipped, "a 20 year old asked her what anal means", 13)[0] == "red"


def test_playing_mummies_and_daddies_with_an_act_stays_red(shipped: Pack) -> None:
    """Guard."""
    words = "playing mummies and daddies and he lay on top of her and went up and down"
    assert _levels(shipped, words, 5)[0] == "red", _ids(shipped, words, 5)


def test_seen_doing_is_someone_seeing_the_child() -> None:
    assert "seen" not in typed_words("a teenage boy was seen kissing the 6yo")
    assert "seen" not in typed_words("has been seen with older men")
    # Guard: the child who has seen something keeps it.
    assert "seen" in typed_words("has seen porn at his dads")


def test_a_partner_deciding_whom_she_sees_is_power_and_control(shipped: Pack) -> None:
    """Guard: a whole-phrase entry (content 2.1.6) for what already led with it."""
    assert _ids(shipped, "her boyfriend tells her who she can see", 15)[0] == "13-17-red-power-and-control"
