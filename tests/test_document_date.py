"""The document's own date (kzx/extract/document_date.py) and the year it gives
yearless dates (kzx/extract/dates.py, rule (d)), on pages of our own making in the
style of each genre, with counter-examples."""

from __future__ import annotations

import pytest

from kzx.extract.dates import DocumentAnchor, find_dates
from kzx.extract.document_date import (
    dates_the_narrative,
    find_document_date,
    is_report_page,
    opens_with_own_date,
)

# page head -> (value, rule, text)
FOUND = {
    "telegram date-time group": (
        "UNCLAS SECTION 01 OF 03 ALMATY 000412\n\nSIPDIS\n\nO 221545Z OCT 07\nFM AMEMBASSY ALMATY\n"
        "TO SECSTATE WASHDC IMMEDIATE 1234\n\nSUBJECT: KAZAKHSTAN: OPPOSITION EDITOR SENTENCED\n",
        ("2007-10-22", "telegram_dtg", "221545Z OCT 07")),
    "telegram, four-digit year": (
        "R 061231Z JAN 2010\nFM AMEMBASSY ASTANA\n", ("2010-01-06", "telegram_dtg", "061231Z JAN 2010")),
    "mirror label": ("Date: Sept. 27, 2008\nLocation: Washington, DC\n\nText.",
                     ("2008-09-27", "label", "Sept. 27, 2008")),
    "posted on": ("Court fines blogger\n\nPosted on March 3, 2014 by admin\n\nAn Almaty court ...",
                  ("2014-03-03", "label", "March 3, 2014")),
    "label, date on the next line": (
        "Hon. Jane Roe, Chairman\nFor Immediate Release\nFebruary 24, 2012\n\nWASHINGTON - ...",
        ("2012-02-24", "label", "February 24, 2012")),
    "publication date after a copy date": (
        "Last Updated: Thursday, 25 May 2023, 07:30 GMT\n\nSome report\n\nPublication Date 31 March 2003\n",
        ("2003-03-31", "label", "31 March 2003")),
    "dateline alone": ("Statement on Kazakhstan\n\nAs delivered to the Permanent Council, Vienna\n"
                       "December 13, 2012\n\nThank you, Madam Chair.",
                       ("2012-12-13", "dateline", "December 13, 2012")),
    "dateline with weekday": ("HON. JOHN DOE\n\nin the house of representatives\n\n"
                              "   Tuesday, February 29, 2000\n\n  Mr. DOE. Mr. Speaker, ...",
                              ("2000-02-29", "dateline", "February 29, 2000")),
    "dateline after a place": ("ASTANA, 3 March 2014 – The Embassy is concerned by the verdict.",
                               ("2014-03-03", "dateline", "3 March 2014")),
    "mirror stamp": ("Новости\n12.03.2014 14:25\n\nСуд оштрафовал журналиста.",
                     ("2014-03-12", "stamp", "12.03.2014")),
    "report title year": ("2019 Country Reports on Human Rights Practices: Kazakhstan\n\nSection 2.\n",
                          ("2019", "report_title", "2019")),
}

NOT_FOUND = {
    "narrative full dates": "On May 5, 2016 the court ruled. On July 6, 2016 it ruled again.",
    "a copy's update date only": "Last updated: 2016-04-13\n\nThe court ruled on May 5.",
    "an access date only": "Retrieved 12 May 2020\n\nThe court ruled on May 5.",
    "a year in a sentence": "In 2015 the court ruled on May 5 and again in June.",
    "a date-time group in a sentence in normal case": "The cable sent at 221545Z Oct 07 said so.",
    "a label whose value is not the date": "Date of the trial: May 5, 2016\n\nThe court ruled.",
}


@pytest.mark.parametrize("page,expected", FOUND.values(), ids=FOUND.keys())
def test_document_date_is_found(page: str, expected: tuple[str, str, str]) -> None:
    found = find_document_date(page)
    assert found is not None
    assert (found.value, found.rule, found.text) == expected
    assert page[found.raw_start:found.raw_end] == found.text


@pytest.mark.parametrize("page", NOT_FOUND.values(), ids=NOT_FOUND.keys())
def test_no_document_date(page: str) -> None:
    assert find_document_date(page) is None


# --- the year a document date gives ------------------------------------------------------

def values(text: str, document: DocumentAnchor | None) -> dict[str, str]:
    return {d.text: d.value for d in find_dates(text, document=document)}


@pytest.mark.parametrize("text,anchor,expected", [
    # on or before the document's date, closest to it
    ("Police detained him on December 20 and released him on January 4.", DocumentAnchor(2010, 1, 6),
     {"December 20": "2009-12-20", "January 4": "2010-01-04"}),
    ("The court fined the paper on February 17.", DocumentAnchor(2012, 2, 24), {"February 17": "2012-02-17"}),
    ("The court fined the paper on February 27.", DocumentAnchor(2012, 2, 24), {"February 27": "2011-02-27"}),
    ("Arrests followed the riots in December.", DocumentAnchor(2012, 2, 24), {"December": "2011-12"}),
    # a future cue: the date may lie after the document's date
    ("The appeal hearing is scheduled for March 3.", DocumentAnchor(2012, 2, 24), {"March 3": "XXXX-03-03"}),
    ("The court will rule on January 10.", DocumentAnchor(2012, 2, 24), {"January 10": "XXXX-01-10"}),
    ("As we approach the anniversary of the strike on December 16, we call for calm.",
     DocumentAnchor(2012, 12, 13), {"December 16": "XXXX-12-16"}),
    # "last <month>": only where both readings agree
    ("He visited Washington last December.", DocumentAnchor(2000, 2, 29), {"last December": "1999-12"}),
    ("Elections were held last August.", DocumentAnchor(2008, 9, 27), {"last August": "XXXX-08"}),
    ("Elections were held last September.", DocumentAnchor(2008, 9, 27), {"last September": "2007-09"}),
    ("in March of last year", DocumentAnchor(2008, 9, 27), {"March of last year": "2007-03"}),
    ("in March of this year", DocumentAnchor(2008, 9, 27), {"March of this year": "2008-03"}),
    ("He will return next May.", DocumentAnchor(2008, 9, 27), {"next May": "XXXX-05"}),
    # a year-only document date (a report title's) gives its year
    ("On May 5 the court closed the paper.", DocumentAnchor(2016), {"May 5": "2016-05-05"}),
    # dates outside the document date's scope take nothing from it
    ("On May 5 the court closed the paper.", DocumentAnchor(2016, 6, 1, (100, 200)), {"May 5": "XXXX-05-05"}),
    # a written year is never changed
    ("On May 5, 2009 the court closed the paper.", DocumentAnchor(2016, 6, 1), {"May 5, 2009": "2009-05-05"}),
])
def test_yearless_dates_take_the_year_before_the_document_date(text, anchor, expected) -> None:
    assert values(text, anchor) == expected


def test_a_section_year_comes_before_the_document_date() -> None:
    text = "Country Reports on Human Rights Practices for 2015\n\nOn December 20 police detained him."
    found = {d.text: (d.value, d.year_source)
             for d in find_dates(text, [(0, len(text))], document=DocumentAnchor(2016, 4, 13))}
    assert found["December 20"] == ("2015-12-20", "section")


def test_a_subsection_inherits_the_year_of_the_heading_above() -> None:
    text = "2016 Country Reports on Human Rights Practices: Kazakhstan\n\nIntro.\n\nPress and Media\n\nOn May 23 ..."
    cut = text.index("Press and Media")
    found = find_dates(text, [(0, cut), (cut, len(text))], section_years=[2016, 2016])
    assert [(d.text, d.value, d.year_source) for d in found] == [
        ("2016", "2016", "text"), ("May 23", "2016-05-23", "section")]


def test_report_pages_are_not_dated_by_their_publication_date() -> None:
    head = "Kazakhstan\nBureau of Democracy, Human Rights, and Labor\nReport\nApril 13, 2016\n\nThe April 26 ..."
    found = find_document_date(head)
    assert found is not None and found.value == "2016-04-13"
    assert is_report_page(head) and not dates_the_narrative(head, found)
    statement = "Statement on Kazakhstan\nDecember 13, 2012\n\nWe note the report of the Office."
    assert dates_the_narrative(statement, find_document_date(statement))


def test_a_report_title_dates_its_narrative_even_on_a_report_page() -> None:
    page = "2019 Country Reports on Human Rights Practices: Kazakhstan\n\nOn May 5 ..."
    assert dates_the_narrative(page, find_document_date(page))


@pytest.mark.parametrize("section,opens", [
    ("Court fines editor\nMay 3, 2016\n\nA court in Almaty fined ...", True),
    ("Posted on May 3, 2016\n\nA court in Almaty fined ...", True),
    ("Press and Media Freedoms\n\nOn May 3 a court fined ...", False),
    ("On May 3, 2016, a court in Almaty fined the editor of a weekly paper.", False),
])
def test_a_section_with_its_own_dateline_starts_another_article(section: str, opens: bool) -> None:
    assert opens_with_own_date(section) is opens
