"""The Russian pipeline: natasha (razdel sentences, slovnet NER and morphology over
navec embeddings, all shipped inside the registry packages) over Russian paragraphs.

Loaded on first use only (about 1 s), so English-only runs never pay for it.
Persons get their nominative form as `canonical` ("Токаевым" -> "Токаев", and
the fullest name the document gives: "Мухтар Тлеуберди"); organisations and places
found by the gazetteer (models/patterns/ner/gazetteer_ru.jsonl, the Cyrillic
spellings of the English gazetteer's entries) keep the gazetteer's label, matched
on lemmas so that every case form matches ("в Алматы", "Токаевым").
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kzx.extract.people import canonical_names, fold
from kzx.records import Entity, Sentence

GAZETTEER = Path(__file__).resolve().parents[3] / "models" / "patterns" / "ner" / "gazetteer_ru.jsonl"

# natasha's labels -> kzx's (the English model's) labels.
LABELS = {"PER": "PERSON", "LOC": "GPE", "ORG": "ORG"}
_NAME_WORD = re.compile(r"[А-ЯЁA-Z][а-яёa-z]+(?:-[А-ЯЁA-Z]?[а-яёa-z]+)*|[А-ЯЁ]\.")


class RussianModelsMissingError(RuntimeError):
    """natasha is not installed; a document with Russian paragraphs cannot be analysed."""


@dataclass
class RussianAnalysis:
    """What the Russian pipeline found in the Russian paragraphs of one text."""

    entities: list[Entity] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)


class _Natasha:
    def __init__(self) -> None:
        try:
            from natasha import MorphVocab, NewsEmbedding, NewsNERTagger, Segmenter
        except ImportError as exc:
            raise RussianModelsMissingError(
                "the Russian models (natasha, pinned in models/manifest.toml) are not installed: "
                f"run `make install` ({exc})"
            ) from None

        embedding = NewsEmbedding()
        self.segmenter = Segmenter()
        self.vocab = MorphVocab()
        self.ner = NewsNERTagger(embedding)
        self.gazetteer = _Gazetteer(self.vocab)
        # Lemmas and nominative names come from the dictionary (pymorphy), not from
        # slovnet's morphology tagger: that tagger would triple the cost of a paragraph.
        self.lemmas = lru_cache(maxsize=65536)(self._lemmas)
        self.nominative = lru_cache(maxsize=8192)(self._nominative)

    def _lemmas(self, word: str) -> frozenset[str]:
        lowered = word.lower()
        if not any(c.isalpha() for c in word):
            return frozenset({lowered})
        return frozenset({lowered} | {f.normal for f in self.vocab.parse(word)})

    def _nominative(self, name: str, oblique: bool = False) -> str:
        """A person's name in the nominative: the case and gender that most of its
        words can be read in (given name, patronymic, surname) decide.

        >>> n = natasha().nominative
        >>> n("Мухтара Тлеуберди"), n("Ольгу Смирнову"), n("Токаевым"), n("Касым-Жомарт Токаев")
        ('Мухтар Тлеуберди', 'Ольга Смирнова', 'Токаев', 'Касым-Жомарт Токаев')
        >>> n("Майкла Карпентера"), n("Айгуль Нурлановой"), n("Блинкен")
        ('Майкл Карпентер', 'Айгуль Нурланова', 'Блинкен')
        """
        from pymorphy2 import MorphAnalyzer

        words = name.split()
        readings = [
            [p for p in MorphAnalyzer.parse(self.vocab, w) if {"Name", "Surn", "Patr"} & p.tag.grammemes]
            for w in words
        ]
        readings = [[p for p in parses if p.tag.number != "plur"] for parses in readings]
        votes: dict[tuple[str, str], float] = {}
        for parses in readings:
            best: dict[tuple[str, str], float] = {}
            for p in parses:
                if p.tag.case:
                    key = (p.tag.case, p.tag.gender)
                    best[key] = max(best.get(key, 0), p.score)
            for key, score in best.items():  # a word counts once per reading, by its likeliest parse
                votes[key] = votes.get(key, 0) + 1 + score
        if not votes:
            return _feminine_surname(name, name, self.vocab)
        # `oblique`: a verb or preposition before the name governs it ("арестовал Нурлана
        # Ахметова" is not the woman "Нурлана Ахметова"); the nominative needs more votes then.
        case, gender = max(votes, key=lambda k: (votes[k] - (1.5 if oblique and k[0] == "nomn" else 0),
                                                 k[0] == "nomn"))
        out = []
        for word, parses in zip(words, readings, strict=True):
            fitting = [p for p in parses if p.tag.case == case and p.tag.gender in (gender, "ms-f", None)]
            form = fitting[0].inflect({"Nom"}) if fitting and case != "nomn" else None  # UD grammeme names
            if form is not None:
                out.append(_like(word, form.word))
            elif not parses and gender == "masc":
                out.append(_masculine_nominative(word, case))
            else:
                out.append(word)
        return _feminine_surname(name, " ".join(out), self.vocab)


@lru_cache(maxsize=1)
def natasha() -> _Natasha:
    """The loaded Russian models (once per process)."""
    return _Natasha()


class _Gazetteer:
    """Gazetteer entries as lemma sequences: a token matches an entry word when its
    lemma is one of the word's possible normal forms."""

    def __init__(self, vocab, path: Path = GAZETTEER):
        self.entries: dict[str, list[tuple[list[set[str]], str, str]]] = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            words = row["pattern"].split()
            forms = [{w.lower()} | {f.normal for f in vocab.parse(w)} for w in words]
            for first in forms[0]:
                self.entries.setdefault(first, []).append((forms, row["label"], row["pattern"]))
        for options in self.entries.values():
            options.sort(key=lambda entry: -len(entry[0]))  # longest entry first

    def find(self, keys: list[set[str]]) -> list[tuple[int, int, str, str]]:
        """(first token, end token, label, entry) of each entry found in the token keys."""
        found = []
        i = 0
        while i < len(keys):
            match = None
            for first in keys[i]:
                for forms, label, entry in self.entries.get(first, ()):
                    n = len(forms)
                    if i + n <= len(keys) and all(keys[i + k] & forms[k] for k in range(n)):
                        if match is None or n > match[1] - match[0]:
                            match = (i, i + n, label, entry)
            if match:
                found.append(match)
                i = match[1]
            else:
                i += 1
        return found


def analyse_russian(text: str, spans: Sequence[tuple[int, int]]) -> RussianAnalysis:
    """Sentences and entities of the Russian `spans` of `text` (offsets into `text`)."""
    result = RussianAnalysis()
    if not spans:
        return result
    models = natasha()
    from natasha import Doc

    for start, end in spans:
        doc = Doc(text[start:end])
        doc.segment(models.segmenter)
        doc.tag_ner(models.ner)
        result.sentences += [Sentence(start=start + s.start, end=start + s.stop) for s in doc.sents]
        tokens = doc.tokens
        keys = [models.lemmas(t.text) for t in tokens]
        found = [
            Entity(label=label, text=text[start + tokens[a].start : start + tokens[b - 1].stop],
                   start=start + tokens[a].start, end=start + tokens[b - 1].stop,
                   canonical=entry if label == "PERSON" else None)
            for a, b, label, entry in models.gazetteer.find(keys)
        ]
        fixed = [(g.start, g.end) for g in found]
        for span in doc.spans:
            s, e = start + span.start, start + span.stop
            label = LABELS.get(span.type)
            if label is None or any(s < fe and fs < e for fs, fe in fixed):
                continue  # the gazetteer's label and span stand
            canonical = None
            if label == "PERSON":
                if not _is_name(span.text):
                    continue
                canonical = models.nominative(span.text, _oblique_before(text, s))
            found.append(Entity(label=label, text=text[s:e], start=s, end=e, canonical=canonical))
        result.entities += sorted(found, key=lambda x: x.start)
    return RussianAnalysis(_persons(result.entities), result.sentences)


# A man's surname the dictionary does not know (mostly foreign ones), by its case ending.
_MASCULINE_ENDINGS = {"gent": "а", "accs": "а", "datv": "у", "ablt": "ом", "loct": "е"}
_CONSONANT = set("бвгджзклмнпрстфхцчшщ")


def _masculine_nominative(word: str, case: str) -> str:
    """
    >>> _masculine_nominative("Карпентера", "gent"), _masculine_nominative("Карпентером", "ablt")
    ('Карпентер', 'Карпентер')
    >>> _masculine_nominative("Тлеуберди", "gent")
    'Тлеуберди'
    """
    ending = _MASCULINE_ENDINGS.get(case)
    if ending and word.endswith(ending) and len(word) > len(ending) + 2 and word[-len(ending) - 1] in _CONSONANT:
        return word[: -len(ending)]
    return word


_GOVERNS = re.compile(
    r"(?<![А-ЯЁа-яё])(?:(?:у|от|для|против|без|из|до|с|со|к|ко|о|об|при|по|на|в|во|за|над|под)|[а-яё]{2,}(?:л|ла|ли|ло|ть|ти|ен|ена|ан|ана|ого|его|ому|ему|ой|а|у))"
    r"(?:\s+[а-яё]{2,}(?:а|я|у|ю|ом|ем|ой|ей))?\s+$"
)


def _oblique_before(text: str, start: int) -> bool:
    """Whether the words before a name govern a case other than the nominative:
    a past-tense verb, a preposition, or a role noun in an oblique case ("активиста").

    >>> t = "суд арестовал Нурлана"; _oblique_before(t, 14)
    True
    >>> t = "Вчера Нурлана"; _oblique_before(t, 6)
    False
    """
    return bool(_GOVERNS.search(text, max(0, start - 40), start))


def _like(original: str, word: str) -> str:
    """`word` capitalised like `original`."""
    return word.upper() if original.isupper() and len(original) > 1 else word.capitalize()


def _is_name(text: str) -> bool:
    """Every word of a person's name is capitalised (or an initial).

    >>> _is_name("Мухтара Тлеуберди"), _is_name("Касым-Жомарт Токаев"), _is_name("КАЗАХСТАН")
    (True, True, False)
    """
    words = text.split()
    return bool(words) and all(_NAME_WORD.fullmatch(w) for w in words)


# Feminine surnames in an oblique case -> nominative; the morphology often reads
# them as masculine or as adjectives ("Ольгу Смирнову" -> "Ольга Смирнову").
_FEMININE_ENDINGS = (("овой", "ова"), ("ову", "ова"), ("евой", "ева"), ("еву", "ева"),
                     ("ёвой", "ёва"), ("ёву", "ёва"), ("иной", "ина"), ("ину", "ина"),
                     ("ской", "ская"), ("скую", "ская"), ("цкой", "цкая"), ("цкую", "цкая"))


def _feminine_surname(text: str, normal: str, vocab) -> str:
    """`normal` with the surname of a woman put in the nominative, when her given
    name says she is one.

    >>> from kzx.lang.ru.nlp import natasha
    >>> _feminine_surname("Ольгу Смирнову", "Ольга Смирнову", natasha().vocab)
    'Ольга Смирнова'
    >>> _feminine_surname("Айгуль Нурлановой", "Айгуль Нурлановой", natasha().vocab)
    'Айгуль Нурланова'
    >>> _feminine_surname("Ивана Петрова", "Иван Петров", natasha().vocab)
    'Иван Петров'
    """
    words, normals = text.split(), normal.split()
    if len(words) < 2 or len(words) != len(normals):
        return normal
    forms = vocab.parse(words[0])  # the given name's likeliest reading decides
    if not forms or forms[0].feats.get("Gender") != "Fem":
        return normal
    last = words[-1]
    for ending, nominative in _FEMININE_ENDINGS:
        if last.endswith(ending) and len(last) > len(ending) + 2:
            return " ".join(normals[:-1] + [last[: -len(ending)] + nominative])
    return normal


def _persons(entities: list[Entity]) -> list[Entity]:
    """Persons linked to the fullest nominative name of the document; a place or
    organisation that is the surname of a person named in the document is that
    person ("Министр Тлеуберди", which the model tags as a place)."""
    nominative = {id(e): e.canonical or e.text for e in entities if e.label == "PERSON"}
    surnames = {fold(n).split()[-1] for n in nominative.values() if fold(n)}
    relabelled = []
    for e in entities:
        if e.label != "PERSON" and fold(e.text) in surnames and " " not in e.text.strip():
            e = e.model_copy(update={"label": "PERSON"})
            nominative[id(e)] = e.text
        relabelled.append(e)
    canonical = canonical_names(nominative[id(e)] for e in relabelled if id(e) in nominative)
    return [
        e.model_copy(update={"canonical": canonical[nominative[id(e)]]}) if id(e) in nominative else e
        for e in relabelled
    ]
