"""Dragging saved pictures out of the gallery or a run's strip: files, and which outputs they are.

A drag carries the pictures as local file URLs, which any image field (or another app) takes,
and, in a format of the app's own, the run and output name of each, so that a form field they
are dropped on can say where its picture came from (as **Use as Input** does).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from PySide6.QtCore import QMimeData, QUrl

from fizzly_desktop.ui.outputs.output_items import OutputItem

#: The app's own format: a JSON list of ``[run_id, output name]``, one per picture.
OUTPUT_MIME = "application/x-fizzly-output"


def output_mime(items: Sequence[OutputItem]) -> QMimeData | None:
    """The drag of ``items``' saved pictures, or None when none of them is one."""
    images = [item for item in items if item.is_image and item.path is not None]
    if not images:
        return None
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(item.path)) for item in images])
    pairs = [[item.run_id, item.name] for item in images]
    mime.setData(OUTPUT_MIME, json.dumps(pairs).encode())
    return mime


def dropped_outputs(mime: QMimeData) -> list[tuple[str, str]]:
    """The (run_id, output name) of each picture a drop carries; empty for other drops."""
    if not mime.hasFormat(OUTPUT_MIME):
        return []
    try:
        pairs = json.loads(bytes(mime.data(OUTPUT_MIME).data()).decode())
    except (UnicodeDecodeError, ValueError):
        return []
    if not isinstance(pairs, list):
        return []
    return [
        (pair[0], pair[1])
        for pair in pairs
        if isinstance(pair, list)
        and len(pair) == 2
        and isinstance(pair[0], str)
        and isinstance(pair[1], str)
    ]
