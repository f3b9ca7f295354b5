"""Search reads round 10's phrasings (probe set G, written blind, and the tuned sets' last green-first
answers): a worry said in everyday words is not answered with a green item first, and the healthy
neighbours G wrote beside them are not answered with red.

- A mouth on another's private parts ("kissed his willy", "said she had to kiss his thing"), and under 13
  sex acted out with toys or tried ("doing the sex thing to dolls", "tried to have sex"), are sexual acts
  (`SEX_ACT`), never a kiss chase or a child's own touch; "his thing" is his private parts.
- "Had to" before an act on a body, and threats of a beating ("he'd get battered"), are force.
- An animal named is not the child's own body; a partner's age typed under 13 at 13 or over, beside words
  of sex or intimacy, names a younger child who cannot agree.
- The writer's own role opening the query ("foster carer: ...") and "home time" say nothing of what
  happened; "..., mum asking is it normal" is an onlooker; "with his door shut" is in private.
- Whole-phrase word-list entries (`whole_phrase: true`, content 2.1.5): phrases in everyday words ("sleep
  with his mates", "films them having sex", "snapchats her friends") find their behaviours when typed in
  full, without pulling them into searches for one of their words.

The cases marked "worrying" and "healthy" fail on the commit before these rules (ba828bb) unless
marked "guard": those pass there too and keep what the rules must not change.
"""

from __future__ import annotations

import pytest
from pydantic import ValidationError
from search_words import context_names_at as _contexts_at
from search_words import first_ids as _ids
from search_words import first_levels as _levels

from behaviours import Pack
from behaviours.answers.search import PARTNER_UNDER_13, PUT_INSIDE, SEX_ACT, SearchIndex, typed_words
from behaviours.pack.model import VocabularyEntry

FORCE = "force or pressure"
OLDER = "older or an adult"


# ------------------------------------------------------------ sexual acts in a child's words


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("said she had to kiss his thing", 5),
        ("said she had to kiss his willy", 5),
        ("kissed his willy", 6),
        ("sucked his willy", 8),
        ("doing the sex thing to dolls", 4),
        ("making the teddies have sex", 4),
    ],
)
def test_a_mouth_on_private_parts_or_sex_acted_out_leads_with_red(shipped: Pack, words: str, age: int) -> None:
    """Worrying: before, a kiss chase, affection or a child's own touch came first (green)."""
    levels = _levels(shipped, words, age)
    assert levels[0] == "red", (_ids(shipped, words, age), levels)
    assert "acting-out-sex" in " ".join(_ids(shipped, words, age)), _ids(shipped, words, age)


def test_children_trying_to_have_sex_is_a_sexual_act_under_13(shipped: Pack) -> None:
    words = "9 yo and his 9 yo mate went in the bushes and tried to have sex, said they saw it on youtube"
    assert _ids(shipped, words, 9)[0] == "9-13-red-oral-sex-or-intercourse"
    assert SEX_ACT in _contexts_at("two 7 year olds pretending to have sex in the playground", 7)
    # Guard: at 15 trying is not read this way (a partner's wish is no act), and a question stays a question.
    assert SEX_ACT not in _contexts_at("he tried to have sex with her", 15)
    assert SEX_ACT not in _contexts_at("asked what it means to have sex", 8)
    # A review: a sex toy, sex education, "sexy", a mouth as a noun.
    assert SEX_ACT not in _contexts_at("found a sex toy in mums drawer and asked what it is", 8)
    assert SEX_ACT not in _contexts_at("in sex ed they used toy models", 11)
    assert SEX_ACT not in _contexts_at("says her barbie looks sexy", 7)
    assert SEX_ACT not in _contexts_at("puts toys in her mouth and touches her privates at nap time", 2)
    assert SEX_ACT in _contexts_at("toddler trying to put his mouth on other kids private parts", 2)


def test_his_thing_beside_an_act_is_his_private_parts() -> None:
    assert typed_words("showed her his thing") == ["showed", "her", "his", "privates"]
    assert typed_words("touched daddy's thing") == ["touched", "daddy", "s", "privates"]
    # Guard: belongings, an act, a liking, and "his thing" with no act beside it (a review).
    assert "privates" not in typed_words("took his things to school")
    assert "privates" not in typed_words("doing the sex thing")
    assert "privates" not in typed_words("drawing is her thing")
    assert "privates" not in typed_words("left his thing at school")


def test_had_to_before_an_act_is_force_but_had_to_kiss_nan_is_not() -> None:
    assert FORCE in _contexts_at("she said she had to touch his thing", 6)
    assert FORCE in _contexts_at("4 yr old boy told his mate he'd get battered if he didnt pull his pants down", 4)
    # Guard: ordinary obligations.
    assert FORCE not in _contexts_at("had to kiss nan goodbye", 6)
    assert FORCE not in _contexts_at("had to watch a film about puberty in class", 10)
    # A review: "had to" with no person or body named, a routine, bedtime.
    assert FORCE not in _contexts_at("had to lie on the mat for nap time", 3)
    assert FORCE not in _contexts_at("had to touch the snake at the zoo", 6)
    assert FORCE not in _contexts_at("had to sit on dads lap in the car as no seat", 4)
    assert FORCE not in _contexts_at("had to take his clothes off for the doctor to check his rash", 7)
    assert FORCE not in _contexts_at("making her sleep with her dummy", 3)
    assert FORCE in _contexts_at("her boyfriend makes her sleep with his friends", 15)


@pytest.mark.parametrize(
    ("words", "age"),
    [("humps the teddy at nap", 3), ("kiss chase in the playground", 6), ("her bf kissed her on the lips", 13)],
)
def test_play_and_kisses_without_a_mouth_on_private_parts_stay_green(shipped: Pack, words: str, age: int) -> None:
    """Guard: a toddler soothing themselves with a teddy, kiss chase, a kiss on the lips."""
    assert _levels(shipped, words, age)[0] == "green", _ids(shipped, words, age)


# ------------------------------------------------------------ animals, partners under 13


def test_an_animal_acted_on_is_not_the_childs_own_body(shipped: Pack) -> None:
    words = "boy 10 caught touching the dogs privates and rubbing himself on it, mum in bits"
    assert _ids(shipped, words, 10)[0] == "9-13-red-animals"
    # Guard (a review): a dog on his lap while he touches himself names no act on the dog.
    assert _levels(shipped, "touches his willy while watching tv with the dog on his lap", 4)[0] == "green"


def test_an_object_put_into_a_bottom_is_inserting_objects(shipped: Pack) -> None:
    words = "nursery manager - 2yo with crayons up her bottom at nappy change, staff concerned"
    assert _ids(shipped, words, 2)[0] == "0-5-red-inserting-objects"
    assert PUT_INSIDE in _contexts_at("6yo found with a pencil up her bottom, staff worried", 6)
    # Guard: no object named.
    assert PUT_INSIDE not in _contexts_at("sand up her bum at the beach", 3)
    assert PUT_INSIDE not in _contexts_at("toddler rubs cream in her bottom after the toilet", 3)


def test_a_teenager_beside_a_child_under_12_is_someone_older() -> None:
    assert OLDER in _contexts_at("at home time he was seen kissing a teenage boy on the lips, he is 7", 7)
    # Guard: a teen drama, an older sister.
    assert OLDER not in _contexts_at("watches teen dramas on netflix with her friends", 11)


def test_a_partner_under_13_with_sexual_contact_is_never_answered_green(shipped: Pack) -> None:
    words = "gf is 12 and hes 14, theyve been going further at her house after school"
    assert _levels(shipped, words, 14)[0] != "green"
    assert "13-17-red-partner-under-13" in _ids(shipped, words, 14)
    assert PARTNER_UNDER_13 in _contexts_at("his gf is 12 and they touch each other", 14)
    # Guard (a review): holding hands or an early night is no sexual contact.
    assert _levels(shipped, "she is 13 and her boyfriend is 12, they just hold hands", 13)[0] == "green"
    assert PARTNER_UNDER_13 not in _contexts_at("his gf is 12, he is 14, they go to bed early on school nights", 14)
    # Guard: a 12-year-old girlfriend at 13 with only a kiss is a relationship.
    assert _levels(shipped, "his gf is 12", 13)[0] == "green"
    assert _levels(shipped, "his gf is 12 and they kiss", 13)[0] == "green"


# ------------------------------------------------------------ who is writing, when, and where


@pytest.mark.parametrize(
    ("words", "age", "first"),
    [
        (
            "foster carer: 14yo boy touches himself in bed with his door shut, should i be worried",
            14,
            "13-17-green-private-masturbation",
        ),
        ("7 yo touches his willy in bed at night, mum asking is it normal", 7, "5-9-green-touching-own-genitals"),
        ("5 yr old kissed his friend on the cheek at home time, both smiling", 5, "5-9-green-kiss-chase-and-crushes"),
    ],
)
def test_the_writer_the_parent_asking_and_home_time_say_nothing_of_what_happened(
    shipped: Pack, words: str, age: int, first: str
) -> None:
    """Healthy: before, "carer" named an adult, the parent asking read as a disclosure, and "home" led with
    abuse in the family."""
    assert _ids(shipped, words, age)[0] == first


def test_the_writers_role_goes_only_as_the_writers() -> None:
    assert typed_words("foster carer: 14yo boy touches himself")[:1] == ["14"]
    assert typed_words("nursery nurse here, 2 yr old rubs")[:1] == ["2"]
    assert typed_words("i'm a TA, my class")[:1] == ["my"]
    # Guard (a review): a role followed by what that person did names them ("dad - makes her sit on his lap").
    assert typed_words("dad - makes her sit on his lap")[:1] == ["dad"]
    assert typed_words("support worker - has been texting a 15 yr old")[:2] == ["support", "worker"]
    # Guard: a carer named in what happened stays.
    assert "carer" in typed_words("carer touched her privates")
    assert OLDER in _contexts_at("carer touched her privates", 8)
    assert typed_words("14yo boy touches himself in bed with his door shut")[-2:] == ["door", "shut"]


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("7yo touching her vagina in bed daddy asked her to", 7),
        ("masturbating in her room, dad asks her to", 12),
        ("touching his willy at night, carer asked him to", 7),
        ("tutor insists on the door closed in lessons with 13yo and strokes her leg", 13),
        ("8yo touching himself in bed with door shut, says a man on the game told him to", 8),
    ],
)
def test_an_adult_asking_the_child_to_or_a_door_an_adult_shuts_is_not_calmed(
    shipped: Pack, words: str, age: int
) -> None:
    """A review: a parent asking is an onlooker only as a question ("is it normal"); a shut door is in private only
    for a child's own act with no one else named."""
    assert _levels(shipped, words, age)[0] != "green", _ids(shipped, words, age)


# ------------------------------------------------------------ whole-phrase word-list entries

_DOCUMENTS = [
    {"keywords": ["sleep", "friends"], "text": ["Sleepovers with friends."], "consider": []},
    {"keywords": ["exploitation"], "text": ["A group exploits a young person."], "consider": []},
]


def test_a_whole_phrase_entry_finds_its_behaviour_only_when_said_in_full() -> None:
    engine = SearchIndex(_DOCUMENTS, (), (), [("sleep with his mates", [1])])
    assert engine.search("asks her to sleep with his mates").hits[0][0] == 1
    # Its words are not the behaviour's: "sleep" alone or "mates" alone do not find it.
    assert [position for position, _ in engine.search("sleep at friends").hits] == [0]
    assert engine.search("his mates").hits == []


def test_the_shipped_whole_phrase_entries_words_alone_find_nothing_of_theirs(shipped: Pack) -> None:
    """The words of "sleep with his mates" and "films them having sex" are not the behaviours' words."""
    assert "13-17-red-group-exploitation" not in _ids(shipped, "his mates", 15, top=20)
    assert "13-17-red-secret-filming" not in _ids(shipped, "having sex", 15, top=20)


@pytest.mark.parametrize(
    ("words", "age", "first"),
    [
        ("her bf asks her to sleep with his mates", 15, "13-17-red-group-exploitation"),
        ("her boyfriend makes her sleep with his friends", 15, "13-17-red-group-exploitation"),
        ("her bf films them having sex", 15, "13-17-red-secret-filming"),
        (
            "12 yr old found with pics of little kids with no clothes on his phone, says someone sent them on telegram",
            12,
            "9-13-red-viewing-child-abuse-images",
        ),
        (
            "preschool girl 4 keeps pushing crayons up her bum at nap time, found blood in her pants today",
            4,
            "0-5-red-inserting-objects",
        ),
        ("14 yo told his mate he likes a boy in his form", 14, "13-17-green-identity"),
        (
            "y2 girl told her friend she loves a boy in her class and wants to marry him",
            6,
            "5-9-green-kiss-chase-and-crushes",
        ),
        (
            "y9s making filthy jokes about sex in the common room, all of them laughing",
            14,
            "13-17-green-explicit-talk-with-peers",
        ),
    ],
)
def test_whole_phrases_in_everyday_words_find_what_they_mean(shipped: Pack, words: str, age: int, first: str) -> None:
    """Worrying (the first five: amber or green had come first) and healthy (the last three: red had)."""
    assert _ids(shipped, words, age)[0] == first


@pytest.mark.parametrize(
    ("words", "age", "not_first"),
    [
        # Guard: the words of the whole-phrase entries alone pull nothing in.
        ("sexting with a lad in her year", 14, "13-17-red-group-exploitation"),
        ("got a tattoo says a mate sorted it", 15, "13-17-red-group-exploitation"),
        ("blackmailed after sending a video", 15, "13-17-amber-taking-or-sending-images"),
        ("toddler rubs cream in her bottom after the toilet", 3, "0-5-red-inserting-objects"),
        # A whole phrase's green item never leads an amber or red match that covered more of the words.
        ("called him gay and spread a rumour he fancies boys", 12, "9-13-green-identity"),
        # A review: a green whole phrase beside another act, and whole phrases only with their words side by side.
        ("he has a crush on a boy and filmed him in the changing rooms", 14, "13-17-green-identity"),
        ("she has a crush on a girl and spread a video of her getting changed", 14, "13-17-green-identity"),
        ("he fancies a boy and keeps grabbing his crotch in the corridor", 13, "13-17-green-identity"),
        ("watched a sex education video in pshe", 13, "13-17-red-secret-filming"),
        ("he went to sleep with his mates on the xbox", 14, "13-17-red-group-exploitation"),
    ],
)
def test_whole_phrase_words_alone_pull_nothing_in(shipped: Pack, words: str, age: int, not_first: str) -> None:
    assert (_ids(shipped, words, age) or ["nothing found"])[0] != not_first, _ids(shipped, words, age)


def test_a_whole_phrase_green_item_never_leads_beside_force_an_adult_money_or_secrecy(shipped: Pack) -> None:
    assert _levels(shipped, "he likes a boy in year 11 who gives him vapes", 13)[0] != "green"
    assert _levels(shipped, "snapchats her friends and a man she met online", 12)[0] != "green"


def test_whole_phrase_is_a_yes_or_no_field() -> None:
    entry = VocabularyEntry(
        words=["sleep with his mates"], themes=["group-exploitation"], source="x", whole_phrase=True
    )
    assert entry.whole_phrase
    assert not VocabularyEntry(words=["nudes"], themes=["x"], source="x").whole_phrase
    with pytest.raises(ValidationError):
        VocabularyEntry(words=["nudes"], themes=["x"], source="x", whole_phrase="sometimes")  # type: ignore[arg-type]


# ------------------------------------------------------------ a second review (of 64736e9)


@pytest.mark.parametrize(
    ("words", "age"),
    [
        # A shut door beside a camera, a call or hours of it is no privacy.
        ("13yo masturbating with his door shut while on facetime", 13),
        ("14yo girl touching herself on camera with her door locked", 14),
        ("4yo touches herself with her door shut for hours", 4),
        # A whole phrase's amber item does not lead a much older partner or a partner under 13.
        ("14yo has been going further with her boyfriend, he's 20", 14),
        ("foster carer: 14yo boy and his gf who is 12 went all the way", 14),
        # A green whole phrase beside an adult the contexts do not name.
        ("i'm a TA, 6yo in love with him, the lunchtime supervisor, he lets her sit on his lap and tickles her", 6),
        ("8yo in love with her cub leader, he takes her in his car", 8),
    ],
)
def test_what_a_second_review_found_calmed_is_not(shipped: Pack, words: str, age: int) -> None:
    levels = _levels(shipped, words, age)
    assert levels[0] != "green", (_ids(shipped, words, age), levels)


def test_a_partner_under_13_leads_over_a_whole_phrase_of_similar_age(shipped: Pack) -> None:
    assert _ids(shipped, "foster carer: 14yo boy and his gf who is 12 went all the way", 14)[0] == (
        "13-17-red-partner-under-13"
    )
    assert _levels(shipped, "14yo has been going further with her boyfriend, he's 20", 14)[0] == "red"


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("5yo kissing and showing privates with a friend the same age", 5),
        ("10yo kissing her bf in private at the park", 10),
        ("9yo drawing is his thing, sent a pic of his art to nan", 9),
        ("12yo had battered fish and chips with his girlfriend", 12),
        ("13yo boy, his gf is 12, they hold hands and dont want to go any further", 13),
        ("13yo walks his 12yo girlfriend all the way home", 13),
        ("11yo has a crush on a teenage boy in a band, posters on her wall", 11),
        ("8 yo wants to be a teenager, asks about puberty", 8),
        ("8yo at a sleepover, mum makes him sleep with his mates in the tent", 8),
        ("13yo asked what a sex tape is after celeb news", 13),
        ("12yo still takes her teddy to bed but asking questions about sex", 12),
    ],
)
def test_what_a_second_review_found_alarmed_is_not_red(shipped: Pack, words: str, age: int) -> None:
    assert _levels(shipped, words, age)[0] != "red", _ids(shipped, words, age)


def test_a_liking_and_a_drawer_are_read_as_typed() -> None:
    """A second review: these led with red before round 10 too (through the items' own words), but the round's
    readings must not add to it."""
    assert "privates" not in typed_words("12 yo says kissing isnt his thing yet")
    assert SEX_ACT not in _contexts_at("12 yo says kissing isnt his thing yet", 12)
    assert PUT_INSIDE not in _contexts_at("2yo put crayons in the bottom drawer", 2)


# ------------------------------------------------------------ a third review (of e42de7a)


@pytest.mark.parametrize(
    ("words", "age"),
    [
        # The role before the child is the one in it: a pronoun of the other sex, two people, or the writer acted on.
        ("dad: 10 yo girl, he gets in the shower with her and washes her privates", 10),
        ("dad - 7yo girl, he makes her sleep in his bed when mum is on nights", 7),
        ("foster carer: 6yo keeps trying to put his tongue in my mouth when I kiss him goodnight", 6),
        ("support worker: 17yo with autism, he takes her to his flat", 17),
        # The writer's own partner is an adult in the home.
        ("dad here, my partner touched my 6yo daughter's privates in the bath", 6),
        # An age under 13 beside sex at 13 or over, whatever the partner word.
        ("14yo has been having sex with a girl in his form who is 12", 14),
        ("youth worker here, yp aged 15 says she has to sleep with her bf's mates to pay off his debt", 15),
        ("4yo sucks other children's willies", 4),
        ("8yo girl simulating sex with her barbies, mum asking is it normal", 8),
    ],
)
def test_what_a_third_review_found_calmed_is_not(shipped: Pack, words: str, age: int) -> None:
    assert _levels(shipped, words, age)[0] != "green", _ids(shipped, words, age)


def test_a_third_reviews_worries_lead_with_their_item(shipped: Pack) -> None:
    assert _ids(shipped, "14yo has been having sex with a girl in his form who is 12", 14)[0] == (
        "13-17-red-partner-under-13"
    )
    assert "acting-out-sex" in _ids(shipped, "5yo makes teddies have sex and says it's what happens at night", 5)[0]
    assert PUT_INSIDE in _contexts_at("lego up her bottom", 4)
    assert PUT_INSIDE in _contexts_at("a marble in her private parts", 5)


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("3yo had to lie on her tummy for the doctor", 3),
        ("10yo girl had to rub her sister's back when she was sick", 10),
        ("6yo had to lie on his back for the doctor", 6),
        ("12yo went further than anyone in the long jump", 12),
        ("his football team always gets battered", 14),
        ("8yo watches videos of teenagers doing dances on youtube", 8),
        ("10yo put his thing in his bag for show and tell", 10),
        ("asked why the people on tv tried to have sex", 9),
    ],
)
def test_what_a_third_review_found_alarmed_is_not_red(shipped: Pack, words: str, age: int) -> None:
    assert _levels(shipped, words, age)[0] != "red", _ids(shipped, words, age)


def test_the_bottom_pond_is_a_place() -> None:
    # It led with red before round 10 too (through the item's own words); the round's reading must not add to it.
    assert PUT_INSIDE not in _contexts_at("7yo put sticks into the bottom pond", 7)


def test_scared_of_home_time_keeps_home() -> None:
    assert "home" in typed_words("scared of home time")
    assert "home" not in typed_words("kissed his friend at home time")


def test_contractions_typed_without_the_apostrophe_are_read_as_words() -> None:
    # A phone screenshot showed "theyve" corrected to "theyre" as "did you mean", above the answer.
    assert typed_words("theyve been going further")[:2] == ["they", "ve"]
    assert typed_words("youre, ive, weve")[:2] == ["you", "re"]
    # Guard: words that only look like one.
    assert typed_words("they were there, where, whore, five") == ["they", "were", "there", "where", "whore", "five"]


# ------------------------------------------------------------ a fourth review (of 887f377)
# Guards: each case below passes on ba828bb and failed on 887f377.


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("makes her hold his thing in the shed", 5),
        ("screams at home time when uncle collects her, wet herself", 5),
        ("my partner baths the 4yo and she has become withdrawn", 4),
    ],
)
def test_what_a_fourth_review_found_calmed_is_not(shipped: Pack, words: str, age: int) -> None:
    assert _levels(shipped, words, age)[0] == "red", _ids(shipped, words, age)


def test_the_writers_partner_at_bath_time_is_care(shipped: Pack) -> None:
    """A fourth review: "my partner" is an adult in the home only beside a worry, not beside care alone."""
    assert _levels(shipped, "my partner bathes our 2yo", 2)[0] != "red"
    assert OLDER not in _contexts_at("mum makes him hold his sisters hand crossing the road", 6)
    assert FORCE not in _contexts_at("mum makes him hold his sisters hand crossing the road", 6)
