"""A stand-in content pack and loader, so the content timings run before behaviours/ exists.

Shaped like the real pack is planned (one YAML file per age band, levels
green / amber / red, descriptors of plain text), made bigger by `factor`
to time how loading and search grow. Replace it with the real loader and the
real synthetic-pack generator in bench/targets.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from bench.baselines.neutral_text import neutral_sentence

LEVELS = ("green", "amber", "red")
BANDS = ("0-2", "3-5", "6-9", "10-12", "13-15", "16-18")
DESCRIPTORS_PER_LEVEL = 8

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def make_standin_pack(factor: int, folder: Path) -> Path:
    """Write a pack of `factor` x 6 band files into `folder`; return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for copy in range(factor):
        for band_index, band in enumerate(BANDS):
            band_id = f"band-{band}" + (f"-copy{copy}" if copy else "")
            document = {
                "id": band_id,
                "ages": band,
                "levels": {
                    level: [
                        neutral_sentence(copy * 1000 + band_index * 100 + level_index * 10 + k, words=18)
                        for k in range(DESCRIPTORS_PER_LEVEL)
                    ]
                    for level_index, level in enumerate(LEVELS)
                },
            }
            (folder / f"{band_id}.yaml").write_text(yaml.safe_dump(document, sort_keys=False))
    return folder


@dataclass(frozen=True)
class StandinPack:
    """Descriptors as (band id, level, text), searchable by words."""

    descriptors: tuple[tuple[str, str, str], ...]

    def search(self, text: str) -> list[tuple[str, str, str]]:
        """Descriptors containing every word of `text`, case-insensitively."""
        words = text.casefold().split()
        return [item for item in self.descriptors if all(word in item[2].casefold() for word in words)]


def load_standin_pack(folder: Path) -> StandinPack:
    """Read every band file of a stand-in pack."""
    descriptors = []
    for path in sorted(Path(folder).glob("*.yaml")):
        document = yaml.load(path.read_text(), Loader=_Loader)  # noqa: S506 - a safe loader
        for level, texts in document["levels"].items():
            descriptors.extend((document["id"], level, text) for text in texts)
    return StandinPack(tuple(descriptors))
