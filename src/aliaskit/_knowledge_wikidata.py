"""The Wikidata-derived name groups of ``data/name_groups.tsv.gz`` (see :mod:`aliaskit.knowledge`).

The file lists about 280,000 forms with their groups. Indexing all of them
costs about as much as forty lookups made by scanning the decompressed file
for the form, and one comparison looks up a handful of forms. So the first
:data:`SCAN_LIMIT` distinct forms are found by scanning, and the next one
builds the whole index (:func:`wikidata_index`), used from then on. Both ways
give the same groups, in file order.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from aliaskit._knowledge_tables import data_file, decode, malformed, read_bytes

__all__ = ["GROUPS", "SCAN_LIMIT", "GroupIndex", "wikidata_index"]

GROUPS_FILE = "name_groups.tsv.gz"
#: Distinct forms looked up by scanning the file before the index is built.
SCAN_LIMIT = 8
_GROUPS_HEADER = ("group", "name", "script")


class _Body(NamedTuple):
    """The data lines of the groups file (after its header), as bytes."""

    name: str
    data: bytes
    first: int  # the line number of the first data line


@cache
def _body() -> _Body:
    """The groups file decompressed, its header checked and its fields counted.

    The first line that is neither blank nor a comment is the header. A file
    with other than two tabs per data line is read in full here, to name its
    first malformed line; the index checks every line.
    """
    name, raw = read_bytes(data_file(GROUPS_FILE))
    start = number = 0
    while start < len(raw):
        end = raw.find(b"\n", start)
        end = len(raw) if end < 0 else end
        line = decode(name, raw[start:end])
        number += 1
        start = end + 1
        if line.strip() and not line.startswith("#"):
            columns = tuple(line.rstrip("\r").split("\t"))
            if columns != _GROUPS_HEADER:
                raise ValueError(
                    f"{name}:{number}: expected header {_GROUPS_HEADER}, got {columns}"
                )
            body = _Body(name, raw[start:], number + 1)
            data = body.data
            lines = data.count(b"\n") + (bool(data) and not data.endswith(b"\n"))
            if data.count(b"\t") != 2 * lines:
                _index(body)
            return body
    raise ValueError(f"{name}: no header line")


def _index(body: _Body) -> dict[str, str | tuple[str, ...]]:
    """Index name -> group id(s) of every data line of ``body``."""
    text = decode(body.name, body.data)
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    index: dict[str, str | tuple[str, ...]] = {}
    get = index.get
    prev = ""
    try:
        for line in lines:
            group, form, _script = line.split("\t")
            if group == prev:
                group = prev  # share one string object per group
            prev = group
            found = get(form)
            if found is None:
                index[form] = group
            elif isinstance(found, str):
                index[form] = (found, group)
            else:
                index[form] = (*found, group)
    except ValueError:
        raise malformed(body.name, _GROUPS_HEADER, lines, body.first) from None
    return index


@cache
def wikidata_index() -> dict[str, str | tuple[str, ...]]:
    """Index name -> group id(s) of the whole file (a fast path of ``load_table``)."""
    index = _index(_body())
    _body.cache_clear()  # the index holds all it says
    return index


def _scan(key: str) -> tuple[str, ...]:
    """The groups of form ``key``, in file order, found by scanning the file.

    A data line is ``group<TAB>form<TAB>script``, so a form is the only field
    with a tab on each side.
    """
    if "\t" in key or "\n" in key:
        return ()
    try:
        needle = b"\t" + key.encode("utf-8") + b"\t"
    except UnicodeEncodeError:  # a lone surrogate: no form of a UTF-8 file holds one
        return ()
    body = _body()
    data = body.data
    found: list[str] = []
    at = data.find(needle)
    while at >= 0:
        found.append(decode(body.name, data[data.rfind(b"\n", 0, at) + 1 : at]))
        at = data.find(needle, at + 1)
    return tuple(found)


class GroupIndex:
    """The Wikidata-derived groups of a form: scanned for, then indexed.

    The first :data:`SCAN_LIMIT` distinct forms are scanned for (and their
    groups kept); the next one builds :func:`wikidata_index`.
    """

    __slots__ = ("_index", "_scanned")

    def __init__(self) -> None:
        self._index: dict[str, str | tuple[str, ...]] | None = None
        self._scanned: dict[str, tuple[str, ...]] = {}

    def groups(self, key: str) -> tuple[str, ...]:
        """The ids of the groups that list form ``key``, in file order."""
        index = self._index
        if index is None:
            found = self._scanned.get(key)
            if found is not None:
                return found
            if len(self._scanned) < SCAN_LIMIT:
                found = self._scanned[key] = _scan(key)
                return found
            index = self._index = wikidata_index()
            self._scanned = {}
        hit = index.get(key)
        if hit is None:
            return ()
        return (hit,) if isinstance(hit, str) else hit

    def __contains__(self, key: str) -> bool:
        index = self._index
        if index is not None:
            return key in index
        return bool(self.groups(key))


#: The groups of each form of ``data/name_groups.tsv.gz``.
GROUPS = GroupIndex()
