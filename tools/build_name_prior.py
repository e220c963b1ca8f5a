"""Build ``src/aliaskit/data/name_prior.tsv.gz``: a character n-gram model of Latin names.

Usage::

    python tools/build_name_prior.py

The model ranks the Latin readings of Hebrew and Arabic names
(:mod:`aliaskit._reading_prior`): a reading spelt as Latin names are spelt
(*moshe*, *yitzhak*, *berger*) costs less than one that is not (*masha*,
*yatsahek*, *bargar*). It is learned only from the name tables aliaskit
ships: the Latin forms of ``data/name_groups.tsv.gz`` (rigour 1.8.2 /
Wikidata, MIT and CC0) and of ``data/hypocorisms.tsv`` (aliaskit-curated).
Never from an evaluation file.

Model: characters of a word (lower-case ASCII letters, ``-`` and ``'``;
forms with other characters are left out), padded with ``ORDER - 1`` start
marks ``^`` and one end mark ``$``; each distinct form counts once.
Interpolated Witten-Bell smoothing of orders 1 to ``ORDER`` over a uniform
base: ``P(c|h) = (n(h c) + u(h) P(c|h')) / (n(h) + u(h))`` where ``u(h)`` is
the number of distinct characters seen after ``h``. It is stored in backoff
form (as an ARPA file is): each kept n-gram with its cost ``-ln P(c|h)``,
and each kept context with its backoff cost ``-ln(u(h) / (n(h) + u(h)))``,
both times ``SCALE`` and rounded. An n-gram of order 3 or more seen fewer
than ``MIN_COUNT`` times is pruned (it then reads through its backoff).

Usual spellings: for each Hebrew form of the tables, the Latin forms of its
groups that its reading can give (a path of the lattice of
:mod:`aliaskit.hebrew`, k-best ``KNOWN_PATHS``, or a spelling variant of
one, :mod:`aliaskit._reading_prior`), at most ``KNOWN_MAX`` of them: first
those in most of its groups (a form the curated hypocorisms give for Hebrew
or Yiddish counts ``CURATED_BONUS`` groups more), then by reading cost plus
the weighted n-gram cost. *משה* is in four groups, *moshe* in two of them
and curated: *moshe* comes first.

Output: gzip-compressed TSV, deterministic (sorted, no gzip timestamp):
``ngram<TAB>cost<TAB>backoff`` (``backoff`` empty when the n-gram is no
context) and ``=<TAB>hebrew<TAB>latin,latin`` (usual spellings), after a
header of ``#`` lines naming the sources and their SHA-256, and
``#! key value`` lines for the model's parameters and sample costs.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import math
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src/aliaskit/data"
OUT_DEFAULT = DATA / "name_prior.tsv.gz"
SOURCES = ("name_groups.tsv.gz", "hypocorisms.tsv")
ORDER = 5
MIN_COUNT = 3
SCALE = 100
ALPHABET = "abcdefghijklmnopqrstuvwxyz-'"
START, END = "^", "$"
KNOWN_PATHS = 200
KNOWN_MAX = 2
CURATED_BONUS = 2
CURATED_LANGS = frozenset(("he", "yi"))
SAMPLES = ("moshe", "masha", "yitzhak", "yatsahek", "berger", "bargar")
_FORM = re.compile(r"^[a-z][a-z'-]*[a-z]$")


def fold(form: str) -> str:
    """Lower case without diacritics (NFKD, combining marks dropped).

    >>> fold("Mózes")
    'mozes'
    """
    text = unicodedata.normalize("NFKD", form.strip().lower())
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _rows(path: Path) -> Iterable[list[str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith(("#", "group\t")):
                continue
            yield line.rstrip("\n").split("\t")


def latin_forms(data: Path = DATA) -> list[str]:
    """The distinct folded Latin forms of the shipped name tables, sorted."""
    forms: set[str] = set()
    for name in SOURCES:
        for row in _rows(data / name):
            if len(row) >= 3 and row[2] == "Latn":
                form = fold(row[1])
                if _FORM.match(form):
                    forms.add(form)
    return sorted(forms)


def _padded(form: str, order: int) -> str:
    return START * (order - 1) + form + END


Model = dict[str, tuple[int, int | None]]


def _counts(forms: Iterable[str], order: int) -> list[Counter[str]]:
    """The counts of the n-grams of each order (index n) in the padded forms."""
    counts: list[Counter[str]] = [Counter() for _ in range(order + 1)]
    for form in forms:
        text = _padded(form, order)
        for i in range(order - 1, len(text)):
            for n in range(1, order + 1):
                counts[n][text[i - n + 1 : i + 1]] += 1
    return counts


def build_model(forms: Iterable[str], order: int = ORDER, min_count: int = MIN_COUNT) -> Model:
    """Witten-Bell n-gram costs and backoffs of ``forms`` (see the module docstring)."""
    counts = _counts(forms, order)
    seen_after: list[defaultdict[str, set[str]]] = [defaultdict(set) for _ in range(order + 1)]
    total_after: list[Counter[str]] = [Counter() for _ in range(order + 1)]
    for n in range(1, order + 1):
        for gram, c in counts[n].items():
            seen_after[n][gram[:-1]].add(gram[-1])
            total_after[n][gram[:-1]] += c
    symbols = len(ALPHABET) + 1  # letters and the end mark
    prob: dict[str, float] = {}
    model: Model = {}
    for n in range(1, order + 1):
        for gram in sorted(counts[n]):
            c = counts[n][gram]
            if n >= 3 and c < min_count:
                continue
            ctx = gram[:-1]
            u, total = len(seen_after[n][ctx]), total_after[n][ctx]
            lower = prob[gram[1:]] if n > 1 else 1.0 / symbols
            prob[gram] = (c + u * lower) / (total + u)
    for gram, p in prob.items():
        model[gram] = (round(-math.log(p) * SCALE), None)
    for n in range(1, order):
        for ctx, after in seen_after[n + 1].items():
            if ctx in model:
                u, total = len(after), total_after[n + 1][ctx]
                model[ctx] = (model[ctx][0], round(-math.log(u / (total + u)) * SCALE))
    return model


def cost(model: Model, form: str, order: int = ORDER) -> int:
    """The model's cost of ``form`` (the same sum :mod:`aliaskit._reading_prior` makes)."""
    text = _padded(form, order)
    unknown = round(math.log(len(ALPHABET) + 1) * SCALE)
    total = 0
    for i in range(order - 1, len(text)):
        for n in range(order, 0, -1):
            entry = model.get(text[i - n + 1 : i + 1])
            if entry is not None:
                total += entry[0]
                break
            back = model.get(text[i - n + 1 : i])
            if back is not None and back[1] is not None:
                total += back[1]
        else:
            total += unknown
    return total


def _groups(data: Path) -> dict[str, tuple[set[str], set[str], set[str]]]:
    """Per group: its Hebrew forms, folded Latin forms, and curated Hebrew-language Latin forms."""
    out: dict[str, tuple[set[str], set[str], set[str]]] = defaultdict(lambda: (set(), set(), set()))
    for name in SOURCES:
        for row in _rows(data / name):
            if len(row) < 3:
                continue
            hebrew, latin, curated = out[row[0]]
            if row[2] == "Hebr":
                hebrew.add(row[1])
            elif row[2] == "Latn" and _FORM.match(fold(row[1])):
                latin.add(fold(row[1]))
                if len(row) >= 6 and row[5] in CURATED_LANGS:
                    curated.add(fold(row[1]))
    return dict(out)


def usual_spellings(model: Model, data: Path = DATA) -> dict[str, list[str]]:
    """Each Hebrew form's usual Latin spellings (see the module docstring)."""
    sys.path.insert(0, str(data.parents[1]))
    from aliaskit import hebrew
    from aliaskit._reading_prior import _pool, known_key, settings

    conf = settings()
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for hebrew_forms, latin, curated in _groups(data).values():
        for form in hebrew_forms:
            for spelling in latin:
                votes[form][spelling] += 1 + (CURATED_BONUS if spelling in curated else 0)
    out: dict[str, list[str]] = {}
    for form in sorted(votes):
        pool = _pool(hebrew._bounded_word_kbest(form, KNOWN_PATHS), conf)
        found = [s for s in votes[form] if s in pool]
        weight = conf.ngram_weight
        found.sort(key=lambda s: (-votes[form][s], pool[s] + weight * cost(model, s), s))
        if found:
            out[known_key(form)] = found[:KNOWN_MAX]
    return out


def render(
    model: Model, known: dict[str, list[str]], sources: dict[str, str], order: int, forms: int
) -> str:
    """The data file's text."""
    buf = io.StringIO()
    buf.write(
        "# aliaskit name prior: character n-gram model of Latin name spellings\n"
        "# learned from the Latin forms of aliaskit's shipped name tables only:\n"
        "#   name_groups.tsv.gz (rigour 1.8.2 persons.txt, MIT, by OpenSanctions;\n"
        "#   the groups are Wikidata name items, CC0) and hypocorisms.tsv (aliaskit-curated)\n"
    )
    for name, digest in sorted(sources.items()):
        buf.write(f"# source sha256 {name}: {digest}\n")
    buf.write(
        "# interpolated Witten-Bell smoothing, stored in backoff form; costs are\n"
        f"# -ln P times {SCALE}, rounded. Built by tools/build_name_prior.py; do not edit.\n"
        f"#! order {order}\n#! scale {SCALE}\n#! forms {forms}\n"
        f"#! unknown {round(math.log(len(ALPHABET) + 1) * SCALE)}\n"
    )
    for sample in SAMPLES:
        buf.write(f"#! sample {sample} {cost(model, sample, order)}\n")
    buf.write("ngram\tcost\tbackoff\n")
    for gram in sorted(model):
        c, b = model[gram]
        buf.write(f"{gram}\t{c}\t{'' if b is None else b}\n")
    for word in sorted(known):
        buf.write(f"=\t{word}\t{','.join(known[word])}\n")
    return buf.getvalue()


def write_gz(path: Path, text: str) -> None:
    """Write ``text`` gzip-compressed with no timestamp or name (deterministic)."""
    with path.open("wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", mtime=0, filename="") as gz:
        gz.write(text.encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=OUT_DEFAULT)
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args(argv)
    sources = {n: hashlib.sha256((args.data / n).read_bytes()).hexdigest() for n in SOURCES}
    forms = latin_forms(args.data)
    model = build_model(forms)
    known = usual_spellings(model, args.data)
    write_gz(args.output, render(model, known, sources, ORDER, len(forms)))
    print(
        f"{len(forms)} forms, {len(model)} n-grams, {len(known)} known words -> {args.output}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
