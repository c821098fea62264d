"""When a visit counts as over: the idle clock of the kiosk. Never imports Textual."""

from __future__ import annotations

import enum
import math
import time
from collections.abc import Callable

MAX_WARNING = 30.0


class Phase(enum.Enum):
    """Where a visit stands on the idle clock."""

    ACTIVE = "active"
    WARNING = "warning"  # show the countdown
    EXPIRED = "expired"  # wipe the visit


class IdleClock:
    """Seconds since the last input, against the `--idle` limit.

    The last quarter of the limit (at most 30 s) is the warning phase, in which
    the kiosk shows a countdown.
    """

    def __init__(self, idle: float, clock: Callable[[], float] = time.monotonic) -> None:
        """Start the clock now.

        Args:
            idle: Seconds without input after which the visit is wiped.
            clock: Monotonic seconds (a fake clock in tests and the soak benchmark).
        """
        if idle <= 0:
            raise ValueError("idle must be positive")
        self.idle = idle
        self.clock = clock
        self._last = clock()

    @property
    def warning(self) -> float:
        """Length of the countdown: a quarter of the limit, at most 30 s."""
        return min(self.idle / 4, MAX_WARNING)

    @property
    def tick(self) -> float:
        """How often the app should look at the clock."""
        return max(0.05, min(0.5, self.warning / 10))

    def touch(self) -> None:
        """Note input now."""
        self._last = self.clock()

    def remaining(self) -> float:
        """Seconds until the visit is wiped (never negative)."""
        return max(0.0, self.idle - (self.clock() - self._last))

    def seconds_left(self) -> int:
        """`remaining()` rounded up, for the countdown."""
        return math.ceil(self.remaining())

    def phase(self) -> Phase:
        """Active, warning (countdown) or expired."""
        left = self.remaining()
        if left <= 0:
            return Phase.EXPIRED
        if left <= self.warning:
            return Phase.WARNING
        return Phase.ACTIVE
