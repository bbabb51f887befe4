"""Profiles: which one is active, the first-run welcome, the Profiles dialog, the sandbox."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl

from fizzly_desktop.core.profiles import SANDBOX_PROFILE_NAME, KeyCheckStatus, ProfileStore
from fizzly_desktop.core.session import SANDBOX_NOT_RUNNING
from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.library import WorkflowLibraryPanel
from fizzly_desktop.ui.presenters.form import KEY_REJECTED, NO_KEY, FormPresenter
from fizzly_desktop.ui.presenters.services import Services
from fizzly_desktop.ui.profiles import WelcomeView
from fizzly_desktop.ui.shell.status_bar import Connection

if TYPE_CHECKING:
    from fizzly_desktop.ui.profiles import ProfilesDialog


class ProfilesPresenter:
    """Points the window at the active profile and follows what the user changes about it."""

    def __init__(
        self,
        services: Services,
        make_welcome: Callable[[], WelcomeView],
        library_panel: WorkflowLibraryPanel,
        form: FormPresenter,
    ) -> None:
        self.services = services
        # The first-run welcome is made when it is first shown (most starts never show it).
        self._make_welcome = make_welcome
        self._welcome: WelcomeView | None = None
        self.library_panel = library_panel
        self.form = form
        self._dialog: ProfilesDialog | None = None
        self._before: dict[str, tuple[str, str | None]] = {}
        # The profile whose rejected key the library's button offers to replace (None: the
        # button tries the server again).
        self._problem_fix: str | None = None
        library_panel.problem_button.clicked.connect(self._on_problem_button_clicked)
        window = services.window
        window.profile_chosen.connect(
            lambda name: services.spawn("switch-profile", self.switch_profile(name))
        )
        window.profiles_action.triggered.connect(lambda: self.open_dialog())
        self.refresh_list()

    @property
    def welcome(self) -> WelcomeView:
        """The first-run welcome, made and put in the window on first use."""
        if self._welcome is None:
            services = self.services
            welcome = self._welcome = self._make_welcome()
            welcome.sandbox_chosen.connect(
                lambda: services.spawn("welcome-sandbox", self.finish_welcome(SANDBOX_PROFILE_NAME))
            )
            welcome.account_connected.connect(
                lambda name: services.spawn("welcome-account", self.finish_welcome(name))
            )
            services.window.set_welcome(welcome)
        return self._welcome

    @property
    def showing_welcome(self) -> bool:
        """The welcome stands in for the window (until the user chooses how to start)."""
        window = self.services.window
        return self._welcome is not None and window.central.currentWidget() is self._welcome

    def show_welcome(self) -> None:
        """Show the welcome in place of the window's parts."""
        self.welcome  # noqa: B018 (made and put in the window first)
        self.services.window.show_welcome(True)

    @property
    def profiles(self) -> ProfileStore:
        return self.services.session.profiles

    def refresh_list(self) -> None:
        self.services.window.set_profiles(self.profiles.names(), self.profiles.active_name)

    def choose_from_arguments(
        self, *, use_sandbox: bool, base_url: str | None, profile: str | None
    ) -> None:
        """The profile the command line asks for: --sandbox, --base-url or --profile."""
        store = self.profiles
        if use_sandbox:
            store.set_active(SANDBOX_PROFILE_NAME)
        elif base_url:
            match = next((p for p in store.profiles() if p.base_url == base_url), None)
            if match is None:
                name = QUrl(base_url).host() or base_url
                match = store.add(name, base_url)
            store.set_active(match.name)
        elif profile:
            if store.find(profile) is None:
                self.services.show_error(
                    translate("ProfilesPresenter", "There is no profile named “{profile}”.").format(
                        profile=profile
                    )
                )
            else:
                store.set_active(profile)
        self.refresh_list()

    async def start_sandbox(self) -> None:
        session, window = self.services.session, self.services.window
        if session.sandbox is not None and session.sandbox.running:
            return
        window.status.set_connection(Connection.STARTING)
        if await session.start_sandbox() is None:
            window.status.set_connection(
                Connection.OFFLINE, session.sandbox_problem or SANDBOX_NOT_RUNNING
            )
            window.form_panel.set_unavailable(
                translate(
                    "ProfilesPresenter",
                    "The local sandbox did not start; see Help ▸ Open Log Folder.",
                )
            )
            return
        window.status.set_connection(Connection.CONNECTED)

    async def switch_profile(self, name: str) -> None:
        if name == self.profiles.active_name:
            return
        self.profiles.set_active(name)
        if self.profiles.active.is_sandbox:
            await self.start_sandbox()
        await self.activate()

    async def finish_welcome(self, profile_name: str) -> None:
        self.profiles.dismiss_welcome()
        self.profiles.set_active(profile_name)
        self.refresh_list()
        self.services.window.show_welcome(False)
        if self.profiles.active.is_sandbox:
            await self.start_sandbox()
        await self.activate()

    async def activate(self) -> None:
        """Point the window at the active profile: server, key state, its workflow library."""
        session, window = self.services.session, self.services.window
        profile = self.profiles.active
        self.refresh_list()
        library = session.use_library_of(profile.name)
        self.library_panel.show_problem(None)
        self.form.on_library_changed()
        if profile.is_sandbox and session.sandbox is not None:
            base_url = session.sandbox.info.base_url
            library.ensure(session.sandbox.info.workflows)
        else:
            base_url = profile.base_url
        self.library_panel.set_library(library, session.connector)
        window.status.set_server(profile.name, base_url)
        status = self.profiles.key_status(profile.name)
        if profile.is_sandbox:
            reason = None if session.sandbox is not None else SANDBOX_NOT_RUNNING
            if session.sandbox is not None:
                # Back from a profile without a key: the status bar said so until now.
                window.status.set_connection(Connection.CONNECTED)
        elif status.fingerprint is None:
            reason = translate("Form", NO_KEY)
            window.status.set_connection(Connection.NO_KEY)
            # An empty list with "No API key" in a corner is a dead end: say it where the
            # workflows would be, with the button that fixes it.
            self._problem_fix = profile.name
            self.library_panel.show_problem(
                translate(
                    "ProfilesPresenter",
                    "“{name}” has no API key yet. Add the key from your Fizzly account "
                    "settings to see its workflows and run them.",
                ).format(name=profile.name),
                translate("ProfilesPresenter", "Add API Key…"),
            )
        else:
            reason = None
            # "Connected" only once the server has taken the key: a rejected one would
            # otherwise show an empty library under a green light.
            window.status.set_connection(
                Connection.CHECKING,
                translate("ProfilesPresenter", "key {fingerprint}").format(
                    fingerprint=status.fingerprint
                ),
            )
            self.services.spawn_latest("check-key", self.check_key(profile.name))
        window.form_panel.set_unavailable(reason if self.form.workflow else None)
        if self.form.workflow is None:
            entries = library.list()
            if entries:
                self.library_panel.select(entries[0].owner, entries[0].slug)

    async def check_key(self, name: str) -> None:
        """Ask the server whether it takes profile ``name``'s key; say what to do if not."""
        session, window = self.services.session, self.services.window
        check = await session.connector.check_profile(name)
        if check is None or self.profiles.active_name != name:
            return  # no key (already said), or the user has moved on to another profile
        panel = self.library_panel
        rejected = not check.ok and check.status is not KeyCheckStatus.UNREACHABLE
        if rejected:
            self.form.rejected_keys.add(name)
        else:
            self.form.rejected_keys.discard(name)
        if check.ok:
            fingerprint = self.profiles.key_status(name).fingerprint
            window.status.set_connection(
                Connection.CONNECTED,
                translate("ProfilesPresenter", "key {fingerprint}").format(fingerprint=fingerprint),
            )
            panel.show_problem(None)
            return
        if check.status is KeyCheckStatus.UNREACHABLE:
            self._problem_fix = None
            window.status.set_connection(Connection.OFFLINE, check.message)
            panel.show_problem(
                translate("ProfilesPresenter", "Can't reach the server. {message}").format(
                    message=check.message
                ),
                translate("ProfilesPresenter", "Try again"),
            )
            return
        self._problem_fix = name
        window.status.set_connection(Connection.KEY_REJECTED, check.message)
        panel.show_problem(
            translate(
                "ProfilesPresenter", "Key rejected: open Profiles to replace it.\n{message}"
            ).format(message=check.message),
            translate("ProfilesPresenter", "Open Profiles…"),
        )
        window.form_panel.set_unavailable(
            translate("Form", KEY_REJECTED) if self.form.workflow else None
        )

    def _on_problem_button_clicked(self) -> None:
        name = self._problem_fix
        if name is not None:
            self.open_dialog(select=name)
        else:
            active = self.profiles.active_name
            self.services.window.status.set_connection(Connection.CHECKING)
            self.services.spawn_latest("check-key", self.check_key(active))

    # --- the Profiles dialog -------------------------------------------------------------------
    def open_dialog(self, select: str | None = None) -> None:
        """Open the Profiles dialog (one at a time), on profile ``select`` when given."""
        from fizzly_desktop.ui.profiles import ProfilesDialog

        if self._dialog is not None:
            if select is not None:
                self._dialog.select_profile(select)
            self._dialog.raise_()
            self._dialog.activateWindow()
            return
        services = self.services
        dialog = ProfilesDialog(
            self.profiles, services.window, verify=services.session.connector.verify_key
        )
        self._dialog = dialog
        self._before = self._identities()
        dialog.active_profile_changed.connect(
            lambda name: services.spawn("switch-profile", self.switch_profile(name))
        )
        dialog.profiles_changed.connect(self.refresh_list)
        dialog.finished.connect(self._on_dialog_finished)
        if select is not None:
            dialog.select_profile(select)
        dialog.open()

    def _identities(self) -> dict[str, tuple[str, str | None]]:
        """Each profile's address and key fingerprint: what a client is made from."""
        return {
            p.name: (p.base_url, self.profiles.key_status(p.name).fingerprint)
            for p in self.profiles.profiles()
        }

    def _on_dialog_finished(self, _result: int) -> None:
        dialog, self._dialog = self._dialog, None
        if dialog is not None:
            self.services.spawn("close-profiles", dialog.aclose())
            dialog.deleteLater()
        after = self._identities()
        changed = [name for name, before in self._before.items() if after.get(name) != before]
        self.services.spawn("profile", self._after_change(changed))

    async def _after_change(self, changed: list[str]) -> None:
        for name in changed:
            await self.services.session.reconnect(name)
        await self.activate()

    async def aclose(self) -> None:
        if self._welcome is not None:
            await self._welcome.aclose()
        if self._dialog is not None:
            await self._dialog.aclose()
