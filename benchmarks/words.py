"""aliaskit's word readings scored on the CC0 Wikidata word files of ``benchmarks/data``.

``aliaskit.readings(word, limit=10)`` of every distinct Hebrew or Arabic word
of ``wikidata_he_words.tsv`` / ``wikidata_ar_words.tsv`` (Merhav & Ash, COLING
2018, CC0 1.0; see ``benchmarks/data/README.md``). A word may have several
right English spellings (several rows with the same native word); a reading is
right when it equals any of them with case and diacritics folded. *top-1* is
the share of words whose first reading is right, *top-10* the share with a
right reading among the first ten.

Run alone as ``python -m benchmarks.words``; ``python -m benchmarks.report``
runs it as part of the benchmark run.
"""

from __future__ import annotations

import csv
import json
import sys
import time
import unicodedata
import warnings
from collections import defaultdict
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"
# (script, file, native column) of the word files.
WORD_FILES = (
    ("Hebrew", "wikidata_he_words.tsv", "hebrew"),
    ("Arabic", "wikidata_ar_words.tsv", "arabic"),
)
TOP_K = 10


def fold(text: str) -> str:
    """Lower case without combining marks.

    >>> fold("Aurélien")
    'aurelien'
    """
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def load(path: Path, column: str) -> dict[str, set[str]]:
    """Native word -> its folded English spellings, in file order."""
    gold: dict[str, set[str]] = defaultdict(set)
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            gold[row[column]].add(fold(row["latin"]))
    return dict(gold)


def score(gold: dict[str, set[str]], limit: int | None = None) -> dict[str, Any]:
    """top-1 and top-10 of ``aliaskit.readings`` on the first ``limit`` words (all if None)."""
    from aliaskit import readings

    words = list(gold)[:limit]
    if not words:
        raise ValueError("score: no words to score")
    top1 = top10 = 0
    started = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for word in words:
            found = readings(word, limit=TOP_K)
            top1 += bool(found) and found[0] in gold[word]
            top10 += any(r in gold[word] for r in found)
    seconds = time.perf_counter() - started
    return {
        "words": len(words),
        "top1": round(top1 / len(words), 4),
        "top10": round(top10 / len(words), 4),
        "seconds": round(seconds, 2),
        "words_per_second": round(len(words) / seconds) if seconds else None,
    }


def run(limit: int | None = None, data: Path = DATA) -> dict[str, Any]:
    """The scores of every word file, by script."""
    return {
        script: {"file": name, **score(load(data / name, column), limit)}
        for script, name, column in WORD_FILES
    }


if __name__ == "__main__":
    json.dump(run(), sys.stdout, indent=1)
    print()
    sys.exit(0)
