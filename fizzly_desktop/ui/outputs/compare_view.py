"""The compare view: two to four images side by side with one zoom and pan, a swipe for two,
and the inputs that differ between their runs listed beneath.

Every pane paints the part of its image that the shared :class:`~fizzly_desktop.core.compare.
ViewState` says (positions are fractions of each image, so different sizes stay aligned). The
wheel zooms about the pointer, dragging pans, double-click goes back to fit; all panes follow.
Images are decoded in a worker by whoever opens the view and handed in with :meth:`set_image`.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSlider,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fizzly_desktop.core.compare import InputDifference, ViewState, grid_shape
from fizzly_desktop.ui.colors import ON_SCRIM, SCRIM
from fizzly_desktop.ui.i18n import translate

#: How strongly an input that differs is tinted with the highlight (0-255).
DIFFERENCE_TINT_ALPHA = 60


class ComparePane(QWidget):
    """One image of the comparison (or, in swipe mode, two split by the slider)."""

    view_changed = Signal(object)  # the new ViewState, from a wheel, drag or double-click

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = caption
        self.image: QImage | None = None
        #: In swipe mode: the image right of the slider.
        self.other: QImage | None = None
        self.state = ViewState()
        self._drag: QPointF | None = None
        self.setMinimumSize(160, 160)
        self.setAccessibleName(translate("ComparePane", "Image: {caption}").format(caption=caption))
        self.setCursor(Qt.CursorShape.OpenHandCursor)

    def set_state(self, state: ViewState) -> None:
        if state != self.state:
            self.state = state
            self.update()

    def _target(self, image: QImage) -> QRectF:
        """Where the whole image lies in the pane at the current zoom and centre."""
        area = QRectF(self.rect())
        fit = min(area.width() / image.width(), area.height() / image.height())
        scale = fit * self.state.zoom
        width, height = image.width() * scale, image.height() * scale
        left = area.center().x() - self.state.center_x * width
        top = area.center().y() - self.state.center_y * height
        return QRectF(left, top, width, height)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, self.state.zoom < 4)
        if self.image is None or self.image.isNull():
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter, translate("ComparePane", "Loading…")
            )
        else:
            painter.drawImage(self._target(self.image), self.image)
            if self.other is not None and not self.other.isNull():
                split = self.width() * self.state.swipe
                painter.save()
                painter.setClipRect(QRectF(split, 0, self.width() - split, self.height()))
                painter.drawImage(self._target(self.other), self.other)
                painter.restore()
                painter.setPen(QPen(ON_SCRIM, 2))
                painter.drawLine(QPointF(split, 0), QPointF(split, self.height()))
        # The caption on a dark band, readable over any picture.
        band = QRectF(0, self.height() - 22, self.width(), 22)
        painter.fillRect(band, QBrush(SCRIM))
        painter.setPen(ON_SCRIM)
        painter.drawText(band.adjusted(6, 0, -6, 0), Qt.AlignmentFlag.AlignVCenter, self.caption)
        painter.end()

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if not steps:
            return
        pos = event.position()
        factor = 1.25**steps
        self.view_changed.emit(
            self.state.zoomed(factor, pos.x() / self.width(), pos.y() / self.height())
        )
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag = event.position()
            self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag is None:
            return
        delta = event.position() - self._drag
        self._drag = event.position()
        self.view_changed.emit(
            self.state.panned(delta.x() / self.width(), delta.y() / self.height())
        )

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._drag = None
        self.setCursor(Qt.CursorShape.OpenHandCursor)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.view_changed.emit(ViewState(swipe=self.state.swipe))


class CompareView(QDialog):
    """Two to four images compared; see the module docstring."""

    def __init__(
        self,
        captions: Sequence[str],
        differences: Sequence[InputDifference],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            translate("CompareView", "Compare {captions} images").format(captions=len(captions))
        )
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(1100, 760)
        self.state = ViewState()
        self.panes = [ComparePane(caption, self) for caption in captions]
        self.images: list[QImage | None] = [None] * len(captions)

        grid_host = QWidget(self)
        grid = QGridLayout(grid_host)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(4)
        _rows, columns = grid_shape(len(self.panes))
        for index, pane in enumerate(self.panes):
            grid.addWidget(pane, index // columns, index % columns)
            pane.view_changed.connect(self.set_state)
        # The swipe pane shows both images of a pair in one place, split by the slider.
        self.swipe_pane = ComparePane(" ◂ ▸ ".join(captions[:2]), self)
        self.swipe_pane.view_changed.connect(self.set_state)
        self.swipe_pane.hide()
        grid.addWidget(self.swipe_pane, 0, 0, 1, max(1, columns))

        controls = QHBoxLayout()
        self.swipe_check = QCheckBox(translate("CompareView", "&Swipe between the two"))
        self.swipe_check.setVisible(len(captions) == 2)
        self.swipe_check.toggled.connect(self._set_swipe)
        self.swipe_slider = QSlider(Qt.Orientation.Horizontal)
        self.swipe_slider.setAccessibleName(translate("CompareView", "Swipe position"))
        self.swipe_slider.setRange(0, 1000)
        self.swipe_slider.setValue(500)
        self.swipe_slider.setEnabled(False)
        self.swipe_slider.setVisible(len(captions) == 2)
        self.swipe_slider.valueChanged.connect(
            lambda value: self.set_state(
                ViewState(self.state.zoom, self.state.center_x, self.state.center_y, value / 1000)
            )
        )
        hint = QLabel(
            translate(
                "CompareView",
                "Wheel to zoom, drag to pan, double-click to fit: every image follows.",
            )
        )
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        controls.addWidget(self.swipe_check)
        controls.addWidget(self.swipe_slider, 1)
        controls.addWidget(hint)

        self.differences = QTableWidget(len(differences), len(captions) + 1)
        self.differences.setTabKeyNavigation(False)  # Tab leaves it; arrows move inside
        self.differences.setAccessibleName(translate("CompareView", "Inputs that differ"))
        self.differences.setHorizontalHeaderLabels([translate("CompareView", "Input"), *captions])
        self.differences.verticalHeader().setVisible(False)
        self.differences.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.differences.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for row, difference in enumerate(differences):
            self.differences.setItem(row, 0, QTableWidgetItem(difference.name))
            for column, value in enumerate(difference.values, start=1):
                cell = QTableWidgetItem(value)
                cell.setToolTip(value)
                self.differences.setItem(row, column, cell)
        self._tint_differences()
        self.no_difference = QLabel(translate("CompareView", "The runs' inputs are the same."))
        self.no_difference.setVisible(not differences)
        self.differences.setVisible(bool(differences))

        below = QWidget(self)
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        below_layout.addLayout(controls)
        below_layout.addWidget(self.no_difference)
        below_layout.addWidget(self.differences)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(grid_host)
        splitter.addWidget(below)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "differences"):
            self._tint_differences()  # their tint is the highlight of the palette in use
        super().changeEvent(event)

    def _tint_differences(self) -> None:
        tint = self.palette().color(QPalette.ColorRole.Highlight)
        tint.setAlpha(DIFFERENCE_TINT_ALPHA)
        for row in range(self.differences.rowCount()):
            for column in range(1, self.differences.columnCount()):
                cell = self.differences.item(row, column)
                if cell is not None:
                    cell.setBackground(tint)

    def set_image(self, index: int, image: QImage) -> None:
        """The decoded image of pane ``index`` (decode it off the GUI thread)."""
        self.images[index] = image
        self.panes[index].image = image
        self.panes[index].update()
        self._fill_swipe()

    def set_state(self, state: object) -> None:
        """Every pane shows ``state`` (zoom, centre, swipe): they move as one."""
        if not isinstance(state, ViewState):
            return
        self.state = state.clamped()
        for pane in (*self.panes, self.swipe_pane):
            pane.set_state(self.state)

    def _set_swipe(self, on: bool) -> None:
        self.swipe_slider.setEnabled(on)
        for pane in self.panes:
            pane.setVisible(not on)
        self.swipe_pane.setVisible(on)
        self._fill_swipe()

    def _fill_swipe(self) -> None:
        if len(self.images) == 2:
            self.swipe_pane.image, self.swipe_pane.other = self.images[0], self.images[1]
            self.swipe_pane.update()
