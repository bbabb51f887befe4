"""read_json / write_json_atomic: whole documents in, the old file or the new one on disk."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fizzly_desktop.core.jsonfile import read_json, write_json_atomic


def test_written_document_reads_back_as_readable_text(tmp_path: Path) -> None:
    path = tmp_path / "deeper" / "profiles.json"
    document = {"name": "Café", "items": [1, 2.5, None, True]}
    write_json_atomic(path, document)
    assert read_json(path) == document
    text = path.read_text(encoding="utf-8")
    assert "Café" in text  # not \u00e9: people open these files
    assert text.endswith("}\n")
    assert [p.name for p in path.parent.iterdir()] == ["profiles.json"]


def test_a_failed_replace_keeps_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "library.json"
    write_json_atomic(path, {"version": 1})

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("fizzly_desktop.core.jsonfile.os.replace", refuse)
    with pytest.raises(OSError, match="No space left"):
        write_json_atomic(path, {"version": 2})
    assert json.loads(path.read_text(encoding="utf-8")) == {"version": 1}
    assert [p.name for p in tmp_path.iterdir()] == ["library.json"]


def test_unserialisable_document_leaves_nothing_behind(tmp_path: Path) -> None:
    path = tmp_path / "library.json"
    with pytest.raises(TypeError):
        write_json_atomic(path, {"when": object()})
    assert list(tmp_path.iterdir()) == []


def test_reading_missing_damaged_and_deep_files(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_json(tmp_path / "none.json")
    broken = tmp_path / "broken.json"
    broken.write_text('{"profiles": [', encoding="utf-8")
    with pytest.raises(json.JSONDecodeError):
        read_json(broken)
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\xff\xfe\x00{")
    with pytest.raises(ValueError):
        read_json(binary)
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(ValueError, match="nested too deeply"):
        read_json(deep)
