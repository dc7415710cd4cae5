"""Families of text that looks like a date and is not one.

Each family is a small, named check, tested with examples and counter-examples
in tests/test_dates.py. Word lists live in models/patterns/date_false_positives.jsonl
and models/patterns/date_cues.jsonl, so a new count noun or code prefix is one
line of data.

Two kinds of callers:
- `find_dates` asks about its own candidates: `not_a_year` for a bare 4-digit
  number, `month_word_is_not_a_month` for a capitalised month word, `in_url_or_code`
  for anything;
- NER DATE spans (`extra_candidates`) go through `span_family`, which names the
  family of a span that is not a calendar date (modal "may", amounts, durations,
  ages, relative expressions, numbers that are not years, URLs/codes, spans with
  no calendar word at all), or returns None.

Every regex here is linear: bounded repetitions, no nested quantifiers.
"""

from __future__ import annotations

import re

from kzx.extract.lexicon import load_rows, phrase_alternation



_WORDS = {row["family"]: row["words"] for row in load_rows("date_false_positives.jsonl")}
_CUES = {row["kind"]: row["words"] for row in load_rows("date_cues.jsonl")}
_MONTHS = load_rows("months.jsonl")


def _alternation(words: list[str]) -> str:
    """Phrases with any white space between their words."""
    return phrase_alternation(words, gap=r"\s+")


_NUM_WORD = (
    r"(?:\d{1,4}(?:[.,]\d{1,2})?(?:\s?[½¼¾])?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty"
    r"|forty|fifty|sixty|seventy|eighty|ninety|hundred|several|few|many|some|couple|half"
    r"|dozen|dozens|hundreds|thousands)"
)
_UNIT = rf"(?:{_alternation(_WORDS['duration_unit'])})"
_MONTH_WORDS = [f for row in _MONTHS if row["lang"] == "en" for f in row["full"] + row["abbr"]]
_MONTH_NAME = rf"\b(?:{_alternation(_MONTH_WORDS)})(?![^\W\d_])"
_RU_MONTH = rf"(?:{_alternation([f for row in _MONTHS if row['lang'] != 'en' for f in row['full']])})"

# ------------------------------------------------------------------ the families

#: "the government may censor", "Parties may be suspended": the modal verb.
MODAL_MAY = re.compile(
    r"^(?:may|MAY)$|^May(?=\s+(?:be|not|have|also|well|only|never|still|even|soon|now|need"
    r"|want|face|include|result|cause|take|make|become|seek|apply|suspend|censor|use|lead)\b)"
)
#: "Theresa May", "Mrs. May", "Brian May": the name, found by what stands before it.
PERSON_BEFORE_MONTH = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Lady|Lord|Minister|PM|Judge|Rep|Sen)\.?"
    r"|\b(?!(?:" + _alternation([w.capitalize() for w in _CUES["bare_month_cue"]
                                 + _CUES["bare_month_article_cue"] + _CUES["unanchored_qualifier"]
                                 + ["Early", "Mid", "Late", "Since", "Each", "Every",
                                    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                    "Saturday", "Sunday"]]) + r")\b)[A-Z][a-z]{1,20})\s$"
)
#: "$40", "12.96 million", "20 percent": amounts and shares.
AMOUNT = re.compile(
    r"[$€£₽₸¥%]|\b(?i:tenge|dollars?|euros?|rubles?|roubles?|soms?|usd|kzt|eur|rub"
    r"|million|billion|thousand|trillion|mln|bn|percent|per\s+cent|mci)\b"
)
#: "five years of probation", "24 hours", "17-year leader", "ranging from two to nine
#: years", "four years and eight months", "several days", "three full days".
DURATION = re.compile(
    rf"(?i:\b{_NUM_WORD}(?:\s+(?:or|to|and)\s+{_NUM_WORD})?(?:\s+and\s+a\s+half)?"
    rf"(?:\s+(?:full|more|long|whole|straight|consecutive|additional|calendar))?(?:\s+|-){_UNIT}\b)"
)
#: "aged 45", "a 45-year-old", "45 years old", "at the age of 45".
AGE = re.compile(rf"(?i:\b(?:{_alternation(_WORDS['age_word'])})\b)")
#: "two days later", "today", "during the year", "last year", "every four years",
#: "in recent years", "the early part of the year", "the recent past".
RELATIVE = re.compile(
    rf"(?i:\b(?:{_alternation(_WORDS['relative_word'])})\b"
    rf"|\b(?:the|a)\s+(?:{_UNIT})\b|\bthe\s+(?:early|later|latter|first|last)\s+part\s+of\b)"
)
#: a token that is a URL, a path, an e-mail address or a file name
URL_OR_CODE = re.compile(
    r"://|\bwww\.|@|%[0-9A-Fa-f]{2}|[=\\]|\.(?i:pdf|html?|php|aspx?|docx?|jpe?g|png)\b"
    r"|[A-Za-z][^\s/]{0,40}/|/[^\s/]{0,40}[A-Za-z]"
)
#: "AK-2015", "GOST-2001": a code of capitals glued to the number by a hyphen
CODE_HYPHEN = re.compile(r"(?<![^\W\d_])[A-ZА-Я]{1,5}-$")
_CODE_PREFIX = re.compile(
    rf"(?i:\b(?:{_alternation(_WORDS['code_prefix'])})\.?\s{{0,2}}(?:no\.?\s{{0,2}}|№\s{{0,2}}|#\s{{0,2}})?)$"
    r"|[#№]\s{0,2}$"
)
_COUNT_AFTER = re.compile(rf"^\s{{1,2}}(?i:{_alternation(_WORDS['count_noun'])})\b")
_AMOUNT_AFTER = re.compile(
    r"^\s{0,2}(?:[$€£₽₸%]|(?i:tenge|dollars?|euros?|rubles?|roubles?|soms?|usd|kzt|eur|rub"
    r"|million|billion|thousand|mln|bn|percent|per\s+cent)\b)"
)
_QUANTITY_BEFORE = re.compile(rf"(?i:\b(?:{_alternation(_WORDS['quantity_hedge'])}))\s{{1,2}}$")
_YEAR_CUE_BEFORE = re.compile(
    rf"(?i:\b(?:{_alternation(_CUES['year_cue'])})\s{{1,2}})$"
    rf"|{_MONTH_NAME}\.?,?\s{{1,2}}$|{_RU_MONTH}\s{{1,2}}$"
)
_PHONE_BEFORE = re.compile(r"(?:\+\d{1,3}[\s-]?(?:\(\d{1,5}\)[\s-]?)?|\d[\s-])$")
_PHONE_AFTER = re.compile(r"^[\s-]\d")
_TOKEN_LEFT = re.compile(r"\S{0,100}$")
_TOKEN_RIGHT = re.compile(r"\S{0,100}")
_MONTH_ONLY = re.compile(_MONTH_NAME)
_OF_YEAR = re.compile(r"\bof\s+(?:19|20)\d\d\b")
_BARE_YEAR = re.compile(r"(?:19|20)\d\d")
_CALENDAR = re.compile(
    rf"{_MONTH_NAME}|{_RU_MONTH}|(?<!\d)(?:19|20)\d\d(?!\d)|\b\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}\b"
)


def in_url_or_code(text: str, start: int, end: int) -> bool:
    """True when text[start:end] sits inside a URL, path, e-mail address or file name.

    >>> t = "SOURCE: https://www.uscirf.gov/files/2021-04/2021%20Annual%20Report.pdf"
    >>> in_url_or_code(t, t.index("2021"), t.index("2021") + 4)
    True
    >>> t = "in 2016, and Expo 2017."
    >>> in_url_or_code(t, 3, 7), in_url_or_code(t, 18, 22)
    (False, False)
    """
    left = _TOKEN_LEFT.search(text, max(0, start - 100), start)
    right = _TOKEN_RIGHT.match(text, end, min(len(text), end + 100))
    token = (left.group() if left else "") + text[start:end] + (right.group() if right else "")
    return bool(URL_OR_CODE.search(token))


def year_cue_before(text: str, start: int) -> bool:
    """A word just before `start` that makes a following number a year even before a
    count noun or a currency ('in', 'since', a month). Weak cues ('of', 'and') do not.

    >>> year_cue_before("since 2012", 6), year_cue_before("about 2000", 6), year_cue_before("of 2000", 3)
    (True, False, False)
    """
    return bool(_YEAR_CUE_BEFORE.search(text, max(0, start - 16), start))


def not_a_year(text: str, start: int, end: int) -> str | None:
    """Family name when the 4-digit number text[start:end] is not a year, else None.

    >>> t = "more than 2000 people"; not_a_year(t, 10, 14)
    'count'
    >>> t = "under article 2015 of the code"; not_a_year(t, 14, 18)
    'code'
    >>> t = "in 2000 people left"; not_a_year(t, 3, 7) is None
    True
    >>> t = "call +7 727 2015 1234"; not_a_year(t, 12, 16)
    'phone'
    """
    if in_url_or_code(text, start, end):
        return "url_or_code"
    before_window = text[max(0, start - 24):start]
    if CODE_HYPHEN.search(before_window):
        return "code"
    if _CODE_PREFIX.search(before_window):
        return "code"
    if _PHONE_BEFORE.search(before_window) and _PHONE_AFTER.match(text[end:end + 3]):
        return "phone"
    if year_cue_before(text, start):
        return None  # "in 2000 people marched": the cue wins
    after = text[end:end + 30]
    if _AMOUNT_AFTER.match(after):
        return "amount"
    if _COUNT_AFTER.match(after):
        return "count"
    if _QUANTITY_BEFORE.search(before_window):
        return "count"
    return None


def month_word_is_not_a_month(text: str, start: int, end: int) -> str | None:
    """Family name when the capitalised month word text[start:end] is a verb or a name.

    >>> t = "Theresa May said"; month_word_is_not_a_month(t, 8, 11)
    'person_name'
    >>> t = "May be suspended"; month_word_is_not_a_month(t, 0, 3)
    'modal_may'
    >>> t = "In May the court"; month_word_is_not_a_month(t, 3, 6) is None
    True
    """
    word = text[start:end]
    if word in ("May", "MAY", "may") and MODAL_MAY.match(text[start:min(len(text), end + 12)]):
        return "modal_may"
    if PERSON_BEFORE_MONTH.search(text, max(0, start - 24), start):
        return "person_name"
    return None


def span_family(text: str, start: int, end: int) -> str | None:
    """Why the span text[start:end] (an NER DATE) is not a calendar date, or None.

    Spans with a month or a year pass unless they are durations or amounts.

    >>> def f(s): return span_family(s, 0, len(s))
    >>> [f(s) for s in ["five years", "24 hours", "Two days later", "today", "may", "$40"]]
    ['duration', 'duration', 'relative', 'relative', 'modal_may', 'amount']
    >>> [f(s) for s in ["January 24", "the first nine months of 2016", "2012"]]
    [None, None, None]
    """
    raw = text[start:end]
    span = raw.strip()
    if not span:
        return "empty"
    start += len(raw) - len(raw.lstrip())
    end = start + len(span)
    if MODAL_MAY.match(span):
        return "modal_may"
    if _MONTH_ONLY.fullmatch(span):  # "May" alone: the verb or a name?
        family = month_word_is_not_a_month(text, start, end)
        if family:
            return family
    if AMOUNT.search(span):
        return "amount"
    if in_url_or_code(text, start, end):
        return "url_or_code"
    if AGE.search(span):
        return "age"
    calendar = _CALENDAR.search(span)
    if calendar is None:
        if RELATIVE.search(span):
            return "relative"
        if DURATION.search(span):
            return "duration"
        return "no_calendar_word"
    if DURATION.search(span) and not _OF_YEAR.search(span):
        return "duration"  # "four years and eight months" ("the first nine months of 2016" passes)
    if _BARE_YEAR.fullmatch(span):
        return not_a_year(text, start, end) and "not_a_year"
    return None
