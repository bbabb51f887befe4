"""A player for video and sound outputs: play/pause, seek, loop, mute, frame steps, time, size.

QtMultimedia (its FFmpeg backend) decodes in its own threads and draws video through
``QVideoWidget``; nothing here decodes on the GUI thread. A sound output shows its waveform
(drawn from its samples by the thumbnail workers) under the controls.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QIcon, QKeySequence, QPalette, QPixmap, QShortcut
from PySide6.QtMultimedia import QAudioOutput, QMediaMetaData, QMediaPlayer
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fizzly_desktop.core.media import describe_duration, kind_of_name
from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.outputs.thumbnails import ThumbnailLoader

log = logging.getLogger(__name__)

#: The frame step when the file does not say its frame rate.
DEFAULT_FPS = 25.0
WAVEFORM_SIZE = 512


def clock(ms: int) -> str:
    """``"0:03"`` for 3200 ms; tenths below ten seconds, so frame steps show."""
    seconds = max(0, ms) / 1000
    if seconds < 10:
        return f"0:0{seconds:.1f}"
    return describe_duration(seconds)


class MediaPlayerView(QWidget):
    """Plays one video or sound file.

    Space plays or pauses; ``,`` and ``.`` step one frame back or forward (paused).

    Args:
        parent: the owning widget.
        loader: draws a sound file's waveform (optional).

    Signals:
        ended(): the file played to its end (and loop is off).
    """

    ended = Signal()

    def __init__(self, parent: QWidget | None = None, *, loader: ThumbnailLoader | None = None):
        super().__init__(parent)
        self.setAccessibleName(translate("MediaPlayerView", "Player"))
        self._loader = loader
        self._path: Path | None = None
        self._kind = "video"
        self._fps = DEFAULT_FPS
        self._seeking = False

        self.player = QMediaPlayer(self)
        self.audio = QAudioOutput(self)
        self.player.setAudioOutput(self.audio)
        self.video = QVideoWidget(self)
        self.video.setAccessibleName(translate("MediaPlayerView", "Video"))
        self.video.setMinimumSize(160, 90)
        self.video.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.player.setVideoOutput(self.video)

        self.waveform = QLabel(self)
        self.waveform.setAccessibleName(translate("MediaPlayerView", "Waveform"))
        self.waveform.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.waveform.setMinimumHeight(64)
        self.waveform.setScaledContents(False)

        self.play_button = self._button(
            translate("MediaPlayerView", "Play"),
            "media-playback-start",
            translate("MediaPlayerView", "Play or pause (Space)"),
        )
        self.play_button.clicked.connect(self.toggle)
        self.back_button = self._button(
            "◀|", "media-skip-backward", translate("MediaPlayerView", "One frame back (,)")
        )
        self.back_button.clicked.connect(lambda: self.step_frames(-1))
        self.forward_button = self._button(
            "|▶", "media-skip-forward", translate("MediaPlayerView", "One frame forward (.)")
        )
        self.forward_button.clicked.connect(lambda: self.step_frames(1))
        # Keys only while the player has the focus: several players may share a window, and
        # Space elsewhere belongs to the view it is pressed in.
        for key, slot in (
            (Qt.Key.Key_Space, self.toggle),
            (Qt.Key.Key_Comma, lambda: self.step_frames(-1)),
            (Qt.Key.Key_Period, lambda: self.step_frames(1)),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.loop_button = self._button(
            translate("MediaPlayerView", "Loop"),
            "media-playlist-repeat",
            translate("MediaPlayerView", "Play again from the start"),
        )
        self.loop_button.setCheckable(True)
        self.loop_button.toggled.connect(self._on_loop_toggled)
        self.mute_button = self._button(
            translate("MediaPlayerView", "Mute"),
            "audio-volume-muted",
            translate("MediaPlayerView", "Mute the sound"),
        )
        self.mute_button.setCheckable(True)
        self.mute_button.toggled.connect(self.audio.setMuted)

        self.seek_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.seek_slider.setAccessibleName(translate("MediaPlayerView", "Position"))
        self.seek_slider.setRange(0, 0)
        self.seek_slider.sliderPressed.connect(self._on_seek_pressed)
        self.seek_slider.sliderReleased.connect(self._on_seek_released)
        self.seek_slider.sliderMoved.connect(self._on_seek_moved)
        self.time_label = QLabel("0:00.0 / 0:00", self)
        self.time_label.setAccessibleName(translate("MediaPlayerView", "Time"))
        self.size_label = QLabel(self)
        self.size_label.setAccessibleName(translate("MediaPlayerView", "Resolution"))
        self.size_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.message_label = QLabel(self)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setWordWrap(True)
        self.message_label.hide()

        controls = QHBoxLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        controls.setSpacing(4)
        for widget in (self.play_button, self.back_button, self.forward_button):
            controls.addWidget(widget)
        controls.addWidget(self.seek_slider, 1)
        controls.addWidget(self.time_label)
        controls.addWidget(self.loop_button)
        controls.addWidget(self.mute_button)
        controls.addWidget(self.size_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.video, 1)
        layout.addWidget(self.waveform)
        layout.addWidget(self.message_label)
        layout.addLayout(controls)

        self.player.durationChanged.connect(self._on_player_duration_changed)
        self.player.positionChanged.connect(self._on_player_position_changed)
        self.player.playbackStateChanged.connect(self._on_player_state_changed)
        self.player.mediaStatusChanged.connect(self._on_player_status_changed)
        self.player.metaDataChanged.connect(self._on_player_metadata_changed)
        self.player.errorOccurred.connect(self._on_player_error)
        if loader is not None:
            loader.thumbnail_ready.connect(self._on_loader_thumbnail_ready)
        self._show_kind()

    # --- public -------------------------------------------------------------------------------

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def kind(self) -> str:
        return self._kind

    def open(self, path: Path, *, autoplay: bool = False, fps: float | None = None) -> None:
        """Load ``path`` (a video or sound file), paused at its start unless ``autoplay``."""
        self._path = Path(path)
        self._kind = "audio" if kind_of_name(self._path.name) == "audio" else "video"
        self._fps = fps if fps and fps > 0 else DEFAULT_FPS
        self.message_label.hide()
        self.size_label.clear()
        self.player.setSource(QUrl.fromLocalFile(str(self._path)))
        self._show_kind()
        if self._kind == "audio":
            self._show_waveform()
        if autoplay:
            self.player.play()

    def clear(self) -> None:
        """Stop and let go of the file (it may then be moved or deleted)."""
        self.player.stop()
        self.player.setSource(QUrl())
        self._path = None

    def play(self) -> None:
        self.player.play()

    def pause(self) -> None:
        self.player.pause()

    def toggle(self) -> None:
        if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()
        else:
            if self.player.mediaStatus() == QMediaPlayer.MediaStatus.EndOfMedia:
                self.player.setPosition(0)
            self.player.play()

    def is_playing(self) -> bool:
        return self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def step_frames(self, count: int) -> None:
        """Pause and move ``count`` frames (negative: back)."""
        self.player.pause()
        step = round(1000 / self._fps)
        target = max(0, min(self.player.duration(), self.player.position() + count * step))
        self.player.setPosition(target)

    def seek(self, ms: int) -> None:
        self.player.setPosition(max(0, ms))

    def set_loop(self, loop: bool) -> None:
        self.loop_button.setChecked(loop)

    def set_muted(self, muted: bool) -> None:
        self.mute_button.setChecked(muted)

    def message_text(self) -> str:
        return self.message_label.text() if not self.message_label.isHidden() else ""

    # --- reactions ----------------------------------------------------------------------------

    def _on_loop_toggled(self, loop: bool) -> None:
        self.player.setLoops(QMediaPlayer.Loops.Infinite if loop else 1)

    def _on_seek_pressed(self) -> None:
        self._seeking = True

    def _on_seek_released(self) -> None:
        self._seeking = False
        self.player.setPosition(self.seek_slider.value())

    def _on_seek_moved(self, value: int) -> None:
        self._show_time(value)

    def _on_player_duration_changed(self, duration: int) -> None:
        self.seek_slider.setRange(0, max(0, duration))
        self._show_time(self.player.position())

    def _on_player_position_changed(self, position: int) -> None:
        if not self._seeking:
            self.seek_slider.setValue(position)
        self._show_time(position)

    def _on_player_state_changed(self, state: QMediaPlayer.PlaybackState) -> None:
        playing = state == QMediaPlayer.PlaybackState.PlayingState
        self.play_button.setText(
            translate("MediaPlayerView", "Pause")
            if playing
            else translate("MediaPlayerView", "Play")
        )
        self.play_button.setIcon(
            QIcon.fromTheme("media-playback-pause" if playing else "media-playback-start")
        )

    def _on_player_status_changed(self, status: QMediaPlayer.MediaStatus) -> None:
        if status == QMediaPlayer.MediaStatus.EndOfMedia:
            self.ended.emit()
        elif status == QMediaPlayer.MediaStatus.InvalidMedia:
            self._show_message(
                translate(
                    "MediaPlayerView",
                    "This file cannot be played; it may be damaged or in a format this "
                    "computer cannot decode. Save it and open it in another app.",
                )
            )

    def _on_player_metadata_changed(self) -> None:
        meta = self.player.metaData()
        size = meta.value(QMediaMetaData.Key.Resolution)
        if isinstance(size, QSize) and size.isValid():
            self.size_label.setText(f"{size.width()} × {size.height()}")
        rate = meta.value(QMediaMetaData.Key.VideoFrameRate)
        if isinstance(rate, int | float) and rate > 0:
            self._fps = float(rate)

    def _on_player_error(self, _error: QMediaPlayer.Error, text: str) -> None:
        log.info("player error on %s: %s", self._path, text)
        self._show_message(
            translate("MediaPlayerView", "This file cannot be played: {value}.").format(
                value=text or "unknown error"
            )
        )

    def _on_loader_thumbnail_ready(self, path: str, size: int) -> None:
        if self._path is not None and path == str(self._path) and size == WAVEFORM_SIZE:
            self._show_waveform()

    # --- helpers ------------------------------------------------------------------------------

    def _button(self, text: str, icon: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setIcon(QIcon.fromTheme(icon))
        button.setToolTip(tip)
        button.setAccessibleName(text)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        return button

    def _show_kind(self) -> None:
        video = self._kind == "video"
        self.video.setVisible(video)
        self.back_button.setVisible(video)
        self.forward_button.setVisible(video)
        self.size_label.setVisible(video)
        self.waveform.setVisible(not video)

    def _show_waveform(self) -> None:
        if self._loader is None or self._path is None:
            return
        pixmap = self._loader.request(self._path, WAVEFORM_SIZE)
        self.waveform.setPixmap(pixmap if pixmap is not None else QPixmap())

    def _show_time(self, position: int) -> None:
        self.time_label.setText(f"{clock(position)} / {clock(self.player.duration())}")

    def _show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.show()
