"""Dates: calendar dates and periods as TIMEX3 values, with the year rule.

`find_dates(text, sections, extra_candidates)` returns `DateMention`s whose value
is TIMEX3 (`2017-01-24`, `2017-01`, `2017`, `XXXX-01-24`, `XXXX-06`).

Candidates come from small named regex pieces (DAY, ORDINAL, MONTH, YEAR, ...)
composed into a few patterns, tried only where a digit run or a month name
starts (both found by fast literal scans), so the finder is linear and takes a
few milliseconds on a 50 KB page:

    "May 12, 2009"  "15 October 2008"  "January 24"  "Sept. 2"  "July 26th"
    "December 16 th"  "June 2010"  "May2019"  "March of this year"
    "early June"  "mid-2016"  "the first nine months of 2016"  "the summer of 2016"
    "01.04.2021" (day.month.year)  "5/18/16" (US month/day/year)  "2016-04-13"
    "In June" (a bare month needs a cue word)  "in 2012", "Expo 2017" (bare years)

Two dates joined by "and"/"to"/a dash are two mentions, and the year written
with the second is the year of the first: "December 16 th and 17 th of 2011" ->
"December 16 th" 2011-12-16 and "17 th of 2011" 2011-12-17; "from 28 April to
May 1, 2020" -> 2020-04-28 and 2020-05-01; "from 1999 to 2008" -> 1999 and 2008.
Across a new year only a range gives the earlier year ("from December 28 to
January 3, 2012" -> 2011-12-28); "December 28 and January 3, 2012" leaves
December 28 unknown.

Not dates (see date_false_positives.py): the modal "may", names, amounts,
durations, ages, relative expressions, numbers that are not years, years in URLs
and codes.

YEAR RULE (a wrong year is worse than an unknown one). A date written without
its year takes a year only from the section it stands in (the whole text when
no sections are given):
(a) a heading of the section names the year the report covers ("Country Reports
    on Human Rights Practices for 2015", "International Religious Freedom Report
    for 2012", "... 2015 Annual Report", "Events of 2015"): patterns in
    models/patterns/year_headings.jsonl; two different heading years -> none;
(b) otherwise the section's dated narrative: every full day-month-year date in
    it names the same year, and none of them is a page date (publication, update
    or posting date, a dateline, a date standing alone on a title line). Two
    conservative extras: the yearless date must stand within NARRATIVE_REACH
    (5,000) characters of one of those full dates (a coarse section holding
    several articles cannot lend one article's year to another), and the
    nearest dated day or month mention before it (after it, if none is before)
    must name that year ("... put down in December 2011. On December 20 police
    ..." stays XXXX even if the section's full dates say 2012). Month-year
    dates never anchor by themselves ("convicted in October 2011 ... upheld in
    June" stays XXXX-06); bare years neither anchor nor block.
(c) a subsection without a year of its own covers the year of the heading above
    it (the pipeline passes `section_years`: a report's "Press and Media"
    subsection is still in the report's year); that year comes before (b);
(d) otherwise, where the page states its own date (`document`: a telegram's
    date-time group, a dateline, "Posted on ...", see document_date.py), the
    year that puts the date on or before it, closest to it ("December 20" in a
    telegram of 6 January 2010 is 2009-12-20), unless a future cue ("will",
    "scheduled", "next") stands before the date in its sentence.
Otherwise the year stays XXXX. Relative years never anchor to a section: "March
of last year" and "last May" stay XXXX, except against the document's date,
where "March of last year" is the year before it and "last May" the year before
it only when both readings agree (May at or after the document's month: "last
December" in February 2000 is 1999-12; "last August" in September 2008 stays
XXXX-08). "March of this year" takes the section year.
Relative expressions ("Two days later" after "June 15") are not dates at all.

`extra_candidates` (NER DATE spans) that overlap no mention of ours (or only a
bare month inside them that they complete: "January, 24") go through
the false-positive families and then `dateparser` with fixed settings (English,
a fixed RELATIVE_BASE, absolute parsers only); a year is kept only when the span
writes it.
"""

from __future__ import annotations

import bisect
import calendar
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from kzx.extract import date_false_positives as fp
from kzx.extract.lexicon import load_rows, phrase_alternation, trie_regex
from kzx.records import DateMention



# --------------------------------------------------------------------------- data

_MONTH_ROWS = load_rows("months.jsonl")
_CUES = {row["kind"]: row["words"] for row in load_rows("date_cues.jsonl")}
_HEADINGS = load_rows("year_headings.jsonl")

_MONTH_OF: dict[str, int] = {}
_FULL_EN: list[str] = []
_ABBR_EN: list[str] = []
_OTHER: list[str] = []
for _row in _MONTH_ROWS:
    for _form in _row["full"] + _row["abbr"]:
        _MONTH_OF[_form.lower()] = int(_row["month"])
    if _row["lang"] == "en":
        _FULL_EN += [v for f in _row["full"] for v in (f, f.upper())]
        _ABBR_EN += [v for f in _row["abbr"] for v in (f, f.upper())]
    else:
        _OTHER += [v for f in _row["full"] for v in (f, f.capitalize(), f.upper())]


# ----------------------------------------------------------------- regex pieces

_NOT_LETTER_AFTER = r"(?![^\W\d_])"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)"
ORDINAL = rf"(?:\s?(?:st|nd|rd|th){_NOT_LETTER_AFTER})"
YEAR = r"(?:19|20)\d\d(?!\d)"
MONTH_FULL = rf"(?:{trie_regex(_FULL_EN)}){_NOT_LETTER_AFTER}"
MONTH = (
    rf"(?:(?:{trie_regex(_FULL_EN + _OTHER)}){_NOT_LETTER_AFTER}"
    rf"|(?:{trie_regex(_ABBR_EN)})(?:\.|{_NOT_LETTER_AFTER}))"
)
PART = (
    r"(?:(?<![^\W\d_])(?:[Ee]arly|[Mm]id|[Ll]ate|EARLY|MID|LATE)(?:-|\s{1,2})"
    r"|(?<![^\W\d_])(?:[Tt]he\s{1,2})?(?:beginning|start|end|middle)\s{1,2}of\s{1,2})"
)
PERIOD = (
    rf"(?<![^\W\d_])(?:[Tt]he\s{{1,2}})?(?:"
    rf"(?:{phrase_alternation(_CUES['period_order'])})\s{{1,2}}(?:[a-z]{{1,12}}\s{{1,2}})?"
    rf"(?:{phrase_alternation(_CUES['period_unit'])})\s{{1,2}}of"
    rf"|(?:{phrase_alternation(_CUES['season'] + [s.capitalize() for s in _CUES['season']])})(?:\s{{1,2}}of)?"
    rf")\s{{1,2}}(?:the\s{{1,2}}year\s{{1,2}})?"
)
REL_YEAR = phrase_alternation(_CUES["relative_year"])
# Russian writes the word "year" after it: "в 2020 году", "12 апреля 2022 г."
YEAR_WORD = rf"(?:\s{{1,2}}(?i:{phrase_alternation(_CUES['year_word'])})(?![^\W\d_]))"
_RU_JOINS = phrase_alternation(_CUES["ru_range_connector"])

# Anchors: where a candidate can start (literal prefixes: fast scans).
_DIGIT_ANCHOR = re.compile("|".join(f"{d}[0-9]*" for d in "0123456789"))
_MONTH_ANCHOR = re.compile(rf"(?:{trie_regex(_FULL_EN + _ABBR_EN + _OTHER)}){_NOT_LETTER_AFTER}")

_AT_MONTH = re.compile(
    rf"(?P<mr>(?P<mr_m>{MONTH_FULL})\s{{1,2}}(?:of\s{{1,2}})?(?P<mr_rel>{REL_YEAR})\b)"
    rf"|(?P<md>(?P<md_m>{MONTH})\s{{0,2}}(?:the\s{{1,2}}(?=\d{{1,2}}\s?(?:st|nd|rd|th)))?"
    rf"(?P<md_d>{DAY})(?P<md_o>{ORDINAL})?(?![.,:]\d)"
    rf"(?:(?:,\s{{0,2}}|\s{{1,2}}(?:of\s{{1,2}})?)(?P<md_y>{YEAR})(?![.,]\d))?)"
    rf"|(?P<my>(?P<my_m>{MONTH})\s{{0,2}}(?:of\s{{1,2}}|,\s{{0,2}})?(?P<my_y>{YEAR})(?![.,]\d){YEAR_WORD}?)"
    rf"|(?P<bm>(?:{trie_regex(_FULL_EN + _OTHER)}){_NOT_LETTER_AFTER})"
)
_AT_DIGIT = re.compile(
    rf"(?P<iso>(?P<iso_y>{YEAR})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>0[1-9]|[12]\d|3[01])(?![\w/]|[-.]\d))"
    rf"|(?P<nd>(?P<nd_d>{DAY})(?P<nd_s>[.-])(?P<nd_m>0?[1-9]|1[0-2])(?P=nd_s)(?P<nd_y>{YEAR})(?![\w%]|[.,/-]\d))"
    rf"|(?P<ns>(?P<ns_a>\d{{1,2}})/(?P<ns_b>\d{{1,2}})/(?P<ns_y>(?:19|20)\d\d|\d\d)(?!\d)(?![\w%]|[.,/-]\d))"
    rf"|(?P<dm>(?P<dm_d>{DAY})(?P<dm_o>{ORDINAL})?(?:(?:\s{{1,2}}of)?\s{{1,2}}(?P<dm_m>{MONTH})"
    rf"(?:,?\s{{1,2}}(?P<dm_y>{YEAR}){YEAR_WORD}?)?"
    rf"|-(?P<dh_m>{MONTH})-(?P<dh_y>{YEAR})(?![\w%]|[.,/-]\d)))"
    rf"|(?P<by>{YEAR})(?![\w%]|[.,]\d|-(?:х|е|ых|ые)(?![^\W\d_])){YEAR_WORD}?"  # not "1990-х"
)
_PART_BEFORE = re.compile(rf"(?:{PART})$")
_PERIOD_BEFORE = re.compile(rf"(?:{PERIOD})$")
_BARE_CUE_BEFORE = re.compile(
    rf"(?<![^\W\d_])(?P<cue>(?i:{phrase_alternation(_CUES['bare_month_cue'] + _CUES['bare_month_article_cue'] + _CUES['unanchored_qualifier'])}))\s{{1,2}}$"
)
_LIST_BEFORE = re.compile(r"\s{0,2}(?:,|,?\s{0,2}(?:and|or|to|through|until|-|–|—))\s{0,2}")
_ARTICLE_NEXT_OK = re.compile(r"\s{1,2}(?!(?:of|for|to|and|or)\b)[a-z]")
_PAIR_TAIL = re.compile(
    rf"\s{{0,2}}(?P<join>and|&|-|–|—|to|through|until|till)\s{{0,2}}(?P<d>{DAY})(?P<o>{ORDINAL})?"
    rf"(?![.,:]\d)(?:(?:\s{{0,2}},|\s{{1,2}}of)?\s{{1,2}}(?P<y>{YEAR})(?![.,]\d))?"
)
_PAIR_END_OK = re.compile(r"\s{0,2}[,.;:)]")
_PAIR_HEAD = re.compile(
    rf"(?<![\w.,/:-])(?P<d>{DAY})(?P<o>{ORDINAL})?\s{{0,2}}(?P<join>and|&|-|–|—|to|{_RU_JOINS})\s{{0,2}}$"
)
_JOIN_BETWEEN = re.compile(
    rf"\s{{0,2}}(?:,|,?\s{{0,2}}(?P<join>and|&|or|-|–|—|to|through|until|till|{_RU_JOINS}))\s{{0,2}}"
)
_RANGE_JOINS = {"-", "–", "—", "to", "through", "until", "till", "по", "до"}
_ANCHORABLE_REL = {" ".join(w.split()).lower() for w in _CUES["anchorable_relative_year"]}
_UNANCHORED_CUES = {w.lower() for w in _CUES["unanchored_qualifier"]}
_ARTICLE_CUES = {w.lower() for w in _CUES["bare_month_article_cue"]}
_STRICT_MAY_CUES = {w.lower() for w in _CUES["bare_month_cue"]} - {"on", "to", "this"}
_HEADING_PATTERNS = [(row, re.compile(row["pattern"], re.IGNORECASE)) for row in _HEADINGS]
_PUB_CUE = re.compile(rf"(?i:\b(?:{phrase_alternation(_CUES['publication_cue'])})\b)|©")
_DATELINE_AFTER = re.compile(r"\s{0,2}(?:[–—]|--?\s|:)")
_WORD = re.compile(r"[^\W\d_]{2,}")
_THE_BEFORE = re.compile(r"(?i:\bthe)\s{1,2}$")
_SHORT_YEAR_AFTER = re.compile(r"[-–/](?P<yy>\d\d)(?![\d\w/.-])")
_YEAR_IN = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_LINE = re.compile(r"[^\n]+")


# ------------------------------------------------------------------ normalisers


def normalise_month(word: str) -> int:
    """Month number of a month name or abbreviation.

    >>> normalise_month("Sept."), normalise_month("January"), normalise_month("DEC")
    (9, 1, 12)
    >>> normalise_month("мая")
    5
    """
    key = word.strip().rstrip(".").lower()
    if key in _MONTH_OF:
        return _MONTH_OF[key]
    raise ValueError(f"not a month: {word!r}")


def normalise_day(text: str) -> int:
    """Day of month from '26th', '16 th', '05'.

    >>> normalise_day("26th"), normalise_day("16 th"), normalise_day("05")
    (26, 16, 5)
    """
    m = re.match(r"\s*(\d{1,2})", text)
    if not m or not 1 <= int(m.group(1)) <= 31:
        raise ValueError(f"not a day: {text!r}")
    return int(m.group(1))


def expand_year(text: str) -> int:
    """A written year; two digits pivot at 69 (00-68 -> 20xx, 69-99 -> 19xx).

    >>> expand_year("16"), expand_year("1999"), expand_year("75")
    (2016, 1999, 1975)
    """
    value = int(text)
    if len(text) == 2:
        return 2000 + value if value < 69 else 1900 + value
    return value


def valid_date(year: int | None, month: int, day: int | None) -> bool:
    """Whether the day exists in the month (29 February needs a leap year or no year).

    >>> valid_date(None, 2, 29), valid_date(2015, 2, 29), valid_date(2016, 4, 31)
    (True, False, False)
    """
    if not 1 <= month <= 12:
        return False
    if day is None:
        return True
    return 1 <= day <= calendar.monthrange(year or 2000, month)[1]


def parse_numeric_date(text: str) -> tuple[int, int, int]:
    """(year, month, day) of '01.04.2021' (day.month.year), '5/18/16' (US month/day/year
    unless the first number cannot be a month) or '2016-04-13' (ISO).

    >>> parse_numeric_date("01.04.2021"), parse_numeric_date("5/18/16")
    ((2021, 4, 1), (2016, 5, 18))
    >>> parse_numeric_date("18/05/2016"), parse_numeric_date("2016-04-13")
    ((2016, 5, 18), (2016, 4, 13))
    """
    m = _AT_DIGIT.fullmatch(text.strip())
    if not m or m["by"] or m["dm"]:
        raise ValueError(f"not a numeric date: {text!r}")
    if m["iso"]:
        year, month, day = int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"])
    elif m["nd"]:
        year, month, day = int(m["nd_y"]), int(m["nd_m"]), int(m["nd_d"])
    else:
        a, b = int(m["ns_a"]), int(m["ns_b"])
        month, day = (a, b) if a <= 12 else (b, a)
        year = expand_year(m["ns_y"])
    if not valid_date(year, month, day):
        raise ValueError(f"no such date: {text!r}")
    return year, month, day


def to_timex(year: int | None = None, month: int | None = None, day: int | None = None) -> str:
    """TIMEX3 value; XXXX for an unknown year.

    >>> to_timex(year=None, month=1, day=24), to_timex(2017, 1, 24), to_timex(2017, 1)
    ('XXXX-01-24', '2017-01-24', '2017-01')
    >>> to_timex(2016), to_timex(None, 6)
    ('2016', 'XXXX-06')
    """
    if month is None:
        if year is None or day is not None:
            raise ValueError("a date needs a month, or a year alone")
        return f"{year:04d}"
    value = f"{year:04d}" if year is not None else "XXXX"
    value += f"-{month:02d}"
    if day is not None:
        value += f"-{day:02d}"
    return value


# ----------------------------------------------------------------- candidates


@dataclass
class _Cand:
    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    kind: str
    year_source: str = "unknown"
    anchorable: bool = True
    relative: str | None = None  # "last" of "last May": its year is counted from the document's date

    @property
    def granularity(self) -> str:
        return "day" if self.day is not None else "month" if self.month is not None else "year"

    def mention(self, text: str) -> DateMention:
        return DateMention(
            text=text[self.start:self.end], start=self.start, end=self.end,
            value=to_timex(self.year, self.month, self.day), granularity=self.granularity,
            year_source=self.year_source if self.year is not None else "unknown",
        )


def _written(kind: str, start: int, end: int, year, month, day, **kw) -> _Cand:
    return _Cand(start, end, year, month, day, kind,
                 year_source="text" if year is not None else "unknown", **kw)


def _part_start(text: str, start: int) -> int:
    m = _PART_BEFORE.search(text, max(0, start - 30), start)
    return m.start() if m else start


def _from_month(text: str, m: re.Match) -> _Cand | None:
    start = m.start()
    if m["mr"]:
        rel = " ".join(m["mr_rel"].split()).lower()
        return _written("month_rel", _part_start(text, start), m.end(), None,
                        normalise_month(m["mr_m"]), None, anchorable=rel in _ANCHORABLE_REL,
                        relative=rel)
    if m["md"]:
        year = int(m["md_y"]) if m["md_y"] else None
        month, day = normalise_month(m["md_m"]), normalise_day(m["md_d"])
        if not valid_date(year, month, day):
            return None
        return _written("md", start, m.end(), year, month, day)
    if m["my"]:
        return _written("my", _part_start(text, start), m.end(), int(m["my_y"]),
                        normalise_month(m["my_m"]), None)
    # a bare month: only after a cue word, early/mid/late, or in a list of months
    part = _part_start(text, start)
    cand = _written("bare", part, m.end(), None, normalise_month(m["bm"]), None)
    if part < start:
        return cand
    if fp.month_word_is_not_a_month(text, start, m.end()):
        return None
    cue = _BARE_CUE_BEFORE.search(text, max(0, start - 24), start)
    if cue is None:
        cand.kind = "bare_list"  # kept only if it follows another month (see _coordinate)
        return cand
    word = " ".join(cue["cue"].split()).lower()
    if m["bm"] in ("May", "MAY") and word not in _STRICT_MAY_CUES and word not in _UNANCHORED_CUES:
        return None
    if word in _ARTICLE_CUES and not _ARTICLE_NEXT_OK.match(text, m.end()):
        return None  # "the March of Millions"
    if word == "following" and not _THE_BEFORE.search(text, max(0, cue.start() - 5), cue.start()):
        return cand  # "following January events": a preposition, not "the following January"
    if word in _UNANCHORED_CUES:
        cand.start, cand.anchorable = cue.start(), False  # "last May": year relative
        cand.relative = word
    return cand


def _from_digits(text: str, m: re.Match) -> _Cand | None:
    start = m.start()
    before = text[start - 1] if start else " "
    if before.isalnum() or before in "_.,/\\$€£₽₸¥#№:":
        return None
    glued = before == "-" and start > 1 and text[start - 2].isalpha()  # "mid-2016", "AK-2015"
    if glued and not m["by"]:
        return None
    if m["iso"] or m["nd"] or m["ns"]:
        if fp.in_url_or_code(text, start, m.end()):
            return None
        try:
            year, month, day = parse_numeric_date(m.group())
        except ValueError:
            return None
        return _written("numeric", start, m.end(), year, month, day)
    if m["dm"]:  # "15 October 2008", "14 January", "24-Jan-2016"
        written_year = m["dm_y"] or m["dh_y"]
        year = int(written_year) if written_year else None
        month, day = normalise_month(m["dm_m"] or m["dh_m"]), normalise_day(m["dm_d"])
        if not valid_date(year, month, day):
            return None
        return _written("dm", start, m.end(), year, month, day)
    # a bare year, with what may stand before it
    period = _PERIOD_BEFORE.search(text, max(0, start - 60), start)
    if period:
        return _written("period", period.start(), m.end(), int(m["by"]), None, None)
    part = _PART_BEFORE.search(text, max(0, start - 30), start)
    if part:
        return _written("period", part.start(), m.end(), int(m["by"]), None, None)
    if fp.not_a_year(text, start, m.end()):
        return None
    return _written("year", start, m.end(), int(m["by"]), None, None)


def _candidates(text: str) -> list[_Cand]:
    anchors = sorted(
        [(a.start(), 0) for a in _DIGIT_ANCHOR.finditer(text)]
        + [(a.start(), 1) for a in _MONTH_ANCHOR.finditer(text)
           if not (a.start() and (text[a.start() - 1].isalpha()))]
    )
    found: list[_Cand] = []
    floor = 0
    for position, is_month in anchors:
        if position < floor:
            continue
        m = (_AT_MONTH if is_month else _AT_DIGIT).match(text, position)
        if not m:
            continue
        try:
            cand = (_from_month if is_month else _from_digits)(text, m)
        except ValueError:
            cand = None
        if cand is None or (found and cand.start < found[-1].end):
            continue
        found.append(cand)
        floor = cand.end
    return found


def _coordinate(text: str, cands: list[_Cand]) -> list[_Cand]:
    """Split and complete joined dates; drop bare months that are not in a list."""
    out: list[_Cand] = []
    for cand in cands:
        if cand.kind == "bare_list":
            prev = out[-1] if out else None
            if not (prev is not None and prev.month is not None and cand.start - prev.end <= 8
                    and _LIST_BEFORE.fullmatch(text, prev.end, cand.start)):
                continue  # "in June, July and August": a month in a list of months
            cand.kind = "bare"
        if out and cand.start < out[-1].end:  # it overlaps the second date of a pair
            if cand.kind == "year":
                continue  # "17 th of 2011" holds the bare "2011"
            out.pop()
        out.append(cand)
        # "December 16 th and 17 th of 2011", "June 5-6"
        if cand.kind == "md" and cand.year is None:
            tail = _PAIR_TAIL.match(text, cand.end)
            if tail and (tail["y"] or tail["o"] or tail["join"] in "-–—"
                         or _PAIR_END_OK.match(text, tail.end())):
                year = int(tail["y"]) if tail["y"] else None
                day = normalise_day(tail["d"])
                if valid_date(year, cand.month, day):
                    if year is not None:
                        cand.year, cand.year_source = year, "text"
                    out.append(_written("md", tail.start("d"), tail.end(), year, cand.month, day))
        # "2017-18": a span of years with the second written short
        if cand.kind == "year":
            short = _SHORT_YEAR_AFTER.match(text, cand.end)
            if short:
                year = cand.year - cand.year % 100 + int(short["yy"])
                if 0 < year - cand.year <= 5:
                    out.append(_written("year", short.start("yy"), short.end("yy"), year, None, None))
        # "16 and 17 December 2011"
        if cand.kind == "dm":
            head = _PAIR_HEAD.search(text, max(0, cand.start - 16), cand.start)
            if head and (len(out) < 2 or out[-2].end <= head.start("d")):
                day = normalise_day(head["d"])
                if valid_date(cand.year, cand.month, day):
                    out.insert(len(out) - 1, _written(
                        "dm", head.start("d"), head.start("d") + len(head["d"] + (head["o"] or "")),
                        cand.year, cand.month, day))
    # a yearless date joined to a dated one takes its year ("from 28 April to May 1, 2020")
    for i in range(len(out) - 2, -1, -1):
        a, b = out[i], out[i + 1]
        if (a.year is not None or not a.anchorable or a.month is None or b.year is None
                or b.month is None or b.year_source != "text"):
            continue
        join = _JOIN_BETWEEN.fullmatch(text, a.end, b.start)
        if not join:
            continue
        year = b.year
        if a.month > b.month:
            if (join["join"] or "") not in _RANGE_JOINS:
                a.anchorable = False  # "December 28 and January 3, 2012": its year is unclear
                continue
            year -= 1
        if valid_date(year, a.month, a.day):
            a.year, a.year_source = year, "text"
        else:
            a.anchorable = False
    return out


# ------------------------------------------------------------------ year rule


def _heading_lines(section: str) -> list[str]:
    lines = [line.group().strip() for line in _LINE.finditer(section)]
    return [line for line in lines
            if line and len(line) <= 150 and not line.endswith((".", ",", ";", ":", "!", "?", '"', "”"))]


def heading_year(section: str) -> int | None:
    """The year a section's heading says the report covers, when one year is named.

    >>> heading_year("Kazakhstan\\nCountry Reports on Human Rights Practices for 2015\\nText.")
    2015
    >>> heading_year("Executive Summary\\nThe report for 2015 said ... in 2014.") is None
    True
    """
    years = set()
    headings = None
    for row, pattern in _HEADING_PATTERNS:
        if row["where"] == "anywhere":
            years |= {int(m["year"]) for m in pattern.finditer(section)}
            continue
        if headings is None:
            headings = _heading_lines(section)
        for line in headings:
            years |= {int(m["year"]) for m in pattern.finditer(line)}
    return years.pop() if len(years) == 1 else None


def is_page_date(text: str, start: int, end: int) -> bool:
    """A full date that dates the page, not an event: alone on its line, after a
    publication cue ('updated', 'Posted on', 'Published:', 'Report'), or a dateline.

    >>> t = "Report\\nApril 13, 2016\\n"; is_page_date(t, 7, 21)
    True
    >>> t = "Note: This report was updated 5/18/16; see Appendix F."; is_page_date(t, 30, 37)
    True
    >>> t = "Paris - Geneva - Minsk, May 13, 2020 – The campaign season saw arrests."
    >>> is_page_date(t, 24, 36)
    True
    >>> t = 'embarrassment to him. On May 12, 2009, Zhovtis spoke before the U.S. Congress.'
    >>> is_page_date(t, 25, 37)
    False
    """
    reach = 300  # a line is read at most this far on each side: linear on one-line texts
    line_start = text.rfind("\n", max(0, start - reach), start) + 1 or max(0, start - reach)
    line_end = text.find("\n", end, end + reach)
    line_end = min(len(text), end + reach) if line_end == -1 else line_end
    rest = text[line_start:start] + " " + text[end:line_end]
    if sum(1 for _ in itertools.islice(_WORD.finditer(rest), 4)) < 4:
        return True
    if _PUB_CUE.search(text, max(line_start, start - 40), start):
        return True
    return start - line_start <= 60 and bool(_DATELINE_AFTER.match(text, end))


NARRATIVE_REACH = 5000  # characters between a yearless date and the full date anchoring it


@dataclass
class _Narrative:
    year: int
    full: list[int]  # where the narrative full dates stand
    context: list[tuple[int, int]]  # (start, year) of every dated day or month mention


def _narrative(text: str, cands: list[_Cand]) -> _Narrative | None:
    """The one year of the section's narrative full dates, if they agree."""
    dated = [c for c in cands if c.granularity in ("day", "month") and c.year_source == "text"
             and not is_page_date(text, c.start, c.end)]
    full = [c for c in dated if c.granularity == "day"]
    years = {c.year for c in full}
    if len(years) != 1:
        return None
    return _Narrative(years.pop(), [c.start for c in full], [(c.start, c.year) for c in dated])


def _narrative_fits(narrative: _Narrative, position: int) -> bool:
    """A yearless date takes the narrative year only near one of its full dates, and only
    when the nearest dated mention before it (after it, if none is before) has that year:
    "... put down in December 2011. On December 20 police ..." stays XXXX even when the
    section's full dates say 2012."""
    i = bisect.bisect_left(narrative.full, position)
    near = [narrative.full[j] for j in (i - 1, i) if 0 <= j < len(narrative.full)]
    if not any(abs(p - position) <= NARRATIVE_REACH for p in near):
        return False
    k = bisect.bisect_left(narrative.context, (position, 0))
    neighbour = narrative.context[k - 1] if k > 0 else narrative.context[k]
    return neighbour[1] == narrative.year


@dataclass(frozen=True)
class DocumentAnchor:
    """The document's own date, and the stretch of text (its article) it dates."""

    year: int
    month: int | None = None
    day: int | None = None
    scope: tuple[int, int] = (0, 1 << 62)

    @classmethod
    def of(cls, value: str, scope: tuple[int, int] = (0, 1 << 62)) -> DocumentAnchor:
        """The anchor of a TIMEX3 value with a known year.

        >>> DocumentAnchor.of("2010-01-06"), DocumentAnchor.of("2016").month
        (DocumentAnchor(year=2010, month=1, day=6, scope=(0, 4611686018427387904)), None)
        """
        year, month, day = (int(part) for part in (value.split("-") + ["0", "0"])[:3])
        return cls(year, month or None, day or None, scope)

    def year_on_or_before(self, month: int, day: int | None) -> int:
        """The year that puts (month, day) on or before this date, closest to it.

        >>> DocumentAnchor(2010, 1, 6).year_on_or_before(12, 20), DocumentAnchor(2010, 1, 6).year_on_or_before(1, 5)
        (2009, 2010)
        >>> DocumentAnchor(2016).year_on_or_before(12, 31)
        2016
        """
        if self.month is None or (month, day or 1) <= (self.month, self.day or 31):
            return self.year
        return self.year - 1

    def year_of_last(self, month: int) -> int | None:
        """The year of "last <month>", when both of its readings (the latest such month
        before the document, and that month of the year before) agree.

        >>> DocumentAnchor(2000, 2, 29).year_of_last(12), DocumentAnchor(2008, 9, 27).year_of_last(8)
        (1999, None)
        """
        if self.month is None or month < self.month:
            return None
        return self.year - 1


_LAST = {"last", "past", "previous"}
_LAST_YEAR = {"last year"}
_THIS_YEAR = {"this year", "the current year"}
_FUTURE_BEFORE = re.compile(rf"(?i:\b(?:{phrase_alternation(_CUES['future_cue'])})\b)[^.;!?]{{0,80}}$")


def _document_year(text: str, cand: _Cand, document: DocumentAnchor) -> int | None:
    """The year the document's date gives a yearless date in its scope."""
    if not document.scope[0] <= cand.start < document.scope[1] or cand.month is None:
        return None
    if cand.relative in _LAST:
        return document.year_of_last(cand.month)
    if cand.relative in _LAST_YEAR:
        return document.year - 1
    if cand.relative in _THIS_YEAR:
        return document.year
    if cand.relative is not None:  # "that year", "next May": counted from the narrative or ahead
        return None
    if not cand.anchorable or _FUTURE_BEFORE.search(text, max(0, cand.start - 100), cand.start):
        return None
    return document.year_on_or_before(cand.month, cand.day)


def _anchor_years(text: str, cands: list[_Cand], sections: Sequence[tuple[int, int]],
                  section_years: Sequence[int | None] | None = None,
                  document: DocumentAnchor | None = None) -> None:
    """Fill the year of yearless dates from their section, else from the document's
    date (cands sorted by start)."""
    spans = sorted((max(0, s), min(len(text), e)) for s, e in sections) or [(0, len(text))]
    stated = dict(zip([(max(0, s), min(len(text), e)) for s, e in sections], section_years or ()))
    span_starts = [s for s, _ in spans]
    cand_starts = [c.start for c in cands]
    cache: dict[tuple[int, int], int | _Narrative | None] = {}
    for cand in cands:
        if cand.year is not None or cand.month is None:
            continue
        index = bisect.bisect_right(span_starts, cand.start) - 1
        year = None
        if cand.anchorable and index >= 0 and spans[index][0] <= cand.start < spans[index][1]:
            span = spans[index]
            if span not in cache:
                inside = cands[bisect.bisect_left(cand_starts, span[0]):bisect.bisect_left(cand_starts, span[1])]
                own = stated[span] if section_years is not None else heading_year(text[span[0]:span[1]])
                cache[span] = own or _narrative(text, inside)
            anchor = cache[span]
            if isinstance(anchor, _Narrative):
                year = anchor.year if _narrative_fits(anchor, cand.start) else None
            else:
                year = anchor  # a heading covers the whole section
        if year is not None and valid_date(year, cand.month, cand.day):
            cand.year, cand.year_source = year, "section"
            continue
        year = _document_year(text, cand, document) if document is not None else None
        if year is not None and valid_date(year, cand.month, cand.day):
            cand.year, cand.year_source = year, "document"


# ------------------------------------------------------------- NER leftovers

_PARSER = None
# What a month can be written with, in English: a number or a month name's first letters.
_MONTH_OR_NUMBER = re.compile(r"\d|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")


def _dateparser():
    global _PARSER
    if _PARSER is None:
        from dateparser.date import DateDataParser

        _PARSER = DateDataParser(languages=["en"], settings={
            "PREFER_DATES_FROM": "past",
            "RELATIVE_BASE": datetime(1904, 12, 31),  # never today: a sentinel leap year
            "PREFER_DAY_OF_MONTH": "first",
            "REQUIRE_PARTS": ["month"],
            "PARSERS": ["custom-formats", "absolute-time"],  # no relative dates, no timestamps
            "RETURN_AS_TIMEZONE_AWARE": False,
        })
    return _PARSER


def parse_leftover(span: str) -> tuple[int | None, int, int | None] | None:
    """(year, month, day) of a span our patterns missed, by dateparser; the year only
    when the span writes it.

    >>> parse_leftover("January the 24th"), parse_leftover("24-Jan-2016")
    ((None, 1, 24), (2016, 1, 24))
    >>> parse_leftover("two days later") is None
    True
    """
    if not _MONTH_OR_NUMBER.search(span):
        return None  # dateparser is asked for a month (REQUIRE_PARTS): none can be read here
    data = _dateparser().get_date_data(span)
    if data is None or data.date_obj is None:
        return None
    written = _YEAR_IN.findall(span)
    year = data.date_obj.year if written and str(data.date_obj.year) in written else None
    day = data.date_obj.day if data.period == "day" else None
    if day is not None and not re.search(rf"(?<!\d)0?{day}(?!\d)", span):
        return None  # a day the text does not write
    return year, data.date_obj.month, day


def _from_extras(text: str, extras: Sequence[tuple[int, int]], own: list[_Cand]) -> list[_Cand]:
    """Our candidates completed by the NER spans they miss. A span that overlaps our
    mentions is ignored, unless all it overlaps is one bare month inside it and the span
    gives a day of that month ("January, 24" over our "January")."""
    result = list(own)
    starts = [c.start for c in own]
    added: list[_Cand] = []
    for start, end in sorted(set(extras)):
        if not 0 <= start < end <= len(text):
            continue
        i = bisect.bisect_left(starts, end)  # own candidates starting before `end`
        # own candidates do not overlap one another, so their ends are sorted too
        j = bisect.bisect_right([c.end for c in own[max(0, i - 3):i]], start) + max(0, i - 3)
        covered = own[j:i]
        if (added and added[-1].end > start) or (
                covered and not (len(covered) == 1 and covered[0].kind == "bare"
                                 and start <= covered[0].start and covered[0].end <= end)):
            continue
        if fp.span_family(text, start, end):
            continue
        raw = text[start:end]
        start += len(raw) - len(raw.lstrip())
        end = start + len(raw.strip())
        parsed = parse_leftover(text[start:end])
        if parsed is None:
            continue
        year, month, day = parsed
        if not valid_date(year, month, day):
            continue
        if covered:
            if day is None or month != covered[0].month:
                continue
            result.remove(covered[0])
        added.append(_written("ner", start, end, year, month, day))
    return sorted(result + added, key=lambda c: (c.start, c.end))


# -------------------------------------------------------------------- finder


def find_dates(
    text: str,
    sections: Sequence[tuple[int, int]] = (),
    extra_candidates: Sequence[tuple[int, int]] = (),
    section_years: Sequence[int | None] | None = None,
    document: DocumentAnchor | None = None,
) -> list[DateMention]:
    """Every calendar date or period in `text`, as TIMEX3.

    `section_years`, one per section, is the year each section covers (its heading's
    or the heading's above it); without it each section's own heading is read.
    `document` is the document's own date: yearless dates that no section dates
    take the year that puts them on or before it.

    >>> [(d.text, d.value) for d in find_dates("On January 24, the court ruled; in May2019 and 2012.")]
    [('January 24', 'XXXX-01-24'), ('May2019', '2019-05'), ('2012', '2012')]
    >>> t = "On May 12, 2009, he spoke. The July 26 accident. Trial delayed until Sept. 2."
    >>> [(d.text, d.value, d.year_source) for d in find_dates(t)]
    [('May 12, 2009', '2009-05-12', 'text'), ('July 26', '2009-07-26', 'section'), ('Sept. 2', '2009-09-02', 'section')]
    >>> [(d.text, d.value) for d in find_dates("their 2017-18 grant reports")]
    [('2017', '2017'), ('18', '2018')]
    >>> [(d.text, d.value) for d in find_dates("protests on December 16 th and 17 th of 2011")]
    [('December 16 th', '2011-12-16'), ('17 th of 2011', '2011-12-17')]
    >>> find_dates("the government may censor media 24 hours before; two days later")
    []
    """
    cands = _coordinate(text, _candidates(text))
    if extra_candidates:
        cands = _from_extras(text, extra_candidates, cands)
    _anchor_years(text, cands, sections, section_years, document)
    return [c.mention(text) for c in cands]
