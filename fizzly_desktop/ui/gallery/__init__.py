"""The Gallery tab: every saved output of the history as a grid of tiles, filtered and sized."""

from fizzly_desktop.ui.gallery.menu import fit_on_screen
from fizzly_desktop.ui.gallery.model import (
    MEDIA,
    NO_BATCH,
    TEXT,
    THUMBNAIL_BUCKETS,
    GalleryFilterProxy,
    GalleryModel,
    ItemRole,
    ThumbnailRole,
    thumbnail_bucket,
)
from fizzly_desktop.ui.gallery.tiles import CaptionMode, OutputGridView, OutputTileDelegate
from fizzly_desktop.ui.gallery.view import EMPTY_GALLERY_MESSAGE, NO_MATCH_MESSAGE, GalleryView

__all__ = [
    "EMPTY_GALLERY_MESSAGE",
    "MEDIA",
    "NO_BATCH",
    "NO_MATCH_MESSAGE",
    "TEXT",
    "THUMBNAIL_BUCKETS",
    "CaptionMode",
    "GalleryFilterProxy",
    "GalleryModel",
    "GalleryView",
    "ItemRole",
    "OutputGridView",
    "OutputTileDelegate",
    "ThumbnailRole",
    "fit_on_screen",
    "thumbnail_bucket",
]
