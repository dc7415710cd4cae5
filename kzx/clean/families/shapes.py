"""Line shapes that several families judge by: a title, a teaser cut off
mid-sentence, running prose, how titles compare. (Moved from kzx/clean/noise.py.)"""

from __future__ import annotations

from collections.abc import Iterator

from kzx.clean.rules import squeeze
from kzx.clean.units import Unit

Removed = dict[int, str]

WIDGET_ITEM_MAX = 350  # a related-posts teaser is ~150-300 characters
TITLE_MAX = 120

_SENTENCE_END = tuple(".!?…\"”’»)")


def alive(units: list[Unit], removed: Removed) -> Iterator[tuple[int, Unit]]:
    return ((i, u) for i, u in enumerate(units) if i not in removed)


def is_title_like(text: str, truncation_words: frozenset[str] = frozenset()) -> bool:
    """A short line that can be a title or a link: no sentence-final full stop
    (unless it is a cut-off teaser title), no trailing comma or colon.

    >>> is_title_like("Emergency Triggered Witch-Hunting"), is_title_like("Journalist needs help!")
    (True, True)
    >>> is_title_like("The plaintiff demanded that Semenova refute it."), is_title_like("Forums and discussions:")
    (False, False)
    """
    if not text or len(text) > TITLE_MAX or len(text.split()) > 16:
        return False
    if text[0].islower() or text[-1] in ",;:":
        return False
    return text[-1] != "." or looks_truncated(text, truncation_words)


def looks_truncated(text: str, truncation_words: frozenset[str]) -> bool:
    """A teaser cut off mid-sentence and closed with a full stop or an ellipsis.

    >>> words = frozenset({"of", "the"})
    >>> looks_truncated("People were held for a maximum of.", words), looks_truncated("Only 11 went to court. Meanwhile.", words)
    (True, True)
    >>> looks_truncated("The court released him on December 4.", words), looks_truncated("Read on…", words)
    (False, True)
    """
    text = text.rstrip()
    if text.endswith(("…", "...", "[…]", "[...]")):
        return True
    if not text.endswith(".") or len(text) < 2:
        return False
    body = text[:-1]
    words = body.split()
    if not words:
        return False
    if words[-1].strip("\"'”’)(").lower() in truncation_words:
        return True
    last = max(body.rfind(". "), body.rfind("? "), body.rfind("! "))
    return last >= 0 and len(body[last + 2:].split()) <= 2


def is_teaser(text: str) -> bool:
    """A related-posts teaser's length and ending."""
    return 100 <= len(text) <= WIDGET_ITEM_MAX and text.rstrip().endswith(_SENTENCE_END)


def is_prose(text: str) -> bool:
    """A unit that reads as running text rather than a title or a label."""
    return len(text) >= 80 or (len(text.split()) >= 5 and text.endswith(_SENTENCE_END) and not text.endswith(":"))


def title_key(text: str) -> str:
    """How titles compare: case, white space and closing punctuation ignored."""
    return squeeze(text).casefold().rstrip(" .:!?").lstrip(" -–—|:")
