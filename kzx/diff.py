"""`kzx diff`: what changed between two runs, document by document.

Documents are matched by `doc_id`; mentions and outcomes by a key that survives
shifted offsets: the kind, the mention's text (an outcome's person and verdict)
and its occurrence number among mentions with that key. Offsets are compared
only when asked, since a cleaning change shifts every offset after it.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

# Vary between runs or versions without the extraction changing.
IGNORED_RECORD_FIELDS = {"provenance"}
OFFSET_FIELDS = {"start", "end", "raw_start", "raw_end", "sentence", "section"}
# Record fields that are spans only: compared with the offsets.
SPAN_LISTS = {"sections", "sentences"}
KINDS = ("entities", "dates", "money", "outcomes")


class DiffInputError(ValueError):
    """A file that cannot be compared; the message names it and the line."""


@dataclass
class Change:
    kind: str
    key: str
    change: str  # added, removed, changed
    fields: dict[str, tuple[object, object]] = field(default_factory=dict)
    item: dict | None = None

    def to_json(self) -> dict:
        data: dict = {"kind": self.kind, "key": self.key, "change": self.change}
        if self.fields:
            data["fields"] = {k: {"old": a, "new": b} for k, (a, b) in self.fields.items()}
        if self.item is not None:
            data["item"] = self.item
        return data


@dataclass
class DocumentDiff:
    doc_id: str
    status: str  # added, removed, changed
    changes: list[Change] = field(default_factory=list)


def load_records(path: Path) -> dict[str, dict]:
    if not path.is_file():
        raise DiffInputError(f"{path}: no such file")
    records: dict[str, dict] = {}
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise DiffInputError(f"{path}:{number}: not JSON ({exc.msg})") from None
            if not isinstance(record, dict) or "doc_id" not in record:
                raise DiffInputError(f"{path}:{number}: not a kzx record (no doc_id)")
            records[record["doc_id"]] = record
    return records


def diff_runs(old: dict[str, dict], new: dict[str, dict], offsets: bool = False) -> list[DocumentDiff]:
    """Per-document differences, in the old run's order, then documents only the new run has."""
    result = []
    for doc_id in [*old, *(d for d in new if d not in old)]:
        if doc_id not in new:
            result.append(DocumentDiff(doc_id, "removed"))
        elif doc_id not in old:
            result.append(DocumentDiff(doc_id, "added"))
        else:
            changes = diff_records(old[doc_id], new[doc_id], offsets)
            if changes:
                result.append(DocumentDiff(doc_id, "changed", changes))
    return result


def diff_records(old: dict, new: dict, offsets: bool = False) -> list[Change]:
    changes: list[Change] = []
    for name in sorted((set(old) | set(new)) - set(KINDS) - IGNORED_RECORD_FIELDS):
        if name in SPAN_LISTS and not offsets:
            continue
        if old.get(name) != new.get(name):
            changes.append(Change("record", name, "changed", {name: (_short(old.get(name)), _short(new.get(name)))}))
    for kind in KINDS:
        changes += _diff_items(kind, old.get(kind, []), new.get(kind, []), offsets)
    return changes


def _diff_items(kind: str, old: list[dict], new: list[dict], offsets: bool) -> list[Change]:
    old_keyed, new_keyed = _keyed(kind, old), _keyed(kind, new)
    changes = []
    for key in [*old_keyed, *(k for k in new_keyed if k not in old_keyed)]:
        if key not in new_keyed:
            changes.append(Change(kind, key, "removed", item=old_keyed[key]))
        elif key not in old_keyed:
            changes.append(Change(kind, key, "added", item=new_keyed[key]))
        else:
            fields = _field_changes(old_keyed[key], new_keyed[key], offsets)
            if fields:
                changes.append(Change(kind, key, "changed", fields))
    return changes


def _keyed(kind: str, items: Iterable[dict]) -> dict[str, dict]:
    """Items by a key that survives shifted offsets.

    >>> list(_keyed("dates", [{"text": "June"}, {"text": "June"}]))
    ['June #1', 'June #2']
    """
    seen: Counter[str] = Counter()
    keyed = {}
    for item in items:
        base = f"{item.get('person')} {item.get('verdict')}" if kind == "outcomes" else str(item.get("text"))
        seen[base] += 1
        keyed[f"{base} #{seen[base]}"] = item
    return keyed


def _field_changes(old: dict, new: dict, offsets: bool, prefix: str = "") -> dict[str, tuple[object, object]]:
    fields = {}
    for name in sorted(set(old) | set(new)):
        if not offsets and name in OFFSET_FIELDS:
            continue
        a, b = old.get(name), new.get(name)
        if isinstance(a, dict) and isinstance(b, dict):
            fields.update(_field_changes(a, b, offsets, f"{prefix}{name}."))
        elif a != b:
            fields[f"{prefix}{name}"] = (a, b)
    return fields


def _short(value: object, limit: int = 80) -> object:
    if isinstance(value, str) and len(value) > limit:
        return value[:limit] + f"… ({len(value)} chars)"
    if isinstance(value, list):
        return f"{len(value)} items"
    return value


def summary_counts(diffs: list[DocumentDiff]) -> dict[str, Counter]:
    """Counts of added, removed and changed items per kind (and documents)."""
    counts: dict[str, Counter] = {kind: Counter() for kind in ("documents", "record", *KINDS)}
    for doc in diffs:
        counts["documents"][doc.status] += 1
        for change in doc.changes:
            counts[change.kind][change.change] += 1
    return counts


def to_json(diffs: list[DocumentDiff]) -> dict:
    return {
        "identical": not diffs,
        "summary": {kind: dict(c) for kind, c in summary_counts(diffs).items()},
        "documents": [
            {"doc_id": d.doc_id, "status": d.status, "changes": [c.to_json() for c in d.changes]}
            for d in diffs
        ],
    }


def render(diffs: list[DocumentDiff], console) -> None:
    """A summary table, then each document's changes."""
    from rich.table import Table

    table = Table(title="kzx diff")
    for column in ("kind", "added", "removed", "changed"):
        table.add_column(column, justify="left" if column == "kind" else "right")
    for kind, counts in summary_counts(diffs).items():
        table.add_row(kind, *(str(counts.get(c, 0)) for c in ("added", "removed", "changed")))
    console.print(table)
    for doc in diffs:
        console.print(f"[bold]{doc.doc_id}[/]: {doc.status}", highlight=False)
        for change in doc.changes:
            if change.change == "changed":
                for name, (a, b) in change.fields.items():
                    console.print(f"  ~ {change.kind} {change.key!r} {name}: {a!r} -> {b!r}", highlight=False, markup=False)
            else:
                sign = "+" if change.change == "added" else "-"
                console.print(f"  {sign} {change.kind} {change.key!r}", highlight=False, markup=False)
