"""Ratings a safeguarding reviewer signed for pack 2.1, pinned with literal ages and levels.

Each test names the item and the age, and states the level in the test itself, never
read back from the pack, so a changed rating fails here with the item's id.
"""

from __future__ import annotations

import pytest

from behaviours import Level
from behaviours.answers.finding import search

RED, AMBER, GREEN = Level.RED, Level.AMBER, Level.GREEN

PINNED = [
    # A kiss or sexual touch after pressure or "no" is red, even once (KCSIE Part 5).
    ("13-17-red-unwanted-kiss-or-touch", 13, RED),
    ("13-17-red-unwanted-kiss-or-touch", 15, RED),
    ("13-17-red-unwanted-kiss-or-touch", 17, RED),
    ("9-13-red-unwanted-kiss-or-touch", 9, RED),
    ("9-13-red-unwanted-kiss-or-touch", 13, RED),
    # Kissing both want stays green.
    ("9-13-green-kissing-hugging", 12, GREEN),
    ("13-17-green-kissing-hugging", 14, GREEN),
    # Sexual contact by anyone 13 or over with a child under 13 is red.
    ("13-17-red-partner-under-13", 13, RED),
    ("13-17-red-partner-under-13", 16, RED),
    # Similar-age sexual activity: red under 13, amber 13-15, green 16-17.
    ("9-13-red-oral-sex-or-intercourse", 12, RED),
    ("9-13-red-oral-sex-or-intercourse", 13, AMBER),
    ("13-17-amber-similar-age-sexual-activity", 15, AMBER),
    ("13-17-amber-similar-age-sexual-activity", 16, GREEN),
    # A relationship is green as a relationship; its sexual activity follows the item above.
    ("13-17-green-relationships", 14, GREEN),
    # Pregnancy or an STI: red at 13-15, amber with health support at 16-17.
    ("13-17-red-injury-sti-or-pregnancy", 13, RED),
    ("13-17-red-injury-sti-or-pregnancy", 15, RED),
    ("13-17-red-injury-sti-or-pregnancy", 16, AMBER),
    ("13-17-red-injury-sti-or-pregnancy", 17, AMBER),
    ("13-17-red-genital-injury", 17, RED),
    ("9-13-red-injury-pregnancy-or-sti", 12, RED),
    # A child's own image sent to a willing peer: amber at 9-12 too, red only on a UKCIS trigger.
    ("9-13-red-sharing-images", 9, AMBER),
    ("9-13-red-sharing-images", 11, AMBER),
    ("9-13-red-sharing-images", 13, AMBER),
    ("13-17-amber-taking-or-sending-images", 15, AMBER),
    # Pornography: red 5-9 (seeking it out), amber 9-12, green from 13 in both bands.
    ("5-9-red-seeking-pornography", 8, RED),
    ("9-13-amber-viewing-pornography", 9, AMBER),
    ("9-13-amber-viewing-pornography", 12, AMBER),
    ("9-13-amber-viewing-pornography", 13, GREEN),
    ("13-17-green-interest-in-erotica", 13, GREEN),
    # Exposing: one dare among peers amber; repeated, public or targeted red.
    ("9-13-amber-exposing-as-a-prank", 11, AMBER),
    ("9-13-red-public-exposure-or-masturbation", 11, RED),
    ("13-17-amber-single-incident-peeping-or-exposing", 15, AMBER),
    ("13-17-red-public-exposure-or-masturbation", 15, RED),
    # Self-touching in front of others that stops when reminded: amber at 5-9 and at 9-13.
    ("5-9-amber-touching-self-in-front-of-others", 7, AMBER),
    ("9-13-amber-touching-self-in-front-of-others", 10, AMBER),
    # Family: children in a family red; an adult relative red.
    ("5-9-red-family-member", 7, RED),
    ("5-9-red-adult-relative", 7, RED),
    ("9-13-red-adult-relative", 13, RED),
    ("13-17-red-adult-relative", 17, RED),
    # Items added in 2.1.
    ("9-13-red-disclosure", 10, RED),
    ("13-17-red-disclosure", 16, RED),
    ("5-9-amber-skirt-lifting-and-grabbing", 6, AMBER),
    ("5-9-red-fake-sexual-images", 8, RED),
    ("5-9-red-sextortion", 8, RED),
    ("5-9-amber-gifts-in-games", 8, AMBER),
    ("9-13-amber-dating-apps", 12, AMBER),
    ("9-13-red-controlling-relationship", 12, RED),
    ("9-13-red-selling-images", 12, RED),
    ("13-17-amber-hbt-bullying", 14, AMBER),
    ("13-17-red-choking-during-sex", 17, RED),
    ("13-17-red-sharing-adult-peers-images", 17, RED),
    ("13-17-red-selling-images", 16, RED),
    ("9-13-red-abuse-in-residential-care", 11, RED),
    ("13-17-red-abuse-in-residential-care", 15, RED),
]


@pytest.mark.parametrize(("item_id", "age", "level"), PINNED, ids=[f"{i}@{a}" for i, a, _ in PINNED])
def test_the_signed_rating_at_that_age(shipped, item_id: str, age: int, level: Level) -> None:
    assert shipped.level_at(shipped.behaviour(item_id), age) == level


@pytest.mark.parametrize("item_id", ["9-13-green-kissing-hugging", "13-17-green-kissing-hugging"], ids=lambda i: i)
def test_the_green_kissing_items_send_a_kiss_after_no_to_red(shipped, item_id: str) -> None:
    consider = " ".join(shipped.behaviour(item_id).consider)
    assert "said no" in consider and "it is red" in consider
    assert "Moves to amber" not in consider


def test_the_self_image_item_lists_the_ukcis_reasons_for_referral_and_never_says_any_image(shipped) -> None:
    consider = " ".join(shipped.behaviour("9-13-red-sharing-images").consider)
    for reason in (
        "an adult is involved",
        "coercion, blackmail or grooming",
        "doubt that a child could consent",
        "the images show sexual acts and a child in them is under 13",
        "violent or unusual for the child's development",
        "immediate risk",
    ):
        assert reason in consider, reason
    every_text = " ".join(c for b in shipped.all_behaviours for c in b.consider).lower()
    assert "for any image" not in every_text and "any image involving a child under 13" not in every_text


def test_a_partner_under_13_and_the_similar_age_item_point_at_each_other(shipped) -> None:
    assert "under-13s" in shipped.behaviour("13-17-red-partner-under-13").law
    for item_id in ("13-17-amber-similar-age-sexual-activity", "9-13-red-oral-sex-or-intercourse"):
        assert any("partner is under 13" in c for c in shipped.behaviour(item_id).consider), item_id


def test_sibling_behaviour_and_abuse_by_an_adult_relative_are_two_themes_in_every_band_that_has_them(shipped) -> None:
    siblings = {shipped.band_of(b).id for b in shipped.themed("sibling-sexual-behaviour")}
    adults = {shipped.band_of(b).id for b in shipped.themed("abuse-by-adult-relative")}
    assert siblings == adults == {"5-9", "9-13", "13-17"}
    assert shipped.themed("family-sexual-activity") == []
    for item in shipped.themed("abuse-by-adult-relative"):
        assert "police" in " ".join(item.consider), item.id


def test_forced_and_mutual_touching_no_longer_share_a_theme(shipped) -> None:
    assert (
        shipped.behaviour("0-5-red-persistent-touching-children").theme
        != shipped.behaviour("5-9-amber-mutual-touching").theme
    )


def test_choking_during_sex_names_the_strangulation_offence(shipped) -> None:
    consider = " ".join(shipped.behaviour("13-17-red-choking-during-sex").consider)
    assert "Serious Crime Act 2015, s.75A" in consider


def test_red_guidance_and_criteria_ask_for_developmental_age_with_send_or_autism(shipped) -> None:
    red_steps = " ".join(shipped.level_guide(Level.RED).what_to_do)
    assert "autism" in red_steps and "developmental age" in red_steps and "never lowers the level" in red_steps
    developmental = next(c for c in shipped.criteria if c.id == "developmental")
    assert "autism" in developmental.why and "before calling it red" in developmental.why


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kissed me after I said no", "13-17-red-unwanted-kiss-or-touch"),
        ("skirt lifting", "5-9-amber-skirt-lifting-and-grabbing"),
        ("Robux", "5-9-amber-gifts-in-games"),
        ("Tinder", "9-13-amber-dating-apps"),
        ("OnlyFans", "13-17-red-selling-images"),
        ("choking", "13-17-red-choking-during-sex"),
        ("children's home", "13-17-red-abuse-in-residential-care"),
        ("transphobic", "13-17-amber-hbt-bullying"),
        ("uncle", "9-13-red-adult-relative"),
        ("revenge porn", "13-17-red-sharing-adult-peers-images"),
    ],
)
def test_search_finds_the_new_items_by_everyday_words(shipped, query: str, expected: str) -> None:
    assert expected in {hit.behaviour.id for hit in search(shipped, query)}
