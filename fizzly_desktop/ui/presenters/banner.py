"""The held-batch banner: which batch is paused or cannot send, kept current by the delta."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from fizzly_desktop.ui.bridge import EngineDelta
from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.presenters.services import Services
from fizzly_desktop.ui.shell.batch_banner import BatchBanner


class BannerPresenter:
    """Shows the oldest held batch in the banner (and how many more), with Resume and Cancel."""

    def __init__(self, services: Services, banner: BatchBanner) -> None:
        self.services = services
        self.banner = banner
        banner.resume_requested.connect(self._on_resume_requested)
        banner.cancel_requested.connect(self._on_cancel_requested)

    def refresh(self) -> None:
        engine = self.services.engine
        held = engine.held_batches() if engine is not None else []
        if not held:
            self.banner.clear()
            return
        first = held[0]
        text = first.text
        if len(held) > 1:
            more = len(held) - 1
            text += translate("BannerPresenter", " (and %n more batch(es) not sending)", None, more)
        self.banner.show_batch(first.batch_id, text, can_resume=first.paused)

    def on_delta(self, delta: EngineDelta) -> None:
        if delta.batches_changed or delta.runs_changed:
            self.refresh()

    def _on_resume_requested(self, batch_id: str) -> None:
        engine = self.services.engine
        if engine is not None:
            # If it cannot send (no key, key refused, no credits, no answer), the batch comes
            # back paused or held with the reason, and the banner says it.
            engine.resume_batch(batch_id)
            self.refresh()

    def _on_cancel_requested(self, batch_id: str) -> None:
        engine = self.services.engine
        batch = engine.batch(batch_id) if engine is not None else None
        if engine is None or batch is None:
            return
        answer = QMessageBox.question(
            self.services.window,
            translate("BannerPresenter", "Cancel batch"),
            translate(
                "BannerPresenter",
                "Cancel every unfinished run of “{name}”? Runs not sent yet are "
                "dropped; runs on the server are cancelled and their unused credits "
                "refunded.",
            ).format(name=batch.name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            engine.cancel_batch(batch_id)
