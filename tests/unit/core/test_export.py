"""Copying outputs out: Save As, Export with name clashes, and moving the outputs folder."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from fizzly_desktop.core.export import (
    export_files,
    format_size,
    free_target,
    relocate,
    relocated_path,
    save_copy,
    saved_files,
    sidecar_of,
    suggested_name,
)


def saved(folder: Path, name: str, data: bytes = b"png", sidecar: str | None = "{}") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    image = folder / name
    image.write_bytes(data)
    if sidecar is not None:
        sidecar_of(image).write_text(sidecar, encoding="utf-8")
    return image


def test_a_free_name_skips_taken_files_and_sidecars(tmp_path: Path) -> None:
    saved(tmp_path, "a.png")
    assert free_target(tmp_path, "a.png") == tmp_path / "a (2).png"
    assert free_target(tmp_path, "b.png") == tmp_path / "b.png"
    (tmp_path / "c.json").write_text("{}")  # someone else's file with the sidecar's name
    assert free_target(tmp_path, "c.png") == tmp_path / "c (2).png"
    assert free_target(tmp_path, "d.png", taken=["D.PNG"]) == tmp_path / "d (2).png"


def test_export_copies_files_and_sidecars_without_overwriting(tmp_path: Path) -> None:
    one = saved(tmp_path / "run1", "out.png", b"first", '{"run": 1}')
    two = saved(tmp_path / "run2", "out.png", b"second", '{"run": 2}')
    target = tmp_path / "picks"
    existing = saved(target, "out.png", b"mine", None)

    result = export_files([one, two], target)

    assert existing.read_bytes() == b"mine"
    assert result.exported == [target / "out (2).png", target / "out (3).png"]
    assert (target / "out (2).png").read_bytes() == b"first"
    assert (target / "out (2).json").read_text() == '{"run": 1}'
    assert (target / "out (3).png").read_bytes() == b"second"
    assert (target / "out (3).json").read_text() == '{"run": 2}'
    assert result.failed == []
    assert result.summary() == f"2 images exported to {target}"


def test_export_goes_on_past_a_missing_file_and_says_so(tmp_path: Path) -> None:
    good = saved(tmp_path / "src", "good.png")
    result = export_files([tmp_path / "src" / "gone.png", good], tmp_path / "out")
    assert result.exported == [tmp_path / "out" / "good.png"]
    assert [path.name for path, _ in result.failed] == ["gone.png"]
    assert result.summary().startswith(f"1 image exported to {tmp_path / 'out'}; 1 could not")


def test_export_without_sidecars_copies_only_images(tmp_path: Path) -> None:
    image = saved(tmp_path / "src", "a.png")
    export_files([image], tmp_path / "out", with_sidecars=False)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.png"]


def test_save_copy_takes_the_sidecar_only_when_asked(tmp_path: Path) -> None:
    image = saved(tmp_path / "src", "a.png", b"img", '{"x": 1}')
    save_copy(image, tmp_path / "mine" / "fox.png", with_sidecar=False)
    assert not (tmp_path / "mine" / "fox.json").exists()
    save_copy(image, tmp_path / "mine" / "fox2.png", with_sidecar=True)
    assert (tmp_path / "mine" / "fox2.png").read_bytes() == b"img"
    assert (tmp_path / "mine" / "fox2.json").read_text() == '{"x": 1}'


def test_copies_follow_the_umask(tmp_path: Path) -> None:
    image = saved(tmp_path / "src", "a.png")
    os.chmod(image, 0o600)
    previous = os.umask(0o022)
    try:
        result = export_files([image], tmp_path / "out")
    finally:
        os.umask(previous)
    assert stat.S_IMODE(result.exported[0].stat().st_mode) == 0o644


@pytest.mark.parametrize("move", [True, False])
def test_relocating_keeps_the_layout_and_sidecars(tmp_path: Path, move: bool) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    a = saved(old / "me" / "flow" / "2026-12-05", "a.png", b"aa", "{}")
    b = saved(old / "me" / "flow" / "2026-12-05", "b.png", b"bbb", None)
    outside = saved(tmp_path / "elsewhere", "c.png")
    files = saved_files(old, [a, b, outside, old / "missing.png"])
    assert files.images == (a, b)
    assert files.total_bytes == 2 + 2 + 3
    assert files.describe() == "2 images (7 bytes)"
    clash = saved(new / "me" / "flow" / "2026-12-05", "a.png", b"theirs", None)

    result = relocate(files, new, move=move)

    day = new / "me" / "flow" / "2026-12-05"
    assert result.moved == {a: day / "a (2).png", b: day / "b.png"}
    assert clash.read_bytes() == b"theirs"
    assert (day / "a (2).json").read_text() == "{}"
    assert a.exists() is (not move)
    assert (old / "me").exists() is (not move)  # emptied folders are tidied after a move
    assert relocated_path(sidecar_of(a), result.moved) == day / "a (2).json"
    assert relocated_path(outside, result.moved) == outside


def test_sizes_read_as_people_say_them() -> None:
    assert format_size(812) == "812 bytes"
    assert format_size(81_200) == "81 KB"
    assert format_size(3_400_000) == "3.4 MB"
    assert format_size(12_000_000_000) == "12.0 GB"


def test_a_suggested_name_says_what_the_picture_is() -> None:
    inputs = {"prompt": "a red kite\nover the hills at dawn, oil painting, warm", "seed": 42}
    assert suggested_name(".webp", inputs, "Text to image") == (
        "a red kite over the hills at dawn, · seed 42.webp"
    )
    assert suggested_name(".png", {"prompt": 'a/b: "c"?'}, "Flow") == "a b c.png"
    assert suggested_name(".png", {"prompt": "  "}, "Text to image") == "Text to image.png"
    assert suggested_name(".png", {"seed": True}, "Flow") == "Flow.png"
