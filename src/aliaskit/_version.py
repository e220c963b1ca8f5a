"""The version of aliaskit (one place: the package, saved files and the build read it)."""

from __future__ import annotations

__version__ = "0.1.0"
