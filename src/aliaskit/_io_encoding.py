"""Encodings and CSV dialects for :mod:`aliaskit.io`: byte-order marks,
suggesting an encoding for undecodable bytes, splitting a byte stream into
lines, and sniffing a CSV delimiter."""

from __future__ import annotations

import codecs
import csv
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from typing import IO, BinaryIO

from aliaskit._io_base import CHUNK, DEFAULT_ENCODING, SNIFFED_DELIMITERS, UnknownEncodingError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: Encodings worth suggesting, as a message names them.
_LOOKS_LIKE = {
    "cp1251": "cp1251 (Windows Cyrillic)",
    "koi8-r": "koi8-r (Cyrillic)",
    "cp1255": "cp1255 (Windows Hebrew)",
    "utf-16": "UTF-16 without a byte-order mark",
    "utf-32": "UTF-32 without a byte-order mark",
}
#: Bytes that are no part of text in an ASCII-compatible encoding: NUL and
#: the control characters but tab, line feed, vertical tab, form feed and
#: carriage return. Half the bytes of UTF-16 text read as such are these.
_CONTROL_BYTES = bytes([*range(0x09), *range(0x0E, 0x20)])
#: Lines at the start of an input checked for control bytes.
_CHECKED_LINES = 10
_CYRILLIC_WORD = re.compile("[\u0400-\u04ff]+")
_WORD = re.compile(r"[^\W\d_]+")


def codec_name(encoding: str) -> str:
    """Python's name of a text encoding (``windows-1251`` is ``cp1251``);
    :class:`UnknownEncodingError` if there is none.

    >>> codec_name("Windows-1251"), codec_name("UTF8")
    ('cp1251', 'utf-8')
    """
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        problem = f"unknown encoding {encoding!r}"
    else:
        try:
            "\n".encode(name)  # rejects bytes-to-bytes codecs such as base64
        except LookupError:
            problem = f"{encoding!r} is not a text encoding"
        else:
            return name
    raise UnknownEncodingError(f"{problem} (give one such as utf-8, cp1251, koi8-r, utf-16)")


def _shown(codec: str) -> str:
    return codec.upper() if codec.startswith("utf") else codec


def _byte_order(codec: str, head: bytes) -> str:
    """A UTF-16 or UTF-32 encoding without a byte-order mark: the byte order
    its NUL bytes show (ASCII characters are NUL in their high half), else
    little-endian."""
    sample = head[:4096]
    if codec == "utf-16":
        return "utf-16-be" if sample[0::2].count(0) > sample[1::2].count(0) else "utf-16-le"
    if codec == "utf-32":
        return "utf-32-be" if sample[0::4].count(0) > sample[3::4].count(0) else "utf-32-le"
    return codec


def suggest_encoding(raw: bytes, codec: str = DEFAULT_ENCODING) -> str | None:
    """An encoding that bytes not valid in ``codec`` look like, if any: UTF-16 or
    UTF-32 (many NUL and control bytes), cp1251 (most bytes above 0x7F in
    0xC0-0xFF, which cp1251 reads as Cyrillic letters), koi8-r (the same,
    but the letters' cases come out swapped) or cp1255 (Hebrew: only 0xE0-0xFA).

    >>> suggest_encoding("Александр Труфанов".encode("cp1251"))
    'cp1251'
    >>> suggest_encoding("Sasha".encode("utf-16-le")), suggest_encoding(b"Jos\\xe9")
    ('utf-16', None)
    """
    found = _suggestion(raw)
    return None if found is None or found == codec or codec.startswith(found) else found


def _wide(raw: bytes) -> str | None:
    """``utf-16`` or ``utf-32`` if at least a quarter of the bytes (four or
    more) are NUL or control bytes, as when UTF-16 or UTF-32 is read byte by byte."""
    if len(raw) < 4 or (len(raw) - len(raw.translate(None, _CONTROL_BYTES))) * 4 < len(raw):
        return None
    # UTF-32 has two NUL bytes in every character below U+10000, UTF-16 none
    return "utf-32" if raw.count(b"\0\0") * 8 >= len(raw) else "utf-16"


def _suggestion(raw: bytes) -> str | None:
    wide = _wide(raw)
    if wide is not None:
        return wide
    high = [b for b in raw if b >= 0x80]
    cyrillic = [b for b in high if b >= 0xC0 or b in (0xA8, 0xB8)]
    if len(high) < 3 or len(cyrillic) * 3 < len(high) * 2:
        return None  # too few bytes to tell, or not in the range of Cyrillic letters
    # Read as cp1251, Cyrillic text is words of Cyrillic letters; Latin-1
    # text is Latin words with a Cyrillic letter inside ("Josй").
    words = [w for w in _WORD.findall(raw.decode("cp1251", errors="replace")) if _is_cyrillic(w)]
    whole = [w for w in words if _CYRILLIC_WORD.fullmatch(w)]
    if not words or len(whole) * 4 < len(words) * 3:
        return None
    if all(0xE0 <= b <= 0xFA for b in high):
        return "cp1255"  # Hebrew letters; Cyrillic names have capitals (0xC0-0xDF)
    swapped = sum(len(w) > 1 and w[0].islower() and w[1:].isupper() for w in whole)
    return "koi8-r" if swapped > sum(w.istitle() for w in whole) else "cp1251"


def _is_cyrillic(word: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in word)


def _split_lines(
    stream: BinaryIO | IO[bytes], read: Callable[[int], bytes], head: bytes, newline: bytes
) -> Iterable[bytes]:
    """The lines of ``head``, then of the rest of ``stream``, each with its
    newline (the encoded ``\\n``, one code unit), the last maybe without.
    Only one line is held whole."""
    if newline != b"\n":
        return _split_units(read, head, newline)
    # The stream's own lines, which is faster: those of the head first.
    *whole, rest = head.split(newline)
    lines = [line + newline for line in whole]
    if rest:
        lines.append(rest + stream.readline())
    return itertools.chain(lines, stream)


def _split_units(read: Callable[[int], bytes], head: bytes, newline: bytes) -> Iterator[bytes]:
    """:func:`_split_lines` for a newline of several bytes (UTF-16, UTF-32) or
    another byte (EBCDIC): ``head``, then what ``read`` returns, :data:`CHUNK`
    bytes at a time, cut where a whole code unit is the newline."""
    width = len(newline)
    pending: list[bytes] = []  # the start of a line that goes on in the next chunk
    carry = b""  # less than one code unit left at the end of a chunk
    chunk = head
    while chunk:
        data = carry + chunk if carry else chunk
        usable = len(data) - len(data) % width
        carry = data[usable:]
        start = 0
        at = data.find(newline, 0, usable)
        while at >= 0:
            if at % width:  # inside a code unit (UTF-16 U+0A00, say)
                at = data.find(newline, at + 1, usable)
                continue
            end = at + width
            if pending:
                pending.append(data[start:end])
                yield b"".join(pending)
                pending.clear()
            else:
                yield data[start:end]
            start = end
            at = data.find(newline, start, usable)
        if start < usable:
            pending.append(data[start:usable])
        chunk = read(CHUNK)
    if carry:
        pending.append(carry)
    if pending:
        yield b"".join(pending)


# -- CSV dialects -------------------------------------------------------------


def _fit(lines: list[str], delimiter: str, complete: bool) -> float:
    """The share of the rows of ``lines`` read with ``delimiter`` that are as
    wide as the first, if that is split at all (else 0). The last row is left
    out unless ``complete``: it may be cut short."""
    try:
        rows = [row for row in csv.reader(lines, delimiter=delimiter) if row]
    except csv.Error:
        return 0.0
    if not complete:
        rows = rows[:-1]
    if not rows or len(rows[0]) < 2:
        return 0.0
    return sum(len(row) == len(rows[0]) for row in rows) / len(rows)


def sniff_delimiter(lines: list[str], complete: bool = True) -> str:
    """The delimiter of CSV text (whole lines, newlines kept) among
    :data:`SNIFFED_DELIMITERS`: of those that split the first row (the
    header), the one that splits most rows into as many fields, the
    :class:`csv.Sniffer`'s choice first; ``,`` if none does so for more than
    half the rows (a one-column file with ``;`` in its names). ``complete``:
    the lines are the whole input (else the last row may be cut short).

    >>> sniff_delimiter(["id;full_name\\n", "1;Trufanov, Sasha\\n"])
    ';'
    >>> sniff_delimiter(["name\\n", "Trufanov; Sasha\\n", "Horn; Yair\\n"])
    ','
    """
    try:
        found = str(csv.Sniffer().sniff("".join(lines), delimiters=SNIFFED_DELIMITERS).delimiter)
    except csv.Error:
        found = ","
    fits = {d: _fit(lines, d, complete) for d in SNIFFED_DELIMITERS}
    best = max(fits, key=lambda d: (fits[d], d == found))
    return best if fits[best] > 0.5 else ","
