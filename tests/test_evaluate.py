"""Tests of the gold scorer, on hand-made gold and records and on the real gold files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.console import Console

from kzx.evaluate import (
    PRF_AREAS,
    SCOPE_AREAS,
    SHARE_AREAS,
    check_thresholds,
    duration_value,
    load_groups,
    score_groups,
    load_gold,
    locate_dates,
    render_table,
    score,
)

GOLDEN = Path(__file__).parent / "golden"
RAW = Path(__file__).parent.parent / "data" / "raw"
DOC = "a.txt"


def gold_doc(doc: str = DOC, **fields) -> dict:
    lists = ("boilerplate", "keep", "duplicates", "persons", "money", "dates", "outcomes")
    return {"doc": doc, **{key: [] for key in lists}, **fields}


def record(text: str = "", source: str = f"data/raw/{DOC}", **fields) -> dict:
    lists = {key: [] for key in ("entities", "dates", "money", "outcomes")}
    return {"source": source, "text": text, **lists, **fields}


def persons(*names: str) -> list[dict]:
    return [{"label": "PERSON", "text": name.split()[-1], "start": 0, "end": 0, "canonical": name}
            for name in names]


def date_at(text: str, fragment: str, value: str, occurrence: int = 1) -> dict:
    """An output date over the n-th occurrence of `fragment` in `text`."""
    start = -1
    for _ in range(occurrence):
        start = text.index(fragment, start + 1)
    return {"text": fragment, "start": start, "end": start + len(fragment), "value": value}


def counts(figure: dict) -> tuple[int, int, int]:
    return figure["tp"], figure["fp"], figure["fn"]


def score_one(gold: dict, rec: dict) -> dict:
    return score([gold], [rec])


# --- loading and matching records to gold ------------------------------------------

def test_load_gold_reads_only_gold_files_sorted_by_name(tmp_path: Path) -> None:
    for name in ("b.gold.json", "a.gold.json", "notes.json"):
        (tmp_path / name).write_text(json.dumps(gold_doc(doc=name)), encoding="utf-8")
    assert [gold["doc"] for gold in load_gold(tmp_path)] == ["a.gold.json", "b.gold.json"]


def test_score_has_exactly_the_contract_keys() -> None:
    scores = score([gold_doc()], [record()])
    assert set(scores) == {*PRF_AREAS, *SHARE_AREAS, "documents"}
    assert set(scores["persons"]) == {"p", "r", "f1", "tp", "fp", "fn"}
    assert set(scores["keep"]) == {"share", "hits", "total"}
    json.dumps(scores)  # the CLI writes it as JSON: no Decimal or tuple keys may leak


@pytest.mark.parametrize(
    ("source", "matched"),
    [
        (f"data/raw/{DOC}", True),
        (DOC, True),
        (f"C:\\corpus\\{DOC}", True),
        (f"data/raw/x{DOC}", False),  # ends with the name, but is another file
        ("data/raw/b.txt", False),
    ],
)
def test_record_is_matched_by_the_file_name_of_its_source(source: str, matched: bool) -> None:
    gold = gold_doc(persons=["Yevgeny Zhovtis"])
    scores = score([gold], [record(source=source, entities=persons("Yevgeny Zhovtis"))])
    assert scores["documents"][DOC]["has_record"] is matched
    assert counts(scores["persons"]) == ((1, 0, 0) if matched else (0, 0, 1))


def test_gold_doc_without_record_misses_everything_and_extra_records_are_ignored() -> None:
    gold = gold_doc(
        boilerplate=["Write a message"], keep=["Kept."], duplicates=["Title"],
        persons=["Yevgeny Zhovtis"],
        money=[{"text": "$5", "amount": 5, "currency": "USD", "usd": 5, "approximate": False}],
        dates=[{"text": "May 2019", "value": "2019-05"}],
        outcomes=[{"person": "Yevgeny Zhovtis", "verdict": "convicted",
                   "penalties": [{"kind": "prison", "duration": "P4Y"}]}],
    )
    stray = record(source="data/raw/other.txt", entities=persons("George Soros"))
    scores = score([gold], [stray])
    for area in PRF_AREAS:
        assert counts(scores[area]) == (0, 0, 1), area
        assert scores[area]["f1"] == 0.0
    for area in ("boilerplate", "keep", "duplicates"):
        assert scores[area] == {"share": 0.0, "hits": 0, "total": 1}, area
    document = scores["documents"][DOC]
    assert document["has_record"] is False
    assert document["misses"]["persons"] == ["Yevgeny Zhovtis"]
    assert document["misses"]["boilerplate"] == ["Write a message"]
    assert list(scores["documents"]) == [DOC]


def test_scores_are_micro_averaged_and_broken_down_per_document() -> None:
    golds = [gold_doc("a.txt", persons=["Ann Lee", "Bob Ray"]),
             gold_doc("b.txt", persons=["Cy Dow"])]
    records = [record(source="a.txt", entities=persons("Ann Lee", "Zed Fox")),
               record(source="b.txt", entities=persons("Cy Dow"))]
    scores = score(golds, records)
    assert counts(scores["persons"]) == (2, 1, 1)
    assert scores["persons"]["p"] == pytest.approx(2 / 3)
    assert scores["persons"]["r"] == pytest.approx(2 / 3)
    assert counts(scores["documents"]["a.txt"]["persons"]) == (1, 1, 1)
    assert scores["documents"]["b.txt"]["persons"]["f1"] == 1.0
    assert scores["documents"]["a.txt"]["misses"]["persons"] == ["Bob Ray"]
    assert scores["documents"]["a.txt"]["spurious"]["persons"] == ["Zed Fox"]


@pytest.mark.parametrize(
    ("gold_names", "output_names", "expected"),
    [
        ([], [], {"p": 1.0, "r": 1.0, "f1": 1.0}),  # nothing to find, nothing found
        (["Ann Lee"], [], {"p": 0.0, "r": 0.0, "f1": 0.0}),
        ([], ["Ann Lee"], {"p": 0.0, "r": 0.0, "f1": 0.0}),
        (["Ann Lee", "Bob Ray"], ["Ann Lee"], {"p": 1.0, "r": 0.5, "f1": pytest.approx(2 / 3)}),
    ],
)
def test_precision_recall_f1_edge_cases(gold_names: list, output_names: list, expected: dict):
    scores = score_one(gold_doc(persons=gold_names), record(entities=persons(*output_names)))
    figure = scores["persons"]
    assert {key: figure[key] for key in expected} == expected


# --- cleaning ----------------------------------------------------------------------

@pytest.mark.parametrize(
    ("area", "needle", "text", "passes"),
    [
        ("keep", "The court sentenced Gabdullin.", "x The court\n  sentenced Gabdullin. y", True),
        ("keep", "While in May2019 the Government", "While in May 2019 the Government", True),
        ("keep", "Many academics practiced.", "many academics practiced.", False),
        ("keep", "Kept sentence.", "", False),
        ("boilerplate", "Write a message", "Comments end. Write a\nmessage", False),
        ("boilerplate", "Interesting", "an interesting diplomatic test", True),  # case-sensitive
        ("boilerplate", "Share", "EXECUTIVE SUMMARY", True),
        ("duplicates", "Human Rights - History", "Human Rights - History\nbody", True),
        ("duplicates", "Human Rights - History", "Human Rights - History\nHuman Rights -\nHistory",
         False),
        ("duplicates", "Human Rights - History", "body only", False),  # exactly once, not at most
    ],
)
def test_cleaning_checks_ignore_white_space_but_not_case(area: str, needle: str, text: str,
                                                         passes: bool) -> None:
    scores = score_one(gold_doc(**{area: [needle]}), record(text))
    assert scores[area] == {"share": float(passes), "hits": int(passes), "total": 1}
    assert scores["documents"][DOC]["misses"][area] == ([] if passes else [needle])


def test_cleaning_shares_are_one_when_nothing_is_listed() -> None:
    scores = score_one(gold_doc(), record("anything"))
    assert all(scores[area]["share"] == 1.0 for area in ("boilerplate", "keep", "duplicates"))


# --- persons -----------------------------------------------------------------------

@pytest.mark.parametrize(
    ("gold_names", "output_names", "tp_fp_fn"),
    [
        (["Yevgeny Zhovtis"], ["yevgeny  ZHOVTIS."], (1, 0, 0)),
        (["Yevgeny Zhovtis"], ["Zhovtis"], (1, 0, 0)),  # output is the surname-bearing part
        (["Kenzhetayev"], ["Ruslan Kenzhetayev"], (1, 0, 0)),  # gold is the surname-bearing part
        (["Christopher H. Smith"], ["Christopher Smith"], (1, 0, 0)),
        (["Chris Smith"], ["Chairman Smith"], (1, 0, 0)),
        (["Vladimir Kozlov"], ["Mr. Kozlov"], (1, 0, 0)),
        (["Nazgul Yergalieva"], ["Nazgul Yergalieva", "Nazgul Yeargalieva"], (1, 1, 0)),
        (["Yevgeny Zhovtis"], ["Yevgeny Zhovtis", "Zhovtis"], (1, 1, 0)),  # two names, one person
        (["Nursultan Nazarbayev"], ["Nursultan Nazarbayev"] * 3, (1, 0, 0)),  # a set of names
        (["Rakhat Aliyev", "Khozha Aliyev"], ["Aliyev", "Khozha Aliyev"], (2, 0, 0)),  # exact first
        (["Rakhat Aliyev"], ["Khozha Aliyev"], (0, 1, 1)),
        (["Yevgeny Zhovtis"], ["Yevgeny"], (0, 1, 1)),  # a first name bears no surname
        (["Chris Smith"], ["Christopher Smith"], (0, 1, 1)),
    ],
)
def test_persons_match_one_to_one_on_folded_names_and_surnames(
    gold_names: list[str], output_names: list[str], tp_fp_fn: tuple[int, int, int]
) -> None:
    scores = score_one(gold_doc(persons=gold_names), record(entities=persons(*output_names)))
    assert counts(scores["persons"]) == tp_fp_fn


def test_exact_name_is_the_hit_and_the_partial_name_the_false_positive() -> None:
    gold = gold_doc(persons=["Nazgul Yergalieva"])
    scores = score_one(gold, record(entities=persons("Yergalieva", "Nazgul Yergalieva")))
    assert counts(scores["persons"]) == (1, 1, 0)
    assert scores["documents"][DOC]["spurious"]["persons"] == ["Yergalieva"]


def test_persons_use_canonical_else_text_and_only_person_entities() -> None:
    entities = [
        {"label": "PERSON", "text": "Zhovtis", "start": 0, "end": 7, "canonical": None},
        {"label": "PERSON", "text": "Gabdullin", "start": 0, "end": 9},
        {"label": "ORG", "text": "Adil Soz", "start": 0, "end": 8, "canonical": "Adil Soz"},
    ]
    gold = gold_doc(persons=["Yevgeny Zhovtis", "Bigeldy Gabdullin"])
    assert counts(score_one(gold, record(entities=entities))["persons"]) == (2, 0, 0)


# --- money ---------------------------------------------------------------------------

def money(amount, currency="KZT", usd=None, approximate=False, text="x") -> dict:
    return {"text": text, "amount": amount, "currency": currency, "usd": usd,
            "approximate": approximate}


@pytest.mark.parametrize(
    ("gold_amount", "output", "tp_fp_fn"),
    [
        (12960000, money("12960000"), (1, 0, 0)),
        (12960000, money(12960000), (1, 0, 0)),
        (12960000, money(12.96e6), (1, 0, 0)),
        (12960000, money("12960000.00"), (1, 0, 0)),
        (12.96, money("12.96"), (1, 0, 0)),  # a JSON float is read as the decimal it spells
        (12960000, money("12960000", currency="USD"), (0, 1, 1)),
        (12960000, money("12960001"), (0, 1, 1)),
        (12960000, money(None), (0, 1, 1)),
    ],
)
def test_money_matches_on_amount_as_decimal_and_currency(gold_amount, output: dict, tp_fp_fn):
    gold = gold_doc(money=[money(gold_amount, usd=40000, text="12.96 million tenge ($40,000)")])
    assert counts(score_one(gold, record(money=[output]))["money"]) == tp_fp_fn


@pytest.mark.parametrize(
    ("gold_usd", "gold_approximate", "output_usd", "output_approximate",
     "usd_hit", "approximate_hit"),
    [
        (77000, True, "77000", True, 1, 1),
        (77000, True, 77000.0, False, 1, 0),
        (77000, True, None, True, 0, 1),
        (None, False, None, False, 1, 1),
        (None, False, "350", False, 0, 1),
    ],
)
def test_usd_and_approximate_are_checked_on_matched_pairs(
    gold_usd, gold_approximate, output_usd, output_approximate, usd_hit, approximate_hit
) -> None:
    gold = gold_doc(money=[money(25000000, usd=gold_usd, approximate=gold_approximate)])
    output = money("25000000", usd=output_usd, approximate=output_approximate)
    scores = score_one(gold, record(money=[output, money("1")]))  # the unmatched one is not checked
    assert scores["money_usd"] == {"share": float(usd_hit), "hits": usd_hit, "total": 1}
    assert scores["money_approximate"] == {
        "share": float(approximate_hit), "hits": approximate_hit, "total": 1}
    assert len(scores["documents"][DOC]["misses"]["money_usd"]) == 1 - usd_hit


def test_money_checks_are_vacuous_without_matched_pairs() -> None:
    scores = score_one(gold_doc(money=[money(5)]), record(money=[money(6)]))
    vacuous = {"share": 1.0, "hits": 0, "total": 0}
    assert scores["money_usd"] == scores["money_approximate"] == vacuous


# --- dates ------------------------------------------------------------------------------

def gold_date(text: str, value: str) -> dict:
    return {"text": text, "value": value}


def test_gold_dates_take_occurrences_in_order() -> None:
    text = "On January 24 he was convicted. On January 24 the site closed."
    gold = gold_doc(dates=[gold_date("January 24", "XXXX-01-24"),
                           gold_date("January 24", "2017-01-24")])
    first = date_at(text, "January 24", "XXXX-01-24")
    second = date_at(text, "January 24", "2017-01-24", occurrence=2)
    assert counts(score_one(gold, record(text, dates=[second, first]))["dates"]) == (2, 0, 0)
    assert score_one(gold, record(text, dates=[second, first]))["dates_year_ok"]["share"] == 1.0
    # swapped years: both still hit on month and day, but the dated one now has an unknown year
    swapped = [date_at(text, "January 24", "2017-01-24"),
               date_at(text, "January 24", "XXXX-01-24", occurrence=2)]
    scores = score_one(gold, record(text, dates=swapped))
    assert counts(scores["dates"]) == (2, 0, 0)
    assert scores["dates_year_ok"] == {"share": 0.0, "hits": 0, "total": 1}
    assert scores["dates_year_wrong"] == {"share": 0.0, "hits": 0, "total": 1}
    # only the second occurrence found: the first gold entry is the one missed
    scores = score_one(gold, record(text, dates=[second]))
    assert counts(scores["dates"]) == (1, 0, 1)
    assert scores["documents"][DOC]["misses"]["dates"] == ["'January 24' XXXX-01-24 (at 3)"]


@pytest.mark.parametrize(
    ("text", "gold_dates", "expected_spans"),
    [
        ("in May 2019 the", [gold_date("May2019", "2019-05")], [(3, 11)]),
        ("in May2019 the", [gold_date("May 2019", "2019-05")], [(3, 10)]),
        ("On May 12, 2009 he spoke; on May 12 it rained",  # the longer text is placed first
         [gold_date("May 12, 2009", "2009-05-12"), gold_date("May 12", "2009-05-12")],
         [(3, 15), (29, 35)]),
        ("codes of January 10 and of January 1", [gold_date("January 1", "XXXX-01-01")],
         [(27, 36)]),
        ("the first nine months of 2016, and in 2016",
         [gold_date("the first nine months of 2016", "2016"), gold_date("2016", "2016")],
         [(0, 29), (38, 42)]),
        ("no date here", [gold_date("June", "XXXX-06")], [None]),
    ],
)
def test_locating_gold_dates(text: str, gold_dates: list[dict], expected_spans: list) -> None:
    assert locate_dates(text, gold_dates) == expected_spans


@pytest.mark.parametrize(
    ("gold_value", "output_value", "hit"),
    [
        ("XXXX-01-24", "XXXX-01-24", True),
        ("XXXX-01-24", "2017-01-24", True),
        ("2011-12-16", "XXXX-12-16", True),
        ("XXXX-01-24", "XXXX-01-25", False),
        ("XXXX-06", "2012-06", True),
        ("XXXX-06", "XXXX-06-15", False),
        ("2016", "2016", True),
        ("2016", "2017", False),  # a bare year is the whole value
        ("2016", "XXXX", False),
    ],
)
def test_date_hit_needs_same_value_apart_from_year(gold_value: str, output_value: str, hit: bool):
    text = "It happened on 24 once."
    gold = gold_doc(dates=[gold_date("24", gold_value)])
    scores = score_one(gold, record(text, dates=[date_at(text, "24", output_value)]))
    assert counts(scores["dates"]) == ((1, 0, 0) if hit else (0, 1, 1))


@pytest.mark.parametrize(
    ("output_span", "hit"),
    [((15, 25), True), ((15, 22), True), ((20, 30), True),
     ((0, 14), False), ((26, 29), False), ((15, 15), False)],
)
def test_dates_match_on_overlapping_spans(output_span: tuple[int, int], hit: bool) -> None:
    text = "It happened on January 24 and later."
    start, end = output_span
    output = {"text": text[start:end], "start": start, "end": end, "value": "XXXX-01-24"}
    gold = gold_doc(dates=[gold_date("January 24", "XXXX-01-24")])
    scores = score_one(gold, record(text, dates=[output]))
    assert counts(scores["dates"]) == ((1, 0, 0) if hit else (0, 1, 1))


def test_gold_date_not_in_text_is_missed() -> None:
    text = "The newspaper closed after the arrest."
    scores = score_one(gold_doc(dates=[gold_date("June", "XXXX-06")]), record(text))
    assert counts(scores["dates"]) == (0, 0, 1)
    assert scores["documents"][DOC]["misses"]["dates"] == ["'June' XXXX-06 (not found in text)"]


@pytest.mark.parametrize(
    ("gold_value", "output_value", "year_ok", "year_wrong"),
    [
        ("2011-12-16", "2011-12-16", (1, 1), (0, 1)),
        ("2011-12-16", "2012-12-16", (0, 1), (1, 1)),
        ("2011-12-16", "XXXX-12-16", (0, 1), (0, 1)),  # unknown is not wrong
        ("2016", "2016", (1, 1), (0, 1)),
        ("XXXX-12-16", "2011-12-16", (0, 0), (0, 0)),  # gold year unknown: not scored
        ("2011-12-16", "2011-12-17", (0, 0), (0, 0)),  # not a hit: not scored
    ],
)
def test_years_are_scored_on_hits_whose_gold_year_is_known(
    gold_value: str, output_value: str, year_ok: tuple, year_wrong: tuple
) -> None:
    text = "Protests on December 16 th and later."
    gold = gold_doc(dates=[gold_date("December 16 th", gold_value)])
    scores = score_one(gold, record(text, dates=[date_at(text, "December 16", output_value)]))
    assert (scores["dates_year_ok"]["hits"], scores["dates_year_ok"]["total"]) == year_ok
    assert (scores["dates_year_wrong"]["hits"], scores["dates_year_wrong"]["total"]) == year_wrong
    if year_ok[1] == 0:  # nothing to check: all right, nothing wrong
        assert (scores["dates_year_ok"]["share"], scores["dates_year_wrong"]["share"]) == (1.0, 0.0)
    listed = scores["documents"][DOC]["misses"]["dates_year"]
    hit = scores["dates"]["tp"] == 1
    assert len(listed) == int(hit and gold_value[:4] != output_value[:4])


# --- outcomes and penalties ----------------------------------------------------------------

@pytest.mark.parametrize(
    ("gold", "output", "hit"),
    [
        (("Vladimir Kozlov", "convicted"), ("Kozlov", "sentenced"), True),
        (("Vladimir Kozlov", "sentenced"), ("Mr. Kozlov’s", "convicted"), True),
        (("Ratel.kz", "suit_upheld"), ("RATEL.KZ", "suit_upheld"), True),
        (("Forbes Kazakhstan", "suit_upheld"), ("Forbes Kazakhstan", "suit_dismissed"), False),
        (("Zhanbolat Mamay", "arrested"), ("Zhanbolat Mamay", "detained"), False),
        (("Yerzhan Ushanov", "acquitted"), ("Uzhanov", "acquitted"), False),
        (("Zhanbolat Mamay", "closed"), ("Tribuna", "closed"), False),
    ],
)
def test_outcomes_match_on_surname_and_verdict(gold: tuple, output: tuple, hit: bool) -> None:
    def outcome(person: str, verdict: str) -> dict:
        return {"person": person, "verdict": verdict, "penalties": []}

    scores = score_one(gold_doc(outcomes=[outcome(*gold)]), record(outcomes=[outcome(*output)]))
    assert counts(scores["outcomes"]) == ((1, 0, 0) if hit else (0, 1, 1))


def test_outcomes_match_one_to_one() -> None:
    gold = gold_doc(outcomes=[{"person": "Zhanbolat Mamay", "verdict": "arrested"},
                              {"person": "Zhanbolat Mamay", "verdict": "charged"}])
    output = record(outcomes=[{"person": "Mamay", "verdict": "arrested"}] * 2)
    scores = score_one(gold, output)
    assert counts(scores["outcomes"]) == (1, 1, 1)
    assert scores["documents"][DOC]["misses"]["outcomes"] == ["Zhanbolat Mamay: charged"]


def penalty(kind: str, duration=None, amount=None, currency=None) -> dict:
    """A penalty as the pipeline writes it: every key present."""
    return {"kind": kind, "duration": duration, "amount": amount, "currency": currency}


@pytest.mark.parametrize(
    ("gold_penalty", "output_penalty", "hit"),
    [
        ({"kind": "prison", "duration": "P4Y"}, penalty("prison", duration="P4Y"), True),
        ({"kind": "prison", "duration": "P4Y"}, penalty("prison", duration="P5Y"), False),
        ({"kind": "prison", "duration": "P4Y"}, penalty("probation", duration="P4Y"), False),
        ({"kind": "administrative_fine", "amount": 113450, "currency": "KZT"},
         penalty("administrative_fine", amount="113450.0", currency="KZT"), True),
        ({"kind": "administrative_fine", "amount": 113450},
         penalty("administrative_fine", amount=113451), False),
        ({"kind": "confiscation"}, penalty("confiscation"), True),
        ({"kind": "confiscation"}, penalty("confiscation", amount="5"), False),
        ({"kind": "probation", "duration": "P5Y"}, penalty("probation"), False),
    ],
)
def test_penalties_match_on_surname_kind_and_duration_or_amount(
    gold_penalty: dict, output_penalty: dict, hit: bool
) -> None:
    gold = gold_doc(outcomes=[
        {"person": "Bigeldy Gabdullin", "verdict": "convicted", "penalties": [gold_penalty]}])
    output = record(outcomes=[
        {"person": "Gabdullin", "verdict": "sentenced", "penalties": [output_penalty]}])
    assert counts(score_one(gold, output)["penalties"]) == ((1, 0, 0) if hit else (0, 1, 1))


def test_penalties_are_flattened_across_outcomes() -> None:
    gold = gold_doc(outcomes=[{"person": "Zhanbolat Mamay", "verdict": "convicted", "penalties": [
        {"kind": "restriction_of_freedom", "duration": "P3Y"}, {"kind": "confiscation"},
        {"kind": "activity_ban", "duration": "P3Y"}]}])
    output = record(outcomes=[  # the penalties split over two outcomes, one with a wrong verdict
        {"person": "Mamay", "verdict": "convicted",
         "penalties": [penalty("restriction_of_freedom", duration="P3Y")]},
        {"person": "Mamay", "verdict": "fined",
         "penalties": [penalty("confiscation"), penalty("fine", amount=9)]},
    ])
    scores = score_one(gold, output)
    assert counts(scores["outcomes"]) == (1, 1, 0)
    assert counts(scores["penalties"]) == (2, 1, 1)
    assert scores["documents"][DOC]["spurious"]["penalties"] == ["Mamay: fine 9"]


@pytest.mark.parametrize(("gold_duration", "output_duration", "hit"), [
    ("P18M", "P1Y6M", True), ("P1Y", "P12M", True), ("P2W", "P14D", True),
    ("P1Y6M", "P1Y5M", False), ("P1M", "P30D", False), ("P15D", "P15D", True),
])
def test_durations_compare_by_value(gold_duration: str, output_duration: str, hit: bool) -> None:
    gold = gold_doc(outcomes=[{"person": "Aset Abishev", "verdict": "convicted",
                               "penalties": [{"kind": "prison", "duration": gold_duration}]}])
    output = record(outcomes=[{"person": "Abishev", "verdict": "convicted",
                               "penalties": [penalty("prison", duration=output_duration)]}])
    assert counts(score_one(gold, output)["penalties"]) == ((1, 0, 0) if hit else (0, 1, 1))


def test_an_unreadable_duration_is_compared_as_text() -> None:
    assert duration_value("p5y") == (60, 0)
    assert duration_value("five years") == "FIVE YEARS"


# --- scope: areas a gold file does not annotate are not scored --------------------------

def test_areas_outside_a_gold_files_scope_count_nothing() -> None:
    gold = gold_doc(scope=["boilerplate", "keep"], keep=["report sentence"], boilerplate=["Menu"])
    output = record("report sentence", entities=persons("Ann Lee"),
                    dates=[{"text": "May 5", "start": 0, "end": 5, "value": "XXXX-05-05"}],
                    outcomes=[{"person": "Lee", "verdict": "fined", "penalties": []}])
    scores = score_one(gold, output)
    for area in ("persons", "dates", "outcomes", "penalties", "money"):
        assert counts(scores[area]) == (0, 0, 0), area
    assert scores["keep"]["share"] == scores["boilerplate"]["share"] == 1.0
    assert scores["dates_year_wrong"]["total"] == 0
    assert scores["documents"][DOC]["scope"] == ["boilerplate", "keep"]


def test_areas_inside_the_scope_are_scored_as_before() -> None:
    gold = gold_doc(scope=["persons"], persons=["Ann Lee"])
    scores = score_one(gold, record("x", entities=persons("Ann Lee", "Bo Chen")))
    assert counts(scores["persons"]) == (1, 1, 0)


# --- groups ------------------------------------------------------------------------------

def test_groups_score_their_own_documents(tmp_path: Path) -> None:
    table = tmp_path / "groups.tsv"
    table.write_text("# doc\tgroup\na.txt\tstatement\nb.txt\treport passage\n")
    golds = [gold_doc("a.txt", persons=["Ann Lee"]), gold_doc("b.txt", persons=["Bo Chen"]),
             gold_doc("c.txt", persons=["Cy Dee"])]
    records = [record(source="x/a.txt", entities=persons("Ann Lee")),
               record(source="x/b.txt", entities=persons("Bo Stone"))]
    groups = score_groups(golds, records, load_groups(table))
    assert groups["statement"]["persons"]["f1"] == 1.0
    assert groups["report passage"]["persons"]["f1"] == 0.0
    assert groups["other"]["documents_scored"] == 1


def test_a_malformed_group_line_is_named(tmp_path: Path) -> None:
    table = tmp_path / "groups.tsv"
    table.write_text("a.txt statement\n")
    with pytest.raises(ValueError, match="groups.tsv:1"):
        load_groups(table)


def test_the_genre_table_names_every_gold_document() -> None:
    groups = load_groups(GOLDEN / "genres.tsv")
    assert {gold["doc"] for gold in load_gold(GOLDEN)} <= set(groups)


# --- thresholds and table ------------------------------------------------------------

SCORES = {"persons": {"f1": 0.7, "tp": 7}, "boilerplate": {"share": 1.0},
          "dates_year_wrong": {"share": 0.1},
          "documents": {"000_a.txt": {"persons": {"f1": 0.5}}}}


@pytest.mark.parametrize(
    ("thresholds", "failures"),
    [
        ({"min": {"persons.f1": 0.7, "boilerplate.share": 1.0}}, []),
        ({"min": {"persons.f1": 0.7 + 1e-12}}, []),  # float noise within tolerance
        ({"min": {"persons.f1": 0.75}}, ["persons.f1 = 0.700 is below the minimum 0.750"]),
        ({"max": {"dates_year_wrong.share": 0.1}}, []),
        ({"max": {"dates_year_wrong.share": 0.0}},
         ["dates_year_wrong.share = 0.100 is above the maximum 0.000"]),
        ({"min": {"documents.000_a.txt.persons.f1": 0.6}},
         ["documents.000_a.txt.persons.f1 = 0.500 is below the minimum 0.600"]),
        ({"min": {"persons.f1": 0.8, "boilerplate.share": 1.0},
          "max": {"dates_year_wrong.share": 0.0}},
         ["persons.f1 = 0.700 is below the minimum 0.800",
          "dates_year_wrong.share = 0.100 is above the maximum 0.000"]),
        ({"min": {"persons.f2": 0.5}}, ["persons.f2 is not a figure of the scores"]),
        ({"min": {"persons": 0.5}}, ["persons is not a number: {'f1': 0.7, 'tp': 7}"]),
    ],
)
def test_check_thresholds(thresholds: dict, failures: list[str]) -> None:
    assert check_thresholds(SCORES, thresholds) == failures


def test_render_table_has_a_row_per_area() -> None:
    gold = gold_doc(persons=["Ann Lee", "Bob Ray"])
    scores = score_one(gold, record(entities=persons("Ann Lee")))
    table = render_table(scores)
    assert table.row_count == len(PRF_AREAS) + len(SHARE_AREAS)
    console = Console(record=True, width=140)
    console.print(table)
    lines = console.export_text().splitlines()
    persons_row = next(line for line in lines if "persons" in line)
    assert "1.000" in persons_row and "0.500" in persons_row and "0.667" in persons_row


# --- the real gold files ---------------------------------------------------------------------

def perfect_record(gold: dict) -> dict:
    """A record that states exactly the gold: dates first, so that the k-th occurrence
    of a date text is the k-th gold entry, then the keep and duplicate strings."""
    pieces: list[str] = []
    offset = 0

    def place(piece: str) -> tuple[int, int]:
        nonlocal offset
        pieces.append(piece)
        offset += len(piece) + 3
        return offset - len(piece) - 3, offset - 3

    dates = [dict(zip(("start", "end"), place(d["text"]), strict=True), **d)
             for d in gold.get("dates", [])]
    entities = [dict(zip(("start", "end"), place(name), strict=True),
                     text=name, label="PERSON", canonical=name) for name in gold.get("persons", [])]
    for sentence in gold.get("keep", []) + gold.get("duplicates", []):
        place(sentence)
    money = [{**m, "amount": str(m["amount"]), "start": 0, "end": 0} for m in gold.get("money", [])]
    outcomes = [{**o, "evidence": {"text": o["evidence"], "start": 0, "end": 0}}
                for o in gold.get("outcomes", [])]
    return record(" | ".join(pieces), source=f"data/raw/{gold['doc']}",
                  entities=entities, dates=dates, money=money, outcomes=outcomes)


def test_real_gold_files_parse() -> None:
    golds = load_gold(GOLDEN)
    paths = sorted(GOLDEN.rglob("*.gold.json"))
    assert len(golds) == len(paths) >= 43
    for gold, path in zip(golds, paths, strict=True):
        assert path.name == gold["doc"].rsplit(".", 1)[0] + ".gold.json"
        assert set(gold.get("scope", SCOPE_AREAS)) <= set(SCOPE_AREAS)
        for item in gold.get("money", []):
            assert {"text", "amount", "currency", "usd", "approximate"} <= set(item)
        for outcome in gold.get("outcomes", []):
            assert {"person", "verdict", "penalties"} <= set(outcome)


@pytest.mark.parametrize("gold", load_gold(GOLDEN), ids=lambda gold: gold["doc"])
def test_perfect_record_scores_full_marks_on_real_gold(gold: dict) -> None:
    scores = score([gold], [perfect_record(gold)])
    json.dumps(scores)
    for area in PRF_AREAS:
        assert scores[area]["f1"] == 1.0, (area, scores["documents"][gold["doc"]]["misses"])
    for area in SHARE_AREAS:
        assert scores[area]["share"] == (0.0 if area == "dates_year_wrong" else 1.0), area


@pytest.mark.parametrize("gold", load_gold(GOLDEN), ids=lambda gold: gold["doc"])
def test_real_gold_dates_are_found_in_the_raw_document_in_order(gold: dict) -> None:
    """The raw page holds all the cleaned content, so every gold date must be
    located there, in the document order the gold lists them in."""
    raw = next(RAW.rglob(gold["doc"]))
    spans = locate_dates(raw.read_text(encoding="utf-8"), gold.get("dates", []))
    assert None not in spans
    assert spans == sorted(spans)
