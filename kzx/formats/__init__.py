"""Input formats: plain text, saved HTML pages and PDF files, recognised by content.

`read_document(data, name)` turns a file's bytes into the text the rest of the
pipeline works on, and says which format it was read as:

- `text`: the decoded file (`kzx.io.decode`);
- `html`: the page's main text (`kzx.formats.html`): title, headings,
  paragraphs, list items and tables in reading order, entities decoded, one
  block per paragraph with a blank line between blocks;
- `pdf`: the text layer of every page (`kzx.formats.pdf`), lines of a paragraph
  joined, a blank line between paragraphs and a form feed "\\f" between pages.

That text is what `raw_start`/`raw_end` index and what `kzx clean` starts from:
for a text file it is the file itself, for HTML and PDF the text as extracted
from the file (offsets into the markup or the PDF's bytes would mean nothing to a
reader).

The format is the content's, not the name's: a PDF starts with "%PDF-" (within
its first KB, as readers allow), an HTML page with a doctype or an <html>,
<head> or <body> tag (after a byte-order mark, white space, an XML declaration
or comments); a file named .html/.htm/.xhtml that has markup near its start is
HTML too. Anything else is text.

>>> sniff(b"%PDF-1.7\\n...", "report.txt"), sniff(b"\\xef\\xbb\\xbf <!DOCTYPE html><html>", "page.txt")
('pdf', 'html')
>>> sniff(b"<p>On May 3 the court ...</p>", "saved.htm"), sniff(b"<p>On May 3 ...", "notes.txt")
('html', 'text')
>>> sniff(b'b"<html><title>hearing</title>', "128.txt")
'text'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath
from typing import Literal

from kzx.io import DecodeError, decode

Format = Literal["text", "html", "pdf"]
FORMATS: tuple[Format, ...] = ("text", "html", "pdf")

# How far into a file its signature may stand.
PDF_SIGNATURE_WINDOW = 1024
HTML_SIGNATURE_WINDOW = 4096
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})

_PDF_SIGNATURE = b"%PDF-"
_HTML_START = re.compile(
    rb"\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--.{0,2000}?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)
_MARKUP = re.compile(rb"<(?:p|div|span|br|h[1-6]|title|meta|table|ul|ol|li|a|body|section|article)\b", re.IGNORECASE)


class FormatError(ValueError):
    """A file of a known format whose text cannot be had (encrypted, scanned, damaged, too big)."""

    def __init__(self, reason: str, encoding: str | None = None):
        super().__init__(reason)
        self.encoding = encoding


@dataclass(frozen=True)
class Extracted:
    text: str  # what raw offsets index
    encoding: str  # the bytes' encoding as detected; "pdf" for a PDF's text layer
    format: Format


def sniff(data: bytes, name: str = "") -> Format:
    """The format of a file's bytes (its name only helps an HTML fragment)."""
    head = data[:HTML_SIGNATURE_WINDOW]
    if _PDF_SIGNATURE in head[:PDF_SIGNATURE_WINDOW]:
        return "pdf"
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    if _HTML_START.match(head):
        return "html"
    if PurePath(name).suffix.lower() in HTML_SUFFIXES and _MARKUP.search(head):
        return "html"
    return "text"


def read_document(data: bytes, name: str = "") -> Extracted:
    """The text of a file's bytes in whichever format they are.

    Raises `DecodeError` (text that is not text) or `FormatError`.
    """
    kind = sniff(data, name)
    if kind == "pdf":
        from kzx.formats.pdf import read_pdf

        return Extracted(read_pdf(data), "pdf", "pdf")
    if kind == "html":
        from kzx.formats.html import read_html

        text, encoding = read_html(data)
        return Extracted(text, encoding, "html")
    decoded = decode(data)
    return Extracted(decoded.text, decoded.encoding, "text")


__all__ = ["FORMATS", "DecodeError", "Extracted", "Format", "FormatError", "read_document", "sniff"]
