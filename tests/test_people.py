"""Entity trimming and canonical person names."""

from __future__ import annotations

import pytest

from kzx.extract.people import canonical_names, find_entities, fold, trim_name


@pytest.mark.parametrize(
    "raw,name",
    [
        ("George Soros's", "George Soros"),
        ("Zhovtis’s", "Zhovtis"),
        ("“Azamat”", "Azamat"),
        ("C) Dzhanuzakov", "Dzhanuzakov"),
        ("(SBU) Bazhkenova", "Bazhkenova"),
        ("Kozlov,", "Kozlov"),
        ("Sania Toiken", "Sania Toiken"),
    ],
)
def test_trim_name(raw, name):
    a, b = trim_name(raw)
    assert raw[a:b] == name


@pytest.mark.parametrize(
    "names,expected",
    [
        # seed page: surname-only mentions after the full name
        (["Yevgeny Zhovtis", "Zhovtis"], {"Zhovtis": "Yevgeny Zhovtis"}),
        (["Bigeldy Gabdullin", "Gabdullin"], {"Gabdullin": "Bigeldy Gabdullin"}),
        # given name alone, one candidate
        (["Vera Tkachenko", "Vera"], {"Vera": "Vera Tkachenko"}),
        # csce: honorific forms
        (["Chris Smith", "Smith"], {"Smith": "Chris Smith"}),
        # a surname-only person with no full name stays as written
        (["Kenzhetayev"], {"Kenzhetayev": "Kenzhetayev"}),
        # two different people sharing a given name: no guess
        (["Vera Tkachenko", "Vera Ivanova", "Vera"], {"Vera": "Vera"}),
    ],
)
def test_canonical_names(names, expected):
    mapping = canonical_names(names)
    for name, canonical in expected.items():
        assert mapping[name] == canonical


def test_fold_ignores_case_punctuation_and_honorifics():
    assert fold("Mr. KOZLOV’s") == fold("kozlov")


def test_entities_from_the_model(nlp):
    text = "On May 12, Yevgeny Zhovtis spoke in Almaty. Later Zhovtis was sentenced."
    ((_, parts),) = [(None, [(0, nlp(text))])]
    entities = find_entities(parts, text)
    persons = [e for e in entities if e.label == "PERSON"]
    assert {e.canonical for e in persons} == {"Yevgeny Zhovtis"}
    for e in entities:
        assert text[e.start : e.end] == e.text


@pytest.mark.parametrize(
    "text,not_person",
    [
        # rfe/rl-style headline in title case
        ("Kazakh Court Sentences Activist To Prison For Spreading False Information", "To Prison For"),
        # a state.gov appendix heading
        ("See Appendix F: Errata for more information.", "Appendix F: Errata"),
        # a form of address
        ("Mr. Speaker, I rise today to call attention to the situation.", "Speaker"),
    ],
)
def test_things_the_model_calls_persons_are_not(nlp, text, not_person):
    entities = find_entities([(0, nlp(text))], text)
    assert not_person not in {e.text for e in entities if e.label == "PERSON"}


@pytest.mark.parametrize(
    "text,person",
    [
        ("The newspaper’s chief editor, Zhanbolat Mamay, was arrested on February 10.", "Zhanbolat Mamay"),
        ("In July police opened an investigation against blogger Aibolat Bukenov.", "Aibolat Bukenov"),
        ("I spoke with one of his lawyers, Vera Tkachenko, to gather information.", "Vera Tkachenko"),
        # forum 18 style: a faith or trade before the name
        ("The court fined Baptist Pyotr Sadovsky 101,000 Tenge.", "Pyotr Sadovsky"),
    ],
)
def test_names_after_role_words_are_persons(nlp, text, person):
    entities = find_entities([(0, nlp(text))], text)
    assert person in {e.canonical for e in entities if e.label == "PERSON"}


# --- label corrections, on hand-labelled docs (no model: these test the rules) ----------

import spacy  # noqa: E402
from spacy.tokens import Span  # noqa: E402

BLANK = spacy.blank("en")


def labelled(text: str, *marks: tuple[str, str]) -> list:
    """`text` as a one-chunk analysis whose entities are `marks` (surface, label), as a
    model could have labelled them."""
    doc = BLANK(text)
    spans = []
    after = 0
    for surface, label in marks:  # in text order
        start = text.index(surface, after)
        after = start + len(surface)
        span = doc.char_span(start, start + len(surface), label=label)
        assert span is not None, surface
        spans.append(span)
    doc.ents = spans
    return [(0, doc)]


def persons_of(text: str, *marks: tuple[str, str]) -> dict[str, str]:
    """PERSON mention -> canonical name."""
    return {e.text: e.canonical for e in find_entities(labelled(text, *marks), text) if e.label == "PERSON"}


# sentence, the model's labels, the persons kzx keeps (mention -> canonical)
PERSON_FAMILIES = {
    "a known given name opens a name the model took for an organisation": (
        "Two activists in Atyrau, Max Bokayev and Talgat Ayan, were arrested.",
        [("Max Bokayev", "PERSON"), ("Talgat Ayan", "ORG")],
        {"Max Bokayev": "Max Bokayev", "Talgat Ayan": "Talgat Ayan"}),
    "a surname's ending and a person's predicate": (
        "On May 23, Baydalinova was sentenced to 18 months.",
        [("Baydalinova", "LOC")], {"Baydalinova": "Baydalinova"}),
    "a person at the end of an organisation's name": (
        "The court sentenced the former head of the Saryagash Department of Education Baurzhan Mairikhov.",
        [("the Saryagash Department of Education Baurzhan Mairikhov", "ORG")],
        {"Baurzhan Mairikhov": "Baurzhan Mairikhov"}),
    "a kinship word and one name in commas": (
        "A judge sentenced Matayev to six years and his son, Aset, the director, to five.",
        [("Matayev", "PERSON")], {"Matayev": "Matayev", "Aset": "Aset"}),
    "a given name sharing the surname after it": (
        "Other relatives included Kalyk and Erik Mendygaziyev and Rasim Almukhanov.",
        [("Erik Mendygaziyev", "PERSON"), ("Rasim Almukhanov", "PERSON")],
        {"Kalyk": "Kalyk Mendygaziyev", "Erik Mendygaziyev": "Erik Mendygaziyev",
         "Rasim Almukhanov": "Rasim Almukhanov"}),
    "an outlet's editor after its name and a media noun": (
        "A court found the editor of Central Asia Monitor newspaper and Radiotochka.kz web portal "
        "Bigeldy Gabdullin guilty.", [("Bigeldy Gabdullin", "PERSON")],
        {"Bigeldy Gabdullin": "Bigeldy Gabdullin"}),
    "a capitalised name confirmed in normal case": (
        "HON. DAN BURTON\n\nMr. BURTON of Indiana. Mr. Speaker, I rise today.",
        [("DAN BURTON", "PERSON"), ("BURTON", "PERSON")], {"DAN BURTON": "DAN BURTON", "BURTON": "DAN BURTON"}),
}

NOT_PERSONS = {
    "a place name with a place noun": (
        "He landed at the Nursultan Nazarbayev Airport on Monday.",
        [("Nursultan Nazarbayev Airport", "FAC")]),
    "a surname-like place without a person's predicate": (
        "The delegation travelled from Saratov to Almaty.", [("Saratov", "GPE")]),
    "a name glossed in English is an organisation": (
        "Three parties, Namys (Dignity), Baitak Bolashak (Rich Future), were refused.",
        [("Baitak Bolashak", "PERSON")]),
    "a glossed name stays an organisation where it recurs": (
        "The party Baitak Bolashak (Rich Future) applied. Baitak Bolashak was registered later.",
        [("Baitak Bolashak", "PERSON")]),
    "a one-word name after 'the'": (
        "Duvanov is the editor-in-chief of The Bulletin published by the Bureau.",
        [("Bulletin", "PERSON")]),
    "a telegram in capitals": (
        "SUBJECT: KAZAKHSTAN: EDITOR NURLAN ALIMOV SENTENCED\n\n1. (SBU) ON MAY 5 A COURT SENTENCED NURLAN ALIMOV.",
        [("NURLAN ALIMOV", "PERSON")]),
    "a Title Case heading": (
        "Censorship by Governments, Military, or Armed Extremist or Rebel Groups\n\nJournalists were cautious.",
        [("Armed Extremist", "PERSON")]),
    "Cyrillic text read by the English model": (
        "Ответ Мухтару Тлеуберди\n\nСпасибо, господин председатель.", [("Мухтару Тлеуберди", "PERSON")]),
    "a form of address": ("Thank you, Mr. Chair.", [("Chair", "PERSON")]),
    "an honorific title's first word": ("insulting First President Nazarbayev", [("First", "PERSON")]),
    "a telegram's staff abbreviation": ("Voronov told Poloff on October 21 that ...", [("Poloff", "PERSON")]),
    "an outlet after a media noun": ("Bazhkenova, editor of the weekly Golos Naroda, said so.",
                                      [("Golos Naroda", "PERSON")]),
    "two names joined by 'and'": (
        "Max Bokayev and Talgat Ayan were arrested.", [("Max Bokayev", "PERSON"), ("Talgat Ayan", "PERSON")]),
}


@pytest.mark.parametrize(("text", "marks", "expected"), PERSON_FAMILIES.values(), ids=PERSON_FAMILIES.keys())
def test_person_families(text: str, marks: list, expected: dict[str, str]) -> None:
    assert persons_of(text, *marks) == expected


@pytest.mark.parametrize(("text", "marks"), NOT_PERSONS.values(), ids=NOT_PERSONS.keys())
def test_not_persons(text: str, marks: list) -> None:
    found = persons_of(text, *marks)
    surfaces = {surface for surface, _ in marks}
    if "and" in text.split() and all(label == "PERSON" for _, label in marks):
        assert set(found) == surfaces  # both names, and nothing made up between them
    else:
        assert not found, found


def test_a_glossed_name_is_an_organisation_everywhere() -> None:
    text = "The party Baitak Bolashak (Rich Future) applied. Baitak Bolashak was registered later."
    second = text.rindex("Baitak Bolashak")
    doc = BLANK(text)
    doc.ents = [doc.char_span(10, 25, label="PERSON"), doc.char_span(second, second + 15, label="PERSON")]
    entities = find_entities([(0, doc)], text)
    assert [e.label for e in entities] == ["ORG", "ORG"]
