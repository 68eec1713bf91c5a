"""Progress for long runs: a bar on a terminal, log lines otherwise.

The library reports progress wherever work takes long (annotating articles, encoding
sentences, evaluation topics) but never draws by itself: an application turns drawing on
for a block with :func:`shown` (the command line does, for every command). A bar is then
drawn on stderr only when stderr is a terminal *and* the ``CI`` environment variable is
unset, so pipes, files and CI logs stay clean, and only once a step has run for
``QUIET_FOR_S``, so quick steps leave no trace. Progress is always logged at INFO level
(rate-limited), which ``dateline -v`` shows.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from types import TracebackType
from typing import TextIO

log = logging.getLogger(__name__)
BAR_WIDTH = 30
LOG_EVERY_S = 10.0
DRAW_EVERY_S = 0.2
QUIET_FOR_S = 1.0  # a step that ends sooner draws nothing


def default_quiet_period() -> float:
    """Seconds a step runs before its bar is drawn: ``DATELINE_PROGRESS_AFTER`` or 1."""
    try:
        return max(0.0, float(os.environ.get("DATELINE_PROGRESS_AFTER", QUIET_FOR_S)))
    except ValueError:
        return QUIET_FOR_S


_SHOWN: ContextVar[bool] = ContextVar("dateline_progress_shown", default=False)


@contextmanager
def shown(enabled: bool = True) -> Iterator[None]:
    """Within this block, progress is drawn on stderr (when it is a terminal)."""
    token = _SHOWN.set(enabled)
    try:
        yield
    finally:
        _SHOWN.reset(token)


def terminal_wanted(stream: TextIO | None = None) -> bool:
    """True when a progress bar may be drawn on ``stream`` (stderr by default)."""
    stream = stream or sys.stderr
    return bool(stream.isatty()) and not os.environ.get("CI")


def format_eta(seconds: float) -> str:
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class Progress:
    """Counts finished items; reports rate (items/s) and ETA.

    Use as a context manager; ``advance(n)`` after each batch. ``total`` may be None
    when unknown (then no ETA). ``show=None`` (the default) draws when the caller is
    inside :func:`shown`; ``show=False`` never draws, whatever the terminal.
    """

    def __init__(
        self,
        total: int | None,
        label: str = "articles",
        show: bool | None = None,
        stream: TextIO | None = None,
        quiet_for_s: float | None = None,
    ) -> None:
        self.total = total
        self.label = label
        self.done = 0
        self._stream = stream or sys.stderr
        wanted = _SHOWN.get() if show is None else show
        self._draw = wanted and terminal_wanted(self._stream)
        self._drawn = False
        self._quiet_for_s = default_quiet_period() if quiet_for_s is None else quiet_for_s
        self._start = time.perf_counter()
        self._last_draw = self._start
        self._last_log = self._start

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        err: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def rate(self) -> float:
        elapsed = time.perf_counter() - self._start
        return self.done / elapsed if elapsed > 0 else 0.0

    def line(self) -> str:
        """The progress line, e.g. ``[=====>    ] 120/400 articles 35.2/s ETA 00:08``."""
        rate = self.rate
        if not self.total:
            return f"{self.done} {self.label} {rate:.1f}/s"
        frac = min(1.0, self.done / self.total)
        filled = int(frac * BAR_WIDTH)
        bar = "=" * filled + (">" if filled < BAR_WIDTH else "") + " " * (BAR_WIDTH - filled - 1)
        eta = format_eta((self.total - self.done) / rate) if rate > 0 else "--:--"
        return f"[{bar[:BAR_WIDTH]}] {self.done}/{self.total} {self.label} {rate:.1f}/s ETA {eta}"

    def advance(self, count: int = 1) -> None:
        self.done += count
        now = time.perf_counter()
        if (
            self._draw
            and now - self._start >= self._quiet_for_s
            and now - self._last_draw >= DRAW_EVERY_S
        ):
            self._stream.write("\r" + self.line())
            self._stream.flush()
            self._last_draw = now
            self._drawn = True
        if now - self._last_log >= LOG_EVERY_S:
            log.info("%s", self.line())
            self._last_log = now

    def close(self) -> None:
        if self._draw and (self._drawn or time.perf_counter() - self._start >= self._quiet_for_s):
            self._stream.write("\r" + self.line() + "\n")
            self._stream.flush()
        self._draw = False
        log.info("done: %s", self.line())
