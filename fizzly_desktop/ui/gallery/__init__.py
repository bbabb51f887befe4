"""The Gallery tab: every saved output of the history as a grid of tiles, filtered and sized."""

from fizzly_desktop.ui.gallery.model import (
    NO_BATCH,
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
    "NO_BATCH",
    "NO_MATCH_MESSAGE",
    "THUMBNAIL_BUCKETS",
    "CaptionMode",
    "GalleryFilterProxy",
    "GalleryModel",
    "GalleryView",
    "ItemRole",
    "OutputGridView",
    "OutputTileDelegate",
    "ThumbnailRole",
    "thumbnail_bucket",
]
