"""The saved form of an :class:`~aliaskit.Index`, read without parsing a name again.

An index file is a zip archive of these members:

* ``header.json``: ``format`` (``"aliaskit-index"``), ``version`` (2), the
  ``aliaskit`` version that wrote it, ``threshold``, and the SHA-256 of each
  other member;
* ``names.json``: each distinct name parsed, in columns: ``original``,
  ``normalized``, ``script``, ``parts`` (each part as text, role and
  script, joined by U+001F, the parts by U+001E), ``dropped`` and
  ``suffixes`` (joined by U+001E); a name is built when a search first
  reads it;
* ``records.json``: ``records`` (a plain string, or an object with ``name``
  (a list), ``id``, ``birth_date`` (as :class:`~aliaskit.BirthDate` prints
  it), ``countries`` and ``gender``), and ``entity_ids``;
* ``table.json``: the key table's keys;
* ``table_starts.npy`` and ``table_ids.npy``: its row starts (int64) and
  name ids (int32), as NumPy ``.npy`` arrays stored uncompressed, so that
  loading is a copy, not a decompression (version 1 held both in a
  compressed ``table.npz``, which is still read).

A file of another format, of a newer version, truncated or edited raises
:class:`IndexFileError`, and nothing is half-loaded. A file written by
another aliaskit version is read, then its names are parsed and keyed again
by this one (its keys may differ), with a warning.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import warnings
import zipfile
from typing import TYPE_CHECKING, Any

import numpy as np

from aliaskit._index_names import LazyNames
from aliaskit._index_table import KeyTable
from aliaskit._safe_write import atomic_output
from aliaskit.record import Record

if TYPE_CHECKING:
    from aliaskit.index import IndexState

__all__ = ["FORMAT", "FORMAT_VERSION", "IndexFileError", "read_index", "write_index"]

FORMAT = "aliaskit-index"
FORMAT_VERSION = 2
_MEMBERS = ("names.json", "records.json", "table.json", "table_starts.npy", "table_ids.npy")
#: The members of a version-1 file.
_MEMBERS_1 = ("names.json", "records.json", "table.json", "table.npz")
#: Members written without compression (arrays of ids barely compress, and
#: inflating them was a third of the load time).
_STORED = frozenset({"table_starts.npy", "table_ids.npy"})


class IndexFileError(ValueError):
    """An index file is unreadable, corrupt, edited, or of another format or a newer version."""


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode(
        "utf-8", "surrogatepass"
    )


def _npy(array: np.ndarray[Any, Any]) -> bytes:
    out = io.BytesIO()
    np.save(out, array, allow_pickle=False)
    return out.getvalue()


def _array(blob: bytes) -> np.ndarray[Any, Any]:
    """The array of an ``.npy`` member, read in place (no copy, read-only)."""
    stream = io.BytesIO(blob)
    major, _ = np.lib.format.read_magic(stream)
    if major != 1:
        raise ValueError(f"an .npy array of version {major}, not 1")
    shape, fortran, dtype = np.lib.format.read_array_header_1_0(stream)
    if fortran or dtype.hasobject or len(shape) != 1:
        raise ValueError("the key table's arrays are of the wrong kind")
    return np.frombuffer(blob, dtype=dtype, count=shape[0], offset=stream.tell())


def _record_data(item: str | Record) -> str | dict[str, Any]:
    if isinstance(item, str):
        return item
    return {
        "name": list(item.names),
        "id": item.id,
        "birth_date": None if item.birth_date is None else str(item.birth_date),
        "countries": sorted(item.countries),
        "gender": item.gender,
    }


def write_index(
    state: IndexState, threshold: float, version: str, path: str | os.PathLike[str]
) -> None:
    """Write ``state`` to ``path``, atomically (a temporary file, then a rename;
    see :mod:`aliaskit._safe_write` for links, devices and pipes)."""
    names = state.parsed.columns
    members = {
        "names.json": _json(names),
        "records.json": _json(
            {"records": [_record_data(r) for r in state.records], "entity_ids": state.entity_ids}
        ),
        "table.json": _json(state.table.keys),
        "table_starts.npy": _npy(state.table.starts),
        "table_ids.npy": _npy(state.table.ids),
    }
    header = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "aliaskit": version,
        "threshold": threshold,
        "sha256": {k: hashlib.sha256(v).hexdigest() for k, v in members.items()},
    }
    with (
        atomic_output(path, "wb") as out,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
    ):
        archive.writestr("header.json", _json(header))
        for name, data in members.items():
            kind = zipfile.ZIP_STORED if name in _STORED else zipfile.ZIP_DEFLATED
            archive.writestr(name, data, compress_type=kind)


#: What an index file holds: header, parsed names, records, entity ids and
#: key table (names and table None when another aliaskit version wrote it).
Read = tuple[
    dict[str, Any],
    LazyNames | None,
    list[str | Record],
    list[str | None],
    KeyTable | None,
]


def read_index(path: str | os.PathLike[str], version: str) -> Read:
    """The header, parsed names, records, entity ids and key table of an index
    file (names and table None when another aliaskit version wrote it)."""
    where = os.fspath(path)
    try:
        with zipfile.ZipFile(where) as archive:
            header = json.loads(archive.read("header.json"))
            _check_header(header, where)
            members = _MEMBERS if header["version"] >= 2 else _MEMBERS_1
            data = {name: archive.read(name) for name in members}
    except OSError as err:
        raise IndexFileError(f"{where}: cannot read: {err}") from None
    except (zipfile.BadZipFile, KeyError, EOFError, ValueError) as err:
        if isinstance(err, IndexFileError):
            raise
        raise IndexFileError(f"{where}: not a whole aliaskit index file ({err})") from None
    for name, blob in data.items():
        if hashlib.sha256(blob).hexdigest() != header["sha256"].get(name):
            raise IndexFileError(f"{where}: {name} is corrupt or was edited (checksum mismatch)")
    try:
        stored = json.loads(data["records.json"])
        records = [_record(r) for r in stored["records"]]
        entity_ids = list(stored["entity_ids"])
        if len(entity_ids) != len(records):
            raise ValueError("one entity id per record")
        if header["aliaskit"] != version:
            warnings.warn(
                f"{where}: written by aliaskit {header['aliaskit']}, read by {version}: "
                "its names are parsed and keyed again",
                UserWarning,
                stacklevel=3,
            )
            return header, None, records, entity_ids, None
        columns = json.loads(data["names.json"])
        parsed = LazyNames(columns, [None] * len(columns.get("original", ())))
        return header, parsed, records, entity_ids, _table(data, len(parsed))
    except (ValueError, TypeError, KeyError, IndexError) as err:
        raise IndexFileError(f"{where}: malformed content ({err})") from None


def _table(data: dict[str, bytes], names: int) -> KeyTable:
    """The key table of a file's members, checked against the ``names`` it files."""
    keys = json.loads(data["table.json"])
    if "table.npz" in data:  # version 1
        with np.load(io.BytesIO(data["table.npz"]), allow_pickle=False) as arrays:
            starts, ids = arrays["starts"], arrays["ids"]
    else:
        starts, ids = _array(data["table_starts.npy"]), _array(data["table_ids.npy"])
    if starts.dtype != np.int64 or ids.dtype != np.int32 or starts.ndim != 1 or ids.ndim != 1:
        raise ValueError("the key table's arrays are of the wrong kind")
    if len(starts) != len(keys) + 1 or int(starts[0]) != 0 or int(starts[-1]) != len(ids):
        raise ValueError("the key table's arrays do not fit its keys")
    if np.any(np.diff(starts) < 0) or (len(ids) and not 0 <= ids.min() <= ids.max() < names):
        raise ValueError("the key table's rows are out of order or name no stored name")
    return KeyTable(keys, starts, ids)


def _check_header(header: Any, where: str) -> None:
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise IndexFileError(f"{where}: not an {FORMAT} file")
    found = header.get("version")
    if isinstance(found, bool) or not isinstance(found, int) or not 1 <= found <= FORMAT_VERSION:
        raise IndexFileError(
            f"{where}: index format version {found!r} is not supported "
            f"(this aliaskit reads version {FORMAT_VERSION}); rebuild the index"
        )
    if not isinstance(header.get("sha256"), dict) or not isinstance(header.get("aliaskit"), str):
        raise IndexFileError(f"{where}: header is missing fields")


def _record(data: Any) -> str | Record:
    if isinstance(data, str):
        return data
    if not isinstance(data, dict):
        raise ValueError("a record must be a string or an object")
    return Record(
        data["name"],
        id=data.get("id"),
        birth_date=data.get("birth_date"),
        countries=data.get("countries") or None,
        gender=data.get("gender"),
    )
