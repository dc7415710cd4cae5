"""Noise families: which units of a page are not part of any article.

Each `find_*` function looks at the units (lines, or rejoined paragraphs)
that no earlier rule removed, and records the ones it removes in `removed`
(unit index -> rule name). The phrase lists come from models/noise/*.txt; the
functions here hold only the logic that cannot be a list: where a block of
noise starts and stops, and what evidence it needs.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from itertools import islice

from kzx.clean.edits import Edit
from kzx.clean.rules import Rules, squeeze
from kzx.clean.units import Unit

Removed = dict[int, str]

# Lengths (characters) that bound what a line-level rule may remove.
LINE_MAX, PREFIX_MAX, CONTAINS_MAX, TEASER_LINE_MAX = 80, 400, 200, 300
WIDGET_ITEM_MAX = 350  # a related-posts teaser is ~150-300 characters
TITLE_MAX = 120

_PIXELS = re.compile(r"(?<![0-9])[0-9]{2,4} ?[x×] ?[0-9]{2,4}(?: ?px)?\.?$|^[0-9]{2,4} ?[x×] ?[0-9]{2,4}(?: ?px)?\s")
_BREADCRUMB = re.compile(r"(?:Home|Homepage|Main page|Main)\s?[>»›/|→]\s?\S", re.IGNORECASE)
_RUNNING_HEADER = re.compile(r"(\D{3,80}?)\s+[0-9]{1,4}|[0-9]{1,4}\s+(\D{3,80})")
_NAV_SEPARATOR = re.compile(r"\s[|•·]\s")
_PAGE_MARK = re.compile(r"[-–—]\s?[0-9]{1,4}\s?[-–—]|[0-9]{1,4}\s?/\s?[0-9]{1,4}")
_NUMBER = re.compile(r"[0-9]{1,3}")
_LABEL_LINE = re.compile(r"[A-Z][^.!?:]{0,60}:")
_COMMENTER = re.compile(
    r"[0-9]{1,3}[.)]\s?\S.{0,40}"  # "1. Mu'tazz"
    r"|.{1,40}\b(?:says|said|wrote|writes|replied):?"  # "Mac Adhaimh says:"
    r"|[A-Z][a-z]{2,8}\.? [0-9]{1,2}, [0-9]{4}(?: at [0-9]{1,2}:[0-9]{2}(?: ?[apAP][mM])?)?"
)
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


# --- site furniture ----------------------------------------------------------------

def is_furniture(text: str, rules: Rules) -> bool:
    """Whether a whole unit is navigation, a button, a banner, a caption or a
    page header or footer.

    >>> from kzx.clean.rules import load_rules
    >>> r = load_rules()
    >>> [is_furniture(t, r) for t in ("Toggle navigation menu.", "Flag of Kazakhstan 745x670", "Page 1 of 19",
    ...     "Home > News > Kazakhstan", "Share Tweet Email", "About | Contact | Donate | Search")]
    [True, True, True, True, True, True]
    >>> [is_furniture(t, r) for t in ("Executive Summary", "INTERNET FREEDOM", "Share of votes rose to 97.5 percent.")]
    [False, False, False]
    """
    n = len(text)
    furniture = rules.furniture
    if n <= LINE_MAX and furniture.matches("line", text):
        return True
    if n <= PREFIX_MAX and furniture.matches("prefix", text):
        return True
    if n <= CONTAINS_MAX and furniture.matches("contains", text):
        return True
    if n > 200:
        return False
    if _PIXELS.search(text) or _BREADCRUMB.match(text) or _PAGE_MARK.fullmatch(text):
        return True
    words = [w for w in re.split(r"[\s|·•/]+", text.lower()) if w]
    if len(words) >= 2 and all(w in rules.button_words for w in words):
        return True  # a share bar: "Share Tweet Email"
    parts = _NAV_SEPARATOR.split(text)
    return (
        len(parts) >= 3 and not text.startswith("|")
        and all(0 < len(p) <= 30 and len(p.split()) <= 4 and not p.endswith(".") for p in parts)
    )


def find_furniture(units: list[Unit], rules: Rules, removed: Removed) -> None:
    for i, unit in alive(units, removed):
        if is_furniture(unit.text, rules):
            removed[i] = "noise.furniture"
    _page_numbers(units, removed)


def _page_numbers(units: list[Unit], removed: Removed) -> None:
    """Bare numbers on their own lines (page numbers), when the page has two
    or more, apart from each other, and they mostly rise. A single one ("68")
    stays, and so does a column of numbers."""
    numbers = [(i, int(u.text)) for i, u in alive(units, removed) if _NUMBER.fullmatch(u.text)]
    if len(numbers) < 2 or any(b[0] - a[0] < 3 for a, b in zip(numbers, numbers[1:])):
        return  # too few, or a column of a table
    rising = sum(b[1] > a[1] for a, b in zip(numbers, numbers[1:]))
    if rising >= max(1, 0.6 * (len(numbers) - 1)):
        for i, _ in numbers:
            removed[i] = "noise.furniture"


def find_running_headers(units: list[Unit], removed: Removed) -> None:
    """A PDF's running header: the page title's first words and a page number
    ("KAZAKHSTAN 2", "KAZAKHSTAN 3"), twice or more.

    >>> from kzx.clean.units import segment
    >>> text = "KAZAKHSTAN 2015 HUMAN RIGHTS REPORT\\n\\nText.\\n\\nKAZAKHSTAN 2\\nMore.\\n\\nKAZAKHSTAN 3\\nEnd."
    >>> removed = {}
    >>> find_running_headers(segment(text), removed)
    >>> removed
    {2: 'noise.furniture', 4: 'noise.furniture'}
    """
    title = next((title_key(u.text) for _, u in alive(units, removed) if is_title_like(u.text)), None)
    if not title:
        return
    found = []
    for i, unit in alive(units, removed):
        match = _RUNNING_HEADER.fullmatch(unit.text) if len(unit.text) <= 90 else None
        if match:
            stem = title_key(match.group(1) or match.group(2))
            if title.startswith(stem) and title[len(stem):len(stem) + 1] in ("", " "):
                found.append(i)
    if len(found) >= 2:
        for i in found:
            removed[i] = "noise.furniture"


def heading_suffix_edit(text: str, unit: Unit, rules: Rules) -> Edit | None:
    """A share/print button glued onto a heading: "EXECUTIVE SUMMARYShare".

    >>> from kzx.clean.units import segment
    >>> from kzx.clean.rules import load_rules
    >>> t = "EXECUTIVE SUMMARYShare"
    >>> heading_suffix_edit(t, segment(t)[0], load_rules())
    Edit(start=17, end=22, replacement='', rule='noise.furniture')
    >>> t = "Market Share"
    >>> heading_suffix_edit(t, segment(t)[0], load_rules()) is None
    True
    """
    if len(unit.lines) != 1 or len(unit.text) > 150:
        return None
    line = text[unit.start:unit.end]
    match = rules.furniture.find_suffix(line, "heading-suffix")
    if not match or match.start() == 0:
        return None
    rest = line[:match.start()]
    head = rest.rstrip()
    if not head or head[-1] in ".,;:!?":
        return None
    letters = [c for c in head if c.isalpha()]
    all_caps = bool(letters) and all(c.isupper() for c in letters)
    glued = rest == head and head[-1].isalpha()
    if (glued and (all_caps or head[-1].islower())) or (not glued and all_caps):
        return Edit(unit.start + len(head), unit.end, "", "noise.furniture")
    return None


def find_category_label(units: list[Unit], rules: Rules, removed: Removed, title_counts: dict[str, int]) -> None:
    """A site category label alone on the page's first line, before a title.

    Listed labels ("Interesting") go when a title, not prose, follows; an
    unlisted one- or two-word first line goes when the title after it is one
    the page repeats (the content-farm page layout).
    """
    kept = [i for i, _ in islice(alive(units, removed), 2)]
    if len(kept) < 2:
        return
    first, following = units[kept[0]].text, units[kept[1]].text
    if len(first) > 40 or is_prose(following):
        return
    words = first.split()
    if rules.category_labels.matches("line", first) or (
        1 <= len(words) <= 2 and all(w.isalpha() for w in words) and title_counts.get(title_key(following), 0) >= 2
    ):
        removed[kept[0]] = "noise.category"


def title_key(text: str) -> str:
    """How titles compare: case, white space and closing punctuation ignored."""
    return squeeze(text).casefold().rstrip(" .:!?").lstrip(" -–—|:")


# --- search forms, teasers, comments ------------------------------------------

def find_search_form(units: list[Unit], rules: Rules, removed: Removed) -> None:
    """The search-form prompt and the short "Label:" lines of its list."""
    form = rules.search_form

    def in_form(unit: Unit) -> bool:
        return len(unit) <= TEASER_LINE_MAX and (form.matches("prefix", unit.text) or form.matches("line", unit.text))

    def label(unit: Unit) -> bool:
        return len(unit.text.split()) <= 8 and bool(_LABEL_LINE.fullmatch(unit.text))

    seeds = [i for i, u in alive(units, removed) if in_form(u)]
    for seed in seeds:
        removed[seed] = "noise.search_form"
        for step in (-1, 1):
            j = seed + step
            while 0 <= j < len(units) and j not in removed and (in_form(units[j]) or label(units[j])):
                removed[j] = "noise.search_form"
                j += step


def find_teaser_lines(units: list[Unit], rules: Rules, removed: Removed) -> None:
    """"Watch the video: ...", "The Report is available in PDF-format HERE." and the like."""
    teasers = rules.teasers
    for i, unit in alive(units, removed):
        text = unit.text
        if len(text) <= TEASER_LINE_MAX and (
            teasers.matches("prefix", text) or teasers.matches("line", text)
            or teasers.matches("contains", text) or teasers.matches("suffix", text)
        ):
            removed[i] = "noise.teaser"


def find_comments(units: list[Unit], rules: Rules, removed: Removed, separators: set[int]) -> None:
    """A reader-comment section: its heading, numbered commenter names, replies.

    The section runs from a heading such as "Comments:" over short units to
    the next long paragraph; it goes when it holds a commenter line or runs to
    the end of the page. Comment-form lines ("Write a message") go anywhere.
    """
    comments = rules.comments
    for i, unit in alive(units, removed):
        if len(unit) <= LINE_MAX and comments.matches("line", unit.text) or (
            len(unit) <= PREFIX_MAX and comments.matches("prefix", unit.text)
        ):
            removed[i] = "noise.comments"
    i = 0
    while i < len(units):
        if i in removed or len(units[i]) > 40 or not comments.matches("start-line", units[i].text):
            i += 1
            continue
        run, j = [], i + 1
        while j < len(units) and j not in separators and (j in removed or len(units[j]) <= 500):
            if j not in removed:
                if rules.related.matches("line", units[j].text):
                    break
                run.append(j)
            j += 1
        if j < len(units) and run and is_title_like(units[run[-1]].text):
            run.pop()  # the title of the article that follows
        tail = all(k in removed for k in range(j, len(units)))
        evidence = any(_COMMENTER.fullmatch(units[k].text) for k in run[:8])
        if run and (evidence or tail):
            for k in [i, *run]:
                removed[k] = "noise.comments"
        i = j if run else i + 1


# --- related-posts widgets -------------------------------------------------------

def find_related(units: list[Unit], rules: Rules, removed: Removed, separators: set[int]) -> None:
    """A related-posts widget: link titles and cut-off teasers after the last article.

    A widget starts after a repeated page title or at a heading like "Related
    posts" and runs over short units (titles, ~150-300-character teasers,
    link lines) up to the next long paragraph. It goes when it has a run of
    three or more link titles and either teasers or the end of the page
    after it, or when, at the end of the page, three or more teasers of which
    two are visibly cut off; after a "Related posts" heading, one link title
    or teaser is enough. Without a trigger, the end of the page is
    judged the same way, from its first run of link titles.
    """
    seq = [i for i in range(len(units)) if i not in removed]
    if not seq:
        return
    words = rules.truncation_words
    triggers: dict[int, bool] = {}  # position in seq -> introduced by a "Related posts" heading
    for r in separators:
        k = bisect_left(seq, r)
        if k < len(seq):
            triggers.setdefault(k, False)
    for k, i in enumerate(seq):
        if len(units[i]) <= 60 and rules.related.matches("line", units[i].text):
            triggers[k] = True
    order = sorted(triggers)
    for n, k in enumerate(order):
        limit = order[n + 1] if n + 1 < len(order) else len(seq)
        j = k
        while j < limit and len(units[seq[j]]) <= WIDGET_ITEM_MAX:
            j += 1
        run = seq[k:j]
        if j < limit and run and is_title_like(units[run[-1]].text, words):
            run.pop()  # the title of the article that follows
        if _is_widget([units[i].text for i in run], words, heading=triggers[k], tail=j == len(seq)):
            for i in run:
                removed[i] = "noise.related"
    # No trigger: the tail of the page, from its first run of link titles.
    start = len(seq)
    while start > 0 and seq[start - 1] not in removed and len(units[seq[start - 1]]) <= WIDGET_ITEM_MAX:
        start -= 1
    tail = [i for i in seq[start:] if i not in removed]
    texts = [units[i].text for i in tail]
    streak_at = _first_streak(texts, words, 3)
    if streak_at is not None:
        block = texts[streak_at:]
        teasers = sum(map(is_teaser, block))
        cut = sum(looks_truncated(t, words) for t in block if is_teaser(t))
        if teasers >= 3 and cut >= 2:
            for i in tail[streak_at:]:
                removed[i] = "noise.related"


def _first_streak(texts: list[str], words: frozenset[str], size: int) -> int | None:
    count = 0
    for k, text in enumerate(texts):
        count = count + 1 if is_title_like(text, words) else 0
        if count >= size:
            return k - size + 1
    return None


def _longest_streak(texts: list[str], words: frozenset[str]) -> int:
    best = count = 0
    for text in texts:
        count = count + 1 if is_title_like(text, words) else 0
        best = max(best, count)
    return best


def _is_widget(texts: list[str], words: frozenset[str], heading: bool, tail: bool) -> bool:
    """
    >>> titles = ["Torture in Kazakhstan", "Emergency Triggered Witch-Hunting", "One answer to all questions"]
    >>> teaser = "x" * 200 + " held for a maximum of."
    >>> _is_widget(titles + [teaser, teaser], frozenset({"of"}), heading=False, tail=False)
    True
    >>> _is_widget(["Human Rights Reform"], frozenset(), heading=False, tail=True)
    False
    """
    body = texts[1:] if heading else texts
    if not body:
        return False
    streak = _longest_streak(body, words)
    teasers = sum(map(is_teaser, body))
    cut = sum(looks_truncated(t, words) for t in body if is_teaser(t))
    if streak >= 3 and (teasers >= 2 or tail):
        return True
    if tail and teasers >= 3 and cut >= 2:
        return True
    return heading and (streak >= 1 or teasers >= 1)
