"""The same stages on a Dask cluster: a local one by default, or one at a scheduler address.

Partitions of documents go to the workers, each of which loads the model once and
writes its records as a part file; the parts are then read back in input order.
Parts live in a folder every worker can reach (a shared file system on a real cluster).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from kzx.io import AtomicLines, Source
from kzx.records import ErrorRecord

# Documents per partition: enough to amortise a task's overhead on a cluster.
PARTITION_DOCUMENTS = 16

_extractors: dict[str, object] = {}


def _extract_partition(
    sources: list[Source], pipeline: str | None, part: str
) -> tuple[str, list[dict]]:
    """Runs on a worker: write the partition's records to `part`; return it and the errors."""
    from kzx.config import load_pipeline
    from kzx.pipeline import Extractor

    key = pipeline or ""
    if key not in _extractors:  # once per worker process
        _extractors[key] = Extractor(load_pipeline(Path(pipeline) if pipeline else None))
    extractor = _extractors[key]
    errors = []
    with AtomicLines(part) as fh:
        for result in extractor.run(sources):
            if isinstance(result, ErrorRecord):
                errors.append(result.model_dump())
            else:
                fh.write(result.model_dump_json())
    return part, errors


def run_dask(
    sources: Sequence[Source],
    pipeline: Path | None,
    workers: int,
    scheduler: str | None = None,
    parts_dir: Path | None = None,
) -> Iterator[str | ErrorRecord]:
    """Records as JSON lines, and errors, in input order."""
    from dask.distributed import Client, LocalCluster

    if scheduler:
        client = Client(scheduler)
        cluster = None
    else:
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    own_parts = parts_dir is None
    folder = Path(parts_dir or tempfile.mkdtemp(prefix="kzx-parts-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        partitions = [
            list(sources[i : i + PARTITION_DOCUMENTS])
            for i in range(0, len(sources), PARTITION_DOCUMENTS)
        ]
        futures = [
            client.submit(
                _extract_partition, part, str(pipeline) if pipeline else None,
                str(folder / f"part-{number:06d}.jsonl"), pure=False,
            )
            for number, part in enumerate(partitions)
        ]
        for future, part_sources in zip(futures, partitions):
            part, errors = future.result()
            failed = {e["source"]: ErrorRecord(**e) for e in errors}
            lines = iter(Path(part).read_text(encoding="utf-8").splitlines())
            # Interleave errors back at their documents' places.
            for source in part_sources:
                if source.path in failed:
                    yield failed[source.path]
                else:
                    yield next(lines)
            if own_parts:
                os.unlink(part)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
        if own_parts:
            try:
                folder.rmdir()
            except OSError:
                pass
