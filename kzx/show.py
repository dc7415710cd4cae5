"""`kzx show`: one document's cleaned text with its mentions highlighted, then its outcomes."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from kzx.table import penalty_label

# One style per kind, shared with the legend.
STYLES = {
    "outcome": "underline red",
    "PERSON": "bold cyan",
    "money": "bold green",
    "date": "bold yellow",
}


def spans_of(record: dict) -> list[tuple[int, int, str]]:
    """(start, end, style-key) of every mention worth highlighting; outcomes first, so
    the mentions inside an outcome's evidence are styled over it."""
    spans = [(o["evidence"]["start"], o["evidence"]["end"], "outcome") for o in record.get("outcomes", [])]
    spans += [(e["start"], e["end"], "PERSON") for e in record.get("entities", []) if e["label"] == "PERSON"]
    spans += [(m["start"], m["end"], "money") for m in record.get("money", [])]
    spans += [(d["start"], d["end"], "date") for d in record.get("dates", [])]
    return spans


def readings_of(record: dict, parse=None) -> list[str]:
    """For each outcome of `record`, the rows that read it ("surface:N": the N-th row of
    outcome_triggers.jsonl; "syntax:ID": a dependency row), re-read from the record's own
    text and mentions; "" where the re-reading differs (the record came from other code)."""
    from kzx.extract.outcomes import read_outcomes
    from kzx.records import DateMention, Entity, MoneyMention

    def load(model, items):
        return [model(**{k: v for k, v in item.items() if k in model.model_fields}) for item in items]

    read = read_outcomes(
        record["text"], [(s["start"], s["end"]) for s in record.get("sentences", [])],
        load(Entity, record.get("entities", [])), load(DateMention, record.get("dates", [])),
        load(MoneyMention, record.get("money", [])), parse,
    )
    by_key = {(o.person, o.verdict, o.evidence.start): ", ".join(rows) for o, rows in read}
    return [by_key.get((o["person"], o["verdict"], o["evidence"]["start"]), "") for o in record.get("outcomes", [])]


def render(record: dict, console: Console, readings: list[str] | None = None) -> None:
    text = Text(record["text"])
    for start, end, key in spans_of(record):
        text.stylize(STYLES[key], start, end)
    legend = Text("  ").join(Text(key.lower(), style=style) for key, style in STYLES.items())
    console.rule(f"{record['doc_id']}  ({record['source']})")
    console.print(legend)
    console.print(text)
    console.print(outcome_table(record, readings))


def outcome_table(record: dict, readings: list[str] | None = None) -> Table:
    table = Table(title=f"{len(record.get('outcomes', []))} court outcomes", expand=False)
    columns = ["person", "verdict", "court", "date", "charges", "penalties"] + (["read by"] if readings else [])
    for column in columns:
        table.add_column(column, overflow="fold")
    for n, outcome in enumerate(record.get("outcomes", [])):
        penalties = "; ".join(penalty_label(p) for p in outcome.get("penalties", []))
        table.add_row(
            outcome["person"], outcome["verdict"], outcome.get("court") or "",
            outcome.get("date") or "", "; ".join(outcome.get("charges", [])), penalties,
            *([readings[n]] if readings else []),
        )
    return table
