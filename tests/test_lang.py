"""Language per document and paragraph; the English model never sees Cyrillic; the Russian
pipeline (natasha) loads only for documents with Russian paragraphs."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kzx.io import Source
from kzx.lang.detect import (
    blank, document_language, letter_counts, paragraph_languages, script_language, spans_in,
)
from kzx.lang.ru.nlp import analyse_russian
from kzx.records import SCHEMA_VERSION

MIXED = (
    "Kazakhstan: activist sentenced\n\n"
    "On March 3, 2021, the Almaty court sentenced activist Yerzhan Yelshibayev to five years.\n\n"
    "Суд Медеуского района Алматы приговорил журналиста Махамбета Абжана к семи годам. "
    "Президент Касым-Жомарт Токаев подписал указ. Встреча с Токаевым прошла 12 апреля 2022 года.\n\n"
    "Соединенные Штаты выражают соболезнования. Государственный секретарь Блинкен заявил об этом в Вене.\n"
)


@pytest.mark.parametrize("text, language", [
    ("Суд приговорил Иванова к семи годам лишения свободы.", "ru"),
    ("The court sentenced him to seven years.", "en"),
    ("Мемлекеттік қызмет туралы заң қабылданды.", "kk"),  # Kazakh letters
    ("Выступление Посла в ОБСЕ (OSCE) и ООН (UN)", "ru"),  # Latin acronyms in Russian
    ("The Russian title «Свобода» was banned by the court in Almaty.", "en"),
    ("12.03.2020 — 15:00", None),
])
def test_script_language(text, language):
    assert script_language(text) == language


def test_paragraph_languages_on_a_mixed_page():
    parts = paragraph_languages(MIXED)
    assert [p.language for p in parts] == ["en", "en", "ru", "ru"]
    assert document_language(MIXED, parts) == "ru"
    view = blank(MIXED, spans_in(parts, {"ru"}))
    assert len(view) == len(MIXED) and "Суд" not in view and "Yelshibayev" in view


def _record(extractor, tmp_path, text, name="doc"):
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    [record] = list(extractor.run([Source(str(path), name)]))
    return record


def test_english_model_sees_no_cyrillic(extractor, tmp_path):
    """No English-model entity on Cyrillic text: every entity inside a Russian paragraph
    is one the Russian pipeline found."""
    record = _record(extractor, tmp_path, MIXED)
    text = record.text
    russian = spans_in(paragraph_languages(text), {"ru"})
    inside = {(e.start, e.end, e.label) for e in record.entities if any(s <= e.start < t for s, t in russian)}
    from_russian = {(e.start, e.end, e.label) for e in analyse_russian(text, russian).entities}
    assert inside and inside <= from_russian
    english = [e for e in record.entities if not any(s <= e.start < t for s, t in russian)]
    assert any(e.canonical == "Yerzhan Yelshibayev" for e in english)


def test_english_model_input_has_no_cyrillic_letters(extractor, tmp_path):
    from kzx.pipeline import clean_stage, read_stage

    path = tmp_path / "mixed.txt"
    path.write_text(MIXED, encoding="utf-8")
    document = clean_stage(read_stage(Source(str(path), "mixed")))
    view = document.english_view
    assert not any("\u0400" <= c <= "\u04ff" for c in view)
    assert [t.text for t in extractor.nlp(view) if "Токаев" in t.text] == []


def test_record_language_and_russian_persons(extractor, tmp_path):
    record = _record(extractor, tmp_path, MIXED)
    assert record.schema_version == SCHEMA_VERSION == "1.1"
    assert record.language == "ru"
    persons = {e.text: e.canonical for e in record.entities if e.label == "PERSON"}
    assert persons["Махамбета Абжана"] == "Махамбет Абжан"  # nominative
    assert persons["Токаевым"] == "Касым-Жомарт Токаев"  # the fullest name the document gives
    assert persons["Блинкен"] == "Блинкен"
    places = {e.text for e in record.entities if e.label == "GPE"}
    assert {"Алматы", "Вене"} <= places
    assert ("12 апреля 2022 года", "2022-04-12") in {(d.text, d.value) for d in record.dates}
    assert all(s.language in (None, "en", "ru") for s in record.sections)


def test_english_document_language(extractor, tmp_path):
    record = _record(extractor, tmp_path, MIXED.split("\n\nСуд")[0] + "\n")
    assert record.language == "en" and all(e.text.isascii() for e in record.entities)


def test_section_language_recorded_where_it_differs(extractor, tmp_path):
    text = ("Kazakhstan 2021 Human Rights Report\n\n" + "The court ruled on the case of the activist. " * 30
            + "\n\n\n\nКазахстан: доклад\n\n" + "Суд вынес решение по делу активиста. " * 5 + "\n")
    record = _record(extractor, tmp_path, text)
    assert record.language == "en"
    languages = [s.language for s in record.sections]
    assert "ru" in languages or len(record.sections) < 2
    assert "en" not in languages  # only where it differs from the record's


@pytest.mark.parametrize("text, expected", [
    ("Суд оправдал Ольгу Смирнову.", {"Ольга Смирнова"}),
    ("Иск Айгуль Нурлановой отклонён.", {"Айгуль Нурланова"}),
    ("Встреча с Назарбаевым в Астане.", {"Назарбаев"}),
    ("Задержан Ивана Петрова брат, Сергей Петров.", {"Сергей Петров"}),
])
def test_russian_persons_nominative(text, expected):
    persons = {e.canonical for e in analyse_russian(text, [(0, len(text))]).entities if e.label == "PERSON"}
    assert expected <= persons


def test_russian_gazetteer_labels_every_case():
    text = "Он жил в Алматы, потом переехал в Астану и работал в Комитете национальной безопасности."
    found = {(e.text, e.label) for e in analyse_russian(text, [(0, len(text))]).entities}
    assert {("Алматы", "GPE"), ("Астану", "GPE"), ("Комитете национальной безопасности", "ORG")} <= found


def test_natasha_loads_only_for_russian(tmp_path):
    """An English-only run never imports natasha (its 1 s load); a Russian one does."""
    english = tmp_path / "en.txt"
    english.write_text("The Almaty court fined Yerzhan Yelshibayev on March 3, 2021.\n", encoding="utf-8")
    russian = tmp_path / "ru.txt"
    russian.write_text("Суд оштрафовал Ержана Елшибаева 3 марта 2021 года.\n", encoding="utf-8")
    script = (
        "import sys\n"
        "from kzx.config import load_pipeline\n"
        "from kzx.io import Source\n"
        "from kzx.pipeline import Extractor\n"
        "extractor = Extractor(load_pipeline())\n"
        f"list(extractor.run([Source({str(english)!r}, 'en')]))\n"
        "print(int('natasha' in sys.modules))\n"
        f"list(extractor.run([Source({str(russian)!r}, 'ru')]))\n"
        "print(int('natasha' in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", "1"]


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80)
       | st.text(alphabet=st.characters(max_codepoint=127) | st.sampled_from("“”’–—\u00a0éЖ"), max_size=80))
def test_letter_counts_are_those_of_the_regex_engine_in_either_path(text):
    letters = re.findall(r"[^\W\d_]", text)
    assert letter_counts(text) == (len(letters), sum(map(str.isupper, letters)))


@given(st.text(alphabet=st.characters(max_codepoint=127) | st.sampled_from("“”’–\u00a0éЖжқ҂"), max_size=60))
def test_script_language_follows_the_share_of_cyrillic_letters(text):
    letters = re.findall(r"[^\W\d_]", text)
    cyrillic = [c for c in letters if "\u0400" <= c <= "\u052f"]
    if not letters:
        expected = None
    elif len(cyrillic) <= 0.5 * len(letters):
        expected = "en"
    else:
        expected = "kk" if sum(c in "әғқңөұүһіӘҒҚҢӨҰҮҺІ" for c in cyrillic) >= 0.02 * len(cyrillic) else "ru"
    assert script_language(text) == expected
