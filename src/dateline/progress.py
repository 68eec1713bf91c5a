"""Progress for long runs: a bar on a terminal, log lines otherwise.

The bar is drawn on stderr only when asked for *and* stderr is a terminal *and* the
``CI`` environment variable is unset, so pipes, files and CI logs stay clean. Progress
is always logged at INFO level (rate-limited), which ``dateline -v`` shows.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from types import TracebackType
from typing import TextIO

log = logging.getLogger(__name__)
BAR_WIDTH = 30
LOG_EVERY_S = 10.0
DRAW_EVERY_S = 0.2


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
    when unknown (then no ETA). ``show=False`` never draws, whatever the terminal.
    """

    def __init__(self, total: int | None, label: str = "articles", show: bool = False,
                 stream: TextIO | None = None) -> None:
        self.total = total
        self.label = label
        self.done = 0
        self._stream = stream or sys.stderr
        self._draw = show and terminal_wanted(self._stream)
        self._start = time.perf_counter()
        self._last_draw = 0.0
        self._last_log = self._start

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, kind: type[BaseException] | None, err: BaseException | None,
                 trace: TracebackType | None) -> None:
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
        if self._draw and now - self._last_draw >= DRAW_EVERY_S:
            self._stream.write("\r" + self.line())
            self._stream.flush()
            self._last_draw = now
        if now - self._last_log >= LOG_EVERY_S:
            log.info("%s", self.line())
            self._last_log = now

    def close(self) -> None:
        if self._draw:
            self._stream.write("\r" + self.line() + "\n")
            self._stream.flush()
            self._draw = False
        log.info("done: %s", self.line())
