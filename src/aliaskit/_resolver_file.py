"""The saved form of a Resolver: its format marker, version, and the checks on reading it."""

from __future__ import annotations

import hashlib
import json
from typing import Any

__all__ = ["FORMAT", "FORMAT_VERSION", "READABLE_VERSIONS", "ResolverFileError", "checked_body"]

FORMAT = "aliaskit-resolver"
FORMAT_VERSION = 2
#: The versions this aliaskit reads: 1 has names and judgements, 2 adds records.
READABLE_VERSIONS = (1, 2)


class ResolverFileError(ValueError):
    """A saved Resolver file is unreadable, corrupt, tampered with or of another version."""


def checked_body(data: Any, where: str) -> dict[str, Any]:
    """Validate a saved Resolver's fields; raise ResolverFileError on any problem.

    The body of a version 1 file gets an empty ``records`` list."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ResolverFileError(f"{where}: not an {FORMAT} file")
    version = data.get("version")
    if version not in READABLE_VERSIONS:
        raise ResolverFileError(
            f"{where}: format version {version!r} is not supported "
            f"(this aliaskit reads versions {', '.join(map(str, READABLE_VERSIONS))})"
        )
    keys = ("threshold", "names", "must_link", "cannot_link") + (
        ("records",) if version == 2 else ()
    )
    if set(data) != {"format", "version", "sha256", *keys}:
        raise ResolverFileError(f"{where}: unexpected or missing fields")
    body = {k: data[k] for k in keys}
    digest = hashlib.sha256(json.dumps(body, sort_keys=True).encode("utf-8", "surrogatepass"))
    if digest.hexdigest() != data["sha256"]:
        raise ResolverFileError(f"{where}: checksum mismatch (file corrupt or edited)")
    names = body["names"]
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise ResolverFileError(f"{where}: names must be a list of strings")
    body.setdefault("records", [])
    records = body["records"]
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise ResolverFileError(f"{where}: records must be a list of objects")
    known = set(names) | _record_keys(records)
    for field in ("must_link", "cannot_link"):
        pairs = body[field]
        ok = isinstance(pairs, list) and all(
            isinstance(p, list) and len(p) == 2 and p[0] in known and p[1] in known and p[0] != p[1]
            for p in pairs
        )
        if not ok:
            raise ResolverFileError(f"{where}: {field} must be pairs of saved names or record ids")
    threshold = body["threshold"]
    if not isinstance(threshold, int | float) or not 0.0 <= threshold <= 1.0:
        raise ResolverFileError(f"{where}: threshold must be a number in [0, 1]")
    return body


def _record_keys(records: list[dict[str, Any]]) -> set[str]:
    """The names and ids of saved records, which judgements may name."""
    known: set[str] = set()
    for record in records:
        found = record.get("name")
        if isinstance(found, list):
            known.update(n for n in found if isinstance(n, str))
        if isinstance(record.get("id"), str):
            known.add(record["id"])
    return known
