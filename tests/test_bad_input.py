"""Dirty corpora: every document accounted for, a clear reason for each failure."""

from __future__ import annotations

import json
import os
import random

import pytest
from typer.testing import CliRunner

from kzx.cli import app

runner = CliRunner()
REPORT = "On January 24, the Astana city court fined Bigeldy Gabdullin 113,450 tenge ($350).\n"


def run(folder, *extra):
    out = folder.parent / "out.jsonl"
    result = runner.invoke(app, ["extract", str(folder), "-o", str(out), "--workers", "1", *extra])
    records = [json.loads(x) for x in out.read_text().splitlines()] if out.exists() else []
    errors_file = folder.parent / "out.errors.jsonl"
    errors = [json.loads(x) for x in errors_file.read_text().splitlines()] if errors_file.exists() else []
    return result, records, errors


def random_bytes(n: int) -> bytes:
    return random.Random(7).randbytes(n)


# A PDF saved as .txt is read as a PDF (by content): tests/test_formats.py.
BINARY = {
    "image.txt": b"\x89PNG\r\n\x1a\n" + random_bytes(2000),
    "random.txt": random_bytes(4000),
    "nul.txt": b"text\x00with\x00nuls\x00" * 100,
    "controls.txt": bytes(range(1, 9)) * 500,
}


@pytest.mark.parametrize("name,data", sorted(BINARY.items()))
def test_binary_files_are_errors_naming_the_file(tmp_path, name, data):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / name).write_bytes(data)
    (folder / "good.txt").write_text(REPORT)
    result, records, errors = run(folder)
    assert result.exit_code == 0
    assert [r["doc_id"] for r in records] == ["good"]
    (error,) = errors
    assert error["source"].endswith(name) and error["stage"] == "decode" and "binary" in error["reason"]
    assert name in result.stderr


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1251", "latin-1"]
)
def test_encodings_are_detected_and_recorded(tmp_path, encoding):
    text = (
        "Суд города Алматы оштрафовал журналиста на 113 450 тенге. " * 5
        if encoding in {"cp1251", "utf-16", "utf-8", "utf-8-sig"}
        else "Le tribunal d'Almaty a condamné le journaliste à une amende élevée. " * 5
    )
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "doc.txt").write_bytes(text.encode(encoding))
    result, records, errors = run(folder)
    assert not errors, errors
    (record,) = records
    assert text.strip()[:40] in record["text"]
    assert record["encoding"]


def test_undecodable_bytes_are_replaced_not_fatal(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "mixed.txt").write_bytes(REPORT.encode() + b"\xff\xfe broken \xc3\x28 bytes\n" + REPORT.encode())
    _, records, errors = run(folder)
    assert not errors and "Gabdullin" in records[0]["text"]


@pytest.mark.parametrize("content", ["", "   \n\n\t  \n"])
def test_empty_and_whitespace_files_give_an_empty_valid_record(tmp_path, content):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_text(content)
    result, records, errors = run(folder)
    assert result.exit_code == 0 and not errors
    (record,) = records
    assert record["entities"] == [] and record["money"] == [] and record["dates"] == []


def test_links_that_go_nowhere_are_reported_and_loops_do_not_hang(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(REPORT)
    os.symlink(folder / "missing.txt", folder / "dangling.txt")
    os.symlink(folder / "loop_a.txt", folder / "loop_b.txt")
    os.symlink(folder / "loop_b.txt", folder / "loop_a.txt")
    os.symlink(folder, folder / "self")  # a directory loop
    result, records, errors = run(folder)
    assert result.exit_code == 0
    assert [r["doc_id"] for r in records] == ["good"]
    reasons = {e["source"].rsplit("/", 1)[-1]: e["reason"] for e in errors}
    assert set(reasons) == {"dangling.txt", "loop_a.txt", "loop_b.txt"}
    assert all(e["stage"] == "read" for e in errors)
    assert "No such file" in reasons["dangling.txt"] and "symbolic links" in reasons["loop_a.txt"]


def test_a_directory_of_many_files(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(1500):
        (folder / f"{i:05d}.txt").write_text(f"Report {i}. The court fined him {i} tenge.\n")
    result, records, errors = run(folder)
    assert result.exit_code == 0 and not errors
    assert len(records) == 1500
    assert [r["doc_id"] for r in records] == sorted(r["doc_id"] for r in records)


def test_a_single_300000_character_line(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    line = ("The court fined activist Zhanar Akhmet 113,450 tenge on January 10 " * 4500)[:300_000]
    (folder / "line.txt").write_text(line)
    result, records, errors = run(folder)
    assert result.exit_code == 0 and not errors
    (record,) = records
    assert len(record["money"]) > 4000
    for m in record["money"][:50]:
        assert record["text"][m["start"] : m["end"]] == m["text"]
