"""The outcome parser over several documents at once (pipeline.Extractor, ParsedAhead)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzx.io import Source
from kzx.pipeline import ErrorRecord, ParsedAhead, Record

from .conftest import RAW

# Report passages with decision sentences (arrests, sentences, releases), and a
# translation with none in English.
DOCUMENTS = ["309_*", "315_*", "321_*", "138_*"]


@pytest.fixture(scope="module")
def sources() -> list[Source]:
    paths = [next(RAW.glob(pattern + ".txt")) for pattern in DOCUMENTS]
    return [Source(str(p), p.stem) for p in paths]


class Counting:
    def __init__(self, parse):
        self.parse = parse
        self.calls: list[int] = []

    def __call__(self, texts):
        self.calls.append(len(texts))
        return self.parse(texts)


def test_documents_parsed_together_give_the_records_each_gives_alone(extractor, sources, monkeypatch):
    counting = Counting(extractor.parse)
    monkeypatch.setattr(extractor, "parse", counting)
    together = list(extractor.run(sources))
    assert len(counting.calls) == 1 and counting.calls[0] > 10  # one batch for the four
    alone = [record for source in sources for record in extractor.run([source])]
    assert len(counting.calls) == 1 + 3  # the translation asks for no parse
    assert [r.model_dump_json() for r in together] == [r.model_dump_json() for r in alone]
    assert all(isinstance(r, Record) for r in together)


def test_a_failing_parser_fails_the_documents_that_need_it_and_the_run_goes_on(extractor, sources, monkeypatch):
    def broken(texts):
        raise RuntimeError("parser crashed")

    monkeypatch.setattr(extractor, "parse", broken)
    results = list(extractor.run(sources))
    assert [type(r) for r in results] == [ErrorRecord, ErrorRecord, ErrorRecord, Record]
    assert all(r.stage == "extract" and "parser crashed" in r.reason for r in results[:3])
    assert [Path(r.source).name for r in results] == [Path(s.path).name for s in sources]


def test_parsed_ahead_answers_from_its_batch_and_parses_what_was_not_asked():
    calls: list[list[str]] = []

    def parse(texts):
        calls.append(list(texts))
        return [[len(t)] for t in texts]

    ahead = ParsedAhead(parse, ["a b", "c", "a b"])
    assert calls == [["a b", "c"]]  # each sentence once
    assert ahead(["c", "a b"]) == [[1], [3]] and len(calls) == 1
    assert ahead(["d e f", "c"]) == [[5], [1]] and calls[-1] == ["d e f"]
