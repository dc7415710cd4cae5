"""Russian court outcomes by family (kzx/lang/ru/outcomes.py, triggers in
models/patterns/ru_outcomes.jsonl). Sentences written for these tests in the style of
Russian court news; each family has counter-examples that must give nothing."""

from __future__ import annotations

import pytest

from kzx.extract.dates import find_dates
from kzx.extract.money import find_money
from kzx.lang.ru.nlp import analyse_russian
from kzx.lang.ru.outcomes import find_russian_outcomes, parse_duration


def outcomes_of(text: str):
    analysis = analyse_russian(text, [(0, len(text))])
    return find_russian_outcomes(
        text, [(s.start, s.end) for s in analysis.sentences], analysis.entities,
        find_dates(text), find_money(text))


def summary(outcome):
    return (outcome.person, outcome.verdict,
            [(p.kind, p.duration, None if p.amount is None else str(p.amount)) for p in outcome.penalties])


# (family, sentence, expected (person, verdict, penalties) of the first outcome)
FAMILIES = [
    ("sentenced, active, prison in number words",
     "Медеуский районный суд Алматы приговорил активиста Ивана Петрова к семи годам лишения свободы.",
     ("Иван Петров", "sentenced", [("prison", "P7Y", None)])),
    ("sentenced, passive, colony",
     "Марат Жанузаков приговорён к пяти годам колонии общего режима.",
     ("Марат Жанузаков", "sentenced", [("prison", "P5Y", None)])),
    ("sentenced, years and months in digits",
     "Суд приговорил Асета Абишева к 4 годам и 6 месяцам заключения.",
     ("Асет Абишев", "sentenced", [("prison", "P4Y6M", None)])),
    ("restriction of freedom",
     "Суд приговорил журналистку Анну Сидорову к трём годам ограничения свободы.",
     ("Анна Сидорова", "sentenced", [("restriction_of_freedom", "P3Y", None)])),
    ("suspended sentence",
     "Ержан Касымов приговорён к двум годам условно.",
     ("Ержан Касымов", "sentenced", [("probation", "P2Y", None)])),
    ("suspended sentence, 'условный срок'",
     "Суд назначил Нурлану Ахметову условный срок.",
     ("Нурлан Ахметов", "sentenced", [("probation", None, None)])),
    ("administrative arrest in days",
     "Суд Алмалинского района Алматы арестовал Нурлана Ахметова на 15 суток.",
     ("Нурлан Ахметов", "sentenced", [("prison", "P15D", None)])),
    ("administrative arrest, passive, number word",
     "Активист Олжас Бекетов арестован на десять суток.",
     ("Олжас Бекетов", "sentenced", [("prison", "P10D", None)])),
    ("fined, passive, amount in tenge",
     "Журналистка Анна Сидорова оштрафована на 500 тысяч тенге.",
     ("Анна Сидорова", "fined", [("fine", None, "500000")])),
    ("fined, MCI with tenge equivalent",
     "Суд оштрафовал блогера Ивана Петрова на 100 МРП (306 300 тенге).",
     ("Иван Петров", "fined", [("fine", None, "306300")])),
    ("convicted, found guilty",
     "Сергей Иванов был признан виновным в распространении заведомо ложной информации.",
     ("Сергей Иванов", "convicted", [])),
    ("convicted, active 'осудил'",
     "Суд осудил правозащитника Максата Жакупова.",
     ("Максат Жакупов", "convicted", [])),
    ("detained, subject after the verb",
     "В Астане задержан блогер Ержан Касымов.",
     ("Ержан Касымов", "detained", [])),
    ("arrested, custody",
     "Айгуль Нурланова взята под стражу.",
     ("Айгуль Нурланова", "arrested", [])),
    ("acquitted",
     "Суд оправдал Ольгу Смирнову.",
     ("Ольга Смирнова", "acquitted", [])),
    ("released",
     "Позднее Ержан Касымов был освобождён из колонии.",
     ("Ержан Касымов", "released", [])),
    ("charged",
     "Максату Жакупову предъявлено обвинение по статье 274 УК РК.",
     ("Максат Жакупов", "charged", [])),
    ("suit dismissed: the plaintiff",
     "Верховный суд отклонил иск Айгуль Нурлановой к акимату.",
     ("Айгуль Нурланова", "suit_dismissed", [])),
    ("suit upheld: the defendant",
     "Суд удовлетворил иск министра к журналисту Ивану Петрову.",
     ("Иван Петров", "suit_upheld", [])),
]


@pytest.mark.parametrize("family, sentence, expected", FAMILIES, ids=[f[0] for f in FAMILIES])
def test_family(family, sentence, expected):
    found = outcomes_of(sentence)
    assert found, family
    assert summary(found[0]) == expected


COUNTER_EXAMPLES = [
    "Власти продолжают задерживать и штрафовать граждан за их убеждения.",  # no named person
    "Полиция не задержала Ивана Петрова.",  # negated
    "Ивану Петрову грозит быть осуждённым по статье 174 УК РК.",  # a threat, not a decision
    "Иван Петров подал в суд на министерство.",  # a suit filed, no decision
    "Эксперты обсудили статью 174 УК РК в Алматы.",  # an article without a decision
    "Суд рассмотрит дело Ивана Петрова 12 апреля.",  # a hearing to come
]


@pytest.mark.parametrize("sentence", COUNTER_EXAMPLES)
def test_counter_examples_give_nothing(sentence):
    assert outcomes_of(sentence) == []


def test_charges_court_and_date():
    text = ("12 апреля 2022 года Медеуский районный суд Алматы приговорил активиста Ивана Петрова "
            "к семи годам лишения свободы по части 1 статьи 174 УК РК.")
    [outcome] = outcomes_of(text)
    assert outcome.court == "Медеуский районный суд"
    assert outcome.date == "2022-04-12"
    assert outcome.charges == ["Article 174 part 1"]
    assert outcome.evidence.text == text


@pytest.mark.parametrize("text, duration", [
    ("к семи годам", "P7Y"), ("к 7 годам и 6 месяцам", "P7Y6M"), ("на 15 суток", "P15D"),
    ("к полутора годам", "P1Y6M"), ("к одному году", "P1Y"), ("на пятнадцать суток", "P15D"),
    ("к восьми месяцам", "P8M"), ("к двадцати годам", "P20Y"),
])
def test_russian_durations(text, duration):
    assert parse_duration(text) == duration


def test_no_duration_without_unit():
    assert parse_duration("к семи") is None and parse_duration("в 2020 году суд") is None
