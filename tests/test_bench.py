"""The benchmark's pairing of runs and its baseline checkout (kzx.bench), without timing any."""

from __future__ import annotations

import subprocess

import pytest

from kzx.bench import checkout, fastest, paired_rounds
from kzx.config import PROJECT_ROOT


def test_each_case_runs_once_a_round_and_no_case_always_first():
    order: list[str] = []

    def case(name, seconds):
        def run():
            order.append(name)
            return {"seconds": seconds, "peak_rss_mb": 1.0}
        return run

    results = paired_rounds({"a": case("a", 2.0), "b": case("b", 4.0), "c": case("c", 1.0)}, 3, words=100)
    assert order == ["a", "b", "c", "b", "c", "a", "c", "a", "b"]
    assert {name: [r["words_per_second"] for r in runs] for name, runs in results.items()} == {
        "a": [50, 50, 50], "b": [25, 25, 25], "c": [100, 100, 100]}


def test_the_fastest_run_is_the_one_reported():
    assert fastest([{"seconds": 3.0}, {"seconds": 2.5}, {"seconds": 2.9}]) == {"seconds": 2.5}


def _in_git() -> bool:
    try:
        return subprocess.run(["git", "-C", str(PROJECT_ROOT), "rev-parse", "HEAD"], capture_output=True).returncode == 0
    except OSError:
        return False


@pytest.mark.skipif(not _in_git(), reason="needs the project's git history (not a test of kzx itself)")
def test_a_baseline_revision_is_unpacked_as_a_kzx_of_its_own(tmp_path):
    head = subprocess.run(["git", "-C", str(PROJECT_ROOT), "show", "HEAD:kzx/__init__.py"],
                          capture_output=True, text=True, check=True).stdout
    source = checkout("HEAD", tmp_path / "baseline")
    assert (source / "kzx" / "__init__.py").read_text(encoding="utf-8") == head
    assert (source / "pipelines" / "default.toml").is_file()


def test_a_revision_git_does_not_know_stops_the_bench_naming_it(tmp_path):
    with pytest.raises(SystemExit, match="no-such-revision-kzx"):
        checkout("no-such-revision-kzx", tmp_path / "baseline")
