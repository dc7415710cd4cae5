"""Worker processes on one machine, results in input order."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator, Sequence
from pathlib import Path

from kzx.config import load_pipeline
from kzx.io import Source
from kzx.records import ErrorRecord, Record

# Documents a worker takes at once: large enough to fill spaCy's batches,
# small enough that the slowest worker does not hold the output back for long.
TASK_DOCUMENTS = 8

_extractor = None


def _start_worker(pipeline: Path | None) -> None:
    global _extractor
    from kzx.pipeline import Extractor

    _extractor = Extractor(load_pipeline(pipeline))


def _work(sources: list[Source]) -> list[Record | ErrorRecord]:
    assert _extractor is not None
    return list(_extractor.run(sources))


def run_local(
    sources: Sequence[Source], pipeline: Path | None, workers: int
) -> Iterator[Record | ErrorRecord]:
    """Extract `sources` with `workers` processes; the model is loaded once per process."""
    if workers <= 1 or len(sources) <= 1:
        _start_worker(pipeline)
        yield from _extractor.run(sources)
        return
    tasks = [list(sources[i : i + TASK_DOCUMENTS]) for i in range(0, len(sources), TASK_DOCUMENTS)]
    context = multiprocessing.get_context("spawn")
    with context.Pool(min(workers, len(tasks)), _start_worker, (pipeline,)) as pool:
        for results in pool.imap(_work, tasks):
            yield from results
