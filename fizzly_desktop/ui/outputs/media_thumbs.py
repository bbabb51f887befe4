"""Thumbnails of outputs that are not pictures, made in the decode workers: a video's poster
frame, a sound's waveform, an OBJ mesh's shaded preview, a card for any other file.

Safe to call from any thread but meant for the thumbnail workers: a poster is the first frame
QtMultimedia decodes, waited for in the worker's own event loop (its FFmpeg backend decodes in
threads of its own), and painting happens on a ``QImage`` (never a pixmap).
"""

from __future__ import annotations

import array
import logging
import sys
import wave
from pathlib import Path

from PySide6.QtCore import QEventLoop, QRect, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QFont, QImage, QPainter, QPen

from fizzly_desktop.api.sniff import sniff
from fizzly_desktop.core.media import kind_of_name
from fizzly_desktop.ui.colors import MEDIA_CARD, ON_MEDIA_CARD, WAVEFORM
from fizzly_desktop.ui.outputs.mesh_preview import mesh_preview

log = logging.getLogger(__name__)

#: How long a poster may take before the file gets a plain video card instead.
POSTER_TIMEOUT_MS = 8000
_CARD_COLOURS = MEDIA_CARD


def media_kind_of(path: Path, head: bytes) -> str | None:
    """``video``, ``audio``, ``model`` or ``file`` for a file that is no picture; ``None`` for
    one that claims to be a picture (its failure is the image decoder's to explain)."""
    kind: str | None = kind_of_name(path.name)
    if kind == "image":
        return None
    found = sniff(head)
    if kind is None and found is not None:
        family = found.family
        kind = "video" if family == "av" else family if family in _CARD_COLOURS else None
    return kind or "file"


def media_thumbnail(path: Path, head: bytes, max_side: int) -> QImage | None:
    """The thumbnail of a non-picture file, or ``None`` when ``path`` claims to be a picture."""
    kind = media_kind_of(path, head)
    if kind is None:
        return None
    side = max_side or 512
    image: QImage | None = None
    if kind == "video":
        image = poster_frame(path, side)
    elif kind == "audio":
        image = waveform(path, side)
    elif kind == "model" and path.suffix.lower() == ".obj":
        image = mesh_preview(path, side)
    return image if image is not None else card(kind, path.suffix, side)


def poster_frame(path: Path, max_side: int, timeout_ms: int = POSTER_TIMEOUT_MS) -> QImage | None:
    """The first frame of the video at ``path``, scaled to fit ``max_side``; None if none came."""
    # Imported here: the picture-only paths of the app never load QtMultimedia.
    from PySide6.QtMultimedia import QMediaPlayer, QVideoFrame, QVideoSink

    loop = QEventLoop()
    player = QMediaPlayer()
    sink = QVideoSink()
    player.setVideoSink(sink)
    found: list[QImage] = []

    def on_frame(frame: QVideoFrame) -> None:
        if frame.isValid() and not found:
            found.append(frame.toImage())
            loop.quit()

    def on_status(status: QMediaPlayer.MediaStatus) -> None:
        if status in (QMediaPlayer.MediaStatus.InvalidMedia, QMediaPlayer.MediaStatus.EndOfMedia):
            loop.quit()

    sink.videoFrameChanged.connect(on_frame)
    player.mediaStatusChanged.connect(on_status)
    player.errorOccurred.connect(lambda *_: loop.quit())
    QTimer.singleShot(timeout_ms, loop.quit)
    player.setSource(QUrl.fromLocalFile(str(path)))
    player.play()
    loop.exec()
    player.stop()
    player.setSource(QUrl())
    if not found or found[0].isNull():
        log.info("no poster frame for %s", path.name)
        return None
    image = found[0]
    if max(image.width(), image.height()) > max_side:
        image = image.scaled(
            max_side,
            max_side,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    return image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)


def wav_peaks(path: Path, columns: int) -> list[float] | None:
    """The loudest sample of each of ``columns`` slices of a WAV file, 0..1; None when the
    file is not a WAV the ``wave`` module reads (8 or 16 bit PCM)."""
    try:
        with wave.open(str(path), "rb") as sound:
            width, channels = sound.getsampwidth(), sound.getnchannels()
            frames = sound.getnframes()
            if width not in (1, 2) or frames == 0:
                return None
            data = sound.readframes(min(frames, 50_000_000))
    except (OSError, EOFError, wave.Error):
        return None
    samples = array.array("h" if width == 2 else "B", data[: len(data) - len(data) % width])
    if width == 2 and sys.byteorder == "big":
        samples.byteswap()
    if width == 1:
        samples = array.array("h", (s - 128 for s in samples))
    full = 32768 if width == 2 else 128
    per_column = max(1, len(samples) // columns)
    # At most a few thousand samples looked at per column: a long file stays quick.
    stride = max(channels, per_column // 2000 * channels or channels)
    peaks: list[float] = []
    for column in range(columns):
        part = samples[column * per_column : (column + 1) * per_column : stride]
        peaks.append(max((abs(s) for s in part), default=0) / full)
    return peaks


def waveform(path: Path, max_side: int) -> QImage | None:
    """A sound's waveform as a wide picture (WAV files); None when it cannot be read."""
    width, height = max_side, max(24, max_side // 2)
    peaks = wav_peaks(path, width)
    if peaks is None:
        return None
    image = QImage(QSize(width, height), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(_CARD_COLOURS["audio"])
    painter = QPainter(image)
    painter.setPen(QPen(WAVEFORM, 1))
    middle = height / 2
    for x, peak in enumerate(peaks):
        reach = max(0.5, peak * (middle - 2))
        painter.drawLine(x, round(middle - reach), x, round(middle + reach))
    painter.end()
    return image


def card(kind: str, suffix: str, side: int) -> QImage:
    """A plain tile for a file shown by its kind: "3D · OBJ", "VIDEO · MP4"."""
    image = QImage(QSize(side, side), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(_CARD_COLOURS.get(kind, _CARD_COLOURS["file"]))
    painter = QPainter(image)
    painter.setPen(ON_MEDIA_CARD)
    font = QFont()
    font.setPixelSize(max(8, side // 6))
    font.setBold(True)
    painter.setFont(font)
    title = {"model": "3D", "audio": "♪", "video": "▶"}.get(kind, "FILE")
    painter.drawText(QRect(0, 0, side, side * 2 // 3), Qt.AlignmentFlag.AlignCenter, title)
    font.setPixelSize(max(7, side // 9))
    font.setBold(False)
    painter.setFont(font)
    painter.drawText(
        QRect(0, side // 2, side, side // 2),
        Qt.AlignmentFlag.AlignCenter,
        suffix.lstrip(".").upper()[:6] or "FILE",
    )
    painter.end()
    return image
