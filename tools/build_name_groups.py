"""Build ``src/aliaskit/data/name_groups.tsv.gz`` from rigour 1.8.2's ``persons.txt``.

Usage::

    python tools/build_name_groups.py /path/to/rigour/data/names/persons.txt

``persons.txt`` (rigour 1.8.2, MIT, by OpenSanctions) holds one Wikidata name
item per line: ``form, form, ... => Q123``. Some lines carry rigour's own ids
(``X1``) instead of a Wikidata QID. This script keeps only single-token forms
written wholly in Latin, Cyrillic or Hebrew letters (hyphens allowed; in
Hebrew also the geresh and apostrophe), lower-cases them, applies NFC and folds
``ё`` to ``е``, keeps groups with at least two distinct forms, adds to each
Latin form with diacritics its plain-ASCII spelling (unidecode: *václav*
gives *vaclav*, as text typed without diacritics has it), and writes a
gzip-compressed, deterministic TSV (no timestamp in the gzip header).

Arabic-script forms (letters of the Arabic blocks, Persian and Urdu letters
included) are kept too, written as :func:`aliaskit.normalize` writes them:
NFKC (presentation forms read as letters), then :func:`aliaskit._arabic.fold_arabic`
(harakat and tatweel removed, أ إ آ ٱ → ا, ة → ه, ی ک → ي ك), so the file
is rebuilt when that normalisation changes. A form that
folds to the attached article and a word (البشير → ال-بشير) is stored as the
word (بشير), the token the parser looks up once it has read the article as a
particle. Arabic forms do not count towards a group's two forms: a group is
written when it has two forms in the other scripts (so their rows are those
of the build without Arabic), and then with its Arabic forms; a group with
fewer is written with its Arabic forms alone when they are two or more.

Group ids: ``wd:Q…`` for Wikidata items, ``rigour:X…`` for rigour's own groups.
The groups mix given names and surnames (and a few patronymics).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import sys
import unicodedata
from pathlib import Path

from unidecode import unidecode

_SCRIPT_PREFIX = {"LATIN": "Latn", "CYRILLIC": "Cyrl", "HEBREW": "Hebr"}
ARABIC_ARTICLE = "\u0627\u0644-"  # ال- as fold_arabic sets the attached article off
_HEBREW_EXTRA = frozenset("'\u05f3\u05f4")  # apostrophe, geresh, gershayim
_OUT_DEFAULT = Path(__file__).resolve().parents[1] / "src/aliaskit/data/name_groups.tsv.gz"


def fold(form: str) -> str:
    """Lower-case, NFC-normalise and fold ``ё`` to ``е``.

    >>> fold("Фёдор")
    'федор'
    """
    text = unicodedata.normalize("NFC", form.strip().lower())
    return text.replace("ё", "е")


def arabic_form(form: str) -> str | None:
    """The normalised form of a word written wholly in Arabic letters, else ``None``.

    The form is written as :func:`aliaskit.normalize` writes it (NFKC, then
    :func:`aliaskit._arabic.fold_arabic`, to a fixed point), and an attached
    article is taken off (see the module docstring). Marks may follow a
    letter; a hyphen may stand between letters.

    >>> arabic_form("مُوسَى"), arabic_form("البشير"), arabic_form("أحمد")
    ('موسى', 'بشير', 'احمد')
    >>> arabic_form("الله"), arabic_form("موسى 2"), arabic_form("musa")
    ('الله', None, None)
    """
    from aliaskit import normalize

    if not form or form[0] == "-" or form[-1] == "-" or "--" in form:
        return None
    for ch in unicodedata.normalize("NFKC", form):
        if ch == "-":
            continue
        cat = unicodedata.category(ch)
        if not (cat == "Mn" or cat.startswith("L")):
            return None
        if not unicodedata.name(ch, "").startswith("ARABIC"):
            return None
    word = normalize(form).removeprefix(ARABIC_ARTICLE)
    while normalize(word) != word:  # الالوسي: ال-الوسي, then الوسي is ال-وسي
        word = normalize(word).removeprefix(ARABIC_ARTICLE)
    if " " in word or not any(unicodedata.category(ch).startswith("L") for ch in word):
        return None
    return word


def script_of(form: str) -> str | None:
    """Return ``Latn``/``Cyrl``/``Hebr`` if every character belongs to that script.

    Combining marks are allowed after a letter; a hyphen is allowed between
    letters. Anything else (digits, spaces, other scripts, mixed scripts)
    gives ``None``.

    >>> script_of("ovsei"), script_of("овсей"), script_of("ovsеi")
    ('Latn', 'Cyrl', None)
    """
    if not form or form[0] == "-" or form[-1] == "-" or "--" in form:
        return None
    found: str | None = None
    for ch in form:
        if ch == "-":
            continue
        cat = unicodedata.category(ch)
        if cat == "Mn":
            continue
        if ch in _HEBREW_EXTRA:
            script = "Hebr"
        elif cat.startswith("L"):
            script = _SCRIPT_PREFIX.get(unicodedata.name(ch, "").split(" ")[0], "")
            if not script:
                return None
        else:
            return None
        if found is None:
            found = script
        elif found != script:
            return None
    if found == "Hebr" and form[0] in _HEBREW_EXTRA:
        return None
    return found


def parse_groups(lines: list[str]) -> list[tuple[str, list[tuple[str, str]]]]:
    """Parse ``persons.txt`` lines into ``(group_id, [(form, script), ...])``.

    >>> parse_groups(["ovsei, ovsej, овсей, 奥 => Q1"])
    [('wd:Q1', [('ovsei', 'Latn'), ('ovsej', 'Latn'), ('овсей', 'Cyrl')])]
    >>> parse_groups(["václav, вацлав => Q2"])
    [('wd:Q2', [('vaclav', 'Latn'), ('václav', 'Latn'), ('вацлав', 'Cyrl')])]
    >>> parse_groups(["musa, муса, مُوسى => Q3", "bashir, البشير, بشير => Q4"])
    [('wd:Q3', [('musa', 'Latn'), ('муса', 'Cyrl'), ('موسى', 'Arab')])]
    """
    out: list[tuple[str, list[tuple[str, str]]]] = []
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        left, sep, ident = line.rpartition("=>")
        ident = ident.strip()
        if not sep or not ident:
            raise ValueError(f"persons.txt line {lineno}: no '=> ID' part")
        gid = f"wd:{ident}" if ident.startswith("Q") else f"rigour:{ident}"
        forms: dict[str, str] = {}
        plain_forms: dict[str, str] = {}
        arabic: dict[str, str] = {}
        for raw in left.split(","):
            form = fold(raw)
            script = script_of(form)
            if script is not None:
                forms.setdefault(form, script)
            elif (word := arabic_form(form)) is not None:
                arabic.setdefault(word, "Arab")
            if script == "Latn" and not form.isascii():
                plain = unidecode(form).lower()
                if plain.replace("-", "").isalpha() and script_of(plain) == "Latn":
                    plain_forms.setdefault(plain, "Latn")
        if len(forms) >= 2:
            out.append((gid, sorted({**plain_forms, **forms}.items()) + sorted(arabic.items())))
        elif len(arabic) >= 2:
            out.append((gid, sorted(arabic.items())))
    return out


def render(groups: list[tuple[str, list[tuple[str, str]]]], sha256: str) -> str:
    """Render the TSV text, with its provenance header."""
    buf = io.StringIO()
    buf.write(
        "# aliaskit name equivalence groups\n"
        "# source: rigour 1.8.2 (PyPI, MIT licence, by OpenSanctions), "
        "rigour/data/names/persons.txt\n"
        f"# input sha256: {sha256}\n"
        "# the groups are Wikidata name items (CC0); wd:Q... = Wikidata QID,\n"
        "# rigour:X... = a group defined by rigour itself.\n"
        "# filter: single tokens in Latin, Cyrillic or Hebrew letters only; lower-case, NFC,\n"
        "# yo folded to ye; Latin forms with diacritics also spelled without them (unidecode);\n"
        "# groups with >= 2 forms. Groups mix given names, surnames and\n"
        "# patronymics. Built by tools/build_name_groups.py; do not edit by hand.\n"
        "# Arabic script (Arab, after each group's other rows): forms as aliaskit.normalize\n"
        "# writes them (NFKC, harakat and tatweel removed, alef forms folded to a bare alef,\n"
        "# ta marbuta to ha, Persian yeh and keheh to ya and kaf); a form that is the attached\n"
        "# article and a word is stored as the word, without its leading al- (ال-),\n"
        "# as the parser reads the article as a particle and looks the word up.\n"
        "# Arabic forms do not count towards the 2 forms; a group without 2 other forms\n"
        "# is written with its Arabic forms alone when they are >= 2.\n"
        "group\tname\tscript\n"
    )
    for gid, forms in sorted(groups, key=lambda g: _group_sort_key(g[0])):
        for form, script in forms:
            buf.write(f"{gid}\t{form}\t{script}\n")
    return buf.getvalue()


def _group_sort_key(gid: str) -> tuple[str, int]:
    prefix, _, ident = gid.partition(":")
    digits = ident[1:]
    return (prefix + ident[:1], int(digits) if digits.isdigit() else 0)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("persons", type=Path, help="rigour 1.8.2 rigour/data/names/persons.txt")
    parser.add_argument("-o", "--output", type=Path, default=_OUT_DEFAULT)
    args = parser.parse_args(argv)
    raw = args.persons.read_bytes()
    sha256 = hashlib.sha256(raw).hexdigest()
    groups = parse_groups(raw.decode("utf-8").splitlines())
    text = render(groups, sha256).encode("utf-8")
    out: Path = args.output
    if out.suffix == ".gz":
        with out.open("wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", mtime=0, filename="") as gz:
            gz.write(text)
    else:
        out.write_bytes(text)
    rows = sum(len(f) for _, f in groups)
    print(f"{len(groups)} groups, {rows} rows, sha256 {sha256} -> {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
