"""Keeps Python's cyclic garbage collector on the GUI thread and out of the way of its frames.

A full (generation 2) collection walks every container object the collector tracks, on
whichever thread happens to allocate, holding the GIL: with a few thousand runs in history and
a couple of hundred streaming, that is a 30-80 ms pause in the middle of a frame. The policy:

- once the history is loaded, it is frozen (``gc.freeze``): long-lived objects are moved to the
  permanent generation, which collections never walk;
- after each full collection, whatever survived it is frozen too, so the next full collection
  walks only what was created since the last one (the collection just removed all garbage, so
  freezing there keeps none);
- while runs are active the app asks for such a collection every couple of seconds
  (:meth:`CollectorPolicy.collect_recent`), so each one walks a couple of seconds' worth of new
  objects instead of the interpreter's own, rarer one walking all of them at once;
- objects frozen while alive that later become cyclic garbage are only reclaimed by a
  :meth:`CollectorPolicy.tidy`: a complete collection the app runs when nothing is streaming
  and no more often than ``tidy_interval`` seconds.

The interpreter's own collector runs on whichever thread happens to allocate: keyring, SQLite,
HTTP and thumbnail work on worker threads. A collection there destroys whatever Qt objects
were waiting in reference cycles on that thread, where Qt forbids it (a crash, later). So while
the policy is started the automatic collector is off, and the app calls :meth:`tick` from a
timer on the GUI thread: it runs the young collections the interpreter would have run, by the
same allocation counts (``gc.get_count`` against ``gc.get_threshold``), each walking only what
is new. Garbage made on any thread is reclaimed within a tick or two, idle or streaming.
"""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable

__all__ = ["CollectorPolicy"]

log = logging.getLogger(__name__)


class CollectorPolicy:
    """Freeze long-lived objects; walk only recent ones; reclaim the rest at quiet moments."""

    def __init__(
        self, *, tidy_interval: float = 600.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.tidy_interval = tidy_interval
        self._clock = clock
        self._active = False
        self._last_tidy = clock()
        #: Whether the interpreter collected on its own before start(): stop() puts that back.
        self._was_enabled = False
        self.full_collections = 0
        self.tidies = 0
        #: Collections run by tick(), per generation.
        self.ticked = [0, 0, 0]

    @property
    def active(self) -> bool:
        return self._active

    def start(self) -> None:
        """Freeze what is alive now (the loaded history) and every full collection's survivors."""
        if self._active:
            return
        # Off before the freeze: no collection can start on another thread from here on.
        self._was_enabled = gc.isenabled()
        gc.disable()
        gc.freeze()
        gc.callbacks.append(self._on_collection)
        self._active = True
        self._last_tidy = self._clock()

    def stop(self) -> None:
        """Hand everything back to the collector (on shut-down)."""
        if not self._active:
            return
        gc.callbacks.remove(self._on_collection)
        gc.unfreeze()
        self._active = False
        if self._was_enabled:
            gc.enable()

    def tick(self) -> int | None:
        """Run the collection the interpreter would have run by now, if any (on the caller's
        thread: the app's GUI thread).

        The youngest generation is collected once the container objects made since its last
        collection, less those freed, reach its threshold; an older one once the younger one
        was collected its threshold's number of times, as the interpreter does. A full
        collection walks only what is not frozen. Returns the generation collected, or None.
        """
        if not self._active:
            return None
        counts = gc.get_count()
        thresholds = gc.get_threshold()
        if thresholds[0] <= 0 or counts[0] < thresholds[0]:
            return None
        generation = 0
        for older in (1, 2):
            if counts[older] >= thresholds[older]:
                generation = older
        gc.collect(generation)
        self.ticked[generation] += 1
        return generation

    def collect_recent(self) -> int:
        """A full collection, which walks only what is not frozen: what is new since the last.

        Returns the number of unreachable objects found.
        """
        return gc.collect()

    def tidy_due(self) -> bool:
        return self._active and self._clock() - self._last_tidy >= self.tidy_interval

    def tidy(self) -> int:
        """Collect everything, frozen objects included, then freeze the survivors again.

        Takes as long as a full collection of the whole heap: call it when nothing moves.
        Returns the number of unreachable objects found.
        """
        if not self._active:
            return gc.collect()
        started = self._clock()
        gc.unfreeze()
        try:
            found = gc.collect()
        finally:
            gc.freeze()
        self._last_tidy = self._clock()
        self.tidies += 1
        log.debug(
            "Collected %d unreachable objects in %.0f ms while idle",
            found,
            (self._last_tidy - started) * 1000.0,
        )
        return found

    def _on_collection(self, phase: str, info: dict[str, int]) -> None:
        if phase == "stop" and info.get("generation") == 2:
            # Everything left is reachable: keep it out of the next full collection's walk.
            gc.freeze()
            self.full_collections += 1
