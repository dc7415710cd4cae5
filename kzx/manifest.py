"""The pinned model packages: read from models/manifest.toml.

`python -m kzx.manifest` prints the hash-pinned pip requirements the Makefile installs.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

MANIFEST = Path(__file__).resolve().parent.parent / "models" / "manifest.toml"


@dataclass(frozen=True)
class ModelPin:
    package: str
    version: str
    load_name: str
    sha256: str

    @property
    def requirement(self) -> str:
        """The pip requirement line, with its hash.

        >>> ModelPin("a-b", "1.0", "a_b", "00ff").requirement
        'a-b==1.0 --hash=sha256:00ff'
        """
        return f"{self.package}=={self.version} --hash=sha256:{self.sha256}"


def load_pin(path: Path = MANIFEST, section: str = "model") -> ModelPin:
    with path.open("rb") as fh:
        return ModelPin(**tomllib.load(fh)[section])


def load_pins(path: Path = MANIFEST) -> list[ModelPin]:
    """Every pinned model package: the English spaCy model, then the Russian models."""
    with path.open("rb") as fh:
        return [ModelPin(**table) for table in tomllib.load(fh).values()]


if __name__ == "__main__":
    for pin in load_pins():
        print(pin.requirement)
