"""The JSONL contract: the committed schema, span invariants, exact amounts."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from pydantic import ValidationError

from kzx.cli import schema_json
from kzx.records import DateMention, MoneyMention, Penalty, Provenance, Record

from .conftest import ROOT

PROVENANCE = Provenance(kzx_version="0", pipeline="t", model="m", model_version="1")


def test_committed_schema_matches_the_code():
    committed = (ROOT / "schema" / "record.schema.json").read_text()
    assert json.loads(committed) == json.loads(schema_json()), (
        "schema/record.schema.json is stale: run `kzx schema > schema/record.schema.json`"
        " and bump SCHEMA_VERSION if readers are affected"
    )


def test_span_must_slice_text():
    money = MoneyMention(text="5 tenge", start=0, end=7, amount=Decimal(5), currency="KZT")
    Record(doc_id="d", source="s", text="5 tenge fine", money=[money], provenance=PROVENANCE)
    shifted = money.model_copy(update={"start": 1, "end": 8})
    with pytest.raises(ValidationError, match="does not slice"):
        Record(doc_id="d", source="s", text="5 tenge fine", money=[shifted], provenance=PROVENANCE)


def test_amounts_serialise_as_exact_decimal_strings():
    money = MoneyMention(
        text="12.96 million tenge", start=0, end=19, amount=Decimal("12960000"),
        currency="KZT", usd=Decimal("40000.10"),
    )
    data = json.loads(money.model_dump_json())
    assert data["amount"] == "12960000" and data["usd"] == "40000.10"


@pytest.mark.parametrize("value", ["2017-01-24", "2017-01", "2017", "XXXX-01-24", "XXXX-06"])
def test_timex_values_accepted(value):
    DateMention(text="x", start=0, end=1, value=value, granularity="day", year_source="text")


@pytest.mark.parametrize("value", ["2017-13", "XXXX-01-32", "17-01-24", "2017/01/24", ""])
def test_timex_values_rejected(value):
    with pytest.raises(ValidationError):
        DateMention(text="x", start=0, end=1, value=value, granularity="day", year_source="text")


@pytest.mark.parametrize("duration,ok", [("P5Y", True), ("P7Y6M", True), ("P18M", True),
                                         ("P2W", True), ("P", False), ("5Y", False), ("PY", False)])
def test_penalty_durations_are_iso8601(duration, ok):
    if ok:
        Penalty(kind="prison", duration=duration)
    else:
        with pytest.raises(ValidationError):
            Penalty(kind="prison", duration=duration)


def test_unknown_keys_are_rejected():
    with pytest.raises(ValidationError):
        Penalty(kind="prison", years=5)
