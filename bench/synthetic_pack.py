"""Synthetic content packs, 10 times the shipped one (or any factor), made at bench time and never committed.

`make_pack(dest, factor)` copies the shipped pack and gives it `factor` times
as many behaviours. Each new behaviour is a variant of a real one: same band
and level, a unique id, a sentence that joins the start of the real
descriptor to the end of another descriptor of the same level, and keywords
drawn from the real ones, so the search index grows with realistic words
rather than with exact duplicates.

A band file may hold at most 1 MiB (behaviours/yamlsource.py); when a band
would pass `BEHAVIOURS_PER_FILE`, its further behaviours go into extra band
files ("5-9-part-2", same ages, all three levels). `search_queries(pack, n)`
draws what practitioners would type from the real keywords, synonyms and
descriptor words. Both are deterministic: the same arguments give the same
pack and queries.
"""

from __future__ import annotations

import random
import re
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from behaviours import Pack
from behaviours.answers.search import tokens
from behaviours.pack.loader import SHIPPED_PACK

BEHAVIOURS_PER_FILE = 1000  # about 400 KB of YAML, well under the loader's 1 MiB per file
SEED = 20261129
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """Writes shared lists out in full: the pack loader refuses YAML anchors and aliases."""

    def ignore_aliases(self, data: object) -> bool:
        return True


_WORD = re.compile(r"[A-Za-z][a-z']+")


def shipped_pack_dir() -> Path:
    """The pack the benchmark grows: the shipped one (TRAFFIC_LIGHT_PACK is ignored on purpose)."""
    return Path(SHIPPED_PACK)


def _mixed_text(own: str, other: str, chance: random.Random) -> str:
    """The start of one real descriptor joined to the end of another, as one sentence."""
    first, second = own.rstrip(".").split(), other.rstrip(".").split()
    cut_own = chance.randint(max(2, len(first) // 3), max(2, (2 * len(first)) // 3))
    cut_other = chance.randint(len(second) // 3, max(len(second) // 3, (2 * len(second)) // 3))
    return " ".join(first[:cut_own] + second[cut_other:]) + "."


def _variant(original: dict[str, Any], copy: int, peers: list[str], keywords: list[str], chance: random.Random) -> dict:
    """Copy number `copy` of a real behaviour: new id, mixed text, mixed keywords."""
    suffix = f"-x{copy}"
    variant = dict(original)
    variant["id"] = original["id"][: 80 - len(suffix)] + suffix  # ids are at most 80 characters
    if "theme" in variant:  # a theme names one behaviour once per band; copies get their own
        variant["theme"] = original["theme"][: 80 - len(suffix)] + suffix
    variant["text"] = _mixed_text(original["text"], chance.choice(peers), chance)
    own = list(original.get("keywords", []))
    chosen = chance.sample(own, k=min(len(own), chance.randint(1, 3))) if own else []
    variant["keywords"] = list(dict.fromkeys(chosen + chance.sample(keywords, k=2)))
    return variant


def _write_band(path: Path, document: dict[str, Any]) -> None:
    path.write_text(yaml.dump(document, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10_000))


def make_pack(dest: Path, factor: int, source: Path | None = None, seed: int = SEED) -> Path:
    """Write a pack `factor` times the size of `source` (the shipped pack) into `dest`; return `dest`.

    `dest` must not exist yet. Everything but the band files is copied as it
    is; factor 1 is a plain copy.
    """
    if factor < 1:
        raise ValueError("factor must be 1 or more")
    source = Path(source or shipped_pack_dir())
    dest = Path(dest)
    shutil.copytree(source, dest)
    if factor == 1:
        return dest
    chance = random.Random(seed * 1000 + factor)
    band_paths = sorted((dest / "bands").glob("*.yaml"))
    documents = {path: yaml.load(path.read_text(), Loader=_Loader) for path in band_paths}  # noqa: S506 - safe loader
    texts_by_level: dict[str, list[str]] = {}
    keywords: list[str] = []
    for document in documents.values():
        for behaviour in document["behaviours"]:
            texts_by_level.setdefault(behaviour["level"], []).append(behaviour["text"])
            keywords.extend(behaviour.get("keywords", []))
    keywords = list(dict.fromkeys(keywords))

    for path, document in documents.items():
        originals = document["behaviours"]
        # Whole copies per file, so every file has all three levels as the loader requires.
        copies_per_file = max(1, BEHAVIOURS_PER_FILE // len(originals))
        copies = [
            [_variant(b, copy, texts_by_level[b["level"]], keywords, chance) for b in originals]
            for copy in range(1, factor)
        ]
        first_file = copies[: copies_per_file - 1]
        document["behaviours"] = originals + [b for copy in first_file for b in copy]
        _write_band(path, document)
        rest = copies[copies_per_file - 1 :]
        for part, start in enumerate(range(0, len(rest), copies_per_file), start=2):
            band_id = f"{document['id']}-part-{part}"
            extra = {
                "id": band_id,
                "label": f"{document['label']} (part {part})",
                "min_age": document["min_age"],
                "max_age": document["max_age"],
                "behaviours": [b for copy in rest[start : start + copies_per_file] for b in copy],
            }
            _write_band(path.with_name(f"{band_id}.yaml"), extra)
    return dest


def _content_words(texts: Iterable[str]) -> list[str]:
    """Words of real descriptors that search does not ignore, as people would type them."""
    words = []
    for text in texts:
        for word in _WORD.findall(text):
            lowered = word.lower().strip("'")
            if len(lowered) > 3 and tokens(lowered):
                words.append(lowered)
    return sorted(set(words))


def search_queries(pack: Pack, count: int = 1000, seed: int = SEED) -> list[str]:
    """`count` queries a practitioner might type, drawn from the pack's own words.

    About 40 % are a keyword of a behaviour, 30 % a term of a synonym group
    and 30 % one to three words of the descriptors; the same seed gives the
    same list.
    """
    chance = random.Random(seed)
    keywords = sorted({k for b in pack.all_behaviours for k in b.keywords})
    synonyms = sorted({term for group in pack.info.synonyms for term in group})
    words = _content_words(b.text for b in pack.all_behaviours)
    queries = []
    for _ in range(count):
        draw = chance.random()
        if draw < 0.4 or not synonyms:
            queries.append(chance.choice(keywords))
        elif draw < 0.7:
            queries.append(chance.choice(synonyms))
        else:
            queries.append(" ".join(chance.sample(words, k=chance.randint(1, 3))))
    return queries


__all__ = ["BEHAVIOURS_PER_FILE", "make_pack", "search_queries", "shipped_pack_dir"]
