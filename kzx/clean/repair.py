"""Repairs: entities, odd spaces, glued words, line-break hyphens, hard wraps,
and the citation markers that only the NLP must not see.

Which repair changes what:
- `text` (and so every later offset): entity decoding, space normalisation,
  glued-word splits, hyphen and wrap joins. They change lengths, so they must
  be real edits; each one is recorded with its raw span.
- `nlp_text` only: citation markers ("[11]") and web addresses are blanked
  with spaces, so the text keeps them and offsets stay equal between the two.

Every pattern here is linear: runs are matched from their first character
(a look-behind rules out starting mid-run) and no quantified group is
quantified again.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from html.entities import html5

from kzx.clean.edits import Edit
from kzx.clean.rules import Rules

# --- characters: entities, spaces, line breaks --------------------------------

_CHARS = re.compile(
    r"(?P<ent>&(?:#(?:[0-9]{1,7}|[xX][0-9a-fA-F]{1,6})|[A-Za-z][A-Za-z0-9]{1,31});?)"
    r"|(?P<space>[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+)"
    r"|(?P<zero>[\u00ad\u200b\u200c\u200d\u2060\ufeff]+)"
    r"|(?P<newline>\r\n|[\r\x0b\x0c\x85\u2028\u2029])"
)
_AFTER_AMP = re.compile(r"(?:#(?:[0-9]{1,7}|[xX][0-9a-fA-F]{1,6})|[A-Za-z][A-Za-z0-9]{1,31});")
# What a decoded entity may stand for in the text.
_DECODED_SPACES = {"\u00a0": " ", "\u2009": " ", "\u2002": " ", "\u2003": " ", "\u202f": " ",
                   "\u00ad": "", "\u200b": "", "\u200c": "", "\u200d": "", "\ufeff": ""}


def decode_entity(entity: str, bare: frozenset[str], glued: frozenset[str]) -> tuple[int, str] | None:
    """(how many characters of `entity` to replace, replacement), or None.

    `entity` is "&" and what follows it up to 32 letters or digits (and a
    ";" if one follows). Without the ";", a name of `bare` is decoded when it
    is the whole name, a name of `glued` also when letters follow it.

    >>> bare, glued = frozenset({"amp", "copy", "para"}), frozenset({"rsquo", "ldquo"})
    >>> decode_entity("&rsquos", bare, glued), decode_entity("&ldquoFor", bare, glued), decode_entity("&copy", bare, glued)
    ((6, '’'), (6, '“'), (5, '©'))
    >>> decode_entity("&#8217;", bare, glued), decode_entity("&eacute;", bare, glued)
    ((7, '’'), (8, 'é'))
    >>> decode_entity("&paradise", bare, glued), decode_entity("&notaname;", bare, glued)
    (None, None)
    """
    if entity.startswith("&#"):
        full = entity if entity.endswith(";") else entity + ";"
        decoded = html.unescape(full)
        if decoded == full or "\ufffd" in decoded:
            return None
        return len(entity), _DECODED_SPACES.get(decoded, decoded)
    name = entity[1:].rstrip(";")
    if entity.endswith(";") and name + ";" in html5:
        decoded = html5[name + ";"]
        return len(entity), _DECODED_SPACES.get(decoded, decoded)
    if entity.endswith(";"):
        return None
    if name in bare or name in glued:
        end = len(name)
    else:  # the longest glued name that the letters start with
        end = next((k for k in range(len(name) - 1, 1, -1) if name[:k] in glued), 0)
        if not end:
            return None
    decoded = html5[name[:end] + ";"]
    return end + 1, _DECODED_SPACES.get(decoded, decoded)


def char_edits(raw: str, rules: Rules) -> list[Edit]:
    """Entity, space and line-break repairs over the whole raw text, sorted.

    >>> from kzx.clean.rules import load_rules
    >>> [e[:3] for e in char_edits("a&rsquos\\u00a0b\\r\\n", load_rules())]
    [(1, 7, '’'), (8, 9, ' '), (10, 12, '\\n')]
    """
    edits: list[Edit] = []
    for match in _CHARS.finditer(raw):
        kind = match.lastgroup
        start, end = match.span()
        if kind == "ent":
            if raw.startswith("=", end):  # a URL query parameter, not an entity
                continue
            decoded = decode_entity(match.group(), rules.entities, rules.glued_entities)
            if decoded is None:
                continue
            length, replacement = decoded
            end = start + length
            if replacement == "&":  # double-encoded: "&amp;rsquo;"
                inner = _AFTER_AMP.match(raw, end)
                if inner:
                    again = decode_entity("&" + inner.group(), rules.entities, rules.glued_entities)
                    if again is not None:
                        end, replacement = inner.end(), again[1]
            edits.append(Edit(start, end, replacement, "repair.entity"))
        elif kind == "space":
            if match.group() != " " * (end - start):
                edits.append(Edit(start, end, " " * (end - start), "repair.space"))
        elif kind == "zero":
            edits.append(Edit(start, end, "", "repair.space"))
        elif match.group() == "\f":  # a page break (the PDF reader's): a paragraph break until cleaning rejoins it
            edits.append(Edit(start, end, "\n\n", "repair.space"))
        else:
            edits.append(Edit(start, end, "\n", "repair.space"))
    return edits


# --- pages saved as a bytes literal, HTML tags in a text page -------------------

_LITERAL_START = re.compile(r"\s*b(['\"])")
_ESCAPE = re.compile(r"(?:\\x[0-9a-fA-F]{2})+|\\[nrt'\"\\]")
_SIMPLE_ESCAPES = {"\\n": "\n", "\\r": "", "\\t": " ", "\\'": "'", '\\"': '"', "\\\\": "\\"}
# Elements whose tags a scraper leaves in a text page; their content stays.
_TAG = re.compile(
    r"</?(?:html|head|title|body|pre|p|div|span|br|hr|a|b|i|u|em|strong|font|center|table|tr|td|th|tbody|thead"
    r"|ul|ol|li|h[1-6]|img|meta|link|section|article|header|footer|nav|main|sup|sub|blockquote)"
    r"""(?:\s+[\w:-]{1,30}\s?=\s?(?:"[^"<>]{0,200}"|'[^'<>]{0,200}'|[^\s<>]{1,200})){0,20}\s?/?>""",
    re.IGNORECASE)


def literal_edits(raw: str) -> list[Edit]:
    r"""A page saved as Python's repr of its bytes (b"<html>\n..."): the b" and
    closing quote go, escapes become the characters they stand for.

    >>> [e[:3] for e in literal_edits(r'b"caf\xc3\xa9\nOK"')]
    [(0, 2, ''), (5, 13, 'é'), (13, 15, '\n'), (17, 18, '')]
    >>> literal_edits(r"b. 1990, he said\n")
    []
    """
    start = _LITERAL_START.match(raw)
    if not start or "\\n" not in raw[:2000] or raw.count("\n") > raw.count("\\n"):
        return []
    edits = [Edit(start.start(1) - 1, start.end(), "", "repair.escape")]
    quote = start.group(1)
    for m in _ESCAPE.finditer(raw, start.end()):
        token = m.group()
        if token.startswith("\\x"):
            data = bytes(int(token[k + 2:k + 4], 16) for k in range(0, len(token), 4))
            replacement = data.decode("utf-8", errors="replace")
        else:
            replacement = _SIMPLE_ESCAPES[token]
        edits.append(Edit(m.start(), m.end(), replacement, "repair.escape"))
    tail = raw.rstrip()
    if tail.endswith(quote) and not tail.endswith("\\" + quote) and len(tail) > start.end():
        edits.append(Edit(len(tail) - 1, len(tail), "", "repair.escape"))
    return edits


def markup_edits(raw: str) -> list[Edit]:
    """HTML tags left in a text page; what they enclose stays.

    >>> [e[:3] for e in markup_edits("<title> - TITLE</title><body><pre>[From GPO]")]
    [(0, 7, ''), (15, 23, ''), (23, 29, ''), (29, 34, '')]
    >>> markup_edits("fewer than 5 <b and c> 3")
    []
    """
    return [Edit(m.start(), m.end(), "", "repair.markup") for m in _TAG.finditer(raw)]


# --- glued words ---------------------------------------------------------------

_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December"
           "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec")
_GLUE = re.compile(
    # A letter run with an inner case change: "treatiesKazakhstan", "SUMMARYShare".
    r"(?P<camel>(?<![A-Za-z])[A-Za-z]*(?:[a-z][A-Z]|[A-Z]{2}[a-z])[A-Za-z]*)"
    # "May2019", "January24"
    rf"|(?P<month>(?<![A-Za-z])(?:{_MONTHS})(?=[0-9]{{1,4}}(?![0-9])))"
    # "24January"
    rf"|(?P<day>(?<![0-9A-Za-z])[0-9]{{1,2}}(?=(?:{_MONTHS})(?![a-z])))"
    # "rights.The court"
    r"|(?P<sentence>(?<=[a-z]{3}[.!?])(?=[A-Z][a-z]))"
)
# What every kind of _GLUE needs somewhere in the line: a case change inside letters,
# a letter against a digit, or a sentence end against a capital. Most lines have none,
# and this scan is cheaper than _GLUE's look-behinds at every position.
_MAY_GLUE = re.compile(r"[a-z](?:[A-Z]|[0-9]|[.!?][A-Z])|[A-Z](?:[A-Z][a-z]|[0-9])|[0-9][A-Za-z]")
_PIECE = re.compile(r"[A-Z]{2,}(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+")
_NOT_PROSE = set("/@_#%=\\&:.")


def _url_like(line: str, start: int, end: int) -> bool:
    """Whether line[start:end] sits in a URL, e-mail, handle or file name."""
    if (start > 0 and line[start - 1] in _NOT_PROSE and line[start - 1] != ".") or (
        end < len(line) and line[end] in "/@_#%=\\"
    ):
        return True
    lo, hi = max(0, start - 100), min(len(line), end + 100)  # bounded: never quadratic
    left = line.rfind(" ", lo, start)
    right = line.find(" ", end, hi)
    chunk = line[(left + 1 if left >= 0 else lo):(right if right >= 0 else hi)]
    return "://" in chunk or "www." in chunk or "@" in chunk or "/" in chunk


def camel_splits(token: str, keep: frozenset[str]) -> list[int]:
    """Offsets inside `token` where lost markup glued two words together.

    >>> keep = frozenset({"YouTube"})
    >>> camel_splits("treatiesKazakhstanKyrgyzstan", keep), camel_splits("SUMMARYShare", keep)
    ([8, 18], [7])
    >>> [camel_splits(w, keep) for w in ("YouTube", "WhatsApp", "iPhone", "McDonald", "PhD", "NGOs", "KazTAG")]
    [[], [], [], [], [], [], []]
    """
    if token in keep:
        return []
    pieces = [(m.start(), m.group()) for m in _PIECE.finditer(token)]
    splits = []
    for (_, a), (b_start, b) in zip(pieces, pieces[1:]):
        b_word = b[0].isupper() and b[1:].islower() and len(b) >= 3
        if a.isupper() and len(a) >= 2 and b_word:  # "SUMMARYShare", "OSCEChairmanship"
            splits.append(b_start)
        elif a.islower() and len(a) >= 3 and b[0].isupper() and len(b) >= 2 and a is pieces[0][1]:
            splits.append(b_start)  # "treatiesKazakhstan"
        elif a[0].isupper() and a[1:].islower() and len(a) >= 4 and b_word and len(b) >= 4:
            splits.append(b_start)  # "KazakhstanKyrgyzstan", not "YouTube" or "WhatsApp"
    return splits


def _suffix_glue(suffixes: tuple[str, ...]) -> re.Pattern[str] | None:
    if not suffixes:
        return None
    words = "|".join(re.escape(s) for s in sorted(suffixes, key=len, reverse=True))
    return re.compile(rf"(?<![A-Za-z])[A-Z][a-z]{{2,40}}(?=(?:{words})(?![A-Za-z]))")


_SUFFIX_CACHE: dict[tuple[str, ...], re.Pattern[str] | None] = {}


def glue_edits(line: str, offset: int, rules: Rules) -> list[Edit]:
    """Space insertions that split glued words in one line of text.

    >>> from kzx.clean.rules import load_rules
    >>> def split(s):
    ...     out = s
    ...     for e in reversed(glue_edits(s, 0, load_rules())):
    ...         out = out[:e.start] + " " + out[e.end:]
    ...     return out
    >>> split("against Forbes Kazakhstanmagazine in May2019; see Radiotochka.kz and YouTube.")
    'against Forbes Kazakhstan magazine in May 2019; see Radiotochka.kz and YouTube.'
    >>> split("rights.The court, https://x.org/KazakhstanNews")
    'rights. The court, https://x.org/KazakhstanNews'
    """
    positions: list[int] = []
    for match in _GLUE.finditer(line) if _MAY_GLUE.search(line) else ():
        kind, start, end = match.lastgroup, match.start(), match.end()
        if _url_like(line, start, end):
            continue
        if kind == "camel":
            positions.extend(start + i for i in camel_splits(match.group(), rules.camel_keep))
        else:
            positions.append(end)
    suffixes = rules.glued_suffixes
    if suffixes not in _SUFFIX_CACHE:
        _SUFFIX_CACHE[suffixes] = _suffix_glue(suffixes)
    pattern = _SUFFIX_CACHE[suffixes]
    if pattern is not None and any(suffix in line for suffix in suffixes):
        for match in pattern.finditer(line):
            if match.group() not in rules.camel_keep and not _url_like(line, match.start(), match.end()):
                positions.append(match.end())
    return [Edit(offset + p, offset + p, " ", "repair.glued_word") for p in sorted(set(positions))]


# --- hard wraps and line-break hyphens ----------------------------------------

def wrap_width(lengths: list[int], continued: list[bool]) -> int | None:
    """The width a hard-wrapped page was cut at, or None when it is not wrapped.

    `lengths` are the non-blank lines' lengths; `continued[i]` says whether
    line i is followed by another non-blank line. A page is hard-wrapped when
    its lines stop at a fixed width: most lines that continue are near the
    widest and hardly any line is wider.

    >>> wrap_width([70, 72, 68, 71, 30] * 4, [True, True, True, True, False] * 4)
    72
    >>> wrap_width([300, 520, 80, 410] * 5, [False] * 20) is None
    True
    """
    if len(lengths) < 8:
        return None
    ordered = sorted(lengths)
    width = ordered[int(0.9 * (len(ordered) - 1))]
    if not 30 <= width <= 130:
        return None
    inner = [n for n, more in zip(lengths, continued) if more]
    if len(inner) < 6:
        return None
    full = sum(n >= 0.75 * width for n in inner)
    wider = sum(n > width + 10 for n in lengths)
    if full >= 0.6 * len(inner) and wider <= 0.05 * len(lengths):
        return max(n for n in lengths if n <= width + 10)
    return None


_LIST_ITEM = re.compile(r"(?:[•·*▪●◦–—-]|[0-9]{1,3}[.)]|\(?[a-zA-Z0-9]{1,3}\))\s")
_BROKEN_WORD = re.compile(r"(?<![A-Za-z])([A-Za-z]{1,40})-$")
_WORD_START = re.compile(r"[A-Za-z][a-z]{0,39}")


def starts_list_item(line: str) -> bool:
    """
    >>> starts_list_item("• Hon. Christopher H. Smith"), starts_list_item("2. Mac Adhaimh"), starts_list_item("In 2008")
    (True, True, False)
    """
    return bool(_LIST_ITEM.match(line))


def joins_wrapped(line: str, following: str, width: int) -> bool:
    """Whether a hard-wrapped `line` runs on into `following`."""
    if len(line) < 0.6 * width or starts_list_item(following):
        return False
    letters = [c for c in line if c.isalpha()]
    return not (letters and all(c.isupper() for c in letters))  # an ALL-CAPS heading ends itself


def broken_word(line: str, following: str) -> tuple[str, str] | None:
    """(left, right) when `line` ends in a word hyphenated across the break.

    >>> broken_word("the govern-", "ment said"), broken_word("a 2015-", "2016 plan"), broken_word("Kassym-", "Jomart")
    (('govern', 'ment'), None, ('Kassym', 'Jomart'))
    """
    left = _BROKEN_WORD.search(line[-41:])
    right = _WORD_START.match(following)
    if not left or not right:
        return None
    return left.group(1), right.group()


def keeps_hyphen(left: str, right: str, vocabulary: Counter[str], prefixes: frozenset[str]) -> bool:
    """Whether a word broken as "left-" / "right" is a real hyphenated compound.

    >>> v = Counter({"government": 3, "self-censorship": 1})
    >>> p = frozenset({"self", "well"})
    >>> keeps_hyphen("govern", "ment", v, p), keeps_hyphen("self", "censorship", v, p), keeps_hyphen("well", "known", v, p)
    (False, True, True)
    >>> keeps_hyphen("Kassym", "Jomart", v, p)
    True
    """
    if right[0].isupper():  # "Kassym-" / "Jomart", "Anti-" / "Corruption"
        return True
    joined, hyphened = (left + right).lower(), f"{left}-{right}".lower()
    if vocabulary[joined]:
        return False
    if vocabulary[hyphened]:
        return True
    return left.lower() in prefixes


_VOCABULARY_WORD = re.compile(r"[A-Za-z]+")
_VOCABULARY_COMPOUND = re.compile(r"(?<![A-Za-z])[A-Za-z]+-[A-Za-z]+")


def vocabulary(text: str) -> Counter[str]:
    """Lower-cased words and two-part hyphenated compounds of a text, counted.

    >>> sorted(vocabulary("Self-censorship and self censorship").items())
    [('and', 1), ('censorship', 2), ('self', 2), ('self-censorship', 1)]
    """
    counts = Counter(m.group().lower() for m in _VOCABULARY_WORD.finditer(text))
    counts.update(m.group().lower() for m in _VOCABULARY_COMPOUND.finditer(text))
    return counts


# --- what only the NLP does not see --------------------------------------------

_CITATION = re.compile(
    r"\[(?:[0-9]{1,3}(?:[-–,] ?[0-9]{1,3}){0,10}|citation needed|clarification needed|note [0-9]{1,3})\]"
)


_URL = re.compile(r"(?<![\w@])(?:https?://|www\.)[^\s<>\"“”]{1,2000}")


def url_spans(text: str) -> list[tuple[int, int]]:
    """Spans of web addresses (trailing punctuation left out), which `nlp_text` blanks.

    >>> text = "SOURCE: https://www.uscirf.gov/a%20b.pdf. See www.csce.gov)."
    >>> [text[s:e] for s, e in url_spans(text)]
    ['https://www.uscirf.gov/a%20b.pdf', 'www.csce.gov']
    """
    spans = []
    for m in _URL.finditer(text):
        end = m.end()
        while end > m.start() and text[end - 1] in ".,;:!?)]}'’":
            end -= 1
        spans.append((m.start(), end))
    return spans


def citation_spans(text: str) -> list[tuple[int, int]]:
    """Spans of citation markers, which `nlp_text` blanks.

    >>> citation_spans("held in Astana. [9] Then [10-12] and [citation needed]; not [sic].")
    [(16, 19), (25, 32), (37, 54)]
    """
    return [m.span() for m in _CITATION.finditer(text)]
