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
    assert typed_words("touched her wee wee") == ["touched", "her", "privates"]
    # Guard: "down there" after a word of going, or before a place, is a place; potty talk is potty talk.
    assert typed_words("went down there to the shop") == ["went", "down", "there", "to", "the", "shop"]
    assert "privates" not in typed_words("touched them down there to the beach")
    assert typed_words("says pee pee when he needs the potty")[:3] == ["says", "pee", "pee"]
    assert typed_words("needs a wee") == ["needs", "a", "wee"]


@pytest.mark.parametrize(
    ("words", "age", "first"),
    [
        ("he got her to kiss his pee pee", 5, "5-9-red-acting-out-sex"),
        ("a toothbrush in her private parts", 6, "5-9-red-inserting-objects"),
        ("she says her privates hurt", 4, "0-5-red-unexplained-injury-or-infection"),
        ("10 year old was lying on top of his 4 year old sister and humping", 10, "9-13-red-oral-sex-or-intercourse"),
        ("on top of another child in the home corner moving up and down", 4, "0-5-red-acting-out-sex"),
        ("10yo girl inserting a paintbrush into herself", 10, "9-13-red-unwanted-kiss-or-touch"),
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


# ------------------------------------------------------------ a safety review of the first draft (409 phrasings)


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("we live in a flat, 13yo touches himself in his room", 13),
        ("4yo on top of nannys lap rocking to sleep", 4),
        ("dad asked him to help bath his baby sister", 8),
        ("14 yo rubbing suncream on himself then stroking the cat", 14),
        ("4yo touches himself at the table, mum told him to do it in the bathroom", 4),
    ],
)
def test_what_a_safety_review_found_alarmed_by_the_draft_is_not(shipped: Pack, words: str, age: int) -> None:
    """Guard: healthy phrasings that the first draft of these rules answered red ("live", "call", a lap, "help", a
    cat stroked); each passes on 80e27e7 too."""
    assert _levels(shipped, words, age)[0] != "red", _ids(shipped, words, age)


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("caught rubbing himself on the cat", 10),
        ("mum lets her boyfriend watch while she touches herself in the bath", 4),
        ("dad wants her to keep touching herself while he watches", 9),
    ],
)
def test_what_a_safety_review_found_still_missed_is_red(shipped: Pack, words: str, age: int) -> None:
    """Worrying: green or amber first on 80e27e7 or on the first draft of these rules (a safety review's phrasings)."""
    assert _levels(shipped, words, age)[0] == "red", _ids(shipped, words, age)


def test_the_family_game_beside_nakedness_or_a_sexual_act_is_kept_as_typed() -> None:
    assert "house" in typed_words("playing mummies and daddies in the home corner")
    assert "house" not in typed_words("playing mummies and daddies with no clothes on")
    assert "house" not in typed_words("playing mummies and daddies and he lay on top of her rocking")


# ------------------------------------------------------------ the tuning half of H


def test_a_hand_in_anothers_clothes_is_touching_another() -> None:
    assert typed_words("he put his hand down her knickers") == ["he", "touched", "her", "privates"]
    assert typed_words("keeps putting his hand down other kids trousers")[:5] == [
        "keeps",
        "touching",
        "other",
        "kids",
        "privates",
    ]
    # Guard: his own.
    assert typed_words("has his hand down his pants") == ["has", "his", "hand", "down", "his", "pants"]


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("he put his hand down her knickers", 10),
        ("held hands with him and then he put his hand down her knickers", 10),
    ],
)
def test_a_hand_in_anothers_clothes_is_never_green_first(shipped: Pack, words: str, age: int) -> None:
    """Worrying: before, private masturbation came first."""
    assert _levels(shipped, words, age)[0] != "green", _ids(shipped, words, age)


@pytest.mark.parametrize(
    ("words", "age", "first"),
    [
        (
            "child 4 keeps putting his hand down other kids trousers in the sandpit, other kids crying",
            4,
            "0-5-red-persistent-touching-children",
        ),
        ("her 13yo in bed with her boyfriend who is 19", 13, "13-17-red-much-older-partner"),
    ],
)
def test_persistent_touching_and_an_adult_partner_lead_with_red(
    shipped: Pack, words: str, age: int, first: str
) -> None:
    """Worrying: before, an amber item came first."""
    assert _ids(shipped, words, age)[0] == first, _ids(shipped, words, age)


def test_touching_themselves_for_hours_with_distress_is_not_green(shipped: Pack) -> None:
    """Worrying (a round-10 review), with a guard: for hours in private at 15 stays green."""
    words = "11yo girl rubbing herself with the door closed for hours and comes out upset"
    assert _levels(shipped, words, 11)[0] != "green", _ids(shipped, words, 11)
    assert _levels(shipped, "5yo touches his willy with his door shut all day long", 5)[0] != "green"
    assert _levels(shipped, "15yo wanks for hours in his room", 15)[0] == "green"


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("mum walked in on 15yo snogging her girlfriend (15) in her bedroom", 15),
        ("y6 girl (10) going out with a boy in her class, they text and held hands at the disco", 10),
        ("baby 10 months grabs at his willy every nappy change", 0),
        ("ds 4 keeps saying poo bum and winky at the dinner table and laughing his head off", 4),
        ("noticed 7yo touching himself in bed under the covers at night, not in front of anyone", 7),
        ("they play weddings in the playground, the groom kissed the bride on the cheek and everyone clapped", 5),
    ],
)
def test_ordinary_childhood_in_alarming_words_leads_with_green(shipped: Pack, words: str, age: int) -> None:
    """Healthy: before, red or amber came first (a parent walking in, "hands", "every", "keeps saying", "not in front
    of", a groom)."""
    assert _levels(shipped, words, age)[0] == "green", _ids(shipped, words, age)


def test_compulsive_and_saying_words_again_keep_their_guards(shipped: Pack) -> None:
    """Guard."""
    assert _levels(shipped, "3yo keeps touching her privates all day and cant be distracted", 3)[0] == "red"
    assert _levels(shipped, "keeps saying daddy touches her bum", 4)[0] == "red"
    assert _levels(shipped, "dad walked in on her in the shower", 12)[0] == "red"


# ------------------------------------------------------------ a second safety review (359 phrasings, on 03d5e02)


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("mum caught her boyfriend touching her 8yo in the bath", 8),
        ("mum found her 12yo in bed with her boyfriend", 12),
        ("not in front of anyone, he does it in the bathroom with his 4yo cousin", 12),
        ("keeps saying her privates are itchy and wont let me look", 5),
        ("every bath time she tries to touch her brothers willy", 4),
    ],
)
def test_what_a_second_review_found_calmed_is_not(shipped: Pack, words: str, age: int) -> None:
    """Guard: worrying phrasings the second draft answered calmer (a parent's boyfriend after "caught", whom it is
    hidden from, symptoms said again and again, another child at bath time); each passes on 80e27e7 too."""
    assert _levels(shipped, words, age)[0] != "green", _ids(shipped, words, age)


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("mum put her hand down his nappy to check if it was wet", 1),
        ("mum put her hand down his trousers leg to get the bee out", 6),
        ("16yo and her boyfriend is a year older", 16),
        ("4yo touches his willy in the bath, hed stay in there for hours", 4),
        ("cousin watched her while mum was at work, she touched herself at nap time", 3),
        ("going up and down on top of his brother in a game of leapfrog", 7),
        ("the twins bounced on top of each other, no clothes on after bath", 3),
        ("dad wants to watch her dance show, she keeps touching her dress", 6),
        ("nurse asked him to touch his toes and mum wanted to watch", 9),
    ],
)
def test_what_a_second_review_found_alarmed_is_not(shipped: Pack, words: str, age: int) -> None:
    """Guard: healthy phrasings the second draft answered red (care, a year older, how long a bath lasts, a cousin
    babysitting, play, a dance show)."""
    assert _levels(shipped, words, age)[0] != "red", _ids(shipped, words, age)


def test_a_parents_closing_question_beside_an_act_on_another_child_is_dropped(shipped: Pack) -> None:
    """Worrying: before, the question's words led with a child's questions or own touch (green)."""
    for words, age in (
        ("4yo rubs his willy on his baby brother, mum asking is it normal", 4),
        ("7yo humping his cousin in bed, dad wants to know if its normal", 7),
        ("9yo boy rubbing his willy on his little brother in bed, dad asking is it normal", 9),
    ):
        assert _levels(shipped, words, age)[0] == "red", (words, _ids(shipped, words, age))


def test_a_coming_out_with_how_someone_took_it_is_identity(shipped: Pack) -> None:
    """Healthy: before, "worried how her dad will react" led with a disclosure."""
    words = "12 yr old told me shes bi and is worried how her dad will react"
    assert _ids(shipped, words, 12)[0] == "9-13-green-identity", _ids(shipped, words, 12)


# ------------------------------------------------------------ a third safety review (333 phrasings, on f75c425)


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("dad taught him to aim his pee pee at the cheerios in the potty", 3),
        ("3yo tells everyone at nursery her baby brother has a tiny winkie", 3),
        ("4yo has worms, keeps scratching her private bits at night", 4),
        ("says her privates itch, mum asked her to show her", 5),
        ("nursery has a camera in the sleep room, 3yo rubs herself to settle at nap time", 3),
        ("11yo rubbing the dogs belly on the sofa", 11),
        ("10yo girl helps at the stables, rubbing down the pony after riding", 10),
        ("nursery staff put her hand down his shorts to see if hed had an accident", 2),
    ],
)
def test_what_a_third_review_found_alarmed_is_not(shipped: Pack, words: str, age: int) -> None:
    """Guard: ordinary phrasings the third draft answered red (naming a part, a medical cause, care, a nursery camera,
    a pet's belly, toileting)."""
    assert _levels(shipped, words, age)[0] != "red", _ids(shipped, words, age)


def test_a_camera_performed_to_is_images_but_a_nursery_camera_is_not() -> None:
    from behaviours.answers.search import _seen_live

    assert _seen_live(["touching", "his", "willy", "on", "the", "ipad", "camera"])
    assert not _seen_live(["nursery", "has", "a", "camera", "in", "the", "sleep", "room"])
    assert not _seen_live(["we", "live", "in", "a", "flat"])


# ------------------------------------------------------------ healthy phrasings red on 80e27e7 (the reviews' "red both")


def test_coming_out_with_a_fear_of_how_a_parent_will_react_is_identity(shipped: Pack) -> None:
    """Healthy: before, red abuse by an adult relative came first ("his dad")."""
    words = "15yo came out as gay to me, worried how his dad will react"
    assert _ids(shipped, words, 15)[0] == "13-17-green-identity", _ids(shipped, words, 15)


def test_grooming_an_animal_is_brushing() -> None:
    assert "grooms" not in typed_words("she grooms her pony every saturday")
    assert "grooming" not in typed_words("hes learning dog grooming at college")
    # Guard: grooming a child stays grooming.
    assert "grooming" in typed_words("we think he is grooming her, he has a dog")


def test_a_partner_a_little_older_is_no_much_older_partner(shipped: Pack) -> None:
    """Healthy: before, red much older partner or online grooming came first; guard: 19 at 13 stays red."""
    assert _levels(shipped, "13yo says she has an older boyfriend, hes 14", 13)[0] != "red"
    words = "15yo girl going out with a boy from the next school, both year 10"
    assert _ids(shipped, words, 15)[0] == "13-17-green-relationships", _ids(shipped, words, 15)
    assert _ids(shipped, "14yo boy going out with a girl", 14)[0] == "13-17-green-relationships"
    assert _levels(shipped, "13yo has an older boyfriend who is 19", 13)[0] == "red"
    assert _levels(shipped, "12 yr old girl going out with a boy in year 11", 12)[0] == "red"
    assert _levels(shipped, "14yo girl with a bf a year older who has a car and gives her money", 14)[0] == "red"


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("yr 5 boy had his hand down a girls knickers under the table", 10),
        ("he puts his hands down his little sisters nappy", 6),
        ("mum walked in on her partner in the shower with her 6yo", 6),
        ("9yo masturbates for hours after contact and is anxious", 9),
    ],
)
def test_what_a_second_review_found_still_green_is_not(shipped: Pack, words: str, age: int) -> None:
    """Worrying: green first on 80e27e7 and on the draft the second review read (another child's clothes or nappy,
    a parent's partner with the child, compulsive touch with no amber item among the matches)."""
    assert _levels(shipped, words, age)[0] != "green", _ids(shipped, words, age)
