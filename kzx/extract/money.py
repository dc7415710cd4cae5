"""Money mentions: amount, currency, the US-dollar equivalent beside it, hedges,
bounds, ranges and fines in monthly calculation indices (MCI).

`find_money(text)` returns one `MoneyMention` per amount phrase. The phrase
"12.96 million tenge ($40,000)" is ONE record (amount 12960000 KZT, usd 40000)
whose span covers the parenthesis; so is "25 million tenge (approximately
$77,000)" (approximate, because the equivalent is hedged).

How it works (linear time: the number pieces use bounded quantifiers, every
window searched is bounded, and the scans use literal prefixes, so the seed page
takes about 2 ms):

1. a trie regex finds every written currency form (data: currencies.jsonl); a
   form that may stand before the number ("$", "US$", "KZT", "€") is read with
   the number after it ("$40,000", "KZT 5,000"), otherwise the number is read
   from a bounded window before the form: digits with an optional scale word
   ("12.96 million tenge", "5000₸", "1,5 млн тенге") or number words ("five
   million tenge"). These are the *cores*; "15 MCI" is a core without money;
2. left to right, a core is joined with the core or bare number beside it into
   a range ("between 1 and 2 million tenge", "$1-2 million", "from 100,000 to
   200,000 tenge"), then with the equivalents that follow it in parentheses,
   between dashes or after ", or" ("($40,000)", "-- about $200,000 --");
3. the words just before the phrase give the hedge and the bound (data:
   money_hedges.jsonl). Like hedges, the range words "between"/"from" stay
   outside the span: "fines of up to 12.96 million tenge ($40,000)" has the
   span "12.96 million tenge ($40,000)".

Choices where the brief left room (also in the module tests):
- An MCI count without money beside it ("a fine of 100 MCI") is not a money
  amount: there is no ISO code for it, and calling it KZT would be wrong. It is
  left out of `find_money`; `find_mci` lists such counts for other stages.
  Beside money ("15 MCI (19,440 tenge)", "19,440 tenge (15 MCI)") the count is
  kept in `mci` of the money record.
- Hedges: "approximately", "about", "some", "around", "~", "nearly", "almost",
  "roughly" set `approximate`. "over"/"more than" set `approximate` and
  `bound="floor"`; "less than"/"under" set `approximate` and `bound="ceiling"`.
  Legal limits are exact: "up to", "as much as", "no more than" give
  `bound="ceiling"`, "at least", "no less than" give `bound="floor"`, and none
  of them sets `approximate`.
- Separators: a comma before exactly three digits groups thousands ("113,450"),
  otherwise it is a decimal comma ("1,5 million"); dots group thousands only
  when repeated ("1.500.000") or followed by a decimal comma ("1.500,50"); a
  single dot is a decimal point ("12.96", and so "1.500 tenge" is 1.5).
- Ranges: amount = low end, `amount_max` = high end; a scale word written only
  at the high end applies to the low end when that keeps low <= high ("1-2
  million" -> 1000000..2000000, but "500,000 to 2 million" keeps 500000).
- An equivalent in parentheses is absorbed whatever its currency; one after a
  dash or ", or" only when its currency differs from the amount's (otherwise it
  is another amount). `usd` is the amount itself for dollars, else the first
  equivalent in dollars, else None.
- A bare year before a currency word after a year cue ("in 2015 tenge ...")
  is not money.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from kzx.extract.lexicon import load_rows, trie_regex
from kzx.records import MoneyMention



def _key(form: str) -> str:
    """Lookup key of a written form: lower case, no white space."""
    return "".join(form.lower().split())


# --------------------------------------------------------------------------- data

_CURRENCIES = load_rows("currencies.jsonl")
_SCALES = load_rows("scales.jsonl")
_NUMBER_WORDS = {row["word"]: row for row in load_rows("number_words.jsonl")}
_HEDGES = {_key(row["phrase"]): row for row in load_rows("money_hedges.jsonl")}

_SCALE_OF: dict[str, int] = {}  # key of a scale word -> power of ten
for _row in _SCALES:
    for _form in _row.get("words", []) + _row.get("short", []):
        _SCALE_OF[_key(_form)] = int(_row["exponent"])


# ----------------------------------------------------------------- regex pieces

_SP = "[ \u00a0\u202f\u2009]"  # thousands separators: space, no-break, narrow no-break, thin
_LETTER_AFTER = r"(?![^\W\d_])"  # not followed by a letter (digits and punctuation may follow)


def _collapse(word: str) -> str:
    return re.sub(r"(.)\1+", r"\1", word)


def _fuzzy(word: str) -> str:
    """Regex for a long scale word that tolerates repeated letters ('milllion')."""
    if len(word) >= 5 and word.isascii() and word.isalpha():
        return "".join(re.escape(c) + "+" for c in _collapse(word))
    return _literal(word)


def _literal(form: str) -> str:
    """Regex for a written form: its white space may be any run of white space."""
    return r"\s+".join(re.escape(part) for part in form.split())


def _alternation(forms: list[str], build=_literal) -> str:
    return "|".join(build(f) for f in sorted(set(forms), key=lambda f: (-len(f), f)))


_SCALE_LONG = [w for row in _SCALES for w in row.get("words", [])]
_SCALE_SHORT = [w for row in _SCALES for w in row.get("short", [])]

# A number written in digits. Bounded repetitions keep every attempt O(1).
DIGITS = (
    r"(?:[1-9]\d{0,2}(?:, ?\d{3}){1,6}(?:\.\d{1,6})?"  # 113,450   1,000,000.50   54, 000 (a scrape's space)
    r"|[1-9]\d{0,2}(?:\.\d{3}){2,6}(?:,\d{1,6})?"  # 1.500.000 1.500.000,50
    r"|[1-9]\d{0,2}\.\d{3},\d{1,2}"  # 1.500,50
    rf"|[1-9]\d{{0,2}}(?:{_SP}\d{{3}}){{1,6}}(?:[.,]\d{{1,6}})?"  # 1 000 000
    r"|\d{1,15}(?:\.\d{1,6}|,\d{1,2}(?!\d))?"  # 12.96  1,5  5000
    r")(?!\d)"
)
# A scale after the number: a word ("million", "mln.", "milllion") or a glued letter ("5m").
SCALE = (
    rf"(?:(?:\s{{0,2}}|-)(?i:{_alternation(_SCALE_LONG, _fuzzy)})\.?{_LETTER_AFTER}"
    rf"|(?i:{_alternation(_SCALE_SHORT)}){_LETTER_AFTER})"
)
_NW = _alternation([w for w, row in _NUMBER_WORDS.items() if row["kind"] != "article"]
                   + [w for w in _SCALE_LONG if w.isascii() and w.isalpha()])
# A number in words: "five million", "twenty-five thousand", "one and a half million".
WORDS = (
    rf"(?i:\b(?:an?\s+)?(?:{_NW})(?:(?:\s+and\s+|\s+|-)(?:an?\s+)?(?:{_NW})){{0,8}}\b)"
)



def _variants(form: str) -> set[str]:
    return {form, form.lower(), form[:1].upper() + form[1:], form.upper()}


# Every written currency form maps to its code; a form of several words ("US
# dollars", "monthly calculation index") is found by its last word (the trigger)
# and the words before it (its qualifier).
_FORM_CODE: dict[str, str] = {}  # key of a whole form -> code
_PREFIX_OK: set[str] = set()  # keys of forms that may stand before the number
_QUALIFIERS: set[str] = set()
_TRIGGERS: set[str] = set()
for _row in _CURRENCIES:
    _code = "MCI" if _row.get("index") else _row["code"]
    for _kind in ("words", "symbols", "codes"):
        for _form in _row.get(_kind, []):
            _FORM_CODE[_key(_form)] = _code
            if _kind != "words" and _code != "MCI":
                _PREFIX_OK.add(_key(_form))
            *_qualifier, _last = _form.split()
            if _qualifier:
                _QUALIFIERS |= _variants(" ".join(_qualifier))
            _TRIGGERS |= _variants(_last) if _kind == "words" else {_last}

_TRIGGER = re.compile(rf"(?:{trie_regex(sorted(_TRIGGERS))}){_LETTER_AFTER}")
_NUMBER_BEFORE = re.compile(
    rf"(?<![\w.,])(?:(?P<num>{DIGITS})(?P<scale>{SCALE})?|(?P<words>{WORDS}))"
    rf"(?:\s{{0,2}}|-)(?:(?P<qual>{_alternation(sorted(_QUALIFIERS))})\s{{1,2}})?$"  # "a 100,000-tenge fine"
)
_WORD_FORM = re.compile(
    rf"(?:{_alternation(sorted({v for r in _CURRENCIES for f in r.get('words', []) for v in _variants(f)}))})"
    rf"{_LETTER_AFTER}"
)
_SPACES = re.compile(r"\s{0,2}")
_DIGITS_AND_SCALE = re.compile(rf"(?P<num>{DIGITS})(?P<scale>{SCALE})?")
_WORDS = re.compile(WORDS)
_CODE_BEFORE = re.compile(r"[\w$\\/]")
_HAS_NUMBER = re.compile(
    r"[0-9]|\b(?i:" + trie_regex(sorted(w for w in _NUMBER_WORDS if len(w) > 2)) + r")\b"
)
_NUMBER_AFTER = re.compile(rf"\s{{0,2}}(?P<num>{DIGITS})(?P<scale>{SCALE})?")
_HEDGE_ALT = _alternation(list(row["phrase"] for row in _HEDGES.values()))
_HEDGE_BEFORE = re.compile(rf"(?:^|(?<=[^\w~]))(?P<hedge>(?i:{_HEDGE_ALT}))\s{{0,2}}$")
_RANGE_JOIN = r"(?P<join>-|–|—|\bto\b|\band\b|\bthrough\b)"
_RANGE_LEAD = r"(?:(?P<lead>\b(?i:between|from))\s{1,3})?"
# bare low end before a core: "between 1 and | 2 million tenge", "100,000 to | 200,000 tenge"
_RANGE_LOW = re.compile(
    rf"{_RANGE_LEAD}(?<![\w.,])(?:(?P<low>{DIGITS})|(?P<lowwords>{WORDS}))(?P<lscale>{SCALE})?"
    rf"\s{{0,2}}{_RANGE_JOIN}\s{{0,2}}$"
)
# bare high end after a prefix core: "$1 | -2 million"
_RANGE_HIGH = re.compile(rf"\s{{0,2}}{_RANGE_JOIN}\s{{0,2}}(?P<high>{DIGITS})(?P<hscale>{SCALE})?{_LETTER_AFTER}")
_CORE_JOIN = re.compile(rf"\s{{0,2}}{_RANGE_JOIN}\s{{0,2}}")
_LEAD_BEFORE = re.compile(r"\b(?P<lead>(?i:between|from))\s{1,3}$")
_EQUIV_OPEN = re.compile(
    r"\s{0,2}(?:(?P<paren>\()|(?P<dash>--?|–|—)|,\s{0,2}(?P<or>or|i\.e\.|that is)\s)"
    rf"\s{{0,2}}(?P<hedges>(?:(?i:{_HEDGE_ALT})\s{{0,2}}){{0,3}})"
)
_HEDGE_WORD = re.compile(rf"(?i:{_HEDGE_ALT})")
_PAREN_CLOSE = re.compile(r"[^()\n]{0,40}?\)")
_DASH_CLOSE = re.compile(r"\s{0,2}(?:--?|–|—)")
_WEIGHT_AFTER = re.compile(r"\s+of\s")
_YEAR_CUE_BEFORE = re.compile(
    r"\b(?i:in|since|by|until|till|from|during|before|after|early|mid|late|year)\s{1,3}$"
    r"|\b(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\s{1,3}$"
)


# ------------------------------------------------------------------ normalisers


def _tidy(value: Decimal) -> Decimal:
    """Exact value without trailing zeros or exponent: 12960000.00 -> 12960000."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def parse_digits(text: str) -> Decimal:
    """A number written in digits, with its separators.

    >>> parse_digits("113,450"), parse_digits("1.500.000"), parse_digits("1 000 000")
    (Decimal('113450'), Decimal('1500000'), Decimal('1000000'))
    >>> parse_digits("12.96"), parse_digits("1,5"), parse_digits("1.500,50")
    (Decimal('12.96'), Decimal('1.5'), Decimal('1500.5'))
    >>> parse_digits("1\u00a0250\u202f000"), parse_digits("54, 000")
    (Decimal('1250000'), Decimal('54000'))
    """
    s = re.sub(_SP, "", text.strip())
    if "," in s and "." in s:  # the later mark is the decimal one
        if s.rfind(",") > s.rfind("."):
            s = s.replace(".", "").replace(",", ".")
        else:
            s = s.replace(",", "")
    elif s.count(".") > 1:
        s = s.replace(".", "")
    elif "," in s:
        groups = s.split(",")
        if len(groups) > 2 or len(groups[1]) == 3:
            s = s.replace(",", "")
        else:
            s = s.replace(",", ".")
    try:
        return _tidy(Decimal(s))
    except InvalidOperation:
        raise ValueError(f"not a number: {text!r}") from None


def scale_exponent(word: str) -> int:
    """Power of ten of a scale word or abbreviation, typos with repeated letters included.

    >>> scale_exponent("million"), scale_exponent("mln."), scale_exponent("bn")
    (6, 6, 9)
    >>> scale_exponent("Milllion"), scale_exponent("k"), scale_exponent("тыс")
    (6, 3, 3)
    """
    key = _key(word).rstrip(".").lstrip("-")
    if key in _SCALE_OF:
        return _SCALE_OF[key]
    collapsed = _collapse(key)
    for form, exponent in _SCALE_OF.items():
        if len(form) >= 5 and _collapse(form) == collapsed:
            return exponent
    raise ValueError(f"not a scale word: {word!r}")


def parse_words(text: str) -> Decimal:
    """A number written in English words.

    >>> parse_words("five million"), parse_words("two thousand")
    (Decimal('5000000'), Decimal('2000'))
    >>> parse_words("twenty-five thousand"), parse_words("one hundred and fifty")
    (Decimal('25000'), Decimal('150'))
    >>> parse_words("a million"), parse_words("half a million"), parse_words("one and a half million")
    (Decimal('1000000'), Decimal('500000'), Decimal('1500000'))
    >>> parse_words("two million five hundred thousand")
    Decimal('2500000')
    """
    tokens = re.findall(r"[a-z]+", text.lower())
    total = Decimal(0)
    current = Decimal(0)
    seen_value = False
    for i, token in enumerate(tokens):
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        row = _NUMBER_WORDS.get(token)
        if token == "and":
            continue
        if row is None:
            try:
                exponent = scale_exponent(token)
            except ValueError:
                raise ValueError(f"not a number word: {token!r} in {text!r}") from None
            total += (current if seen_value else Decimal(1)) * Decimal(10) ** exponent
            current, seen_value = Decimal(0), False
            continue
        kind = row["kind"]
        if kind == "article":
            if following == "half" or (i > 0 and tokens[i - 1] == "half"):
                continue  # "and a half", "half a million"
            current += 1
        elif kind == "hundred":
            current = (current if seen_value or current else Decimal(1)) * 100
        else:
            current += Decimal(str(row["value"]))
        seen_value = True
    value = total + current
    counted = any(t in _NUMBER_WORDS for t in tokens if t != "and")
    if not counted or value == 0 and "zero" not in tokens:  # "million" alone is no number
        raise ValueError(f"not a number: {text!r}")
    return _tidy(value)


def parse_number(text: str) -> Decimal:
    """The value of a written number: digits, scale words, or words.

    >>> parse_number("12.96 million")
    Decimal('12960000')
    >>> parse_number("113,450"), parse_number("50.2 million"), parse_number("1,5 mln")
    (Decimal('113450'), Decimal('50200000'), Decimal('1500000'))
    >>> parse_number("3 milllion"), parse_number("$1.2bn".lstrip("$")), parse_number("5k")
    (Decimal('3000000'), Decimal('1200000000'), Decimal('5000'))
    >>> parse_number("five million"), parse_number("Two Thousand")
    (Decimal('5000000'), Decimal('2000'))
    >>> parse_number("about five")
    Traceback (most recent call last):
    ...
    ValueError: not a number: 'about five'
    """
    s = text.strip()
    m = _DIGITS_AND_SCALE.fullmatch(s)
    if m:
        value = parse_digits(m["num"])
        if m["scale"]:
            value *= Decimal(10) ** scale_exponent(m["scale"])
        return _tidy(value)
    if _WORDS.fullmatch(s):
        return parse_words(s)
    raise ValueError(f"not a number: {text!r}")


def currency_code(form: str) -> str:
    """ISO 4217 code of a written currency form ('MCI' for the index).

    >>> [currency_code(f) for f in ["tenge", "Tenges", "₸", "тенге", "тг", "KZT"]]
    ['KZT', 'KZT', 'KZT', 'KZT', 'KZT', 'KZT']
    >>> [currency_code(f) for f in ["$", "US$", "U.S. dollars", "euros", "roubles", "£", "soms"]]
    ['USD', 'USD', 'USD', 'EUR', 'RUB', 'GBP', 'KGS']
    """
    try:
        return _FORM_CODE[_key(form)]
    except KeyError:
        raise ValueError(f"not a currency: {form!r}") from None


# ------------------------------------------------------------------- the finder


@dataclass
class _Core:
    start: int
    end: int
    amount: Decimal | None  # None for an MCI count
    currency: str | None
    mci: Decimal | None = None
    scale_exp: int | None = None  # power of ten of the scale word written, if any
    prefix: bool = False
    number_end: int = 0  # where the number (and its scale) ends


@dataclass
class _Phrase:
    start: int
    end: int
    amount: Decimal | None
    currency: str | None
    amount_max: Decimal | None = None
    mci: Decimal | None = None
    usd: Decimal | None = None
    approximate: bool = False
    bound: str = "exact"
    equivalents: list[_Core] = field(default_factory=list)


def _words_exponent(words: str | None) -> int | None:
    """Largest scale word in a number written in words ('two million' -> 6)."""
    exponents = []
    for token in re.findall(r"[^\W\d_]+", words or ""):
        try:
            exponents.append(scale_exponent(token))
        except ValueError:
            pass
    return max(exponents, default=None)


def _scale_exp(scale: str | None) -> int | None:
    return scale_exponent(scale) if scale else None


def _number_value(digits: str | None, words: str | None, scale: str | None) -> Decimal:
    if digits:
        value = parse_digits(digits)
        if scale:
            value *= Decimal(10) ** scale_exponent(scale)
        return _tidy(value)
    return parse_words(words or "")


_GROUPED = re.compile(rf"\d[,.{_SP[1:-1]}]\d{{3}}")
_YEAR_NUMBER = re.compile(r"(?:19|20)\d\d")


def _grouped(digits: str) -> bool:
    return bool(_GROUPED.search(digits))


def _prefix_core(text: str, trigger: re.Match, code: str) -> _Core | None:
    """'$40,000', 'KZT 5,000': the currency form, then the number."""
    if trigger.start() > 0 and _CODE_BEFORE.match(text, trigger.start() - 1):
        return None  # "US$" is its own form; "a$1", "\\$1", "/$1/" are code
    m = _NUMBER_AFTER.match(text, trigger.end())
    if not m:
        return None
    amount = _number_value(m["num"], None, m["scale"])
    core = _Core(trigger.start(), m.end(), amount, code, scale_exp=_scale_exp(m["scale"]),
                 prefix=True, number_end=m.end())
    trailing = _WORD_FORM.match(text, _SPACES.match(text, m.end()).end())
    if trailing and _FORM_CODE.get(_key(trailing.group())) == code:
        core.end = trailing.end()  # "$5 million dollars"
    return core


def _suffix_core(text: str, trigger: re.Match, floor: int) -> _Core | None:
    """'12.96 million tenge', 'five million tenge', '15 MCI': the number, then the form."""
    lo = max(floor, trigger.start() - 80)
    before = text[max(lo, trigger.start() - 3):trigger.start()].rstrip()
    if not before or not (before[-1].isalnum() or before[-1] in ".-") or not _HAS_NUMBER.search(
            text, lo, trigger.start()):
        return None  # cheap tests first: adversarial runs of "$" or "tenge" stay fast
    m = _NUMBER_BEFORE.search(text, lo, trigger.start())
    if not m:
        return None
    form = f"{m['qual']} {trigger.group()}" if m["qual"] else trigger.group()
    code = _FORM_CODE.get(_key(form))
    if code is None:
        return None  # "indices" without "monthly calculation"
    if code == "GBP" and "pound" in form.lower() and _WEIGHT_AFTER.match(text, trigger.end()):
        return None  # "200 pounds of explosives"
    number = m["num"] or ""
    if (_YEAR_NUMBER.fullmatch(number) and not m["scale"] and form[0].isalpha()
            and _YEAR_CUE_BEFORE.search(text, max(0, m.start() - 12), m.start())):
        return None  # "in 2015 tenge ..." is a year
    value = _number_value(m["num"], m["words"], m["scale"])
    exponent = _scale_exp(m["scale"]) if m["num"] else _words_exponent(m["words"])
    number_end = m.start("qual") if m["qual"] else trigger.start()
    end = trigger.end()
    whole = _WORD_FORM.match(text, number_end)  # "pounds sterling": the longest written form
    if whole and whole.end() > end and _FORM_CODE.get(_key(whole.group())) == code:
        end = whole.end()
    if code == "MCI":
        return _Core(m.start(), end, None, None, mci=value, number_end=number_end)
    return _Core(m.start(), end, value, code, scale_exp=exponent, number_end=number_end)


def _cores(text: str) -> list[_Core]:
    found: list[_Core] = []
    floor = 0
    for trigger in _TRIGGER.finditer(text):
        if trigger.start() < floor:
            continue
        first = trigger.group()[0]
        if first.isalpha() and trigger.start() > 0 and text[trigger.start() - 1].isalpha():
            continue  # inside a word
        key = _key(trigger.group())
        try:
            core = None
            if key in _PREFIX_OK:
                core = _prefix_core(text, trigger, _FORM_CODE[key])
            if core is None:
                core = _suffix_core(text, trigger, floor)
        except ValueError:
            core = None
        if core is not None and (core.amount is None or core.amount > 0) and (
                core.mci is None or core.mci > 0):
            found.append(core)
            floor = core.end
    return found


def _range_low(text: str, high: _Core, floor: int) -> tuple[int, Decimal, bool] | None:
    """A bare low end before `high`: (start, value, has_lead)."""
    window_start = max(floor, high.start - 70)
    m = _RANGE_LOW.search(text, window_start, high.start)
    if not m or high.amount is None:
        return None
    if m["join"] == "and" and not m["lead"]:
        return None  # "5 and 2 million tenge" is a list, not a range
    try:
        low = _number_value(m["low"], m["lowwords"], m["lscale"])
    except ValueError:
        return None
    raw_low = m["low"] or ""
    if (_YEAR_NUMBER.fullmatch(raw_low) and not m["lscale"]
            and _YEAR_CUE_BEFORE.search(text, max(0, m.start("low") - 12), m.start("low"))):
        return None  # "in 2015 to 2 million tenge"
    low_scaled = bool(m["lscale"]) or _words_exponent(m["lowwords"]) is not None
    low, scaled = _apply_scale(low, low_scaled, high)
    if low <= 0 or low >= high.amount:
        return None
    grouped = _grouped(raw_low)
    if not (m["lead"] or m["join"] in "-–—" or scaled or grouped):
        return None  # "article 146 to 2 million tenge"
    start = m.start("low" if m["low"] else "lowwords")  # lead words stay outside, like hedges
    return start, low, bool(m["lead"])


def _apply_scale(low: Decimal, low_scaled: bool, high: _Core) -> tuple[Decimal, bool]:
    """The high end's scale word applies to an unscaled low end when that keeps low <= high.

    >>> _apply_scale(Decimal(1), False, _Core(0, 0, Decimal(2000000), "KZT", scale_exp=6))
    (Decimal('1000000'), True)
    >>> _apply_scale(Decimal(500000), False, _Core(0, 0, Decimal(2000000), "KZT", scale_exp=6))
    (Decimal('500000'), False)
    """
    if low_scaled or not high.scale_exp or high.amount is None:
        return low, low_scaled
    candidate = low * Decimal(10) ** high.scale_exp
    if candidate <= high.amount:
        return _tidy(candidate), True
    return low, False


def _hedge(text: str, start: int) -> dict | None:
    m = _HEDGE_BEFORE.search(text, max(0, start - 25), start)
    if not m:
        return None
    row = _HEDGES.get(_key(m["hedge"]))
    if row is None or row.get("equivalent_only"):
        return None
    return row


def _equivalent(text: str, phrase: _Phrase, cores: list[_Core], j: int) -> tuple[int, bool] | None:
    """If cores[j] is an equivalent of the phrase: (new end, hedged)."""
    opening = _EQUIV_OPEN.match(text, phrase.end)
    if not opening or opening.end() != cores[j].start:
        return None
    core = cores[j]
    if not opening["paren"] and (core.currency == phrase.currency or core.currency is None):
        return None  # "10 million tenge - 5 million tenge": another amount
    end = core.end
    if opening["paren"]:
        closing = _PAREN_CLOSE.match(text, end)
        if not closing:
            return None
        end = closing.end()
    elif opening["dash"]:
        closing = _DASH_CLOSE.match(text, end)
        if closing:
            end = closing.end()
    hedged = any(
        _HEDGES.get(_key(h), {}).get("approximate", False)
        for h in _HEDGE_WORD.findall(opening["hedges"] or "")
    )
    return end, hedged


def _phrases(text: str) -> list[_Phrase]:
    cores = _cores(text)
    phrases: list[_Phrase] = []
    i = 0
    floor = 0  # text before this offset belongs to an earlier phrase
    while i < len(cores):
        head = cores[i]
        phrase = _Phrase(head.start, head.end, head.amount, head.currency, mci=head.mci)
        i += 1
        # ranges
        if head.amount is not None:
            nxt = cores[i] if i < len(cores) else None
            join = (_CORE_JOIN.fullmatch(text, head.end, nxt.start)
                    if nxt is not None and nxt.start - head.end <= 12 else None)
            if (nxt is not None and join and nxt.currency == head.currency and nxt.amount
                    and head.amount < nxt.amount
                    and (join["join"] != "and" or _LEAD_BEFORE.search(text, max(0, head.start - 12), head.start))):
                low, _ = _apply_scale(head.amount, head.scale_exp is not None, nxt)
                phrase.amount, phrase.amount_max, phrase.bound = low, nxt.amount, "range"
                phrase.end = nxt.end
                i += 1
            elif head.prefix and (high := _RANGE_HIGH.match(text, head.number_end)):
                lead = _LEAD_BEFORE.search(text, max(0, head.start - 12), head.start)
                try:
                    top = _number_value(high["high"], None, high["hscale"])
                except ValueError:
                    top = Decimal(0)
                probe = _Core(0, 0, top, head.currency, scale_exp=_scale_exp(high["hscale"]))
                low, _ = _apply_scale(head.amount, head.scale_exp is not None, probe)
                if top > low and (high["join"] != "and" or lead):
                    phrase.amount, phrase.amount_max, phrase.bound = low, top, "range"
                    phrase.end = max(phrase.end, high.end())
                    while i < len(cores) and cores[i].start < phrase.end:
                        i += 1
            else:
                low_end = _range_low(text, head, floor)
                if low_end is not None:
                    phrase.start, phrase.amount_max, phrase.bound = low_end[0], head.amount, "range"
                    phrase.amount = low_end[1]
                    while phrases and phrases[-1].end > phrase.start:
                        phrases.pop()
        # equivalents: "($40,000)", "-- about $200,000 --", "(15 MCI)"
        while i < len(cores):
            found = _equivalent(text, phrase, cores, i)
            if found is None:
                break
            phrase.end, hedged = found
            phrase.equivalents.append(cores[i])
            phrase.approximate |= hedged
            i += 1
            while i < len(cores) and cores[i].start < phrase.end:  # "(212,100 tenge or $1,400)"
                phrase.equivalents.append(cores[i])
                i += 1
        floor = phrase.end
        # MCI head: the money is the first equivalent
        if phrase.amount is None:
            money = [c for c in phrase.equivalents if c.amount is not None]
            if not money:
                continue
            phrase.amount, phrase.currency = money[0].amount, money[0].currency
        for eq in phrase.equivalents:
            if eq.mci is not None and phrase.mci is None:
                phrase.mci = eq.mci
        if phrase.currency == "USD":
            phrase.usd = phrase.amount
        else:
            phrase.usd = next((c.amount for c in phrase.equivalents if c.currency == "USD"), None)
        hedge = _hedge(text, phrase.start)
        if hedge is not None:
            phrase.approximate |= bool(hedge["approximate"])
            if phrase.bound != "range":
                phrase.bound = hedge["bound"]
        phrases.append(phrase)
    return phrases


def find_money(text: str) -> list[MoneyMention]:
    """Every amount of money in `text`, one record per amount phrase.

    >>> [(m.text, m.amount, m.currency, m.usd, m.approximate, m.bound)
    ...  for m in find_money("fines of up to 12.96 million tenge ($40,000) and prison")]
    [('12.96 million tenge ($40,000)', Decimal('12960000'), 'KZT', Decimal('40000'), False, 'ceiling')]
    >>> [(m.text, m.approximate) for m in find_money("spending 25 million tenge (approximately $77,000) for")]
    [('25 million tenge (approximately $77,000)', True)]
    >>> [(m.amount, m.amount_max, m.bound) for m in find_money("between 1 and 2 million tenge")]
    [(Decimal('1000000'), Decimal('2000000'), 'range')]
    >>> [(m.text, m.amount, m.mci) for m in find_money("a fine of 15 MCI (19,440 tenge).")]
    [('15 MCI (19,440 tenge)', Decimal('19440'), Decimal('15'))]
    >>> find_money("55 websites, 97.5 percent, in 2016, a fine of 100 MCI")
    []
    """
    return [
        MoneyMention(
            text=text[p.start:p.end], start=p.start, end=p.end,
            amount=p.amount, currency=p.currency, usd=p.usd, approximate=p.approximate,
            bound=p.bound, amount_max=p.amount_max, mci=p.mci,
        )
        for p in _phrases(text)
        if p.amount is not None and p.currency is not None
    ]


def find_mci(text: str) -> list[tuple[int, int, Decimal]]:
    """MCI counts with no money beside them: (start, end, count).

    >>> find_mci("fined 100 monthly calculation indices; 15 MCI (19,440 tenge)")
    [(6, 37, Decimal('100'))]
    """
    phrases = [p for p in _phrases(text) if p.amount is not None]
    starts = [p.start for p in phrases]

    def beside_money(position: int) -> bool:
        index = bisect.bisect_right(starts, position) - 1
        return index >= 0 and position < phrases[index].end

    return [(c.start, c.end, c.mci) for c in _cores(text) if c.mci is not None and not beside_money(c.start)]
