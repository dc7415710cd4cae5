"""The benchmark's pairing of runs (kzx.bench), without running any."""

from __future__ import annotations

from kzx.bench import fastest, paired_rounds


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
