"""Image decoding off the GUI thread: cached thumbnails and full-size images for the viewer.

Decoding a 1024×1024 WebP takes tens of milliseconds, long enough to stutter a scrolling
gallery, so every decode runs in a worker thread and only the cheap ``QImage → QPixmap``
conversion happens on the GUI thread (pixmaps may only be made there).

Results travel back through one application-lifetime relay object that never dies while a
worker can still emit on it; each result carries a weak reference to the loader that asked, so a
loader deleted while its jobs run simply never hears back, instead of crashing the app.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import logging
import os
import sys
import threading
import time
import weakref
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, QSize, Qt, QThread, QThreadPool, QTimer, Signal
from PySide6.QtGui import QImage, QImageReader, QPixmap

from fizzly_desktop.api.sniff import SNIFF_BYTES
from fizzly_desktop.core.i18n import QT_TRANSLATE_NOOP
from fizzly_desktop.ui.gui_relay import GuiRelay, gui_relay
from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.outputs.media_thumbs import media_thumbnail

log = logging.getLogger(__name__)

#: Decodes needing more memory than this are refused: a small file can claim a huge picture.
DEFAULT_ALLOCATION_LIMIT_MB = 256

#: Formats an output can come in; all three are read by Qt's bundled image plugins.
OUTPUT_IMAGE_FORMATS = ("png", "jpeg", "webp")


# --- decoding (runs in worker threads; no QPixmap, no widgets) -----------------------------------


@dataclass(frozen=True)
class DecodeResult:
    """What a worker produced: an image, or a plain-language reason why there is none."""

    image: QImage | None
    reason: str | None
    original_size: QSize


NOT_A_PICTURE = QT_TRANSLATE_NOOP(
    "Thumbnails", "This file is not a picture the app can read (PNG, JPEG or WebP)."
)

_SIGNATURES: tuple[tuple[bytes, int, bytes], ...] = (
    # (bytes, at offset, Qt format name)
    (b"\x89PNG\r\n\x1a\n", 0, b"png"),
    (b"\xff\xd8\xff", 0, b"jpeg"),
    (b"WEBP", 8, b"webp"),
    (b"GIF87a", 0, b"gif"),
    (b"GIF89a", 0, b"gif"),
    (b"BM", 0, b"bmp"),
)


def sniff_format(head: bytes) -> bytes | None:
    """The image format a file's first 16 bytes announce, or None when it is none of ours."""
    for signature, offset, name in _SIGNATURES:
        if head[offset : offset + len(signature)] == signature:
            if name == b"webp" and not head.startswith(b"RIFF"):
                continue
            return name
    return None


def _read_head(path: Path, head: bytes) -> bytes:
    """More of the file's first bytes, enough to tell a media format (16 tell a picture)."""
    try:
        with path.open("rb") as file:
            return file.read(SNIFF_BYTES)
    except OSError:
        return head


def decode_image(path: Path, max_side: int, allocation_limit_mb: int) -> DecodeResult:
    """Read ``path`` into a QImage no larger than ``max_side`` on its long side (0 = full size).

    Refuses, before decoding anything, an image whose header claims more pixels than
    ``allocation_limit_mb`` allows; Qt's own allocation limit stays on as a second guard for
    files whose header lies. Safe to call from any thread.
    """
    try:
        with path.open("rb") as file:
            head = file.read(16)
    except FileNotFoundError:
        return DecodeResult(
            None,
            translate("Thumbnails", "The file is missing: it may have been moved or deleted."),
            QSize(),
        )
    except OSError:
        return DecodeResult(
            None,
            translate(
                "Thumbnails",
                "The file could not be read; check that it is still there and readable.",
            ),
            QSize(),
        )
    image_format = sniff_format(head)
    if image_format is None:
        # A video, sound, 3D model or other file gets its poster, waveform or card instead.
        media = media_thumbnail(path, _read_head(path, head), max_side)
        if media is not None:
            return DecodeResult(media, None, media.size())
        # Only the formats outputs come in are decoded: anything else is refused from its first
        # bytes, without handing the file to every image plugin Qt has in turn.
        return DecodeResult(None, translate("Thumbnails", NOT_A_PICTURE), QSize())
    reader = QImageReader(str(path), image_format)
    reader.setDecideFormatFromContent(False)
    reader.setAutoTransform(True)
    reader.setAllocationLimit(allocation_limit_mb)
    # canRead() first: a failed size() on a damaged file makes a later canRead() say False.
    if not reader.canRead():
        recognized = bool(reader.format())
        return DecodeResult(None, _plain_reason(reader, path, recognized=recognized), QSize())
    original = reader.size()
    if original.isValid():
        needed = original.width() * original.height() * 4
        if needed > allocation_limit_mb * 1024 * 1024:
            return DecodeResult(
                None,
                translate(
                    "Thumbnails",
                    "The image is too large to open safely ({width} × {height} pixels).",
                ).format(width=original.width(), height=original.height()),
                original,
            )
        if max_side > 0 and max(original.width(), original.height()) > max_side:
            reader.setScaledSize(
                original.scaled(max_side, max_side, Qt.AspectRatioMode.KeepAspectRatio)
            )
    image = reader.read()
    if image.isNull():
        return DecodeResult(None, _plain_reason(reader, path, recognized=True), original)
    return DecodeResult(image, None, original)


def _plain_reason(reader: QImageReader, path: Path, *, recognized: bool) -> str:
    error = reader.error()
    if error == QImageReader.ImageReaderError.FileNotFoundError or not path.exists():
        return translate("Thumbnails", "The file is missing: it may have been moved or deleted.")
    if error == QImageReader.ImageReaderError.UnsupportedFormatError:
        return translate("Thumbnails", NOT_A_PICTURE)
    if error == QImageReader.ImageReaderError.DeviceError:
        return translate(
            "Thumbnails", "The file could not be read; check that it is still there and readable."
        )
    if error == QImageReader.ImageReaderError.InvalidDataError or recognized:
        # The format was recognised from the file's first bytes, so the rest is what is wrong.
        return translate("Thumbnails", "The image file is damaged or incomplete.")
    return translate("Thumbnails", "The image could not be opened.")


# --- the relay from workers back to the GUI thread -----------------------------------------------


@dataclass(frozen=True)
class _Job:
    path: Path
    size: int


def _deliver(receiver: weakref.ref[_DecodeClient], job: _Job, result: DecodeResult) -> None:
    """On the GUI thread: hand a result to its loader, unless the loader is gone."""
    client = receiver()
    if client is not None and shiboken6.isValid(client):
        client._on_decoded(job, result)


_pool: QThreadPool | None = None
_live_queues: weakref.WeakSet[_DecodeQueue] = weakref.WeakSet()


def _shared_pool() -> QThreadPool:
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setObjectName("fizzly-image-decoders")
        _pool.setMaxThreadCount(max(2, QThread.idealThreadCount()))
    return _pool


#: How much lower than the GUI thread decoders run (Linux nice steps): on a busy machine the
#: GUI thread gets the core first, and thumbnails arrive a little later instead.
DECODER_NICENESS = 5
_lowered = threading.local()


def _yield_to_the_gui_thread() -> None:
    """Lower the priority of the calling pool thread, once per thread."""
    if getattr(_lowered, "done", False):
        return
    _lowered.done = True
    if sys.platform.startswith("linux"):
        # Linux schedules threads as tasks: a thread id renices that thread only.
        with contextlib.suppress(OSError):
            thread_id = threading.get_native_id()
            niceness = os.getpriority(os.PRIO_PROCESS, thread_id) + DECODER_NICENESS
            os.setpriority(os.PRIO_PROCESS, thread_id, min(19, niceness))
    else:
        thread = QThread.currentThread()
        if thread is not None:
            thread.setPriority(QThread.Priority.LowPriority)


def default_worker_count() -> int:
    """Leave one core to the GUI thread; never fewer than one decoder."""
    return max(1, min(4, QThread.idealThreadCount() - 1))


class _DecodeQueue:
    """One client's pending decodes, drained by at most ``max_workers`` pool threads.

    Plain Python so that workers never touch a Qt object that the GUI thread could delete.
    Newest requests are decoded first: what the user scrolled to last is what they look at.
    """

    def __init__(
        self, client: _DecodeClient, max_workers: int, allocation_limit_mb: int, relay: GuiRelay
    ) -> None:
        self._client_ref: weakref.ref[_DecodeClient] = weakref.ref(client)
        self._max_workers = max(1, max_workers)
        self._allocation_limit_mb = allocation_limit_mb
        self._relay = relay
        self._lock = threading.Lock()
        self._idle = threading.Condition(self._lock)
        self._pending: deque[_Job] = deque()
        self._active = 0
        self._cancelled = False
        _live_queues.add(self)

    def push(self, job: _Job) -> None:
        with self._lock:
            if self._cancelled:
                return
            self._pending.append(job)
            if self._active >= self._max_workers:
                return
            self._active += 1
        _shared_pool().start(self._drain)

    def drop_pending(self) -> list[_Job]:
        with self._lock:
            dropped = list(self._pending)
            self._pending.clear()
            return dropped

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            self._pending.clear()

    def wait(self, timeout: float) -> bool:
        """Wait (releasing the GIL) until no worker runs for this queue; False on timeout."""
        with self._idle:
            return self._idle.wait_for(lambda: self._active == 0, timeout)

    @property
    def busy(self) -> bool:
        with self._lock:
            return self._active > 0 or bool(self._pending)

    def _drain(self) -> None:
        _yield_to_the_gui_thread()
        while True:
            with self._lock:
                if self._cancelled or not self._pending:
                    self._active -= 1
                    self._idle.notify_all()
                    return
                job = self._pending.pop()
            try:
                result = decode_image(job.path, job.size, self._allocation_limit_mb)
            except Exception:  # a worker must never die silently with the GUI waiting on it
                log.exception("Decoding %s failed unexpectedly", job.path)
                result = DecodeResult(
                    None, translate("_DecodeQueue", "The image could not be opened."), QSize()
                )
            with self._lock:
                if self._cancelled:
                    continue
            self._relay.deliver(functools.partial(_deliver, self._client_ref, job, result))


@atexit.register
def _cancel_all_at_exit() -> None:
    # A worker still running when the interpreter tears the pool down would need the GIL that
    # the tearing-down thread holds; cancelling first keeps exit from hanging.
    for queue in list(_live_queues):
        queue.cancel()
    for queue in list(_live_queues):
        queue.wait(5.0)


class _DecodeClient(QObject):
    """Base of the loaders: owns a decode queue and receives its results on the GUI thread."""

    def __init__(
        self, max_workers: int, allocation_limit_mb: int, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._allocation_limit_mb = allocation_limit_mb
        self._queue = _DecodeQueue(self, max_workers, allocation_limit_mb, gui_relay())
        self._closed = False
        # When Qt deletes this object (a parent went away, deleteLater), stop its queued work.
        self.destroyed.connect(self._queue.cancel)

    @property
    def allocation_limit_mb(self) -> int:
        return self._allocation_limit_mb

    def is_busy(self) -> bool:
        """True while a requested result has not been delivered yet."""
        raise NotImplementedError

    def shutdown(self, timeout: float = 5.0) -> bool:
        """Drop queued decodes and wait for running ones; call on quit. False if it timed out."""
        self._closed = True
        self._queue.cancel()
        finished = self._queue.wait(timeout)
        if not finished:
            log.warning("Image decoders still running after %.1f s at shutdown", timeout)
        return finished

    def _submit(self, job: _Job) -> None:
        self._queue.push(job)

    def _on_decoded(self, job: _Job, result: DecodeResult) -> None:
        raise NotImplementedError


# --- thumbnails ----------------------------------------------------------------------------------


class ThumbnailLoader(_DecodeClient):
    """Thumbnails of output images, decoded in worker threads and kept in an LRU cache.

    ``request(path, size)`` answers at once with a cached pixmap, or returns None and queues the
    decode; ``thumbnail_ready`` follows on the GUI thread. A file that cannot be decoded is
    remembered (``failure(path)``) and not retried until ``forget(path)``.

    Views ask for a thumbnail each time they paint it, so what is on screen is always the most
    recently used: the cache keeps that and a few screens around it, and lets the rest go. A
    thumbnail asked for within ``keep_recent_s`` is never evicted, even past the budget, so a
    screen holding more than the budget does not decode its own tiles over and over.

    Args:
        max_count: most thumbnails kept in memory. The byte budget is the real limit: the
            queue's 24-pixel thumbnails take 2 kB each, and a history of thousands of runs
            scrolled end to end should not decode them all again on the way back.
        max_bytes: most pixel bytes kept in memory (4 MiB: some 28 gallery thumbnails of the
            default size; what is on screen stays whatever the budget, so a bigger screen only
            keeps less of what it scrolled past). Gallery and strip tiles let their thumbnail
            go once made (``release``): this holds the ones decoded but not painted yet (a
            fast scroll decodes many it never paints), the queue's and the previews'.
        keep_recent_s: thumbnails asked for this recently stay, whatever the budget.
        clock: monotonic time in seconds (tests pass a fake one).
        max_workers: decodes running at once (default: cores minus one, at least one).
        allocation_limit_mb: refuse images whose decode would need more memory than this.

    Signals:
        thumbnail_ready(str path, int size): the thumbnail of ``path`` at ``size`` is cached.
        thumbnail_failed(str path, str reason): ``path`` could not be decoded; ``reason`` is
            one plain-language sentence.
        thumbnail_forgotten(str path): ``forget(path)`` was called: what was made from its
            thumbnails (tiles) is out of date.
    """

    thumbnail_ready = Signal(str, int)
    thumbnail_failed = Signal(str, str)
    thumbnail_forgotten = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        max_count: int = 20_000,
        max_bytes: int = 4 * 1024 * 1024,
        keep_recent_s: float = 0.1,
        clock: Callable[[], float] = time.monotonic,
        max_workers: int | None = None,
        allocation_limit_mb: int = DEFAULT_ALLOCATION_LIMIT_MB,
    ) -> None:
        super().__init__(
            default_worker_count() if max_workers is None else max_workers,
            allocation_limit_mb,
            parent,
        )
        self._max_count = max_count
        self._max_bytes = max_bytes
        self._keep_recent_s = keep_recent_s
        self._clock = clock
        self._cache: OrderedDict[tuple[str, int], QPixmap] = OrderedDict()
        #: When each cached thumbnail was last asked for.
        self._used: dict[tuple[str, int], float] = {}
        self._cache_bytes = 0
        self._pending: set[tuple[str, int]] = set()
        self._failures: dict[str, str] = {}
        # Thumbnails kept past the budget because they were on screen are let go once they
        # no longer are: a fast scroll through the gallery paints hundreds in a few frames.
        self._trim_timer = QTimer(self)
        self._trim_timer.setSingleShot(True)
        self._trim_timer.setInterval(round(keep_recent_s * 1000) + 50)
        self._trim_timer.timeout.connect(self.trim)

    # public API

    def request(self, path: Path, size: int) -> QPixmap | None:
        """The cached thumbnail of ``path`` fitting ``size``×``size``, or None (decode queued).

        Returns None without queueing anything when ``path`` already failed (see ``failure``)
        or after ``shutdown()``.
        """
        key = (str(path), int(size))
        pixmap = self._cache.get(key)
        if pixmap is not None:
            self._cache.move_to_end(key)
            self._used[key] = self._clock()
            return pixmap
        if self._closed or key[0] in self._failures or key in self._pending:
            return None
        self._pending.add(key)
        self._submit(_Job(Path(path), int(size)))
        return None

    def cached(self, path: Path, size: int) -> QPixmap | None:
        """The cached thumbnail, without queueing a decode or touching the LRU order."""
        return self._cache.get((str(path), int(size)))

    def release(self, path: Path | str, size: int) -> None:
        """Let one thumbnail go now: what asked for it made what it paints from it (a tile).

        Asked for again, it is decoded again.
        """
        key = (str(path), int(size))
        if key in self._cache:
            self._evict(key)

    def failure(self, path: Path | str) -> str | None:
        """Why ``path`` could not be decoded, or None if it has not failed."""
        return self._failures.get(str(path))

    def forget(self, path: Path | str) -> None:
        """Drop cached thumbnails and a remembered failure of ``path`` (e.g. it was replaced)."""
        name = str(path)
        self._failures.pop(name, None)
        for key in [key for key in self._cache if key[0] == name]:
            self._evict(key)
        self.thumbnail_forgotten.emit(name)

    def clear(self) -> None:
        """Drop every cached thumbnail, remembered failure and queued (not yet running) decode."""
        for job in self._queue.drop_pending():
            self._pending.discard((str(job.path), job.size))
        self._cache.clear()
        self._used.clear()
        self._cache_bytes = 0
        self._failures.clear()

    def is_busy(self) -> bool:
        return bool(self._pending)

    def shutdown(self, timeout: float = 5.0) -> bool:
        finished = super().shutdown(timeout)
        self._pending.clear()
        return finished

    @property
    def cache_count(self) -> int:
        return len(self._cache)

    @property
    def cache_bytes(self) -> int:
        return self._cache_bytes

    # results

    def _on_decoded(self, job: _Job, result: DecodeResult) -> None:
        key = (str(job.path), job.size)
        self._pending.discard(key)
        if self._closed:
            return
        if result.image is None:
            reason = result.reason or translate("ThumbnailLoader", "The image could not be opened.")
            self._failures[key[0]] = reason
            log.info("No thumbnail for %s: %s", key[0], reason)
            self.thumbnail_failed.emit(key[0], reason)
            return
        self._store(key, QPixmap.fromImage(result.image))
        self.thumbnail_ready.emit(key[0], key[1])

    def _store(self, key: tuple[str, int], pixmap: QPixmap) -> None:
        if key in self._cache:
            self._evict(key)
        now = self._clock()
        self._cache[key] = pixmap
        self._used[key] = now
        self._cache_bytes += _pixmap_bytes(pixmap)
        self.trim()

    def trim(self) -> None:
        """Let the least recently used thumbnails go until the cache is within its budget,
        keeping those asked for within ``keep_recent_s`` (on screen); if any of those are kept
        past the budget, trim again once they are no longer recent."""
        recent = self._clock() - self._keep_recent_s
        while self._over_budget():
            if len(self._cache) == 1:
                break  # the newest thumbnail stays even if it alone exceeds the byte budget
            oldest = next(iter(self._cache))
            if self._used[oldest] > recent:
                break  # least recently used, and still on screen: everything else is too
            self._evict(oldest)
        if self._over_budget() and len(self._cache) > 1 and not self._closed:
            self._trim_timer.start()

    def _over_budget(self) -> bool:
        return len(self._cache) > self._max_count or self._cache_bytes > self._max_bytes

    def _evict(self, key: tuple[str, int]) -> None:
        pixmap = self._cache.pop(key)
        self._used.pop(key, None)
        self._cache_bytes -= _pixmap_bytes(pixmap)


def _pixmap_bytes(pixmap: QPixmap) -> int:
    return pixmap.width() * pixmap.height() * max(1, pixmap.depth() // 8)


# --- full-size images for the viewer -------------------------------------------------------------


class FullImageLoader(_DecodeClient):
    """Decodes whole images in a worker thread, one at a time; the latest request wins.

    Signals:
        image_loaded(str path, QImage image): ``path`` decoded at full size.
        image_failed(str path, str reason): ``path`` could not be decoded; ``reason`` is plain.
    """

    image_loaded = Signal(str, QImage)
    image_failed = Signal(str, str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        allocation_limit_mb: int = DEFAULT_ALLOCATION_LIMIT_MB,
    ) -> None:
        super().__init__(1, allocation_limit_mb, parent)
        self._wanted: str | None = None

    def is_busy(self) -> bool:
        return self._wanted is not None

    def shutdown(self, timeout: float = 5.0) -> bool:
        finished = super().shutdown(timeout)
        self._wanted = None
        return finished

    def load(self, path: Path) -> None:
        """Start decoding ``path``; a result for an earlier request is no longer reported."""
        if self._closed:
            return
        self._wanted = str(path)
        self._queue.drop_pending()
        self._submit(_Job(Path(path), 0))

    def _on_decoded(self, job: _Job, result: DecodeResult) -> None:
        if self._closed or str(job.path) != self._wanted:
            return
        self._wanted = None
        if result.image is None:
            self.image_failed.emit(str(job.path), result.reason or "The image could not be opened.")
        else:
            self.image_loaded.emit(str(job.path), result.image)
