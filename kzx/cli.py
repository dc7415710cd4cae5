"""The `kzx` command line. Data goes to stdout; messages and progress to stderr."""

from __future__ import annotations

import json
import os
import signal
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from kzx import __version__
from kzx.config import DEFAULT_PIPELINE, PROJECT_ROOT, ConfigError, load_pipeline
from kzx.io import DEFAULT_PATTERNS, STDIN, AtomicLines, InputError, discover
from kzx.records import Record

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Extract court outcomes, money, dates and people from human-rights reports.",
)
err = Console(stderr=True, soft_wrap=True)  # messages stay one line each, for grep

DEFAULT_THRESHOLDS = PROJECT_ROOT / "tests" / "golden" / "thresholds.json"

Inputs = Annotated[list[str], typer.Argument(help="Files, directories, globs, or - for stdin.")]
Glob = Annotated[
    list[str],
    typer.Option("--glob", help="File pattern inside directories; repeat for several. "
                 "Default: *.txt, *.html, *.htm, *.pdf (the format is then told by content)."),
]


def fail(message: str, code: int = 2) -> typer.Exit:
    err.print(f"[bold red]error:[/] {message}", highlight=False)
    return typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kzx {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """kzx: a corpus extraction pipeline for human-rights reports."""


def _sources(inputs: list[str], glob: list[str]):
    try:
        sources = discover(inputs, glob)
    except InputError as exc:
        raise fail(str(exc)) from None
    if not sources:
        raise fail(f"no input files matching {', '.join(glob)} in {', '.join(inputs)}")
    return sources


def parse_shard(value: str) -> tuple[int, int]:
    try:
        index, count = (int(x) for x in value.split("/"))
    except ValueError:
        raise fail(f"--shard takes I/N, such as 2/8, not {value!r}") from None
    if not 1 <= index <= count:
        raise fail(f"--shard {value}: I must be between 1 and N")
    return index, count


def select_shard(sources: list, index: int, count: int) -> list:
    """The index-th (from 1) of `count` contiguous slices, so shards concatenate in input order.

    >>> [select_shard(list(range(7)), i, 3) for i in (1, 2, 3)]
    [[0, 1, 2], [3, 4], [5, 6]]
    """
    size, extra = divmod(len(sources), count)
    start = (index - 1) * size + min(index - 1, extra)
    return sources[start : start + size + (1 if index <= extra else 0)]


def _tracked(items, description: str):
    """Yield `items` with a progress bar on a terminal (records read so far)."""
    with _progress() as progress:
        task = progress.add_task(description, total=None)
        for item in items:
            yield item
            progress.advance(task)


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        disable=not err.is_terminal,
        transient=True,
    )


@app.command()
def extract(
    inputs: Inputs,
    output: Annotated[str, typer.Option("-o", "--output", help="JSONL output, or - for stdout.")] = STDIN,
    pipeline: Annotated[
        Optional[Path], typer.Option("--pipeline", help="Pipeline file.", show_default=False)
    ] = None,
    glob: Glob = list(DEFAULT_PATTERNS),
    errors: Annotated[
        Optional[str],
        typer.Option("--errors", help="Errors JSONL; default OUTPUT with .errors.jsonl.", show_default=False),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 if any document failed.")] = False,
    workers: Annotated[
        int, typer.Option("--workers", "-w", help="Worker processes (default: the number of cores).")
    ] = os.cpu_count() or 1,
    resume: Annotated[
        bool, typer.Option("--resume", help="Skip documents already in OUTPUT (or OUTPUT.partial).")
    ] = False,
    engine: Annotated[str, typer.Option("--engine", help="local (processes) or dask.")] = "local",
    scheduler: Annotated[
        Optional[str], typer.Option("--scheduler", help="Dask scheduler address; default a local cluster.", show_default=False)
    ] = None,
    shard: Annotated[
        Optional[str], typer.Option("--shard", help="I/N: only the I-th of N equal slices of the inputs.", show_default=False)
    ] = None,
) -> None:
    """Extract records from reports into JSONL, one line per document."""
    from kzx.engines.local import run_local
    from kzx.nlp import ModelMissingError, check_model
    from kzx.pipeline import RecordsOutput, write_run

    sources = _sources(inputs, glob)
    try:
        check_model(load_pipeline(pipeline or DEFAULT_PIPELINE))
    except (ConfigError, ModelMissingError) as exc:
        raise fail(str(exc)) from None
    if workers < 1:
        raise fail("--workers must be at least 1")
    if engine not in ("local", "dask"):
        raise fail(f"--engine must be 'local' or 'dask', not {engine!r}")
    if shard is not None:
        sources = select_shard(sources, *parse_shard(shard))
    records_output = RecordsOutput(output, resume)
    if resume:
        sources = [s for s in sources if s.path not in records_output.done_sources]
        err.print(f"resuming: {len(records_output.done_sources)} documents already written", highlight=False)
    if any(s.path == STDIN for s in sources):
        workers, engine = 1, "local"  # only this process can read stdin
    if engine == "dask":
        from kzx.engines.dask import run_dask

        results = run_dask(sources, pipeline, workers, scheduler)
    else:
        results = run_local(sources, pipeline, workers)
    errors_path = errors
    if errors_path is None and output != STDIN:
        errors_path = str(Path(output).with_suffix("")) + ".errors.jsonl"
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        with _progress() as progress:
            task = progress.add_task("extract", total=len(sources))
            summary = write_run(
                results,
                records_output,
                errors_path,
                on_result=lambda _: progress.advance(task),
            )
    except KeyboardInterrupt:
        err.print(
            f"interrupted: the documents finished so far are in {output}.partial; "
            "run the same command with --resume to complete it",
            highlight=False,
        )
        raise typer.Exit(130) from None
    for error in summary.errors:
        err.print(f"[yellow]skipped[/] {error.source}: {error.stage}: {error.reason}", highlight=False)
    where = "" if output == STDIN else f" to {output}"
    err.print(
        f"{summary.records} records{where}; {len(summary.errors)} documents failed"
        + (f" (see {errors_path})" if summary.errors and errors_path else ""),
        highlight=False,
    )
    if strict and summary.errors:
        raise typer.Exit(1)


@app.command("clean")
def clean_command(
    inputs: Inputs,
    output: Annotated[
        Optional[Path], typer.Option("-o", "--output", help="Directory for cleaned texts.", show_default=False)
    ] = None,
    glob: Glob = list(DEFAULT_PATTERNS),
    explain: Annotated[bool, typer.Option("--explain", help="List every removal on stderr.")] = False,
) -> None:
    """Clean documents: write DIR/<id>.txt and DIR/<id>.removed.jsonl, and show what was removed.

    For an HTML or PDF file, DIR/<id>.extracted.txt holds the text as extracted from
    it: the text that removals' raw offsets index.
    """
    from kzx.pipeline import StageError, clean_stage, read_stage

    sources = _sources(inputs, glob)
    failed = 0
    for source in sources:
        try:
            document = clean_stage(read_stage(source))
        except StageError as exc:
            failed += 1
            err.print(f"[yellow]skipped[/] {source.path}: {exc.stage}: {exc.reason}", highlight=False)
            continue
        cleaned = document.cleaned
        if output is None:
            sys.stdout.write(cleaned.text + "\n")
        else:
            target = output / f"{source.doc_id}.txt"
            target.parent.mkdir(parents=True, exist_ok=True)
            with AtomicLines(target) as fh:
                fh.write(cleaned.text)
            with AtomicLines(output / f"{source.doc_id}.removed.jsonl") as fh:
                for removal in cleaned.removals:
                    fh.write(removal.model_dump_json())
            if document.format != "text":  # the text that removals' raw offsets index
                with AtomicLines(output / f"{source.doc_id}.extracted.txt") as fh:
                    fh.write(cleaned.raw)
        _show_removals(source.path, cleaned, explain, document.format)
    if failed:
        raise typer.Exit(1)


def _show_removals(path: str, cleaned, explain: bool, format: str = "text") -> None:
    counts: dict[str, int] = {}
    for removal in cleaned.removals:
        counts[removal.rule] = counts.get(removal.rule, 0) + 1
    read = "" if format == "text" else f" ({format}: extracted text)"
    table = Table(title=f"{path}{read}: {len(cleaned.raw)} -> {len(cleaned.text)} characters")
    if explain:
        for column in ("rule", "raw span", "removed or rewritten text", "now"):
            table.add_column(column, overflow="fold")
        for r in cleaned.removals:
            table.add_row(r.rule, f"{r.raw_start}-{r.raw_end}", repr(r.text[:200]), repr(r.replacement))
    else:
        table.add_column("rule")
        table.add_column("count", justify="right")
        for rule, count in sorted(counts.items()):
            table.add_row(rule, str(count))
    err.print(table)


@app.command()
def validate(path: Annotated[Path, typer.Argument(help="A kzx JSONL file.")]) -> None:
    """Check every line of a JSONL file against the record model."""
    from pydantic import ValidationError

    if not path.is_file():
        raise fail(f"{path}: no such file")
    bad = 0
    lines = 0
    with path.open(encoding="utf-8", errors="replace") as fh:
        for number, line in enumerate(fh, 1):
            lines += 1
            try:
                Record.model_validate_json(line)
            except ValidationError as exc:
                bad += 1
                reasons = "; ".join(
                    f"{'.'.join(str(p) for p in e['loc']) or 'line'}: {e['msg']}" for e in exc.errors()
                )
                err.print(f"{path}:{number}: {reasons}", highlight=False, markup=False)
    err.print(f"{lines - bad} of {lines} lines valid", highlight=False)
    if bad:
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of a record."""
    typer.echo(schema_json())


def schema_json() -> str:
    return json.dumps(Record.model_json_schema(), indent=2, ensure_ascii=False)


@app.command("eval")
def eval_command(
    predictions: Annotated[Path, typer.Argument(help="kzx JSONL output to score.")],
    gold: Annotated[Path, typer.Option("--gold", help="Directory of *.gold.json files.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    thresholds: Annotated[
        Optional[Path], typer.Option("--thresholds", help="Thresholds JSON.", show_default=False)
    ] = None,
    groups: Annotated[
        Optional[Path],
        typer.Option("--groups", help="TSV of `doc<TAB>group` lines: also score each group "
                     "(e.g. tests/golden/genres.tsv).", show_default=False),
    ] = None,
) -> None:
    """Score output against gold annotations; exit 1 when a figure is below its threshold."""
    from kzx.evaluate import (check_thresholds, load_gold, load_groups, render_groups,
                              render_table, score, score_groups)
    from kzx.table import read_records

    if not gold.is_dir():
        raise fail(f"{gold}: not a directory of gold files")
    if not predictions.is_file():
        raise fail(f"{predictions}: no such file")
    gold_docs = load_gold(gold)
    if not gold_docs:
        raise fail(f"{gold}: no *.gold.json files")
    try:
        records = list(read_records(predictions))
    except ValueError as exc:
        raise fail(str(exc)) from None
    scores = score(gold_docs, records)
    if groups is not None:
        try:
            scores["groups"] = score_groups(gold_docs, records, load_groups(groups))
        except (OSError, ValueError) as exc:
            raise fail(str(exc)) from None
    if as_json:
        typer.echo(json.dumps(scores, indent=2, ensure_ascii=False, default=str))
    else:
        Console().print(render_table(scores))
        if groups is not None:
            console = Console()
            console.width = max(console.width, 132)  # one line per group, even in a pipe
            console.print(render_groups(scores["groups"]))
    threshold_file = thresholds or DEFAULT_THRESHOLDS
    if thresholds is not None and not threshold_file.is_file():
        raise fail(f"{threshold_file}: no such file")
    if threshold_file.is_file():
        failures = check_thresholds(scores, json.loads(threshold_file.read_text()))
        for failure in failures:
            err.print(f"[red]below threshold:[/] {failure}", highlight=False)
        if failures:
            raise typer.Exit(1)


@app.command("diff")
def diff_command(
    old: Annotated[Path, typer.Argument(help="The earlier run's JSONL.")],
    new: Annotated[Path, typer.Argument(help="The later run's JSONL.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the differences as JSON.")] = False,
    offsets: Annotated[bool, typer.Option("--offsets", help="Also compare offsets, sentences and sections.")] = False,
) -> None:
    """Compare two runs document by document; exit 0 when identical, 1 when they differ."""
    from kzx.diff import DiffInputError, diff_runs, load_records, render, to_json

    try:
        diffs = diff_runs(load_records(old), load_records(new), offsets)
    except DiffInputError as exc:
        raise fail(str(exc)) from None
    if as_json:
        typer.echo(json.dumps(to_json(diffs), indent=2, ensure_ascii=False, default=str))
    else:
        render(diffs, Console())
    if diffs:
        raise typer.Exit(1)


@app.command("table")
def table_command(
    records: Annotated[Path, typer.Argument(help="A kzx JSONL file.")],
    kind: Annotated[str, typer.Option("--kind", help="outcomes, penalties, money, dates or entities.")] = "outcomes",
    output: Annotated[
        Optional[Path], typer.Option("-o", "--output", help="CSV file, or .parquet; default CSV on stdout.", show_default=False)
    ] = None,
) -> None:
    """One flat row per item, with the document's id and source, the evidence text and offsets."""
    from kzx.table import KINDS, read_records, rows, write_csv, write_parquet

    if kind not in KINDS:
        raise fail(f"--kind must be one of {', '.join(KINDS)}, not {kind!r}")
    if not records.is_file():
        raise fail(f"{records}: no such file")
    try:
        table_rows = rows(_tracked(read_records(records), "table"), kind)
        if output is not None and output.suffix == ".parquet":
            count = write_parquet(table_rows, kind, output)
        else:
            count = write_csv(table_rows, kind, output)
    except (ValueError, RuntimeError) as exc:
        raise fail(str(exc)) from None
    if output is not None:
        err.print(f"{count} {kind} rows to {output}", highlight=False)


@app.command()
def show(
    target: Annotated[str, typer.Argument(help="A raw report file, or a doc_id with --records.")],
    records: Annotated[
        Optional[Path], typer.Option("--records", help="Show a record already extracted to this JSONL.", show_default=False)
    ] = None,
    pipeline: Annotated[
        Optional[Path], typer.Option("--pipeline", help="Pipeline file.", show_default=False)
    ] = None,
    explain: Annotated[
        bool, typer.Option("--explain", help="Say which rule (surface row or dependency row) read each outcome.")
    ] = False,
) -> None:
    """The cleaned text with persons, money, dates and outcomes highlighted, and a table of outcomes."""
    from kzx.show import readings_of, render

    if records is not None:
        record = _find_record(records, target)
    else:
        record = _extract_one(target, pipeline)
    readings = None
    if explain:
        from kzx.nlp import build_sentence_parser

        readings = readings_of(record, build_sentence_parser(load_pipeline(pipeline or DEFAULT_PIPELINE)))
    render(record, Console(), readings)


def _find_record(records: Path, target: str) -> dict:
    from kzx.table import read_records

    if not records.is_file():
        raise fail(f"{records}: no such file")
    try:
        for record in read_records(records):
            if target in (record.get("doc_id"), record.get("source")) or record.get("source", "").endswith("/" + target):
                return record
    except ValueError as exc:
        raise fail(str(exc)) from None
    raise fail(f"{records}: no record with doc_id or source {target!r}")


def _extract_one(target: str, pipeline: Path | None) -> dict:
    from kzx.nlp import ModelMissingError
    from kzx.pipeline import Extractor

    if not Path(target).is_file():
        raise fail(f"{target}: no such file (to show an extracted record, add --records FILE)")
    try:
        extractor = Extractor(load_pipeline(pipeline or DEFAULT_PIPELINE))
    except (ConfigError, ModelMissingError) as exc:
        raise fail(str(exc)) from None
    (result,) = extractor.run(discover([target]))
    if not isinstance(result, Record):
        raise fail(f"{target}: {result.stage}: {result.reason}", code=1)
    return result.model_dump(mode="json")


@app.command()
def report(
    records: Annotated[Path, typer.Argument(help="A kzx JSONL file.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="The HTML file to write.")] = Path("report.html"),
    title: Annotated[str, typer.Option("--title", help="The page title.")] = "kzx report",
) -> None:
    """One self-contained HTML page: summary, timeline, outcome table, highlighted texts."""
    from kzx.report import build_report
    from kzx.table import read_records

    if not records.is_file():
        raise fail(f"{records}: no such file")
    try:
        page = build_report(_tracked(read_records(records), "report"), title)
    except ValueError as exc:
        raise fail(str(exc)) from None
    with AtomicLines(output) as fh:
        fh.write(page)
    err.print(f"report written to {output} ({len(page.encode()) / 1024:.0f} KiB)", highlight=False)
