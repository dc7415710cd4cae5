"""A 5 MB report: split for the model at paragraph breaks, offsets mapped back,
and the same findings as its parts processed one by one."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from kzx.config import PROJECT_ROOT, load_pipeline
from kzx.io import Source
from kzx.pipeline import Extractor

from .conftest import RAW

PARAGRAPHS = [
    p for p in (RAW / "000_61e5cfb4103716c2.txt").read_text(encoding="utf-8").split("\n\n")
    if len(p) > 200 and "Comments" not in p
][:30]


@pytest.fixture(scope="module")
def rules_only():
    # The statistical NER adds nothing to what this test checks (chunking, offsets,
    # time and memory bounds) but minutes of run time.
    return Extractor(load_pipeline(PROJECT_ROOT / "pipelines" / "rules-only.toml"))


def generated_report(size: int) -> list[str]:
    rng = random.Random(5)
    paragraphs, total = [], 0
    while total < size:
        paragraph = f"Item {len(paragraphs) + 1}. " + rng.choice(PARAGRAPHS)
        paragraphs.append(paragraph)
        total += len(paragraph) + 2
    return paragraphs


def findings(record) -> Counter:
    found = Counter()
    found.update(("money", str(m.amount), m.currency, str(m.usd)) for m in record.money)
    found.update(("date", d.value[4:]) for d in record.dates)
    found.update(("outcome", o.person, o.verdict) for o in record.outcomes)
    found.update(("entity", e.label, e.text) for e in record.entities)
    return found


def test_a_5mb_report_is_processed_completely_and_matches_its_parts(rules_only, tmp_path):
    paragraphs = generated_report(5_000_000)
    whole = tmp_path / "whole.txt"
    whole.write_text("\n\n".join(paragraphs), encoding="utf-8")
    parts = []
    size = len(paragraphs) // 5 + 1
    for index in range(5):
        part = tmp_path / f"part{index}.txt"
        part.write_text("\n\n".join(paragraphs[index * size : (index + 1) * size]), encoding="utf-8")
        parts.append(Source(str(part), part.stem))
    (record,) = rules_only.run([Source(str(whole), "whole")])
    assert record.__class__.__name__ == "Record", record
    assert len(record.text) > 4_900_000
    for mention in [*record.money, *record.dates, *record.entities]:
        assert record.text[mention.start : mention.end] == mention.text
    assert record.sentences[-1].end > len(record.text) - 1000
    of_parts = Counter()
    for part_record in rules_only.run(parts):
        of_parts += findings(part_record)
    assert findings(record) == of_parts
