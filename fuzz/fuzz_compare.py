"""Fuzz target: parse_name, compare, normalize, readings and transliterate.

Each input is split into two strings ``a`` and ``b``; :func:`check` runs the
public functions on them and asserts their contracts (no exception other
than the documented ``ValueError`` for a name-less ``compare`` argument;
normalize idempotent; compare symmetric and in [0, 1]). Any other exception
is a crash.

Engines:

* atheris (coverage-guided, libFuzzer) when it is installed::

    python fuzz/fuzz_compare.py -max_total_time=60 fuzz/corpus

* a plain-Python random-input loop otherwise, or with ``--plain``::

    python fuzz/fuzz_compare.py --plain --seconds 60 --seed 1

See ``fuzz/README.md``.
"""

from __future__ import annotations

import importlib.util
import random
import sys
import time
import warnings
from collections.abc import Sequence

# Under atheris, only aliaskit is instrumented for coverage (instrumenting
# every loaded module costs about half a minute at start-up).
USE_ATHERIS = (
    __name__ == "__main__"
    and "--plain" not in sys.argv
    and importlib.util.find_spec("atheris") is not None
)
if USE_ATHERIS:
    import atheris  # type: ignore[import-not-found, import-untyped, unused-ignore]

    with atheris.instrument_imports(include=["aliaskit"]):
        import aliaskit
else:
    import aliaskit

# Pieces the plain loop builds strings from: names in the three scripts,
# and the characters that break naive text code.
_PIECES: tuple[str, ...] = (
    "Alexander", "Sasha", "Trufanov", "Troufanov", "A.", "Vitalyevich", "O'Brien", "Dekel-Hen",
    "Александр", "Труфанов", "Витальевич", "Олександр", "Пінчук", "Ўладзімір", "Мʼякота",
    "סשה", "טרופנוב", "ג'וליה", "שָׁלוֹם", "בן", "(Sasha)", ",", " ", "-", "'", "\u05f3",
    "\x00", "\x1b", "\u200d", "\u200c", "\u202e", "\u2067", "\ufeff", "\u0301", "\u05b8",
    "😀", "👨‍👩‍👧", "\u0378", "\ud800", "\udfff", "ﬁ", "Ａ", "ǅ", "ß", "İ", "\u0430",
)  # fmt: skip


def check(a: str, b: str) -> None:
    """Run the public functions on ``a`` and ``b`` and assert their contracts."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for text in (a, b):
            once = aliaskit.normalize(text)
            assert aliaskit.normalize(once) == once, (text, once)
            aliaskit.detect_script(text)
            assert isinstance(aliaskit.transliterate(text), str)
            assert isinstance(aliaskit.readings(text), tuple)
        pa, pb = aliaskit.parse_name(a), aliaskit.parse_name(b)
        if not (pa.parts and pb.parts):
            try:
                aliaskit.compare(a, b)
            except ValueError:
                return
            raise AssertionError(f"compare of a name-less input did not raise: {a!r}, {b!r}")
        ab, ba = aliaskit.compare(a, b), aliaskit.compare(b, a)
        assert 0.0 <= ab.score <= 1.0, ab
        assert ab.score == ba.score, (ab, ba)
        assert aliaskit.compare(a, a).score == 1.0, a
        str(ab)  # the explanation renders


def one_input(data: bytes) -> None:
    """Entry point for atheris: two strings from raw bytes."""
    fdp = atheris.FuzzedDataProvider(data)
    a = fdp.ConsumeUnicode(fdp.ConsumeIntInRange(0, 64))
    b = fdp.ConsumeUnicode(64)
    check(a, b)


def random_text(rnd: random.Random) -> str:
    """A random string of name pieces, hostile characters and random code points."""
    out = []
    for _ in range(rnd.randint(0, 8)):
        roll = rnd.random()
        if roll < 0.6:
            out.append(rnd.choice(_PIECES))
        elif roll < 0.8:
            out.append(chr(rnd.randint(0, 0x10FFFF)))
        else:
            out.append(chr(rnd.choice((rnd.randint(0x400, 0x52F), rnd.randint(0x590, 0x5FF)))))
    return "".join(out)


def plain_loop(seconds: float, seed: int) -> int:
    """Check random inputs for ``seconds``; return the number of inputs run."""
    rnd = random.Random(seed)
    deadline = time.monotonic() + seconds
    runs = 0
    while time.monotonic() < deadline:
        a, b = random_text(rnd), random_text(rnd)
        try:
            check(a, b)
        except Exception:
            print(f"CRASH on inputs {a!r} {b!r}", file=sys.stderr)
            raise
        runs += 1
    return runs


def main(argv: Sequence[str]) -> None:
    """Run atheris when available (unless --plain), else the plain loop."""
    args = list(argv[1:])
    if not USE_ATHERIS:
        seconds, seed = 60.0, 0
        for flag, value in zip(args, [*args[1:], ""], strict=True):
            if flag == "--seconds":
                seconds = float(value)
            elif flag == "--seed":
                seed = int(value)
        runs = plain_loop(seconds, seed)
        print(f"plain loop: {runs} inputs in {seconds:g} s, no crash")
        return
    atheris.Setup([argv[0], *args], one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
