"""`kzx diff` on hand-made pairs of records."""

from __future__ import annotations

import copy
import json

import pytest
from typer.testing import CliRunner

from kzx.cli import app
from kzx.diff import diff_runs

runner = CliRunner()

BASE = {
    "schema_version": "1.0", "doc_id": "a", "source": "data/raw/a.txt", "text": "On June 5 X was fined 5 tenge.",
    "entities": [{"label": "PERSON", "text": "X", "start": 10, "end": 11, "canonical": "X"}],
    "dates": [{"text": "June 5", "start": 3, "end": 9, "value": "XXXX-06-05"}],
    "money": [{"text": "5 tenge", "start": 22, "end": 29, "amount": "5", "currency": "KZT", "usd": None, "approximate": False}],
    "outcomes": [{"person": "X", "verdict": "fined", "court": None, "date": "XXXX-06-05", "charges": [],
                  "penalties": [{"kind": "fine", "amount": "5", "currency": "KZT", "duration": None}],
                  "evidence": {"text": "X was fined", "start": 10, "end": 21}}],
    "provenance": {"kzx_version": "0.1.0", "pipeline": "default", "model": "m", "model_version": "1"},
}
OTHER = dict(copy.deepcopy(BASE), doc_id="b", source="data/raw/b.txt")


def write(path, *records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path


def changed(**edits):
    record = copy.deepcopy(BASE)
    for path, value in edits.items():
        target = record
        *parents, last = path.split("__")
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[last] = value
    return record


def test_identical_runs(tmp_path):
    a = write(tmp_path / "a.jsonl", BASE, OTHER)
    result = runner.invoke(app, ["diff", str(a), str(a)])
    assert result.exit_code == 0


def test_reordered_documents_are_identical(tmp_path):
    a = write(tmp_path / "a.jsonl", BASE, OTHER)
    b = write(tmp_path / "b.jsonl", OTHER, BASE)
    assert runner.invoke(app, ["diff", str(a), str(b)]).exit_code == 0


def test_provenance_is_ignored(tmp_path):
    newer = changed(provenance__kzx_version="0.2.0")
    assert diff_runs({"a": BASE}, {"a": newer}) == []


@pytest.mark.parametrize(
    "edits,kind,field,old,new",
    [
        ({"dates__0__value": "2017-06-05"}, "dates", "value", "XXXX-06-05", "2017-06-05"),
        ({"money__0__usd": "1"}, "money", "usd", None, "1"),
        ({"entities__0__canonical": "Y X"}, "entities", "canonical", "X", "Y X"),
        ({"outcomes__0__court": "police"}, "outcomes", "court", None, "police"),
        ({"outcomes__0__penalties": []}, "outcomes", "penalties", BASE["outcomes"][0]["penalties"], []),
    ],
)
def test_changed_values_are_reported_field_by_field(tmp_path, edits, kind, field, old, new):
    (doc,) = diff_runs({"a": BASE}, {"a": changed(**edits)})
    (change,) = doc.changes
    assert (change.kind, change.change) == (kind, "changed")
    assert change.fields[field] == (old, new)


def test_added_and_removed_mentions_and_documents(tmp_path):
    new = copy.deepcopy(BASE)
    new["dates"] = []
    new["money"].append({**BASE["money"][0], "text": "6 tenge", "amount": "6"})
    diffs = diff_runs({"a": BASE, "b": OTHER}, {"a": new, "c": dict(OTHER, doc_id="c")})
    status = {d.doc_id: d.status for d in diffs}
    assert status == {"a": "changed", "b": "removed", "c": "added"}
    changes = {(c.kind, c.change) for c in diffs[0].changes}
    assert changes == {("dates", "removed"), ("money", "added")}


def test_shifted_offsets_alone_are_not_a_change_unless_asked():
    shifted = changed(dates__0__start=4, dates__0__end=10)
    assert diff_runs({"a": BASE}, {"a": shifted}) == []
    assert diff_runs({"a": BASE}, {"a": shifted}, offsets=True) != []


def test_json_output_and_exit_code(tmp_path):
    a = write(tmp_path / "a.jsonl", BASE)
    b = write(tmp_path / "b.jsonl", changed(dates__0__value="2017-06-05"))
    result = runner.invoke(app, ["diff", str(a), str(b), "--json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["identical"] is False and data["summary"]["dates"] == {"changed": 1}


@pytest.mark.parametrize("content,reason", [(None, "no such file"), ("{oops\n", ":1: not JSON"), ('{"x": 1}\n', "no doc_id")])
def test_bad_input_exits_2(tmp_path, content, reason):
    a = write(tmp_path / "a.jsonl", BASE)
    bad = tmp_path / "bad.jsonl"
    if content is not None:
        bad.write_text(content)
    result = runner.invoke(app, ["diff", str(a), str(bad)])
    assert result.exit_code == 2 and reason in result.stderr
