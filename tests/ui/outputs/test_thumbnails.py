"""Thumbnails and full images: real files decoded in worker threads, delivered on the GUI thread."""

from __future__ import annotations

import os
import struct
import sys
import threading
import zlib
from pathlib import Path

import pytest
import shiboken6
from PIL import Image
from PySide6.QtCore import QThread
from PySide6.QtGui import QColor, QImage, QImageReader, QImageWriter
from PySide6.QtWidgets import QApplication

from fizzly_desktop.ui.outputs.thumbnails import (
    OUTPUT_IMAGE_FORMATS,
    FullImageLoader,
    ThumbnailLoader,
    decode_image,
)


def write_image(path: Path, width: int, height: int, color: str = "#3a7bd5") -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    assert image.save(str(path)), f"could not write {path}"
    return path


def write_bomb_png(path: Path, width: int = 30000, height: int = 30000) -> Path:
    """A valid PNG header claiming a huge picture, in a file of a few dozen bytes."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )
    return path


def test_png_jpeg_and_webp_are_readable_and_writable() -> None:
    readable = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    writable = {bytes(f.data()).decode() for f in QImageWriter.supportedImageFormats()}
    for fmt in OUTPUT_IMAGE_FORMATS:
        assert fmt in readable
        assert fmt in writable


@pytest.mark.parametrize("suffix", ["png", "jpg", "webp"])
def test_thumbnail_is_decoded_in_a_worker_and_scaled_to_fit(
    qtbot, loader: ThumbnailLoader, tmp_path: Path, suffix: str
) -> None:
    path = write_image(tmp_path / f"out.{suffix}", 400, 200, "#20a040")
    with qtbot.waitSignal(loader.thumbnail_ready, timeout=10_000) as blocker:
        assert loader.request(path, 128) is None
    assert blocker.args == [str(path), 128]

    pixmap = loader.request(path, 128)
    assert pixmap is not None
    assert (pixmap.width(), pixmap.height()) == (128, 64)
    centre = pixmap.toImage().pixelColor(64, 32)
    assert abs(centre.green() - 0xA0) <= 6
    assert abs(centre.red() - 0x20) <= 6


def test_webp_written_by_another_encoder_decodes(
    qtbot, loader: ThumbnailLoader, tmp_path: Path
) -> None:
    path = tmp_path / "pillow.webp"
    Image.new("RGB", (300, 300), (200, 30, 30)).save(path, "WEBP")
    with qtbot.waitSignal(loader.thumbnail_ready, timeout=10_000):
        loader.request(path, 96)
    pixmap = loader.cached(path, 96)
    assert pixmap is not None
    assert pixmap.size().toTuple() == (96, 96)


def test_small_images_are_not_enlarged(qtbot, loader: ThumbnailLoader, tmp_path: Path) -> None:
    path = write_image(tmp_path / "small.png", 40, 30)
    with qtbot.waitSignal(loader.thumbnail_ready, timeout=10_000):
        loader.request(path, 256)
    pixmap = loader.cached(path, 256)
    assert pixmap is not None
    assert pixmap.size().toTuple() == (40, 30)


def test_cache_hit_returns_at_once_without_queueing(
    qtbot, loader: ThumbnailLoader, tmp_path: Path
) -> None:
    path = write_image(tmp_path / "a.webp", 256, 256)
    with qtbot.waitSignal(loader.thumbnail_ready, timeout=10_000):
        loader.request(path, 64)
    first = loader.request(path, 64)
    with (
        qtbot.assertNotEmitted(loader.thumbnail_ready, wait=50),
        qtbot.assertNotEmitted(loader.thumbnail_failed),
    ):
        second = loader.request(path, 64)
        assert not loader.is_busy()
    assert first is not None
    assert second is not None
    assert second.cacheKey() == first.cacheKey()


def test_repeated_requests_while_pending_decode_once(
    qtbot, loader: ThumbnailLoader, tmp_path: Path
) -> None:
    path = write_image(tmp_path / "a.png", 512, 512)
    ready: list[tuple[str, int]] = []
    loader.thumbnail_ready.connect(lambda p, s: ready.append((p, s)))
    for _ in range(5):
        loader.request(path, 64)
    qtbot.waitUntil(lambda: not loader.is_busy() and bool(ready), timeout=10_000)
    QApplication.processEvents()
    assert ready == [(str(path), 64)]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "damaged or incomplete"),
        (b"just some text, not a picture", "not a picture the app can read"),
        (None, "missing"),
    ],
    ids=["truncated-png", "not-an-image", "missing-file"],
)
def test_undecodable_file_is_reported_in_plain_words_and_remembered(
    qtbot, loader: ThumbnailLoader, tmp_path: Path, content: bytes | None, expected: str
) -> None:
    path = tmp_path / "broken.png"
    if content is not None:
        path.write_bytes(content)
    with qtbot.waitSignal(loader.thumbnail_failed, timeout=10_000) as blocker:
        loader.request(path, 128)
    assert blocker.args[0] == str(path)
    assert expected in blocker.args[1]
    assert loader.failure(path) == blocker.args[1]

    with qtbot.assertNotEmitted(loader.thumbnail_failed, wait=50):
        assert loader.request(path, 256) is None
        assert not loader.is_busy()


def test_half_written_png_is_damaged(qtbot, loader: ThumbnailLoader, tmp_path: Path) -> None:
    whole = write_image(tmp_path / "whole.png", 300, 300).read_bytes()
    path = tmp_path / "half.png"
    path.write_bytes(whole[: len(whole) // 2])
    with qtbot.waitSignal(loader.thumbnail_failed, timeout=10_000) as blocker:
        loader.request(path, 64)
    assert "damaged" in blocker.args[1]


def test_forget_allows_a_retry_after_the_file_is_fixed(
    qtbot, loader: ThumbnailLoader, tmp_path: Path
) -> None:
    path = tmp_path / "late.png"
    path.write_bytes(b"not yet")
    with qtbot.waitSignal(loader.thumbnail_failed, timeout=10_000):
        loader.request(path, 64)
    write_image(path, 100, 100)
    loader.forget(path)
    assert loader.failure(path) is None
    with qtbot.waitSignal(loader.thumbnail_ready, timeout=10_000):
        assert loader.request(path, 64) is None
    assert loader.cached(path, 64) is not None


def test_huge_image_header_is_refused_before_decoding(
    qtbot, loader: ThumbnailLoader, tmp_path: Path
) -> None:
    path = write_bomb_png(tmp_path / "bomb.png")
    assert path.stat().st_size < 200
    with qtbot.waitSignal(loader.thumbnail_failed, timeout=10_000) as blocker:
        loader.request(path, 128)
    assert "too large to open safely" in blocker.args[1]
    assert "30000 × 30000" in blocker.args[1]


def test_allocation_limit_is_configurable(tmp_path: Path) -> None:
    path = write_image(tmp_path / "mid.png", 1200, 1200)  # needs about 5.5 MB decoded
    assert decode_image(path, 0, allocation_limit_mb=4).image is None
    result = decode_image(path, 0, allocation_limit_mb=8)
    assert result.image is not None
    assert result.image.size().toTuple() == (1200, 1200)


def test_cache_is_bounded_by_count_least_recently_used_first(qtbot, tmp_path: Path) -> None:
    loader = ThumbnailLoader(max_count=3, keep_recent_s=0.0)
    try:
        paths = [write_image(tmp_path / f"{i}.png", 64, 64) for i in range(4)]
        for path in paths[:3]:
            with qtbot.waitSignal(loader.thumbnail_ready, timeout=10_000):
                loader.request(path, 32)
        assert loader.request(paths[0], 32) is not None  # now the most recently used
        with qtbot.waitSignal(loader.thumbnail_ready, timeout=10_000):
            loader.request(paths[3], 32)
        assert loader.cache_count == 3
        assert loader.cached(paths[1], 32) is None
        assert loader.cached(paths[0], 32) is not None
        assert loader.cached(paths[3], 32) is not None
    finally:
        assert loader.shutdown()


def test_cache_is_bounded_by_bytes(qtbot, tmp_path: Path) -> None:
    one_thumbnail = 100 * 100 * 4
    loader = ThumbnailLoader(max_bytes=2 * one_thumbnail + 10, keep_recent_s=0.0)
    try:
        for i in range(4):
            path = write_image(tmp_path / f"{i}.png", 100, 100)
            with qtbot.waitSignal(loader.thumbnail_ready, timeout=10_000):
                loader.request(path, 100)
            assert loader.cache_bytes <= 2 * one_thumbnail + 10
        assert loader.cache_count == 2
    finally:
        assert loader.shutdown()


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def show_screen(qtbot, loader: ThumbnailLoader, paths: list[Path], size: int) -> None:
    """Paint a screen of thumbnails: ask for each, wait for the decodes, paint again."""
    for path in paths:
        loader.request(path, size)
    qtbot.waitUntil(lambda: not loader.is_busy(), timeout=10_000)
    for path in paths:
        assert loader.request(path, size) is not None, path


def test_scrolling_through_many_keeps_the_cache_to_its_budget(qtbot, tmp_path: Path) -> None:
    one_thumbnail = 64 * 64 * 4
    clock = FakeClock()
    loader = ThumbnailLoader(max_bytes=10 * one_thumbnail, keep_recent_s=1.0, clock=clock)
    try:
        paths = [write_image(tmp_path / f"{i}.png", 64, 64) for i in range(60)]
        # Fifteen screens of four, half a second each: 60 thumbnails decoded in all.
        for screen in range(15):
            show_screen(qtbot, loader, paths[screen * 4 : (screen + 1) * 4], 64)
            assert loader.cache_bytes <= 10 * one_thumbnail
            clock.now += 0.5
        assert loader.cache_count == 10
        # What stays is what was on screen last, and the screens just before it.
        assert all(loader.cached(path, 64) is not None for path in paths[-10:])
        assert all(loader.cached(path, 64) is None for path in paths[:-10])
    finally:
        assert loader.shutdown()


def test_a_screen_larger_than_the_budget_is_kept_whole_while_shown(qtbot, tmp_path: Path) -> None:
    one_thumbnail = 64 * 64 * 4
    clock = FakeClock()
    loader = ThumbnailLoader(max_bytes=2 * one_thumbnail, keep_recent_s=1.0, clock=clock)
    try:
        paths = [write_image(tmp_path / f"{i}.png", 64, 64) for i in range(6)]
        show_screen(qtbot, loader, paths[:5], 64)
        assert loader.cache_count == 5  # over the budget: every one is on screen
        # Scrolled on: the next thumbnail brings the cache back within its budget.
        clock.now += 2.0
        show_screen(qtbot, loader, paths[5:], 64)
        assert loader.cache_count == 2
        assert loader.cache_bytes <= 2 * one_thumbnail
    finally:
        assert loader.shutdown()


def test_a_screen_kept_past_the_budget_is_let_go_once_scrolling_stops(
    qtbot, tmp_path: Path
) -> None:
    one_thumbnail = 64 * 64 * 4
    clock = FakeClock()
    loader = ThumbnailLoader(max_bytes=2 * one_thumbnail, keep_recent_s=0.05, clock=clock)
    try:
        paths = [write_image(tmp_path / f"{i}.png", 64, 64) for i in range(5)]
        show_screen(qtbot, loader, paths, 64)
        assert loader.cache_count == 5  # all on screen just now
        # Nothing else is decoded (the scrolling stopped): the cache still comes back to its
        # budget once they are no longer recent, keeping the last ones asked for.
        clock.now += 1.0
        qtbot.waitUntil(lambda: loader.cache_count == 2, timeout=5_000)
        assert loader.cache_bytes <= 2 * one_thumbnail
        assert loader.cached(paths[-1], 64) is not None
        assert loader.cached(paths[0], 64) is None
    finally:
        assert loader.shutdown()


def test_shutdown_drops_queued_work_and_reports_nothing_after(
    qtbot, loader: ThumbnailLoader, tmp_path: Path
) -> None:
    path = write_image(tmp_path / "many.webp", 1024, 1024)
    copies = []
    for i in range(40):
        copy = tmp_path / f"copy{i}.webp"
        copy.write_bytes(path.read_bytes())
        copies.append(copy)
    for copy in copies:
        loader.request(copy, 256)
    assert loader.is_busy()
    with (
        qtbot.assertNotEmitted(loader.thumbnail_ready, wait=100),
        qtbot.assertNotEmitted(loader.thumbnail_failed),
    ):
        assert loader.shutdown()
        assert not loader.is_busy()
        assert loader.request(copies[0], 256) is None
    assert loader.cache_count == 0


@pytest.mark.parametrize("how", ["deleteLater", "delete-now"])
def test_deleting_the_loader_while_jobs_run_is_harmless(qtbot, tmp_path: Path, how: str) -> None:
    source = write_image(tmp_path / "src.webp", 1024, 1024)
    loader = ThumbnailLoader()
    queue = loader._queue
    for i in range(20):
        copy = tmp_path / f"c{i}.webp"
        copy.write_bytes(source.read_bytes())
        loader.request(copy, 128)
    assert queue.busy
    if how == "deleteLater":
        loader.deleteLater()
        deleted = loader
        qtbot.waitUntil(lambda: not shiboken6.isValid(deleted), timeout=5_000)
        del deleted
    else:
        shiboken6.delete(loader)
    del loader
    qtbot.waitUntil(lambda: not queue.busy, timeout=10_000)
    QApplication.processEvents()  # results already in flight are delivered to nobody


def test_decoding_happens_off_the_gui_thread(qtbot, monkeypatch, tmp_path: Path) -> None:
    from fizzly_desktop.ui.outputs import thumbnails

    threads: list[QThread] = []
    real_decode = thumbnails.decode_image

    def spying_decode(path: Path, max_side: int, limit: int) -> thumbnails.DecodeResult:
        threads.append(QThread.currentThread())
        return real_decode(path, max_side, limit)

    monkeypatch.setattr(thumbnails, "decode_image", spying_decode)
    loader = ThumbnailLoader()
    try:
        with qtbot.waitSignal(loader.thumbnail_ready, timeout=10_000):
            loader.request(write_image(tmp_path / "x.png", 64, 64), 32)
    finally:
        assert loader.shutdown()
    assert len(threads) == 1
    assert threads[0] is not QApplication.instance().thread()


def test_full_image_loader_decodes_at_full_size(qtbot, tmp_path: Path) -> None:
    loader = FullImageLoader()
    try:
        path = write_image(tmp_path / "big.webp", 1500, 900)
        with qtbot.waitSignal(loader.image_loaded, timeout=10_000) as blocker:
            loader.load(path)
        assert blocker.args[0] == str(path)
        assert blocker.args[1].size().toTuple() == (1500, 900)
    finally:
        assert loader.shutdown()


def test_full_image_loader_reports_only_the_latest_request(qtbot, tmp_path: Path) -> None:
    loader = FullImageLoader()
    loaded: list[str] = []
    loader.image_loaded.connect(lambda p, _img: loaded.append(p))
    try:
        first = write_image(tmp_path / "first.png", 2000, 2000)
        second = write_image(tmp_path / "second.png", 50, 50)
        loader.load(first)
        with qtbot.waitSignal(loader.image_loaded, timeout=10_000):
            loader.load(second)
        qtbot.waitUntil(lambda: not loader.is_busy(), timeout=10_000)
        QApplication.processEvents()
        assert loaded == [str(second)]
    finally:
        assert loader.shutdown()


def test_full_image_loader_reports_a_broken_file(qtbot, tmp_path: Path) -> None:
    loader = FullImageLoader()
    try:
        path = tmp_path / "broken.webp"
        path.write_bytes(b"RIFF\x00\x00\x00\x00WEBPVP8 garbage")
        with qtbot.waitSignal(loader.image_failed, timeout=10_000) as blocker:
            loader.load(path)
        assert blocker.args[0] == str(path)
        assert blocker.args[1].endswith(".")
    finally:
        assert loader.shutdown()


def test_only_output_formats_are_handed_to_qt() -> None:
    from fizzly_desktop.ui.outputs.thumbnails import sniff_format

    assert sniff_format(b"\x89PNG\r\n\x1a\n" + b"\0" * 8) == b"png"
    assert sniff_format(b"\xff\xd8\xff\xe0" + b"\0" * 12) == b"jpeg"
    assert sniff_format(b"RIFF\x10\0\0\0WEBPVP8 ") == b"webp"
    assert sniff_format(b"RIFF\x10\0\0\0WAVEfmt ") is None
    assert sniff_format(b"<svg xmlns='http") is None
    assert sniff_format(b"") is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread nice is Linux's")
def test_decoder_threads_run_below_the_gui_thread() -> None:
    from fizzly_desktop.ui.outputs import thumbnails

    seen: dict[str, int] = {}

    def worker() -> None:
        thumbnails._yield_to_the_gui_thread()
        thumbnails._yield_to_the_gui_thread()  # once per thread: not lowered twice
        seen["worker"] = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())

    before = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert seen["worker"] == min(19, before + thumbnails.DECODER_NICENESS)
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == before
