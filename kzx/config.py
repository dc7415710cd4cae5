"""Pipeline configuration: which model, which components, which pattern files."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PIPELINE = PROJECT_ROOT / "pipelines" / "default.toml"


class ConfigError(ValueError):
    """A pipeline file that cannot be used; the message names the file and the reason."""


@dataclass(frozen=True)
class PipelineConfig:
    name: str
    path: Path
    model: str
    exclude: tuple[str, ...] = ()
    enable: tuple[str, ...] = ()
    batch_size: int = 32
    entity_patterns: tuple[Path, ...] = field(default=())
    parse_outcomes: bool = False  # parse decision sentences for the outcome engine ([outcomes] parse)


def load_pipeline(path: Path | None = None) -> PipelineConfig:
    path = Path(path or DEFAULT_PIPELINE)
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"{path}: pipeline file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    try:
        model = data["model"]
        patterns = [path.parent / p for p in data.get("patterns", {}).get("entities", [])]
        config = PipelineConfig(
            name=str(data.get("name", path.stem)),
            path=path,
            model=str(model["name"]),
            exclude=tuple(model.get("exclude", ())),
            enable=tuple(model.get("enable", ())),
            batch_size=int(data.get("nlp", {}).get("batch_size", 32)),
            entity_patterns=tuple(p.resolve() for p in patterns),
            parse_outcomes=bool(data.get("outcomes", {}).get("parse", False)),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"{path}: missing or malformed setting ({exc})") from None
    for pattern_file in config.entity_patterns:
        if not pattern_file.is_file():
            raise ConfigError(f"{path}: pattern file {pattern_file} not found")
    return config
