"""Finding results in the queue and the gallery: search as you type, dates, stars and rejects.

The search field filters at once on what the rows show (workflow, state, request ID, error) and,
a moment later, on what the history's full-text index finds (prompts and every input value),
asked in a worker so typing never waits on the disk. The date range and the marks filter are
read from memory (each run's time, the engine's marks), as is the star before a run's workflow.
The queue's state groups (the sidebar) narrow the same rows. S stars and X rejects the selected
runs (queue, sweep grid) or pictures (gallery); pressing it again takes it back.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from fizzly_desktop.core.library_search import SearchQuery, since_of, words_of
from fizzly_desktop.core.marks import Mark, MarkKey
from fizzly_desktop.core.words import plural
from fizzly_desktop.ui.bridge import EngineDelta
from fizzly_desktop.ui.gallery.view import GalleryView
from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.outputs.output_items import OutputItem
from fizzly_desktop.ui.presenters.services import Services
from fizzly_desktop.ui.queue.queue_view import QueueView

STAR_BADGE, REJECT_BADGE = "★ ", "✗ "


def _keeps_mark(wanted: str, mark: Mark | None) -> bool:
    if wanted == "starred":
        return mark is Mark.STAR
    if wanted == "rejected":
        return mark is Mark.REJECT
    return mark is not Mark.REJECT


class SearchPresenter(QObject):
    """Search, date range and marks for the queue and the gallery (see the module docstring)."""

    def __init__(self, services: Services, view: QueueView, gallery: GalleryView | None) -> None:
        super().__init__(view)
        self.services = services
        self.view = view
        self.proxy = view.proxy
        self.gallery = gallery
        self._text = ""
        self._marks_filter = ""
        self._dates = ""
        self._gallery_text = ""
        self._gallery_marks = ""
        self._gallery_dates = ""
        self._gallery_matches: frozenset[str] = frozenset()
        view.search.textChanged.connect(self._on_text_changed)
        view.marks_filter_changed.connect(self._on_marks_filter_changed)
        view.date_filter_changed.connect(self._on_date_filter_changed)
        view.mark_requested.connect(self.mark_runs)
        self.proxy.set_mark_badge(self._badge)
        if gallery is not None:
            gallery.search_changed.connect(self._on_gallery_text_changed)
            gallery.marks_filter_changed.connect(self._on_gallery_marks_changed)
            gallery.date_filter_changed.connect(self._on_gallery_dates_changed)
            gallery.mark_requested.connect(self.mark_outputs)
            gallery.delegate.mark_of = self._output_mark

    # --- the queue ----------------------------------------------------------------------------
    def _on_text_changed(self, text: str) -> None:
        self._text = text
        self._search()

    def _search(self) -> None:
        engine = self.services.engine
        if engine is None or not words_of(self._text):
            self.proxy.set_matches(frozenset())
            return
        self.services.spawn_latest("queue-search", self._run_search(self._text))

    async def _run_search(self, text: str) -> None:
        engine = self.services.engine
        if engine is None:
            return
        found = frozenset(await engine.library.search(SearchQuery(text=text)))
        if text == self._text:  # typed on meanwhile: a newer search is on its way
            self.proxy.set_matches(found)

    def on_delta(self, delta: EngineDelta) -> None:
        if delta.added and words_of(self._text):
            # New runs are searched too (their rows are committed before they are sent).
            self._search()

    def _badge(self, run_id: str) -> str:
        engine = self.services.engine
        if engine is None:
            return ""
        if engine.marks.is_starred(run_id):
            return STAR_BADGE
        return REJECT_BADGE if engine.marks.get(run_id) is Mark.REJECT else ""

    def _keep(self) -> Callable[[str], bool] | None:
        """What the marks filter and the date range keep of the queue's runs (None: all)."""
        engine = self.services.engine
        wanted, since = self._marks_filter, since_of(self._dates)
        if engine is None or (not wanted and since is None):
            return None
        marks = engine.marks

        def keep(run_id: str) -> bool:
            if since is not None:
                run = engine.run(run_id)
                if run is None or run.created_at < since:
                    return False
            if wanted == "starred":
                return marks.is_starred(run_id)
            return not wanted or _keeps_mark(wanted, marks.get(run_id))

        return keep

    def _on_marks_filter_changed(self, value: str) -> None:
        self._marks_filter = value
        self.proxy.set_mark_filter(self._keep())

    def _on_date_filter_changed(self, value: str) -> None:
        self._dates = value
        self.proxy.set_mark_filter(self._keep())

    def mark_runs(self, run_ids: list[str], mark: str) -> None:
        """The star or reject key on selected runs: set it, or take it off if all had it."""
        engine = self.services.engine
        if engine is None or not run_ids:
            return
        pressed = Mark(mark)
        now = engine.marks.press([MarkKey(rid) for rid in run_ids], pressed)
        runs = plural(len(run_ids), "run")
        if now is Mark.STAR:
            text = translate("SearchPresenter", "Starred {runs}.").format(runs=runs)
        elif now is Mark.REJECT:
            text = translate(
                "SearchPresenter", "Rejected {runs}: they stay until you delete them."
            ).format(runs=runs)
        else:
            if pressed is Mark.STAR:
                text = translate("SearchPresenter", "Star taken off {runs}.").format(runs=runs)
            else:
                text = translate("SearchPresenter", "Reject taken off {runs}.").format(runs=runs)
        self.services.show_message(text, 4000)
        if self._marks_filter:
            self.proxy.set_mark_filter(self._keep())

    # --- the gallery --------------------------------------------------------------------------
    def _on_gallery_text_changed(self, text: str) -> None:
        self._gallery_text = text
        if not words_of(text) or self.services.engine is None:
            self._gallery_matches = frozenset()
            self._apply_gallery_filter()
            return
        self.services.spawn_latest("gallery-search", self._run_gallery_search(text))

    async def _run_gallery_search(self, text: str) -> None:
        engine = self.services.engine
        if engine is None:
            return
        found = frozenset(await engine.library.search(SearchQuery(text=text)))
        if text == self._gallery_text:
            self._gallery_matches = found
            self._apply_gallery_filter()

    def _on_gallery_marks_changed(self, value: str) -> None:
        self._gallery_marks = value
        self._apply_gallery_filter()

    def _on_gallery_dates_changed(self, value: str) -> None:
        self._gallery_dates = value
        self._apply_gallery_filter()

    def _output_mark(self, item: OutputItem) -> str | None:
        """An output's own mark, or its run's when it has none."""
        engine = self.services.engine
        if engine is None:
            return None
        mark = engine.marks.get(item.run_id, item.name) or engine.marks.get(item.run_id)
        return None if mark is None else mark.value

    def _apply_gallery_filter(self) -> None:
        if self.gallery is None:
            return
        searching = bool(words_of(self._gallery_text))
        matches, wanted = self._gallery_matches, self._gallery_marks
        since = since_of(self._gallery_dates)
        if not searching and not wanted and since is None:
            self.gallery.proxy.set_keep(None)
            return

        def keep(item: OutputItem) -> bool:
            if searching and item.run_id not in matches:
                return False
            if since is not None and item.created_at.timestamp() < since:
                return False
            if not wanted:
                return True
            mark = self._output_mark(item)
            return _keeps_mark(wanted, None if mark is None else Mark(mark))

        self.gallery.proxy.set_keep(keep)

    def mark_outputs(self, items: list[OutputItem], mark: str) -> None:
        """The star or reject key on selected gallery tiles: marks the outputs themselves."""
        engine = self.services.engine
        if engine is None or not items or self.gallery is None:
            return
        now = engine.marks.press([MarkKey(i.run_id, i.name) for i in items], Mark(mark))
        outputs = plural(len(items), "output")
        if now is Mark.STAR:
            text = translate("SearchPresenter", "Starred {outputs}.").format(outputs=outputs)
        elif now is Mark.REJECT:
            text = translate(
                "SearchPresenter", "Rejected {outputs}: dimmed, kept until you delete their runs."
            ).format(outputs=outputs)
        else:
            if mark == "star":
                text = translate("SearchPresenter", "Star taken off {outputs}.").format(
                    outputs=outputs
                )
            else:
                text = translate("SearchPresenter", "Reject taken off {outputs}.").format(
                    outputs=outputs
                )
        self.services.show_message(text, 4000)
        if self._gallery_marks:
            self._apply_gallery_filter()
        self.gallery.list_view.viewport().update()
