"""The document's own date: when the page says it was written.

`find_document_date(raw)` reads the head of the page (the raw text: metadata lines
that cleaning removes still date the page) and returns one `DocumentDate`, by the
first family that finds one, in this order:

- `telegram_dtg`: a diplomatic telegram's date-time group, "P 221545Z OCT 07"
  (precedence, day, time Z, month, year);
- `label`: a label of the document's own date and its value, "Date: Sept. 27, 2008",
  "Posted on March 3, 2014", "Publication Date 31 March 2003", "For Immediate
  Release / February 24, 2012" (labels that date a copy, "Last Updated",
  "accessed", never count);
- `dateline`: a full date alone on its line ("July 13, 2017", "Tuesday, February 29,
  2000") or opening a paragraph after a place ("WASHINGTON, March 3, 2014 –");
- `stamp`: a mirror's DD.MM.YYYY stamp alone at the start of a short line;
- `report_title`: the year a report's title says it covers (a year, nothing finer).

>>> d = find_document_date("UNCLAS SECTION 01 OF 02 ASTANA 000012\\nP 061231Z JAN 10\\nFM AMEMBASSY ASTANA")
>>> d.value, d.rule, d.text
('2010-01-06', 'telegram_dtg', '061231Z JAN 10')
>>> find_document_date("Last Updated: 25 May 2023\\nPublication Date 31 March 2003\\n").value
'2003-03-31'
>>> find_document_date("Statement\\nAs delivered to the Council\\nJuly 13, 2017\\n\\nThank you.").rule
'dateline'
>>> find_document_date("2016 Country Reports on Human Rights Practices: Kazakhstan\\n\\nText.").value
'2016'
>>> find_document_date("On May 5, 2016 the court ruled. Then on July 6, 2016 it ruled again.") is None
True
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from kzx.extract.dates import find_dates, heading_year, parse_leftover, to_timex, valid_date
from kzx.extract.lexicon import load_rows, phrase_alternation
from kzx.records import DocumentDate

# The head of a page: its date stands above the narrative (a printed record's
# heading block runs to some 20 lines; a mirror's metadata block to 10).
HEAD_CHARS = 5000
HEAD_LINES = 60
# A dateline's place before its date: "WASHINGTON", "ASTANA, Kazakhstan".
PLACE_MAX = 40

_CUES = {row["kind"]: row["words"] for row in load_rows("date_cues.jsonl")}
_MONTH_ABBR = "JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC"
_DTG = re.compile(
    rf"(?<![\w/])(?:[ZOPRIM]{{1,2}}\s+)?(?P<text>(?P<d>[0-3]\d)(?P<t>[0-2]\d[0-5]\d)Z\s+"
    rf"(?P<m>{_MONTH_ABBR})\s+(?P<y>\d{{4}}|\d{{2}}))(?!\w)"
)
_LABEL = re.compile(
    rf"^[\s*|•-]*(?P<label>{phrase_alternation(_CUES['document_date_label'])})\b\s*[:|.-]?\s*",
    re.IGNORECASE,
)
_COPY_LABEL = re.compile(rf"\b(?:{phrase_alternation(_CUES['copy_date_label'])})\b", re.IGNORECASE)
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
_WEEKDAY_ONLY = re.compile(rf"\s*{_WEEKDAY}\s*")
_PLACE = re.compile(rf"^(?P<place>[A-Z][A-Za-z .'’-]{{1,{PLACE_MAX}}}),\s+")
_DATELINE_END = re.compile(r"\s*(?:[–—]|--?|:|$)")
_STAMP = re.compile(r"^(?P<text>(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d\d))(?:\s+[0-2]?\d:[0-5]\d)?(?=\s|$|\|)")
_STAMP_LINE_MAX = 60


def _lines(raw: str) -> Iterator[tuple[int, str]]:
    """(offset, line) of the page's head."""
    head = raw[:HEAD_CHARS]
    offset = 0
    for number, line in enumerate(head.split("\n")):
        if number >= HEAD_LINES:
            return
        yield offset, line
        offset += len(line) + 1


def _made(rule: str, raw_start: int, raw_end: int, raw: str, year: int, month=None, day=None) -> DocumentDate | None:
    if not valid_date(year, month or 1, day):
        return None
    return DocumentDate(value=to_timex(year, month, day), text=raw[raw_start:raw_end], rule=rule,
                        raw_start=raw_start, raw_end=raw_end)


_DIGIT = re.compile(r"\d")


def _full_date(text: str) -> tuple[int, int, int, int, int] | None:
    """(start, end, year, month, day) of the first full date written in `text`."""
    if not _DIGIT.search(text):
        return None  # a full date writes its day and year in digits (most lines of a page have none)
    for mention in find_dates(text):
        if mention.granularity == "day" and mention.year_source == "text":
            year, month, day = (int(part) for part in mention.value.split("-"))
            return mention.start, mention.end, year, month, day
    parsed = parse_leftover(text.strip()) if len(text.strip()) <= 60 else None
    if parsed and parsed[0] is not None and parsed[2] is not None:
        start = len(text) - len(text.lstrip())
        return start, start + len(text.strip()), *parsed
    return None


def telegram_dtg(raw: str) -> DocumentDate | None:
    """A date-time group on a line in capitals: 'R 061231Z JAN 10' -> 2010-01-06."""
    for offset, line in _lines(raw):
        if line.upper() != line:
            continue
        match = _DTG.search(line)
        if match:
            year = int(match["y"])
            year += 2000 if year < 100 and year < 50 else 1900 if year < 100 else 0
            month = _MONTH_ABBR.split("|").index(match["m"]) + 1
            return _made("telegram_dtg", offset + match.start("text"), offset + match.end("text"),
                         raw, year, month, int(match["d"]))
    return None


def label(raw: str) -> DocumentDate | None:
    """'Date: Sept. 27, 2008', 'Posted on March 3, 2014', or a label line with the
    date on the next line ('For Immediate Release' / 'February 24, 2012')."""
    lines = list(_lines(raw))
    for index, (offset, line) in enumerate(lines):
        match = _LABEL.match(line)
        if not match or _COPY_LABEL.search(line[: match.end()]) or _COPY_LABEL.match(line):
            continue
        value = line[match.end():]
        where = offset + match.end()
        if not value.strip() and index + 1 < len(lines):
            where, value = lines[index + 1]
        found = _full_date(value[:80])
        # The label's value is the date itself (a weekday may stand before it):
        # "Date of the trial: May 5, 2016" is not the document's date.
        if found and _WEEKDAY_ONLY.fullmatch(value[: found[0]]):
            start, end, year, month, day = found
            return _made("label", where + start, where + end, raw, year, month, day)
    return None


def dateline(raw: str) -> DocumentDate | None:
    """A full date alone on its line, or after a place at the start of a paragraph."""
    for offset, line in _lines(raw):
        stripped = line.strip()
        if not stripped or len(stripped) > 80:
            continue
        lead = len(line) - len(line.lstrip())
        place = _PLACE.match(stripped)
        body_start = place.end() if place else 0
        weekday = re.match(_WEEKDAY, stripped[body_start:])
        body_start += weekday.end() if weekday else 0
        found = _full_date(stripped[body_start:])
        if not found:
            continue
        start, end, year, month, day = found
        if start != 0:
            continue
        rest = stripped[body_start + end:]
        alone = not rest.strip(" .")
        if alone and not place or (place and _DATELINE_END.match(rest)):
            return _made("dateline", offset + lead + body_start + start, offset + lead + body_start + end,
                         raw, year, month, day)
    return None


def stamp(raw: str) -> DocumentDate | None:
    """'12.03.2014' or '12.03.2014 14:25' at the start of a short line."""
    for offset, line in _lines(raw):
        stripped = line.strip()
        match = _STAMP.match(stripped) if len(stripped) <= _STAMP_LINE_MAX else None
        if match:
            lead = len(line) - len(line.lstrip())
            return _made("stamp", offset + lead + match.start("text"), offset + lead + match.end("text"),
                         raw, int(match["y"]), int(match["m"]), int(match["d"]))
    return None


def report_title(raw: str) -> DocumentDate | None:
    """The year a report's title in the page's head says it covers."""
    for offset, line in _lines(raw):
        year = heading_year(line) if line.strip() else None
        if year is not None:
            at = line.find(str(year))
            return _made("report_title", offset + at, offset + at + 4, raw, year)
    return None


# The families, in the order they are tried: the first that finds a date wins.
FAMILIES: tuple[Callable[[str], DocumentDate | None], ...] = (
    telegram_dtg, label, dateline, stamp, report_title,
)


def find_document_date(raw: str) -> DocumentDate | None:
    for family in FAMILIES:
        found = family(raw)
        if found is not None:
            return found
    return None


# Lines at the top of a section that may hold its own dateline (a new article's).
OPENING_LINES = 4


def opens_with_own_date(section: str) -> bool:
    """Whether a section opens with a date of its own (a label or a dateline): the
    start of another article, which the page's date does not date.

    >>> opens_with_own_date("Court fines editor\\nMay 3, 2016\\n\\nA court in Almaty fined ...")
    True
    >>> opens_with_own_date("Press and Media Freedoms\\n\\nOn May 3 a court fined ...")
    False
    """
    head = "\n".join(section.split("\n", OPENING_LINES)[:OPENING_LINES])
    return label(head) is not None or dateline(head) is not None


_REPORT_LINE = re.compile(r"(?i)(?:^|[\s:–—-])reports?(?:$|[\s:,–—-])")
_SENTENCE_END = tuple(".!?;,")


def is_report_page(raw: str) -> bool:
    """A page whose head names it a report: its date is when the report was
    published, months after the events it tells, so it dates none of them.

    >>> is_report_page("Kazakhstan\\nBureau of Democracy, Human Rights, and Labor\\nReport\\nApril 13, 2016\\n")
    True
    >>> is_report_page("Statement on Kazakhstan\\nDecember 13, 2012\\nWe welcome the report.")
    False
    """
    for _, line in _lines(raw):
        stripped = line.strip()
        if stripped and len(stripped) <= 150 and not stripped.endswith(_SENTENCE_END) \
                and _REPORT_LINE.search(stripped):
            return True
    return False


def dates_the_narrative(raw: str, found: DocumentDate) -> bool:
    """Whether the document's date gives yearless dates in the page their year:
    a report's title year does (it is the year covered); a report's publication
    date does not; any other page's own date does."""
    return found.rule == "report_title" or not is_report_page(raw)
