from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kzx.config import load_pipeline
from kzx.io import discover
from kzx.nlp import build_nlp

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"
GOLDEN = ROOT / "tests" / "golden"


@pytest.fixture(scope="session")
def config():
    return load_pipeline()


@pytest.fixture(scope="session")
def nlp(config):
    return build_nlp(config)


@pytest.fixture(scope="session")
def extractor(config, nlp):
    from kzx.pipeline import Extractor

    return Extractor(config, nlp)


@pytest.fixture(scope="session")
def golden_records(extractor, tmp_path_factory) -> Path:
    """The pipeline's output on the documents that have gold annotations."""
    out = tmp_path_factory.mktemp("golden") / "records.jsonl"
    return extract_from_root(extractor, golden_documents(), out)


def extract_from_root(extractor, documents, out: Path) -> Path:
    """Records of `documents` written to `out`, their sources relative to the project
    root, as `make snapshot` writes them; no document may fail."""
    from kzx.pipeline import RecordsOutput, write_run

    here = os.getcwd()
    os.chdir(ROOT)
    try:
        sources = discover([str(Path(p).relative_to(ROOT)) for p in documents])
        summary = write_run(extractor.run(sources), RecordsOutput(out), None)
    finally:
        os.chdir(here)
    assert not summary.errors, summary.errors
    return out


def golden_documents() -> list[Path]:
    """The raw file of every gold file: tests/golden/X.gold.json annotates data/raw/X's
    `doc`, tests/golden/html/ the saved pages in data/raw/html/ (text gold first, as
    `make snapshot` lists them)."""
    paths = sorted(GOLDEN.glob("*.gold.json")) + sorted(GOLDEN.glob("*/*.gold.json"))
    return [RAW / p.parent.relative_to(GOLDEN) / json.loads(p.read_text())["doc"] for p in paths]


def gold_params(known_misses: frozenset[str] = frozenset(), reason: str = "") -> list:
    """Every gold file of the text documents as a pytest param, id'd by its number.

    Documents in `known_misses` (by number) are strict xfails: a known miss on the
    grown dev set stays visible in every run, and a fix that makes it pass fails
    the run until the number is taken off the list, so the list only shrinks.
    """
    params = []
    for path in sorted(GOLDEN.glob("*.gold.json")):
        number = path.name.split("_")[0]
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if number in known_misses else []
        params.append(pytest.param(path, id=number, marks=marks))
    return params
