"""`make bench`: kzx's throughput against spaCy's own, on the same texts, in paired rounds.

Times, over copies of data/raw (each made distinct so no cache helps):
spaCy with only tok2vec+ner, spaCy's default pipeline, and kzx's `--workers 1` run
with and without the outcome parser, in `--rounds` rounds, the order turned each
round. Each is timed alike, from its loaded model to the end of its work (for kzx:
reading, cleaning, the NLP, extraction, writing the records), in a child process; the
CPU time of that stretch and the whole child's time (imports, model loading) are
recorded beside it, and kzx's whole run against spaCy's loop is printed as the stricter
ratio. The machine is shared and its speed drifts by tens of percent over minutes, so
each ratio is taken within a round (runs minutes apart) and the median over rounds is
reported, beside every round's figures; CPU-time ratios leave out the spells the
process waited for a core.
Then `--workers 2` once (its output must equal `--workers 1`'s), and peak memory on a
tenth of the corpus, to show memory stays flat as the corpus grows. Prints words per
second, the ratios and peak memory, and writes them as JSON.

Saved pages: the saved HTML report pages (data/raw/html) against the same reports as
text (their extracted text saved as .txt), `kzx extract --workers 1` on each, and
the ratio of their speeds (HTML must not fall below 0.8x of text).

With `--baseline REV`, the kzx of that git revision (its code, pipeline and rules) is
timed in every round too, and kzx's speed against it printed: `make bench` passes the
revision issue 13 called "today's kzx", which the outcome parser had to keep 0.95x of.

    python -m kzx.bench [--copies N] [--rounds N] [--baseline REV] [--page-copies N] [--only pages] [--out data/out/bench.json]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import statistics
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from pathlib import Path

from kzx.config import PROJECT_ROOT, load_pipeline

WORD = re.compile(r"\w+")


def make_corpus(source: Path, target: Path, copies: int) -> list[str]:
    texts = []
    for copy in range(copies):
        for path in sorted(source.glob("*.txt")):
            text = f"Copy {copy} of {path.stem}.\n\n" + path.read_text(encoding="utf-8")
            (target / f"{copy:04d}_{path.name}").write_text(text, encoding="utf-8")
            texts.append(text)
    return texts


PAGE_ROUNDS = 2


def make_page_corpora(pages: Path, html_dir: Path, text_dir: Path, copies: int) -> int:
    """Copies of the saved pages as HTML and, beside them, the same reports as text; their words."""
    from kzx.formats import read_document

    words = 0
    for copy in range(copies):
        for page in sorted(pages.glob("*.html")):
            markup = page.read_text(encoding="utf-8")
            markup = re.sub(r"(<article\b[^>]*>)", rf"\1<p>Copy {copy} of {page.stem}.</p>", markup, count=1)
            (html_dir / f"{copy:04d}_{page.name}").write_text(markup, encoding="utf-8")
            text = read_document(markup.encode("utf-8"), page.name).text
            (text_dir / f"{copy:04d}_{page.stem}.txt").write_text(text, encoding="utf-8")
            words += len(WORD.findall(text))
    return words


def bench_pages(pages: Path, copies: int, tmp: Path) -> dict:
    html_dir, text_dir = tmp / "pages_html", tmp / "pages_text"
    html_dir.mkdir()
    text_dir.mkdir()
    words = make_page_corpora(pages, html_dir, text_dir, copies)
    cases = [("pages_as_html", html_dir), ("pages_as_text", text_dir)]
    timed: dict[str, list[dict]] = {name: [] for name, _ in cases}
    # Alternating rounds, fastest of each: the run that goes first also pays for
    # loading the model files from a cold disk, and a shared machine is noisy.
    for round_ in range(PAGE_ROUNDS):
        for name, folder in cases if round_ % 2 == 0 else cases[::-1]:
            timed[name].append(time_kzx(folder, tmp / f"{name}.jsonl", 1))
    runs = {name: min(results, key=lambda r: r["seconds"]) for name, results in timed.items()}
    for run in runs.values():
        run["words_per_second"] = round(words / run["seconds"])
    ratio = round(runs["pages_as_html"]["words_per_second"] / runs["pages_as_text"]["words_per_second"], 2)
    return {"documents": copies * len(list(pages.glob("*.html"))), "words": words, "runs": runs,
            "html_vs_text_speed": ratio}


def paired_rounds(cases: dict, rounds: int, words: int) -> dict[str, list[dict]]:
    """Each case run once a round, the order turned by one each round, so that no case
    always runs first (cold disk) or last; words per second of each run, by case."""
    names = list(cases)
    results: dict[str, list[dict]] = {name: [] for name in names}
    for round_ in range(rounds):
        shift = round_ % len(names)
        for name in names[shift:] + names[:shift]:
            run = cases[name]()
            run["words_per_second"] = round(words / run["seconds"])
            results[name].append(run)
    return results


def fastest(results: list[dict]) -> dict:
    return min(results, key=lambda r: r["seconds"])


def time_spacy(texts: list[str], model: str, only: list[str] | None) -> dict:
    """Run in a child so its peak memory is its own."""
    code = (
        "import sys, json, time, spacy\n"
        "texts = json.load(sys.stdin)\n"
        f"nlp = spacy.load({model!r})\n"
        f"only = {only!r}\n"
        "if only:\n"
        "    nlp.select_pipes(enable=only)\n"
        "start, cpu = time.perf_counter(), time.process_time()\n"
        "for _ in nlp.pipe(texts, batch_size=32): pass\n"
        "print(time.perf_counter() - start, time.process_time() - cpu)\n"
    )
    return _run([sys.executable, "-c", code], stdin=json.dumps(texts), timed_by_child=True)


def time_kzx_processing(corpus: Path, out: Path, pipeline: Path | None = None, source: Path | None = None) -> dict:
    """`kzx extract --workers 1`'s work timed as spaCy's is: from the loaded model to the
    written records (reading, cleaning, the NLP, extraction, writing); in a child, so its
    peak memory is its own, with the whole child's time beside it (`command_seconds`).
    `source`: a checkout of another kzx (`checkout`) to time instead, with its own pipeline."""
    code = (
        "import time\n"
        "from kzx.config import load_pipeline\n"
        "from kzx.io import discover\n"
        "from kzx.pipeline import Extractor, RecordsOutput, write_run\n"
        f"extractor = Extractor(load_pipeline({str(pipeline) if pipeline else None!r}))\n"
        "start, cpu = time.perf_counter(), time.process_time()\n"
        f"write_run(extractor.run(discover([{str(corpus)!r}])), RecordsOutput({str(out)!r}), None)\n"
        "print(time.perf_counter() - start, time.process_time() - cpu)\n"
    )
    # The checkout comes first on the path, before the installed (editable) kzx.
    env = {**os.environ, "PYTHONPATH": str(source)} if source else None
    return _run([sys.executable, "-c", code], timed_by_child=True, env=env)


def checkout(revision: str, target: Path) -> Path:
    """The kzx of a git revision of this project, unpacked into `target`."""
    try:
        archive = subprocess.run(["git", "-C", str(PROJECT_ROOT), "archive", "--format=tar", revision],
                                 capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError) as exc:
        detail = exc.stderr.decode(errors="replace").strip() if isinstance(exc, subprocess.CalledProcessError) else exc
        raise SystemExit(f"--baseline {revision}: cannot read that revision from git: {detail}") from None
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    return target


def time_kzx(corpus: Path, out: Path, workers: int, pipeline: Path | None = None) -> dict:
    kzx = Path(sys.executable).with_name("kzx")
    chosen = ["--pipeline", str(pipeline)] if pipeline else []
    return _run([str(kzx), "extract", str(corpus), "-o", str(out), "--workers", str(workers), *chosen])


def without_parse(target: Path) -> Path:
    """The default pipeline file with the outcome parser off, written to `target`."""
    default = PROJECT_ROOT / "pipelines" / "default.toml"
    text = default.read_text(encoding="utf-8").replace('"../', f'"{default.parent.parent.as_posix()}/')
    text, n = re.subn(r"(?m)^parse\s*=\s*true\b", "parse = false", text)
    if n != 1:
        raise SystemExit(f"{default}: no `parse = true` to turn off")
    target.write_text(text, encoding="utf-8")
    return target


def _run(command: list[str], stdin: str | None = None, timed_by_child: bool = False,
         env: dict[str, str] | None = None) -> dict:
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    peak = [0]
    sampler = threading.Thread(target=_sample_rss, args=(process, peak), daemon=True)
    sampler.start()
    stdout, stderr = process.communicate(stdin)
    seconds = time.perf_counter() - start
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command[:3])} failed:\n{stderr}")
    run = {"seconds": round(seconds, 3), "peak_rss_mb": round(peak[0] / 1024, 1)}
    if timed_by_child:
        wall, cpu = stdout.strip().splitlines()[-1].split()
        run["command_seconds"] = run["seconds"]
        run["seconds"], run["cpu_seconds"] = round(float(wall), 3), round(float(cpu), 3)
    return run


def _sample_rss(process: subprocess.Popen, peak: list[int]) -> None:
    """Peak of the summed resident memory of a process and all its descendants (KiB)."""
    while process.poll() is None:
        peak[0] = max(peak[0], sum(_rss_kib(pid) for pid in _tree(process.pid)))
        time.sleep(0.05)


def _tree(pid: int) -> list[int]:
    pids, index = [pid], 0
    while index < len(pids):
        for task in Path(f"/proc/{pids[index]}/task").glob("*/children"):
            try:
                pids += [int(child) for child in task.read_text().split()]
            except OSError:
                pass
        index += 1
    return pids


def _rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # 3 rounds of 15 copies: a round's kzx run is long enough that loading the model is
    # a small share of it, and three rounds give a median that one slow spell cannot move.
    parser.add_argument("--copies", type=int, default=15, help="copies of data/raw in the corpus")
    parser.add_argument("--rounds", type=int, default=3, help="paired rounds of the four main runs")
    parser.add_argument("--raw", type=Path, default=PROJECT_ROOT / "data" / "raw")
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "data" / "out" / "bench.json")
    parser.add_argument("--pages", type=Path, default=PROJECT_ROOT / "data" / "raw" / "html")
    parser.add_argument("--page-copies", type=int, default=2)
    parser.add_argument("--only", choices=["pages"], help="run only this case")
    parser.add_argument("--baseline", metavar="REV",
                        help="also time the kzx of this git revision in every round (its own pipeline)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        pages = bench_pages(args.pages, args.page_copies, Path(tmp))
    print(f"saved pages: {pages['documents']} documents, {pages['words']} words")
    for name, run in pages["runs"].items():
        print(f"{name:20} {run['words_per_second']:>8} words/s  {run['seconds']:>8.2f} s  peak {run['peak_rss_mb']} MB")
    print(f"{'html_vs_text_speed':32} {pages['html_vs_text_speed']}x")
    if args.only == "pages":
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps({"saved_pages": pages}, indent=2) + "\n")
        print(f"written to {args.out}")
        return {"saved_pages": pages}
    model = load_pipeline().model
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        texts = make_corpus(args.raw, corpus, args.copies)
        words = sum(len(WORD.findall(t)) for t in texts)
        no_parse = without_parse(Path(tmp) / "no-parse.toml")
        cases = {
            "spacy_tok2vec_ner": lambda: time_spacy(texts, model, ["tok2vec", "ner"]),
            "spacy_default": lambda: time_spacy(texts, model, None),
            "kzx_workers_1": lambda: time_kzx_processing(corpus, Path(tmp) / "w1.jsonl"),
            "kzx_workers_1_no_parse": lambda: time_kzx_processing(corpus, Path(tmp) / "w1np.jsonl", no_parse),
        }
        if args.baseline:
            source = checkout(args.baseline, Path(tmp) / "baseline")
            cases["kzx_workers_1_baseline"] = lambda: time_kzx_processing(
                corpus, Path(tmp) / "base.jsonl", source=source)
        rounds = paired_rounds(cases, args.rounds, words)
        runs = {name: fastest(results) for name, results in rounds.items()}
        runs["kzx_workers_2"] = time_kzx(corpus, Path(tmp) / "w2.jsonl", 2)
        identical = (Path(tmp) / "w1.jsonl").read_bytes() == (Path(tmp) / "w2.jsonl").read_bytes()
        # Flat memory: the same run on a tenth of the corpus.
        small = Path(tmp) / "small"
        small.mkdir()
        make_corpus(args.raw, small, max(1, args.copies // 10))
        runs["kzx_workers_1_tenth"] = time_kzx(small, Path(tmp) / "small.jsonl", 1)
        small_words = sum(len(WORD.findall(p.read_text())) for p in small.iterdir())
    for name in ("kzx_workers_2", "kzx_workers_1_tenth"):
        runs[name]["words_per_second"] = round((small_words if name.endswith("tenth") else words) / runs[name]["seconds"])
    wps = {name: run["words_per_second"] for name, run in runs.items()}
    pairs = {
        "kzx_w1_vs_spacy_tok2vec_ner": ("kzx_workers_1", "spacy_tok2vec_ner"),
        "kzx_w1_vs_spacy_default": ("kzx_workers_1", "spacy_default"),
        "kzx_w1_vs_kzx_w1_no_parse": ("kzx_workers_1", "kzx_workers_1_no_parse"),
    }
    if args.baseline:
        pairs["kzx_w1_vs_baseline"] = ("kzx_workers_1", "kzx_workers_1_baseline")
    by_round = {ratio: [round(a["words_per_second"] / b["words_per_second"], 2)
                        for a, b in zip(rounds[x], rounds[y])] for ratio, (x, y) in pairs.items()}
    # CPU time does not count the spells the machine gave the process no core.
    by_round.update({f"{ratio}_cpu": [round(b["cpu_seconds"] / a["cpu_seconds"], 2)
                                      for a, b in zip(rounds[x], rounds[y])]
                     for ratio, (x, y) in pairs.items() if ratio != "kzx_w1_vs_spacy_tok2vec_ner"})
    # The stricter view: kzx's whole command (imports, model loading) against spaCy's loop.
    by_round["kzx_w1_command_vs_spacy_default"] = [
        round(b["seconds"] / a["command_seconds"], 2) for a, b in zip(rounds["kzx_workers_1"], rounds["spacy_default"])]
    result = {
        "documents": len(texts),
        "words": words,
        "cores": os.cpu_count(),
        "rounds": args.rounds,
        "baseline": args.baseline,
        "runs": runs,
        "runs_by_round": rounds,
        "ratios": {
            **{ratio: statistics.median(values) for ratio, values in by_round.items()},
            "kzx_w2_vs_kzx_w1": round(wps["kzx_workers_2"] / wps["kzx_workers_1"], 2),
            "peak_memory_corpus_vs_tenth": round(
                max(r["peak_rss_mb"] for r in rounds["kzx_workers_1"]) / runs["kzx_workers_1_tenth"]["peak_rss_mb"], 2
            ),
        },
        "ratios_by_round": by_round,
        "workers_output_identical": identical,
        "saved_pages": pages,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"{len(texts)} documents, {words} words, {os.cpu_count()} cores, {args.rounds} rounds")
    for name, results in rounds.items():
        each = " ".join(f"{r['words_per_second']:>6}" for r in results)
        whole = " ".join(f"{r['command_seconds']:.1f}" for r in results)
        cpu = " ".join(f"{r['cpu_seconds']:.1f}" for r in results)
        print(f"{name:24} words/s by round: {each}   peak {max(r['peak_rss_mb'] for r in results)} MB"
              f"   (CPU s: {cpu}; whole child, s: {whole})")
    for name in ("kzx_workers_2", "kzx_workers_1_tenth"):
        run = runs[name]
        print(f"{name:24} {run['words_per_second']:>6} words/s  {run['seconds']:>8.2f} s  peak {run['peak_rss_mb']} MB")
    for name, ratio in result["ratios"].items():
        rounds_of = by_round.get(name)
        print(f"{name:32} {ratio}x" + (f"   (median of {' '.join(map(str, rounds_of))})" if rounds_of else ""))
    print(f"workers 1 and 2 give identical output: {identical}")
    print(f"written to {args.out}")
    return result


if __name__ == "__main__":
    main()
