"""Penalties (kzx.extract.outcomes.slots.penalties): durations in ISO 8601, kinds from cue words, money links."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kzx.extract.outcomes.slots.penalties import find_penalties, parse_duration, penalties_respectively
from kzx.records import MoneyMention


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("five years", "P5Y"),
        ("seven and a half years", "P7Y6M"),
        ("7 ½ years", "P7Y6M"),
        ("7½ years", "P7Y6M"),
        ("four years and eight months", "P4Y8M"),
        ("four years eight months", "P4Y8M"),
        ("two years and five months", "P2Y5M"),
        ("18 months", "P1Y6M"),
        ("24 months", "P2Y"),
        ("a three-year", "P3Y"),
        ("three-year", "P3Y"),
        ("14-year", "P14Y"),
        ("one year", "P1Y"),
        ("a year", "P1Y"),
        ("a year and a half", "P1Y6M"),
        ("one and a half years", "P1Y6M"),
        ("1.5 years", "P1Y6M"),
        ("half a year", "P6M"),
        ("six months", "P6M"),
        ("15 days", "P15D"),
        ("10-day", "P10D"),
        ("two weeks", "P2W"),
        ("twenty-five years", "P25Y"),
        ("twelve years", "P12Y"),
    ],
)
def test_parse_duration(written, iso):
    assert parse_duration(written) == iso


@pytest.mark.parametrize("written", ["several years", "years", "48 hours", "", "the year"])
def test_parse_duration_without_a_period(written):
    assert parse_duration(written) is None


def money_at(text: str, written: str, amount, currency="KZT") -> MoneyMention:
    start = text.index(written)
    return MoneyMention(text=written, start=start, end=start + len(written), amount=Decimal(str(amount)),
                        currency=currency)


def penalties(text: str, verdict: str = "sentenced", money=(), administrative=False):
    found = find_penalties(text, 0, len(text), list(money), verdict, administrative)
    return sorted((p.kind, p.duration or (str(p.amount) if p.amount is not None else None)) for p in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the duration before its cue, and after it
        ("sentenced him to five years of probation", [("probation", "P5Y")]),
        ("sentenced to four years in prison on charges of manslaughter", [("prison", "P4Y")]),
        ("sentenced to imprisonment for four years", [("prison", "P4Y")]),
        ("sentenced to seven years' imprisonment", [("prison", "P7Y")]),
        ("a 14-year prison sentence", [("prison", "P14Y")]),
        ("to three years of restriction of freedom, confiscation of property, and a three-year ban on "
         "journalistic activity",
         [("activity_ban", "P3Y"), ("confiscation", None), ("restriction_of_freedom", "P3Y")]),
        ("sentenced to one year of 'restricted freedom'", [("restriction_of_freedom", "P1Y")]),
        ("sentenced to two years of freedom limitation", [("restriction_of_freedom", "P2Y")]),
        ("banned from journalism for three years", [("activity_ban", "P3Y")]),
        ("barred both from civic activities for five years", [("activity_ban", "P5Y")]),
        # a bare term after "sentenced to" is prison; "suspended" makes it probation
        ("sentenced him to five years", [("prison", "P5Y")]),
        ("jailed for 15 days", [("prison", "P15D")]),
        ("received a two-year suspended sentence", [("probation", "P2Y")]),
        ("was given a suspended sentence of three years", [("probation", "P3Y")]),
        ("sentenced to three years in prison, suspended", [("probation", "P3Y")]),
        ("received suspended sentences", [("probation", None)]),
        ("sentenced to 7 ½ years in prison and confiscation of property", [("confiscation", None),
                                                                              ("prison", "P7Y6M")]),
        ("fined and ordered deported", [("deportation", None), ("fine", None)]),
        ("sentenced him to four years and six months in a labour camp", [("prison", "P4Y6M")]),
        ("was given a restricted freedom sentence of one year", [("restriction_of_freedom", "P1Y")]),
        ("was jailed for 15 days for taking part in an unsanctioned rally", [("prison", "P15D")]),
        ("ordered him expelled from Kazakhstan", [("deportation", None)]),
        ("sentenced to 20 years in prison in absentia", [("prison", "P20Y")]),
        # the camp of a protest is no term; expulsion from a university is no deportation
        ("protesters set up a camp outside the akimat", []),
        ("was expelled from the university", []),
        # maxima, ranges and demands are not penalties imposed
        ("punishable by imprisonment for up to 10 years", []),
        ("sentences ranging from probation to four years and eight months", []),
        ("although prosecutors had asked for seven years", []),
        # a wage that measures a fine is not a term
        ("fined the equivalent of one month's average salary", [("fine", None)]),
    ],
)
def test_penalty_kinds_and_durations(text, expected):
    assert penalties(text) == expected


def test_fine_takes_the_money_after_it():
    text = "punished by an administrative fine of 113,450 tenge ($350)"
    money = [money_at(text, "113,450 tenge ($350)", 113450)]
    assert penalties(text, "fined", money) == [("administrative_fine", "113450")]


def test_damages_take_the_money_before_them():
    text = "assigning 50.2 million tenge ($155,000) in damages as compensation"
    money = [money_at(text, "50.2 million tenge ($155,000)", 50200000)]
    assert penalties(text, "suit_upheld", money) == [("damages", "50200000")]


def test_money_of_a_suit_is_damages_and_of_a_fine_is_a_fine():
    text = "ordered the newspaper to publish a retraction and 5 million tenge"
    assert penalties(text, "suit_upheld", [money_at(text, "5 million tenge", 5000000)]) == [
        ("damages", "5000000")]
    text = "was fined 250,000 tenge for failing to publish a correction"
    assert penalties(text, "fined", [money_at(text, "250,000 tenge", 250000)]) == [("fine", "250000")]


def test_administrative_case_makes_fines_administrative():
    text = "found guilty under Administrative Code Article 489 and fined him 212,100 Tenge"
    money = [money_at(text, "212,100 Tenge", 212100)]
    assert penalties(text, "fined", money) == [("administrative_fine", "212100")]


def test_statutory_maximum_money_is_not_a_fine():
    text = "penalizes spreading false information with fines of up to 12.96 million tenge ($40,000)"
    money = [money_at(text, "12.96 million tenge ($40,000)", 12960000)]
    assert penalties(text, "fined", money) == []


def test_skip_leaves_the_charge_out():
    text = "imprisoned for 48 hours for refusing to pay fines"
    start = text.index("refusing")
    found = find_penalties(text, 0, len(text), [], "sentenced", skip=(start, len(text)))
    assert [(p.kind, p.duration) for p in found] == [("prison", None)]


def test_penalties_respectively():
    text = "sentenced Narymbayev and Mambetalin to three years and two years in jail respectively"
    shares = penalties_respectively(text, 0, len(text), 2)
    assert [[(p.kind, p.duration) for p in share] for share in shares] == [[("prison", "P3Y")],
                                                                           [("prison", "P2Y")]]
    text = "gave the two activists suspended sentences of two years and five months and one year respectively"
    shares = penalties_respectively(text, 0, len(text), 2)
    assert [[(p.kind, p.duration) for p in share] for share in shares] == [[("probation", "P2Y5M")],
                                                                           [("probation", "P1Y")]]
    assert penalties_respectively("sentenced to five years", 0, 23, 2) is None
