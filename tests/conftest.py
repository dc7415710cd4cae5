from __future__ import annotations

import json
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
    from kzx.pipeline import RecordsOutput, write_run

    docs = [json.loads(p.read_text())["doc"] for p in sorted(GOLDEN.glob("*.gold.json"))]
    out = tmp_path_factory.mktemp("golden") / "records.jsonl"
    summary = write_run(extractor.run(discover([str(RAW / d) for d in docs])), RecordsOutput(out), None)
    assert not summary.errors, summary.errors
    return out
