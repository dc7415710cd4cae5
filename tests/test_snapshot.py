"""The reviewed snapshot: the pipeline's output on the annotated documents is committed
(tests/golden/expected.jsonl); any change to it shows here as a `kzx diff`, and
`make snapshot` rewrites it so the change is reviewed in the commit."""

from __future__ import annotations

import io

from rich.console import Console

from kzx.diff import diff_runs, load_records, render

from .conftest import GOLDEN


def test_output_matches_the_reviewed_snapshot(golden_records):
    diffs = diff_runs(load_records(GOLDEN / "expected.jsonl"), load_records(golden_records), offsets=True)
    if diffs:
        out = io.StringIO()
        render(diffs, Console(file=out, width=160))
        raise AssertionError(
            "the output differs from tests/golden/expected.jsonl; if the change is intended, "
            "run `make snapshot` and commit the new snapshot with the change:\n" + out.getvalue()
        )
