"""One file output that is not a picture, shown as it should be: a video or sound in a player,
a 3D model or other file as a card; while it downloads, how far it got."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fizzly_desktop.core.media import kind_of_name
from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.outputs.file_card import FileCard, Opener, system_opener
from fizzly_desktop.ui.outputs.output_items import OutputItem, progress_text
from fizzly_desktop.ui.outputs.thumbnails import ThumbnailLoader

if TYPE_CHECKING:
    # Imported with the player (QtMultimedia and its FFmpeg backend load with it): a start
    # shows no video, and the window is usable ~10 ms sooner without them.
    from fizzly_desktop.ui.outputs.media_player import MediaPlayerView

#: Side of the preview drawn of a 3D model on its card.
PREVIEW_SIZE = 256


class MediaPanel(QWidget):
    """Shows one video, sound, 3D or other file output (pictures have their own viewer).

    Signals:
        save_as_requested(OutputItem): the user asked to save a copy of the shown output.
        raise_limit_requested(OutputItem): the user wants a larger size cap for this output,
            which was too large.
    """

    save_as_requested = Signal(OutputItem)
    raise_limit_requested = Signal(OutputItem)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        loader: ThumbnailLoader | None = None,
        opener: Opener = system_opener,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("MediaPanel", "Output preview"))
        self._item: OutputItem | None = None
        self._loader = loader
        self._opener = opener
        self._player: MediaPlayerView | None = None
        self.card = FileCard(self, opener=opener)
        self.card.save_as_requested.connect(self._on_card_save_as_requested)
        if loader is not None:
            loader.thumbnail_ready.connect(self._on_loader_thumbnail_ready)
        self.status = QWidget(self)
        self.status_label = QLabel(self.status)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setWordWrap(True)
        self.progress_bar = QProgressBar(self.status)
        self.progress_bar.setAccessibleName(translate("MediaPanel", "Download progress"))
        self.raise_limit_button = QPushButton(
            translate("MediaPanel", "Raise the Limit…"), self.status
        )
        self.raise_limit_button.clicked.connect(self._on_raise_limit_clicked)
        status_layout = QVBoxLayout(self.status)
        status_layout.addWidget(self.status_label)
        status_layout.addWidget(self.progress_bar)
        status_layout.addWidget(self.raise_limit_button)
        status_layout.addStretch(1)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.card)
        self.stack.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    @property
    def player(self) -> MediaPlayerView:
        """The player, made the first time a video or sound is shown."""
        if self._player is None:
            from fizzly_desktop.ui.outputs.media_player import MediaPlayerView

            self._player = MediaPlayerView(self, loader=self._loader)
            self.stack.addWidget(self._player)
        return self._player

    @property
    def item(self) -> OutputItem | None:
        return self._item

    def show_item(self, item: OutputItem, *, autoplay: bool = False) -> None:
        """Show ``item``; the same file again keeps the player where it is."""
        self._item = item
        if item.path is None:
            self._stop()
            self._show_status(item)
        else:
            self.show_path(item.path, autoplay=autoplay, type_name=item.content_type or "")

    def show_path(self, path: Path, *, autoplay: bool = False, type_name: str = "") -> None:
        """Play the video or sound at ``path``, or show the card of any other file."""
        if kind_of_name(path.name) in ("video", "audio"):
            player = self.player
            if player.path != path:
                player.open(path, autoplay=autoplay)
            elif autoplay:
                player.play()
            self.stack.setCurrentWidget(player)
        else:
            self._stop()
            self.card.show_file(path, type_name=type_name)
            self._show_preview(path)
            self.stack.setCurrentWidget(self.card)

    def _show_preview(self, path: Path) -> None:
        # An OBJ mesh gets a shaded picture from the thumbnail workers; other files keep the card.
        if self._loader is None or path.suffix.lower() != ".obj":
            return
        pixmap = self._loader.request(path, PREVIEW_SIZE)
        if pixmap is not None:
            self.card.set_preview(pixmap)

    def _on_loader_thumbnail_ready(self, path: str, size: int) -> None:
        if size == PREVIEW_SIZE and self.card.path is not None and str(self.card.path) == path:
            self._show_preview(self.card.path)

    def clear(self) -> None:
        self._item = None
        self._stop()

    def _stop(self) -> None:
        if self._player is not None and self._player.path is not None:
            self._player.clear()

    def _show_status(self, item: OutputItem) -> None:
        too_large = (item.error or "").startswith("too large")
        self.raise_limit_button.setVisible(too_large)
        if item.error is not None:
            self.status_label.setText(
                translate("MediaPanel", "Not saved: {error}").format(error=item.error)
            )
            if too_large:
                self.status_label.setText(
                    translate(
                        "MediaPanel",
                        "Not saved: {error}. Raise the limit (File ▸ Largest Output File…), "
                        "then run it again to keep it.",
                    ).format(error=item.error)
                )
            self.progress_bar.hide()
        elif item.progress is not None:
            self.status_label.setText(progress_text(item))
            received, expected = item.progress
            self.progress_bar.setRange(0, 1000 if expected else 0)
            if expected:
                self.progress_bar.setValue(min(1000, round(1000 * received / expected)))
            self.progress_bar.show()
        else:
            self.status_label.setText(translate("MediaPanel", "Not saved yet"))
            self.progress_bar.hide()
        self.stack.setCurrentWidget(self.status)

    def _on_raise_limit_clicked(self) -> None:
        if self._item is not None:
            self.raise_limit_requested.emit(self._item)

    def _on_card_save_as_requested(self) -> None:
        if self._item is not None:
            self.save_as_requested.emit(self._item)
