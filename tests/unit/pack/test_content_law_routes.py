"""Content pack 2.1 (issue 23), law, contacts and routes: the red route's police and UKCIS steps, the
amber route's consent step, LADO and the HSB Support Service in the directory, honest contact dates and
statuses, and law notes that say only what their sources say. Checked against the shipped pack, with the
words and dates a reader sees written out here."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from behaviours import Level, Pack
from behaviours.pack.model import Contact, Status
from behaviours.wording.contacts import status_words

CHECKED = dt.date(2026, 12, 6)


def _route_text(PACK: Pack, level: Level, part: str) -> str:
    return " ".join(getattr(PACK.route_for(level), part))


def _shown(contact: Contact) -> str:
    """Everything about a contact that a reader sees: not its `source`, which records provenance."""
    parts = [contact.name, contact.summary, contact.hours or "", contact.hours_note or "", contact.status_note or ""]
    parts += contact.notes
    parts += [f"{c.label or ''} {c.value}" for c in contact.channels]
    return " ".join(parts)


# ---------------------------------------------------------------- red route


def test_the_red_route_sends_rape_and_sexual_assault_to_the_police(shipped):
    steps = [s for s in shipped.route_for(Level.RED).route_out if "rape" in s.lower()]
    assert len(steps) == 1
    step = steps[0]
    for words in ("rape", "assault by penetration", "sexual assault", "goes to the police", "KCSIE Part 5"):
        assert words in step, words


@pytest.mark.parametrize(
    "trigger",
    [
        "an adult is involved",
        "pressure, blackmail, grooming",
        "doubt about capacity to consent",
        "sexual acts unusual for the child's development",
        "violence",
        "a child in them is under 13",
        "a child is at immediate risk",
    ],
)
def test_the_red_route_lists_each_ukcis_reason_to_refer_an_image_at_once(shipped, trigger):
    out = _route_text(shipped, Level.RED, "route_out")
    assert trigger in out
    assert "police or Compass at once (UKCIS)" in out


def test_the_ukcis_trigger_is_sexual_acts_under_13_not_any_image_of_an_under_13(shipped):
    out = _route_text(shipped, Level.RED, "route_out")
    assert "they involve sexual acts and a child in them is under 13" in out
    assert "any image of a child under 13" not in out.lower()


def test_the_red_route_says_how_to_handle_an_image(shipped):
    steps = _route_text(shipped, Level.RED, "in_your_setting")
    assert "do not view, copy, print, share, store or save a nude or sexual image" in steps
    assert "do not delete it or ask the child to delete it" in steps
    assert "suicidal or self-harming" in steps
    assert "Report Remove" in _route_text(shipped, Level.RED, "route_out")


def test_allegations_against_staff_go_to_the_lado_from_amber_and_red(shipped):
    for level in (Level.AMBER, Level.RED):
        route = shipped.route_for(level)
        assert "LADO" in " ".join(route.in_your_setting), level
        assert "shropshire-lado" in route.contacts, level


# ---------------------------------------------------------------- amber route


def test_the_amber_route_says_compass_asks_for_parents_agreement_except_for_significant_harm(shipped):
    out = _route_text(shipped, Level.AMBER, "route_out")
    assert (
        "Compass asks for parents' or carers' agreement first, unless a child may be at risk of significant harm" in out
    )


# ---------------------------------------------------------------- contacts


def test_shropshires_lado_is_in_the_directory_with_source_date_and_status(shipped):
    lado = shipped.contact("shropshire-lado")
    assert lado is not None
    assert lado.name == "LADO (Local Authority Designated Officer)"
    assert [c.value for c in lado.channels] == ["0345 678 9021"]
    assert (
        "https://westmidlands.procedures.org.uk/local-content/ygjN/lado-managing-allegations/?b=Shropshire"
        in lado.source
    )
    assert lado.status == Status.VERIFIED and lado.last_verified == CHECKED
    assert status_words(lado) == "Verified 6 December 2026"


def test_the_hsb_support_service_is_in_the_directory_as_unverified_with_its_date(shipped):
    hsb = shipped.contact("hsb-support-service")
    assert hsb is not None
    assert hsb.name == "Harmful Sexual Behaviour Support Service"
    assert "0344 225 0623" in [c.value for c in hsb.channels]
    assert "hsbsupport@swgfl.org.uk" in [c.value for c in hsb.channels]
    assert hsb.hours == "Monday to Friday, 8am to 8pm (2022 pages)"
    assert "SWGfL with the Marie Collins Foundation" in hsb.summary and "Home Office" in hsb.summary
    assert "https://swgfl.org.uk/harmful-sexual-behaviour-support-service/" in hsb.source
    assert hsb.status == Status.UNVERIFIED
    assert hsb.last_verified is None and hsb.last_checked == CHECKED
    assert status_words(hsb) == "Unverified: last checked 6 December 2026"


def test_0300_333_3000_is_labelled_as_west_mercia_polices_switchboard(shipped):
    switchboard = shipped.contact("west-mercia-police-switchboard")
    assert switchboard is not None
    assert switchboard.name == "West Mercia Police switchboard"
    assert [(c.value, c.label) for c in switchboard.channels] == [("0300 333 3000", "Switchboard")]
    assert shipped.contact("west-mercia-ppu") is None
    for contact in shipped.contacts:
        assert "Public Protection Unit" not in _shown(contact), contact.id


def test_report_remove_is_verified_on_the_iwfs_own_page_not_an_internal_brief(shipped):
    report_remove = shipped.contact("report-remove")
    assert report_remove is not None
    assert "https://www.iwf.org.uk/what-we-do/why-we-exist/report-remove" in report_remove.source
    assert "brief" not in report_remove.source.lower()


def test_no_contact_shows_the_words_seed_pack(shipped):
    assert [c.id for c in shipped.contacts if "seed pack" in _shown(c).lower()] == []


def test_a_contact_is_verified_only_on_a_public_page_and_dated_only_when_it_was(shipped):
    for contact in shipped.contacts:
        _verified_only_on_a_public_page(contact)


def _verified_only_on_a_public_page(contact: Contact) -> None:
    who = contact.id
    if contact.status == Status.VERIFIED:
        assert "https://" in contact.source, who
        assert contact.last_verified is not None, who
        for said in ("not confirmed", "unconfirmed", "to be confirmed", "to confirm", "not yet"):
            assert said not in (contact.status_note or "").lower(), f"{who}: {said}"
            assert said not in contact.source.lower(), f"{who}: {said}"
    else:
        assert contact.last_verified is None, who
        assert contact.last_checked is not None, who


# ---------------------------------------------------------------- the contact model's dates


def _contact(**dates: dt.date) -> Contact:
    return Contact.model_validate(
        {
            "id": "test",
            "name": "Test",
            "summary": "A test entry.",
            "audience": ["anyone"],
            "channels": [{"kind": "phone", "value": "0808 800 5000"}],
            "source": "Test source",
            "status": "unverified",
            **dates,
        }
    )


def test_a_contact_needs_last_verified_or_last_checked():
    with pytest.raises(ValidationError, match=r"give last_verified .* or last_checked"):
        _contact()


def test_last_checked_on_is_the_later_of_the_two_dates():
    contact = _contact(last_verified=dt.date(2025, 6, 1), last_checked=dt.date(2026, 12, 6))
    assert contact.checked_on == dt.date(2026, 12, 6)
    assert status_words(contact) == "Unverified: last checked 6 December 2026"


# ---------------------------------------------------------------- law notes


def test_cyberflashing_is_images_of_genitals_with_intent_or_recklessness(shipped):
    note = shipped.law_note("cyberflashing")
    assert "photo or film of anyone's genitals" in note.text
    assert "alarmed, distressed or humiliated" in note.text
    assert "for sexual gratification while not caring whether" in note.text
    assert "Not every unwanted sexual image is this offence" in note.text
    assert "66A" in note.source


def test_indecent_images_say_pseudo_photograph_and_that_outcome_21_still_records_the_crime(shipped):
    note = shipped.law_note("indecent-images")
    assert "pseudo-photograph" in note.text
    assert all("pseudo-image" not in n.text for n in shipped.law)
    assert '"Outcome 21": the crime is still recorded' in note.text


def test_positions_of_trust_name_the_2022_sport_and_religion_roles(shipped):
    note = shipped.law_note("positions-of-trust")
    assert "coaches, teaches, trains, supervises or instructs" in note.text
    assert "in a sport or a religion" in note.text
    assert "22A" in note.source and "Police, Crime, Sentencing and Courts Act 2022" in note.source


def test_sextortion_says_a_large_proportion_not_mostly(shipped):
    note = shipped.law_note("sextortion")
    assert "a large proportion of cases had involved boys aged 14 to 18" in note.text
    assert "mostly" not in note.text
    assert "April 2024" in note.source


@pytest.mark.parametrize(
    ("note_id", "section", "in_force"),
    [
        ("sharing-intimate-images", "section 66B", "31 January 2024"),
        ("sexual-communication-with-a-child", "section 15A", "3 April 2017"),
        ("non-fatal-strangulation", "section 75A", "7 June 2022"),
    ],
)
def test_new_law_notes_give_their_section_and_the_date_they_came_into_force(shipped, note_id, section, in_force):
    note = shipped.law_note(note_id)
    assert note is not None
    assert section in note.source
    assert f"Since {in_force}" in note.text
    assert note.last_reviewed == CHECKED


def test_fake_image_and_ai_tool_offences_are_not_stated_as_in_force(shipped):
    note = shipped.law_note("fake-intimate-images")
    assert note is not None
    assert "Neither is confirmed as in force at 6 December 2026" in note.text
    assert "not confirmed as in force at 6 December 2026" in note.source
    assert "Since" not in note.text and "in force since" not in note.text.lower()
