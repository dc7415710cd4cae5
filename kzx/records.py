"""The JSONL contract: one `Record` per input document.

The keys and meanings of ../shared/golden/FORMAT.md ("What a scorer reads") are
the public schema; everything else here is added beside them. Bump
SCHEMA_VERSION's minor part for added fields and its major part for any change
that a reader of an older version would misread.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "1.1"

TIMEX3 = r"^(\d{4}|XXXX)(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
# ISO 8601 durations of whole years, months, weeks, days ("P5Y", "P7Y6M"); not bare "P".
ISO_DURATION = r"^P(\d+Y(\d+M)?(\d+W)?(\d+D)?|\d+M(\d+W)?(\d+D)?|\d+W(\d+D)?|\d+D)$"

Verdict = Literal[
    "convicted", "acquitted", "sentenced", "fined", "released", "sentence_reduced",
    "charged", "arrested", "detained", "suit_upheld", "suit_dismissed", "closed", "blocked",
]
PenaltyKind = Literal[
    "prison", "probation", "restriction_of_freedom", "fine", "administrative_fine",
    "activity_ban", "confiscation", "damages", "deportation",
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Model):
    """A stretch of the cleaned text: `text == record.text[start:end]`."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    raw_start: int | None = Field(
        None, ge=0,
        description="offset in the raw input: the decoded file for text, the text as extracted from the file "
        "for HTML and PDF (Record.format)",
    )
    raw_end: int | None = Field(None, ge=0)
    sentence: int | None = Field(None, ge=0, description="index into Record.sentences")
    section: int | None = Field(None, ge=0, description="index into Record.sections")


class Entity(Span):
    label: str = Field(description="PERSON, ORG, GPE, LOC, NORP, COURT, MEDIA, ...")
    canonical: str | None = Field(None, description="the fullest name the document gives")


class DateMention(Span):
    value: str = Field(pattern=TIMEX3, description="TIMEX3; XXXX where the year is unknown")
    granularity: Literal["year", "month", "day"]
    year_source: Literal["text", "section", "document", "unknown"] = Field(
        description="text: written in the mention; section: from the article it stands in "
        "(its heading, the heading above it, or its dated narrative); document: the year that "
        "puts it on or before the document's own date"
    )


class MoneyMention(Span):
    amount: Decimal = Field(description="the number in `currency`, written out")
    currency: str = Field(pattern=r"^[A-Z]{3}$", description="ISO 4217")
    usd: Decimal | None = Field(None, description="US-dollar equivalent given in the same phrase")
    approximate: bool = False
    bound: Literal["exact", "ceiling", "floor", "range"] = "exact"
    amount_max: Decimal | None = Field(None, description="upper end of a range")
    mci: Decimal | None = Field(None, description="monthly calculation indices, where stated")


class Penalty(_Model):
    kind: PenaltyKind
    duration: str | None = Field(None, pattern=ISO_DURATION)
    amount: Decimal | None = None
    currency: str | None = Field(None, pattern=r"^[A-Z]{3}$")


class Evidence(Span):
    pass


class Outcome(_Model):
    person: str
    court: str | None = None
    date: str | None = Field(None, pattern=TIMEX3)
    verdict: Verdict
    charges: list[str] = []
    penalties: list[Penalty] = []
    evidence: Evidence


class Section(_Model):
    title: str | None
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    year: int | None = Field(
        None, description="the year the section covers: the one its title or heading says, "
        "else the one of the heading above it (see `parent`)"
    )
    parent: int | None = Field(
        None, ge=0, description="index of the section this one is a subsection of (a heading "
        "inside the same article); null for an article or the page's first section"
    )
    language: str | None = Field(
        None, description="ISO 639-1 code, only where it differs from the record's language"
    )


class DocumentDate(_Model):
    """When the page says it was written: a telegram's date-time group, a dateline,
    "Posted on ...", a mirror's stamp, or the year a report's title covers."""

    value: str = Field(pattern=TIMEX3, description="TIMEX3")
    text: str = Field(description="the words the date was read from")
    rule: Literal["telegram_dtg", "label", "dateline", "stamp", "report_title"]
    raw_start: int = Field(ge=0, description="offset in the raw (decoded) input")
    raw_end: int = Field(ge=0)
    start: int | None = Field(
        None, ge=0, description="offset in `text`, when cleaning kept it (metadata lines go)"
    )
    end: int | None = Field(None, ge=0)


class Sentence(_Model):
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Removal(_Model):
    """A stretch of the raw input (the decoded file, or the text extracted from an HTML or PDF
    file) that cleaning removed or rewrote, and why."""

    rule: str
    raw_start: int = Field(ge=0)
    raw_end: int = Field(ge=0)
    text: str
    replacement: str = ""


class Provenance(_Model):
    kzx_version: str
    pipeline: str
    model: str
    model_version: str


class Record(_Model):
    schema_version: str = SCHEMA_VERSION
    doc_id: str
    source: str
    encoding: str = "utf-8"
    format: Literal["text", "html", "pdf"] = Field(
        "text",
        description="how the file was read, by its content: text (raw offsets index the decoded file), "
        "html (the page's main text as extracted) or pdf (the text layer, pages separated by form feeds); "
        "raw_start/raw_end index that extracted text",
    )
    language: str | None = Field(
        None, description="ISO 639-1 code of most of the text (en, ru, kk); null without letters"
    )
    text: str
    entities: list[Entity] = []
    dates: list[DateMention] = []
    money: list[MoneyMention] = []
    outcomes: list[Outcome] = []
    document_date: DocumentDate | None = None
    sections: list[Section] = []
    sentences: list[Sentence] = []
    removed: list[Removal] = []
    provenance: Provenance

    @model_validator(mode="after")
    def _spans_slice_text(self) -> Record:
        spans: list[Span] = [*self.entities, *self.dates, *self.money]
        spans += [o.evidence for o in self.outcomes]
        for span in spans:
            if span.end < span.start or self.text[span.start : span.end] != span.text:
                raise ValueError(
                    f"span {span.start}:{span.end} does not slice text to {span.text!r}"
                )
        n = len(self.text)
        dated = self.document_date
        if dated is not None and dated.start is not None and not 0 <= dated.start <= (dated.end or 0) <= n:
            raise ValueError(f"document_date {dated.start}:{dated.end} outside text")
        for part in [*self.sections, *self.sentences]:
            if not 0 <= part.start <= part.end <= n:
                raise ValueError(f"{type(part).__name__} {part.start}:{part.end} outside text")
        return self


class ErrorRecord(_Model):
    """One line of the errors file written beside the output."""

    source: str
    stage: Literal["read", "decode", "clean", "nlp", "extract", "validate", "write"]
    reason: str
    encoding: str | None = None
