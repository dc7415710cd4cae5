"""Rule lexicons kept as data: JSONL files under models/patterns/.

Every regex in those files is compiled here, once, and checked for the one
shape that makes Python's backtracking engine blow up: a repeated group whose
body is itself repeated (``(a+)+``, ``(\\w+\\s)*``). Patterns without it run
in time linear in the text they scan (bounded look-arounds aside), so a new
line in a data file cannot turn a hostile page into a hang.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

try:  # Python 3.11+: the parser moved under re._parser; there is no public one.
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_parse  # type: ignore[no-redef]

PATTERNS_DIR = Path(__file__).resolve().parents[2] / "models" / "patterns"
FLAGS = re.IGNORECASE

_REPEATS = {sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT}
_POSSESSIVE = getattr(sre_parse, "POSSESSIVE_REPEAT", None)
if _POSSESSIVE is not None:
    _REPEATS.add(_POSSESSIVE)


class UnsafePatternError(ValueError):
    """A lexicon regex with a nested quantifier (possible catastrophic backtracking)."""


def _has_repeat(items) -> bool:
    for op, arg in items:
        if op in _REPEATS:
            return True
        if _has_repeat_in_arg(op, arg):
            return True
    return False


def _has_repeat_in_arg(op, arg) -> bool:
    if op == sre_parse.SUBPATTERN:
        return _has_repeat(arg[-1])
    if op == sre_parse.BRANCH:
        return any(_has_repeat(branch) for branch in arg[1])
    if op in (sre_parse.ASSERT, sre_parse.ASSERT_NOT):
        return _has_repeat(arg[1])
    if op in _REPEATS:
        return True
    return False


def _nested_repeat(items) -> bool:
    for op, arg in items:
        if op in _REPEATS:
            low, high, body = arg
            if high != 1 and _has_repeat(body):
                return True
            if _nested_repeat(body):
                return True
        elif op == sre_parse.SUBPATTERN:
            if _nested_repeat(arg[-1]):
                return True
        elif op == sre_parse.BRANCH:
            if any(_nested_repeat(branch) for branch in arg[1]):
                return True
        elif op in (sre_parse.ASSERT, sre_parse.ASSERT_NOT):
            if _nested_repeat(arg[1]):
                return True
    return False


def check_linear(pattern: str) -> None:
    """Raise UnsafePatternError when `pattern` repeats something that repeats.

    >>> check_linear(r"\\b(?:was|were)\\s+(?:\\w+ly\\s+)?sentenced\\b")
    >>> check_linear(r"(?:\\w+\\s)+guilty")
    Traceback (most recent call last):
    ...
    kzx.extract.lexicon.UnsafePatternError: nested quantifier in '(?:\\\\w+\\\\s)+guilty'
    """
    if _nested_repeat(sre_parse.parse(pattern, FLAGS)):
        raise UnsafePatternError(f"nested quantifier in {pattern!r}")


def compile_pattern(pattern: str, flags: int = FLAGS) -> re.Pattern[str]:
    """Compile a lexicon regex after checking that it runs in linear time."""
    check_linear(pattern)
    return re.compile(pattern, flags)


@cache
def load_rows(name: str, directory: str | None = None) -> tuple[dict, ...]:
    """The rows of `models/patterns/<name>`, comments (`//` lines) and blanks skipped."""
    path = Path(directory) if directory else PATTERNS_DIR
    rows = []
    for number, line in enumerate((path / name).read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path / name}:{number}: {exc}") from None
    return tuple(rows)


def alternation(words) -> str:
    """A word-bounded regex alternation of literal words, longest first.

    >>> alternation(["editor", "chief editor"])
    '\\\\b(?:chief\\\\ editor|editor)\\\\b'
    """
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return r"\b(?:" + "|".join(re.escape(w) for w in ordered) + r")\b"


def phrase_alternation(words, gap: str = r"\s{1,3}") -> str:
    """A regex alternation of phrases, longest first, `gap` between their words.

    >>> print(phrase_alternation(["last year", "today"]))
    last\\s{1,3}year|today
    """
    forms = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(gap.join(re.escape(part) for part in w.split()) for w in forms)


# ---------------------------------------------------------------- literal prefilters
#
# Python's regex engine tries a case-insensitive pattern at every position of the
# text; a plain substring search is many times faster. A pattern whose every match
# contains one of a few literal words need only be run where one of them occurs.

# Characters that re.IGNORECASE matches to an ASCII letter but str.lower() leaves alone.
_FOLD = str.maketrans({"ı": "i", "İ": "i", "ſ": "s"})


def required_words(pattern: str) -> frozenset[str] | None:
    """Lowercase strings one of which every match of `pattern` contains; None when
    the pattern has no such literal (then it must be run everywhere).

    >>> sorted(required_words(r"\\b(?:was|were)\\s(?:\\w+ly\\s)?(?:sentenced|jailed)\\b"))
    ['jailed', 'sentenced']
    >>> sorted(required_words(r"(?<=,\\s)detained\\b")), required_words(r"\\b\\w+\\b")
    (['detained'], None)
    """
    return _required(list(sre_parse.parse(pattern, re.IGNORECASE)))


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective of two requirements: longer shortest word, then fewer words."""
    if a is None or b is None:
        return a if b is None else b
    return max(a, b, key=lambda words: (min(map(len, words)), -len(words)))


def _required(items) -> frozenset[str] | None:
    """The most selective requirement of a parsed sequence: a run of literals, or what
    a group, a branch (the union of its alternatives') or a repeat of at least one holds."""
    best: frozenset[str] | None = None
    run: list[str] = []
    for op, arg in [*items, (None, None)]:
        if op is sre_parse.LITERAL:
            run.append(chr(arg).lower())
            continue
        if run:
            best = _better(best, frozenset(["".join(run)]))
            run = []
        need = None
        if op is sre_parse.SUBPATTERN:
            need = _required(list(arg[-1]))
        elif op is sre_parse.BRANCH:
            branches = [_required(list(branch)) for branch in arg[1]]
            if all(b is not None for b in branches):
                need = frozenset().union(*branches)  # type: ignore[arg-type]
        elif op in _REPEATS and arg[0] >= 1:
            need = _required(list(arg[2]))
        best = _better(best, need)
    return best


def fold_case(text: str) -> str:
    """`text` lowercased for literal prefilters, one character for one (offsets kept).

    >>> fold_case("İSTANBUL Court"), len(fold_case("İ")) == 1
    ('istanbul court', True)
    """
    if any(c in text for c in "ıİſ"):
        text = text.translate(_FOLD)
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter whose lower case is longer: fold one by one
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return lowered


def spans_holding(lowered: str, words: frozenset[str] | None, spans: list[tuple[int, int]],
                  found_at: dict[str, list[int]] | None = None) -> set[int] | None:
    """Indices of the `spans` (sorted, not overlapping) of the text `lowered` (see
    `fold_case`) that hold one of `words`; None (all of them) when `words` is None.
    `found_at` caches the spans of each word across calls.

    >>> sorted(spans_holding("a court. the police. none.", frozenset(["court", "police"]), [(0, 8), (9, 20), (21, 26)]))
    [0, 1]
    """
    if words is None:
        return None
    if found_at is None:
        found_at = {}
    starts: list[int] | None = None
    held: set[int] = set()
    for word in words:
        if word not in found_at:
            starts = [a for a, _ in spans] if starts is None else starts
            found_at[word] = _spans_of(lowered, word, starts, spans)
        held.update(found_at[word])
    return held


def _spans_of(lowered: str, word: str, starts: list[int], spans: list[tuple[int, int]]) -> list[int]:
    found = []
    position = lowered.find(word)
    while position >= 0:
        index = bisect.bisect_right(starts, position) - 1
        if index >= 0 and position + len(word) <= spans[index][1]:
            found.append(index)
            position = lowered.find(word, spans[index][1])  # the next span
        else:
            position = lowered.find(word, position + 1)
    return found


_GATE_MARGIN = 64  # look-arounds and word boundaries past a window see the real text


def gated_finditer(pattern: re.Pattern[str], text: str, lowered: str | None = None) -> Iterator[re.Match[str]]:
    """The matches of `pattern.finditer(text)`, found only around the literal words
    every match contains (see `required_words`); the plain scan where there are none
    or the pattern's matches have no bounded width. `lowered` is `fold_case(text)`.

    >>> p = re.compile(r"\\b(?:news\\s)?web\\s?site\\b", re.I)
    >>> t = "The news website and the Website; websites are not. " * 3
    >>> [m.span() for m in gated_finditer(p, t)] == [m.span() for m in p.finditer(t)]
    True
    """
    words = _pattern_words(pattern.pattern, pattern.flags)
    width = _pattern_width(pattern.pattern, pattern.flags)
    if words is None or width is None:
        yield from pattern.finditer(text)
        return
    if lowered is None:
        lowered = fold_case(text)
    hits = sorted(p for word in words for p in _find_all(lowered, word))
    longest = max(map(len, words))
    window_start = window_end = None
    for position in hits:
        start, end = max(0, position - width), position + longest + width
        if window_end is not None and start <= window_end:
            window_end = max(window_end, end)
            continue
        if window_end is not None:
            yield from _window(pattern, text, window_start, window_end)
        window_start, window_end = start, end
    if window_end is not None:
        yield from _window(pattern, text, window_start, window_end)


def _window(pattern: re.Pattern[str], text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """Matches that start in text[start:end]; the scan may run past `end` by a margin so
    that a match is never cut (a match holding a word of the window ends inside it)."""
    for match in pattern.finditer(text, start, min(len(text), end + _GATE_MARGIN)):
        if match.start() >= end:
            return
        yield match


def _find_all(lowered: str, word: str) -> Iterator[int]:
    position = lowered.find(word)
    while position >= 0:
        yield position
        position = lowered.find(word, position + 1)


def pattern_words(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """`required_words` of a compiled pattern, cached; None when a word may be missing."""
    return _pattern_words(pattern.pattern, pattern.flags)


@cache
def _pattern_words(pattern: str, flags: int) -> frozenset[str] | None:
    words = _required(list(sre_parse.parse(pattern, flags)))
    return words if words and all(words) else None


@cache
def _pattern_width(pattern: str, flags: int) -> int | None:
    low, high = sre_parse.parse(pattern, flags).getwidth()
    return high if high < 1000 else None


def trie_regex(forms: list[str]) -> str:
    """One regex for many literal forms, factored by common prefixes so that a
    match attempt costs one branch per character instead of one per form.

    >>> trie_regex(["tenge", "tenges", "tg"])
    't(?:enge(?:s)?|g)'
    >>> bool(re.fullmatch(trie_regex(["$", "US$", "USD"]), "US$"))
    True
    """
    trie: dict = {}
    for form in forms:
        node = trie
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(char) + build(sub) for char, sub in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(trie)
