"""Input discovery, decoding, atomic writing."""

from __future__ import annotations

import os

import pytest

from kzx.io import AtomicLines, DecodeError, InputError, decode, discover


def test_directories_are_walked_recursively_by_pattern(tmp_path):
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("b")
    (tmp_path / "c.md").write_text("c")
    ids = [s.doc_id for s in discover([str(tmp_path)])]
    assert ids == ["a", "sub/b"]
    assert [s.doc_id for s in discover([str(tmp_path)], "*.md")] == ["c"]


def test_globs_are_expanded_and_duplicates_read_once(tmp_path):
    for name in ("x1.txt", "x2.txt", "y.txt"):
        (tmp_path / name).write_text(name)
    sources = discover([str(tmp_path / "x*.txt"), str(tmp_path / "x1.txt")])
    assert [s.doc_id for s in sources] == ["x1", "x2"]


def test_names_with_spaces_and_non_ascii(tmp_path):
    (tmp_path / "отчёт 2016.txt").write_text("text")
    assert [s.doc_id for s in discover([str(tmp_path)])] == ["отчёт 2016"]


@pytest.mark.parametrize("arg,reason", [("missing.txt", "no such file"), ("nomatch*.txt", "no file matches")])
def test_bad_inputs_name_the_argument(tmp_path, arg, reason):
    with pytest.raises(InputError, match=reason) as info:
        discover([str(tmp_path / arg)])
    assert arg in str(info.value)


@pytest.mark.parametrize(
    "data,text,encoding",
    [
        ("Суд".encode("utf-8"), "Суд", "utf-8"),
        ("\ufeffСуд".encode("utf-8"), "Суд", "utf-8-sig"),
        ("Суд постановил".encode("utf-16"), "Суд постановил", "utf-16"),
        ("Суд постановил оштрафовать журналиста".encode("cp1251"),
         "Суд постановил оштрафовать журналиста", "windows-1251"),
    ],
)
def test_decoding(data, text, encoding):
    decoded = decode(data)
    assert decoded.text == text
    assert decoded.encoding.replace("_", "-").lower() in {encoding, "cp1251"} or encoding == "windows-1251"


def test_binary_is_refused():
    with pytest.raises(DecodeError, match="binary"):
        decode(b"%PDF-1.4\x00\x00\x01\x02" * 100)


def test_atomic_lines_appear_only_on_commit(tmp_path):
    target = tmp_path / "out.jsonl"
    target.write_text("old\n")
    with AtomicLines(target) as fh:
        fh.write("new")
        assert target.read_text() == "old\n"
    assert target.read_text() == "new\n"


def test_atomic_lines_keep_the_old_file_on_failure(tmp_path):
    target = tmp_path / "out.jsonl"
    target.write_text("old\n")
    with pytest.raises(RuntimeError):
        with AtomicLines(target) as fh:
            fh.write("half")
            raise RuntimeError("crash")
    assert target.read_text() == "old\n"
    assert list(tmp_path.iterdir()) == [target]


def test_atomic_lines_give_ordinary_permissions(tmp_path):
    target = tmp_path / "out.jsonl"
    with AtomicLines(target) as fh:
        fh.write("x")
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask
