"""The saved form of a Resolver: its format marker, version, and the checks on reading it."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from aliaskit._mentions import MentionsError, checked_mentions

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "READABLE_VERSIONS",
    "STATE_FIELDS",
    "ResolverFileError",
    "Scored",
    "checked_body",
    "known_scores",
    "state_rows",
]

FORMAT = "aliaskit-resolver"
FORMAT_VERSION = 4
#: The versions this aliaskit reads: 1 has names and judgements, 2 adds
#: records, 3 adds the scores computed (read back instead of scoring again),
#: 4 the mentions of each name (:mod:`aliaskit._mentions`).
READABLE_VERSIONS = (1, 2, 3, 4)
#: The fields of the computed state, in version 3.
STATE_FIELDS = ("aliaskit", "scores")


class ResolverFileError(ValueError):
    """A saved Resolver file is unreadable, corrupt, tampered with or of another version."""


def checked_body(data: Any, where: str) -> dict[str, Any]:
    """Validate a saved Resolver's fields; raise ResolverFileError on any problem.

    The body of a version 1 file gets an empty ``records`` list."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ResolverFileError(f"{where}: not an {FORMAT} file")
    version = data.get("version")
    if type(version) is not int or version not in READABLE_VERSIONS:  # not True, not 1.0
        raise ResolverFileError(
            f"{where}: format version {version!r} is not supported "
            f"(this aliaskit reads versions {', '.join(map(str, READABLE_VERSIONS))})"
        )
    keys: tuple[str, ...] = ("threshold", "names", "must_link", "cannot_link")
    keys += ("records",) if version >= 2 else ()
    keys += STATE_FIELDS if version >= 3 else ()
    keys += ("mentions",) if version >= 4 else ()
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
    judged: dict[str, set[frozenset[str]]] = {}
    for field in ("must_link", "cannot_link"):
        pairs = body[field]
        ok = isinstance(pairs, list) and all(
            isinstance(p, list)
            and len(p) == 2
            and all(isinstance(x, str) and x in known for x in p)
            and p[0] != p[1]
            for p in pairs
        )
        if not ok:
            raise ResolverFileError(f"{where}: {field} must be pairs of saved names or record ids")
        judged[field] = {frozenset(p) for p in pairs}
    both = judged["must_link"] & judged["cannot_link"]
    if both:
        pair = sorted(min(both, key=sorted))
        raise ResolverFileError(f"{where}: {pair!r} is in both must_link and cannot_link")
    _check_later_fields(body, version, where)
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


def _check_later_fields(body: dict[str, Any], version: int, where: str) -> None:
    """The fields of version 3 (the scores) and 4 (the mentions), when the file has them."""
    if version >= 3:
        _check_state(body, where)
    if version >= 4:
        names = set(body["names"]) | _record_names(body["records"])
        try:
            body["mentions"] = checked_mentions(body["mentions"], names)
        except MentionsError as err:
            raise ResolverFileError(f"{where}: {err}") from None


def _record_names(records: list[dict[str, Any]]) -> set[str]:
    """The names of saved records (their ids aside)."""
    found = (r.get("name") for r in records)
    return {n for names in found if isinstance(names, list) for n in names if isinstance(n, str)}


def _check_state(body: dict[str, Any], where: str) -> None:
    """The computed state of a version 3 file: ``scores`` as ``[a, b, score,
    conflict]`` rows, and the aliaskit version that scored them."""
    if not isinstance(body["aliaskit"], str):
        raise ResolverFileError(f"{where}: aliaskit must be a version string")
    for field in ("scores",):
        rows = body[field]
        ok = isinstance(rows, list) and all(
            isinstance(r, list)
            and len(r) == 4
            and isinstance(r[0], str)
            and isinstance(r[1], str)
            and isinstance(r[2], int | float)
            and isinstance(r[3], bool)
            for r in rows
        )
        if not ok:
            raise ResolverFileError(f"{where}: {field} must be [a, b, score, conflict] rows")


#: A pair's score and whether it conflicts, as computed.
Scored = tuple[float, bool]


def state_rows(
    edges: dict[tuple[str, str], float],
    cannot_links: dict[str, set[str]],
    judged_apart: set[tuple[str, str]],
) -> dict[str, list[list[Any]]]:
    """The computed scores to save: the kept scores of the candidate pairs and
    their conflicts found by comparison (not the user's cannot-links), sorted.
    Pairs scored outside blocking are left out: which were scored depends on
    the order names came in, and the saved state must not."""
    scores: list[list[Any]] = [[a, b, s, False] for (a, b), s in edges.items()]
    scores += [
        [a, b, 0.0, True]
        for a, others in cannot_links.items()
        for b in others
        if a < b and (a, b) not in judged_apart
    ]
    return {"scores": sorted(scores)}


def known_scores(body: dict[str, Any]) -> dict[tuple[str, str], Scored]:
    """The saved scores of the candidate pairs kept or in conflict."""
    return {(a, b): (float(s), c) for a, b, s, c in body["scores"]}
