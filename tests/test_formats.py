"""Input formats (issue 14): saved HTML pages and PDF files in, the same records out."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kzx.clean import clean
from kzx.cli import app
from kzx.formats import FormatError, read_document, sniff
from kzx.formats.html import MAX_HTML_BYTES, decode_html, main_text
from kzx.formats.pdf import MAX_PAGES, NO_TEXT_LAYER, layout, lines_of
from kzx.io import discover
from kzx.records import Record

from . import pdf_samples as samples
from .conftest import GOLDEN, RAW

runner = CliRunner()
PAGES = sorted((RAW / "html").glob("*.html"))
REPORT = ("On January 24, the Almaty city court sentenced the blogger Aigul Utepova to two years of "
          "restricted freedom for spreading false information; her lawyer said she would appeal.")
FINE = "On March 3, the Supreme Court upheld the fine of 113,450 tenge ($350) imposed on the editor."


def squeeze(text: str) -> str:
    return "".join(text.split())


# --- recognition by content -----------------------------------------------------

@pytest.mark.parametrize("data,name,expected", [
    (b"%PDF-1.4\n1 0 obj", "report.txt", "pdf"),
    (b"garbage line\n%PDF-1.4\n1 0 obj", "report", "pdf"),  # a header within the first KB
    (b"\xef\xbb\xbf\n  <!DOCTYPE html>\n<html>", "saved.txt", "html"),
    (b"<?xml version='1.0'?>\n<!-- saved -->\n<html xmlns='x'>", "page", "html"),
    (b"<p>On May 3 the court fined him.</p>", "fragment.htm", "html"),
    (b"<p>On May 3 the court fined him.</p>", "fragment.txt", "text"),
    (b"On May 3 the court fined him.", "notes.html", "text"),
    (b'b"<html>\\n<title>Hearing</title>', "hearing.txt", "text"),  # markup inside a bytes repr
    (b"The report (see %PDF-1.4 in the file list) was read.", "notes.txt", "text"),
])
def test_formats_are_recognised_by_content(data, name, expected):
    if expected == "text" and b"%PDF" in data:
        data = b"x" * 1100 + data  # past the window a PDF header may stand in
    assert sniff(data, name) == expected


def test_directories_yield_text_html_and_pdf_files_by_default(tmp_path):
    for name in ("a.txt", "b.html", "c.htm", "d.pdf", "e.md", "f.json"):
        (tmp_path / name).write_text("x")
    assert [s.doc_id for s in discover([str(tmp_path)])] == ["a", "b", "c", "d"]
    assert [s.doc_id for s in discover([str(tmp_path)], ["*.md", "*.json"])] == ["e", "f"]


# --- HTML ---------------------------------------------------------------------

def test_main_text_keeps_title_headings_paragraphs_and_lists_in_order():
    page = """<!doctype html><html><head><title>Kazakhstan report</title></head><body>
      <header><a href="/">Home</a> <a href="/news">Newsroom</a></header>
      <nav role="navigation"><ul><li>Policy Issues</li><li>Countries &amp; Areas</li></ul></nav>
      <div class="content"><h1>2021 Report: Kazakhstan</h1>
        <h2>Section 1. Freedom of Expression</h2>
        <p>On May 3 the court fined the editor of Uralskaya Nedelya 505,000 tenge&nbsp;($1,200).</p>
        <aside>Related: read our other reports</aside>
        <h3>Internet Freedom</h3>
        <p>Authorities blocked the site of Radio Azattyq&rsquo;s Kazakh service on June&#160;4.</p>
        <ul><li>Journalist Lukpan Akhmedyarov was detained.</li><li>Activist Max Bokayev was released.</li></ul>
      </div>
      <form><button>Build Your Custom Report</button><label>Select all</label></form>
      <footer>Accessibility Statement | No FEAR Act</footer></body></html>"""
    text = main_text(page)
    order = ["2021 Report: Kazakhstan", "Section 1. Freedom of Expression", "On May 3 the court fined",
             "Internet Freedom", "Radio Azattyq’s Kazakh service on June 4", "Lukpan Akhmedyarov", "Max Bokayev"]
    positions = [text.find(piece) for piece in order]
    assert -1 not in positions and positions == sorted(positions), text
    for chrome in ("Newsroom", "Policy Issues", "Related: read", "Build Your Custom Report", "Select all",
                   "Accessibility", "&amp;", "&rsquo;", "<"):
        assert chrome not in text
    assert "505,000 tenge ($1,200)" in text.replace("\xa0", " ")


def test_words_that_name_chrome_inside_the_report_stay():
    page = ("<html><body><main><h1>Report</h1><p>The navigation of the court's website was changed; "
            "the footer of the verdict named the judge, and the header listed the charges.</p>"
            "<p>The form of the appeal was rejected on May 5.</p></main></body></html>")
    text = main_text(page)
    assert "The navigation of the court's website" in text and "The form of the appeal" in text


def test_chrome_that_wraps_the_content_keeps_only_the_content():
    """A saved page with unclosed tags can nest the whole article inside the site header."""
    page = ("<html><body><header><nav><ul><li>Home<li>Newsroom<li>Travelers<div><main><article>"
            "<h1>2020 Report</h1><p>" + REPORT + "</p><p>" + FINE + "</p></article></main>"
            "<div>Office of the Inspector General</div></nav></header></body></html>")
    text = main_text(page)
    assert REPORT in text and FINE in text
    for chrome in ("Newsroom", "Travelers", "Inspector General"):
        assert chrome not in text


def test_an_articles_own_header_stays_and_its_footer_of_links_goes():
    page = ("<html><body><nav>Home News</nav><article><header><h1>Court fines editor</h1>"
            "<p>By A. Reporter, May 3, 2021</p></header><p>On May 3 the Almaty court fined the editor "
            "505,000 tenge for an article on the akim.</p><footer><a href='/t'>Tags</a> <a href='/s'>Share</a> "
            "<a href='/f'>Facebook</a></footer></article><footer>Contact us</footer></body></html>")
    text = main_text(page)
    assert text.startswith("Court fines editor") and "By A. Reporter, May 3, 2021" in text
    for chrome in ("Home", "Tags", "Facebook", "Contact us"):
        assert chrome not in text


def test_a_page_too_short_for_the_extractor_keeps_its_text():
    assert main_text("<p>On May 3 the court fined him.") == "On May 3 the court fined him."


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name[:3])
def test_saved_pages_keep_every_report_sentence_and_lose_the_site(page):
    gold = json.loads((GOLDEN / "html" / page.name.replace(".html", ".gold.json")).read_text())
    extracted = read_document(page.read_bytes(), page.name)
    assert extracted.format == "html" and extracted.encoding == "utf-8"
    text = squeeze(extracted.text)
    assert [k for k in gold["keep"] if squeeze(k) not in text] == []
    assert [b for b in gold["boilerplate"] if squeeze(b) in text] == []
    assert "<" not in extracted.text and "gtm4wp" not in extracted.text
    # the report's own order: the executive summary before Section 1, Section 1 before Section 3
    lowered = extracted.text.lower()
    summary, first, last = (lowered.find(h) for h in ("executive summary", "section 1.", "section 3."))
    assert -1 < summary < first < last


def test_wrong_declared_charset_is_overruled_by_valid_utf8():
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>Суд Алматы оштрафовал журналиста.</p></body></html>'
    extracted = read_document(page.encode("utf-8"), "ru.html")
    assert "Суд Алматы оштрафовал журналиста." in extracted.text and extracted.encoding == "utf-8"


def test_declared_utf8_that_is_not_utf8_is_detected():
    page = ('<html><head><meta charset="utf-8"></head><body><p>'
            + "Суд города Алматы оштрафовал журналиста на крупную сумму. " * 8 + "</p></body></html>")
    extracted = read_document(page.encode("cp1251"), "ru.html")
    assert "Суд города Алматы оштрафовал журналиста" in extracted.text
    assert extracted.encoding in ("cp1251", "windows-1251")


def test_declared_charset_is_used_when_the_bytes_are_not_utf8():
    text, encoding = decode_html('<meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><p>Алматы</p>'.encode("cp1251"))
    assert "Алматы" in text and encoding == "cp1251"


# --- PDF ----------------------------------------------------------------------

def test_pdf_pages_are_joined_by_form_feeds_and_paragraphs_by_blank_lines():
    text = read_document(samples.text_pdf([[REPORT, FINE], ["Second page on May 5."]]), "r.pdf").text
    first, second = text.split("\f")
    assert first.split("\n\n") == [REPORT, FINE]
    assert second == "Second page on May 5."


def test_pdf_two_columns_are_read_column_by_column():
    left = ["On May 3 the Almaty court fined", "the editor 505,000 tenge for", "publishing the article."]
    right = ["On June 4 the appeal court", "upheld the fine in full."]
    text = read_document(samples.columns_pdf(left, right), "c.pdf").text
    assert " ".join(left) in text and " ".join(right) in text
    assert text.index(" ".join(left)) < text.index(" ".join(right))


def test_pdf_hyphenated_line_break_is_repaired_by_cleaning_and_recorded():
    lines = ["In March the Astana court sentenced the jour-", "nalist Zhanbolat Mamay to four years of",
             "probation for spreading false information."]
    raw = read_document(samples.lines_pdf(lines), "h.pdf").text
    assert "jour-\nnalist" in raw  # the line break stays for cleaning to judge
    cleaned = clean(raw)
    assert "sentenced the journalist Zhanbolat Mamay to four years of probation" in cleaned.text
    assert "repair.hyphenation" in {r.rule for r in cleaned.removals}


def test_pdf_compound_broken_at_its_hyphen_keeps_it():
    lines = ["The court heard that President Kassym-", "Jomart Tokayev had signed the amendments",
             "to the law on peaceful assemblies in 2020."]
    cleaned = clean(read_document(samples.lines_pdf(lines), "k.pdf").text)
    assert "Kassym-Jomart Tokayev" in cleaned.text


def test_pdf_short_lines_stay_lines():
    text = layout([("Section 2. Civil Liberties", 700), ("a. Freedom of Expression", 688),
                   ("While the constitution provides for freedom of speech and of the press, the", 676),
                   ("government limited freedom of expression.", 664)])
    assert text.split("\n") == ["Section 2. Civil Liberties", "a. Freedom of Expression",
                                "While the constitution provides for freedom of speech and of the press, the "
                                "government limited freedom of expression."]


def test_pdf_ligatures_are_spelt_out():
    pieces = [("The ﬁne was ", 700.0), ("ﬂagged by the oﬃce.", 700.0), ("\n", None), ("Next", 688.0)]
    assert lines_of(pieces) == [("The fine was flagged by the office.", 700.0), ("Next", 688.0)]


def test_pdf_without_text_layer_is_an_error_not_an_empty_record():
    with pytest.raises(FormatError, match="^no text layer: scanned PDF, OCR is not supported$"):
        read_document(samples.blank_pdf(), "scan.pdf")


def test_pdf_with_one_page_of_text_and_one_without_is_read():
    text = read_document(samples.text_pdf([[REPORT], []]), "m.pdf").text
    assert text == REPORT + "\f"


def test_encrypted_pdf_is_an_error_saying_so():
    with pytest.raises(FormatError, match="encrypted PDF"):
        read_document(samples.encrypted(samples.text_pdf([[REPORT]]), "secret"), "e.pdf")


def test_pdf_encrypted_only_against_editing_opens_with_the_empty_password():
    data = samples.encrypted(samples.text_pdf([[REPORT]]), "")
    assert read_document(data, "e.pdf").text == REPORT


def test_pdf_of_500_pages_is_read_page_by_page():
    pages = [[f"Page {n}: on May 3 the court fined the editor {n} tenge."] for n in range(1, 501)]
    text = read_document(samples.text_pdf(pages), "long.pdf").text
    assert text.count("\f") == 499 and text.split("\f")[499] == pages[499][0]


@pytest.mark.parametrize("make,reason", [
    (samples.page_count_bomb, f"declares 1000000000 pages, more than the limit of {MAX_PAGES}"),
    (samples.decompression_bomb, "safety limit"),
    (samples.looping_page_tree, "damaged PDF"),
], ids=["page count", "decompression", "page tree loop"])
def test_pdf_bombs_are_refused(make, reason):
    with pytest.raises(FormatError, match=reason):
        read_document(make(), "bomb.pdf")


def test_object_stream_claiming_a_billion_objects_does_not_hang():
    assert read_document(samples.object_stream_bomb(), "o.pdf").text == "On May 3 the court fined the editor."


def test_truncated_pdf_is_an_error_naming_the_damage():
    data = samples.text_pdf([[REPORT, FINE]] * 3)
    with pytest.raises(FormatError, match="damaged PDF"):
        read_document(data[: len(data) // 2], "t.pdf")


# --- bad input: every file a record or an error line, and the run goes on ----------

def _bad_inputs(folder: Path) -> dict[str, bytes]:
    page = PAGES[2].read_bytes()
    para = "".join(f"<p>Paragraph {n}: on May 3 the court fined the editor {n} tenge.</p>" for n in range(160_000))
    big = ("<html><body><main>" + para + "</main></body></html>").encode()
    inline_image = "data:image/png;base64," + "iVBORw0KGgo" * 1_900_000
    pictured = f'<html><body><main><img src="{inline_image}"><p>{REPORT}</p></main></body></html>'.encode()
    deep = ("<html><body><p>" + REPORT + "</p>" + "<div>" * 100_000 + "<p>deep</p></body></html>").encode()
    pdf = samples.text_pdf([[REPORT, FINE]] * 3)
    return {
        "malformed.html": ("<html><body><div><p>" + REPORT + "<div></span></p></table><p>" + FINE).encode(),
        "truncated.html": page[: len(page) // 2],
        "big.html": big,
        "pictured.html": pictured,
        "deep.html": deep,
        "charset.html": '<meta charset="koi8-r"><p>Суд Алматы оштрафовал журналиста.</p>'.encode(),
        "truncated.pdf": pdf[: len(pdf) // 2],
        "encrypted.pdf": samples.encrypted(pdf, "secret"),
        "scan.pdf": samples.blank_pdf(),
        "damaged-pdf.txt": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" * 20,
        "many-pages.pdf": samples.page_count_bomb(),
        "zip-bomb.pdf": samples.decompression_bomb(),
        "objects.pdf": samples.object_stream_bomb(),
    }


def test_bad_inputs_each_give_a_record_or_an_error_line_and_the_run_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    inputs = _bad_inputs(folder)
    for name, data in inputs.items():
        (folder / name).write_bytes(data)
    (folder / "good.txt").write_text(REPORT)
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(folder), "-o", str(out), "--workers", "1",
                                 "--glob", "*.html", "--glob", "*.pdf", "--glob", "*.txt"])
    assert result.exit_code == 0, result.output
    records = {Path(r["source"]).name: r for r in map(json.loads, out.read_text().splitlines())}
    errors = {Path(e["source"]).name: e for e in map(json.loads, (tmp_path / "out.errors.jsonl").read_text().splitlines())}
    assert set(records) | set(errors) == set(inputs) | {"good.txt"} and not set(records) & set(errors)
    assert records["good.txt"]["format"] == "text"
    assert REPORT in records["malformed.html"]["text"] and FINE in records["malformed.html"]["text"]
    assert records["truncated.html"]["format"] == "html" and "Kazakhstan" in records["truncated.html"]["text"]
    assert REPORT in records["pictured.html"]["text"]
    assert "Суд Алматы оштрафовал журналиста." in records["charset.html"]["text"]
    assert records["objects.pdf"]["format"] == "pdf"
    expected_errors = {
        "big.html": f"the limit is {MAX_HTML_BYTES / 1e6:.0f} MB",
        "deep.html": "beyond the parser's limits",
        "truncated.pdf": "damaged PDF",
        "encrypted.pdf": "encrypted PDF",
        "scan.pdf": NO_TEXT_LAYER,
        "damaged-pdf.txt": "damaged PDF",
        "many-pages.pdf": "more than the limit",
        "zip-bomb.pdf": "safety limit",
    }
    for name, reason in expected_errors.items():
        assert reason in errors[name]["reason"], (name, errors[name])
        assert errors[name]["stage"] == "decode"
        assert name in result.stderr


# --- the same records from every format -------------------------------------------

def _records(path: Path) -> dict[str, dict]:
    return {Path(r["source"]).name: r for r in map(json.loads, path.read_text().splitlines())}


def _date_key(date: dict) -> tuple[str, str]:
    # The year a yearless date takes from its section depends on where sections
    # end, which differs between a whole page and an excerpt of it: compared is
    # what the text states (month, day, and a year only when it is written).
    value = date["value"] if date["year_source"] == "text" else "XXXX" + date["value"][4:]
    return squeeze(date["text"]), value


def _outcome_key(outcome: dict) -> tuple:
    penalties = tuple(sorted((p["kind"], p.get("duration"), str(p.get("amount"))) for p in outcome["penalties"]))
    return outcome["person"], outcome["verdict"], penalties


def _items(record: dict) -> dict[str, Counter]:
    return {
        "money": Counter((m["amount"], m["currency"]) for m in record["money"]),
        "dates": Counter(_date_key(d) for d in record["dates"]),
        "outcomes": Counter(_outcome_key(o) for o in record["outcomes"]),
    }


def _found_share(part: dict, whole: dict) -> tuple[float, dict]:
    """The share of `part`'s items that `whole` also has, and the missing ones."""
    a, b = _items(part), _items(whole)
    total = sum(sum(c.values()) for c in a.values())
    missing = {k: list((a[k] - b[k]).elements()) for k in a}
    found = total - sum(len(v) for v in missing.values())
    return (found / total if total else 1.0), missing


PASSAGE_YEAR = re.compile(r"^3\d\d_usdos-hrr-(\d{4})-")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name[:3])
def test_nothing_is_lost_between_report_passages_and_their_saved_page(golden_records, page):
    records = _records(golden_records)
    year = re.search(r"kazakhstan-(\d{4})", page.name).group(1)
    passages = [r for name, r in records.items() if (m := PASSAGE_YEAR.match(name)) and m.group(1) == year]
    assert passages, f"no report passage of {year}"
    whole = records[page.name]
    assert whole["format"] == "html"
    # Each passage against the page (passages of one year may overlap).
    found = total = 0
    missing = {}
    for passage in passages:
        share, lost = _found_share(passage, whole)
        items = sum(len(passage[key]) for key in ("money", "dates", "outcomes"))
        found, total = found + share * items, total + items
        missing[passage["doc_id"]] = {key: value for key, value in lost.items() if value}
    assert total and found / total >= 0.95, missing


@pytest.fixture(scope="session")
def printed_pages(tmp_path_factory) -> list[Path]:
    """The five saved pages printed by chromium, once per test session."""
    folder = tmp_path_factory.mktemp("printed")
    return [samples.print_to_pdf(page, folder / page.name.replace(".html", ".pdf")) for page in PAGES]


@pytest.fixture(scope="session")
def printed_records(printed_pages, extractor) -> dict[str, dict]:
    results = list(extractor.run(discover([str(p) for p in printed_pages])))
    assert all(isinstance(r, Record) for r in results), results
    return {Path(r.source).name: r.model_dump(mode="json") for r in results}


def test_printed_pages_are_real_multi_page_pdfs_with_running_headers(printed_pages):
    for pdf in printed_pages:
        pages = read_document(pdf.read_bytes(), pdf.name).text.split("\f")
        assert len(pages) > 3
        for number, page in enumerate(pages, 1):
            assert f"{number}/{len(pages)}" in page and "file://" in page and "Department of State" in page


@pytest.mark.parametrize("index", range(len(PAGES)), ids=[p.name[:3] for p in PAGES])
def test_printed_page_gives_the_records_of_the_page(golden_records, printed_records, index):
    page = PAGES[index]
    html = _records(golden_records)[page.name]
    pdf = printed_records[page.name.replace(".html", ".pdf")]
    assert pdf["format"] == "pdf"
    share, missing = _found_share(html, pdf)
    assert share >= 0.95, missing


@pytest.mark.parametrize("index", range(len(PAGES)), ids=[p.name[:3] for p in PAGES])
def test_printed_page_keeps_no_running_header_or_footer(printed_records, index):
    pdf = printed_records[PAGES[index].name.replace(".html", ".pdf")]
    assert "file://" not in pdf["text"]
    assert not re.search(r"\b\d{1,2}/\d{1,2}/\d{2}, \d{1,2}:\d{2} [AP]M\b", pdf["text"])
    assert not re.search(r"(?m)^\d{1,3}/\d{1,3}$", pdf["text"])


def test_kzx_clean_writes_the_extracted_text_that_removals_index(tmp_path):
    page = tmp_path / "saved.html"
    page.write_text("<html><head><title>T</title></head><body><nav>Home | Newsroom</nav><main>"
                    "<h1>Statement</h1><p>On May 3 the court fined the editor&nbsp;505,000 tenge.</p>"
                    "<p>Share this page</p><p>Write a message</p></main></body></html>", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["clean", str(page), "-o", str(out)])
    assert result.exit_code == 0, result.output
    extracted = (out / "saved.extracted.txt").read_text(encoding="utf-8")
    assert extracted.startswith("Statement") and "Newsroom" not in extracted and "<" not in extracted
    removals = [json.loads(line) for line in (out / "saved.removed.jsonl").read_text().splitlines()]
    assert removals and all(extracted[r["raw_start"]:r["raw_end"]] == r["text"] for r in removals)
    assert "html: extracted text" in result.stderr
