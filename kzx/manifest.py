"""The pinned base model: read from models/manifest.toml.

`python -m kzx.manifest` prints the hash-pinned pip requirement the Makefile installs.
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


def load_pin(path: Path = MANIFEST) -> ModelPin:
    with path.open("rb") as fh:
        return ModelPin(**tomllib.load(fh)["model"])


if __name__ == "__main__":
    print(load_pin().requirement)
