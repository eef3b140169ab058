"""The monitoring branch of the exception family."""

from __future__ import annotations

from kwaliteitsregels.errors import KwaliteitsregelsError


class MonitoringError(KwaliteitsregelsError):
    """A monitoring file is invalid, or the rule engine could not run it."""
