"""The validator's wording, tested against broken packs.

Each case is the minimal pack with one thing broken: the files under
tests/fixtures/broken/<case>/ replace the minimal pack's. The table pairs each case
with the exact lines an editor reads (``file:line: field.path: message``), so a
change of file, line or wording fails here first.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest
from pack_builder import FIXTURES, MINIMAL, TODAY

from behaviours.contacts.hours import Openness, openness
from behaviours.pack import rules, yamlsource
from behaviours.pack.loader import SHIPPED_PACK, PackError, check_pack, load_pack
from behaviours.pack.model import Level
from behaviours.pack.pack import Pack, older_than
from behaviours.pack.reader import read_pack

FIX_AT_LINK = "links must start with https: or http:, e.g. https://www.example.org/"
QUOTES_HINT = "write text, in quotes if it looks like a number, date or yes/no"
INVISIBLE_HINT = "it can change how the text is shown or what a link does; delete it and retype that part"
REORDER_HINT = (
    "which can change the order in which digits and letters are shown; "
    "write numbers and links in plain digits and Latin letters"
)
SITE_HINT = "make the label name the site the link opens, or describe it in words"
OTHER_DIGIT_HINT = (
    "a digit that is not one of 0 to 9; a browser can show such digits in another order than they are dialled; write"
)
ADDRESS_HINT = (
    "which nobody has checked as a link; name the site in words instead, and give its address where links are "
    "checked: a contact's web channel, a law note's link or a resource's link"
)

# case: the exact problems, in the order the loader reports them (by file, then line).
REF_HINT = "instead, so it comes from contacts.yaml and changes with it"
BROKEN: dict[str, list[str]] = {
    "reference-unquoted": [
        "pack/routes.yaml:16: line 16 has a reference in braces that YAML reads as code; "
        'put the whole text in quotes, e.g. - "{front_door} is closed."'
    ],
    "reference-unknown": [
        "pack/routes.yaml:16: routes[2].route_out[0]: {front_dor} is not a reference the pack knows; "
        "did you mean {front_door}?"
    ],
    "reference-without-role": [
        "pack/routes.yaml:24: routes[4].route_out[0]: {adult_safeguarding} has nothing to stand for; "
        "add 'roles: adult_safeguarding:' naming a contact in contacts.yaml"
    ],
    "local-name-written-out": [
        f"pack/routes.yaml:16: routes[2].route_out[0]: 'Harbour Point' is written out; write {{front_door}} {REF_HINT}",
        f"pack/routes.yaml:16: routes[2].route_out[0]: '0345 678 9021' is written out; "
        f"write {{front_door_number}} {REF_HINT}",
        f"pack/routes.yaml:23: routes[4].title: 'Harbour Council' is written out; write {{council}} {REF_HINT}",
    ],
    "review-in-future": [
        "pack/law.yaml:2: review.last_reviewed: last_reviewed (1 January 2027) is in the future; "
        "write the date the review happened"
    ],
    "review-dates-backwards": [
        "pack/criteria.yaml:3: review.next_review: next_review (2026-10-01) must be later than "
        "last_reviewed (2026-11-01)"
    ],
    "hours-given-twice": [
        "pack/contacts.yaml:13: contacts[0].hours: give the hours once: opening_hours sets the times and the app "
        "words them itself; delete 'hours:' and put anything the times cannot say in 'hours_note:'"
    ],
    "role-names-no-contact": [
        "pack/contacts.yaml:2: roles.front_door: no contact has the id 'front-dor'; did you mean 'front-door'?"
    ],
    "neighbour-without-area": [
        "pack/contacts.yaml:21: contacts[1].id: a neighbouring front door needs 'area:', the area it serves, "
        "e.g. 'area: Telford & Wrekin'; the app says 'If the child lives in ...' with it"
    ],
    "yaml-syntax-error": [
        "pack/contacts.yaml:9: line 9 is not lined up with `channels:` on line 6; start it with 4 spaces"
    ],
    "tab": ["pack/contacts.yaml:20: line 20 has a tab; use spaces"],
    "missing-colon": ["pack/contacts.yaml:19: line 19 has no colon after 'name'; write 'name: ' and then the value"],
    "stray-quote": [
        "pack/contacts.yaml:30: line 30 opens a quote that is not closed on that line; "
        "put the closing quote at the end of the value, or remove the quote"
    ],
    "unquoted-time": [
        'pack/contacts.yaml:11: contacts[0].opening_hours[0].opens: write "09:00" in quotes; '
        "without quotes YAML can read a time such as 09:00 as a number of minutes",
        'pack/contacts.yaml:12: contacts[0].opening_hours[0].closes: write "16:30" in quotes; '
        "without quotes YAML can read a time such as 16:30 as a number of minutes",
    ],
    "id-copied-into-earlier-band": [
        "pack/bands/0-9.yaml:19: behaviours[3].id: the id '9-17-red-images' is already used at "
        "pack/bands/9-17.yaml:14; every id in a pack must be different"
    ],
    "duplicate-key": [
        "pack/contacts.yaml:9: contacts[0].name: duplicate key 'name' (first given on line 3); keep only one"
    ],
    "anchor": ["pack/routes.yaml:9: the anchor '&dsl' is not allowed; write each value out in full"],
    "alias": ["pack/routes.yaml:15: the alias '*dsl' is not allowed; write the value out in full"],
    "merge-key": ["pack/routes.yaml:23: routes[4]: merge keys ('<<') are not allowed; write each field out in full"],
    "python-tag": [
        "pack/law.yaml:5: the tag '!!python/object/apply:os.system' is not allowed; write a plain value without '!'"
    ],
    "custom-tag": ["pack/law.yaml:5: the tag '!foo' is not allowed; write a plain value without '!'"],
    "unknown-key": ["pack/bands/0-9.yaml:13: behaviours[1].keyword: unknown field 'keyword'; did you mean 'keywords'?"],
    "typo-txt": [
        "pack/bands/0-9.yaml:10: behaviours[1].text: the required field 'text' is missing; "
        "add text: (see behaviours/README.md)",
        "pack/bands/0-9.yaml:12: behaviours[1].txt: unknown field 'txt'; did you mean 'text'?",
    ],
    "unknown-key-no-match": [
        "pack/routes.yaml:18: routes[2].escalaton: unknown field 'escalaton'; "
        "the fields here are id, level, title, in_your_setting, route_out, contacts"
    ],
    "missing-field": [
        "pack/contacts.yaml:18: contacts[1].summary: the required field 'summary' is missing; "
        "add summary: (see behaviours/README.md)"
    ],
    "unknown-level": [
        "pack/bands/0-9.yaml:11: behaviours[1].level: 'orange' is not allowed here; "
        "write one of 'green', 'amber' or 'red'"
    ],
    "id-repeated": [
        "pack/bands/9-17.yaml:14: behaviours[2].id: the id '0-9-red-images' is already used at "
        "pack/bands/0-9.yaml:14; every id in a pack must be different"
    ],
    "id-not-file-name": [
        "pack/bands/9-17.yaml:1: id: the id 'teens' must match the file name; "
        "write id: 9-17 or rename the file to teens.yaml"
    ],
    "age-gap": [
        "pack/bands: no band covers ages 10 to 12; set min_age and max_age so every age from 0 to 17 is in a band"
    ],
    "no-red": ["pack/bands/0-9.yaml:5: behaviours: band '0-9' has no red behaviours; add at least one with level: red"],
    "unknown-contact": [
        "pack/routes.yaml:11: routes[1].contacts[0]: no contact has the id 'front-dor'; did you mean 'front-door'?"
    ],
    "scenario-unknown-criterion": [
        "pack/scenarios.yaml:8: scenarios[0].deciding_criteria[1]: no criterion has the id 'persistance'; "
        "did you mean 'persistence'?"
    ],
    "unknown-law-note": [
        "pack/bands/9-17.yaml:18: behaviours[2].law[0]: no law note has the id 'image'; did you mean 'images'?"
    ],
    "invalid-phone": [
        "pack/contacts.yaml:24: contacts[1].channels[0].value: '0345 678 902' is not a valid UK number; "
        "write a UK number as dialled, e.g. 0345 678 9021, or a short number such as 116 000"
    ],
    "javascript-link": [
        f"pack/contacts.yaml:26: contacts[1].channels[1].value: the link has javascript:; {FIX_AT_LINK}"
    ],
    "data-link": [f"pack/law.yaml:6: law[0].link: the link has data:; {FIX_AT_LINK}"],
    "not-utf8": ["pack/law.yaml:4: the file is not UTF-8 text; save it as UTF-8"],
    "control-character": [
        "pack/bands/9-17.yaml:12: the file holds a control character (#x000B) that YAML does not allow, "
        "often pasted from a word processor; delete it"
    ],
    "impossible-date": [
        "pack/contacts.yaml:15: contacts[0].last_verified: '2026-02-30' is not a real date; "
        "write it as YYYY-MM-DD, e.g. 2026-11-29"
    ],
    "empty-file": ["pack/law.yaml:1: the file is empty; it needs the fields described in behaviours/README.md"],
    "yml-extension": [
        "pack/contacts.yaml: this file is missing; every pack needs it (see behaviours/README.md)",
        "pack/contacts.yml: content files end in .yaml, not .yml; rename it",
    ],
    "stray-file": [
        "pack/notes.yaml: this file is not part of a pack; band files go in bands/, the others are "
        "pack.yaml, criteria.yaml, law.yaml, contacts.yaml, routes.yaml, scenarios.yaml, vocabulary.yaml"
    ],
    "vocabulary-unknown-ref": [
        "pack/vocabulary.yaml:3: entries[0].behaviours[0]: no behaviour has the id '9-17-red-image'; "
        "did you mean '9-17-red-images'?",
        "pack/vocabulary.yaml:6: entries[1].themes[0]: no theme has the id 'images'; use an id from bands/",
        "pack/vocabulary.yaml:8: entries[2].words: this entry names no behaviour and no theme; add "
        "`behaviours: [<id>]` or `themes: [<theme>]` saying what the words mean",
    ],
    "vocabulary-unknown-key": [
        "pack/vocabulary.yaml:2: entries[0].words: the required field 'words' is missing; add words: "
        "(see behaviours/README.md)",
        "pack/vocabulary.yaml:2: entries[0].word: unknown field 'word'; did you mean 'words'?",
    ],
    "top-level-list": [
        "pack/criteria.yaml:1: the file holds a list ('- ' items), but it must start with fields (key: value) "
        "such as criteria:, not_listed:; see behaviours/README.md"
    ],
    "yes-as-text": [f"pack/contacts.yaml:30: contacts[2].summary: expected text but found yes/true; {QUOTES_HINT}"],
    "number-as-text": [f"pack/pack.yaml:2: version: expected text but found 1.0; {QUOTES_HINT}"],
    "date-as-text": [f"pack/pack.yaml:2: version: expected text but found 2026-11-01; {QUOTES_HINT}"],
    # Age conditions and themes (behaviours/rules_content.py, issue 13).
    "by-age-outside-band": [
        "pack/bands/9-17.yaml:19: behaviours[2].by_age[0].ages: ages 5-12 fall outside band '9-17'; "
        "use ages from 9 to 17"
    ],
    "by-age-backwards": [
        "pack/bands/9-17.yaml:18: behaviours[2].by_age: no entry covers ages 9 to 12; "
        "every age from 9 to 17 needs exactly one level",
        "pack/bands/9-17.yaml:19: behaviours[2].by_age[0].ages: '12-9' runs backwards; "
        "write the youngest age first, e.g. 9-12",
    ],
    "by-age-gap": [
        "pack/bands/9-17.yaml:18: behaviours[2].by_age: no entry covers ages 13 to 15; "
        "every age from 9 to 17 needs exactly one level"
    ],
    "by-age-overlap": [
        "pack/bands/9-17.yaml:18: behaviours[2].by_age: ages 13 to 15 are given more than one level; "
        "each age may appear in only one entry"
    ],
    "by-age-unknown-law": [
        "pack/bands/9-17.yaml:21: behaviours[2].by_age[0].law[0]: no law note has the id 'image'; "
        "did you mean 'images'?"
    ],
    "by-age-level-understated": [
        "pack/bands/9-17.yaml:15: behaviours[2].level: level is amber but the most serious level in by_age is red; "
        "write level: red so that a band shown without an age never understates it"
    ],
    "theme-twice-in-band": [
        "pack/bands/9-17.yaml:21: behaviours[3].theme: the theme 'images' is already used by '9-17-red-images' "
        "in this band; a theme may appear once per band, so give this item its own theme"
    ],
    "invisible-character-in-number": [
        "pack/contacts.yaml:8: contacts[0].channels[0].value: the text holds an invisible character, "
        f"U+061C ARABIC LETTER MARK, after '0345 678'; {INVISIBLE_HINT}"
    ],
    "hebrew-punctuation-in-number": [
        "pack/contacts.yaml:24: contacts[1].channels[0].value: the text holds U+05F3 HEBREW PUNCTUATION GERESH, "
        f"after '0345', {REORDER_HINT}"
    ],
    "invisible-character-in-text": [
        "pack/bands/0-9.yaml:12: behaviours[1].text: the text holds an invisible character, "
        f"U+200B ZERO WIDTH SPACE, after 'Touching that'; {INVISIBLE_HINT}"
    ],
    "direction-override-in-link": [
        "pack/law.yaml:6: law[0].link: the text holds an invisible character, "
        f"U+202E RIGHT-TO-LEFT OVERRIDE, after '.legislation.gov.uk/'; {INVISIBLE_HINT}"
    ],
    "label-digits-differ": [
        "pack/contacts.yaml:35: contacts[2].channels[0].label: the label 'Compass 0345 678 9991' shows other "
        "digits than the number dialled (999); write the same number in both, or leave the number out of the label"
    ],
    "label-shows-another-site": [
        "pack/contacts.yaml:11: contacts[0].channels[1].label: the label shows 'https://www.nspcc.org.uk/' "
        f"but the link opens www.example.org; {SITE_HINT}"
    ],
    "label-shows-another-domain": [
        "pack/contacts.yaml:27: contacts[1].channels[1].label: the label shows 'nspcc.org.uk' "
        f"but the link opens chat.example.org; {SITE_HINT}"
    ],
    "link-out-of-pack": [
        "pack/law.yaml: this is a link to a file outside the pack folder, which the app never reads; "
        "put the file itself in the pack folder"
    ],
    "folder-named-yaml": [
        "pack/law.yaml: this is a folder, not an ordinary file; a pack holds only ordinary text files"
    ],
    "verified-in-the-future": [
        "pack/contacts.yaml:15: contacts[0].last_verified: 25 December 2026 is after today (6 December 2026); "
        "give the date it was actually done"
    ],
    "reviewed-in-the-future": [
        "pack/pack.yaml:3: last_reviewed: 7 December 2026 is after today (6 December 2026); "
        "give the date it was actually done"
    ],
    "closes-before-opens": [
        "pack/contacts.yaml:12: contacts[0].opening_hours[0].closes: closes (08:30) must be later than opens (09:00)"
    ],
    # Numbers and links that cannot impersonate (issue 26).
    "arabic-indic-digits-in-number": [
        "pack/contacts.yaml:24: contacts[1].channels[0].value: the text holds U+0660 ARABIC-INDIC DIGIT ZERO, "
        f"at the start, {OTHER_DIGIT_HINT} '0345 678 9040'"
    ],
    "fullwidth-digits-in-label": [
        "pack/contacts.yaml:25: contacts[1].channels[0].label: the text holds U+FF10 FULLWIDTH DIGIT ZERO, "
        f"after 'Out of hours', {OTHER_DIGIT_HINT} 'Out of hours 0345 678 9040'"
    ],
    "look-alike-host": [
        "pack/contacts.yaml:26: contacts[1].channels[1].value: the address www.nspcc.\u043erg.uk holds "
        "U+043E CYRILLIC SMALL LETTER O, after 'www.nspcc.', which can look like a plain letter of another site's "
        "address; write the address in plain letters (a to z, 0 to 9, hyphens), or, if this really is the site, "
        "add www.nspcc.\u043erg.uk under allowed_international_hosts: in pack.yaml"
    ],
    "punycode-host": [
        "pack/law.yaml:6: law[0].link: the address www.xn--legislaton-ijb.gov.uk has a part written in punycode "
        "('xn--legislaton-ijb'), which a browser may show as letters that look like another site's; write the "
        "site's plain address, or, if this really is the site, add www.xn--legislaton-ijb.gov.uk under "
        "allowed_international_hosts: in pack.yaml"
    ],
    "user-info-in-link": [
        "pack/contacts.yaml:26: contacts[1].channels[1].value: the link has 'www.westmercia.police.uk@' before its "
        "address, so it opens evil.example, whatever comes before the '@'; delete 'www.westmercia.police.uk@' and "
        "check that evil.example is the site you mean"
    ],
    "helpline-dials-999": [
        "pack/contacts.yaml:25: contacts[1].channels[0].label: 'NSPCC helpline' dials 999, which reaches the "
        "emergency services, not Out-of-hours team; write label: Emergency 999, or give Out-of-hours team's own number"
    ],
    "address-in-free-text": [
        "pack/bands/0-9.yaml:12: behaviours[1].text: the text holds the web address 'www.example.org/touching', "
        f"{ADDRESS_HINT}"
    ],
    "address-in-route-step": [
        "pack/routes.yaml:16: routes[2].route_out[0]: the text holds the web address "
        f"'https://referrals.example.org/form', {ADDRESS_HINT}"
    ],
    "descriptor-too-long": [
        "pack/bands/0-9.yaml:12: behaviours[1].text: this text is 1,654 characters, over the limit of 1,500; "
        "keep it to one plain sentence"
    ],
    # Editors see the cause, not its echoes (issue 22): the broken front door is reported once, and the
    # {front_door} references in routes.yaml and the band are not reported again as having nothing to stand for.
    "front-door-number-one-digit-short": [
        "pack/contacts.yaml:10: contacts[0].channels[0].value: '0345 678 902' is not a valid UK number; "
        "write a UK number as dialled, e.g. 0345 678 9021, or a short number such as 116 000"
    ],
    "front-door-number-with-letter-o": [
        "pack/contacts.yaml:10: contacts[0].channels[0].value: '0345 678 9O21' is not a phone number; "
        "write a UK number as dialled, e.g. 0345 678 9021, or a short number such as 116 000"
    ],
    "verified-but-not-confirmed": [
        "pack/contacts.yaml:14: contacts[0].source: Front door: status is verified, but the source says "
        "'could not be checked'; check those details and correct the source, or set status: unverified",
        "pack/contacts.yaml:28: contacts[1].status_note: Out-of-hours team: status is verified, but the "
        "status note says 'still to be confirmed'; check those details and correct the status note, "
        "or set status: unverified",
    ],
    "verified-without-public-source": [
        "pack/contacts.yaml:25: contacts[1].source: Out-of-hours team: status is verified, but the source gives no "
        "public https:// address to check the details against; add the address of the page they were checked on, "
        "e.g. source: https://www.example.org/contact-us, or set status: unverified"
    ],
    # YAML syntax errors in plain words, each keeping its line.
    "bad-indentation": [
        "pack/contacts.yaml:10: line 10 is not lined up with `kind:` on line 7; start it with 6 spaces"
    ],
    "colon-in-value": [
        "pack/contacts.yaml:4: line 4 has a colon inside the value of 'summary'; put the whole value in quotes, "
        'e.g. summary: "The local front door: call it first."'
    ],
    "quote-left-open": [
        "pack/contacts.yaml:11: line 11 opens a quote that is not closed on that line; "
        "put the closing quote at the end of the value, or remove the quote"
    ],
    "value-starts-with-bracket": [
        "pack/bands/0-9.yaml:12: line 12 has a value of 'text' starting with '[', which YAML reads as a sign of its "
        'own; put the whole value in quotes, e.g. text: "[Redirected] touching that carries on."'
    ],
    "list-left-open": [
        "pack/contacts.yaml:5: line 5 opens a list with '[' that is not closed on that line; "
        "end the list with ']', or write each item on its own line starting with '- '"
    ],
    "second-document": [
        "pack/routes.yaml:18: line 18 starts a second document ('---' or '...'); a content file is one document, "
        "so delete that line"
    ],
    "text-after-block-sign": [
        "pack/contacts.yaml:20: line 20 has text straight after '|' or '>'; start the text on the next line, "
        "indented, or put the whole value in quotes instead"
    ],
}

# Files a case takes away from the minimal pack before its own files go in.
REMOVED = {
    "yml-extension": ("contacts.yaml",),
    "folder-named-yaml": ("law.yaml",),
    "link-out-of-pack": ("law.yaml",),
}


READERS = [
    pytest.param(True, id="libyaml", marks=pytest.mark.skipif(not yamlsource.LIBYAML, reason="PyYAML without libyaml")),
    pytest.param(False, id="pure-python"),
]


@pytest.fixture(params=READERS)
def reader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Run a test once with libyaml's C parser (when PyYAML has it) and once with the pure-Python reader."""
    monkeypatch.setattr(yamlsource, "use_libyaml", request.param)
    return request.param


@pytest.mark.parametrize(("case", "expected"), BROKEN.items(), ids=BROKEN.keys())
def test_broken_pack_is_refused_with_the_editors_message(make_pack, reader, case: str, expected: list[str]) -> None:
    pack_dir = make_pack(f"broken/{case}", remove=REMOVED.get(case, ()))
    with pytest.raises(PackError) as caught:
        load_pack(pack_dir, today=TODAY)
    assert [str(problem) for problem in caught.value.problems] == expected


def test_every_broken_fixture_is_paired_with_its_message() -> None:
    on_disk = {folder.name for folder in (FIXTURES / "broken").iterdir() if folder.is_dir()}
    assert on_disk == set(BROKEN)


def test_a_file_over_one_mebibyte_is_refused_before_it_is_parsed(make_pack) -> None:
    pack_dir = make_pack()
    contacts = pack_dir / "contacts.yaml"
    padding = "# " + "x" * 1021 + "\n"  # 1 KiB per line
    contacts.write_text(contacts.read_text(encoding="utf-8") + padding * 1024, encoding="utf-8")
    size = contacts.stat().st_size
    assert size > 1024 * 1024
    with pytest.raises(PackError) as caught:
        load_pack(pack_dir, today=TODAY)
    assert [str(problem) for problem in caught.value.problems] == [
        f"pack/contacts.yaml: the file is {size:,} bytes; content files must be under 1 MiB (1,048,576 bytes); split it"
    ]


@pytest.mark.timeout(60)
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(make_pack) -> None:
    # git cannot store a FIFO, so it is made here. Opening one to read would block until a writer came.
    pack_dir = make_pack()
    (pack_dir / "law.yaml").unlink()
    os.mkfifo(pack_dir / "law.yaml")
    with pytest.raises(PackError) as caught:
        load_pack(pack_dir, today=TODAY)
    assert [str(problem) for problem in caught.value.problems] == [
        "pack/law.yaml: this is a named pipe (FIFO), not an ordinary file; a pack holds only ordinary text files"
    ]


def test_a_band_folder_linked_from_outside_the_pack_is_refused(make_pack, tmp_path) -> None:
    pack_dir = make_pack()
    elsewhere = tmp_path / "elsewhere"
    shutil.move(pack_dir / "bands", elsewhere)
    (pack_dir / "bands").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(PackError) as caught:
        load_pack(pack_dir, today=TODAY)
    assert [str(problem) for problem in caught.value.problems] == [
        "pack/bands: this is a link to a file outside the pack folder, which the app never reads; "
        "put the file itself in the pack folder"
    ]


def test_a_link_inside_the_pack_is_followed(make_pack) -> None:
    pack_dir = make_pack()
    (pack_dir / "shared").mkdir()
    shutil.move(pack_dir / "law.yaml", pack_dir / "shared" / "law.txt")
    (pack_dir / "law.yaml").symlink_to(Path("shared") / "law.txt")
    assert [note.id for note in load_pack(pack_dir, today=TODAY).law] == ["images"]


def test_a_huge_sparse_file_is_refused_by_its_size_before_a_byte_is_read(make_pack, monkeypatch) -> None:
    pack_dir = make_pack()
    contacts = pack_dir / "contacts.yaml"
    with contacts.open("r+b") as handle:
        handle.truncate(4 * 1024**3)  # 4 GiB, sparse: reading it would take the memory the check protects
    size = contacts.stat().st_size
    read_from: list[int] = []
    real_read = os.read

    def spying_read(fd: int, length: int) -> bytes:
        read_from.append(os.fstat(fd).st_size)
        return real_read(fd, length)

    monkeypatch.setattr(yamlsource.os, "read", spying_read)
    with pytest.raises(PackError) as caught:
        load_pack(pack_dir, today=TODAY)
    assert [str(problem) for problem in caught.value.problems] == [
        f"pack/contacts.yaml: the file is {size:,} bytes; content files must be under 1 MiB (1,048,576 bytes); split it"
    ]
    assert size not in read_from  # the other files were read; this one never was
    assert read_from  # the spy saw the reads of the other files, so it was in place


def test_a_file_of_105000_keys_is_refused_at_the_first_group_too_large(make_pack, reader) -> None:
    pack_dir = make_pack()
    keys = "".join(f"key{n}: {n}\n" for n in range(105_000))
    (pack_dir / "criteria.yaml").write_text(keys[: 1024 * 1024 - 1], encoding="utf-8")
    with pytest.raises(PackError) as caught:
        load_pack(pack_dir, today=TODAY)
    assert [str(problem) for problem in caught.value.problems] == [
        "pack/criteria.yaml:201: this group of fields has more than 200 fields, far more than any part of a pack "
        "needs; check for lines pasted many times"
    ]


def test_a_list_of_too_many_values_is_refused(make_pack, reader) -> None:
    pack_dir = make_pack()
    (pack_dir / "criteria.yaml").write_text("criteria:\n" + "  - x\n" * 60_000, encoding="utf-8")
    with pytest.raises(PackError) as caught:
        load_pack(pack_dir, today=TODAY)
    assert [str(problem) for problem in caught.value.problems] == [
        "pack/criteria.yaml:49999: the file holds more than 50,000 values, far more than any content file needs; "
        "check for text pasted many times, or split the file"
    ]


def test_problems_in_one_file_are_listed_up_to_50_then_counted(make_pack) -> None:
    pack_dir = make_pack()
    band = pack_dir / "bands" / "0-9.yaml"
    extra = "".join(f"  - id: 0-9-extra-{n}\n    level: orange\n    text: Something.\n" for n in range(60))
    band.write_text(band.read_text(encoding="utf-8") + extra, encoding="utf-8")
    with pytest.raises(PackError) as caught:
        load_pack(pack_dir, today=TODAY)
    messages = [str(problem) for problem in caught.value.problems]
    assert len(messages) == 51
    assert messages[0] == (
        "pack/bands/0-9.yaml:20: behaviours[3].level: 'orange' is not allowed here; write one of 'green', 'amber' or 'red'"
    )
    assert messages[-1] == "pack/bands/0-9.yaml: and 10 more problems in this file; fix those above and check again"
    shown, more = caught.value.first(5)
    assert (shown, more) == (caught.value.problems[:5], 46)


def test_a_folder_that_does_not_exist_is_named(make_pack) -> None:
    make_pack()
    with pytest.raises(PackError) as caught:
        load_pack("no-such-pack", today=TODAY)
    assert [str(problem) for problem in caught.value.problems] == [
        "no-such-pack: this folder does not exist; give the folder that holds pack.yaml and bands/"
    ]


# ---------------------------------------------------------------- warnings inform, they do not block

WARNED: dict[str, list[str]] = {
    "review-due": [
        "pack/law.yaml:3: review.next_review: warning: this file was due for review on 1 October 2026; "
        "review it, then set last_reviewed to that day and next_review to the next due date"
    ],
    "http-link": [
        "pack/law.yaml:6: law[0].link: warning: 'http://www.legislation.gov.uk/ukpga/1978/37' uses http:, "
        "which is not encrypted; use https: if the site supports it"
    ],
    "unverified-contact": [
        "pack/contacts.yaml:27: contacts[1].status: warning: Out-of-hours team: these details are unverified; "
        "check them before relying on them"
    ],
    "contact-not-checked": [
        "pack/contacts.yaml:26: contacts[1].last_verified: warning: Out-of-hours team: last checked "
        "31 October 2025, over 12 months ago; check the details again"
    ],
    "theme-jump": [
        "pack/bands/9-17.yaml:16: behaviours[2].theme: warning: the theme 'images' is red at 9 in band '0-9' "
        "but green at 9 here; check the ratings, or give the items different themes"
    ],
    "pack-not-reviewed": [
        "pack/pack.yaml:3: last_reviewed: warning: the pack was last reviewed on 30 June 2025, over 12 months ago; "
        "review it and update the date"
    ],
}


@pytest.mark.parametrize(("case", "expected"), WARNED.items(), ids=WARNED.keys())
def test_a_warning_is_reported_and_the_pack_still_loads(make_pack, reader, case: str, expected: list[str]) -> None:
    pack_dir = make_pack(f"variants/{case}")
    pack = load_pack(pack_dir, today=TODAY)
    assert [str(warning) for warning in pack.warnings] == expected
    assert [band.label for band in pack.bands] == ["Ages 0 to 9", "Ages 9 to 17"]
    assert check_pack(pack_dir, today=TODAY) == ([], list(pack.warnings))


def test_libyaml_reads_the_shipped_pack_itself_rather_than_falling_back(monkeypatch) -> None:
    # The pure reader is the fallback for any problem; make sure valid files really take the fast path.
    if not yamlsource.LIBYAML:
        pytest.skip("PyYAML without libyaml")
    used: list[str] = []
    real_parse = yamlsource._parse

    def recording_parse(text: str, file: str, loader_class: object) -> yamlsource.YamlDoc:
        used.append(getattr(loader_class, "__name__", ""))
        return real_parse(text, file, loader_class)

    monkeypatch.setattr(yamlsource, "_parse", recording_parse)
    assert check_pack(SHIPPED_PACK, today=TODAY)[0] == []
    assert used and set(used) == {"_FastStrictLoader"}


def test_the_minimal_pack_has_no_problems_on_the_reference_date(reader) -> None:
    assert check_pack(MINIMAL, today=TODAY) == ([], [])


def test_the_same_contact_is_not_stale_a_day_earlier(make_pack) -> None:
    # contact-not-checked was last verified on 31 October 2025: stale on 29 November 2026, fine on 30 October 2026.
    # The rest of the pack was checked on 1 November 2026, a date in the future on 30 October: move it back.
    pack_dir = make_pack("variants/contact-not-checked")
    for path in pack_dir.rglob("*.yaml"):
        path.write_text(path.read_text(encoding="utf-8").replace("2026-11-01", "2026-10-01"), encoding="utf-8")
    pack = load_pack(pack_dir, today=dt.date(2026, 10, 30))
    assert pack.warnings == ()


def test_a_date_checked_today_is_not_in_the_future(make_pack) -> None:
    assert check_pack(make_pack("broken/verified-in-the-future"), today=dt.date(2026, 12, 25)) == ([], [])


@pytest.mark.parametrize(
    ("day", "today", "stale"),
    [
        (dt.date(2025, 11, 29), dt.date(2026, 11, 29), False),  # exactly twelve months
        (dt.date(2025, 11, 28), dt.date(2026, 11, 29), True),
        (dt.date(2027, 2, 28), dt.date(2028, 2, 29), False),  # 29 February has no twin a year before
        (dt.date(2027, 2, 27), dt.date(2028, 2, 29), True),
        (dt.date(2025, 12, 31), dt.date(2026, 12, 31), False),
    ],
)
def test_twelve_months_is_counted_in_calendar_months(day: dt.date, today: dt.date, stale: bool) -> None:
    assert older_than(day, 12, today) is stale


# ---------------------------------------------------------------- short and emergency numbers are accepted


def test_short_numbers_116_000_and_999_are_accepted(make_pack) -> None:
    pack = load_pack(make_pack("variants/short-numbers"), today=TODAY)
    assert pack.warnings == ()
    numbers = {contact.name: [channel.value for channel in contact.channels] for contact in pack.contacts}
    assert numbers["Out-of-hours team"] == ["116 000"]
    assert numbers["Emergency services"] == ["999"]


# ---------------------------------------------------------------- every problem, in one pass, never half a pack


def test_problems_in_different_files_are_all_reported_in_one_pass(make_pack) -> None:
    pack_dir = make_pack(
        "broken/invalid-phone",
        "broken/no-red",
        "broken/unknown-law-note",
        "broken/anchor",
        "broken/stray-file",
        "variants/http-link",
    )
    with pytest.raises(PackError) as caught:
        load_pack(pack_dir, today=TODAY)
    error = caught.value
    assert str(error) == "the content pack has 5 problems"
    assert [str(problem) for problem in error.problems] == [
        *BROKEN["no-red"],
        *BROKEN["unknown-law-note"],
        *BROKEN["invalid-phone"],
        *BROKEN["stray-file"],
        *BROKEN["anchor"],
    ]
    assert [str(warning) for warning in error.warnings] == WARNED["http-link"]


def test_one_problem_is_counted_in_the_singular(make_pack) -> None:
    with pytest.raises(PackError, match=r"^the content pack has 1 problem$"):
        load_pack(make_pack("broken/no-red"), today=TODAY)


def test_a_pack_with_one_broken_band_is_refused_whole_not_loaded_without_that_band(make_pack) -> None:
    # The 0-9 band fails validation; the 9-17 band is fine. No Pack comes back at all,
    # and the broken band does not also cause a false "no band covers ages 0 to 8".
    pack_dir = make_pack("broken/unknown-level")
    with pytest.raises(PackError) as caught:
        load_pack(pack_dir, today=TODAY)
    messages = [str(problem) for problem in caught.value.problems]
    assert messages == BROKEN["unknown-level"]
    assert not any("no band covers" in message for message in messages)


def test_the_minimal_pack_loads_whole() -> None:
    pack = load_pack(MINIMAL, today=TODAY)
    assert isinstance(pack, Pack)
    assert [band.label for band in pack.bands] == ["Ages 0 to 9", "Ages 9 to 17"]
    assert [pack.level_label(level) for level in Level] == ["Green", "Amber", "Red"]
    assert [contact.name for contact in pack.contacts] == ["Front door", "Out-of-hours team", "Emergency services"]
    assert [note.title for note in pack.law] == ["Images of under-18s"]
    assert [criterion.name for criterion in pack.criteria] == ["Coercion", "Persistence"]
    assert [scenario.title for scenario in pack.scenarios] == ["A test scenario"]


# ---------------------------------------------------------------- times are times


def test_opening_times_are_times_of_day_though_the_yaml_holds_text() -> None:
    pack = load_pack(MINIMAL, today=TODAY)
    front_door = pack.contact("front-door")
    assert front_door is not None
    block = front_door.opening_hours[0]
    assert (block.opens, block.closes) == (dt.time(9, 0), dt.time(17, 0))
    # Monday 30 November 2026: open from 09:00 up to, not including, 17:00.
    assert openness(front_door, dt.datetime(2026, 11, 30, 8, 59)) is Openness.CLOSED
    assert openness(front_door, dt.datetime(2026, 11, 30, 9, 0)) is Openness.OPEN
    assert openness(front_door, dt.datetime(2026, 11, 30, 16, 59)) is Openness.OPEN
    assert openness(front_door, dt.datetime(2026, 11, 30, 17, 0)) is Openness.CLOSED


# ---------------------------------------------------------------- one error does not hide the other checks


@pytest.mark.parametrize(
    ("relative", "before", "after", "message"),
    [
        pytest.param(
            "bands/9-13.yaml",
            "level: amber",
            "level: orange",
            "'orange' is not allowed here; write one of 'green', 'amber' or 'red'",
            id="a-behaviour",
        ),
        pytest.param(
            "contacts.yaml",
            'closes: "17:00"',
            "closes: 17:00",
            'write "17:00" in quotes; without quotes YAML can read a time such as 17:00 as a number of minutes',
            id="an-unquoted-time",
        ),
        pytest.param(
            "contacts.yaml",
            'value: "0800 1111"',
            'value: "0800 111"',
            "'0800 111' is not a valid UK number; write a UK number as dialled, e.g. 0345 678 9021, "
            "or a short number such as 116 000",
            id="a-contact",
        ),
    ],
)
def test_one_broken_item_does_not_hide_the_warnings_of_the_rest(
    tmp_path, relative: str, before: str, after: str, message: str
) -> None:
    # The shipped pack has its warnings (stale and unverified contacts, old resources); one error in an
    # item must leave every other item's warnings in place, not only the other files'.
    pack_dir = tmp_path / "content"
    shutil.copytree(SHIPPED_PACK, pack_dir)
    valid_errors, valid_warnings = check_pack(pack_dir, today=TODAY)
    assert valid_errors == []
    assert len([w for w in valid_warnings if w.field.startswith("contacts[")]) > 10
    target = pack_dir / relative
    text = target.read_text(encoding="utf-8")
    assert before in text
    target.write_text(text.replace(before, after, 1), encoding="utf-8")
    errors, warnings = check_pack(pack_dir, today=TODAY)
    assert [problem.message for problem in errors] == [message]
    if "time" in message:  # the time is kept as written, so nothing else is lost
        assert warnings == valid_warnings
        return
    broken_item = errors[0].field.split(".")[0] + "."
    assert warnings == [w for w in valid_warnings if not (w.file == errors[0].file and w.field.startswith(broken_item))]
    assert len(warnings) >= len(valid_warnings) - 2


def test_a_broken_contact_leaves_the_other_contacts_checked(make_pack) -> None:
    # The emergency contact's number is wrong; the out-of-hours team's stale date still gets its warning.
    pack_dir = make_pack("variants/contact-not-checked")
    contacts = pack_dir / "contacts.yaml"
    contacts.write_text(contacts.read_text(encoding="utf-8").replace('value: "999"', 'value: "99"'), encoding="utf-8")
    errors, warnings = check_pack(pack_dir, today=TODAY)
    assert [str(problem) for problem in errors] == [
        "pack/contacts.yaml:34: contacts[2].channels[0].value: '99' is not a valid UK number; "
        "write a UK number as dialled, e.g. 0345 678 9021, or a short number such as 116 000"
    ]
    assert [str(warning) for warning in warnings] == WARNED["contact-not-checked"]


def test_a_broken_contact_is_still_known_to_the_routes_that_name_it(make_pack) -> None:
    # routes.yaml names the out-of-hours contact, whose number is wrong: one error, not a second "no contact".
    errors, _ = check_pack(make_pack("broken/invalid-phone"), today=TODAY)
    assert [str(problem) for problem in errors] == BROKEN["invalid-phone"]


# ---------------------------------------------------------------- numbers and links that cannot impersonate (issue 26)


def test_a_host_in_another_script_loads_once_pack_yaml_allows_it(make_pack) -> None:
    pack_dir = make_pack("broken/punycode-host")
    info = pack_dir / "pack.yaml"
    info.write_text(
        info.read_text(encoding="utf-8") + "allowed_international_hosts: [www.xn--legislaton-ijb.gov.uk]\n",
        encoding="utf-8",
    )
    pack = load_pack(pack_dir, today=TODAY)
    assert [note.link for note in pack.law] == ["https://www.xn--legislaton-ijb.gov.uk/ukpga/1978/37"]


def test_an_allowed_host_does_not_let_a_look_alike_of_another_host_through(make_pack) -> None:
    pack_dir = make_pack("broken/look-alike-host")
    info = pack_dir / "pack.yaml"
    info.write_text(
        info.read_text(encoding="utf-8") + "allowed_international_hosts: [www.xn--legislaton-ijb.gov.uk]\n",
        encoding="utf-8",
    )
    with pytest.raises(PackError) as caught:
        load_pack(pack_dir, today=TODAY)
    assert [str(problem) for problem in caught.value.problems] == BROKEN["look-alike-host"]


@pytest.mark.parametrize(("length", "refused"), [(1500, False), (1501, True)])
def test_a_text_of_1500_characters_is_the_longest_a_pack_may_hold(make_pack, length: int, refused: bool) -> None:
    pack_dir = make_pack()
    contacts = pack_dir / "contacts.yaml"
    note = "A" + "b" * (length - 2) + "."
    text = contacts.read_text(encoding="utf-8").replace("    local: true\n", f"    local: true\n    notes: [{note}]\n")
    contacts.write_text(text, encoding="utf-8")
    errors, _ = check_pack(pack_dir, today=TODAY)
    assert [str(problem) for problem in errors] == (
        [
            f"pack/contacts.yaml:18: contacts[0].notes[0]: this text is {length:,} characters, over the limit of "
            "1,500; shorten it, or split it into several items of a list"
        ]
        if refused
        else []
    )


def test_a_descriptor_over_the_limit_is_an_error_and_not_also_a_warning(make_pack) -> None:
    errors, warnings = check_pack(make_pack("broken/descriptor-too-long"), today=TODAY)
    assert [str(problem) for problem in errors] == BROKEN["descriptor-too-long"]
    assert warnings == []


def test_the_shipped_pack_passes_every_rule_about_numbers_links_and_text_length() -> None:
    # The shipped pack is the real test of a rule that could refuse fine text: none of these may flag it.
    # (Whether each verified contact cites a public page is the content's to settle, not this test's.)
    content = read_pack(SHIPPED_PACK)
    for rule in (
        rules.texts_are_within_the_limit,
        rules.links_open_plain_hosts,
        rules.sources_hold_checked_links,
        rules.free_text_holds_no_addresses,
        rules.shared_numbers_say_what_they_reach,
    ):
        assert [str(problem) for problem in rule(content, TODAY)] == [], rule.__name__
    assert [str(problem) for problem in content.errors] == []


def test_a_broken_front_door_without_the_fix_would_echo_in_every_reference(make_pack) -> None:
    # The fixture's references are real ones to report: with a readable front door but no role, each is
    # reported; with the role naming a front door that fails its own check, only the number is (BROKEN).
    pack_dir = make_pack("broken/front-door-number-one-digit-short")
    contacts = pack_dir / "contacts.yaml"
    contacts.write_text(
        contacts.read_text(encoding="utf-8").replace("value: 0345 678 902\n", "value: 0345 678 9021\n"),
        encoding="utf-8",
    )
    contacts.write_text(contacts.read_text(encoding="utf-8").replace("roles:\n  front_door: front-door\n", ""), "utf-8")
    errors, _ = check_pack(pack_dir, today=TODAY)
    front_door = "{front_door} has nothing to stand for; add 'roles: front_door:' naming a contact in contacts.yaml"
    out_of_hours = (
        "{out_of_hours} has nothing to stand for; add 'roles: out_of_hours:' naming a contact in contacts.yaml"
    )
    assert [problem.message for problem in errors] == [front_door, front_door, front_door, out_of_hours]
