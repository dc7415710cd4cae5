"""Rule lexicons kept as data: JSONL files under models/patterns/.

Every regex in those files is compiled here, once, and checked for the one
shape that makes Python's backtracking engine blow up: a repeated group whose
body is itself repeated (``(a+)+``, ``(\\w+\\s)*``). Patterns without it run
in time linear in the text they scan (bounded look-arounds aside), so a new
line in a data file cannot turn a hostile page into a hang.
"""

from __future__ import annotations

import json
import re
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
