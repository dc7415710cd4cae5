"""Money: normalisers, the finder, its negative families, gold pages and linear time.

Tables are grouped by where the phrasing comes from: the seed page (000), state.gov
reports, CSCE/Helsinki Commission texts, and made-up but realistic sentences in the
style of other sources (RFE/RL, Eurasianet, Kazakh courts, HRW).
"""

from __future__ import annotations

import json
import time
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kzx.extract.money import (
    currency_code,
    find_mci,
    find_money,
    parse_digits,
    parse_number,
    parse_words,
    scale_exponent,
)

from .conftest import gold_params

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"
GOLDEN = ROOT / "tests" / "golden"
D = Decimal

# ------------------------------------------------------------------ normalisers

PARSE_NUMBER = {
    "seed page": [
        ("12.96 million", D("12960000")),
        ("25 million", D("25000000")),
        ("113,450", D("113450")),
        ("50.2 million", D("50200000")),
        ("40,000", D("40000")),
    ],
    "state.gov": [
        ("19,440", D("19440")),
        ("1.2 billion", D("1200000000")),
        ("500,000", D("500000")),
        ("2,121", D("2121")),
    ],
    "made-up, other sources": [
        ("1 000 000", D("1000000")),
        ("1\u00a0000\u00a0000", D("1000000")),  # no-break spaces
        ("1\u202f250\u202f000", D("1250000")),  # narrow no-break spaces
        ("1\u2009500", D("1500")),  # thin space
        ("1.500.000", D("1500000")),
        ("1.500.000,50", D("1500000.5")),
        ("1,5 млн", D("1500000")),
        ("3 milllion", D("3000000")),
        ("3 millon", D("3000000")),
        ("2.5 mln", D("2500000")),
        ("2.5 mln.", D("2500000")),
        ("1.2bn", D("1200000000")),
        ("5k", D("5000")),
        ("1.2m", D("1200000")),
        ("4 трлн", D("4000000000000")),
        ("five million", D("5000000")),
        ("two thousand", D("2000")),
        ("twenty-five thousand", D("25000")),
        ("one hundred and fifty thousand", D("150000")),
        ("a million", D("1000000")),
        ("half a million", D("500000")),
        ("one and a half million", D("1500000")),
        ("two million five hundred thousand", D("2500000")),
    ],
}


@pytest.mark.parametrize(
    "text,value",
    [pytest.param(t, v, id=f"{origin}: {t}") for origin, rows in PARSE_NUMBER.items() for t, v in rows],
)
def test_parse_number(text, value):
    result = parse_number(text)
    assert result == value
    assert isinstance(result, Decimal)
    assert result.as_tuple().exponent >= 0 or result != result.to_integral_value()


@pytest.mark.parametrize("text", ["about five", "five years", "", "million", "12.96 percent", "$40"])
def test_parse_number_rejects(text):
    with pytest.raises(ValueError):
        parse_number(text)


@pytest.mark.parametrize("text,value", [
    ("113,450", D("113450")), ("1,5", D("1.5")), ("12.96", D("12.96")), ("1.500,50", D("1500.5")),
    ("1,000,000.25", D("1000000.25")),
])
def test_parse_digits(text, value):
    assert parse_digits(text) == value


@pytest.mark.parametrize("text,value", [
    ("ninety-nine", D("99")), ("a hundred", D("100")), ("three hundred thousand", D("300000")),
    ("Twelve Million", D("12000000")), ("one billion", D("1000000000")),
])
def test_parse_words(text, value):
    assert parse_words(text) == value


@pytest.mark.parametrize("word,exponent", [
    ("thousand", 3), ("million", 6), ("Million", 6), ("milllion", 6), ("millions", 6), ("mln", 6),
    ("mn", 6), ("m", 6), ("k", 3), ("bn", 9), ("billion", 9), ("milliard", 9), ("trillion", 12),
    ("млн", 6), ("млрд", 9),
])
def test_scale_exponent(word, exponent):
    assert scale_exponent(word) == exponent


@pytest.mark.parametrize("form,code", [
    ("tenge", "KZT"), ("tenges", "KZT"), ("KZT", "KZT"), ("₸", "KZT"), ("тенге", "KZT"),
    ("тг", "KZT"), ("Kazakhstani tenge", "KZT"), ("$", "USD"), ("US$", "USD"), ("USD", "USD"),
    ("dollars", "USD"), ("U.S. dollars", "USD"), ("euros", "EUR"), ("€", "EUR"), ("EUR", "EUR"),
    ("rubles", "RUB"), ("roubles", "RUB"), ("RUB", "RUB"), ("₽", "RUB"), ("soms", "KGS"),
    ("pounds", "GBP"), ("£", "GBP"), ("MCI", "MCI"),
])
def test_currency_code(form, code):
    assert currency_code(form) == code


# ------------------------------------------------------------------- the finder

# (sentence, [(text, amount, currency, usd, approximate, bound, amount_max, mci), ...])
FIND = {
    "seed page": [
        ("penalizes “intentionally spreading false information” with fines of up to 12.96 million "
         "tenge ($40,000) and imprisonment for up to 10 years.",
         [("12.96 million tenge ($40,000)", "12960000", "KZT", "40000", False, "ceiling", None, None)]),
        ("Bukenov posted his criticism of the Uralsk government spending 25 million tenge "
         "(approximately $77,000) for a pyramid of flowers.",
         [("25 million tenge (approximately $77,000)", "25000000", "KZT", "77000", True, "exact", None, None)]),
        ("Zhanar Akhmet was found guilty and punished by an administrative fine of 113,450 tenge ($350).",
         [("113,450 tenge ($350)", "113450", "KZT", "350", False, "exact", None, None)]),
        ("assigning 50.2 million tenge ($155,000) in damages as compensation",
         [("50.2 million tenge ($155,000)", "50200000", "KZT", "155000", False, "exact", None, None)]),
    ],
    "state.gov": [
        ("the court fined him 15 MCI (19,440 tenge) for participating in an unsanctioned rally",
         [("15 MCI (19,440 tenge)", "19440", "KZT", None, False, "exact", None, "15")]),
        ("fined 500,000 tenge ($3,300) for violating the law on religion",
         [("500,000 tenge ($3,300)", "500000", "KZT", "3300", False, "exact", None, None)]),
        ("a fine of 100 MCI (approximately 212,100 tenge or $1,400) was imposed",
         [("100 MCI (approximately 212,100 tenge or $1,400)", "212100", "KZT", "1400", True, "exact", None, "100")]),
        ("The government allocated 1.2 billion tenge ($8 million) in grants to NGOs.",
         [("1.2 billion tenge ($8 million)", "1200000000", "KZT", "8000000", False, "exact", None, None)]),
        ("fines ranging from 100 to 200 MCI", []),
        ("the amount of damages sought, more than 2 million tenge ($13,000), was",
         [("2 million tenge ($13,000)", "2000000", "KZT", "13000", True, "floor", None, None)]),
    ],
    "csce": [
        ("The United States provided over $2 million in assistance.",
         [("$2 million", "2000000", "USD", "2000000", True, "floor", None, None)]),
        ("a bribe of some $200,000", [("$200,000", "200000", "USD", "200000", True, "exact", None, None)]),
    ],
    "Forum 18 style (several equivalents in one parenthesis)": [
        ("fined Baptist Pyotr Sadovsky 101,000 Tenge (about 1,850 Norwegian Kroner, 210 Euros or 265 US Dollars) for",
         [("101,000 Tenge (about 1,850 Norwegian Kroner, 210 Euros or 265 US Dollars)", "101000", "KZT", "265",
           True, "exact", None, None)]),
        ("a fine of 50,000 Tenges (2,500 Norwegian Kroner, 260 Euros, or 350 US Dollars).",
         [("50,000 Tenges (2,500 Norwegian Kroner, 260 Euros, or 350 US Dollars)", "50000", "KZT", "350",
           False, "exact", None, None)]),
    ],
    "made-up, other sources": [
        ("The court ordered him to pay 1 000 000 тенге in damages.",
         [("1 000 000 тенге", "1000000", "KZT", None, False, "exact", None, None)]),
        ("He was fined KZT 5,000.", [("KZT 5,000", "5000", "KZT", None, False, "exact", None, None)]),
        ("A fine of 5 000 тг. was imposed.", [("5 000 тг", "5000", "KZT", None, False, "exact", None, None)]),
        ("paid ₸250,000 and 250 000₸", [
            ("₸250,000", "250000", "KZT", None, False, "exact", None, None),
            ("250 000₸", "250000", "KZT", None, False, "exact", None, None)]),
        ("a budget of 1.500.000 tenge", [("1.500.000 tenge", "1500000", "KZT", None, False, "exact", None, None)]),
        ("some five million tenge were embezzled",
         [("five million tenge", "5000000", "KZT", None, True, "exact", None, None)]),
        ("he demanded two thousand dollars", [("two thousand dollars", "2000", "USD", "2000", False, "exact", None, None)]),
        ("a 3 milllion tenge bribe", [("3 milllion tenge", "3000000", "KZT", None, False, "exact", None, None)]),
        ("a contract worth US$ 1.2 million", [("US$ 1.2 million", "1200000", "USD", "1200000", False, "exact", None, None)]),
        ("Kazakhstan spent $5bn on Expo and $1.2m on PR, $5k on flowers", [
            ("$5bn", "5000000000", "USD", "5000000000", False, "exact", None, None),
            ("$1.2m", "1200000", "USD", "1200000", False, "exact", None, None),
            ("$5k", "5000", "USD", "5000", False, "exact", None, None)]),
        ("damages of between 1 and 2 million tenge",
         [("1 and 2 million tenge", "1000000", "KZT", None, False, "range", "2000000", None)]),
        ("damages of 1-2 million tenge",
         [("1-2 million tenge", "1000000", "KZT", None, False, "range", "2000000", None)]),
        ("fines from 100,000 to 200,000 tenge",
         [("100,000 to 200,000 tenge", "100000", "KZT", None, False, "range", "200000", None)]),
        ("losses between 500,000 and 2 million tenge",
         [("500,000 and 2 million tenge", "500000", "KZT", None, False, "range", "2000000", None)]),
        ("between $1 million and $2 million",
         [("$1 million and $2 million", "1000000", "USD", "1000000", False, "range", "2000000", None)]),
        ("an estimated $1-2 million", [("$1-2 million", "1000000", "USD", "1000000", True, "range", "2000000", None)]),
        ("a fee of about 350 USD", [("350 USD", "350", "USD", "350", True, "exact", None, None)]),
        ("He paid 12 million tenge -- about $200,000 -- to the official.",
         [("12 million tenge -- about $200,000 --", "12000000", "KZT", "200000", True, "exact", None, None)]),
        ("He paid 12 million tenge – about $80,000 – to the official.",
         [("12 million tenge – about $80,000 –", "12000000", "KZT", "80000", True, "exact", None, None)]),
        ("a fine of 500,000 tenge, or about $3,300, was imposed",
         [("500,000 tenge, or about $3,300", "500000", "KZT", "3300", True, "exact", None, None)]),
        ("at least 500,000 tenge", [("500,000 tenge", "500000", "KZT", None, False, "floor", None, None)]),
        ("as much as 3 million tenge", [("3 million tenge", "3000000", "KZT", None, False, "ceiling", None, None)]),
        ("no more than 3 million tenge", [("3 million tenge", "3000000", "KZT", None, False, "ceiling", None, None)]),
        ("less than $100", [("$100", "100", "USD", "100", True, "ceiling", None, None)]),
        ("nearly ~$5 million", [("$5 million", "5000000", "USD", "5000000", True, "exact", None, None)]),
        ("roughly 10 euros", [("10 euros", "10", "EUR", None, True, "exact", None, None)]),
        ("EUR 20, €20, £30, 10 rubles, RUB 10, ₽10, 10 roubles, 10 soms", [
            ("EUR 20", "20", "EUR", None, False, "exact", None, None),
            ("€20", "20", "EUR", None, False, "exact", None, None),
            ("£30", "30", "GBP", None, False, "exact", None, None),
            ("10 rubles", "10", "RUB", None, False, "exact", None, None),
            ("RUB 10", "10", "RUB", None, False, "exact", None, None),
            ("₽10", "10", "RUB", None, False, "exact", None, None),
            ("10 roubles", "10", "RUB", None, False, "exact", None, None),
            ("10 soms", "10", "KGS", None, False, "exact", None, None)]),
        ("a grant of 200 pounds sterling", [("200 pounds sterling", "200", "GBP", None, False, "exact", None, None)]),
        ("19,440 tenge (15 MCI)", [("19,440 tenge (15 MCI)", "19440", "KZT", None, False, "exact", None, "15")]),
        ("a fine of 100 monthly calculation indices (about $700)",
         [("100 monthly calculation indices (about $700)", "700", "USD", "700", True, "exact", None, "100")]),
        ("5 млрд тенге", [("5 млрд тенге", "5000000000", "KZT", None, False, "exact", None, None)]),
        ("half a million dollars", [("half a million dollars", "500000", "USD", "500000", False, "exact", None, None)]),
        ("$5 million dollars", [("$5 million dollars", "5000000", "USD", "5000000", False, "exact", None, None)]),
        ("In 2016 25 million tenge was spent", [("25 million tenge", "25000000", "KZT", None, False, "exact", None, None)]),
    ],
}


def _row(m):
    as_str = lambda v: None if v is None else str(v)  # noqa: E731
    return (m.text, str(m.amount), m.currency, as_str(m.usd), m.approximate, m.bound,
            as_str(m.amount_max), as_str(m.mci))


@pytest.mark.parametrize(
    "sentence,expected",
    [pytest.param(s, e, id=f"{origin}: {s[:50]}") for origin, rows in FIND.items() for s, e in rows],
)
def test_find_money(sentence, expected):
    found = find_money(sentence)
    assert [_row(m) for m in found] == expected
    for m in found:
        assert sentence[m.start:m.end] == m.text
        assert m.sentence is None and m.section is None and m.raw_start is None and m.raw_end is None


# Not money, by family. Each family has counter-examples in FIND or below.
NOT_MONEY = {
    "percentages": ["Nazarbayev received 97.5 percent of the vote", "20 percent of broadcast time",
                    "a 12% rise"],
    "years": ["In 2015 tenge was devalued", "since 2014 dollars flowed out", "in 2016, and Expo 2017"],
    "code-like $": ["echo $HOME", "s/(x)/$1/g", "${var}", "price\\$5", "a$1 b"],
    "phone numbers": ["call +7 727 250 00 00", "tel. 8 (7172) 74-30-01"],
    "counts": ["courts blocked 55 websites", "138 times", "2,000 people", "AK-159/25", "745x670"],
    "MCI alone": ["a fine of 100 MCI", "fined 50 monthly calculation indices"],
    "weights": ["200 pounds of explosives"],
    "vague amounts": ["millions of tenge", "tens of millions of dollars", "several thousand tenge"],
    "currency without number": ["the tenge fell", "dollars and euros", "in US dollars"],
}


@pytest.mark.parametrize(
    "sentence", [pytest.param(s, id=f"{family}: {s}") for family, rows in NOT_MONEY.items() for s in rows]
)
def test_not_money(sentence):
    assert find_money(sentence) == []


@pytest.mark.parametrize("sentence,expected", [
    ("a fine of 100 MCI", [(10, 17, D("100"))]),
    ("fined 50 monthly calculation indices", [(6, 36, D("50"))]),
    ("15 MCI (19,440 tenge)", []),
])
def test_find_mci_lists_counts_without_money(sentence, expected):
    assert find_mci(sentence) == expected


@pytest.mark.parametrize("sentence,expected", [
    pytest.param("a budget of 1.500 tenge", D("1500"),
                 marks=pytest.mark.xfail(strict=True, reason="a single dot is read as a decimal point")),
    pytest.param("fined 5 m tenge", D("5000000"),
                 marks=pytest.mark.xfail(strict=True, reason="one-letter scales only glued: '5m'")),
    pytest.param("a fine of 5 thousand 500 tenge", D("5500"),
                 marks=pytest.mark.xfail(strict=True, reason="digits, scale, digits: only '500 tenge' is read")),
    pytest.param("a fine of 2,5 thousand tenge", D("2500")),
    pytest.param("from five to ten million tenge", D("5000000")),
])
def test_known_limits(sentence, expected):
    found = find_money(sentence)
    assert found and found[0].amount == expected


# ------------------------------------------------------------------ gold pages


def _gold_files():
    return sorted(GOLDEN.glob("*.gold.json"))


# Known misses on the grown dev set; the accuracy gate scores them in aggregate.
MONEY_MISSES: frozenset[str] = frozenset()
HEDGE_WORDS = {json.loads(line)["phrase"] for line in
               (ROOT / "models" / "patterns" / "money_hedges.jsonl").read_text(encoding="utf-8").splitlines()
               if line.strip()}


@pytest.mark.parametrize("gold_path", gold_params(MONEY_MISSES, "money phrasing not read yet"))
def test_gold_money_found_on_raw_pages(gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = (RAW / gold["doc"]).read_text(encoding="utf-8")
    found = find_money(text)
    by_key = {(m.amount, m.currency): m for m in found}
    for entry in gold["money"]:
        key = (D(str(entry["amount"])), entry["currency"])
        assert key in by_key, f"missing {entry['text']!r}"
        m = by_key[key]
        expected_usd = None if entry["usd"] is None else D(str(entry["usd"]))
        assert m.usd == expected_usd, entry["text"]
        assert m.approximate == entry["approximate"], entry["text"]
        # Hedges stay outside the span by design ("nearly $35,000" -> "$35,000", approximate)
        lead = entry["text"][: len(entry["text"]) - len(m.text)].strip().lower()
        assert entry["text"].endswith(m.text) and (not lead or lead in HEDGE_WORDS), entry["text"]
    # these raw pages hold no money outside the gold lists (boilerplate included)
    assert sorted(by_key) == sorted((D(str(e["amount"])), e["currency"]) for e in gold["money"])


# ----------------------------------------------------------- speed and safety


ADVERSARIAL = {
    "digits": "1",
    "commas": "1,",
    "digit groups": "123,",
    "space groups": "100 ",
    "no-break space groups": "100\u00a0",
    "dots": "100.",
    "scale words": "million ",
    "numbers and scales": "5 million ",
    "number words": "one two ",
    "words and": "one and ",
    "currency words": "tenge ",
    "amounts": "1 tenge ",
    "dollar signs": "$",
    "dollar amounts": "$1 ",
    "parentheses": "5 tenge ($1) ",
    "hyphens": "1-",
    "mixed": "1,000 000.5 million - to and between tenge (",
    "letters": "milllllll",
}


@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_linear_time_on_long_runs(name):
    text = (ADVERSARIAL[name] * 200_000)[:200_000]
    started = time.perf_counter()
    find_money(text)
    assert time.perf_counter() - started < 10.0  # a hang detector; measured well under 2 s; quadratic would be minutes


_TOKENS = ["1", "0", "5", "12", ",", ".", " ", "\u00a0", "000", "million", "mln", "m", "k",
           "tenge", "$", "USD", "KZT", "₸", "(", ")", "about", "up to", "between", "and", "to",
           "-", "–", "five", "thousand", "a", "half", "MCI", "or", "~", "2015", "in", "percent"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), max_size=40).map("".join))
def test_any_text_gives_well_formed_mentions(text):
    previous_end = 0
    for m in find_money(text):
        assert text[m.start:m.end] == m.text
        assert m.start >= previous_end  # phrases do not overlap
        previous_end = m.end
        assert m.amount > 0
        assert m.currency != "MCI"
        if m.currency == "USD":
            assert m.usd == m.amount
        if m.bound == "range":
            assert m.amount_max is not None and m.amount_max > m.amount
        else:
            assert m.amount_max is None
