"""The stage chain: read -> clean -> nlp -> extract -> validate -> write.

One `Document` flows through small stages. A stage that fails on a document
turns it into an `ErrorRecord` naming the stage and the reason; the run goes on.
Documents stream: no stage holds the corpus.
"""

from __future__ import annotations

import bisect
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError
from spacy.language import Language
from spacy.tokens import Doc

from kzx import __version__
from kzx.clean import Cleaned, clean
from kzx.config import PipelineConfig
from kzx.extract.dates import DocumentAnchor, find_dates, heading_year
from kzx.extract.document_date import dates_the_narrative, find_document_date, opens_with_own_date
from kzx.extract.money import find_money
from kzx.extract.outcomes import OutcomeReader
from kzx.extract.people import find_entities
from kzx.formats import FormatError, read_document
from kzx.lang.detect import Paragraph, blank, document_language, paragraph_languages, spans_in
from kzx.lang.ru.nlp import RussianAnalysis, analyse_russian
from kzx.lang.ru.outcomes import find_russian_outcomes
from kzx.io import STDIN, AtomicLines, DecodeError, PartialLines, Source, read_bytes
from kzx.nlp import PARSE_BATCH, SentenceParser, analyse, build_nlp, build_sentence_parser, model_version
from kzx.records import DocumentDate, ErrorRecord, Provenance, Record, Section, Sentence, Span


# Documents analysed inside one spaCy memory zone.
ZONE_DOCUMENTS = 64


class StageError(Exception):
    def __init__(self, stage: str, reason: str, encoding: str | None = None):
        super().__init__(reason)
        self.stage = stage
        self.reason = reason
        self.encoding = encoding


@dataclass
class Document:
    """What flows between stages for one input."""

    source: Source
    raw: str = ""
    encoding: str = ""
    format: str = "text"
    cleaned: Cleaned | None = None
    parts: list[tuple[int, Doc]] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)  # with their language
    # What the English model sees: the NLP text with Cyrillic paragraphs blanked (made
    # once by the clean stage; the NLP and the sentence split both read it).
    english_view: str = ""


@dataclass
class RunSummary:
    records: int = 0
    errors: list[ErrorRecord] = field(default_factory=list)


def read_stage(source: Source) -> Document:
    try:
        data = read_bytes(source)
    except OSError as exc:
        raise StageError("read", exc.strerror or str(exc)) from None
    try:
        extracted = read_document(data, source.path)
    except (DecodeError, FormatError) as exc:
        raise StageError("decode", str(exc), exc.encoding) from None
    return Document(source=source, raw=extracted.text, encoding=extracted.encoding, format=extracted.format)


def clean_stage(document: Document) -> Document:
    document.cleaned = clean(document.raw)
    document.paragraphs = paragraph_languages(document.cleaned.text)
    document.english_view = blank(document.cleaned.nlp_text, spans_in(document.paragraphs, _NOT_ENGLISH))
    return document


# Paragraphs in these languages never reach the English model.
_NOT_ENGLISH = {"ru", "kk"}


class Extractor:
    """Holds what is built once per run (the model) and turns documents into records."""

    def __init__(self, config: PipelineConfig, nlp: Language | None = None):
        self.config = config
        self.nlp = nlp or build_nlp(config)
        self.parse = build_sentence_parser(config, self.nlp)
        self._learned = False  # whether a first group has left its words in the vocabulary
        self.provenance = Provenance(
            kzx_version=__version__,
            pipeline=config.name,
            model=config.model,
            model_version=model_version(self.nlp),
        )

    def run(self, sources: Iterable[Source]) -> Iterator[Record | ErrorRecord]:
        """Records and errors, one per source, in input order."""
        for group in _groups(sources, ZONE_DOCUMENTS):
            # Strings interned while analysing a group are freed with its zone, so a
            # long run's memory stays flat; records hold no spaCy objects. The first
            # group is the exception: its words stay in the vocabulary and in the
            # tokenizer's cache, which spaCy does not fill inside a zone (dev texts: 0.42 s
            # a pass to tokenize inside zones, 0.07 s with the cache). A corpus's common words are
            # mostly in its first documents, and what they take is bounded by one group.
            learning = not self._learned
            self._learned = True
            with nullcontext() if learning else self.nlp.memory_zone():
                yield from self._run_group(group)

    def _run_group(self, sources: list[Source]) -> Iterator[Record | ErrorRecord]:
        prepared = (self._prepare(source) for source in sources)
        # Errors before the NLP skip the model but keep their place in the order.
        texts = (
            (item.english_view if isinstance(item, Document) else "", item)
            for item in prepared
        )
        # Documents wait, their mentions found, until their decision sentences fill a
        # parse batch: the parser is far cheaper per sentence on many at once.
        waiting: list[Found | ErrorRecord] = []
        asked = 0
        for item, parts in analyse(self.nlp, texts, self.config.batch_size):
            if isinstance(item, Document):
                item.parts = parts
                item = self._find(item)
            waiting.append(item)
            asked += len(item.to_parse) if isinstance(item, Found) else 0
            if self.parse is None or asked >= PARSE_BATCH:
                yield from self._finish_all(waiting)
                waiting, asked = [], 0
        yield from self._finish_all(waiting)

    def _prepare(self, source: Source) -> Document | ErrorRecord:
        try:
            return clean_stage(read_stage(source))
        except StageError as exc:
            return ErrorRecord(
                source=source.path, stage=exc.stage, reason=exc.reason, encoding=exc.encoding
            )
        except Exception as exc:  # a bug in a rule must not end the run
            return ErrorRecord(source=source.path, stage="clean", reason=_describe(exc))

    def _find(self, document: Document) -> Found | ErrorRecord:
        try:
            return find_mentions(document, with_parse=self.parse is not None)
        except Exception as exc:
            return ErrorRecord(source=document.source.path, stage="extract", reason=_describe(exc))
        finally:
            document.parts = []  # the model's Docs are read; the record holds no spaCy object

    def _finish_all(self, waiting: list[Found | ErrorRecord]) -> Iterator[Record | ErrorRecord]:
        parse = self.parse
        if parse is not None:
            try:
                parse = ParsedAhead(parse, [t for item in waiting if isinstance(item, Found) for t in item.to_parse])
            except Exception:
                pass  # each document then meets the failure itself, as an error of its own
        for item in waiting:
            yield item if isinstance(item, ErrorRecord) else self._finish(item, parse)

    def _finish(self, found: Found, parse) -> Record | ErrorRecord:
        document = found.document
        try:
            fields = with_outcomes(found, parse)
        except Exception as exc:
            return ErrorRecord(source=document.source.path, stage="extract", reason=_describe(exc))
        try:
            return Record(
                doc_id=document.source.doc_id,
                source=document.source.path,
                encoding=document.encoding,
                format=document.format,
                provenance=self.provenance,
                **fields,
            )
        except ValidationError as exc:
            return ErrorRecord(source=document.source.path, stage="validate", reason=str(exc))


class ParsedAhead:
    """A sentence parser that answers from one batch parsed ahead (the decision sentences
    of several documents) and parses a sentence not asked ahead when it is asked."""

    def __init__(self, parse: SentenceParser, texts: list[str]):
        self.parse = parse
        unique = list(dict.fromkeys(texts))
        self.found = dict(zip(unique, parse(unique))) if unique else {}

    def __call__(self, texts):
        missing = [t for t in dict.fromkeys(texts) if t not in self.found]
        if missing:
            self.found.update(zip(missing, self.parse(missing)))
        return [self.found[t] for t in texts]


@dataclass
class Found:
    """A document's fields before its court outcomes, which wait for the parse of its
    decision sentences (`to_parse`)."""

    document: Document
    fields: dict  # every record field but the outcomes
    outcomes: OutcomeReader
    russian_sentences: list[tuple[int, int]]
    locate: _Locator
    to_parse: list[str] = field(default_factory=list)


def find_mentions(document: Document, with_parse: bool = False) -> Found:
    """Everything the record holds but the outcomes; with `with_parse`, the sentences the
    outcome reader will ask the parser for."""
    cleaned = document.cleaned
    assert cleaned is not None
    text = cleaned.text
    russian_spans = spans_in(document.paragraphs, {"ru"})
    russian = analyse_russian(text, russian_spans) if russian_spans else RussianAnalysis()
    sentences = sorted(_english_sentences(document) + russian.sentences, key=lambda s: s.start)
    ner_dates = [
        (offset + e.start_char, offset + e.end_char)
        for offset, doc in document.parts
        for e in doc.ents
        if e.label_ == "DATE"
    ]
    language = document_language(text, document.paragraphs)
    sections = [
        s.model_copy(update={"language": _section_language(document.paragraphs, s, language)})
        for s in covered_years(text, cleaned.sections)
    ]
    document_date = find_document_date(cleaned.raw)
    if document_date is not None:
        document_date = _in_clean_text(cleaned, document_date)
    locate = _Locator(cleaned, sentences, sections)
    entities = locate.all(find_entities(document.parts, text) + russian.entities)
    money = locate.all(find_money(text))
    dates = locate.all(find_dates(
        text, [(s.start, s.end) for s in sections], ner_dates,
        section_years=[s.year for s in sections],
        document=_anchor(cleaned, sections, document_date)))
    outcomes = OutcomeReader(text, [(s.start, s.end) for s in sentences], entities, dates, money)
    return Found(
        document=document,
        fields={
            "language": language,
            "text": text,
            "entities": entities,
            "money": money,
            "dates": dates,
            "document_date": document_date,
            "sections": sections,
            "sentences": sentences,
            "removed": list(cleaned.removals),
        },
        outcomes=outcomes,
        russian_sentences=[(s.start, s.end) for s in russian.sentences],
        locate=locate,
        to_parse=outcomes.to_parse() if with_parse else [],
    )


def with_outcomes(found: Found, parse=None) -> dict:
    """The record's fields, the court outcomes read with `parse` among them."""
    fields = found.fields
    text, entities, dates, money = fields["text"], fields["entities"], fields["dates"], fields["money"]
    outcomes = [outcome for outcome, _ in found.outcomes.read(parse)]
    outcomes += find_russian_outcomes(text, found.russian_sentences, entities, dates, money)
    return {**fields, "outcomes": [o.model_copy(update={"evidence": found.locate(o.evidence)}) for o in outcomes]}


def covered_years(text: str, sections: Iterable[Section]) -> list[Section]:
    """Sections with the year each covers: its heading's, else that of the nearest
    section above it in the same article that has one."""
    covered: list[Section] = []
    for section in sections:
        year = heading_year(text[section.start : section.end])
        if year is None and section.parent is not None:
            year = next((s.year for s in reversed(covered[section.parent:]) if s.year), None)
        covered.append(section.model_copy(update={"year": year}))
    return covered


def _in_clean_text(cleaned: Cleaned, found: DocumentDate) -> DocumentDate:
    """The document date with its offsets in the clean text, where cleaning kept it."""
    start, end = cleaned.to_clean(found.raw_start), cleaned.to_clean(found.raw_end)
    if "".join(cleaned.text[start:end].split()) != "".join(found.text.split()):
        return found
    return found.model_copy(update={"start": start, "end": end})


def _anchor(cleaned: Cleaned, sections: list[Section], found: DocumentDate | None) -> DocumentAnchor | None:
    """The document date as the dates finder uses it, over the page up to the first
    later section that states a date of its own (another article's dateline)."""
    if found is None or not dates_the_narrative(cleaned.raw, found):
        return None
    position = cleaned.to_clean(found.raw_start)
    text = cleaned.text
    scope_end = next((s.start for s in sections
                      if s.start > position and opens_with_own_date(text[s.start : s.end])), len(text))
    return DocumentAnchor.of(found.value, (0, scope_end))


def _english_sentences(document: Document) -> list[Sentence]:
    """The English model's sentences, without the blanked (non-English) stretches."""
    view = document.english_view
    sentences = []
    for offset, doc in document.parts:
        for s in doc.sents:
            start, end = offset + s.start_char, offset + s.end_char
            stripped = view[start:end].rstrip()
            if stripped.strip():
                sentences.append(Sentence(start=start, end=start + len(stripped)))
    return sentences


def _section_language(paragraphs: list[Paragraph], section: Section, language: str | None) -> str | None:
    """A section's language where it differs from the document's."""
    inside = [p for p in paragraphs if section.start <= p.start < section.end]
    own = document_language("", inside) if inside else None
    return own if own != language else None


class _Locator:
    """Fills a mention's sentence, section and raw offsets."""

    def __init__(self, cleaned: Cleaned, sentences: list[Sentence], sections: list[Section]):
        self.cleaned = cleaned
        self.sentence_starts = [s.start for s in sentences]
        self.section_starts = [s.start for s in sections]

    def all(self, spans: Iterable[Span]) -> list:
        return sorted((self(s) for s in spans), key=lambda m: (m.start, m.end))

    def __call__(self, span: Span) -> Span:
        raw_start, raw_end = self.cleaned.to_raw(span.start, span.end)
        return span.model_copy(
            update={
                "raw_start": raw_start,
                "raw_end": raw_end,
                "sentence": _index_of(self.sentence_starts, span.start),
                "section": _index_of(self.section_starts, span.start),
            }
        )


def _groups(items: Iterable[Source], size: int) -> Iterator[list[Source]]:
    group: list[Source] = []
    for item in items:
        group.append(item)
        if len(group) == size:
            yield group
            group = []
    if group:
        yield group


def _index_of(starts: list[int], position: int) -> int | None:
    index = bisect.bisect_right(starts, position) - 1
    return index if index >= 0 else None


def _describe(exc: Exception) -> str:
    return f"{type(exc).__name__}: {exc}"


class RecordsOutput:
    """Where records go: stdout, or a file written through `PartialLines`."""

    def __init__(self, path: str | Path, resume: bool = False):
        self._file = None if str(path) == STDIN else PartialLines(path, resume)
        self.done_sources = {
            json.loads(line).get("source") for line in (self._file.done if self._file else [])
        }

    def write(self, line: str) -> None:
        if self._file is None:
            sys.stdout.write(line + "\n")
        else:
            self._file.write(line)

    def commit(self) -> None:
        if self._file is None:
            sys.stdout.flush()
        else:
            self._file.commit()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()


def write_run(
    results: Iterable[Record | str | ErrorRecord],
    output: RecordsOutput,
    errors_out: str | Path | None,
    on_result: Callable[[Record | str | ErrorRecord], None] = lambda _: None,
) -> RunSummary:
    """Write records as JSONL as they come, then the errors file beside them.

    The records file appears under its name only when the run completes; an
    interrupted run leaves its complete lines in `OUT.partial` for --resume.
    """
    summary = RunSummary()
    try:
        for result in results:
            if isinstance(result, ErrorRecord):
                summary.errors.append(result)
            else:  # a record, or one already serialised by a worker
                output.write(result if isinstance(result, str) else result.model_dump_json())
                summary.records += 1
            on_result(result)
    except BaseException:
        output.close()
        raise
    output.commit()
    if errors_out is not None:
        with AtomicLines(errors_out) as errors_file:
            for error in summary.errors:
                errors_file.write(json.dumps(error.model_dump(exclude_none=True), ensure_ascii=False))
    return summary
