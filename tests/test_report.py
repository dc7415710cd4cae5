"""`kzx show`, `kzx table` and `kzx report`, the analyst's views."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from kzx.cli import app
from kzx.report import build_report, totals

runner = CliRunner()
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# As the machine notes say: no background traffic, and every host unreachable.
OFFLINE = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9",
]


def records_of(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


@pytest.mark.parametrize("kind", ["outcomes", "penalties", "money", "dates", "entities"])
def test_table_round_trips_through_pandas(golden_records, tmp_path, kind):
    records = records_of(golden_records)
    csv_file, parquet_file = tmp_path / f"{kind}.csv", tmp_path / f"{kind}.parquet"
    for target in (csv_file, parquet_file):
        result = runner.invoke(app, ["table", str(golden_records), "--kind", kind, "-o", str(target)])
        assert result.exit_code == 0, result.output
    from_csv = pd.read_csv(csv_file, keep_default_na=False, dtype=str)
    from_parquet = pd.read_parquet(parquet_file)
    if kind == "penalties":
        expected = [(r["doc_id"], p["kind"]) for r in records for o in r["outcomes"] for p in o["penalties"]]
        assert list(zip(from_csv.doc_id, from_csv.kind)) == expected
    elif kind == "outcomes":
        expected = [(r["doc_id"], o["person"], o["verdict"]) for r in records for o in r["outcomes"]]
        assert list(zip(from_csv.doc_id, from_csv.person, from_csv.verdict)) == expected
    else:
        expected = [(r["doc_id"], m["text"], m["start"]) for r in records for m in r[kind]]
        assert list(zip(from_parquet.doc_id, from_parquet.text, from_parquet.start)) == expected
        assert list(from_csv.text) == [t for _, t, _ in expected]
    assert len(from_parquet) == len(from_csv) == len(expected)
    if kind == "money":
        assert [Decimal(str(a)) for a in from_parquet.amount] == [
            Decimal(m["amount"]) for r in records for m in r["money"]
        ]


def test_readme_examples_run(golden_records, tmp_path, monkeypatch):
    """The worked examples of the README's "Tables" section, run as written."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    section = readme.split("## Tables", 1)[1].split("\n## ", 1)[0]
    python_blocks = re.findall(r"```python\n(.*?)```", section, re.S)
    shell_blocks = re.findall(r"```sh\n(.*?)```", section, re.S)
    assert len(python_blocks) >= 2 and shell_blocks
    work = tmp_path / "work"
    (work / "data" / "out").mkdir(parents=True)
    shutil.copy(golden_records, work / "data" / "out" / "records.jsonl")
    # As after `make run` with the virtual environment's commands on PATH.
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    monkeypatch.setenv("PATH", path)
    monkeypatch.chdir(work)
    for block in shell_blocks:
        done = subprocess.run(["bash", "-euo", "pipefail", "-c", block], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip()
    for block in python_blocks:
        exec(compile(block, "README.md", "exec"), {})


@pytest.mark.parametrize("width", [40, 200])
def test_show_renders_on_narrow_and_wide_terminals(golden_records, width):
    result = runner.invoke(
        app, ["show", "000_61e5cfb4103716c2", "--records", str(golden_records)], env={"COLUMNS": str(width)}
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= width
    assert "court outcomes" in result.stdout and "Gabdullin" in result.stdout


def test_show_runs_the_pipeline_on_a_raw_file(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("On March 3, the Almaty city court fined blogger Aibolat Bukenov 200,000 tenge ($450).\n")
    result = runner.invoke(app, ["show", str(report)], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    assert "Bukenov" in result.stdout


def test_show_unknown_doc_id(golden_records):
    result = runner.invoke(app, ["show", "nope", "--records", str(golden_records)])
    assert result.exit_code == 2 and "nope" in result.stderr


def test_money_totals_count_a_joint_award_once():
    evidence = {"text": "x", "start": 0, "end": 1}
    damages = {"kind": "damages", "amount": "100", "currency": "KZT"}
    record = {
        "money": [{"amount": "100", "currency": "KZT", "usd": "1"}],
        "outcomes": [
            {"person": "A", "verdict": "suit_upheld", "penalties": [damages], "evidence": evidence},
            {"person": "B", "verdict": "suit_upheld", "penalties": [damages], "evidence": evidence},
        ],
    }
    assert totals([record]) == {"damages": {"KZT": Decimal(100), "USD equivalent": Decimal(1)}}


def test_report_opens_offline_in_a_real_browser(golden_records, tmp_path):
    page = tmp_path / "report.html"
    result = runner.invoke(app, ["report", str(golden_records), "-o", str(page)])
    assert result.exit_code == 0, result.output
    content = page.read_text()
    assert not re.search(r"""(src|href)=["']?https?://""", content), "the page must not load anything"
    profile = tmp_path / "profile"
    dom = subprocess.run(
        [CHROMIUM, *OFFLINE, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    assert dom.returncode == 0, dom.stderr[-2000:]
    outcomes = sum(len(r["outcomes"]) for r in records_of(golden_records))
    assert 'id="timeline"' in dom.stdout and 'id="outcome-table"' in dom.stdout
    table = dom.stdout.split('id="outcome-table"', 1)[1].split("</table>", 1)[0]
    assert table.count("<tr>") == outcomes + 1
    shot = tmp_path / "report.png"
    subprocess.run(
        [CHROMIUM, *OFFLINE, f"--user-data-dir={profile}", "--window-size=1300,1800", f"--screenshot={shot}", page.as_uri()],
        capture_output=True, timeout=120, check=True,
    )
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


def test_report_lists_unknown_years_apart():
    evidence = {"text": "x", "start": 0, "end": 1}
    record = {
        "doc_id": "d", "source": "d.txt", "text": "x", "entities": [], "money": [], "dates": [],
        "outcomes": [
            {"person": "Known", "verdict": "convicted", "date": "2016-05-02", "penalties": [], "evidence": evidence},
            {"person": "Unknown", "verdict": "fined", "date": "XXXX-05-02", "penalties": [], "evidence": evidence},
        ],
    }
    page = build_report([record])
    timeline = page.split("id=timeline-svg", 1)[1].split("</svg>", 1)[0]
    undated = page.split("id=undated", 1)[1].split("</ul>", 1)[0]
    assert "Known" in timeline and "Unknown" not in timeline
    assert "Unknown" in undated and "Known —" not in undated
