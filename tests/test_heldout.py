"""Held-out pages of the lead's making (tests/heldout): a telegram as a cable mirror
prints it, a report PDF turned to text, a press release with its letterhead, annotated
by hand before the pipeline first ran on them (their first scores are in
docs/accuracy-log.md). Gated like the dev gold, with floors of their own."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from kzx.cli import app

from .conftest import ROOT, extract_from_root

HELDOUT = ROOT / "tests" / "heldout"
runner = CliRunner()


def test_heldout_pages_stay_above_their_floors(extractor, tmp_path: Path) -> None:
    docs = sorted(HELDOUT.glob("*.txt"))
    assert len(docs) >= 3
    out = extract_from_root(extractor, docs, tmp_path / "heldout.jsonl")
    result = runner.invoke(app, ["eval", str(out), "--gold", str(HELDOUT),
                                 "--thresholds", str(HELDOUT / "thresholds.json")])
    assert result.exit_code == 0, result.output


def test_every_heldout_page_has_its_gold() -> None:
    for doc in HELDOUT.glob("*.txt"):
        gold = json.loads((HELDOUT / f"{doc.stem}.gold.json").read_text(encoding="utf-8"))
        assert gold["doc"] == doc.name
