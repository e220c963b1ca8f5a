"""Argument checks shared by the public entry points."""

from __future__ import annotations

from typing import Any

__all__ = ["require_str"]


def require_str(value: Any, name: str) -> str:
    """Return ``value`` if it is a ``str``; raise ``TypeError`` otherwise."""
    if not isinstance(value, str):
        raise TypeError(
            f"{name} must be a str, not {type(value).__name__}"
            + (" (decode bytes first)" if isinstance(value, bytes | bytearray) else "")
        )
    return value
