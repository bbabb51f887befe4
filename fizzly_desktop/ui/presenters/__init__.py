"""Presenters per screen area: the UI logic between the session and the widgets.

Each presenter holds one area's logic (queue, gallery, details, outputs, form and runs,
profiles, status, the held-batch banner, the sweep grid, quitting; of the library of results:
search and marks, delete and compare, chaining) and shares a small
:class:`Services` object with the others; the ``AppController`` only builds and wires them.
"""

from __future__ import annotations

from fizzly_desktop.ui.presenters.banner import BannerPresenter
from fizzly_desktop.ui.presenters.chain import ChainPresenter
from fizzly_desktop.ui.presenters.details import DetailsPresenter
from fizzly_desktop.ui.presenters.form import FormPresenter
from fizzly_desktop.ui.presenters.gallery import GalleryPresenter
from fizzly_desktop.ui.presenters.grid import GridPresenter
from fizzly_desktop.ui.presenters.library import LibraryPresenter
from fizzly_desktop.ui.presenters.outputs import OutputsPresenter
from fizzly_desktop.ui.presenters.profiles import ProfilesPresenter
from fizzly_desktop.ui.presenters.queue import QueuePresenter
from fizzly_desktop.ui.presenters.quitting import QuitPresenter
from fizzly_desktop.ui.presenters.search import SearchPresenter
from fizzly_desktop.ui.presenters.services import Services
from fizzly_desktop.ui.presenters.status import StatusPresenter

__all__ = [
    "BannerPresenter",
    "ChainPresenter",
    "DetailsPresenter",
    "FormPresenter",
    "GalleryPresenter",
    "GridPresenter",
    "LibraryPresenter",
    "OutputsPresenter",
    "ProfilesPresenter",
    "QueuePresenter",
    "QuitPresenter",
    "SearchPresenter",
    "Services",
    "StatusPresenter",
]
