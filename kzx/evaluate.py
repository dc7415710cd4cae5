"""Score `kzx extract` records against the gold annotations.

Implements "How outputs are scored" of the gold FORMAT.md: cleaning shares,
precision/recall/F1 for persons, money, dates, outcomes and penalties, and the
shares checked on matched money and date pairs. Records are plain dicts parsed
from JSONL, so a record that the model in `kzx.records` would reject can still
be scored.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from rich.table import Table

PRF_AREAS = ("persons", "money", "dates", "outcomes", "penalties")
SHARE_AREAS = (
    "boilerplate", "keep", "duplicates",
    "money_usd", "money_approximate", "dates_year_ok", "dates_year_wrong",
)
FAILURE_SHARES = frozenset({"dates_year_wrong"})
TOLERANCE = 1e-9
UNKNOWN_YEAR = "XXXX"

# Leading words that address or describe a person rather than name them, so that
# "Chairman Smith" and "Mr. Kozlov" reduce to the surname-bearing part.
TITLES = frozenset(
    "mr mrs ms miss mister dr prof sir madam hon honorable rep sen senator ex "
    "chairman chairwoman chair president ambassador judge prosecutor minister".split()
)
_POSSESSIVE = re.compile(r"['’]s\b")


# Areas a gold file's `scope` may name; penalties follow outcomes, and the shares
# checked on matched money and dates follow money and dates.
SCOPE_AREAS = ("boilerplate", "keep", "duplicates", "persons", "money", "dates", "outcomes")
_SCOPED = {
    "penalties": "outcomes", "money_usd": "money", "money_approximate": "money",
    "dates_year_ok": "dates", "dates_year_wrong": "dates", "dates_year": "dates",
}


def load_gold(directory: Path) -> list[dict]:
    """Every `*.gold.json` in `directory` and its subdirectories, sorted by path."""
    paths = sorted(Path(directory).rglob("*.gold.json"))
    return [json.loads(path.read_text(encoding="utf-8")) for path in paths]


def gold_scope(gold: dict) -> frozenset[str]:
    """The areas a gold file annotates: its `scope`, or all of them.

    >>> sorted(gold_scope({"scope": ["keep", "boilerplate"]}))
    ['boilerplate', 'keep']
    >>> len(gold_scope({})) == len(SCOPE_AREAS)
    True
    """
    scope = gold.get("scope")
    return frozenset(SCOPE_AREAS if scope is None else scope)


def in_scope(area: str, scope: frozenset[str]) -> bool:
    return _SCOPED.get(area, area) in scope


def squeeze(text: str) -> str:
    """`text` without any white space.

    >>> squeeze("May 2019\\n tenge") == squeeze("May2019 tenge")
    True
    """
    return "".join(text.split())


def fold_tokens(name: str) -> tuple[str, ...]:
    """Case-folded word tokens of a name: possessive 's, accents and punctuation
    dropped, dashes splitting words.

    >>> fold_tokens("Mr. Kozlov’s")
    ('mr', 'kozlov')
    >>> fold_tokens("Ratel.kz"), fold_tokens("Kassym-Jomart Tokayev")
    (('ratelkz',), ('kassym', 'jomart', 'tokayev'))
    """
    text = _POSSESSIVE.sub("", unicodedata.normalize("NFKD", name).casefold())
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if category == "Pd":
            kept.append(" ")
        elif not (category.startswith("P") or unicodedata.combining(char)):
            kept.append(char)
    return tuple("".join(kept).split())


def person_tokens(name: str) -> tuple[str, ...]:
    """`fold_tokens` without leading titles (a lone title is kept).

    >>> person_tokens("Chairman Smith"), person_tokens("Mr.")
    (('smith',), ('mr',))
    """
    tokens = fold_tokens(name)
    while len(tokens) > 1 and tokens[0] in TITLES:
        tokens = tokens[1:]
    return tokens


def same_person(gold: tuple[str, ...], output: tuple[str, ...]) -> bool:
    """True when the shorter name is the surname-bearing part of the longer: it
    ends with the same surname and its tokens appear in order in the longer one.

    >>> same_person(("yevgeny", "zhovtis"), ("zhovtis",))
    True
    >>> same_person(("christopher", "h", "smith"), ("christopher", "smith"))
    True
    >>> same_person(("rakhat", "aliyev"), ("khozha", "aliyev"))
    False
    """
    shorter, longer = sorted((gold, output), key=len)
    if not shorter or shorter[-1] != longer[-1]:
        return False
    remaining = iter(longer)
    return all(token in remaining for token in shorter)


def surname(name: str | None) -> str:
    """Last folded token of a person's or outlet's name.

    >>> surname("Zhanbolat Mamay’s"), surname("Forbes Kazakhstan")
    ('mamay', 'kazakhstan')
    """
    tokens = fold_tokens(name or "")
    return tokens[-1] if tokens else ""


def to_decimal(value: Any) -> Decimal | None:
    """A JSON number or decimal string as a Decimal; None when absent or unreadable.

    >>> to_decimal("12960000") == to_decimal(12960000) == to_decimal(12.96e6)
    True
    """
    if value is None or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))  # str() spells 0.1, not 0.1000000000000000055...
    except InvalidOperation:
        return None


def money_key(item: dict) -> tuple[Decimal | None, str]:
    return to_decimal(item.get("amount")), str(item.get("currency") or "").upper()


def outcome_key(outcome: dict) -> tuple[str, str]:
    """(surname, verdict); the gold records a conviction and its sentence as one.

    >>> outcome_key({"person": "Vladimir Kozlov", "verdict": "sentenced"})
    ('kozlov', 'convicted')
    """
    verdict = str(outcome.get("verdict") or "")
    return surname(outcome.get("person")), "convicted" if verdict == "sentenced" else verdict


_DURATION = re.compile(r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?")


def duration_value(duration: str) -> tuple[int, int] | str:
    """An ISO 8601 duration as (months, days), so that equal lengths compare equal;
    a text it cannot read stays as it is (upper-cased).

    >>> duration_value("P18M") == duration_value("P1Y6M"), duration_value("P2W")
    (True, (0, 14))
    >>> duration_value("P1M") == duration_value("P30D")
    False
    """
    text = str(duration).upper()
    match = _DURATION.fullmatch(text)
    if not match or text == "P":
        return text
    years, months, weeks, days = (int(part or 0) for part in match.groups())
    return 12 * years + months, 7 * weeks + days


def penalty_rows(outcomes: list[dict]) -> list[tuple[str, str, Any]]:
    """(person, kind, duration or amount) for every penalty of every outcome;
    durations by value.

    >>> penalty_rows([{"person": "A B", "penalties": [{"kind": "fine", "amount": "10"}]}])
    [('A B', 'fine', Decimal('10'))]
    >>> penalty_rows([{"person": "A B", "penalties": [{"kind": "prison", "duration": "P1Y6M"}]}])
    [('A B', 'prison', (18, 0))]
    """
    rows = []
    for outcome in outcomes:
        for penalty in outcome.get("penalties") or []:
            duration = penalty.get("duration")
            measure = duration_value(duration) if duration else to_decimal(penalty.get("amount"))
            rows.append((str(outcome.get("person") or ""), str(penalty.get("kind") or ""), measure))
    return rows


def match_pairs(
    golds: Sequence, outputs: Sequence, *tiers: Callable[[Any, Any], bool]
) -> list[tuple[int, int]]:
    """Maximum one-to-one matching of gold and output indices (augmenting paths).

    Pairs a stricter, earlier tier allows are made first; a looser tier then only
    adds pairs, re-pairing where that matches more items in all.

    >>> match_pairs(["zhovtis", "kozlov"], ["kozlov", "kozlov"], str.__eq__)
    [(1, 0)]
    >>> share_a_letter = lambda g, o: bool(set(g) & set(o))
    >>> match_pairs(["ab", "b"], ["ab", "a"], str.__eq__, share_a_letter)
    [(0, 1), (1, 0)]
    """
    owner: dict[int, int] = {}  # output index -> gold index
    edges: dict[int, list[int]] = {}

    def augment(g: int, seen: set[int]) -> bool:
        for o in edges[g]:
            if o not in seen:
                seen.add(o)
                if o not in owner or augment(owner[o], seen):
                    owner[o] = g
                    return True
        return False

    for depth in range(1, len(tiers) + 1):
        edges = {g: [o for o, output in enumerate(outputs)
                     if any(allowed(gold, output) for allowed in tiers[:depth])]
                 for g, gold in enumerate(golds)}
        for g in range(len(golds)):
            if g not in owner.values():
                augment(g, set())
    return sorted((g, o) for o, g in owner.items())


def tally(area: str, golds: Sequence, outputs: Sequence, pairs: list[tuple[int, int]],
          describe: Callable[[Any], str]) -> dict:
    """Counts, missed gold items and spurious output items of one area's matching."""
    tp = len(pairs)
    paired_golds, paired_outputs = {g for g, _ in pairs}, {o for _, o in pairs}
    return {
        "counts": {area: Counter(tp=tp, fp=len(outputs) - tp, fn=len(golds) - tp)},
        "misses": {area: [describe(x) for i, x in enumerate(golds) if i not in paired_golds]},
        "spurious": {area: [describe(x) for i, x in enumerate(outputs) if i not in paired_outputs]},
    }


def merge(*parts: dict) -> dict:
    """One dict of counts, misses and spurious items from several areas' ones."""
    merged: dict[str, dict] = {"counts": {}, "misses": {}, "spurious": {}}
    for part in parts:
        for key in merged:
            merged[key] |= part.get(key, {})
    return merged


def locate_dates(text: str, gold_dates: list[dict]) -> list[tuple[int, int] | None]:
    """Span in `text` of each gold date, white space ignored; None where not found.

    The k-th gold date with a given text takes the k-th free occurrence of it.
    Longer texts are placed first, and an occurrence must not overlap a placed
    date nor sit inside a longer word, so "May 12" is not found inside
    "May 12, 2009", nor "January 1" inside "January 10".

    >>> locate_dates("January 10 and January 1", [{"text": "January 1"}])
    [(15, 24)]
    >>> text = "On May 12, 2009 and May 12"
    >>> locate_dates(text, [{"text": "May 12"}, {"text": "May 12, 2009"}])
    [(20, 26), (3, 15)]
    """
    squeezed = squeeze(text)
    offsets = [i for i, char in enumerate(text) if not char.isspace()]
    by_needle: dict[str, list[int]] = {}
    for index, date in enumerate(gold_dates):
        by_needle.setdefault(squeeze(str(date.get("text") or "")), []).append(index)
    spans: list[tuple[int, int] | None] = [None] * len(gold_dates)
    placed: list[tuple[int, int]] = []  # in squeezed offsets

    def free_occurrences(needle: str) -> Iterator[tuple[int, int]]:
        start = squeezed.find(needle) if needle else -1
        while start != -1:
            end = start + len(needle)
            raw_start, raw_end = offsets[start], offsets[end - 1] + 1
            glued = (needle[0].isalnum() and raw_start > 0 and text[raw_start - 1].isalnum()) or (
                needle[-1].isalnum() and raw_end < len(text) and text[raw_end].isalnum())
            if not glued and not any(s < end and start < e for s, e in placed):
                placed.append((start, end))  # read lazily, so later finds skip this one
                yield raw_start, raw_end
            start = squeezed.find(needle, start + 1)

    for needle, indices in sorted(by_needle.items(), key=lambda item: -len(item[0])):
        for index, span in zip(indices, free_occurrences(needle), strict=False):
            spans[index] = span
    return spans


def year_and_rest(value: str | None) -> tuple[str, str]:
    """('2017', '-01-24') for '2017-01-24'."""
    value = str(value or "")
    return value[:4], value[4:]


def same_date_value(gold: str | None, output: str | None) -> bool:
    """Same month and day; the whole value where the gold is a bare year.

    >>> same_date_value("XXXX-01-24", "2017-01-24"), same_date_value("2016", "XXXX")
    (True, False)
    """
    (_, gold_rest), (_, output_rest) = year_and_rest(gold), year_and_rest(output)
    return gold_rest == output_rest if gold_rest else str(gold) == str(output)


def score_dates(text: str, gold_dates: list[dict], output_dates: list[dict]) -> dict:
    """Dates one to one on overlapping spans, exact values preferred; then years."""
    golds = list(zip(locate_dates(text, gold_dates), gold_dates, strict=True))

    def overlaps(gold: tuple, output: dict) -> bool:
        span, start, end = gold[0], output.get("start"), output.get("end")
        return bool(span) and isinstance(start, int) and isinstance(end, int) \
            and start < span[1] and span[0] < end

    def describe(item: Any) -> str:
        span, date = item if isinstance(item, tuple) else ((item.get("start"), None), item)
        where = f"at {span[0]}" if span else "not found in text"
        return f"{date.get('text')!r} {date.get('value')} ({where})"

    pairs = match_pairs(
        golds, output_dates,
        lambda g, o: overlaps(g, o) and g[1].get("value") == o.get("value"),
        lambda g, o: overlaps(g, o) and same_date_value(g[1].get("value"), o.get("value")))
    year_ok, year_wrong, year_misses = Counter(), Counter(), []
    for g, o in pairs:
        gold_year, _ = year_and_rest(gold_dates[g].get("value"))
        output_year, _ = year_and_rest(output_dates[o].get("value"))
        if gold_year != UNKNOWN_YEAR:
            year_ok.update(hits=int(output_year == gold_year), total=1)
            year_wrong.update(hits=int(output_year not in (gold_year, UNKNOWN_YEAR)), total=1)
        # Listed but not scored: a year stated where the gold leaves it open is
        # still a guess a developer wants to see.
        if output_year != gold_year:
            year_misses.append(f"{describe(golds[g])}: output {output_dates[o].get('value')}")
    years = {"counts": {"dates_year_ok": year_ok, "dates_year_wrong": year_wrong},
             "misses": {"dates_year": year_misses}}
    return merge(tally("dates", golds, output_dates, pairs, describe), years)


def score_cleaning(gold: dict, text: str | None) -> dict:
    """Shares of the cleaning checks, white space ignored. Without a record
    (`text` None) nothing passes: an empty text would pass every boilerplate check."""
    squeezed = squeeze(text) if text is not None else None
    passes = {
        "boilerplate": lambda needle: needle not in squeezed,
        "keep": lambda needle: needle in squeezed,
        "duplicates": lambda needle: squeezed.count(needle) == 1,
    }
    result: dict[str, dict] = {"counts": {}, "misses": {}, "spurious": {}}
    for area, passed in passes.items():
        failed = [s for s in gold.get(area, []) if squeezed is None or not passed(squeeze(s))]
        total = len(gold.get(area, []))
        result["counts"][area] = Counter(hits=total - len(failed), total=total)
        result["misses"][area] = failed
    return result


def score_persons(gold_names: list[str], entities: list[dict]) -> dict:
    """The set of PERSON canonical names (text where none) against the gold names."""
    names: dict[tuple[str, ...], str] = {}  # folded name -> first spelling, so a set up to folding
    for entity in entities:
        name = str(entity.get("canonical") or entity.get("text") or "")
        if entity.get("label") == "PERSON" and person_tokens(name):
            names.setdefault(person_tokens(name), name)
    gold_keys = [person_tokens(name) for name in gold_names]
    pairs = match_pairs(gold_keys, list(names), tuple.__eq__, same_person)
    return tally("persons", gold_names, list(names.values()), pairs, str)


def score_money(gold_money: list[dict], output_money: list[dict]) -> dict:
    """Money one to one on (amount, currency); usd and approximate on the pairs."""
    def describe(item: dict) -> str:
        return "{!r} {} {}".format(item.get("text"), *money_key(item))

    pairs = match_pairs(gold_money, output_money, lambda g, o: money_key(g) == money_key(o))
    result = tally("money", gold_money, output_money, pairs, describe)
    for field, same in (("usd", lambda a, b: to_decimal(a) == to_decimal(b)),
                        ("approximate", lambda a, b: bool(a) == bool(b))):
        checked = [(gold_money[g], output_money[o]) for g, o in pairs]
        failed = [(g, o) for g, o in checked if not same(g.get(field), o.get(field))]
        result["counts"][f"money_{field}"] = Counter(
            hits=len(checked) - len(failed), total=len(checked))
        result["misses"][f"money_{field}"] = [
            f"{describe(g)}: {field} {g.get(field)}, output {o.get(field)}" for g, o in failed]
    return result


def score_outcomes(gold_outcomes: list[dict], output_outcomes: list[dict]) -> dict:
    """Outcomes on (surname, verdict), penalties on (surname, kind, duration or amount)."""
    pairs = match_pairs(
        gold_outcomes, output_outcomes, lambda g, o: outcome_key(g) == outcome_key(o))
    gold_rows, output_rows = penalty_rows(gold_outcomes), penalty_rows(output_outcomes)
    penalty_pairs = match_pairs(
        gold_rows, output_rows, lambda g, o: (surname(g[0]), *g[1:]) == (surname(o[0]), *o[1:]))
    return merge(
        tally("outcomes", gold_outcomes, output_outcomes, pairs,
              lambda outcome: f"{outcome.get('person')}: {outcome.get('verdict')}"),
        tally("penalties", gold_rows, output_rows, penalty_pairs,
              lambda row: f"{row[0]}: {row[1]} {row[2]}"))


def prf(tp: int, fp: int, fn: int) -> dict:
    """Precision, recall and F1; a ratio 0/0 is 1.0 only when nothing was there to
    find and nothing was found, else 0.0.

    >>> prf(0, 0, 0)["f1"], prf(0, 0, 3)["p"], prf(3, 1, 0)["p"]
    (1.0, 0.0, 0.75)
    """
    perfect = 1.0 if tp + fp + fn == 0 else 0.0
    p = tp / (tp + fp) if tp + fp else perfect
    r = tp / (tp + fn) if tp + fn else perfect
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def share(hits: int, total: int, empty: float = 1.0) -> dict:
    return {"share": hits / total if total else empty, "hits": hits, "total": total}


def figures(counts: dict[str, Counter]) -> dict:
    """Figures of every area; an area without counts (out of a gold file's scope)
    scores as one with nothing to find."""
    none: Counter = Counter()
    result = {area: prf(*(counts.get(area, none)[key] for key in ("tp", "fp", "fn")))
              for area in PRF_AREAS}
    for area in SHARE_AREAS:
        # With nothing to check, a share of failures is 0.0, not the 1.0 of a share of passes.
        empty = 0.0 if area in FAILURE_SHARES else 1.0
        result[area] = share(counts.get(area, none)["hits"], counts.get(area, none)["total"], empty)
    return result


def source_name(source: str) -> str:
    """The file name at the end of a record's `source`, for either path separator."""
    return re.split(r"[\\/]", source)[-1]


def score_document(gold: dict, record: dict | None) -> dict:
    """Counts, misses and spurious items of one gold document, in its scope:
    an area the gold does not annotate counts neither hits nor false positives."""
    text = None if record is None else str(record.get("text") or "")
    record = record or {}
    result = merge(
        score_cleaning(gold, text),
        score_persons(gold.get("persons", []), record.get("entities") or []),
        score_money(gold.get("money", []), record.get("money") or []),
        score_dates(str(text or ""), gold.get("dates", []), record.get("dates") or []),
        score_outcomes(gold.get("outcomes", []), record.get("outcomes") or []),
    )
    scope = gold_scope(gold)
    return {key: {area: value for area, value in part.items() if in_scope(area, scope)}
            for key, part in result.items()}


def score(gold_docs: list[dict], records: list[dict]) -> dict:
    """Micro-averaged scores over all gold documents, plus a `documents` breakdown.

    A record is matched to a gold document when the file name of its `source` is
    the gold `doc` (the first such record wins); records without gold are ignored.
    """
    by_doc: dict[str, dict] = {}
    for record in records:
        by_doc.setdefault(source_name(str(record.get("source") or "")), record)
    totals: dict[str, Counter] = {area: Counter() for area in PRF_AREAS + SHARE_AREAS}
    documents = {}
    for gold in gold_docs:
        record = by_doc.get(gold["doc"])
        result = score_document(gold, record)
        for area, counts in result["counts"].items():
            totals[area].update(counts)
        documents[gold["doc"]] = {**figures(result["counts"]), "has_record": record is not None,
                                  "scope": sorted(gold_scope(gold)),
                                  "misses": result["misses"], "spurious": result["spurious"]}
    return {**figures(totals), "documents": documents}


def load_groups(path: Path) -> dict[str, str]:
    """Gold document name -> group, from a TSV of `doc<TAB>group` lines ('#' comments)."""
    groups = {}
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        doc, tab, group = line.partition("\t")
        if not tab or not group.strip():
            raise ValueError(f"{path}:{number}: expected 'doc<TAB>group'")
        groups[doc.strip()] = group.strip()
    return groups


def score_groups(gold_docs: list[dict], records: list[dict], groups: dict[str, str]) -> dict:
    """`score` of each group's documents (documents not in `groups` form "other")."""
    members: dict[str, list[dict]] = {}
    for gold in gold_docs:
        members.setdefault(groups.get(gold["doc"], "other"), []).append(gold)
    return {name: {k: v for k, v in score(docs, records).items() if k != "documents"}
            | {"documents_scored": len(docs)} for name, docs in members.items()}


def lookup(scores: dict, path: str) -> Any:
    """The value at a dotted path; keys may hold dots themselves (document names).

    >>> lookup({"documents": {"a.txt": {"persons": {"f1": 0.5}}}}, "documents.a.txt.persons.f1")
    0.5
    """
    node: Any = scores
    while path:
        keys = [k for k in node if path == k or path.startswith(f"{k}.")] \
            if isinstance(node, dict) else []
        if not keys:
            raise KeyError(path)
        key = max(keys, key=len)
        node, path = node[key], path[len(key) + 1:]
    return node


def check_thresholds(scores: dict, thresholds: dict) -> list[str]:
    """One message per figure below its `min` or above its `max`; empty when all pass.

    >>> check_thresholds({"persons": {"f1": 0.5}}, {"min": {"persons.f1": 0.7}})
    ['persons.f1 = 0.500 is below the minimum 0.700']
    """
    failures = []
    for bound, path_limits in thresholds.items():
        if bound.startswith("_"):  # comments
            continue
        if bound not in ("min", "max"):
            failures.append(f"unknown threshold kind {bound!r} (use 'min' or 'max')")
            continue
        for path, limit in path_limits.items():
            try:
                value = lookup(scores, path)
            except KeyError:
                failures.append(f"{path} is not a figure of the scores")
                continue
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                failures.append(f"{path} is not a number: {value!r}")
            elif bound == "min" and value < limit - TOLERANCE:
                failures.append(f"{path} = {value:.3f} is below the minimum {limit:.3f}")
            elif bound == "max" and value > limit + TOLERANCE:
                failures.append(f"{path} = {value:.3f} is above the maximum {limit:.3f}")
    return failures


GROUP_COLUMNS = (("persons", "f1"), ("money", "f1"), ("dates", "f1"), ("outcomes", "f1"),
                 ("penalties", "f1"), ("boilerplate", "share"), ("keep", "share"),
                 ("duplicates", "share"), ("dates_year_ok", "share"), ("dates_year_wrong", "share"))


GROUP_HEADINGS = {"boilerplate": "boiler", "duplicates": "dupl", "penalties": "penalt",
                  "dates_year_ok": "year_ok", "dates_year_wrong": "year_wr"}


def render_groups(groups: dict) -> Table:
    """One row per group: F1 of each area and the cleaning and year shares."""
    table = Table(title="by group (F1; shares for cleaning and years)")
    table.add_column("group", no_wrap=True)
    table.add_column("docs", justify="right")
    for area, _ in GROUP_COLUMNS:
        table.add_column(GROUP_HEADINGS.get(area, area), justify="right", no_wrap=True)
    for name, figures_ in groups.items():
        table.add_row(name, str(figures_["documents_scored"]),
                      *(f"{figures_[area][key]:.3f}" for area, key in GROUP_COLUMNS))
    return table


def render_table(scores: dict) -> Table:
    """One row per area: p/r/f1/tp/fp/fn, or share/hits/total."""
    table = Table(title="kzx gold scores")
    for column in ("area", "p", "r", "f1", "tp", "fp", "fn", "share", "hits", "total"):
        table.add_column(column, justify="left" if column == "area" else "right")
    for area in PRF_AREAS:
        f = scores[area]
        table.add_row(area, *(f"{f[k]:.3f}" for k in ("p", "r", "f1")),
                      *(str(f[k]) for k in ("tp", "fp", "fn")), "", "", "")
    for area in SHARE_AREAS:
        f = scores[area]
        table.add_row(area, *[""] * 6, f"{f['share']:.3f}", str(f["hits"]), str(f["total"]))
    return table
