"""Pack.behaviours keeps its answers per pack (issue 17: a look-up asks the same questions every run):
a kept answer is the one worked out afresh, a caller cannot change it, and only the pack's own bands
and the ages they hold become keys, however many ages are asked about."""

from __future__ import annotations

from behaviours import LEVELS, Level, load_pack
from tests.helpers import SHIPPED_PACK


def _fresh(pack, band_id, level, age):
    return pack._behaviours(band_id, level, age)


def test_a_kept_answer_is_the_fresh_one_for_every_band_level_and_age() -> None:
    pack = load_pack(SHIPPED_PACK)
    for band in pack.bands:
        for age in (None, *range(band.min_age, band.max_age + 1)):
            for level in (None, *LEVELS):
                first = pack.behaviours(band, level, age=age)
                again = pack.behaviours(band.id, level, age=age)
                assert first == again == _fresh(pack, band.id, level, age), (band.id, level, age)
    # Some item changes level with age, so the age really is part of the answer.
    assert any(
        pack.behaviours(band, level, age=band.min_age) != pack.behaviours(band, level, age=band.max_age)
        for band in pack.bands
        for level in LEVELS
    )


def test_changing_a_returned_list_changes_nothing_kept() -> None:
    pack = load_pack(SHIPPED_PACK)
    band = pack.bands[0]
    listed = pack.behaviours(band, Level.GREEN, age=band.min_age)
    expected = list(listed)
    listed.clear()
    assert pack.behaviours(band, Level.GREEN, age=band.min_age) == expected != []


def test_only_the_packs_bands_and_the_ages_they_hold_are_kept() -> None:
    pack = load_pack(SHIPPED_PACK)
    band = pack.bands[0]
    for age in (-5, 40, 1000, 123456):
        assert pack.behaviours(band, Level.RED, age=age) == _fresh(pack, band.id, Level.RED, age)
    assert pack.behaviours("no-such-band", Level.RED) == []
    pack.behaviours(None, Level.RED)
    for band_id, _level, age in pack._behaviours_memo:
        held = pack.band(band_id)
        assert held is not None and (age is None or held.holds(age)), (band_id, age)
