"""PDF files: the text layer, page by page, with pypdf.

Each page's text comes from pypdf's text extraction, which also reports where
on the page each run of text stands. That position is what plain text lacks:

- lines of one paragraph are joined with a space; a vertical gap wider than
  `PARAGRAPH_GAP` times the page's usual line step, or a jump back up the page
  (a new column, a header drawn last), starts a new paragraph (a blank line);
- a line much shorter than the page's full lines ends its paragraph's line
  (a heading, a list item, the last line of a paragraph with no gap after it)
  and stays a line of its own, as does a line that starts a list item;
- a line ending in a hyphen keeps its line break, so that the cleaning stage's
  `repair.hyphenation` decides between "govern-/ment" and "Kassym-/Jomart" with
  the document's own vocabulary, and records it in `removed`;
- typographic ligatures ("ﬁ") are spelt out.

Pages are joined with a form feed ("\\f"): the cleaning stage finds running
headers, footers and page numbers by their repetition across pages.

Limits (a PDF is a program of sorts: hostile or broken ones must not hang a run):
`MAX_PDF_BYTES`, `MAX_PAGES` (the page count the file declares is checked before
any page is read), `MAX_TEXT_CHARS`, `MAX_SECONDS` (checked between pages; pypdf
bounds each page by its own decompression limits). A PDF whose text layer is
empty is a scan: an error, as is an encrypted PDF that the empty password does
not open (kzx takes no passwords).
"""

from __future__ import annotations

import io
import logging
import re
import time

from kzx.clean.repair import starts_list_item
from kzx.formats import FormatError

MAX_PDF_BYTES = 200_000_000
MAX_PAGES = 2_000
MAX_TEXT_CHARS = 20_000_000
MAX_SECONDS = 120.0
# A step down the page this many times the usual line step starts a paragraph.
PARAGRAPH_GAP = 1.45
LINE_STEP_QUANTILE = 0.25
# A line shorter than this share of the page's full lines ends its paragraph's line.
SHORT_LINE = 0.6

NO_TEXT_LAYER = "no text layer: scanned PDF, OCR is not supported"

LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
_LETTER = re.compile(r"[^\W\d_]")
_HYPHENATED = re.compile(r"[^\W\d_]-$")


def read_pdf(data: bytes) -> str:
    """The text of every page, pages separated by "\\f"."""
    if len(data) > MAX_PDF_BYTES:
        raise FormatError(f"PDF too large ({len(data) / 1e6:.0f} MB; the limit is {MAX_PDF_BYTES / 1e6:.0f} MB)")
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, LimitReachedError, PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # damaged files warn per object
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except (DependencyError, FileNotDecryptedError, NotImplementedError) as exc:
                raise FormatError(f"encrypted PDF: cannot be opened without its password ({exc})") from None
            if not opened:
                raise FormatError("encrypted PDF: cannot be opened without its password (kzx takes none)")
        declared = _declared_pages(reader)
        if declared > MAX_PAGES:
            raise FormatError(f"PDF declares {declared} pages, more than the limit of {MAX_PAGES}")
        pages = _page_texts(reader)
    except FormatError:
        raise
    except LimitReachedError as exc:
        raise FormatError(f"PDF beyond a safety limit (a decompression bomb?): {exc}") from None
    except RecursionError:
        raise FormatError("damaged PDF: objects nested too deeply") from None
    except (PdfReadError, Exception) as exc:  # pypdf raises many kinds on damaged files
        raise FormatError(f"damaged PDF: {type(exc).__name__}: {exc}") from None
    if not any(_LETTER.search(page) for page in pages):
        raise FormatError(NO_TEXT_LAYER)
    return "\f".join(pages)


def _declared_pages(reader) -> int:
    try:
        count = reader.trailer["/Root"]["/Pages"].get("/Count", 0)
        return int(count)
    except (KeyError, TypeError, ValueError, AttributeError):
        return 0


def _page_texts(reader) -> list[str]:
    started = time.monotonic()
    pages: list[str] = []
    total = 0
    for number, page in enumerate(reader.pages, 1):
        if number > MAX_PAGES:
            raise FormatError(f"PDF has more than {MAX_PAGES} pages")
        text = page_text(page)
        total += len(text)
        if total > MAX_TEXT_CHARS:
            raise FormatError(f"PDF text longer than {MAX_TEXT_CHARS} characters (at page {number})")
        if time.monotonic() - started > MAX_SECONDS:
            raise FormatError(f"PDF text extraction took longer than {MAX_SECONDS:.0f} s (at page {number})")
        pages.append(text)
    return pages


def page_text(page) -> str:
    """One page's text: paragraphs joined up, a blank line between them."""
    pieces: list[tuple[str, float | None]] = []

    def visit(text, cm, tm, font, size):
        y = None
        if text.strip():
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        pieces.append((text, y))

    page.extract_text(visitor_text=visit)
    return layout(lines_of(pieces))


def lines_of(pieces: list[tuple[str, float | None]]) -> list[tuple[str, float | None]]:
    """(line text, its baseline height) from the extraction's runs, in their order."""
    lines: list[tuple[str, float | None]] = []
    text: list[str] = []
    y: float | None = None
    for piece, piece_y in pieces:
        parts = piece.split("\n")
        for k, part in enumerate(parts):
            if k:
                lines.append(("".join(text), y))
                text, y = [], None
            if part:
                text.append(part)
                if y is None and piece_y is not None and part.strip():
                    y = piece_y
    lines.append(("".join(text), y))
    return [(" ".join(t.translate(LIGATURES).split()), y) for t, y in lines if t.strip()]


def layout(lines: list[tuple[str, float | None]]) -> str:
    """Join lines into paragraphs by their vertical steps.

    >>> print(layout([("On May 3 the city court", 700), ("in Almaty fined", 688), ("him.", 676),
    ...               ("Appeal", 650), ("In June the govern-", 624), ("ment said", 612)]))
    On May 3 the city court in Almaty fined him.
    <BLANKLINE>
    Appeal
    <BLANKLINE>
    In June the govern-
    ment said
    """
    if not lines:
        return ""
    steps = [a[1] - b[1] for a, b in zip(lines, lines[1:]) if a[1] is not None and b[1] is not None and a[1] > b[1]]
    # The usual line step: most steps inside paragraphs are it, and gaps are
    # wider, so a low quantile finds it even on a page of short paragraphs.
    step = sorted(steps)[int(LINE_STEP_QUANTILE * (len(steps) - 1))] if steps else 0.0
    # The length of a full line: near the longest, not the one odd long line (a URL).
    lengths = sorted(len(t) for t, _ in lines)
    full = lengths[int(0.9 * (len(lengths) - 1))] if len(lengths) >= 10 else lengths[-1]
    out = [lines[0][0]]
    for (previous, y0), (line, y1) in zip(lines, lines[1:]):
        if y0 is None or y1 is None or step <= 0:
            gap = False
        else:
            gap = y0 - y1 <= 0 or y0 - y1 > PARAGRAPH_GAP * step
        if gap:
            out.append("\n\n")
        elif _HYPHENATED.search(previous) or starts_list_item(line) or len(previous) < SHORT_LINE * full:
            out.append("\n")
        else:
            out.append(" ")
        out.append(line)
    return "".join(out)
