"""Input discovery and decoding; atomic JSONL writing.

Nothing here knows about NLP: it turns paths into decoded texts (or a reason why
not) and lines into files that readers never see half-written.
"""

from __future__ import annotations

import glob as globmod
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from charset_normalizer import from_bytes

GLOB_CHARS = set("*?[")
STDIN = "-"


class InputError(ValueError):
    """An input argument that names nothing readable (a usage error)."""


@dataclass(frozen=True)
class Source:
    """One input document before decoding: where it came from and its id."""

    path: str  # as shown to users and stored in records; "-" for stdin
    doc_id: str


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


# File signatures of formats that are saved as .txt by mistake.
MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or .docx/.xlsx)",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office document",
    b"\x7fELF": "an executable",
}
# Share of control characters above which decoded "text" is really binary.
MAX_CONTROL_SHARE = 0.05


class DecodeError(ValueError):
    def __init__(self, reason: str, encoding: str | None = None):
        super().__init__(reason)
        self.encoding = encoding


# What `kzx extract DIR` reads inside a directory: text, saved pages and PDFs.
DEFAULT_PATTERNS = ("*.txt", "*.html", "*.htm", "*.pdf")


def discover(inputs: Iterable[str], patterns: str | Sequence[str] = DEFAULT_PATTERNS) -> list[Source]:
    """Expand files, directories (recursively, by any of `patterns`) and globs into sources.

    Order is stable (sorted within each argument) so runs are reproducible;
    a document named twice is read once.
    """
    if isinstance(patterns, str):
        patterns = (patterns,)
    sources: list[Source] = []
    seen: set[str] = set()
    for arg in inputs:
        for source in _expand(arg, patterns):
            key = source.path if source.path == STDIN else os.path.realpath(source.path)
            if key not in seen:
                seen.add(key)
                sources.append(source)
    return sources


def _expand(arg: str, patterns: Sequence[str]) -> Iterator[Source]:
    if arg == STDIN:
        yield Source(STDIN, "stdin")
        return
    path = Path(arg)
    if path.is_dir():
        # Broken links are kept so that the read stage reports them by name.
        found = {p for pattern in patterns for p in path.rglob(pattern)}
        files = sorted(p for p in found if p.is_file() or _broken_link(p))
        for file in files:
            yield Source(str(file), file.relative_to(path).with_suffix("").as_posix())
        return
    if path.is_file():
        yield Source(str(path), path.stem)
        return
    if GLOB_CHARS & set(arg):
        matches = sorted(m for m in globmod.glob(arg, recursive=True) if Path(m).is_file())
        if not matches:
            raise InputError(f"{arg}: no file matches this pattern")
        for match in matches:
            yield Source(match, Path(match).stem)
        return
    if path.exists():
        raise InputError(f"{arg}: not a regular file or directory")
    raise InputError(f"{arg}: no such file or directory")


def _broken_link(path: Path) -> bool:
    return path.is_symlink() and not path.exists()


def read_bytes(source: Source) -> bytes:
    if source.path == STDIN:
        return sys.stdin.buffer.read()
    return Path(source.path).read_bytes()


def decode(data: bytes) -> Decoded:
    """Decode bytes of unknown encoding, or say why they are not text.

    >>> decode("Суд в Алматы оштрафовал журналиста".encode("cp1251")).text
    'Суд в Алматы оштрафовал журналиста'
    >>> decode(b"\\xef\\xbb\\xbfplain").encoding
    'utf-8-sig'
    """
    for magic, kind in MAGIC.items():
        if data.startswith(magic):
            raise DecodeError(f"binary file ({kind}), not text")
    if data.startswith(b"\xef\xbb\xbf"):
        return Decoded(data[3:].decode("utf-8", errors="replace"), "utf-8-sig")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Decoded(data.decode("utf-16", errors="replace"), "utf-16")
    head = data[:4096]
    if b"\x00" in head:
        # UTF-16 without a byte-order mark has a NUL in every other byte.
        for encoding, nuls in (("utf-16-le", head[1::2]), ("utf-16-be", head[0::2])):
            if nuls.count(0) > 0.9 * len(nuls):
                return Decoded(data.decode(encoding, errors="replace"), encoding)
        raise DecodeError("binary content (NUL bytes), not text")
    try:
        return _checked(Decoded(data.decode("utf-8"), "utf-8"))
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise DecodeError("no text encoding fits these bytes (binary file?)")
    return _checked(Decoded(str(best), best.encoding))


def _checked(decoded: Decoded) -> Decoded:
    sample = decoded.text[:20_000]
    controls = sum(1 for c in sample if c < " " and c not in "\n\r\t\f\v")
    if sample and controls > MAX_CONTROL_SHARE * len(sample):
        raise DecodeError(
            f"binary content ({controls} control characters in the first {len(sample)}), not text",
            decoded.encoding,
        )
    return decoded


class AtomicLines:
    """Write lines to a temporary file beside `path`, renamed into place on commit.

    A reader of `path` sees the old file or the complete new one, never a part.
    `path` "-" writes straight to stdout.
    """

    def __init__(self, path: str | Path):
        self.path = str(path)
        self._tmp: str | None = None
        self._fh: IO[str]
        if self.path == STDIN:
            self._fh = sys.stdout
        else:
            target = Path(self.path)
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, self._tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
            os.chmod(self._tmp, 0o666 & ~_umask())  # mkstemp's 0600 would hide outputs from colleagues
            self._fh = os.fdopen(fd, "w", encoding="utf-8", newline="\n")

    def write(self, line: str) -> None:
        self._fh.write(line)
        self._fh.write("\n")

    def commit(self) -> None:
        if self._tmp is None:
            self._fh.flush()
            return
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self._fh.close()
        os.replace(self._tmp, self.path)
        self._tmp = None

    def abort(self) -> None:
        if self._tmp is not None:
            self._fh.close()
            os.unlink(self._tmp)
            self._tmp = None

    def __enter__(self) -> AtomicLines:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.abort()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


class PartialLines:
    """The records output: appended line by line to `PATH.partial`, renamed to PATH when complete.

    Every line is flushed as it is written, so a run that is killed leaves a
    `.partial` file of complete lines (at most one torn last line, which
    `resume` drops); `kzx extract --resume` continues from it.
    """

    def __init__(self, path: str | Path, resume: bool = False):
        self.path = Path(path)
        self.partial = self.path.with_name(self.path.name + ".partial")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.done: list[str] = []
        if resume:
            self.done = self._recover()
        self._fh = self.partial.open("a" if resume else "w", encoding="utf-8", newline="\n")

    def _recover(self) -> list[str]:
        """Complete lines of an earlier run (its .partial, else its finished output)."""
        if not self.partial.exists():
            if not self.path.exists():
                return []
            self.partial.write_bytes(self.path.read_bytes())
        data = self.partial.read_bytes()
        complete = data[: data.rfind(b"\n") + 1]
        if len(complete) != len(data):
            with self.partial.open("r+b") as fh:
                fh.truncate(len(complete))
        return complete.decode("utf-8", errors="replace").splitlines()

    def write(self, line: str) -> None:
        self._fh.write(line + "\n")
        self._fh.flush()

    def commit(self) -> None:
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self._fh.close()
        os.replace(self.partial, self.path)

    def close(self) -> None:
        """Stop without completing: the .partial file stays for --resume."""
        if not self._fh.closed:
            self._fh.flush()
            self._fh.close()
