"""The workflow form: which workflow is shown, its inputs' schema, and running it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from fizzly_desktop.core.i18n import QT_TRANSLATE_NOOP
from fizzly_desktop.core.library import WorkflowEntry
from fizzly_desktop.core.recent_costs import RecentCosts
from fizzly_desktop.core.runs import Run, StateGroup
from fizzly_desktop.core.schema import InputSchema
from fizzly_desktop.core.session import SANDBOX_NOT_RUNNING
from fizzly_desktop.core.words import plural
from fizzly_desktop.ui.bridge import EngineDelta
from fizzly_desktop.ui.forms import SchemaForm
from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.library import WorkflowLibraryPanel
from fizzly_desktop.ui.presenters.services import Services

log = logging.getLogger(__name__)

NO_KEY = QT_TRANSLATE_NOOP(
    "Form", "Add an API key for this profile (File ▸ Profiles and API Keys) to run."
)
KEY_REJECTED = QT_TRANSLATE_NOOP(
    "Form", "The server refused this profile's key: open Profiles to replace it."
)

_SOURCES = {
    "server": QT_TRANSLATE_NOOP("Form", "inputs from the server's schema"),
    "file": QT_TRANSLATE_NOOP("Form", "inputs from an imported schema"),
    "example": QT_TRANSLATE_NOOP("Form", "inputs inferred from an example"),
    "editor": QT_TRANSLATE_NOOP("Form", "inputs from the field editor"),
    "reference": QT_TRANSLATE_NOOP("Form", "inputs of the reference example"),
}


class FormPresenter:
    """Shows the chosen workflow's form and queues the runs the user asks for.

    Args:
        services: the shared toolbox.
        library_panel: the workflow list beside the form.
        on_names_changed: called when the library's names change (the queue shows them).
        select_run: shows a run just queued in the queue, selected.
        show_batch: shows a batch just queued in the queue.
    """

    def __init__(
        self,
        services: Services,
        library_panel: WorkflowLibraryPanel,
        on_names_changed: Callable[[], None],
        select_run: Callable[[str], None],
        show_batch: Callable[[str], None] | None = None,
    ) -> None:
        self.services = services
        self.library_panel = library_panel
        self.workflow: WorkflowEntry | None = None
        self._on_names_changed = on_names_changed
        self._select_run = select_run
        self._show_batch = show_batch
        self._schema_asked: set[tuple[str, str]] = set()
        # The values typed into each workflow's form this session, by (profile, workflow), so
        # that going back to a workflow (or its form being rebuilt) loses nothing.
        self._kept_values: dict[tuple[str, str], dict[str, Any]] = {}
        self._kept_counts: dict[tuple[str, str], int] = {}
        self._shown_key: tuple[str, str] | None = None
        #: Profiles whose key the server refused when last checked (the profiles presenter's).
        self.rejected_keys: set[str] = set()
        # Asked on every finished run: kept up to date rather than read from the whole history.
        self._costs = RecentCosts(self._completed_runs)
        self._costs_engine: object | None = None
        window = services.window
        window.form_panel.run_requested.connect(self._on_run_requested)
        window.form_panel.build_batch_requested.connect(self.build_batch)
        window.import_rows_action.triggered.connect(self.build_batch)
        window.queue_view.use_inputs_requested.connect(self.use_inputs_of)
        window.run_details.use_inputs_requested.connect(self.use_inputs_of)
        library_panel.workflow_selected.connect(self.select_workflow)
        library_panel.library_changed.connect(self.on_library_changed)

    def on_library_changed(self) -> None:
        self.services.forget_workflow_names()
        self._on_names_changed()

    def select_workflow(self, entry: WorkflowEntry) -> None:
        self.keep_values()
        panel = self.services.window.form_panel
        session = self.services.session
        key = (session.profiles.active_name, entry.ref)
        previous, before = self.workflow, panel.count.value()
        # "× 10" was meant for the workflow it was set on: another one starts from its own
        # count (one run the first time), and going back finds the count left there.
        count = self._kept_counts.get(key, 1)
        panel.count.setValue(count)
        if previous is not None and previous.ref != entry.ref and before > 1 and count != before:
            self.services.show_message(
                translate(
                    "FormPresenter",
                    "× {before} stays with {display_name}: {display_name2} starts from {plural}.",
                ).format(
                    before=before,
                    display_name=previous.display_name,
                    display_name2=entry.display_name,
                    plural=plural(count, "run"),
                ),
                6000,
            )
        self.workflow = entry
        if entry.schema_source == "reference" and key not in self._schema_asked:
            # Nothing better than the reference example yet: ask the server once per session.
            self._schema_asked.add(key)
            self.services.spawn_latest(f"schema:{entry.ref}", self._fetch_schema(entry))
        try:
            schema = entry.input_schema()
        except Exception:  # a stored schema that no longer parses: fall back, say so
            log.exception("The stored schema of %s could not be read", entry.ref)
            schema = InputSchema.reference_example()
        form = SchemaForm(schema, library=session.library, workflow=entry)
        kept = self._kept_values.get(key)
        if kept is not None:
            form.set_values(kept)
        self._shown_key = key
        kind = entry.schema_source
        source = translate("Form", _SOURCES[kind]) if kind in _SOURCES else ""
        subtitle = entry.ref + (f" · {source}" if source else "")
        panel.set_workflow(entry.display_name, subtitle, form)
        panel.set_credits_per_run(self._credits_per_run(entry.ref))
        panel.set_unavailable(self.run_blocker())

    def workflow_ref(self) -> str | None:
        """``owner/slug`` of the workflow whose form is shown, if any."""
        return None if self.workflow is None else self.workflow.ref

    def keep_values(self) -> None:
        """Remember the shown form's values and run count for its workflow (this session)."""
        panel = self.services.window.form_panel
        form = panel.form
        if self._shown_key is not None and form is not None:
            self._kept_values[self._shown_key] = form.values()
            self._kept_counts[self._shown_key] = panel.count.value()

    def on_delta(self, delta: EngineDelta) -> None:
        """A run of the shown workflow finished: what a run costs may have changed."""
        if not delta.runs_changed:
            return
        moved = self._costs.forget(delta.removed) | self._costs.note((*delta.added, *delta.updated))
        workflow = self.workflow
        if workflow is not None and workflow.ref in moved:
            panel = self.services.window.form_panel
            panel.set_credits_per_run(self._credits_per_run(workflow.ref))

    async def _fetch_schema(self, entry: WorkflowEntry) -> None:
        session = self.services.session
        try:
            updated = await session.library.fetch_schema(entry.owner, entry.slug, session.connector)
        except Exception as error:  # the form keeps the inputs it has; say why in the panel
            log.warning("Could not fetch the inputs of %s: %s", entry.ref, error)
            message = getattr(error, "user_message", None) or str(error)
            self.library_panel.show_message(
                translate(
                    "FormPresenter", "Could not ask the server for its inputs: {message}"
                ).format(message=message)
            )
            return
        if updated.schema_source == "server":
            self.library_panel.refresh()
            if self.workflow is not None and self.workflow.ref == updated.ref:
                self.select_workflow(updated)

    def run_blocker(self) -> str | None:
        """Why the active profile cannot run now, or None."""
        session = self.services.session
        profile = session.profiles.active
        if profile.is_sandbox:
            return None if session.sandbox is not None else SANDBOX_NOT_RUNNING
        if session.profiles.key_status(profile.name).fingerprint is None:
            return translate("Form", NO_KEY)
        if profile.name in self.rejected_keys:
            return translate("Form", KEY_REJECTED)
        return None

    def _on_run_requested(self, count: int, webhook: str | None) -> None:
        # What runs is what the form shows at the click: the workflow, the profile and the
        # values (each run its own random seed) are taken now, not when the task gets to them.
        entry, form = self.workflow, self.services.window.form_panel.form
        if entry is None or form is None:
            return
        input_sets = [form.values(fill_random=True) for _ in range(count)]
        profile = self.services.session.profiles.active_name
        self.services.spawn("run", self.run_inputs(entry, input_sets, profile, webhook))

    async def run_inputs(
        self,
        entry: WorkflowEntry,
        input_sets: list[dict[str, Any]],
        profile: str,
        webhook: str | None = None,
    ) -> None:
        """Queue one run per input set: a single run, or a batch named after the workflow."""
        engine = self.services.engine
        if engine is None or not input_sets:
            return
        try:
            if len(input_sets) == 1:
                run = await engine.submit(
                    entry.ref, input_sets[0], profile=profile, webhook=webhook
                )
                self._select_run(run.id)
            else:
                batch = await engine.submit_batch(
                    f"{entry.display_name} × {len(input_sets)}",
                    entry.ref,
                    input_sets,
                    profile=profile,
                    webhook=webhook,
                )
                if self._show_batch is not None:
                    self._show_batch(batch.id)
        except Exception as error:
            log.exception("Could not queue the run")
            self.services.show_error(getattr(error, "user_message", None) or str(error))

    def build_batch(self) -> None:
        window = self.services.window
        engine, entry, form = self.services.engine, self.workflow, window.form_panel.form
        if engine is None or entry is None or form is None:
            return
        from fizzly_desktop.ui.batches import BatchBuilderDialog

        profile = self.services.session.profiles.active_name
        budget = engine.budget_state(profile)
        dialog = BatchBuilderDialog(
            form.schema,
            form.values(),
            entry.display_name,
            owner=entry.owner,
            slug=entry.slug,
            credits_per_run=self._credits_per_run(entry.ref),
            rate_limit=budget.limit if budget else 60,
            rate_window_s=budget.window if budget else 60.0,
            # Runs already waiting will spend the same budget first (submit + stream each).
            already_queued_requests=2 * engine.counts()[StateGroup.NOT_SENT],
            random_seed_fields=form.random_seed_fields(),
            parent=window,
        )
        count = window.form_panel.count.value()
        if count > 1:
            # The "× N" beside Run is how many runs the user has in mind: start from it.
            dialog.repeat_tab.repeat_count.setValue(count)
        if dialog.exec() != dialog.DialogCode.Accepted:
            return
        plan = dialog.plan()
        webhook = window.form_panel.webhook()
        self.services.spawn(
            "batch", self._queue_batch(plan.name, entry.ref, plan.input_sets(), profile, webhook)
        )

    async def _queue_batch(
        self,
        name: str,
        workflow: str,
        input_sets: list[dict[str, Any]],
        profile: str,
        webhook: str | None,
    ) -> None:
        engine = self.services.engine
        if engine is None:
            return
        batch = await engine.submit_batch(
            name, workflow, input_sets, profile=profile, webhook=webhook
        )
        if self._show_batch is not None:
            self._show_batch(batch.id)

    def _credits_per_run(self, workflow: str) -> float | None:
        engine = self.services.engine
        if engine is None:
            return None
        if engine is not self._costs_engine:
            self._costs.clear()
            self._costs_engine = engine
        return self._costs.per_run(workflow)

    def _completed_runs(self, workflow: str) -> list[Run]:
        engine = self.services.engine
        return [] if engine is None else engine.runs(StateGroup.COMPLETED, workflow=workflow)

    def use_inputs_of(self, run_id: str) -> None:
        """Fill the form with a past run's inputs, switching to its workflow first."""
        engine = self.services.engine
        run = engine.run(run_id) if engine else None
        if run is None:
            return
        library = self.services.session.library
        owner, _, slug = run.workflow.partition("/")
        entry = library.get(owner, slug)
        if entry is None:
            entry = library.add(owner, slug)
        self.library_panel.select(owner, slug)
        if self.workflow is None or self.workflow.ref != entry.ref:
            self.select_workflow(entry)
        form = self.services.window.form_panel.form
        if form is not None:
            unknown = form.set_values(run.inputs)
            if unknown:
                self.services.show_message(
                    translate(
                        "FormPresenter", "Some inputs of that run are not in this workflow's form: "
                    )
                    + ", ".join(unknown),
                    8000,
                )
