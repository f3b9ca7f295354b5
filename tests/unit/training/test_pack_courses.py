"""A pack may list its training courses; a saved room's label must be one of them."""

from __future__ import annotations

from pathlib import Path

from behaviours import check_pack, load_pack


def with_courses(make_pack, lines: str) -> Path:
    pack = make_pack()
    pack_yaml = pack / "pack.yaml"
    pack_yaml.write_text(pack_yaml.read_text(encoding="utf-8") + lines, encoding="utf-8")
    return pack


def test_a_pack_lists_its_courses(make_pack):
    pack = with_courses(make_pack, '\ncourses:\n  - "HSB level 2"\n  - "DSL refresher"\n')
    assert load_pack(pack).info.courses == ["HSB level 2", "DSL refresher"]


def test_courses_are_optional(make_pack):
    assert load_pack(make_pack()).info.courses == []


def test_a_course_listed_twice_is_an_error_that_says_what_to_do(make_pack):
    pack = with_courses(make_pack, '\ncourses:\n  - "HSB level 2"\n  - "HSB level 2"\n')
    errors, _warnings = check_pack(pack)
    assert any("'HSB level 2' is listed twice; list each course once" in str(error) for error in errors), errors
