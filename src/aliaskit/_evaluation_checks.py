"""Argument checks of the evaluation functions (see :mod:`aliaskit.evaluation`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

__all__ = ["require_all_str", "require_mapping", "require_str"]


def require_mapping(value: object, what: str) -> Mapping[str, str]:
    """``value`` if it is a mapping; ``TypeError`` naming ``what`` otherwise."""
    if not isinstance(value, Mapping):
        raise TypeError(f"{what} must be a mapping of str to str, got {type(value).__name__}")
    return value


def require_str(value: object, what: str) -> str:
    """``value`` if it is a str; ``TypeError`` naming ``what`` otherwise."""
    if not isinstance(value, str):
        raise TypeError(f"{what} must be str, got {type(value).__name__}: {value!r}")
    return value


def require_all_str(values: Sequence[object], what: str, allow_none: bool = False) -> None:
    """``TypeError`` naming ``what`` and the first value that is not a str (or None if allowed)."""
    # type() over a list runs in C; only on failure do we look for the culprit.
    allowed = {str, type(None)} if allow_none else {str}
    if set(map(type, values)) <= allowed:
        return
    for value in values:
        if not (isinstance(value, str) or (allow_none and value is None)):
            raise TypeError(f"{what} must be str, got {type(value).__name__}: {value!r}")
