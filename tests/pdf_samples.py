"""PDFs made for the tests: small odd ones with fpdf2, hostile ones byte by byte,
and the saved report pages printed by Debian's chromium. No PDF is committed."""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
import zlib
from pathlib import Path

from fpdf import FPDF

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def _document() -> FPDF:
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_auto_page_break(False)
    pdf.set_font("Helvetica", size=11)
    return pdf


def text_pdf(pages: list[list[str]]) -> bytes:
    """One page per list, each paragraph flowed by fpdf2 with a gap after it."""
    pdf = _document()
    for paragraphs in pages:
        pdf.add_page()
        for paragraph in paragraphs:
            pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(5)
    return bytes(pdf.output())


def lines_pdf(lines: list[str]) -> bytes:
    """One page whose lines are placed exactly as given (a line break where the list has one)."""
    pdf = _document()
    pdf.add_page()
    for line in lines:
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def columns_pdf(left: list[str], right: list[str]) -> bytes:
    """One page of two columns, each given line by line."""
    pdf = _document()
    pdf.add_page()
    for x, lines in ((15, left), (110, right)):
        pdf.set_xy(x, 20)
        for line in lines:
            pdf.set_x(x)
            pdf.cell(85, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def blank_pdf(pages: int = 2) -> bytes:
    """Pages with drawings and no text: what a scan without OCR looks like to a reader."""
    pdf = _document()
    for _ in range(pages):
        pdf.add_page()
        pdf.rect(20, 20, 170, 250, style="F")
    return bytes(pdf.output())


def encrypted(data: bytes, user_password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF from object bodies (object n is objects[n-1]), with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _stream(data: bytes, compress: bool = False) -> bytes:
    if compress:
        data = zlib.compress(data, 9)
        return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
_SENTENCE = b"BT /F1 12 Tf 72 720 Td (On May 3 the court fined the editor.) Tj ET"


def page_count_bomb(declared: int = 10**9) -> bytes:
    """One real page under a page tree that claims `declared` pages."""
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count %d >>" % declared,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        _stream(_SENTENCE),
        _FONT,
    ])


def looping_page_tree() -> bytes:
    """A page tree whose node lists itself as its own kid."""
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        _stream(_SENTENCE),
        _FONT,
    ])


def decompression_bomb(megabytes: int = 300) -> bytes:
    """A page whose content stream inflates from well under 1 MB to `megabytes` MB."""
    content = _SENTENCE + b"\n" + b" " * (megabytes * 1_000_000)
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        _stream(content, compress=True),
        _FONT,
    ])


def object_stream_bomb(declared: int = 10**9) -> bytes:
    """An object stream that claims `declared` objects, referenced by the page."""
    header = b"6 0 "
    stream = (b"<< /Type /ObjStm /N %d /First %d /Length %d >>\nstream\n"
              % (declared, len(header), len(header) + len(_FONT)) + header + _FONT + b"\nendstream")
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        _stream(_SENTENCE),
        stream,
    ])


def print_to_pdf(page: Path, out: Path) -> Path:
    """`page` printed by headless chromium, with its running header and footer."""
    profile = tempfile.mkdtemp(prefix="kzx-chromium-")
    try:
        subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", f"--print-to-pdf={out}", page.resolve().as_uri()],
            check=True, capture_output=True, timeout=300,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return out
