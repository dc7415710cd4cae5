"""The golden gate: the pipeline on the annotated dev documents, scored with the committed thresholds."""

from __future__ import annotations

import json
import re

from typer.testing import CliRunner

from kzx.cli import app
from kzx.formats import read_document
from kzx.records import Record

from .conftest import GOLDEN, ROOT

runner = CliRunner()


def test_accuracy_does_not_fall_below_the_committed_thresholds(golden_records):
    result = runner.invoke(
        app, ["eval", str(golden_records), "--gold", str(GOLDEN), "--thresholds", str(GOLDEN / "thresholds.json")]
    )
    assert result.exit_code == 0, result.output


def test_thresholds_cover_every_area():
    thresholds = json.loads((GOLDEN / "thresholds.json").read_text())
    areas = {key.split(".")[0] for key in thresholds["min"]}
    assert {"persons", "money", "dates", "outcomes", "penalties", "boilerplate", "keep", "duplicates"} <= areas
    assert "dates_year_wrong.share" in thresholds["max"]


def test_every_span_maps_back_to_the_raw_file(golden_records):
    for line in golden_records.read_text().splitlines():
        record = Record.model_validate_json(line)
        path = ROOT / record.source
        # Raw offsets index the text as read: the decoded file, or the text extracted from HTML.
        raw = read_document(path.read_bytes(), str(path)).text
        for mention in [*record.entities, *record.dates, *record.money]:
            assert record.text[mention.start : mention.end] == mention.text
            raw_text = _with_removals(raw, record.removed, mention.raw_start, mention.raw_end)
            # Repairs (entities, spaces, glued words) may differ; the words themselves do not.
            assert _words(raw_text) == _words(mention.text) or _letters(raw_text) == _letters(mention.text), (
                mention.text, raw_text)


def _with_removals(raw: str, removed, start: int, end: int) -> str:
    """raw[start:end] with what cleaning removed or rewrote inside it applied (a sidebar
    name spliced into a sentence by a two-column PDF scrape goes from inside a mention)."""
    pieces, position = [], start
    for removal in sorted(removed, key=lambda r: r.raw_start):
        if start <= removal.raw_start and removal.raw_end <= end and removal.raw_start >= position:
            pieces += [raw[position:removal.raw_start], removal.replacement]
            position = removal.raw_end
    return "".join(pieces) + raw[position:end]


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def _letters(text: str) -> str:
    return "".join(re.findall(r"[^\W_]", text))
