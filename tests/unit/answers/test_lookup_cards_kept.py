"""The look-up's cards per band, level and age are kept with the pack (``Pack.kept``), since every run
asks for them again: a kept card is the one made afresh, the words of one run never take a card out of
another run's answer, and only ids and the ages a band holds become keys."""

from __future__ import annotations

from behaviours import LEVELS, load_pack
from behaviours.answers.cards import item_card
from behaviours.answers.lookup import SERIOUS_FIRST, plan_lookup
from behaviours.answers.plans import plan_lookup_answer
from tests.helpers import SHIPPED_PACK


def _listed(answer: object) -> list[str]:
    return [card.behaviour.id for band in answer.bands for group in band.groups for card in group.cards]  # type: ignore[attr-defined]


def test_kept_cards_are_the_fresh_ones_at_every_age() -> None:
    pack = load_pack(SHIPPED_PACK)
    for age in range(pack.min_age, pack.max_age + 1):
        plan = plan_lookup(pack, age, None, None)
        for _ in range(2):  # the second run reads what the first kept
            answer = plan_lookup_answer(pack, plan, None)
            fresh = [
                [item_card(pack, behaviour, band, age) for behaviour in pack.behaviours(band, level, age=age)]
                for band in plan.bands
                for level in SERIOUS_FIRST
            ]
            assert [group.cards for band in answer.bands for group in band.groups] == fresh, age


def test_one_runs_matches_are_not_taken_out_of_the_next_runs_answer() -> None:
    pack = load_pack(SHIPPED_PACK)
    plan = plan_lookup(pack, 14, None, None)
    everything = _listed(plan_lookup_answer(pack, plan, None))
    searched = plan_lookup_answer(pack, plan, "sent a nude")
    matched = {card.behaviour.id for card in searched.matches}
    assert matched and not matched & set(_listed(searched))
    assert _listed(plan_lookup_answer(pack, plan, None)) == everything
    assert matched <= set(everything)


def test_only_ids_levels_and_ages_a_band_holds_are_kept() -> None:
    pack = load_pack(SHIPPED_PACK)
    for age in (-3, 2, 9, 14, 18, 40, 999):
        plan_lookup_answer(pack, plan_lookup(pack, age, None, None), "sent a nude")
    plan_lookup_answer(pack, plan_lookup(pack, 16, None, None, developmental_age=8), "touching")
    plan_lookup_answer(pack, plan_lookup(pack, None, pack.bands[0].id, None), None)
    kept = pack.__dict__["_kept"]
    assert kept
    for what, band_id, level, age in kept:
        band = pack.band(band_id)
        assert what == "look-up cards" and band is not None and level in LEVELS
        assert age is None or band.holds(age), (band_id, age)


def test_kept_makes_a_value_once() -> None:
    pack = load_pack(SHIPPED_PACK)
    made: list[int] = []
    first = pack.kept(("test", 1), lambda: made.append(1) or ["value"])
    again = pack.kept(("test", 1), lambda: made.append(2) or ["other"])
    assert first is again and made == [1]
