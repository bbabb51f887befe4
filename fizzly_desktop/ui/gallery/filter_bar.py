"""The gallery's filter bar: search, marks, dates, count and tile size above; where from below.

Signals:
    search_changed(str): the search text.
    marks_filter_changed(str): "" (all), "starred", "not_rejected" or "rejected".
    date_filter_changed(str): a value of ``DATE_RANGES`` ("" for any time).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from fizzly_desktop.core.i18n import QT_TRANSLATE_NOOP
from fizzly_desktop.core.library_search import DATE_RANGES
from fizzly_desktop.ui.gallery.model import MEDIA, TEXT
from fizzly_desktop.ui.i18n import translate

#: Characters the filter combos keep room for: the gallery's bar is the widest thing in the
#: window's right pane, and its minimum width is the window's (wider combos grew the window
#: past a 1400-pixel screen). Longer names are cut in the combo and whole in its list.
COMBO_CHARS = 5

#: The marks filter's choices: (words, value).
MARK_CHOICES: tuple[tuple[str, str], ...] = (
    (QT_TRANSLATE_NOOP("FilterBar", "All"), ""),
    (QT_TRANSLATE_NOOP("FilterBar", "Starred"), "starred"),
    (QT_TRANSLATE_NOOP("FilterBar", "Not rejected"), "not_rejected"),
    (QT_TRANSLATE_NOOP("FilterBar", "Rejected"), "rejected"),
)


class GalleryFilterBar(QWidget):
    """What to look for (search, marks, dates; the count and tile size beside) and where
    from (workflow, batch, kind of output), in two rows so that the gallery never asks for
    more width than the queue beside it."""

    search_changed = Signal(str)
    marks_filter_changed = Signal(str)
    date_filter_changed = Signal(str)

    MIN_TILE = 96
    MAX_TILE = 320
    DEFAULT_TILE = 160

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workflow_combo = _combo(translate("GalleryFilterBar", "Filter by workflow"), self)
        self.batch_combo = _combo(translate("GalleryFilterBar", "Filter by batch"), self)
        self.kind_combo = _combo(translate("GalleryFilterBar", "Filter by kind of output"), self)
        for text, kind in (
            (translate("GalleryFilterBar", "Images and media"), MEDIA),
            (translate("GalleryFilterBar", "Text and data"), TEXT),
            (translate("GalleryFilterBar", "Everything"), None),
        ):
            self.kind_combo.addItem(text, kind)
        fit_combo(self.kind_combo)
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName(translate("GalleryFilterBar", "Number of outputs shown"))
        # The count gives way first when the window is narrow (the gallery shares it).
        self.count_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.size_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.size_slider.setAccessibleName(translate("GalleryFilterBar", "Thumbnail size"))
        self.size_slider.setToolTip(translate("GalleryFilterBar", "Thumbnail size"))
        self.size_slider.setRange(self.MIN_TILE, self.MAX_TILE)
        self.size_slider.setSingleStep(16)
        self.size_slider.setPageStep(32)
        self.size_slider.setValue(self.DEFAULT_TILE)
        self.size_slider.setFixedWidth(110)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(translate("GalleryFilterBar", "Search prompts and inputs"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(translate("GalleryFilterBar", "Search outputs"))
        # The bar is crowded: the search keeps room for a few words before the combos shrink.
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance("x" * 10))
        self.search.textChanged.connect(self.search_changed)
        self.marks_combo = QComboBox(self)
        self.marks_combo.setAccessibleName(translate("GalleryFilterBar", "Show outputs by mark"))
        for text, value in MARK_CHOICES:
            self.marks_combo.addItem(translate("FilterBar", text), value)
        self.marks_combo.currentIndexChanged.connect(
            lambda _i: self.marks_filter_changed.emit(self.marks_combo.currentData() or "")
        )
        self.date_combo = _combo(translate("GalleryFilterBar", "Show outputs made"), self)
        for text, value in DATE_RANGES:
            text = translate("DateRanges", text)
            self.date_combo.addItem(text, value)
        fit_combo(self.date_combo)
        self.date_combo.currentIndexChanged.connect(
            lambda _i: self.date_filter_changed.emit(self.date_combo.currentData() or "")
        )

        workflow_label = QLabel(translate("GalleryFilterBar", "&Workflow:"), self)
        workflow_label.setBuddy(self.workflow_combo)
        batch_label = QLabel(translate("GalleryFilterBar", "&Batch:"), self)
        batch_label.setBuddy(self.batch_combo)
        kind_label = QLabel(translate("GalleryFilterBar", "S&how:"), self)
        kind_label.setBuddy(self.kind_combo)
        size_label = QLabel(translate("GalleryFilterBar", "Size:"), self)
        size_label.setBuddy(self.size_slider)

        search_row = QHBoxLayout()
        search_row.setContentsMargins(10, 8, 10, 0)
        search_row.setSpacing(6)
        search_row.addWidget(self.search, 2)
        search_row.addWidget(self.marks_combo)
        search_row.addSpacing(8)
        search_row.addWidget(self.count_label, 1)
        search_row.addSpacing(8)
        search_row.addWidget(size_label)
        search_row.addWidget(self.size_slider)
        bar = QHBoxLayout()
        bar.setContentsMargins(10, 4, 10, 8)
        bar.setSpacing(6)
        bar.addWidget(workflow_label)
        # The combos share spare room (each up to its longest name: fit_combo).
        bar.addWidget(self.workflow_combo, 1)
        bar.addSpacing(8)
        bar.addWidget(batch_label)
        bar.addWidget(self.batch_combo, 1)
        bar.addSpacing(8)
        bar.addWidget(kind_label)
        bar.addWidget(self.kind_combo, 1)
        bar.addSpacing(8)
        bar.addWidget(self.date_combo, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(search_row)
        layout.addLayout(bar)

    def set_choices(
        self,
        workflows: Sequence[tuple[str, str | None]],
        batches: Sequence[tuple[str, str | None]],
    ) -> None:
        """The workflow and batch choices, keeping the current ones while they exist."""
        fill_combo(self.workflow_combo, workflows)
        fill_combo(self.batch_combo, batches)

    def set_enabled_filters(self, enabled: bool) -> None:
        """Nothing to filter or size while there are no outputs."""
        for control in (self.workflow_combo, self.batch_combo, self.kind_combo, self.size_slider):
            control.setEnabled(enabled)


def _combo(name: str, parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    combo.setAccessibleName(name)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(COMBO_CHARS)
    return combo


def fill_combo(combo: QComboBox, choices: Sequence[tuple[str, str | None]]) -> None:
    """Replace ``combo``'s choices, keeping the chosen one (or falling back to the first)."""
    current = combo.currentData()
    existing = [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]
    if existing == list(choices):
        return
    combo.blockSignals(True)
    try:
        combo.clear()
        for text, data in choices:
            combo.addItem(text, data)
        combo.setCurrentIndex(combo_index(combo, current))
        fit_combo(combo)
    finally:
        combo.blockSignals(False)
    if combo.currentData() != current:
        # The chosen workflow or batch has no outputs any more: fall back to all.
        combo.currentIndexChanged.emit(combo.currentIndex())


def fit_combo(combo: QComboBox) -> None:
    """Let a filter combo grow into spare room up to its longest choice, and shrink to its
    minimum (a few characters) when the window is narrow; the list shows every name whole."""
    metrics = combo.fontMetrics()
    longest = max(
        (metrics.horizontalAdvance(combo.itemText(i)) for i in range(combo.count())), default=0
    )
    combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    combo.setMaximumWidth(max(combo.minimumSizeHint().width(), longest + 48))
    view = combo.view()
    view.setMinimumWidth(longest + 2 * view.frameWidth() + 24)


def combo_index(combo: QComboBox, data: str | None) -> int:
    """The row holding ``data``; the first row ("All …") when it is None or gone."""
    if data is None:
        return 0
    for row in range(combo.count()):
        if combo.itemData(row) == data:
            return row
    return 0
