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
