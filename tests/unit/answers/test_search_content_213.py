"""Content 2.1.3: the two 5-9 items a practitioner could not find (objects put inside the genitals or
bottom; looking at other children on the toilet or undressed) and everyday words that found nothing
or the wrong thing (kissing games, twerking, love bites, masturbation slang, dry humping, peeing in
front of others, family words for genitals).

Checked against the 2.1.2 content: 29 of these 38 cases failed there (nothing found, or another item
first). The rest are guards that held before and must keep holding: plain body words do not lead with
the new red items, the 0-5 items stay beside the new 5-9 ones at 5, a skirt-lifting dare stays in view
at 7, and "twerking" at 14 still finds nothing. Levels are literals, never read from the pack under test.
"""

from __future__ import annotations

import pytest

from behaviours.answers.finding import find
from behaviours.pack.pack import Pack


def _first(pack: Pack, text: str, age: int) -> tuple[str, str]:
    hits = find(pack, text, age=age, limit=3).hits
    assert hits, f"{text!r} at {age} found nothing"
    return hits[0].behaviour.id, pack.level_at(hits[0].behaviour, age).value


def _top(pack: Pack, text: str, age: int) -> list[str]:
    return [hit.behaviour.id for hit in find(pack, text, age=age, limit=3).hits]


@pytest.mark.parametrize(
    ("words", "age", "first", "level"),
    [
        # The new red item at 5-9 (0-5 had it; 5-9 found nothing).
        ("inserting objects", 7, "5-9-red-inserting-objects", "red"),
        ("putting things in her bottom", 7, "5-9-red-inserting-objects", "red"),
        ("put something up his bum", 6, "5-9-red-inserting-objects", "red"),
        ("inserted something", 8, "5-9-red-inserting-objects", "red"),
        # The new amber item at 5-9.
        ("peeping", 7, "5-9-amber-looking-at-others-undressed", "amber"),
        ("looking under toilet door", 7, "5-9-amber-looking-at-others-undressed", "amber"),
        ("looking at other children in the toilets", 7, "5-9-amber-looking-at-others-undressed", "amber"),
        (
            "trying to see other children naked in the changing room",
            8,
            "5-9-amber-looking-at-others-undressed",
            "amber",
        ),
        ("perving on girls in the changing room", 8, "5-9-amber-looking-at-others-undressed", "amber"),
        # Kissing games.
        ("spin the bottle", 7, "5-9-green-kiss-chase-and-crushes", "green"),
        ("spin the bottle", 11, "9-13-green-kissing-hugging", "green"),
        ("spin the bottle", 14, "13-17-green-kissing-hugging", "green"),
        ("truth or dare", 7, "5-9-green-kiss-chase-and-crushes", "green"),
        # Dancing copied from music videos: 9-13's popular-culture item; at 5-9, sexual themes in play.
        ("twerking", 11, "9-13-green-popular-culture-online", "green"),
        ("sexualised dancing", 7, "5-9-amber-sexual-themes-in-play-or-drawing", "amber"),
        # Love bites go with kissing between young people.
        ("love bite", 12, "9-13-green-kissing-hugging", "green"),
        ("hickey", 15, "13-17-green-kissing-hugging", "green"),
        # Masturbation slang: the self-touch items (private masturbation is green from 9).
        ("beating off", 11, "9-13-green-private-masturbation", "green"),
        ("fapping", 15, "13-17-green-private-masturbation", "green"),
        ("tossing off", 13, "9-13-green-private-masturbation", "green"),
        # Dry humping between young people: the similar-age item, amber under 16, green at 16 and 17.
        ("dry humping", 15, "13-17-amber-similar-age-sexual-activity", "amber"),
        ("dry humping", 16, "13-17-amber-similar-age-sexual-activity", "green"),
        # Peeing in front of others: showing, not the self-touch items.
        ("weeing in front of other children", 6, "5-9-green-mutual-showing", "green"),
        # Family words for genitals.
        ("foo foo", 4, "0-5-green-toilet-words", "green"),
        ("touching his privates", 7, "5-9-green-touching-own-genitals", "green"),
    ],
)
def test_everyday_words_find_the_item_they_mean_at_that_age(
    shipped: Pack, words: str, age: int, first: str, level: str
) -> None:
    assert _first(shipped, words, age) == (first, level)


@pytest.mark.parametrize(
    ("words", "age", "shown"),
    [
        # A dare at 11 and 14 is still the dare items first; the kissing item now joins them.
        ("truth or dare", 11, "9-13-green-kissing-hugging"),
        ("truth or dare", 14, "13-17-green-kissing-hugging"),
        ("truth or dare", 7, "5-9-amber-skirt-lifting-and-grabbing"),
        # At 5 both bands hold: the 0-5 item on following others into toilets stays beside the new one.
        ("peeping", 5, "0-5-amber-following-into-toilets"),
        ("peeping", 5, "5-9-amber-looking-at-others-undressed"),
        ("inserting objects", 5, "0-5-red-inserting-objects"),
        ("inserting objects", 5, "5-9-red-inserting-objects"),
    ],
)
def test_the_other_meanings_stay_in_the_top_three(shipped: Pack, words: str, age: int, shown: str) -> None:
    assert shown in _top(shipped, words, age)


@pytest.mark.parametrize(
    ("words", "age"),
    [
        ("bum", 7),  # a body word alone never leads with the new red item
        ("willy", 4),
        ("showing his bum", 7),
        ("touching his privates", 7),
    ],
)
def test_plain_body_words_do_not_lead_with_the_new_red_items(shipped: Pack, words: str, age: int) -> None:
    assert _first(shipped, words, age)[0] not in {"5-9-red-inserting-objects", "0-5-red-inserting-objects"}


def test_twerking_at_14_finds_nothing_rather_than_a_misleading_item(shipped: Pack) -> None:
    # 13-17 has no item on dancing; the zero-hit route (criteria, not listed, case discussion) applies.
    assert find(shipped, "twerking", age=14).total == 0


def test_the_new_items_read_as_their_level_says(shipped: Pack) -> None:
    by_id = {b.id: b for b in shipped.all_behaviours}
    inserting = by_id["5-9-red-inserting-objects"]
    looking = by_id["5-9-amber-looking-at-others-undressed"]
    assert shipped.level_at(inserting, 7).value == "red"
    assert "object inside" in inserting.text and "another child's" in inserting.text
    assert "under-13s" in inserting.law
    assert shipped.level_at(looking, 7).value == "amber"
    assert "toilet" in looking.text and "have not agreed" in looking.text
    assert any("Moves to red" in note for note in looking.consider)
