"""Compact cards (issue 24.2): the level at the age, the one action that matters most, one key rule per law
note, the image rule on image items; and the look-up's answer (24.1): matches first, the rest by level."""

from __future__ import annotations

import pytest

from behaviours.answers.cards import (
    IMAGE_RULE,
    ItemCard,
    first_sentence,
    item_card,
    key_action,
    key_rule,
    law_groups,
    laws_on_page,
)
from behaviours.answers.lookup import plan_lookup
from behaviours.answers.plans import plan_lookup_answer
from behaviours.pack.model import KEY_SENTENCE_MAX, LawNote, Level
from behaviours.pack.pack import Pack


def _note(**fields: object) -> LawNote:
    return LawNote.model_validate(
        {"id": "x", "title": "T", "text": "First fact. Second fact.", "source": "S", **fields}
    )


def test_a_key_rule_is_the_notes_own_or_else_its_first_sentence() -> None:
    assert key_rule(_note(key_rule="The rule.")) == "The rule."
    assert key_rule(_note()) == "First fact."
    assert first_sentence("One sentence only") == "One sentence only"


def test_a_key_rule_longer_than_140_characters_is_refused() -> None:
    assert KEY_SENTENCE_MAX == 140
    _note(key_rule="a" * 140)
    with pytest.raises(ValueError, match="140"):
        _note(key_rule="a" * 141)


def test_every_shipped_law_note_has_a_short_key_rule_of_its_own(shipped: Pack) -> None:
    for note in shipped.law:
        assert note.key_rule, note.id
        assert len(note.key_rule) <= 110, note.id
        assert note.key_rule not in note.text, f"{note.id}: a rule in our own short words, not the note's sentence"


@pytest.mark.parametrize(
    ("level", "words"),
    [(Level.RED, "refer to Compass today"), (Level.AMBER, "Tell your DSL today"), (Level.GREEN, "no referral")],
)
def test_each_level_has_one_action_that_matters_most(shipped: Pack, level: Level, words: str) -> None:
    assert words in key_action(shipped, level)


def test_an_image_item_carries_the_image_rule_and_its_key_rule(shipped: Pack) -> None:
    band = shipped.band("13-17")
    assert band is not None
    item = next(b for b in band.behaviours if b.id == "13-17-amber-taking-or-sending-images")
    card = item_card(shipped, item, band, 14)
    assert card.image_rule and "never view, copy, share or save" in IMAGE_RULE
    assert [line.note.id for line in card.laws] == ["indecent-images"]
    assert card.laws[0].rule.startswith("A nude or sexual image of anyone under 18")
    assert card.laws[0].anchor == "law-indecent-images"


def test_an_item_not_about_images_has_no_image_rule(shipped: Pack) -> None:
    band = shipped.band("0-5")
    assert band is not None
    card = item_card(shipped, band.behaviours[0], band, 3)
    assert not card.image_rule


def test_the_level_on_a_card_is_the_level_at_the_age(shipped: Pack) -> None:
    band = shipped.band("13-17")
    assert band is not None
    changing = next(b for b in band.behaviours if {c.level for c in b.by_age} - {b.level})
    for condition in changing.by_age:
        assert item_card(shipped, changing, band, condition.first_age).level == condition.level


def test_with_words_the_matches_lead_and_are_not_listed_again(shipped: Pack) -> None:
    answer = plan_lookup_answer(shipped, plan_lookup(shipped, 14, None, None), "sent a nude")
    assert answer.searched and answer.matches
    assert all(card.age == 14 and card.band.id == "13-17" for card in answer.matches)
    matched = {card.behaviour.id for card in answer.matches}
    rest = [card.behaviour.id for band in answer.bands for group in band.groups for card in group.cards]
    assert not matched & set(rest)
    assert len(matched) + len(rest) == len(shipped.band("13-17").behaviours)  # type: ignore[union-attr]


def test_without_words_the_rest_is_every_item_grouped_most_serious_first(shipped: Pack) -> None:
    answer = plan_lookup_answer(shipped, plan_lookup(shipped, 14, None, None), None)
    assert answer.matches == [] and not answer.searched
    (band,) = answer.bands
    assert [group.level for group in band.groups] == [Level.RED, Level.AMBER, Level.GREEN]
    assert [group.anchor for group in band.groups] == ["band-13-17-red", "band-13-17-amber", "band-13-17-green"]
    for group in band.groups:
        assert all(card.level == group.level for card in group.cards)
    assert answer.levels == [Level.RED, Level.AMBER, Level.GREEN]


def test_the_law_section_holds_each_cited_note_once(shipped: Pack) -> None:
    answer = plan_lookup_answer(shipped, plan_lookup(shipped, 14, None, None), None)
    ids = [note.id for note in answer.laws]
    assert len(ids) == len(set(ids))
    cited = {line.note.id for card in answer.cards for line in card.laws}
    assert set(ids) == cited
    assert laws_on_page([]) == []


def test_with_a_developmental_age_its_band_leads_in_the_answer(shipped: Pack) -> None:
    answer = plan_lookup_answer(shipped, plan_lookup(shipped, 16, None, None, developmental_age=8), None)
    assert [(b.band.id, b.note) for b in answer.bands] == [
        ("5-9", "Shown for developmental age 8"),
        ("13-17", "For age 16 in years"),
    ]
    assert all(card.age == 8 for group in answer.bands[0].groups for card in group.cards)


def _level_cards(shipped: Pack, age: int, level: Level) -> list[ItemCard]:
    plan = plan_lookup(shipped, age, None, None)
    answer = plan_lookup_answer(shipped, plan, None)
    return next(group.cards for group in answer.bands[0].groups if group.level == level)


def test_law_groups_keep_every_item_and_every_key_rule_beside_it(shipped: Pack) -> None:
    cards = _level_cards(shipped, 14, Level.RED)
    groups = law_groups(cards)
    items = [item for group in groups for item in group.items]
    assert sorted(item.card.behaviour.id for item in items) == sorted(card.behaviour.id for card in cards)
    for group in groups:
        for item in group.items:
            said = {(line.note.id, line.ages) for line in (*group.laws, *item.laws)}
            assert said == {(line.note.id, line.ages) for line in item.card.laws}, item.card.behaviour.id
            assert (group.image_rule or item.image_rule) == item.card.image_rule, item.card.behaviour.id
            assert not (group.image_rule and item.image_rule), "the image rule is said once, at the head or the row"


def test_a_law_shared_by_several_items_is_said_once_at_the_head_of_their_group(shipped: Pack) -> None:
    cards = _level_cards(shipped, 14, Level.RED)
    groups = law_groups(cards)
    cited = sum(len(card.laws) for card in cards)
    said = sum(len(group.laws) + sum(len(item.laws) for item in group.items) for group in groups)
    # 36 in content 2.1; 2.1.1's online grooming item cites three more (images, exploitation, sexual communication).
    assert cited == 39 and said < cited / 1.5, (cited, said)
    images = next(group for group in groups if [line.note.id for line in group.laws] == ["indecent-images"])
    assert images.image_rule and len(images.items) >= 5
    # Items that cite no law come first, under no head; the groups keep the pack's order of first items.
    assert groups[0].laws == () and not groups[0].image_rule
    order = [card.behaviour.id for card in cards]
    firsts = [order.index(group.items[0].card.behaviour.id) for group in groups[1:]]
    assert firsts == sorted(firsts)


def test_a_level_without_laws_is_one_group_in_the_packs_order(shipped: Pack) -> None:
    cards = _level_cards(shipped, 14, Level.GREEN)
    groups = law_groups(cards)
    assert len(groups) == 1 and [item.card for item in groups[0].items] == cards
    assert law_groups([]) == []
