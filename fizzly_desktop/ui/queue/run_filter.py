"""The queue's filter and sort proxy: state group, workflow, batch, marks and free text."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import cast

from PySide6.QtCore import (
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QSortFilterProxyModel,
    Qt,
)

from fizzly_desktop.core import words
from fizzly_desktop.core.i18n import QT_TRANSLATE_NOOP
from fizzly_desktop.core.runs import StateGroup
from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.queue.columns import (
    _CELL_SLOT,
    _SERVED_ROLES,
    SORT_ROLE,
    AnyIndex,
    Column,
)
from fizzly_desktop.ui.queue.run_model import RunTableModel

#: Roles whose workflow cell carries the run's mark: shown as a sign, said as a word.
_BADGED_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole)
_SPOKEN_BADGES = {
    "★": QT_TRANSLATE_NOOP("RunFilter", "Starred, "),
    "✗": QT_TRANSLATE_NOOP("RunFilter", "Rejected, "),
}


class RunFilterProxy(QSortFilterProxyModel):
    """Filters the queue by state group (the sidebar), workflow, batch and free text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._group = StateGroup.ALL
        self._workflow: str | None = None
        self._batch: str | None = None
        self._text = ""
        # Runs the history's full-text search found for the text (prompts, input values).
        self._matches: frozenset[str] = frozenset()
        # Keeps a run by its marks (starred, rejected…); None keeps every run.
        self._keep: Callable[[str], bool] | None = None
        # The mark shown before a run's workflow ("★ "), or "" for none.
        self._badge: Callable[[str], str] | None = None
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    @property
    def group(self) -> StateGroup:
        return self._group

    def set_group(self, group: StateGroup) -> None:
        self.beginFilterChange()
        self._group = group
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_workflow(self, workflow: str | None) -> None:
        self.beginFilterChange()
        self._workflow = workflow
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_batch(self, batch_id: str | None) -> None:
        self.beginFilterChange()
        self._batch = batch_id
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().lower()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_matches(self, run_ids: frozenset[str]) -> None:
        """The runs the full-text search found for the current text (they pass the text test)."""
        if run_ids == self._matches:
            return
        self.beginFilterChange()
        self._matches = run_ids
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_mark_filter(self, keep: Callable[[str], bool] | None) -> None:
        self.beginFilterChange()
        self._keep = keep
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_mark_badge(self, badge: Callable[[str], str] | None) -> None:
        self._badge = badge

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        value = super().data(index, role)
        if (
            self._badge is not None
            and index.column() == Column.WORKFLOW
            and role in _BADGED_ROLES
            and isinstance(value, str)
        ):
            source = self.sourceModel()
            if isinstance(source, RunTableModel):
                badge = self._badge(source.run_at(self.mapToSource(index).row()).id)
                if role == Qt.ItemDataRole.AccessibleTextRole:
                    badge = translate(
                        "RunFilter", _SPOKEN_BADGES.get(badge.strip(), "")
                    )  # said, not "black star"
                value = badge + value
        return value

    def multiData(
        self,
        index: AnyIndex,
        roleDataSpan: QModelRoleDataSpan | QModelRoleData,
    ) -> None:
        """All the roles a delegate asks for to paint one cell, in one call.

        Qt's default asks ``data()`` once per role (seven per painted cell), and through a sort
        proxy each of those maps the index to the source model again, which calls back into
        Python twice more: about twenty calls from C++ into Python per cell, and a paint
        of the queue is hundreds of cells. Here the index is mapped once and the source model
        answers every role directly.
        """
        model = self.sourceModel()
        if not isinstance(model, RunTableModel):
            super().multiData(index, roleDataSpan)
            return
        entries: Iterable[QModelRoleData] = (
            (roleDataSpan,)
            if isinstance(roleDataSpan, QModelRoleData)
            else cast("Iterable[QModelRoleData]", roleDataSpan)  # iterable; the stubs omit it
        )
        source = self.mapToSource(index)
        if not source.isValid():
            for role_data in entries:
                role_data.clearData()
            return
        row, column = source.row(), source.column()
        cell = model.cell(row, column)
        slots = _CELL_SLOT
        for role_data in entries:
            role = role_data.role()
            slot = slots.get(role)
            if slot is not None:
                value = cell[slot]
            elif role in _SERVED_ROLES:
                value = model.value_at(row, column, role)
            else:
                value = None
            if (
                self._badge is not None
                and column == Column.WORKFLOW
                and role == Qt.ItemDataRole.DisplayRole
                and isinstance(value, str)
            ):
                value = self._badge(model.run_at(row).id) + value
            if value is None:
                role_data.clearData()
            else:
                role_data.setData(value)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if (
            column == Column.SUBMITTED
            and order == Qt.SortOrder.DescendingOrder
            and isinstance(self.sourceModel(), RunTableModel)
        ):
            # The queue's default order is the model's own (newest made first): nothing to
            # sort, now or as runs arrive. The header still shows the column it is sorted by.
            # (Column -1 means the source's order; in descending order Qt would reverse it.)
            column, order = -1, Qt.SortOrder.AscendingOrder
        super().sort(column, order)

    def lessThan(self, source_left: AnyIndex, source_right: AnyIndex) -> bool:
        """Order two rows by the sort column, in one call rather than two ``data()`` calls.

        Sending 200 runs at once inserts 200 rows, each placed by a dozen comparisons.
        """
        model = self.sourceModel()
        if not isinstance(model, RunTableModel):
            return super().lessThan(source_left, source_right)
        left, right = source_left.row(), source_right.row()
        column = source_left.column()
        if column == Column.SUBMITTED:
            # The model keeps runs in the order they were made, newest first (row 0).
            return left > right
        left_key, right_key = model.sort_key(left, column), model.sort_key(right, column)
        if left_key == right_key:
            # Runs that tie stay newest first, whichever way the column is sorted (sorting
            # the other way, Qt asks with the two swapped).
            return left < right if self.sortOrder() == Qt.SortOrder.AscendingOrder else left > right
        return bool(left_key < right_key)  # type: ignore[operator]

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, RunTableModel):
            return True
        run = model.run_at(source_row)
        if not self._group.contains(run):
            return False
        if self._workflow is not None and run.workflow != self._workflow:
            return False
        if self._batch is not None and run.batch_id != self._batch:
            return False
        if self._keep is not None and not self._keep(run.id):
            return False
        if self._text:
            if run.id in self._matches:
                return True
            haystack = " ".join(
                str(part).lower()
                for part in (
                    run.workflow,
                    words.state_word(run),
                    run.request_id or "",
                    run.error or "",
                )
            )
            return self._text in haystack
        return True
