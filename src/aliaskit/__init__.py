"""aliaskit: entity alias resolution of person names across scripts."""

from __future__ import annotations

__all__: list[str] = []
