"""The Gallery's models: outputs newest first, and the proxy that filters them."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from fizzly_desktop.ui.i18n import format_moment, translate
from fizzly_desktop.ui.outputs.drag import OUTPUT_MIME, output_mime
from fizzly_desktop.ui.outputs.output_items import OutputItem

#: The OutputItem of a row.
ItemRole = Qt.ItemDataRole.UserRole + 1
#: Changed (in ``dataChanged``) when a row's thumbnail became available.
ThumbnailRole = Qt.ItemDataRole.UserRole + 2

#: Batch filter value selecting outputs of single runs (not part of a batch).
NO_BATCH = ""

#: Kind filter values: pictures and other media (the default), text and JSON, or everything.
MEDIA = "media"
TEXT = "text"
#: The output kinds that are not media: shown by the "Text and data" choice.
_TEXT_KINDS = frozenset({"text", "json"})

#: Thumbnail sizes decoded; a tile shows the smallest one at least as large as itself, so
#: dragging the size slider does not decode every image again for every pixel.
THUMBNAIL_BUCKETS = (64, 96, 128, 192, 256, 384, 512)


def thumbnail_bucket(pixels: int) -> int:
    """The decoded thumbnail size used for a tile of ``pixels`` device pixels."""
    index = bisect.bisect_left(THUMBNAIL_BUCKETS, pixels)
    return THUMBNAIL_BUCKETS[min(index, len(THUMBNAIL_BUCKETS) - 1)]


def _sort_key(item: OutputItem) -> tuple[float, str, str]:
    # Newest first; outputs of one run in the order of their names.
    return (-item.created_at.timestamp(), item.run_id, item.name)


def when_made(moment: datetime) -> str:
    local = moment.astimezone()
    if local.date() == datetime.now().astimezone().date():
        return format_moment(local, "HH:mm")
    return format_moment(local, translate("DateTime", "dd MMM HH:mm"))


# --- model -------------------------------------------------------------------------------------


class GalleryModel(QAbstractListModel):
    """Outputs, newest first. Live additions insert rows; they never reset the model.

    Roles: DisplayRole (the workflow's name), ToolTipRole, ``ItemRole`` (the OutputItem).

    Args:
        parent: the owning object.
        newest_first: order by time (the gallery); False keeps the order items are first
            given in (a run's outputs, in the order of its result).
    """

    def __init__(self, parent: QObject | None = None, *, newest_first: bool = True) -> None:
        super().__init__(parent)
        self._newest_first = newest_first
        self._arrival: dict[tuple[str, str], int] = {}
        # Rows in order, with their sort keys (one per item: a time ends with the item's own
        # key, an arrival order is a number of its own).
        self._items: list[OutputItem] = []
        self._keys: list[tuple[float, str, str]] = []
        # By item key: its sort key, from which its row is found by bisection. Nothing here
        # holds a row number, so inserting or removing rows renumbers nothing (with a couple of
        # thousand outputs in the gallery, re-indexing after each finished run cost 5-15 ms).
        self._sort_key_of: dict[tuple[str, str], tuple[float, str, str]] = {}
        self._keys_by_path: dict[str, set[tuple[str, str]]] = {}
        self._tallies = _FilterTallies()

    # Qt model API

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return item.workflow_name
        if role == ItemRole:
            return item
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(item)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{item.workflow_name}, {item.name}, {when_made(item.created_at)}"
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and 0 <= index.row() < len(self._items):
            item = self._items[index.row()]
            if item.is_image and item.path is not None:
                # A saved picture can be dragged onto a form's image field (or elsewhere).
                flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def mimeTypes(self) -> list[str]:
        return ["text/uri-list", OUTPUT_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({index.row() for index in indexes if index.isValid()})
        mime = output_mime([self._items[row] for row in rows if row < len(self._items)])
        return mime if mime is not None else QMimeData()

    # reading

    def item(self, row: int) -> OutputItem:
        return self._items[row]

    def items(self) -> list[OutputItem]:
        return list(self._items)

    def index_of(self, run_id: str, name: str) -> QModelIndex:
        row = self._row_of((run_id, name))
        return QModelIndex() if row is None else self.index(row, 0)

    def rows_for_path(self, path: str) -> list[int]:
        rows = (self._row_of(key) for key in self._keys_by_path.get(path, ()))
        return sorted(row for row in rows if row is not None)

    def workflows(self) -> list[tuple[str, str]]:
        """(workflow, display name) of every workflow with outputs, by display name."""
        return self._tallies.workflows()

    def batches(self) -> list[tuple[str, str]]:
        """(batch id, display name) of every batch with outputs, newest batch first."""
        return self._tallies.batches(self._items, self._keys)

    def has_single_runs(self) -> bool:
        return self._tallies.singles > 0

    # changing

    def set_items(self, items: Iterable[OutputItem]) -> None:
        """Replace everything (first load from history); the only operation that resets."""
        unique = {item.key: item for item in items}
        self.beginResetModel()
        self._items = sorted(unique.values(), key=self._sort_key)
        self._keys = [self._sort_key(item) for item in self._items]
        self._sort_key_of = {}
        self._keys_by_path = {}
        self._tallies = _FilterTallies()
        for item, key in zip(self._items, self._keys, strict=True):
            self._remember(item, key)
        self.endResetModel()

    def add_items(self, items: Iterable[OutputItem]) -> None:
        """Add new outputs and update known ones (same run and name) in place, without a reset."""
        fresh: dict[tuple[str, str], OutputItem] = {}
        changed: list[tuple[str, str]] = []
        moved_rows: set[int] = set()
        for item in items:
            row = self._row_of(item.key)
            if (
                row is not None
                and row not in moved_rows
                and self._sort_key(item) == self._keys[row]
            ):
                if self._items[row] != item:
                    self._forget(self._items[row])
                    self._items[row] = item
                    self._remember(item, self._keys[row])
                    changed.append(item.key)
                continue
            if row is not None:  # its place in the order changed: take it out, insert it again
                moved_rows.add(row)
            fresh[item.key] = item
        if moved_rows:
            self._remove_rows(sorted(moved_rows))
        for key in changed:
            row = self._row_of(key)
            if row is not None:
                index = self.index(row, 0)
                self.dataChanged.emit(index, index)
        if not fresh:
            return
        groups: dict[int, list[OutputItem]] = {}
        for item in sorted(fresh.values(), key=self._sort_key):
            groups.setdefault(bisect.bisect_left(self._keys, self._sort_key(item)), []).append(item)
        offset = 0
        for position in sorted(groups):
            block = groups[position]
            first = position + offset
            self.beginInsertRows(QModelIndex(), first, first + len(block) - 1)
            sort_keys = [self._sort_key(item) for item in block]
            self._items[first:first] = block
            self._keys[first:first] = sort_keys
            for item, sort_key in zip(block, sort_keys, strict=True):
                self._remember(item, sort_key)
            self.endInsertRows()
            offset += len(block)

    def remove_run(self, run_id: str) -> None:
        """Take out every output of ``run_id`` (the run was removed from history)."""
        self._remove_rows([row for row, item in enumerate(self._items) if item.run_id == run_id])

    def thumbnail_changed(self, path: str) -> None:
        """Tell views that the thumbnail of the rows showing ``path`` can now be drawn."""
        for row in self.rows_for_path(path):
            index = self.index(row, 0)
            self.dataChanged.emit(index, index, [ThumbnailRole])

    def _sort_key(self, item: OutputItem) -> tuple[float, str, str]:
        if self._newest_first:
            return _sort_key(item)
        order = self._arrival.setdefault(item.key, len(self._arrival))
        return (float(order), "", "")

    def _remove_rows(self, rows: Sequence[int]) -> None:
        # From the bottom up, so earlier row numbers stay valid; neighbours go in one removal.
        ranges: list[list[int]] = []
        for row in sorted(set(rows), reverse=True):
            if ranges and ranges[-1][0] == row + 1:
                ranges[-1][0] = row
            else:
                ranges.append([row, row])
        for first, last in ranges:
            self.beginRemoveRows(QModelIndex(), first, last)
            for item in self._items[first : last + 1]:
                self._forget(item)
            del self._items[first : last + 1]
            del self._keys[first : last + 1]
            self.endRemoveRows()

    def _row_of(self, key: tuple[str, str]) -> int | None:
        sort_key = self._sort_key_of.get(key)
        if sort_key is None:
            return None
        row = bisect.bisect_left(self._keys, sort_key)
        return row if row < len(self._keys) and self._keys[row] == sort_key else None

    def _remember(self, item: OutputItem, sort_key: tuple[float, str, str]) -> None:
        self._sort_key_of[item.key] = sort_key
        self._tallies.add(item, sort_key)
        if item.path is not None:
            self._keys_by_path.setdefault(str(item.path), set()).add(item.key)

    def _forget(self, item: OutputItem) -> None:
        sort_key = self._sort_key_of.pop(item.key, None)
        if sort_key is not None:
            self._tallies.remove(item, sort_key)
        if item.path is not None:
            keys = self._keys_by_path.get(str(item.path))
            if keys is not None:
                keys.discard(item.key)
                if not keys:
                    del self._keys_by_path[str(item.path)]


class _FilterTallies:
    """What the filter choices list, kept up to date item by item: reading them walks nothing.

    With a long history (tens of thousands of outputs arriving a frame's share at a time) a
    walk of every item for each refresh of the choices held frames for 50 ms and more.
    """

    def __init__(self) -> None:
        self.singles = 0
        self._workflows: dict[str, list[Any]] = {}  # workflow -> [count, display name]
        # batch -> [count, name, sort key of its newest output]; batches whose newest output
        # left are looked up again when next asked for.
        self._batches: dict[str, list[Any]] = {}
        self._stale: set[str] = set()

    def add(self, item: OutputItem, sort_key: tuple[float, str, str]) -> None:
        tally = self._workflows.setdefault(item.workflow, [0, item.workflow_name])
        tally[0] += 1
        if item.batch_id is None:
            self.singles += 1
            return
        batch = self._batches.get(item.batch_id)
        if batch is None:
            self._batches[item.batch_id] = [
                1,
                item.batch_name or translate("_FilterTallies", "Unnamed batch"),
                sort_key,
            ]
            return
        batch[0] += 1
        if sort_key < batch[2]:
            batch[1], batch[2] = (
                item.batch_name or translate("_FilterTallies", "Unnamed batch"),
                sort_key,
            )

    def remove(self, item: OutputItem, sort_key: tuple[float, str, str]) -> None:
        tally = self._workflows.get(item.workflow)
        if tally is not None:
            tally[0] -= 1
            if tally[0] <= 0:
                del self._workflows[item.workflow]
        if item.batch_id is None:
            self.singles -= 1
            return
        batch = self._batches.get(item.batch_id)
        if batch is None:
            return
        batch[0] -= 1
        if batch[0] <= 0:
            del self._batches[item.batch_id]
            self._stale.discard(item.batch_id)
        elif sort_key == batch[2]:
            self._stale.add(item.batch_id)

    def workflows(self) -> list[tuple[str, str]]:
        named = [(workflow, tally[1]) for workflow, tally in self._workflows.items()]
        return sorted(named, key=lambda pair: (pair[1].casefold(), pair[0]))

    def batches(
        self, items: Sequence[OutputItem], keys: Sequence[tuple[float, str, str]]
    ) -> list[tuple[str, str]]:
        if self._stale:
            for item, key in zip(items, keys, strict=True):
                if item.batch_id in self._stale:
                    batch = self._batches[item.batch_id]
                    batch[1], batch[2] = (
                        item.batch_name or translate("_FilterTallies", "Unnamed batch"),
                        key,
                    )
                    self._stale.discard(item.batch_id)
                    if not self._stale:
                        break
        ordered = sorted(self._batches.items(), key=lambda pair: pair[1][2])
        return [(batch_id, batch[1]) for batch_id, batch in ordered]


def _tooltip(item: OutputItem) -> str:
    lines = [item.workflow_name, translate("GalleryModel", "Output: {name}").format(name=item.name)]
    if item.batch_name or item.batch_id:
        batch = item.batch_name or item.batch_id
        lines.append(translate("GalleryModel", "Batch: {batch}").format(batch=batch))
    if item.width and item.height:
        lines.append(
            translate("Model", "{width} × {height} px").format(width=item.width, height=item.height)
        )
    if item.error is not None:
        lines.append(translate("Model", "Not saved: {error}").format(error=item.error))
    lines.append(item.created_at.astimezone().strftime("%Y-%m-%d %H:%M:%S"))
    return "\n".join(lines)


class GalleryFilterProxy(QSortFilterProxyModel):
    """Shows the outputs of one workflow and/or one batch, of one kind.

    None lets everything through; the batch filter ``NO_BATCH`` keeps single runs only. The kind
    is ``MEDIA`` (images and other media) unless set: text and JSON outputs are read in a run's
    details, and tiles of them among pictures made the gallery hard to look through.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workflow: str | None = None
        self._batch: str | None = None
        self._kind: str | None = MEDIA
        # The library's search and marks filter (see presenters/library.py); None keeps all.
        self._keep: Callable[[OutputItem], bool] | None = None

    def set_keep(self, keep: Callable[[OutputItem], bool] | None) -> None:
        """Keep only the outputs ``keep`` accepts (search matches, marks), or all with None."""
        self._change_filter(lambda: setattr(self, "_keep", keep))

    @property
    def kind(self) -> str | None:
        return self._kind

    def set_kind(self, kind: str | None) -> None:
        """``MEDIA``, ``TEXT``, or None for every output."""
        if kind != self._kind:
            self._change_filter(lambda: setattr(self, "_kind", kind))

    @property
    def workflow(self) -> str | None:
        return self._workflow

    @property
    def batch(self) -> str | None:
        return self._batch

    def set_workflow(self, workflow: str | None) -> None:
        if workflow != self._workflow:
            self._change_filter(lambda: setattr(self, "_workflow", workflow))

    def set_batch(self, batch_id: str | None) -> None:
        if batch_id != self._batch:
            self._change_filter(lambda: setattr(self, "_batch", batch_id))

    def _change_filter(self, change: Callable[[], None]) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+; invalidateFilter() is deprecated there
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateFilter()

    def item(self, row: int) -> OutputItem:
        item: OutputItem = self.index(row, 0).data(ItemRole)
        return item

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        if isinstance(model, GalleryModel):
            # Straight from the list: a long history arriving asks this of every new row, and
            # an index and a data() call from C++ back into Python per row added up.
            item: object = model.item(source_row) if source_row < model.rowCount() else None
        else:
            item = model.index(source_row, 0, source_parent).data(ItemRole)
        if not isinstance(item, OutputItem):
            return False
        if self._workflow is not None and item.workflow != self._workflow:
            return False
        if self._keep is not None and not self._keep(item):
            return False
        if self._kind is not None and (item.kind in _TEXT_KINDS) != (self._kind == TEXT):
            return False
        if self._batch is None:
            return True
        if self._batch == NO_BATCH:
            return item.batch_id is None
        return item.batch_id == self._batch
