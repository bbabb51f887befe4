"""The output origin's files: images, clips, sounds and meshes, rendered on first fetch."""

from __future__ import annotations

import contextlib
import os
import tempfile
import threading
from collections import OrderedDict
from pathlib import Path

from fizzly_desktop.sandbox.images import ImageSpec, render
from fizzly_desktop.sandbox.media.spec import MediaSpec

OutputSpec = ImageSpec | MediaSpec


def render_output(spec: OutputSpec) -> bytes:
    return spec.render() if isinstance(spec, MediaSpec) else render(spec)


class OutputStore:
    """Published outputs by file name; files are rendered on first fetch and a few are cached.

    With a ``directory`` (the data folder's ``outputs``), a rendered file is also written there
    and served from there afterwards, so it stays byte-identical across restarts (and Pillow
    upgrades), as its immutable cache headers promise. The cache holds at most ``cache_size``
    files and ``cache_bytes`` bytes (a clip is a few megabytes).
    """

    def __init__(
        self, cache_size: int = 48, directory: Path | None = None, cache_bytes: int = 64 << 20
    ) -> None:
        self._specs: dict[str, OutputSpec] = {}
        self._cache: OrderedDict[str, bytes] = OrderedDict()
        self._cached_bytes = 0
        self._cache_size = cache_size
        self._cache_bytes = cache_bytes
        self._lock = threading.Lock()
        self.directory = directory
        if directory is not None:
            directory.mkdir(parents=True, exist_ok=True)

    def publish(self, spec: OutputSpec) -> str:
        with self._lock:
            self._specs[spec.file_name] = spec
        return spec.file_name

    def spec(self, file_name: str) -> OutputSpec | None:
        with self._lock:
            return self._specs.get(file_name)

    @property
    def cached_bytes(self) -> int:
        with self._lock:
            return self._cached_bytes

    def image_spec(self, file_name: str) -> ImageSpec | None:
        """The published picture of that name (None for other files and unknown names)."""
        spec = self.spec(file_name)
        return spec if isinstance(spec, ImageSpec) else None

    def file_bytes(self, file_name: str) -> bytes | None:
        """The encoded file, or None if nothing was published under that name. Thread-safe."""
        with self._lock:
            spec = self._specs.get(file_name)
            cached = self._cache.get(file_name)
            if cached is not None:
                self._cache.move_to_end(file_name)
                return cached
        if spec is None:
            return None
        data = self._read_file(file_name)
        if data is None:
            data = render_output(spec)
            self._write_file(file_name, data)
        with self._lock:
            if file_name not in self._cache:
                self._cache[file_name] = data
                self._cached_bytes += len(data)
            while self._cache and (
                len(self._cache) > self._cache_size or self._cached_bytes > self._cache_bytes
            ):
                _, dropped = self._cache.popitem(last=False)
                self._cached_bytes -= len(dropped)
        return data

    def _read_file(self, file_name: str) -> bytes | None:
        if self.directory is None:
            return None
        try:
            return (self.directory / file_name).read_bytes()
        except FileNotFoundError:
            return None

    def _write_file(self, file_name: str, data: bytes) -> None:
        if self.directory is None:
            return
        # Write aside and rename, so a killed sandbox never leaves half a file under the name.
        fd, temp = tempfile.mkstemp(dir=self.directory, prefix=".partial-")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(temp, self.directory / file_name)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
