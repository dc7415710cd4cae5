"""Russian rows of the data-driven families: dates (month names in every case, the
word 'год', ranges), money (scales, currencies, hedges, comma decimals, no-break
spaces) and cleaning (reading-time labels, share buttons, related posts, comment
widgets, file-sharing metadata). Sentences of our own making, with counter-examples."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from kzx.clean import clean
from kzx.clean.rules import squeeze
from kzx.extract.dates import find_dates
from kzx.extract.money import find_money

DATES = [
    ("day month year", "12 апреля 2022 года суд вынес приговор.", [("12 апреля 2022 года", "2022-04-12")]),
    ("day month, year", "26 июля, 2023", [("26 июля, 2023", "2023-07-26")]),
    ("prepositional month and year", "В мае 2018 года его задержали.", [("мае 2018 года", "2018-05")]),
    ("nominative month and year", "данные за июль 2017 года", [("июль 2017 года", "2017-07")]),
    ("capitals", "ДОКЛАД ЗА МАЙ 2019 ГОДА", [("МАЙ 2019 ГОДА", "2019-05")]),
    ("year with 'г.'", "в 2020 г. было", [("2020 г.", "2020")]),
    ("year with 'году'", "В 2021 году суд", [("2021 году", "2021")]),
    ("numeric", "Решение от 15.03.2020 вступило в силу.", [("15.03.2020", "2020-03-15")]),
    ("range with 'с ... по'", "Акция прошла с 1 по 5 мая 2021 года.",
     [("1", "2021-05-01"), ("5 мая 2021 года", "2021-05-05")]),
    ("pair with 'и'", "1 и 2 декабря 2011 г.", [("1", "2011-12-01"), ("2 декабря 2011 г.", "2011-12-02")]),
    ("range across months", "с 28 апреля по 1 мая 2020 года",
     [("28 апреля", "2020-04-28"), ("1 мая 2020 года", "2020-05-01")]),
    ("bare month after 'в'", "В июне суд отклонил жалобу.", [("июне", "XXXX-06")]),
    ("months in a list", "в апреле и мае 2021 года", [("апреле", "2021-04"), ("мае 2021 года", "2021-05")]),
]
NOT_DATES = [
    "Март был холодным.",  # a bare month without a cue
    "около 2000 человек вышли на митинг",  # a count
    "в 1990-х годах",  # a decade
    "по статье 2020 УК",  # not a year
    "приговорён к 2 годам",  # a duration
]


@pytest.mark.parametrize("family, text, expected", DATES, ids=[d[0] for d in DATES])
def test_russian_dates(family, text, expected):
    assert [(d.text, d.value) for d in find_dates(text)] == expected


@pytest.mark.parametrize("text", NOT_DATES)
def test_russian_not_dates(text):
    assert find_dates(text) == []


def test_russian_yearless_date_takes_the_section_year():
    text = "В январе 2022 года прошли протесты. 12 января 2022 года суд вынес решение. 20 января суд отклонил жалобу."
    values = {d.text: d.value for d in find_dates(text)}
    assert values["20 января"] == "2022-01-20"


MONEY = [
    ("thousands word", "Суд оштрафовал его на 500 тысяч тенге.", ("500 тысяч тенге", D("500000"), "KZT", None, None)),
    ("comma decimal, million abbreviation, dollar equivalent", "ущерб составил 12,9 млн тенге ($40 тыс.).",
     ("12,9 млн тенге ($40 тыс.)", D("12900000"), "KZT", D("40000"), None)),
    ("billion, 'тг'", "выделено 1,5 млрд тг на", ("1,5 млрд тг", D("1500000000"), "KZT", None, None)),
    ("tenge sign, spaced thousands", "штраф 250 000 ₸ и", ("250 000 ₸", D("250000"), "KZT", None, None)),
    ("narrow no-break spaces", "штраф 1\u202f250\u202f000\u00a0тенге", ("1\u202f250\u202f000\u00a0тенге", D("1250000"), "KZT", None, None)),
    ("MCI with tenge", "штраф в размере 100 МРП (306 300 тенге)", ("100 МРП (306 300 тенге)", D("306300"), "KZT", None, D("100"))),
    ("million, genitive", "сумма 2,5 миллиона тенге", ("2,5 миллиона тенге", D("2500000"), "KZT", None, None)),
    ("US dollars", "около 5 млн долларов США", ("5 млн долларов США", D("5000000"), "USD", D("5000000"), None)),
]


@pytest.mark.parametrize("family, text, expected", MONEY, ids=[m[0] for m in MONEY])
def test_russian_money(family, text, expected):
    [m] = find_money(text)
    assert (m.text, m.amount, m.currency, m.usd, m.mci) == expected


@pytest.mark.parametrize("text, approximate, bound", [
    ("около 5 млн тенге", True, "exact"), ("более 200 тыс. тенге", True, "floor"),
    ("не более 100 тысяч тенге", False, "ceiling"), ("штраф до 300 тысяч тенге", False, "ceiling"),
])
def test_russian_money_hedges(text, approximate, bound):
    [m] = find_money(text)
    assert (m.approximate, m.bound) == (approximate, bound)


@pytest.mark.parametrize("text", ["18,5 миллионов человек", "70 процентов населения", "статья 174 УК РК"])
def test_russian_not_money(text):
    assert find_money(text) == []


BEFORE = "Суд Алмалинского района Алматы приговорил журналиста к семи годам лишения свободы."
AFTER = "Правозащитники назвали приговор политически мотивированным и обжаловали его."

NOISE = [
    "10 МИНУТНОЕ ЧТЕНИЕ", "5 мин чтения", "Время чтения 4 минуты", "Поделиться", "Версия для печати",
    "Главная страница", "Скачать 36.12 Kb.", "страница2 из 4", "1   2   3   4",
    "Оставить комментарий", "People lay flowers at the embassy (AP Photo/Alexander Zemlianichenko)",
]
REAL = [
    "Типичные нарушения прав человека включали пытки.",  # starts like the label 'Тип'
    "Название организации не было раскрыто.",  # starts like the label 'Название'
    "Поделиться своим мнением журналист не смог: его задержали.",
    "Дата суда не назначена.",
]


def _in_page(line: str):
    return clean(f"{BEFORE}\n\n{line}\n\n{AFTER}\n")


# A file-sharing site's record of a document: labels glued to their values, in a block
# above the text (noise.metadata goes by that position, so the block is tested there).
GLUED_FIELDS = ["НазваниеДоклад о свободе вероисповедания", "Формат файлаdocx",
                "Имя файлаReport-2017.docx", "ТипДоклад", "Дата14.12.2021", "Размер36.12 Kb."]


def test_glued_metadata_fields_above_the_text_go():
    cleaned = clean("\n".join(GLUED_FIELDS) + f"\n\n{BEFORE}\n\n{AFTER}\n")
    text = squeeze(cleaned.text)
    assert not [field for field in GLUED_FIELDS if squeeze(field) in text]
    assert squeeze(BEFORE) in text and squeeze(AFTER) in text
    assert {r.rule for r in cleaned.removals if not r.rule.startswith("repair")} == {"noise.metadata"}


@pytest.mark.parametrize("line", NOISE)
def test_russian_noise_goes(line):
    text = squeeze(_in_page(line).text)
    assert squeeze(line) not in text
    assert squeeze(BEFORE) in text and squeeze(AFTER) in text


@pytest.mark.parametrize("line", REAL)
def test_russian_content_stays(line):
    assert squeeze(line) in squeeze(_in_page(line).text)


def test_russian_comments_section_goes():
    page = f"{BEFORE}\n\n{AFTER}\n\nКомментарии (3)\n\n1. Айдар\n\nПозор!\n\n2. Марина\n\nСогласна.\n"
    cleaned = squeeze(clean(page).text)
    assert "Позор" not in cleaned and "Марина" not in cleaned
    assert squeeze(BEFORE) in cleaned and squeeze(AFTER) in cleaned


@pytest.mark.parametrize("heading", ["Читайте также", "Похожие новости", "Материалы по теме"])
def test_russian_related_widget_goes(heading):
    page = "\n\n".join([BEFORE + " " + AFTER, heading,
                         "В Алматы задержали активиста",
                         "Суд оштрафовал журналиста за пост в Facebook"])
    cleaned = squeeze(clean(page).text)
    assert heading not in cleaned and "задержали активиста" not in cleaned
    assert squeeze(BEFORE) in cleaned
