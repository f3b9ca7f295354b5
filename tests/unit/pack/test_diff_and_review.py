"""`python -m behaviours diff` and `review`, on real edits to a copy of the shipped pack."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from pack_builder import TODAY

from behaviours.__main__ import main
from behaviours.pack.diff import diff_report
from behaviours.pack.loader import SHIPPED_PACK, load_pack
from behaviours.pack.reader import read_pack
from behaviours.pack.review import add_months, review_items, review_report, reviewed_lines


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The shipped pack, and a copy edited as an editor would: one change of each kind."""
    root = tmp_path_factory.mktemp("diff")
    old = shutil.copytree(SHIPPED_PACK, root / "old")
    new = shutil.copytree(SHIPPED_PACK, root / "new")
    band = new / "bands" / "9-13.yaml"
    # A change of level.
    _edit(
        band, "  - id: 9-13-amber-sudden-change\n    level: amber", "  - id: 9-13-amber-sudden-change\n    level: red"
    )
    # A rewording.
    _edit(band, "      A child masturbates in private.", "      A child touches their own genitals in private.")
    # A descriptor removed, and one added.
    text = band.read_text(encoding="utf-8")
    start = text.index("  - id: 9-13-green-crushes")
    end = text.index("  - id: 9-13-green-identity")
    added = (
        "  - id: 9-13-green-asks-about-puberty\n    level: green\n    theme: puberty-questions\n"
        "    text: >-\n      A child asks an adult they trust about puberty.\n\n"
    )
    band.write_text(text[:start] + added + text[end:], encoding="utf-8")
    # ... and the word list's entry that named the removed item names another, as the check asks an editor to.
    _edit(new / "vocabulary.yaml", "    behaviours: [9-13-green-crushes]", "    behaviours: [9-13-green-identity]")
    _edit(
        new / "vocabulary.yaml",
        "    behaviours: [5-9-green-kiss-chase-and-crushes, 9-13-green-crushes]",
        "    behaviours: [5-9-green-kiss-chase-and-crushes]",
    )
    # A change of level by age.
    _edit(
        new / "bands" / "13-17.yaml",
        "      - ages: 16-17\n        level: green",
        "      - ages: 16-17\n        level: amber",
    )
    # A number changed without a new last_verified date.
    _edit(new / "contacts.yaml", 'value: "0345 678 9040"', 'value: "0345 678 9041"')
    # Hours changed: only the times, the words follow.
    _edit(new / "contacts.yaml", 'closes: "16:00"', 'closes: "16:30"')
    # A route step and a law note.
    _edit(new / "routes.yaml", "Write a factual record the same day.", "Write a factual record the same day, signed.")
    _edit(new / "law.yaml", "The age of consent to sexual activity is 16", "The legal age of consent is 16")
    return old, new


@pytest.fixture(scope="module")
def report(edited) -> str:
    old, new = edited
    return diff_report(load_pack(old, TODAY), load_pack(new, TODAY), "old", "new")


def test_every_change_of_level_is_highlighted(report):
    section = report.split("## Changes of level (check each one)")[1].split("## ")[0]
    assert "**`9-13-amber-sudden-change` (Ages 9 to 13): amber → red**" in section
    assert (
        "**`13-17-amber-similar-age-sexual-activity` (Ages 13 to 17): amber (at 13-15: amber; at 16-17: green) → "
        "amber (at 13-15: amber; at 16-17: amber)**"
    ) in section
    assert section.count("\n- ") == 2


def test_descriptors_added_removed_and_reworded_are_listed_by_id(report):
    added = report.split("## Descriptors added")[1].split("## ")[0]
    removed = report.split("## Descriptors removed")[1].split("## ")[0]
    reworded = report.split("## Descriptors reworded")[1].split("## ")[0]
    assert "`9-13-green-asks-about-puberty`" in added and "A child asks an adult they trust about puberty." in added
    assert "`9-13-green-crushes`" in removed
    assert "  - was: A child masturbates in private." in reworded
    assert "  - now: A child touches their own genitals in private." in reworded


def test_a_changed_number_without_a_new_check_date_is_warned(report):
    contacts = report.split("## Contacts")[1].split("## ")[0]
    assert "**number: 0345 678 9040 → 0345 678 9041**" in contacts
    assert "Warning: the number changed but last_verified did not" in contacts
    assert "hours: Monday to Thursday 9am to 5pm; Friday 9am to 4pm." in contacts
    assert "Friday 9am to 4.30pm." in contacts


def test_routes_and_law_changes_are_listed(report):
    routes = report.split("## Routes")[1].split("## ")[0]
    assert "removed: Write a factual record the same day." in routes
    assert "added: Write a factual record the same day, signed." in routes
    law = report.split("## Law notes")[1].split("## ")[0]
    assert "**The age of consent is 16**" in law and "The legal age of consent is 16" in law


def test_a_pack_compared_with_itself_has_no_changes():
    pack = load_pack(SHIPPED_PACK, TODAY)
    text = diff_report(pack, pack, "a", "a")
    assert "- Changes of level: **0**" in text
    assert text.count("None.") == 8


def test_the_command_writes_markdown_and_make_diff_runs_it(edited, tmp_path, capsys):
    old, new = edited
    out = tmp_path / "changes.md"
    assert main(["diff", str(old), str(new), "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("# What changed: Traffic Light Reference: Shropshire pack")
    assert main(["diff", str(old), str(tmp_path / "nowhere")]) == 2


def test_a_broken_pack_is_not_compared(edited, tmp_path, capsys):
    old, _ = edited
    broken = shutil.copytree(SHIPPED_PACK, tmp_path / "broken")
    _edit(broken / "routes.yaml", "Refer to {front_door} the same day", "Refer to {frontdoor} the same day")
    assert main(["diff", str(old), str(broken)]) == 1
    err = capsys.readouterr().err
    assert "{frontdoor} is not a reference the pack knows; did you mean {front_door}?" in err
    assert "cannot be compared" in err


# ---------------------------------------------------------------- review


def test_review_lists_every_file_and_contact_due_first():
    items = review_items(read_pack(SHIPPED_PACK))
    dues = [item.due for item in items]
    assert dues == sorted(dues)
    files = {item.file for item in items if item.what.startswith("the whole file")}
    assert files == {
        "bands/0-5.yaml",
        "bands/5-9.yaml",
        "bands/9-13.yaml",
        "bands/13-17.yaml",
        "criteria.yaml",
        "law.yaml",
        "contacts.yaml",
        "routes.yaml",
        "scenarios.yaml",
        "vocabulary.yaml",
    }
    assert all(item.owner for item in items if item.what.startswith("the whole file"))
    assert any(item.what.startswith("contact: Compass") for item in items)


def test_review_marks_what_is_overdue_on_the_day_asked(tmp_path):
    pack_dir = shutil.copytree(SHIPPED_PACK, tmp_path / "pack")
    _edit(pack_dir / "law.yaml", "next_review: 2027-12-01", "next_review: 2026-12-03")
    items = review_items(read_pack(pack_dir))
    text = review_report(items, dt.date(2026, 12, 6), "Test pack")
    law_row = next(line for line in text.splitlines() if "the whole file law.yaml" in line)
    assert law_row.startswith("| **OVERDUE** 3 December 2026 |")
    first_rows = text.split("| --- |")[-1].strip().splitlines()
    assert all("OVERDUE" in row for row in first_rows[: text.count("**OVERDUE**")])


def test_the_review_command_prints_the_table(capsys):
    assert main(["review", str(SHIPPED_PACK)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Review dates: Traffic Light Reference: Shropshire pack")
    assert "| Due | What | File | Last reviewed or checked | Owner |" in out


def test_users_are_told_when_each_part_was_last_reviewed():
    lines = reviewed_lines(load_pack(SHIPPED_PACK, TODAY))
    assert lines[0] == (
        "Behaviours, Ages 0 to 5: last reviewed 6 December 2026 by Content editor (designated safeguarding lead); "
        "next review due 1 December 2027"
    )
    assert any(line.startswith("The law notes: last reviewed 1 December 2026") for line in lines)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [(dt.date(2025, 6, 1), 12, dt.date(2026, 6, 1)), (dt.date(2026, 1, 31), 1, dt.date(2026, 2, 28))],
)
def test_add_months(day, months, expected):
    assert add_months(day, months) == expected


CHILDLINE_SOURCE = (
    "    source: >-\n"
    '      Childline, "About Childline" (under 19, call free on 0800 1111),\n'
    '      https://www.childline.org.uk/; NSPCC Learning, "Childline" (free,\n'
    "      24-hour, up to 19), https://learning.nspcc.org.uk/services/childline\n"
)


def test_the_live_pack_is_compared_even_where_checks_added_since_find_problems(tmp_path, capsys):
    # Checks tighten between versions (content 2.0 predates the rule that a verified contact cites an https
    # page): the sign-off report still compares the live version, and lists what it no longer passes.
    old = shutil.copytree(SHIPPED_PACK, tmp_path / "live")
    _edit(old / "contacts.yaml", CHILDLINE_SOURCE, "    source: Childline's own page\n")
    out = tmp_path / "changes.md"
    assert main(["diff", str(old), str(SHIPPED_PACK), "--out", str(out)]) == 0
    report = out.read_text(encoding="utf-8")
    assert "## Checks the old pack no longer passes" in report
    assert "status is verified, but the source gives no public https:// address" in report
    assert "- Changes of level: **0**" in report
    assert report.index("## Checks the old pack no longer passes") < report.index("Signed off by:")


def test_a_broken_new_pack_is_never_compared(tmp_path, capsys):
    new = shutil.copytree(SHIPPED_PACK, tmp_path / "edited")
    _edit(new / "contacts.yaml", CHILDLINE_SOURCE, "    source: Childline's own page\n")
    assert main(["diff", str(SHIPPED_PACK), str(new)]) == 1
    assert "cannot be compared" in capsys.readouterr().err
