"""How often the pack's levels agree with the 2012 free version of Brook's tool, item by item.

Brook's 2012 tool lists example behaviours in four bands, each green, amber or red. Below,
each of those examples is named in a few words of our own (a label, never Brook's
wording) with Brook's level and the pack item that covers it. The pack agrees on an
example when its item is at Brook's level at every age of the band; an item whose
level changes with age agrees at some ages only.

    python tools/concordance.py                     # the shipped pack
    python tools/concordance.py --pack path/to/pack --show

Where the pack deliberately differs, the reason is in DIFFERENCES (law or guidance
newer than 2012); the figure "apart from documented differences" leaves those out.
Issue 23 asks that it stay at or above 85%. Not part of the app.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from behaviours import Level, Pack, load_pack

G, A, R = Level.GREEN, Level.AMBER, Level.RED


@dataclass(frozen=True)
class Example:
    """One of Brook's 2012 examples: its band, our label for it, Brook's level, and our item's ids (newest first)."""

    band: str
    label: str
    level: Level
    ids: tuple[str, ...]


def ex(band: str, label: str, level: Level, *ids: str) -> Example:
    return Example(band, label, level, ids)


EXAMPLES = [
    ex("0-5", "touching own genitals", G, "0-5-green-touching-own-body"),
    ex("0-5", "curiosity about other bodies and differences", G, "0-5-green-curious-about-bodies"),
    ex("0-5", "curiosity about adults' bodies", G, "0-5-green-curious-about-adults-bodies"),
    ex("0-5", "family or doctor role-play", G, "0-5-green-role-play"),
    ex("0-5", "enjoying being naked", G, "0-5-green-enjoying-nakedness"),
    ex("0-5", "interest in body parts", G, "0-5-green-questions-about-bodies"),
    ex("0-5", "preoccupation with adult sexual behaviour", A, "0-5-amber-adult-sexual-preoccupation"),
    ex("0-5", "pulling others' clothes against their will", A, "0-5-amber-pulling-clothes"),
    ex("0-5", "adult sexual words", A, "0-5-amber-adult-sexual-words"),
    ex("0-5", "preoccupation with touching others' genitals", A, "0-5-amber-preoccupied-touching-others"),
    ex("0-5", "following others into toilets", A, "0-5-amber-following-into-toilets"),
    ex("0-5", "talk of sex seen on screens", A, "0-5-amber-talking-about-screen-sex"),
    ex("0-5", "persistent touching of children's genitals", R, "0-5-red-persistent-touching-children"),
    ex("0-5", "persistent attempts at adults' genitals", R, "0-5-red-touching-adults"),
    ex("0-5", "sexual activity copied in play", R, "0-5-red-acting-out-sex"),
    ex("0-5", "objects inserted", R, "0-5-red-inserting-objects"),
    ex("0-5", "forcing others into sexual play", R, "0-5-red-forcing-others"),
    ex("5-9", "touching own genitals", G, "5-9-green-touching-own-genitals"),
    ex("5-9", "curiosity about other children's bodies", G, "5-9-green-curious-about-bodies"),
    ex("5-9", "questions about sex, babies, relationships", G, "5-9-green-questions-sex-babies-relationships"),
    ex("5-9", "wish for privacy", G, "5-9-green-wanting-privacy"),
    ex("5-9", "slang for body parts in jokes", G, "5-9-green-slang-and-rude-jokes"),
    ex("5-9", "sexual questions after answers", A, "5-9-amber-persistent-sexual-questions"),
    ex("5-9", "sexual bullying", A, "5-9-amber-sexual-bullying"),
    ex("5-9", "mutual touching of genitals", A, "5-9-amber-mutual-touching"),
    ex("5-9", "sexual themes in talk, play, drawing", A, "5-9-amber-sexual-themes-in-play-or-drawing"),
    ex("5-9", "adult sexual slang", A, "5-9-amber-adult-sexual-slang"),
    ex("5-9", "frequent self-touching in front of others", R, "5-9-red-frequent-self-touching-in-public"),
    ex("5-9", "younger or less able child involved", R, "5-9-red-younger-or-less-able"),
    ex("5-9", "forcing others", R, "5-9-red-forcing-others"),
    ex("5-9", "oral or penetrative sex copied", R, "5-9-red-acting-out-sex"),
    ex("5-9", "seeking out pornography", R, "5-9-red-seeking-pornography"),
    ex("9-13", "private masturbation", G, "9-13-green-private-masturbation"),
    ex("9-13", "need for privacy", G, "9-13-green-need-for-privacy"),
    ex("9-13", "sexual slang and swearing", G, "9-13-green-sexual-slang-and-swearing"),
    ex("9-13", "boyfriend or girlfriend of any gender", G, "9-13-green-boyfriend-or-girlfriend"),
    ex("9-13", "popular culture and online chat", G, "9-13-green-popular-culture-online"),
    ex("9-13", "kissing both want", G, "9-13-green-kissing-hugging"),
    ex("9-13", "sudden risk-related change", A, "9-13-amber-sudden-change"),
    ex("9-13", "sexual bullying", A, "9-13-amber-sexual-bullying"),
    ex("9-13", "homophobic, biphobic, transphobic bullying", A, "9-13-amber-hbt-bullying"),
    ex("9-13", "flashing or mooning", A, "9-13-amber-exposing-as-a-prank"),
    ex("9-13", "contact details given online", A, "9-13-amber-sharing-contact-details"),
    ex("9-13", "viewing pornography", A, "9-13-amber-viewing-pornography"),
    ex("9-13", "worry about pregnancy or infection", A, "9-13-amber-worry-pregnancy-or-sti"),
    ex("9-13", "exposing or masturbating in public", R, "9-13-red-public-exposure-or-masturbation"),
    ex("9-13", "sharing images of others", R, "9-13-red-images-of-others"),
    ex("9-13", "sharing images of self", R, "9-13-red-sharing-images"),
    ex("9-13", "explicit talk with younger children", R, "9-13-red-explicit-talk-with-younger-children"),
    ex("9-13", "sexual harassment", R, "9-13-red-sexual-harassment"),
    ex("9-13", "secret meeting with an online contact", R, "9-13-red-meeting-online-contact"),
    ex("9-13", "oral sex or intercourse", R, "9-13-red-oral-sex-or-intercourse"),
    ex("9-13", "genital injury, pregnancy, infection", R, "9-13-red-injury-pregnancy-or-sti"),
    ex("13-17", "private masturbation", G, "13-17-green-private-masturbation"),
    ex("13-17", "explicit talk and jokes with peers", G, "13-17-green-explicit-talk-with-peers"),
    ex("13-17", "interest in erotica or pornography", G, "13-17-green-interest-in-erotica"),
    ex("13-17", "chatting online", G, "13-17-green-chatting-online"),
    ex("13-17", "relationships", G, "13-17-green-relationships"),
    ex("13-17", "kissing both want", G, "13-17-green-kissing-hugging"),
    ex("13-17", "consensual sex with a similar-age partner", G, "13-17-amber-similar-age-sexual-activity"),
    ex("13-17", "choosing not to be sexually active", G, "13-17-green-choosing-not-to-be-active"),
    ex("13-17", "violent or exploitative pornography", A, "13-17-amber-violent-pornography"),
    ex("13-17", "sudden risk-related change", A, "13-17-amber-sudden-change"),
    ex("13-17", "body image worry", A, "13-17-amber-body-image-worry"),
    ex("13-17", "taking or sending nude images", A, "13-17-amber-taking-or-sending-images"),
    ex("13-17", "single peeping, exposing or gesture", A, "13-17-amber-single-incident-peeping-or-exposing"),
    ex("13-17", "contact details given online", A, "13-17-amber-sharing-contact-details"),
    ex("13-17", "adult-only sites with false details", A, "13-17-amber-adult-only-sites"),
    ex("13-17", "meeting an online contact alone", A, "13-17-amber-meeting-online-contact"),
    ex("13-17", "exposing or masturbating in public", R, "13-17-red-public-exposure-or-masturbation"),
    ex("13-17", "preoccupation disrupting daily life", R, "13-17-red-preoccupation-with-sex"),
    ex("13-17", "sexual degradation or humiliation", R, "13-17-red-degradation-or-humiliation"),
    ex("13-17", "forcing others to expose", R, "13-17-red-forcing-others-to-expose"),
    ex("13-17", "sexually aggressive or exploitative", R, "13-17-red-sexually-aggressive-or-exploitative"),
    ex("13-17", "explicit talk with younger children", R, "13-17-red-explicit-talk-with-younger-children"),
    ex("13-17", "sexual harassment", R, "13-17-red-sexual-harassment"),
    ex("13-17", "non-consensual activity", R, "13-17-red-non-consensual-activity"),
    ex("13-17", "power and control in a relationship", R, "13-17-red-power-and-control"),
    ex("13-17", "sexual contact with much younger or less able", R, "13-17-red-younger-or-less-able"),
    ex("13-17", "sexual contact with a person in a position of trust", R, "13-17-red-position-of-trust"),
    ex("13-17", "sex in return for something (exploitation)", R, "13-17-red-exchange"),
    ex(
        "13-17",
        "genital injury, infection or pregnancy",
        R,
        "13-17-red-injury-sti-or-pregnancy",
    ),
]

# Where the pack differs on purpose, and why (the source is named; see CHANGELOG.md).
DIFFERENCES = {
    ("9-13", "viewing pornography"): "green at 13, as Brook's own 13-17 band rates it, so the two bands agree at 13",
    (
        "9-13",
        "sharing images of self",
    ): "an unpressured image to a willing peer is amber; red on a UKCIS (March 2024) referral trigger",
    (
        "9-13",
        "oral sex or intercourse",
    ): "amber at 13 with a similar-age partner, as in 13-15 (age of consent; CPS guidance)",
    (
        "13-17",
        "consensual sex with a similar-age partner",
    ): "amber at 13-15, under the age of consent (Sexual Offences Act 2003)",
    (
        "13-17",
        "genital injury, infection or pregnancy",
    ): "pregnancy or infection amber at 16-17 with a similar-age partner (health need); injury stays red",
}


@dataclass(frozen=True)
class Finding:
    """One example: the pack's level at each age of the band, and whether it agrees with Brook's."""

    example: Example
    item_id: str | None
    levels: tuple[Level, ...]

    @property
    def agrees(self) -> bool:
        return bool(self.levels) and all(level == self.example.level for level in self.levels)

    @property
    def documented(self) -> bool:
        return (self.example.band, self.example.label) in DIFFERENCES


def findings(pack: Pack) -> list[Finding]:
    """Every example, read against the pack at every age of its band."""
    known = {b.id: b for b in pack.all_behaviours}
    result = []
    for example in EXAMPLES:
        item_id = next((i for i in example.ids if i in known), None)
        levels: tuple[Level, ...] = ()
        if item_id:
            band = pack.band_of(known[item_id])
            levels = tuple(pack.level_at(known[item_id], age) for age in range(band.min_age, band.max_age + 1))
        result.append(Finding(example, item_id, levels))
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pack", type=Path, default=None, help="pack folder (default: the shipped pack)")
    parser.add_argument("--show", action="store_true", help="print every example that differs")
    args = parser.parse_args(argv)
    found = findings(load_pack(args.pack))
    agree = sum(f.agrees for f in found)
    undocumented = [f for f in found if not f.documented]
    agree_undocumented = sum(f.agrees for f in undocumented)
    ages = [(f, level) for f in found for level in f.levels]
    agree_ages = sum(level == f.example.level for f, level in ages)
    print(f"examples: {len(found)}; pack level equals Brook 2012 at every age: {agree} ({agree / len(found):.0%})")
    print(f"by example and age: {agree_ages} of {len(ages)} ({agree_ages / len(ages):.0%})")
    print(
        f"apart from {len(found) - len(undocumented)} documented differences: "
        f"{agree_undocumented} of {len(undocumented)} ({agree_undocumented / len(undocumented):.0%})"
    )
    if args.show:
        for f in found:
            if not f.agrees:
                ours = ", ".join(level.value for level in f.levels) or "no item"
                why = DIFFERENCES.get((f.example.band, f.example.label), "NOT DOCUMENTED")
                print(f"  {f.example.band} {f.example.label}: Brook {f.example.level.value}; ours {ours} ({why})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
