"""The shipped pack, checked item by item so a failure names the band, level or contact."""

import pytest
from pack_builder import SHIPPED_BAND_IDS

from behaviours import LEVELS, Level
from behaviours.answers.finding import search
from behaviours.pack.model import ChannelKind, Status

MINIMUM = {Level.GREEN: 8, Level.AMBER: 7, Level.RED: 7}
COMPASS = "0345 678 9021"
BAND_LEVELS = [(band_id, level) for band_id in SHIPPED_BAND_IDS for level in LEVELS]


def numbers(contacts):
    return {ch.value for c in contacts for ch in c.channels if ch.kind == ChannelKind.PHONE}


def test_the_four_bands_of_the_framework_in_order(shipped):
    assert [(b.id, b.min_age, b.max_age) for b in shipped.bands] == [
        ("0-5", 0, 5),
        ("5-9", 5, 9),
        ("9-13", 9, 13),
        ("13-17", 13, 17),
    ]


@pytest.mark.parametrize(("band_id", "level"), BAND_LEVELS, ids=[f"{b}-{lv.value}" for b, lv in BAND_LEVELS])
def test_every_band_has_every_level_with_the_minimum_count(shipped, band_id, level):
    found = shipped.behaviours(band_id, level)
    assert len(found) >= MINIMUM[level], f"{band_id} has {len(found)} {level.value} descriptors"


def test_each_descriptor_is_one_plain_sentence_with_keywords(shipped):
    def wrong(behaviour) -> list[str]:
        found = [] if behaviour.text.endswith(".") else ["not a sentence"]
        found += [] if len(behaviour.text) <= 400 else ["longer than 400 characters"]
        found += [] if behaviour.keywords else ["no keywords: practitioners need words to find it by"]
        found += ["holds < or >"] if "<" in behaviour.text or ">" in behaviour.text else []
        return found

    assert {b.id: wrong(b) for b in shipped.all_behaviours if wrong(b)} == {}


# Unique ids, contacts a route names, provenance fields and phone numbers
# that parse are the loader's checks (tests/unit/test_validator_fixtures.py):
# the shipped pack loading at all proves them. What follows is what the loader
# does not check.


def test_every_contact_not_verified_says_why(shipped):
    unverified = [c for c in shipped.contacts if c.status != Status.VERIFIED]
    assert unverified, "no unverified contact: this test checks nothing"
    silent = [
        f"{c.id} is {c.status.value}: say why in status_note" for c in unverified if not (c.status_note or c.notes)
    ]
    assert silent == []


@pytest.mark.parametrize("level", [Level.AMBER, Level.RED], ids=lambda lv: lv.value)
def test_amber_and_red_routes_include_compass(shipped, level):
    assert COMPASS in numbers(shipped.contacts_for(shipped.route_for(level)))


def test_red_route_and_immediate_danger_include_999(shipped):
    assert "999" in numbers(shipped.contacts_for(shipped.route_for(Level.RED)))
    assert "999" in numbers(shipped.contacts_for(shipped.special_route("immediate-danger")))


def test_each_level_is_said_in_its_own_words(shipped):
    # The loader requires a label and a headline; these words are the pack's choice.
    assert [(shipped.level_label(level), shipped.level_guide(level).headline) for level in LEVELS] == [
        ("Green", "healthy and expected"),
        ("Amber", "take notice"),
        ("Red", "act today"),
    ]


def test_compass_falls_back_to_the_out_of_hours_team(shipped):
    compass = shipped.contact("compass")
    assert compass.out_of_hours == "emergency-duty-team"
    assert "0345 678 9040" in numbers([shipped.contact("emergency-duty-team")])


def test_the_nspcc_number_is_the_corrected_one_and_the_typo_is_explained(shipped):
    nspcc = shipped.contact("nspcc-helpline")
    assert "0808 800 5000" in numbers([nspcc])
    assert "0800 800 5000" not in numbers([nspcc])
    assert "0800 800 5000" in " ".join([nspcc.status_note or "", *nspcc.notes])


@pytest.mark.parametrize(
    ("contact_id", "status"),
    [
        ("crush", Status.UNVERIFIED),
        ("stop-cse-nwg", Status.UNVERIFIED),
        ("pace", Status.UNVERIFIED),
        ("brook", Status.UNVERIFIED),
        ("childline", Status.VERIFIED),
        ("stop-it-now", Status.VERIFIED),
    ],
)
def test_directory_status_follows_the_brief(shipped, contact_id, status):
    assert shipped.contact(contact_id).status == status


def test_credit_names_both_origins_and_the_report_address(shipped):
    credit = shipped.info.credit.framework
    assert "Brook" in credit and "True Relationships" in credit
    assert shipped.info.report_problems_to == "ShropshireFIS@shropshire.gov.uk"


def test_each_band_has_at_least_three_scenarios(shipped):
    for band in shipped.bands:
        assert len(shipped.scenarios_for(band.id)) >= 3, band.id


# ---------------------------------------------------------------- search with practitioners' words

SEARCHES = [
    ("sexting", {"9-13-red-sharing-images", "13-17-amber-taking-or-sending-images"}),
    ("nudes", {"13-17-amber-taking-or-sending-images", "13-17-red-sharing-others-images"}),
    ("porn", {"9-13-amber-viewing-pornography", "5-9-red-seeking-pornography", "13-17-amber-violent-pornography"}),
    ("flashing", {"9-13-amber-exposing-as-a-prank", "13-17-red-public-exposure-or-masturbation"}),
    ("touching", {"0-5-red-persistent-touching-children", "0-5-green-touching-own-body"}),
    ("online", {"13-17-amber-meeting-online-contact"}),
    ("older boyfriend", {"9-13-amber-older-associates", "13-17-red-much-older-partner"}),
    ("money", {"9-13-red-exchange", "13-17-red-exchange", "13-17-amber-unexplained-money-or-gifts"}),
]


@pytest.mark.parametrize(("query", "expected"), SEARCHES, ids=[q for q, _ in SEARCHES])
def test_search_finds_what_practitioners_type(shipped, query, expected):
    found = {hit.behaviour.id for hit in search(shipped, query)}
    missing = expected - found
    assert not missing, f"'{query}' did not find {missing}"


def test_search_is_case_insensitive_and_order_free(shipped):
    assert [h.behaviour.id for h in search(shipped, "SEXTING")] == [h.behaviour.id for h in search(shipped, "sexting")]
    assert {h.behaviour.id for h in search(shipped, "images sharing")} == {
        h.behaviour.id for h in search(shipped, "sharing images")
    }
