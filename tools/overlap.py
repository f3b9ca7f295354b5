"""Count six-word runs and paraphrased sentences the content pack shares with source texts on disk.

A check for our own words (issues 13.8 and 23): give it a folder of plain-text
files copied from public sources (Brook, True, NSPCC, KCSIE pages). Keep those
files outside the repository, e.g. in /tmp: this project never stores source text.

    python tools/overlap.py /tmp/sources            # the shipped pack
    python tools/overlap.py /tmp/sources --pack path/to/pack --show

It makes two comparisons:

- six-word runs: how many distinct runs the pack has and how many also occur
  in the sources (copying word for word);
- sentences: each sentence of the pack against each sentence of the sources,
  after dropping common words and reducing words to a rough stem and a few
  synonyms to one word. A pair is flagged as a likely paraphrase when the two
  sets of content stems overlap strongly (Dice similarity, shared stems twice
  over both sets' sizes, at least ``--threshold``, default 0.6) and the shared
  stems come in the same order (at least 0.75 of them in one common sequence). That catches a sentence that keeps a source's
  ideas in its order with words swapped, which six-word runs miss.

With --show it prints each shared run and each flagged pair, so an editor can
reword them from the facts. Not part of the app; no test depends on the sources.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import Stemmer  # PyStemmer, already pinned for the app's search
import yaml

RUN = 6
# A sentence pair is a likely paraphrase at or above this Dice similarity of content stems ...
PARAPHRASE_SHARE = 0.6
# ... when at least this share of the shared stems come in the same order in both ...
PARAPHRASE_ORDER = 0.75
# ... and each sentence has at least this many content stems (shorter ones only name a fact).
PARAPHRASE_MIN_STEMS = 4
# Field names whose values are never read as prose (ids, links, numbers, vocabularies).
NOT_PROSE = {
    "id",
    "level",
    "theme",
    "ages",
    "link",
    "value",
    "kind",
    "status",
    "days",
    "opens",
    "closes",
    "band",
    "answer",
    "raises_to",
    "audience",
    "hackett",
    "contacts",
    "deciding_criteria",
    "out_of_hours",
    "version",
    "keywords",
    "synonyms",
}
WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


def prose(node: object, key: str | None = None) -> Iterator[str]:
    """Every piece of prose in a parsed YAML document."""
    if key in NOT_PROSE:
        return
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for k, v in node.items():
            yield from prose(v, str(k))
    elif isinstance(node, list):
        for item in node:
            yield from prose(item, key)


def words(text: str) -> list[str]:
    """Lower-case words, with curly apostrophes made straight."""
    return [w.replace("’", "'") for w in WORD.findall(text.lower())]


def runs(text: str, size: int = RUN) -> set[tuple[str, ...]]:
    """The distinct runs of ``size`` consecutive words in one piece of text."""
    found = words(text)
    return {tuple(found[i : i + size]) for i in range(len(found) - size + 1)}


def pack_runs(pack_dir: Path, size: int = RUN) -> set[tuple[str, ...]]:
    """Six-word runs across every piece of prose in the pack (never across two pieces)."""
    result: set[tuple[str, ...]] = set()
    for path in sorted(pack_dir.rglob("*.yaml")):
        for piece in prose(yaml.safe_load(path.read_text(encoding="utf-8"))):
            result |= runs(piece, size)
    return result


def source_runs(source_dir: Path, size: int = RUN) -> set[tuple[str, ...]]:
    """Six-word runs in every .txt file of the source folder."""
    result: set[tuple[str, ...]] = set()
    for path in sorted(source_dir.glob("*.txt")):
        result |= runs(path.read_text(encoding="utf-8", errors="replace"), size)
    return result


# Words that carry no idea of their own, and words every descriptor uses ("child", "behaviour").
_STOP_WORDS = """a about after again against all also an and any are as at be because been being both but by can
    could did do does doing each either etc for from had has have having he her hers him his how i if in
    into is it its itself just may me might more most much must my no nor not of on once one only or
    other our out over own same she should so some such than that the their them themselves then there
    these they this those through to too under until up very was we were what when where which while
    who whom why will with would you your e g eg ie much less
    child children childs young people person persons someone others another behaviour behaviours
    behave show shows showing"""
STOP = set(_STOP_WORDS.split())
# A few near-synonyms a paraphrase swaps, each Snowball stem mapped to one of them.
SAME_IDEA = {
    "solitari": "privat",
    "alon": "privat",
    "repeat": "persist",
    "frequent": "persist",
    "often": "persist",
    "convers": "talk",
    "discuss": "talk",
    "chat": "talk",
    "pictur": "imag",
    "photo": "imag",
    "video": "imag",
    "friend": "peer",
    "classmat": "peer",
    "pornographi": "porn",
    "pornograph": "porn",
    "erotica": "porn",
    "erot": "porn",
    "nake": "nude",
    "nuditi": "nude",
    "simul": "act",
    "mimic": "act",
    "copi": "act",
    "coercion": "forc",
    "coerc": "forc",
    "pressur": "forc",
    "compel": "forc",
}
SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+|\s*[•\n]+\s*")
_SNOWBALL = Stemmer.Stemmer("english")


def stem(word: str) -> str:
    """The word's Snowball stem (as the app's search uses), with near-synonyms made one."""
    stemmed = _SNOWBALL.stemWord(word)
    return SAME_IDEA.get(stemmed, stemmed)


def content_stems(text: str) -> list[str]:
    """The sentence's content words as stems, in order, without repeats."""
    seen: list[str] = []
    for word in words(text):
        if word in STOP or word.isdigit():
            continue
        stemmed = stem(word)
        if stemmed not in STOP and stemmed not in seen:
            seen.append(stemmed)
    return seen


def sentences(text: str) -> list[str]:
    """The text cut into sentences (and bullet points), each with at least one word."""
    return [piece.strip() for piece in SENTENCE_END.split(text) if piece and words(piece)]


def in_order(first: list[str], second: list[str]) -> int:
    """The length of the longest sequence of words that both lists hold in the same order."""
    previous = [0] * (len(second) + 1)
    for a in first:
        current = [0]
        for j, b in enumerate(second):
            current.append(previous[j] + 1 if a == b else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


@dataclass(frozen=True)
class Pair:
    """A pack sentence that reads as a paraphrase of a source sentence, and how close it is."""

    ours: str
    theirs: str
    share: float
    order: float


def paraphrase(ours: str, theirs: str, threshold: float = PARAPHRASE_SHARE) -> Pair | None:
    """The pair, when the two sentences share most content stems in the same order; else None."""
    a, b = content_stems(ours), content_stems(theirs)
    if min(len(a), len(b)) < PARAPHRASE_MIN_STEMS:
        return None
    shared = set(a) & set(b)
    share = 2 * len(shared) / (len(a) + len(b))
    if share < threshold:
        return None
    order = in_order([w for w in a if w in shared], [w for w in b if w in shared]) / len(shared)
    return Pair(ours, theirs, share, order) if order >= PARAPHRASE_ORDER else None


def pack_sentences(pack_dir: Path) -> list[str]:
    """Every distinct sentence of prose in the pack, in file order."""
    found: dict[str, None] = {}
    for path in sorted(pack_dir.rglob("*.yaml")):
        for piece in prose(yaml.safe_load(path.read_text(encoding="utf-8"))):
            found.update(dict.fromkeys(sentences(piece)))
    return list(found)


def source_sentences(source_dir: Path) -> list[str]:
    """Every distinct sentence in the .txt files of the source folder."""
    found: dict[str, None] = {}
    for path in sorted(source_dir.glob("*.txt")):
        found.update(dict.fromkeys(sentences(path.read_text(encoding="utf-8", errors="replace"))))
    return list(found)


def paraphrases(ours: list[str], theirs: list[str], threshold: float = PARAPHRASE_SHARE) -> list[Pair]:
    """For each pack sentence, its closest flagged source sentence (if any), closest first."""
    index = [(sentence, set(content_stems(sentence))) for sentence in theirs]
    flagged: list[Pair] = []
    for sentence in ours:
        mine = set(content_stems(sentence))
        if len(mine) < PARAPHRASE_MIN_STEMS:
            continue
        best: Pair | None = None
        for other, stems in index:
            if 2 * len(mine & stems) < threshold * (len(mine) + len(stems)):
                continue
            pair = paraphrase(sentence, other, threshold)
            if pair and (best is None or (pair.share, pair.order) > (best.share, best.order)):
                best = pair
        if best:
            flagged.append(best)
    return sorted(flagged, key=lambda p: (-p.share, -p.order, p.ours))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "sources", type=Path, help="folder of .txt files copied from sources (keep it outside the repo)"
    )
    parser.add_argument("--pack", type=Path, default=Path(__file__).resolve().parents[1] / "behaviours" / "content")
    parser.add_argument("--show", action="store_true", help="print each shared run")
    parser.add_argument("--size", type=int, default=RUN, help="words per run (default 6)")
    parser.add_argument(
        "--threshold",
        type=float,
        default=PARAPHRASE_SHARE,
        help=f"Dice similarity of content words at which a sentence pair is flagged (default {PARAPHRASE_SHARE})",
    )
    args = parser.parse_args(argv)
    if not args.sources.is_dir() or not any(args.sources.glob("*.txt")):
        print(f"{args.sources}: no .txt source files found", file=sys.stderr)
        return 2
    ours, theirs = pack_runs(args.pack, args.size), source_runs(args.sources, args.size)
    shared = sorted(ours & theirs)
    print(f"pack: {len(ours)} distinct {args.size}-word runs; sources: {len(theirs)}; shared: {len(shared)}")
    if args.show:
        for run in shared:
            print("  " + " ".join(run))
    ours_s, theirs_s = pack_sentences(args.pack), source_sentences(args.sources)
    flagged = paraphrases(ours_s, theirs_s, args.threshold)
    print(
        f"pack: {len(ours_s)} sentences; sources: {len(theirs_s)}; "
        f"likely paraphrases (similarity >= {args.threshold:g}, same order): {len(flagged)}"
    )
    if args.show:
        for pair in flagged:
            print(f"  {pair.share:.2f}/{pair.order:.2f}  ours: {pair.ours}")
            print(f"             theirs: {pair.theirs}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
