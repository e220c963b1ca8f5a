"""Reading names from TXT, CSV, TSV and JSON Lines, and writing results.

**Reading.** :class:`NameReader` streams a binary input one line at a
time and yields one :class:`Record` per data row: its line number, the
name (surrounding whitespace removed) and the original row, which is all
an annotated copy of the input needs. Formats:

* ``txt``: one name per line; lines starting with ``#`` are comments.
* ``csv`` / ``tsv``: a header line, then rows; the name column is chosen
  by name or 0-based index (default: the first of ``name``, ``full_name``,
  ``person``, ``alias`` in any case, else the first whose header holds the
  word ``name``, such as ``Person Name``: :func:`default_column`; with none,
  an :class:`InputError` that lists the headers). Without a header, the
  first column. The CSV delimiter is sniffed
  (:func:`sniff_delimiter`: ``,`` ``;`` tab or ``|``) unless one is given.
  TSV has no quoting: every tab separates fields.
* ``jsonl``: one JSON object per line; the name is under a key
  (default: chosen among the first record's keys as a column is among
  headers). Blank lines are ignored.

**Encodings.** Input is decoded with ``encoding`` (default UTF-8), line by
line. A byte-order mark wins over it: a UTF-8 one is skipped, a UTF-16 or
UTF-32 one selects that encoding. Undecodable bytes are fatal
(:class:`EncodingError`, with the line, the byte offset and, when the bytes
look like one, a likelier encoding) unless ``errors="replace"``, which
substitutes U+FFFD and counts the line. An unknown encoding is an
:class:`UnknownEncodingError`.

Problems carry their place, ``path:LINE: problem``. Fatal ones raise
:class:`InputError`: undecodable bytes, a missing column. A malformed row
(a CSV/TSV row with the wrong number of fields, invalid JSON, a record
without the key) is listed in :attr:`NameReader.problems` and skipped, or,
with ``keep=True``, yielded with an empty name and the problem as its
:attr:`Record.error`, so that every row keeps its place; ``strict=True``
raises instead.

**Writing.** :func:`write_entities` writes entities as a table, JSON Lines
CSV or TSV; :class:`Annotator` writes input rows back, in their own format
or another, with ``entity_id``, ``canonical`` and ``error`` added (TXT
becomes TSV). Tables escape control characters (a newline shows as ``\\n``)
and isolate right-to-left text (:func:`aliaskit._bidi.isolate`); TSV
escapes tabs and newlines inside a field as ``\\t``, ``\\n`` and ``\\r``.

>>> import io
>>> reader = NameReader(io.BytesIO(b"id,name\\n1,Sasha Trupanov\\n2\\n"), "x.csv", "csv")
>>> [(r.line, r.name) for r in reader]
[(2, 'Sasha Trupanov')]
>>> [str(p) for p in reader.problems]
['x.csv:3: expected 2 fields, found 1']
>>> data = "id;full_name\\n1;Александр Труфанов\\n".encode("cp1251")
>>> [r.name for r in NameReader(io.BytesIO(data), "x.csv", "csv", encoding="cp1251")]
['Александр Труфанов']

The code lives in four private modules, re-exported here: ``_io_base``
(formats, errors, the row value, name and evidence columns),
``_io_encoding`` (encodings and CSV dialects), ``_io_read`` (the reader) and
``_io_write`` (the writers).
"""

from __future__ import annotations

from aliaskit._io_base import (
    ANNOTATION_COLUMNS,
    CHUNK,
    DEFAULT_COLUMN,
    DEFAULT_ENCODING,
    ERROR_MODES,
    EVIDENCE_FIELDS,
    INPUT_FORMATS,
    MAX_PROBLEMS,
    NAME_COLUMNS,
    OUTPUT_FORMATS,
    SNIFF_CHARS,
    SNIFFED_DELIMITERS,
    EncodingError,
    InputError,
    Problem,
    Record,
    UnknownEncodingError,
    default_column,
    evidence_columns,
    format_of_path,
)
from aliaskit._io_encoding import codec_name, sniff_delimiter, suggest_encoding
from aliaskit._io_read import NameReader, read_text
from aliaskit._io_write import Annotator, json_keys, shown, write_entities, write_rows

__all__ = [
    "ANNOTATION_COLUMNS",
    "CHUNK",
    "DEFAULT_COLUMN",
    "DEFAULT_ENCODING",
    "ERROR_MODES",
    "EVIDENCE_FIELDS",
    "INPUT_FORMATS",
    "MAX_PROBLEMS",
    "NAME_COLUMNS",
    "OUTPUT_FORMATS",
    "SNIFFED_DELIMITERS",
    "SNIFF_CHARS",
    "Annotator",
    "EncodingError",
    "InputError",
    "NameReader",
    "Problem",
    "Record",
    "UnknownEncodingError",
    "codec_name",
    "default_column",
    "evidence_columns",
    "format_of_path",
    "json_keys",
    "read_text",
    "shown",
    "sniff_delimiter",
    "suggest_encoding",
    "write_entities",
    "write_rows",
]
