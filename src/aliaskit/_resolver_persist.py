"""Saving and loading a Resolver (:class:`PersistLayer`): its names, records,
judgements and the scores it computed, as one JSON file
(:mod:`aliaskit._resolver_file` checks it on the way in)."""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Mapping, Sequence
from typing import Any, Self

from aliaskit._edges import Edge, ordered_pair
from aliaskit._gc import gc_paused
from aliaskit._mentions import saved_mentions
from aliaskit._progress import Progress
from aliaskit._resolver_file import (
    FORMAT,
    FORMAT_VERSION,
    ResolverFileError,
    checked_body,
    known_scores,
    state_rows,
)
from aliaskit._resolver_ingest import SkippedName
from aliaskit._safe_write import atomic_output
from aliaskit._version import __version__
from aliaskit.record import Record

__all__ = ["PersistLayer"]

_pair = ordered_pair


class PersistLayer:
    """Persistence of a Resolver (its state read through the attributes below)."""

    threshold: float
    _lock: threading.RLock
    _version: int
    _edges: dict[tuple[str, str], float]
    _cadj: dict[str, set[str]]
    _extra: dict[tuple[str, str], Edge]
    _known: dict[tuple[str, str], tuple[float, bool]] | None
    _must: set[tuple[str, str]]
    _cannot: set[tuple[str, str]]
    _alias: set[tuple[str, str]]
    _rec_must: set[tuple[str, str]]
    _rec_cannot: set[tuple[str, str]]
    skipped: list[SkippedName]
    _mentions: dict[str, int]

    def __init__(self, *, threshold: float = ..., workers: int | None = None) -> None:
        raise NotImplementedError  # the Resolver's

    def _add_items(
        self, items: Sequence[str | Record], start: int, progress: Progress | None = None
    ) -> int:
        raise NotImplementedError  # the records layer's

    def _saved_names(self) -> list[str]:
        raise NotImplementedError  # the records layer's

    def _saved_records(self) -> list[dict[str, Any]]:
        raise NotImplementedError  # the records layer's

    def _judge_records(self, a: str, b: str, *, same: bool) -> bool:
        raise NotImplementedError  # the records layer's

    def _judged(self, pair: tuple[str, str], *, recluster: bool = True) -> None:
        raise NotImplementedError  # the Resolver's

    def _count_mentions(self, counts: Mapping[str, int], *, reset: bool = False) -> None:
        raise NotImplementedError  # the records layer's

    def _recluster(self, touched: set[str]) -> None:
        raise NotImplementedError  # the clustering stages'

    # -- persistence ---------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The Resolver's state as plain data: names, records, judgements and threshold."""
        with self._lock:
            body = {
                "threshold": self.threshold,
                "names": self._saved_names(),
                "records": self._saved_records(),
                "must_link": [list(p) for p in sorted((self._must - self._alias) | self._rec_must)],
                "cannot_link": [list(p) for p in sorted(self._cannot | self._rec_cannot)],
                "aliaskit": __version__,
                **state_rows(self._edges, self._cadj, self._cannot),
                "mentions": saved_mentions(self._mentions),
            }
        digest = hashlib.sha256(json.dumps(body, sort_keys=True).encode("utf-8", "surrogatepass"))
        return {"format": FORMAT, "version": FORMAT_VERSION, "sha256": digest.hexdigest(), **body}

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the Resolver to a JSON file, atomically (temporary file, then
        rename; see :mod:`aliaskit._safe_write` for links, devices and pipes).

        The format is documented in :meth:`load`. Entities are not stored:
        they are a deterministic function of the names and judgements.
        """
        data = json.dumps(self.to_dict(), ensure_ascii=False, indent=1)
        with atomic_output(path, "w", encoding="utf-8", errors="surrogatepass") as fh:
            fh.write(data)

    @classmethod
    def from_dict(cls, data: Any, *, where: str = "data") -> Self:
        """Rebuild a Resolver from :meth:`to_dict` output (version 1 to 4),
        checking everything first."""
        body = checked_body(data, where)
        records = [
            _loaded_record(r, f"{where}: records[{i}]") for i, r in enumerate(body["records"])
        ]
        resolver = cls(threshold=body["threshold"])
        if body.get("aliaskit") == __version__:  # its scores are this version's
            resolver._known = known_scores(body)
        with gc_paused():  # as add_many, without making the entities
            resolver._add_items(body["names"], 0)
            if records:
                resolver._add_items(records, len(body["names"]))
        resolver._known = None
        resolver._count_mentions(body.get("mentions", {}), reset=True)  # older files: 1 a name
        if resolver.skipped:  # aliaskit saves only what it could read
            bad = resolver.skipped[0]
            raise ResolverFileError(f"{where}: no name can be read from {bad.value!r}")
        with resolver._lock:
            must = [p for p in body["must_link"] if not resolver._judge_records(*p, same=True)]
            cannot = [p for p in body["cannot_link"] if not resolver._judge_records(*p, same=False)]
            for a, b in must:
                resolver._must.add(_pair(a, b))
            for a, b in cannot:
                resolver._cannot.add(_pair(a, b))
            for a, b in must + cannot:
                resolver._judged(_pair(a, b), recluster=False)
            resolver._recluster({x for pair in must + cannot for x in pair})
            resolver._version += 1
        return resolver

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Self:
        """Read a Resolver saved by :meth:`save`.

        Format: one JSON object with ``format`` ("aliaskit-resolver"),
        ``version`` (4), ``sha256`` (of the canonical JSON of the other
        fields below), ``threshold``, ``names`` (sorted list of every name
        added), ``records`` (the records that say more than a name: objects
        with ``name`` (a list of names), ``id``, ``birth_date`` (as
        :class:`~aliaskit.BirthDate` prints it), ``countries`` (codes) and
        ``gender``), ``must_link`` and ``cannot_link`` (lists of ``[a, b]``
        pairs of names, or of record keys when a judgement names a record
        id), ``aliaskit`` (the version that wrote it) and ``scores``
        (``[a, b, score, conflict]`` rows: the candidate pairs kept or in
        conflict), which ``load`` reads instead of scoring when this aliaskit
        version wrote them, and ``mentions`` (an object: how many inputs used
        each saved name, for the names not used exactly once; it weighs the
        canonical name). Version 1 files, without ``records``, version 2
        files, without scores, and version 3 files, without mentions (each
        name counts once), still load. A file of another format or version, a corrupt or
        tampered file raises :class:`ResolverFileError`; nothing is
        half-loaded.
        """
        where = os.fspath(path)
        try:
            with open(where, encoding="utf-8", errors="surrogatepass") as fh:
                data = json.load(fh)
        except OSError as err:
            raise ResolverFileError(f"{where}: cannot read: {err.strerror}") from None
        except (ValueError, UnicodeDecodeError) as err:  # JSONDecodeError is a ValueError
            # A ValueError of json.load: an integer of too many digits.
            raise ResolverFileError(f"{where}: not valid JSON: {err}") from None
        except RecursionError:
            raise ResolverFileError(f"{where}: JSON nested too deeply") from None
        return cls.from_dict(data, where=where)


def _loaded_record(data: dict[str, Any], where: str) -> Record:
    """A saved record, or :class:`ResolverFileError` saying what is wrong with it."""
    fields = ("name", "id", "birth_date", "countries", "gender")
    if set(data) - set(fields) or "name" not in data:
        raise ResolverFileError(f"{where}: unexpected or missing fields")
    try:
        return Record(**{k: data.get(k) for k in fields})
    except (TypeError, ValueError) as err:
        raise ResolverFileError(f"{where}: {err}") from None
