"""The shape-and-position cleaning families (kzx/clean/families/), one table each.

GOES: lines of each family's kind, made up in the style of the genres analysts
feed (mirror pages, PDF scrapes, telegrams, releases, printed records); each
must be removed by that family's rule, by name. STAYS: counter-examples that
must survive. Each line is put where the family looks for it (the top of a
page, between paragraphs, in a telegram), with real paragraphs around it.
"""

from __future__ import annotations

import re

import pytest

from kzx.clean import Cleaned, clean
from kzx.clean.families import FAMILIES

BODY = (
    "On January 24, the Astana city court found the chief editor of Central Asia Monitor "
    "newspaper Bigeldy Gabdullin guilty of extortion. The court sentenced Gabdullin to five "
    "years of probation."
)
BODY2 = (
    "Observers reported the government blocked or slowed access to opposition websites. "
    "Many observers believed the government added progovernment postings in chat rooms."
)
TITLE = "Kazakhstan: Editor Convicted of Extortion"


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def survives(cleaned: Cleaned, needle: str) -> bool:
    return squeeze(needle) in squeeze(cleaned.text)


def rule_of(cleaned: Cleaned, needle: str) -> str | None:
    """The rule of the removal that took `needle` (white space ignored)."""
    key = squeeze(needle)
    for removal in cleaned.removals:
        if key and key in squeeze(removal.text):
            return removal.rule
    return None


def at_top(block: str) -> Cleaned:
    """The lines above the title and the article, as a mirror prints them."""
    return clean(f"{block}\n\n{TITLE}\n\n{BODY}\n\n{BODY2}\n")


def in_middle(line: str) -> Cleaned:
    return clean(f"{TITLE}\n\n{BODY}\n\n{line}\n\n{BODY2}\n")


def _rows(table: list) -> list:
    return [pytest.param(*row, id=str(row[0])[:50]) for row in table]


def _goes(cleaned: Cleaned, line: str, rule: str) -> None:
    assert not survives(cleaned, line), cleaned.text
    assert rule_of(cleaned, line) == rule, cleaned.removals
    assert survives(cleaned, BODY) and survives(cleaned, BODY2)


# --- every family ----------------------------------------------------------------

def test_a_short_statement_under_a_repeated_title_keeps_its_paragraphs() -> None:
    """A Russian embassy page: chrome in Russian, the title twice, two short paragraphs, related links."""
    paragraphs = ["Посольство США с обеспокоенностью отмечает приговор, вынесенный 11 мая журналисту судом Сарыагашского района.",
                  "Мы призываем власти Казахстана обеспечить соблюдение права на свободу выражения мнений."]
    title = "Заявление посольства США в связи с приговором журналисту"
    page = "\n".join(["Перейти к содержимому", "Поделиться", "Главная | Новости и события | Заявления", title,
                      "5 МИНУТ ЧТЕНИЯ", "12 мая 2020 года", "", title, "", paragraphs[0], "", paragraphs[1], "",
                      "Поделиться", "Facebook", "Twitter", "Читайте также",
                      "Заявление по случаю Всемирного дня свободы печати",
                      "Посол США встретился с представителями гражданского общества",
                      "Навигация по сайту", "Политика конфиденциальности"])
    cleaned = clean(page)
    assert all(survives(cleaned, p) for p in paragraphs), cleaned.removals
    assert squeeze(cleaned.text).count(squeeze(title)) == 1
    for chrome in ("Перейти к содержимому", "Поделиться", "5 МИНУТ ЧТЕНИЯ", "Читайте также", "Навигация по сайту",
                   "Всемирного дня свободы печати"):
        assert not survives(cleaned, chrome), chrome


def test_family_names_are_unique_and_documented() -> None:
    names = [f.name for f in FAMILIES]
    assert len(set(names)) == len(names)
    assert all(re.fullmatch(r"(noise|dedupe)\.[a-z_]+", n) for n in names)
    assert all(f.doc for f in FAMILIES)
    import kzx.clean.families as package
    assert all(n in package.__doc__ for n in names)


# --- noise.metadata --------------------------------------------------------------

METADATA_GOES = [
    ("Publisher | Human Rights Watch |\nPublication Date | 12 March 2019 |\nCountry | Kazakhstan |",
     "Publication Date | 12 March 2019 |"),
    ("Publisher Human Rights Watch\nPublication Date 12 March 2019\nCite as Human Rights Watch, Kazakhstan: Editor Convicted, 12 March 2019",
     "Publisher Human Rights Watch"),
    ("Last Updated: Friday, 2 June 2023, 11:15 GMT", "Last Updated: Friday, 2 June 2023, 11:15 GMT"),
    ("Date: March 3, 2014\nLocation: Washington, DC", "Location: Washington, DC"),
    ("Document #2011273\nTopics: Freedom of expression; Media\nCountries: Kazakhstan", "Topics: Freedom of expression; Media"),
    ("Название Доклад о правах человека\nДата03.02.2020\nРазмер48.2 Kb.\nФормат файлаpdf", "Формат файлаpdf"),
    ("Скачать 48.2 Kb.\n#412907", "#412907"),
    ("Document #2089765", "Document #2089765"),
    ("Title\tFreedom in the World 2019 - Kazakhstan\nPublisher\tFreedom House\nCountry\tKazakhstan\n"
     "Publication Date\t4 February 2019", "Title Freedom in the World 2019 - Kazakhstan"),
    ("Date:2009 July 15, 10:21 (Wednesday)\nCanonical ID:09ASTANA1234_a\nOriginal Classification:UNCLASSIFIED\n"
     "Handling Restrictions:-- Not Assigned --\nCharacter Count:4567\nLocator:TEXT ONLINE", "Canonical ID:09ASTANA1234_a"),
    ("Reference ID\tCreated\tReleased\tClassification\tOrigin\n09ASTANA1234\t2009-07-15 10:21\t2011-08-30 01:44\tUNCLASSIFIED\tEmbassy Astana",
     "09ASTANA1234 2009-07-15 10:21"),
    ("Published:\n20 March 2023\nDocument type:\nPeriodical Report\nLanguage:\nEnglish", "Periodical Report"),
]
METADATA_STAYS = [
    # "Subject:" in a quoted letter, in the middle of the text
    "The letter read: Subject: Request for registration of the community. It was never answered.",
    "Subject: Request for registration",
    "Note: This report was updated 5/18/16; see Appendix F: Errata for more information.",
    "Recommendations for Kazakhstan: Increase efforts to identify victims of forced labor and prosecute traffickers.",
    "Date: March 3, 2014",
]


@pytest.mark.parametrize("block, line", _rows(METADATA_GOES))
def test_metadata_goes(block: str, line: str) -> None:
    _goes(at_top(block), line, "noise.metadata")


@pytest.mark.parametrize("line", METADATA_STAYS)
def test_metadata_in_the_text_stays(line: str) -> None:
    cleaned = in_middle(line)
    assert survives(cleaned, line), cleaned.removals


def test_short_real_sentence_next_to_metadata_stays() -> None:
    cleaned = at_top("Publisher | Amnesty International |\nPublication Date | 2 May 2019 |\nHe was released on May 3.")
    assert survives(cleaned, "He was released on May 3.") and not survives(cleaned, "Publication Date")


def test_headings_in_capitals_stay() -> None:
    page = "\n".join(["USCIRF 2020 ANNUAL REPORT", "KAZAKHSTAN", "TIER 2", "KEY FINDINGS", BODY,
                      "RECOMMENDATIONS FOR U.S. POLICY", BODY2, "INTERNET FREEDOM", PARAGRAPHS[0]])
    cleaned = clean(page)
    for heading in ("KEY FINDINGS", "RECOMMENDATIONS FOR U.S. POLICY", "INTERNET FREEDOM", "TIER 2"):
        assert survives(cleaned, heading), heading


def test_title_that_starts_like_a_label_stays() -> None:
    cleaned = clean(f"Country Reports on Human Rights Practices for 2015 - Kazakhstan\n"
                    f"Publisher | United States Department of State |\nPublication Date | 13 April 2016 |\n\n{BODY}")
    assert survives(cleaned, "Country Reports on Human Rights Practices for 2015 - Kazakhstan")
    assert not survives(cleaned, "Publication Date")


# --- noise.page_furniture -----------------------------------------------------------

PARAGRAPHS = [
    "The Committee for Religious Affairs reported that 18 religious groups had been refused "
    "registration during the year, most of them small Protestant congregations in the regions.",
    "Police in Almaty detained 12 people who gathered near the akimat building to protest the "
    "arrest of a local activist; a court fined five of them for taking part in an unsanctioned meeting.",
    "In June the Supreme Court upheld the sentence of the trade union leader, who remained in a "
    "prison colony in Petropavlovsk, according to his lawyer and his wife.",
    "The government continued to block websites it considered extremist, and independent media "
    "outlets reported that their pages were slowed during protests in the western regions.",
]


def pdf_pages(header: str | None, footer: str | None, feed: bool = True) -> str:
    pages = []
    for n, para in enumerate(PARAGRAPHS, start=1):
        lines = []
        if header:
            lines.append(header.format(n=n, total=len(PARAGRAPHS)))
        lines.append(para)
        if footer:
            lines.append(footer.format(n=n, total=len(PARAGRAPHS)))
        pages.append("\n\n".join(lines))
    return ("\n\f" if feed else "\n\n").join(pages)


PAGE_GOES = [
    ("KAZAKHSTAN 2019 INTERNATIONAL RELIGIOUS FREEDOM REPORT", "United States Department of State • Office of International Religious Freedom {n}/{total}"),
    ("USCIRF | ANNUAL REPORT 2020", "Page {n} of {total}"),
    ("Kazakhstan: Freedom of the Press", "Printed on 12 May 2021 at 10:4{n} — page {n}"),
]


@pytest.mark.parametrize("header, footer", _rows(PAGE_GOES))
def test_running_headers_and_footers_between_form_feeds(header: str, footer: str) -> None:
    cleaned = clean(pdf_pages(header, footer))
    assert "\f" not in cleaned.text
    assert not survives(cleaned, footer.format(n=3, total=4))
    assert rule_of(cleaned, footer.format(n=3, total=4)) in ("noise.page_furniture", "noise.furniture")
    assert rule_of(cleaned, header) == "noise.page_furniture" or squeeze(cleaned.text).count(squeeze(header)) <= 1
    assert all(survives(cleaned, p) for p in PARAGRAPHS)


def test_running_footer_without_form_feeds() -> None:
    footer = "Kazakhstan 2018 Human Rights Report | {n}"
    cleaned = clean(pdf_pages(None, footer, feed=False))
    assert not any(survives(cleaned, footer.format(n=n, total=4)) for n in range(1, 5))
    assert rule_of(cleaned, "Kazakhstan 2018 Human Rights Report | 2") == "noise.page_furniture"
    assert all(survives(cleaned, p) for p in PARAGRAPHS)


CAPTION_GOES = ["Page 3 of 40", "страница2 из 4", "Стр. 12", "1   2   3   4", "12/40"]
CAPTION_STAYS = [
    "Page 5 of the indictment lists 12 witnesses.",
    "Page after page of the verdict repeated the prosecutor's words.",
    "2018 2019 2020",
    "Case 1",
]


@pytest.mark.parametrize("line", CAPTION_GOES)
def test_page_captions_go(line: str) -> None:
    cleaned = in_middle(line)
    assert not survives(cleaned, line)
    assert rule_of(cleaned, line) in ("noise.page_furniture", "noise.furniture")


@pytest.mark.parametrize("line", CAPTION_STAYS)
def test_lines_like_page_captions_stay(line: str) -> None:
    assert survives(in_middle(line), line)


def test_repeated_speaker_names_are_not_running_headers() -> None:
    page = "\n\n".join([TITLE] + [x for p in PARAGRAPHS for x in ("Georgi Gotev", p)])
    assert clean(page).text.count("Georgi Gotev") == 4


def test_form_feed_never_survives_and_a_paragraph_stays_whole() -> None:
    cleaned = clean("First page ends here.\fSecond page starts here.")
    assert "\f" not in cleaned.text and "First page ends here." in cleaned.text


# --- noise.telegram ---------------------------------------------------------------

TELEGRAM_HEAD = [
    "VZCZCXRO4511",
    "PP RUEHDBU RUEHFL RUEHKW RUEHLA RUEHNP RUEHROV RUEHSL RUEHSR",
    "DE RUEHTA #2955/01 2951545",
    "ZNR UUUUU ZZH",
    "P 221545Z OCT 07",
    "FM AMEMBASSY ASTANA",
    "TO RUEHC/SECSTATE WASHDC PRIORITY 1234",
    "INFO RUCNCIS/CIS COLLECTIVE",
    "RUEHAST/USOFFICE ALMATY 0123",
    "BT",
    "UNCLAS SECTION 01 OF 03 ASTANA 002955",
    "SIPDIS",
    "SENSITIVE",
    "DEPT FOR SCA/CEN, DRL",
    "E.O. 12958: N/A",
    "TAGS: PGOV PHUM KDEM KZ",
]
SUBJECT = "SUBJECT: KAZAKHSTAN: OPPOSITION ACTIVIST SENTENCED IN ALMATY"
REF = "REF: A) ASTANA 1871 B) STATE 123456"
PARA1 = ("1. (SBU) Summary: On October 19, an Almaty district court sentenced opposition activist "
         "Kairat Bekov to two years in prison for insulting a public official. End Summary.")
PARA2 = ("2. (SBU) Bekov's lawyer told PolOff on October 20 that the defense would appeal. "
         "The trial lasted three days and observers from the OSCE Center attended.")
SECTION_BREAK = "ASTANA 00002955 002 OF 003"
TAIL = ["CLASSIFIED BY: Ambassador John Ordway, reasons 1.4 (b) and (d)", "Not for public Internet."]


def telegram() -> str:
    return "\n".join(TELEGRAM_HEAD + [SUBJECT, "", REF, "", PARA1, "", SECTION_BREAK, "", PARA2, "", *TAIL, "", "ORDWAY"])


@pytest.mark.parametrize("line", TELEGRAM_HEAD + [REF, SECTION_BREAK, *TAIL])
def test_telegram_furniture_goes(line: str) -> None:
    cleaned = clean(telegram())
    assert not survives(cleaned, line), cleaned.text
    assert rule_of(cleaned, line) in ("noise.telegram", "noise.furniture")


def test_mirror_header_of_a_telegram_goes_and_subject_stays() -> None:
    head = ("Viewing cable 07ASTANA2955, KAZAKHSTAN: OPPOSITION ACTIVIST SENTENCED\n\n"
            "If you are new to these pages, please read an introduction on the structure of a cable as well as how "
            "to discuss them with others. See also the FAQs\n\n"
            "Reference ID\tCreated\tReleased\tClassification\tOrigin\n"
            "07ASTANA2955\t2007-10-22 15:45\t2011-08-30 01:44\tUNCLASSIFIED//FOR OFFICIAL USE ONLY\tEmbassy Astana\n\n")
    cleaned = clean(head + telegram())
    assert survives(cleaned, SUBJECT) and survives(cleaned, PARA1)
    assert not survives(cleaned, "Reference ID") and not survives(cleaned, "2007-10-22 15:45")
    assert not survives(cleaned, "If you are new to these pages")


@pytest.mark.parametrize("line", [SUBJECT, PARA1, PARA2, "ORDWAY"])
def test_telegram_subject_and_paragraphs_stay(line: str) -> None:
    assert survives(clean(telegram()), line)


def test_capital_lines_outside_a_telegram_stay() -> None:
    for line in ("INFO CENTRE FOR HUMAN RIGHTS", "TO THE PEOPLE OF KAZAKHSTAN", "SECTION 2. RESPECT FOR CIVIL LIBERTIES",
                 "CONFIDENTIAL SOURCES"):
        assert survives(in_middle(line), line), line


# --- noise.printed_record ---------------------------------------------------------

RECORD_GOES = [
    "[Page H1234]",
    "[[Page S5678]]",
    "[Congressional Record Volume 156, Number 14 (Tuesday, February 2, 2010)]",
    "[House]",
    "[From the U.S. Government Printing Office, www.gpo.gov]",
    "[GRAPHIC] [TIFF OMITTED]",
    "______",
    "=======================================================================",
    "-----------------------------------------------------------------------",
    "###",
    "# # #",
    "From the Congressional Record Online through the Government Publishing Office [www.gpo.gov]",
    "U.S. GOVERNMENT PRINTING OFFICE",
    "C O N T E N T S",
    "Hon. Alcee L. Hastings, Co-Chairman, Commission on Security and Cooperation in Europe........ 1",
    "Prepared statement of Hon. Jane Doe . . . . . . . . . . . . 24",
    "WASHINGTON : 2011",
]
RECORD_STAYS = [
    "[The ministry did not respond to a request for comment.]",
    "The [Kazakh] government's apparent use of the legal system concerns us.",
    "From the outset, the trial was marred by procedural violations, observers said.",
    "Mr. SMITH of New Jersey. Mr. Speaker, I rise today to draw attention to Kazakhstan.",
]


@pytest.mark.parametrize("line", RECORD_GOES)
def test_printed_record_furniture_goes(line: str) -> None:
    _goes(in_middle(line), line, "noise.printed_record")


@pytest.mark.parametrize("line", RECORD_STAYS)
def test_printed_record_text_stays(line: str) -> None:
    assert survives(in_middle(line), line)


def test_page_marker_inside_a_paragraph_goes() -> None:
    cleaned = in_middle("Mr. Speaker, the Government [[Page S1234]] of Kazakhstan must release him.")
    assert "[[Page" not in cleaned.text and "the Government of Kazakhstan must release him" in " ".join(cleaned.text.split())
    assert rule_of(cleaned, "[[Page S1234]]") == "noise.printed_record"


def test_source_note_after_a_heading_goes() -> None:
    cleaned = at_top("KAZAKHSTAN (TIER 2)   [Extracted from U.S. State Dept Trafficking in Persons Report, June 2010]")
    assert survives(cleaned, "KAZAKHSTAN (TIER 2)") and not survives(cleaned, "[Extracted from")


def test_asterisk_that_opens_paragraphs_goes() -> None:
    cleaned = clean(f"* Mr. SMITH. Madam Speaker, I rise today.\n\n* {BODY}\n\n* {BODY2}")
    assert "*" not in cleaned.text and survives(cleaned, BODY)


# --- noise.site_chrome -------------------------------------------------------------

CHROME_GOES = [
    "4 MINUTE READ",
    "12 min read",
    "10 МИНУТНОЕ ЧТЕНИЕ",
    "5 мин чтения",
    "Your browser doesn't support HTML5",
    "Поделиться",
    "Subscribe to continue reading",
    "Официальные веб-сайты используют .gov",
    "Защищенные веб-сайты .gov используют HTTPS",
]
CHROME_STAYS = ["The decree was published on www.akorda.kz and on egov.kz.", "See https://www.state.gov/reports/ for the text.","4 minutes later police arrived.", "Read the verdict of 12 May.", "Главная задача правозащитников"]


@pytest.mark.parametrize("line", CHROME_GOES)
def test_site_chrome_goes(line: str) -> None:
    _goes(in_middle(line), line, "noise.site_chrome")


def test_russian_read_also_line_is_a_teaser() -> None:
    line = "Читайте также: Суд оштрафовал журналиста в Уральске"
    _goes(in_middle(line), line, "noise.teaser")


@pytest.mark.parametrize("line", CHROME_STAYS)
def test_site_chrome_lookalikes_stay(line: str) -> None:
    assert survives(in_middle(line), line)


def test_tag_list_under_a_tags_heading_goes() -> None:
    cleaned = clean(f"{TITLE}\n\n{BODY}\n\n{BODY2}\n\nTAGS\n\nBureau of Democracy, Human Rights, and Labor\nKazakhstan\nReligious Freedom")
    assert not survives(cleaned, "Religious Freedom") and not survives(cleaned, "Bureau of Democracy")
    assert rule_of(cleaned, "Religious Freedom") == "noise.site_chrome"


@pytest.mark.parametrize("line", ["7 MIN DE LECTURE", "3 минуты", "12 MINUTE READ", "Главная » Новости » Казахстан"])
def test_reading_time_and_breadcrumbs_in_any_language_go(line: str) -> None:
    cleaned = clean(f"{TITLE}\n{line}\n\n{BODY}\n\n{BODY2}")
    assert not survives(cleaned, line) and rule_of(cleaned, line) in ("noise.site_chrome", "noise.furniture")
    assert survives(cleaned, TITLE)


def test_minutes_in_the_text_stay() -> None:
    cleaned = in_middle("5 minutes")
    assert survives(cleaned, "5 minutes")


def test_navigation_block_at_the_top_goes() -> None:
    cleaned = at_top("Newsroom\nHearings\nPhoto Gallery")
    assert not survives(cleaned, "Hearings") and rule_of(cleaned, "Hearings") == "noise.site_chrome"
    assert survives(cleaned, TITLE)


def test_title_printed_twice_is_not_a_menu() -> None:
    cleaned = clean(f"Kazakhstan Must Respect\nHuman Rights\n\nMarch 3, 2012\n\nKazakhstan Must Respect\n\n{BODY}")
    assert survives(cleaned, "Kazakhstan Must Respect")


def test_short_title_lines_in_the_text_stay() -> None:
    cleaned = in_middle("Press Releases\nPhoto Gallery")  # not at the top: headings of the article
    assert survives(cleaned, "Press Releases")


# --- noise.letterhead --------------------------------------------------------------

LETTERHEAD_GOES = [
    ("Hon. Roger F. Wicker, Chairman\nHon. Steve Cohen, Co-Chairman", "Hon. Steve Cohen, Co-Chairman"),
    ("Jane R. Doe Executive Director", "Jane R. Doe Executive Director"),
    ("234 Ford House Office Building, Washington, DC 20515\nTel. (202) 225-1901 | info@csce.gov", "Tel. (202) 225-1901"),
    ("www.hrw.org", "www.hrw.org"),
]
LETTERHEAD_STAYS = [
    "Chairman Smith said the trial was unfair.",
    "Bureau of Democracy, Human Rights, and Labor",
    "The ministry's website, www.gov.kz, published the decree on May 3.",
    "For questions, the embassy can be reached at (202) 232-5488, a spokesperson said.",
]


@pytest.mark.parametrize("block, line", _rows(LETTERHEAD_GOES))
def test_letterhead_goes(block: str, line: str) -> None:
    _goes(at_top(block), line, "noise.letterhead")


def test_dateline_in_a_letterhead_block_stays() -> None:
    block = ("Hon. Jane Doe, Chairman\nHon. Richard Roe, Co-Chairman\nFor Immediate Release\nwww.example.gov\n"
             "October 12, 2012")
    cleaned = at_top(block)
    assert survives(cleaned, "October 12, 2012") and not survives(cleaned, "Hon. Richard Roe")


def test_speaker_headings_of_a_hearing_stay() -> None:
    heads = ["STATEMENT OF HON. JANE DOE, ASSISTANT SECRETARY", "STATEMENT OF HON. JOHN ROE, DIRECTOR"]
    cleaned = clean("\n\n".join([TITLE, BODY, heads[0], BODY2, heads[1], PARAGRAPHS[0], PARAGRAPHS[1]]))
    assert all(survives(cleaned, h) for h in heads)


@pytest.mark.parametrize("line", LETTERHEAD_STAYS)
def test_letterhead_lookalikes_stay(line: str) -> None:
    assert survives(in_middle(line), line)
    assert survives(at_top(line), line) or line.endswith("Labor")


# --- noise.sidebar -----------------------------------------------------------------

def test_mission_box_goes() -> None:
    box = "To protect the rights of journalists in Central Asia through monitoring and legal aid."
    cleaned = in_middle(f"The Foundation’s Mission\n\n{box}")
    assert not survives(cleaned, box) and rule_of(cleaned, box) == "noise.sidebar"


def test_box_of_links_to_the_sites_resources_goes() -> None:
    box = "KEY USCIRF RESOURCES & ACTIVITIES\n• Country Update: Religious Freedom Conditions in Kazakhstan\n• Press Release: USCIRF Delegation Travels to Kazakhstan"
    cleaned = clean(f"{TITLE}\n\n{BODY}\n{box}\nBackground\n{BODY2}")
    assert not survives(cleaned, "USCIRF Delegation Travels") and rule_of(cleaned, "USCIRF Delegation Travels") == "noise.sidebar"
    assert survives(cleaned, "Background") and survives(cleaned, BODY2)


def test_roster_in_capitals_goes() -> None:
    roster = "SENATE COMMISSIONERS\n\nJOHN DOE, Ohio,          RICHARD ROE, Texas,\nMARY MAJOR, Iowa,"
    cleaned = in_middle(roster)
    assert not survives(cleaned, "JOHN DOE") and not survives(cleaned, "MARY MAJOR, Iowa,")
    assert rule_of(cleaned, "MARY MAJOR, Iowa,") == "noise.sidebar"


def test_roster_names_printed_into_a_column_go() -> None:
    column = ("In April 2020, staff of the Commission visited Almaty Mary Major to meet with religious "
              "communities and Vice Chair officials of the Committee for Religious Affairs. The delegation "
              "raised the case of a Richard Roe jailed imam and asked about the draft law John Doe Jane Roe")
    page = "\n\n".join(["Tom Smith By Ann Lee, Policy Analyst Chair", column,
                        "Bob Brown Executive Director", "www.example.gov 732 N. Capitol Street, NW, Suite 100 Washington, DC 20401",
                        BODY])
    cleaned = clean(page)
    for name in ("Mary Major", "Vice Chair", "Richard Roe", "John Doe Jane Roe"):
        assert not survives(cleaned, name), name
    for text in ("staff of the Commission visited Almaty", "to meet with religious communities and",
                 "officials of the Committee for Religious Affairs.", BODY):
        assert survives(cleaned, text), text


# --- noise.caption -----------------------------------------------------------------

CAPTION_LINES = [
    "FILE - Kazakh activist Max Bokayev speaks to journalists in Atyrau, Kazakhstan, May 17, 2016.",
    "Relatives wait outside the court in Aktau (AP Photo/Jane Doe)",
    "Активисты у здания суда в Алматы (Фото: Азаттык)",
    "Фото: Vlast.kz",
]


@pytest.mark.parametrize("line", CAPTION_LINES)
def test_photo_caption_goes(line: str) -> None:
    _goes(in_middle(line), line, "noise.caption")


def test_news_photo_caption_under_the_title_goes() -> None:
    caption = "Activist Max Bokayev stands in a courtroom cage during a hearing in Atyrau, Kazakhstan, November 28, 2016."
    cleaned = clean(f"{TITLE}\n\n{caption}\n\n{BODY} {BODY2}\n\n{BODY2}")
    _goes(cleaned, caption, "noise.caption")


def test_byline_with_a_dateline_under_the_title_stays() -> None:
    byline = "Press Statement by Ned Price, Department Spokesperson, Washington, DC, January 5, 2022"
    cleaned = clean(f"{TITLE}\n\n{byline}\n\n{BODY} {BODY2}\n\n{BODY2}")
    assert survives(cleaned, byline)


def test_sentences_like_captions_stay() -> None:
    for line in ("He was detained in Atyrau, the lawyer said (Reuters reported).",
                 "The story was first reported by Radio Azattyq (RFE/RL's Kazakh Service)",
                 "The court in Aktau sentenced him on November 28, 2016."):
        assert survives(in_middle(line), line), line


# --- a title printed twice ----------------------------------------------------------

def test_title_then_extended_heading_keeps_one() -> None:
    title = "Statement on the Sentencing of Journalists in Kazakhstan"
    cleaned = clean(f"{title}\n\n{title}, Delivered by Ambassador Jane Doe\n\n{BODY}")
    assert squeeze(cleaned.text).count(squeeze(title)) == 1
    assert rule_of(cleaned, title) == "dedupe.title_variant"


def test_lead_sentence_printed_twice_keeps_one() -> None:
    lead = "A court in Aktau sentenced opposition leader Vladimir Kozlov to seven and a half years."
    cleaned = clean(f"{TITLE}\n\n{lead}\n{lead} {BODY}\n\n{BODY2}")
    assert squeeze(cleaned.text).count(squeeze(lead)) == 1
    assert rule_of(cleaned, lead) == "dedupe.lead_repeat"


def test_a_short_heading_before_a_longer_one_stays() -> None:
    cleaned = clean(f"Kazakhstan\n\nKazakhstan: Editor Convicted\n\n{BODY}")
    assert cleaned.text.startswith("Kazakhstan\n")


# --- decoding what scrapers leave ---------------------------------------------------

def test_page_saved_as_a_bytes_literal() -> None:
    raw = 'b"<html>\\n<title> - HEARING ON KAZAKHSTAN</title>\\n<body><pre>HEARING ON KAZAKHSTAN\\n\\nThe Commission\\xe2\\x80\\x99s hearing began."'
    cleaned = clean(raw)
    assert "\\n" not in cleaned.text and "<" not in cleaned.text and not cleaned.text.startswith("b")
    assert "Commission’s hearing began." in cleaned.text
    assert cleaned.text.count("HEARING ON KAZAKHSTAN") == 1


def test_a_paragraph_cut_by_a_page_break_is_rejoined() -> None:
    raw = ("KAZAKHSTAN 2021 HUMAN RIGHTS REPORT\n\nThe court sentenced the activist to five years in a prison col-\n"
           "Kazakhstan 2021 Human Rights Report 1/2\f"
           "Kazakhstan 2021 Human Rights Report 2/2\nony in Pavlodar, and his lawyer said he would appeal\n\n"
           "Police detained 12 people in Almaty; a court fined five of them.")
    cleaned = clean(raw)
    assert "prison colony in Pavlodar, and his lawyer" in cleaned.text, cleaned.text
    assert "Human Rights Report 1/2" not in cleaned.text and "Human Rights Report 2/2" not in cleaned.text
    assert "\f" not in cleaned.text
    assert cleaned.text.startswith("KAZAKHSTAN 2021 HUMAN RIGHTS REPORT\n")  # the title is not a running header


def test_read_stage_accepts_form_feeds() -> None:
    """The PDF reader joins pages with form feeds: decoding must not take them for binary content."""
    from kzx.io import decode

    data = "\f".join(f"Page text number {n}, a line of a report." for n in range(40)).encode("utf-8")
    assert "\f" in decode(data).text


def test_report_pdf_with_page_number_headers_and_a_two_line_footer() -> None:
    """A State Department report as the PDF reader yields it: "KAZAKHSTAN 2" over each
    page after the first, a two-line footer on every page, paragraphs running on."""
    footer = ["Country Reports on Human Rights Practices for 2016",
              "United States Department of State • Bureau of Democracy, Human Rights and Labor"]
    pages = [
        ["KAZAKHSTAN 2016 HUMAN RIGHTS REPORT", "", "On January 24, the Astana city court found the chief editor of",
         "Central Asia Monitor newspaper Bigeldy Gabdullin guilty of extortion. The court sentenced"],
        ["KAZAKHSTAN 2", "", "Gabdullin to five years of probation and banned him from journalism for five",
         "years.", "", "Section 2. Respect for Civil Liberties", "", "Observers reported the government blocked access"],
        ["KAZAKHSTAN 3", "", "to opposition websites during the campaign."],
    ]
    raw = "\f".join("\n".join(lines + [""] + footer) for lines in pages)
    cleaned = clean(raw)
    text = " ".join(cleaned.text.split())
    assert "The court sentenced Gabdullin to five years of probation" in text, cleaned.text
    assert "Observers reported the government blocked access to opposition websites" in text, cleaned.text
    assert "Section 2. Respect for Civil Liberties\n\nObservers" in cleaned.text  # a heading is not joined
    assert not re.search(r"KAZAKHSTAN [23]\b", cleaned.text)
    assert "chief editor of Central Asia Monitor" in text
    assert not survives(cleaned, footer[0]) and not survives(cleaned, footer[1])
    assert cleaned.text.startswith("KAZAKHSTAN 2016 HUMAN RIGHTS REPORT")


def test_running_footer_next_to_page_marks_without_form_feeds() -> None:
    """A PDF scrape without form feeds: the footer has no number, but stands next to the page marks each time."""
    footer = "Country Reports on Human Rights Practices for 2019\nUnited States Department of State • Bureau of Democracy, Human Rights and Labor"
    raw = "\n\n".join(["KAZAKHSTAN 2019 HUMAN RIGHTS REPORT", PARAGRAPHS[0], footer, "KAZAKHSTAN 2", PARAGRAPHS[1],
                       footer, "KAZAKHSTAN 3", PARAGRAPHS[2], footer, "Page 4 of 41", PARAGRAPHS[3]])
    cleaned = clean(raw)
    assert not survives(cleaned, "United States Department of State • Bureau of Democracy")
    assert rule_of(cleaned, "United States Department of State • Bureau of Democracy") == "noise.page_furniture"
    assert all(survives(cleaned, p) for p in PARAGRAPHS)


def test_repeated_labels_of_a_table_stay() -> None:
    table = "Men\n12\n\nWomen\n15\n\nMen\n20\n\nWomen\n22"
    cleaned = clean(f"{TITLE}\n\n{BODY}\n\n{table}\n\n{BODY2}")
    assert cleaned.text.count("Women") == 2 and cleaned.text.count("Men\n") == 2
