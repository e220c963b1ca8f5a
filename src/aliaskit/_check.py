"""Argument checks shared by the public entry points."""

from __future__ import annotations

from typing import Any

__all__ = ["require_str", "require_threshold"]


def require_str(value: Any, name: str) -> str:
    """Return ``value`` if it is a ``str``; raise ``TypeError`` otherwise."""
    if not isinstance(value, str):
        raise TypeError(
            f"{name} must be a str, not {type(value).__name__}"
            + (" (decode bytes first)" if isinstance(value, bytes | bytearray) else "")
        )
    return value


def require_threshold(value: Any, name: str = "threshold") -> float:
    """Return ``value`` as a float if it is a real number in [0, 1].

    A wrong type (``True`` included: a bool is not a threshold) raises
    ``TypeError``; a number outside [0, 1], or NaN, raises ``ValueError``.
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{name} must be a number, not {type(value).__name__}")
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{name} must be in [0, 1], got {value!r}")
    return float(value)
