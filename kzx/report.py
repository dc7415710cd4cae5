"""`kzx report`: one self-contained HTML page (inline CSS, inline SVG, no network).

A summary, a timeline of dated outcomes (outcomes whose year is unknown are
listed apart, never placed on a guessed year), a table of outcomes linking to
their evidence, and each document's text with its mentions highlighted. Texts
travel as JSON and are rendered when a document is opened, so a page for
thousands of documents still opens quickly.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from collections.abc import Iterable
from decimal import Decimal

from kzx.table import penalty_label

MONEY_KINDS = {"fine", "administrative_fine", "damages"}
_TIMEX = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")

CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1200px;padding:1em 2em;color:#222}
h1{margin-bottom:.2em} h2{border-bottom:2px solid #ddd;padding-bottom:.2em;margin-top:1.6em}
.cards{display:flex;gap:1em;flex-wrap:wrap}.card{background:#f4f6f8;border-radius:8px;padding:.6em 1em;min-width:9em}
.card b{display:block;font-size:1.6em}
table{border-collapse:collapse;width:100%;font-size:.92em}th,td{border-bottom:1px solid #e3e3e3;padding:.3em .5em;text-align:left;vertical-align:top}
th{background:#fafafa;position:sticky;top:0}
svg text{font:11px system-ui,sans-serif}.axis{stroke:#999}.mark{fill:#c0392b}
.doctext{white-space:pre-wrap;background:#fcfcfc;border:1px solid #eee;padding:1em;max-height:40em;overflow:auto}
mark{padding:0 .1em;border-radius:3px}mark.PERSON{background:#d6eaf8}mark.money{background:#d5f5e3}
mark.date{background:#fcf3cf}mark.outcome{background:#fadbd8}mark.target{outline:2px solid #c0392b}
details{margin:.3em 0}summary{cursor:pointer}
.legend mark{margin-right:.6em}
"""

SCRIPT = """
const docs = JSON.parse(document.getElementById('kzx-docs').textContent);
function esc(s){return s.replace(/[&<>"]/g, c => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c]));}
function renderDoc(d){
  const box = document.getElementById('text-' + d);
  if (box.dataset.done) return;
  const doc = docs[d], t = doc.text, events = [];
  doc.spans.forEach(([s, e, k, id]) => { events.push([s, 1, k, id], [e, 0, k, id]); });
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let out = '', pos = 0;
  for (const [at, open, k, id] of events){
    out += esc(t.slice(pos, at)); pos = at;
    out += open ? '<mark class="' + k + '"' + (id ? ' id="' + id + '"' : '') + '>' : '</mark>';
  }
  box.innerHTML = out + esc(t.slice(pos));
  box.dataset.done = '1';
}
document.querySelectorAll('details[data-doc]').forEach(el =>
  el.addEventListener('toggle', () => { if (el.open) renderDoc(+el.dataset.doc); }));
function follow(hash){
  const m = /^#ev-(\\d+)-\\d+$/.exec(hash); if (!m) return;
  const det = document.querySelector('details[data-doc="' + m[1] + '"]');
  det.open = true; renderDoc(+m[1]);
  document.querySelectorAll('mark.target').forEach(x => x.classList.remove('target'));
  const el = document.getElementById(hash.slice(1));
  if (el){ el.classList.add('target'); el.scrollIntoView({block: 'center'}); }
}
window.addEventListener('hashchange', () => follow(location.hash));
document.querySelectorAll('a.evidence').forEach(a => a.addEventListener('click', () => setTimeout(() => follow(a.getAttribute('href')), 0)));
"""


def year_fraction(value: str | None) -> float | None:
    """A TIMEX3 value as a point on a year axis, or None when the year is unknown.

    >>> year_fraction("2017-07-01"), year_fraction("2017"), year_fraction("XXXX-01-24")
    (2017.5, 2017.5, None)
    """
    match = _TIMEX.match(value or "")
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    if month is None:
        return year + 0.5
    return year + (month - 1) / 12 + ((day - 1) / 365 if day else 1 / 24)


def totals(records: list[dict]) -> dict[str, dict[str, Decimal]]:
    """Fines and damages by penalty kind: tenge (or other currency) and the dollars the text gives."""
    result: dict[str, dict[str, Decimal]] = {}
    for record in records:
        usd_by_amount = {
            (Decimal(str(m["amount"])), m["currency"]): m.get("usd") for m in record.get("money", [])
        }
        counted = set()
        for outcome in record.get("outcomes", []):
            for penalty in outcome.get("penalties", []):
                if penalty["kind"] not in MONEY_KINDS or penalty.get("amount") is None:
                    continue
                amount, currency = Decimal(str(penalty["amount"])), penalty.get("currency") or "?"
                # One award against several parties ("X and Y to pay ...") is one sum.
                key = (outcome["evidence"]["start"], penalty["kind"], amount, currency)
                if key in counted:
                    continue
                counted.add(key)
                sums = result.setdefault(penalty["kind"], {})
                sums[currency] = sums.get(currency, Decimal(0)) + amount
                usd = Decimal(str(amount)) if currency == "USD" else usd_by_amount.get((amount, currency))
                if usd is not None:
                    sums["USD equivalent"] = sums.get("USD equivalent", Decimal(0)) + Decimal(str(usd))
    return result


def build_report(records: Iterable[dict], title: str = "kzx report") -> str:
    records = list(records)
    outcomes = [(d, i, o) for d, r in enumerate(records) for i, o in enumerate(r.get("outcomes", []))]
    persons = {e.get("canonical") or e["text"] for r in records for e in r.get("entities", []) if e["label"] == "PERSON"}
    verdicts = Counter(o["verdict"] for _, _, o in outcomes)
    parts = [
        "<!doctype html><html lang=en><head><meta charset=utf-8>",
        f"<title>{html.escape(title)}</title><style>{CSS}</style></head><body>",
        f"<h1>{html.escape(title)}</h1>",
        _summary(len(records), len(persons), len(outcomes), verdicts, totals(records)),
        _timeline(records, outcomes),
        _outcome_table(records, outcomes),
        _documents(records),
        f"<script>{SCRIPT}</script></body></html>",
    ]
    return "\n".join(parts)


def _summary(documents: int, persons: int, outcomes: int, verdicts: Counter, money: dict) -> str:
    cards = "".join(
        f"<div class=card><b>{value}</b>{label}</div>"
        for label, value in (("documents", documents), ("persons", persons), ("court outcomes", outcomes))
    )
    verdict_rows = "".join(f"<tr><td>{html.escape(v)}</td><td>{n}</td></tr>" for v, n in verdicts.most_common())
    money_rows = "".join(
        f"<tr><td>{html.escape(kind)}</td><td>{html.escape(cur)}</td><td>{amount:,.0f}</td></tr>"
        for kind, sums in sorted(money.items()) for cur, amount in sums.items()
    ) or "<tr><td colspan=3>none stated</td></tr>"
    return (
        f"<section id=summary><h2>Summary</h2><div class=cards>{cards}</div>"
        f"<h3>Outcomes by verdict</h3><table id=verdicts><tr><th>verdict</th><th>outcomes</th></tr>{verdict_rows}</table>"
        f"<h3>Fines and damages</h3><table id=totals><tr><th>kind</th><th>currency</th><th>total</th></tr>{money_rows}</table></section>"
    )


def _timeline(records: list[dict], outcomes: list[tuple[int, int, dict]]) -> str:
    dated = sorted(
        ((year_fraction(o.get("date")), d, i, o) for d, i, o in outcomes if year_fraction(o.get("date")) is not None),
        key=lambda x: x[0],
    )
    undated = [(d, i, o) for d, i, o in outcomes if year_fraction(o.get("date")) is None]
    width, left, right, lane_height = 1100, 40, 40, 20
    svg = ""
    if dated:
        low, high = int(dated[0][0]), int(dated[-1][0]) + 1
        scale = (width - left - right) / max(high - low, 1)
        lanes: list[float] = []
        marks = []
        for when, d, i, o in dated:
            x = left + (when - low) * scale
            label = f"{o['person']} — {o['verdict']}"
            lane = next((n for n, end in enumerate(lanes) if end < x), len(lanes))
            if lane == len(lanes):
                lanes.append(0)
            lanes[lane] = x + 7 * len(label) + 16
            y = 30 + lane * lane_height
            marks.append(
                f'<a href="#ev-{d}-{i}" class=evidence><g class=outcome-mark><title>{html.escape(o.get("date") or "")}'
                f" {html.escape(label)}</title><circle class=mark cx={x:.1f} cy={y} r=5 />"
                f"<text x={x + 8:.1f} y={y + 4}>{html.escape(label)}</text></g></a>"
            )
        height = 50 + len(lanes) * lane_height
        ticks = "".join(
            f'<line class=axis x1={left + (year - low) * scale:.1f} x2={left + (year - low) * scale:.1f} y1={height - 22} y2={height - 16} />'
            f'<text x={left + (year - low) * scale - 14:.1f} y={height - 4}>{year}</text>'
            for year in range(low, high + 1)
        )
        svg = (
            f'<svg id=timeline-svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 {width} {height}">'
            f'<line class=axis x1={left} x2={width - right} y1={height - 22} y2={height - 22} />{ticks}{"".join(marks)}</svg>'
        )
    else:
        svg = "<p>No outcome has a date with a known year.</p>"
    apart = "".join(
        f'<li><a href="#ev-{d}-{i}" class=evidence>{html.escape(o["person"])} — {html.escape(o["verdict"])}</a>'
        f' ({html.escape(o.get("date") or "no date")}, {html.escape(records[d]["doc_id"])})</li>'
        for d, i, o in undated
    )
    return (
        f"<section id=timeline><h2>Timeline of dated outcomes</h2>{svg}"
        f"<h3>Outcomes whose year is unknown ({len(undated)})</h3><ul id=undated>{apart}</ul></section>"
    )


def _outcome_table(records: list[dict], outcomes: list[tuple[int, int, dict]]) -> str:
    rows = []
    for d, i, o in outcomes:
        penalties = "; ".join(penalty_label(p) for p in o.get("penalties", []))
        cells = [o.get("date") or "", o["person"], o["verdict"], o.get("court") or "", "; ".join(o.get("charges", [])), penalties]
        evidence = html.escape(o["evidence"]["text"][:160])
        rows.append(
            "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells)
            + f'<td><a href="#ev-{d}-{i}" class=evidence>{evidence}</a><br><small>{html.escape(records[d]["doc_id"])}</small></td></tr>'
        )
    header = "".join(f"<th>{h}</th>" for h in ("date", "person", "verdict", "court", "charges", "penalties", "evidence"))
    return f"<section id=outcomes><h2>Court outcomes</h2><table id=outcome-table><tr>{header}</tr>{''.join(rows)}</table></section>"


def _documents(records: list[dict]) -> str:
    payload = []
    items = []
    for d, record in enumerate(records):
        spans = [[o["evidence"]["start"], o["evidence"]["end"], "outcome", f"ev-{d}-{i}"] for i, o in enumerate(record.get("outcomes", []))]
        spans += [[e["start"], e["end"], "PERSON", ""] for e in record.get("entities", []) if e["label"] == "PERSON"]
        spans += [[m["start"], m["end"], "money", ""] for m in record.get("money", [])]
        spans += [[t["start"], t["end"], "date", ""] for t in record.get("dates", [])]
        payload.append({"text": record.get("text", ""), "spans": _nested(spans)})
        items.append(
            f'<details data-doc={d}><summary>{html.escape(record["doc_id"])} — '
            f'{len(record.get("outcomes", []))} outcomes, {len(record.get("money", []))} amounts, '
            f'{len(record.get("dates", []))} dates</summary><div class=doctext id=text-{d}></div></details>'
        )
    data = json.dumps(payload, ensure_ascii=False).replace("</", "<\\/")
    legend = "".join(f"<mark class={k}>{k.lower()}</mark>" for k in ("outcome", "PERSON", "money", "date"))
    return (
        f"<section id=documents><h2>Documents</h2><p class=legend>{legend}</p>{''.join(items)}"
        f'<script type="application/json" id=kzx-docs>{data}</script></section>'
    )


def _nested(spans: list[list]) -> list[list]:
    """Drop spans that cross another (HTML marks must nest); outer spans first.

    >>> _nested([[0, 10, "outcome", "a"], [2, 4, "date", ""], [8, 12, "money", ""]])
    [[0, 10, 'outcome', 'a'], [2, 4, 'date', '']]
    """
    kept: list[list] = []
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if all(span[1] <= k[0] or span[0] >= k[1] or (k[0] <= span[0] and span[1] <= k[1]) for k in kept):
            kept.append(span)
    return kept
