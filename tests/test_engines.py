"""Worker processes, interruption and --resume, through the real command."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import RAW

KZX = str(Path(sys.executable).with_name("kzx"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Distinct copies of the dev documents."""
    folder = tmp_path_factory.mktemp("corpus")
    for copy in range(4):
        for path in sorted(RAW.glob("0*.txt")):
            text = f"Copy {copy}.\n\n" + path.read_text(encoding="utf-8")
            (folder / f"{copy}_{path.name}").write_text(text, encoding="utf-8")
    return folder


def extract(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([KZX, "extract", *args], capture_output=True, text=True, **kwargs)


def test_two_workers_write_the_same_bytes_as_one(corpus, tmp_path):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert extract(str(corpus), "-o", str(one), "--workers", "1").returncode == 0
    assert extract(str(corpus), "-o", str(two), "--workers", "2").returncode == 0
    assert one.read_bytes() == two.read_bytes()
    assert len(one.read_text().splitlines()) == len(list(corpus.iterdir()))


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL])
def test_an_interrupted_run_resumes_with_each_document_once(corpus, tmp_path, how):
    out = tmp_path / "records.jsonl"
    partial = tmp_path / "records.jsonl.partial"
    process = subprocess.Popen(
        [KZX, "extract", str(corpus), "-o", str(out), "--workers", "1"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if partial.exists() and partial.read_text().count("\n") >= 2:
            break
        time.sleep(0.05)
    assert process.poll() is None, "the run finished before it could be interrupted"
    os.kill(process.pid, how)
    _, stderr = process.communicate(timeout=60)
    assert not out.exists()
    written = partial.read_text().splitlines()
    assert 2 <= len(written) < len(list(corpus.iterdir()))
    for line in written:
        json.loads(line)
    if how == signal.SIGTERM:
        assert process.returncode == 130 and "--resume" in stderr

    resumed = extract(str(corpus), "-o", str(out), "--workers", "1", "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert not partial.exists()
    sources = [json.loads(line)["source"] for line in out.read_text().splitlines()]
    assert sorted(sources) == sorted(str(p) for p in corpus.iterdir())
    assert len(sources) == len(set(sources))


def test_the_dask_engine_writes_the_same_records(corpus, tmp_path):
    local, dask = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    assert extract(str(corpus), "-o", str(local), "--workers", "1").returncode == 0
    result = extract(str(corpus), "-o", str(dask), "--engine", "dask", "--workers", "2")
    assert result.returncode == 0, result.stderr
    assert local.read_bytes() == dask.read_bytes()


def test_shards_concatenate_to_the_whole_run(corpus, tmp_path):
    whole = tmp_path / "whole.jsonl"
    assert extract(str(corpus), "-o", str(whole), "--workers", "1").returncode == 0
    parts = []
    for index in (1, 2, 3):
        part = tmp_path / f"part{index}.jsonl"
        assert extract(str(corpus), "-o", str(part), "--workers", "1", "--shard", f"{index}/3").returncode == 0
        parts.append(part.read_bytes())
    assert b"".join(parts) == whole.read_bytes()


@pytest.mark.parametrize("shard", ["0/3", "4/3", "x", "1/0"])
def test_bad_shards_are_usage_errors(corpus, tmp_path, shard):
    result = extract(str(corpus), "-o", str(tmp_path / "o.jsonl"), "--shard", shard)
    assert result.returncode == 2 and "--shard" in result.stderr
