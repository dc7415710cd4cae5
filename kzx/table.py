"""`kzx table`: one flat row per outcome, penalty, amount, date or entity.

Columns and their types are declared once here (COLUMNS); the README lists them.
CSV by default; Parquet (typed columns, exact decimals) when the file ends in .parquet.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path

# Column name -> type: str, int, bool, decimal (exact), list (joined with "; " in CSV).
_DOC = {"doc_id": "str", "source": "str"}
_SPAN = {"text": "str", "start": "int", "end": "int", "raw_start": "int", "raw_end": "int", "sentence_text": "str"}
_EVIDENCE = {"evidence_text": "str", "evidence_start": "int", "evidence_end": "int"}
_FRAME = {"person": "str", "verdict": "str", "court": "str", "date": "str"}
COLUMNS: dict[str, dict[str, str]] = {
    "outcomes": {**_DOC, **_FRAME, "charges": "list", "penalties": "str", **_EVIDENCE},
    "penalties": {
        **_DOC, **_FRAME, "kind": "str", "duration": "str", "amount": "decimal", "currency": "str",
        **_EVIDENCE,
    },
    "money": {
        **_DOC, **_SPAN, "amount": "decimal", "currency": "str", "usd": "decimal",
        "approximate": "bool", "bound": "str", "amount_max": "decimal", "mci": "decimal",
    },
    "dates": {**_DOC, **_SPAN, "value": "str", "granularity": "str", "year_source": "str"},
    "entities": {**_DOC, **_SPAN, "label": "str", "canonical": "str"},
}
KINDS = tuple(COLUMNS)


def read_records(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{path}:{number}: not JSON ({exc.msg})") from None


def rows(records: Iterable[dict], kind: str) -> Iterator[dict]:
    """Flat rows of one kind, each with every column of COLUMNS[kind]."""
    columns = COLUMNS[kind]
    for record in records:
        for row in _rows_of(record, kind):
            yield {name: row.get(name) for name in columns}


def _rows_of(record: dict, kind: str) -> Iterator[dict]:
    doc = {"doc_id": record["doc_id"], "source": record["source"]}
    if kind in ("outcomes", "penalties"):
        for outcome in record.get("outcomes", []):
            evidence = outcome["evidence"]
            base = {
                **doc, **{k: outcome.get(k) for k in _FRAME},
                "evidence_text": evidence["text"], "evidence_start": evidence["start"],
                "evidence_end": evidence["end"],
            }
            if kind == "outcomes":
                yield {**base, "charges": outcome.get("charges", []),
                       "penalties": "; ".join(penalty_label(p) for p in outcome.get("penalties", []))}
            else:
                for penalty in outcome.get("penalties", []):
                    yield {**base, **penalty}
        return
    sentences = record.get("sentences", [])
    text = record.get("text", "")
    for mention in record.get(kind, []):
        index = mention.get("sentence")
        sentence = sentences[index] if index is not None and index < len(sentences) else None
        yield {**doc, **mention,
               "sentence_text": text[sentence["start"] : sentence["end"]].strip() if sentence else None}


def penalty_label(penalty: dict) -> str:
    """
    >>> penalty_label({"kind": "prison", "duration": "P4Y"})
    'prison P4Y'
    >>> penalty_label({"kind": "fine", "amount": "113450", "currency": "KZT"})
    'fine 113450 KZT'
    """
    parts = [penalty["kind"], penalty.get("duration"), penalty.get("amount"), penalty.get("currency")]
    return " ".join(str(p) for p in parts if p)


def write_csv(table_rows: Iterable[dict], kind: str, out: Path | None) -> int:
    columns = COLUMNS[kind]
    fh = sys.stdout if out is None else out.open("w", encoding="utf-8", newline="")
    count = 0
    try:
        writer = csv.DictWriter(fh, fieldnames=list(columns))
        writer.writeheader()
        for row in table_rows:
            writer.writerow({k: _csv_value(v, columns[k]) for k, v in row.items()})
            count += 1
    finally:
        if out is not None:
            fh.close()
    return count


def _csv_value(value: object, kind: str) -> object:
    if value is None:
        return ""
    if kind == "list":
        return "; ".join(value)
    return value


def write_parquet(table_rows: Iterable[dict], kind: str, out: Path) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise RuntimeError("Parquet output needs pyarrow: pip install 'kzx[table]' (make install includes it)") from None
    types = {
        "str": pa.string(), "int": pa.int64(), "bool": pa.bool_(),
        "decimal": pa.decimal128(38, 6), "list": pa.list_(pa.string()),
    }
    columns = COLUMNS[kind]
    schema = pa.schema([(name, types[t]) for name, t in columns.items()])
    data = list(table_rows)
    for row in data:
        for name, t in columns.items():
            if t == "decimal" and row[name] is not None:
                row[name] = Decimal(str(row[name]))
    pq.write_table(pa.Table.from_pylist(data, schema=schema), out)
    return len(data)
