"""Several videos (a row or column of a sweep) in one window, started, paused and restarted
together so their differences show as they move."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialog, QGridLayout, QLabel, QToolBar, QVBoxLayout, QWidget

from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.outputs.media_player import MediaPlayerView


class PlayTogetherWindow(QDialog):
    """One player per file, in a grid; Play all, Pause all and Restart act on every one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("PlayTogetherWindow", "Play Together"))
        self.setModal(False)
        self.setSizeGripEnabled(True)
        self.players: list[MediaPlayerView] = []
        bar = QToolBar(self)
        self.play_action = bar.addAction(
            QIcon.fromTheme("media-playback-start"), translate("PlayTogetherWindow", "Play All")
        )
        self.play_action.triggered.connect(self.play_all)
        self.pause_action = bar.addAction(
            QIcon.fromTheme("media-playback-pause"), translate("PlayTogetherWindow", "Pause All")
        )
        self.pause_action.triggered.connect(self.pause_all)
        self.restart_action = bar.addAction(
            QIcon.fromTheme("view-refresh"), translate("PlayTogetherWindow", "Restart All")
        )
        self.restart_action.triggered.connect(self.restart_all)
        self.loop_action = bar.addAction(
            QIcon.fromTheme("media-playlist-repeat"), translate("PlayTogetherWindow", "Loop")
        )
        self.loop_action.setCheckable(True)
        self.loop_action.toggled.connect(self._on_loop_toggled)
        self.cells = QWidget(self)
        self._grid = QGridLayout(self.cells)
        layout = QVBoxLayout(self)
        layout.addWidget(bar)
        layout.addWidget(self.cells, 1)
        self.resize(960, 540)

    def show_files(self, files: Sequence[tuple[Path, str]]) -> None:
        """Play ``files`` (path, caption) side by side, all from their start."""
        self._clear()
        columns = max(1, min(4, len(files)))
        for number, (path, caption) in enumerate(files):
            cell = QWidget(self.cells)
            column = QVBoxLayout(cell)
            label = QLabel(caption, cell)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            player = MediaPlayerView(cell)
            player.set_muted(number > 0)  # one sound at a time
            player.open(path)
            column.addWidget(label)
            column.addWidget(player, 1)
            self._grid.addWidget(cell, number // columns, number % columns)
            self.players.append(player)
        self._on_loop_toggled(self.loop_action.isChecked())
        if not self.isVisible():
            self.show()
        self.play_all()

    def play_all(self) -> None:
        for player in self.players:
            player.play()

    def pause_all(self) -> None:
        for player in self.players:
            player.pause()

    def restart_all(self) -> None:
        for player in self.players:
            player.seek(0)
        self.play_all()

    def _on_loop_toggled(self, loop: bool) -> None:
        for player in self.players:
            player.set_loop(loop)

    def _clear(self) -> None:
        for player in self.players:
            player.clear()
        while self._grid.count():
            taken = self._grid.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        self.players = []

    def done(self, result: int) -> None:
        self._clear()  # closing stops every sound
        super().done(result)
