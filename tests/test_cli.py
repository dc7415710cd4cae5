"""The command line, through Typer's CliRunner."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from kzx import __version__
from kzx.cli import app
from kzx.records import SCHEMA_VERSION

runner = CliRunner()

SAMPLE = (
    "Kazakhstan\n\nOn January 24, the Astana city court found Bigeldy Gabdullin guilty of "
    "extortion and fined him 12.96 million tenge ($40,000).\n"
)


@pytest.fixture
def sample_dir(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "one.txt").write_text(SAMPLE)
    (tmp_path / "in" / "two.txt").write_text("Police detained Sania Toiken on February 17.\n")
    return tmp_path


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and __version__ in result.stdout


def test_extract_writes_one_valid_record_per_document(sample_dir):
    out = sample_dir / "out" / "records.jsonl"
    result = runner.invoke(app, ["extract", str(sample_dir / "in"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = out.read_text().splitlines()
    assert [json.loads(line)["doc_id"] for line in lines] == ["one", "two"]
    record = json.loads(lines[0])
    assert record["schema_version"] == SCHEMA_VERSION == "1.1"
    money = record["money"][0]
    assert money["currency"] == "KZT" and money["amount"] == "12960000"
    assert record["text"][money["start"] : money["end"]] == money["text"]
    validated = runner.invoke(app, ["validate", str(out)])
    assert validated.exit_code == 0, validated.output


def test_extract_to_stdout_carries_only_data(sample_dir):
    result = runner.invoke(app, ["extract", str(sample_dir / "in" / "one.txt"), "-o", "-"])
    assert result.exit_code == 0
    (line,) = result.stdout.splitlines()
    assert json.loads(line)["doc_id"] == "one"


def test_extract_from_stdin():
    result = runner.invoke(app, ["extract", "-"], input=SAMPLE)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["doc_id"] == "stdin"


def test_missing_input_is_a_usage_error_without_traceback(tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 2
    assert "nope.txt" in result.stderr and "no such file" in result.stderr
    assert "Traceback" not in result.output
    assert not (tmp_path / "o.jsonl").exists()


def test_bad_option_is_a_usage_error():
    result = runner.invoke(app, ["extract", "--no-such-option"])
    assert result.exit_code == 2


def test_bad_pipeline_file_names_the_file(sample_dir):
    bad = sample_dir / "bad.toml"
    bad.write_text("[model\n")
    result = runner.invoke(app, ["extract", str(sample_dir / "in"), "--pipeline", str(bad)])
    assert result.exit_code == 2 and "bad.toml" in result.stderr


def test_a_bad_document_is_reported_and_the_run_goes_on(sample_dir):
    (sample_dir / "in" / "binary.txt").write_bytes(b"\x00\x01\x02PDF" * 50)
    out = sample_dir / "records.jsonl"
    result = runner.invoke(app, ["extract", str(sample_dir / "in"), "-o", str(out)])
    assert result.exit_code == 0
    assert [json.loads(x)["doc_id"] for x in out.read_text().splitlines()] == ["one", "two"]
    (error,) = [json.loads(x) for x in (sample_dir / "records.errors.jsonl").read_text().splitlines()]
    assert error["source"].endswith("binary.txt") and error["stage"] == "decode"
    assert "binary.txt" in result.stderr
    strict = runner.invoke(app, ["extract", str(sample_dir / "in"), "-o", str(out), "--strict"])
    assert strict.exit_code == 1


def test_validate_reports_line_numbers(tmp_path, sample_dir):
    out = tmp_path / "r.jsonl"
    runner.invoke(app, ["extract", str(sample_dir / "in" / "one.txt"), "-o", str(out)])
    good = out.read_text().strip()
    broken = json.loads(good)
    broken["money"][0]["start"] += 1
    out.write_text(good + "\n" + json.dumps(broken) + "\n{not json\n")
    result = runner.invoke(app, ["validate", str(out)])
    assert result.exit_code == 1
    assert f"{out}:2:" in result.stderr and f"{out}:3:" in result.stderr
    assert f"{out}:1:" not in result.stderr


def test_validate_missing_file(tmp_path):
    result = runner.invoke(app, ["validate", str(tmp_path / "none.jsonl")])
    assert result.exit_code == 2 and "none.jsonl" in result.stderr


def test_schema_is_json():
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["title"] == "Record"


def test_clean_writes_text_and_removals(tmp_path):
    (tmp_path / "page.txt").write_text("Watch the video: Something (July 2022).\n\nThe court fined him.\n")
    result = runner.invoke(app, ["clean", str(tmp_path / "page.txt"), "-o", str(tmp_path / "clean")])
    assert result.exit_code == 0, result.output
    assert "Watch the video" not in (tmp_path / "clean" / "page.txt").read_text()
    assert "The court fined him." in (tmp_path / "clean" / "page.txt").read_text()
    removals = [json.loads(x) for x in (tmp_path / "clean" / "page.removed.jsonl").read_text().splitlines()]
    assert any("Watch the video" in r["text"] for r in removals)
    assert "noise" in result.stderr


def test_eval_on_missing_gold_dir(tmp_path):
    (tmp_path / "p.jsonl").write_text("")
    result = runner.invoke(app, ["eval", str(tmp_path / "p.jsonl"), "--gold", str(tmp_path / "nogold")])
    assert result.exit_code == 2 and "nogold" in result.stderr


def test_sections_carry_the_year_their_heading_states(tmp_path):
    (tmp_path / "r.txt").write_text(
        "Country Reports on Human Rights Practices for 2016\n\n"
        "On May 17, authorities detained protesters in Almaty.\n"
    )
    result = runner.invoke(app, ["extract", str(tmp_path / "r.txt"), "-o", "-", "--workers", "1"])
    record = json.loads(result.stdout)
    assert [s["year"] for s in record["sections"]] == [2016]
    assert [d["value"] for d in record["dates"] if d["text"] == "May 17"] == ["2016-05-17"]
