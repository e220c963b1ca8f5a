"""The single-name commands: ``compare``, ``translit``, ``readings``, ``keys``, ``schemes``.

Each prints a readable form by default and, where it has one, machine
output with ``--json``.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from aliaskit.blocking import block_keys, given_keys
from aliaskit.compare import compare
from aliaskit.hebrew import readings
from aliaskit.keys import fold, skeleton_keys
from aliaskit.latin import ABJAD_READINGS, latin_forms
from aliaskit.parse import NamePart, parse_name
from aliaskit.phonetic import ENCODERS
from aliaskit.translit import DEFAULT_SCHEMES, scheme, schemes, transliterate

__all__ = [
    "compare_command",
    "keys_command",
    "name_keys",
    "readings_command",
    "schemes_command",
    "translit_command",
]


def _dump(payload: Any) -> None:
    print(json.dumps(payload, ensure_ascii=False))


def compare_command(args: argparse.Namespace) -> int:
    """``aliaskit compare A B``: score, verdict and explanation."""
    result = compare(args.a, args.b, threshold=args.threshold)
    if not args.json:
        print(result)
        return 0
    explanation = result.explanation
    _dump(
        {
            "a": result.a,
            "b": result.b,
            "score": result.score,
            "is_match": result.is_match,
            "threshold": result.threshold,
            "conflicts": list(explanation.conflicts),
            "order": explanation.order,
            "parts": [
                {
                    "role": p.role,
                    "a": p.a,
                    "b": p.b,
                    "score": p.score,
                    "rule": p.rule,
                    "detail": p.detail,
                }
                for p in explanation.parts
            ],
            "unmatched": {"a": list(explanation.unmatched_a), "b": list(explanation.unmatched_b)},
        }
    )
    return 0


def translit_command(args: argparse.Namespace) -> int:
    """``aliaskit translit TEXT``: romanise Cyrillic with one scheme, or all."""
    if args.all:
        for name in schemes():
            print(f"{name}\t{transliterate(args.text, name)}")
    else:
        print(transliterate(args.text, args.scheme))
    return 0


def readings_command(args: argparse.Namespace) -> int:
    """``aliaskit readings HEBREW``: Latin readings, most plausible first."""
    for reading in readings(args.text, limit=args.limit):
        print(reading)
    return 0


def _part_keys(part: NamePart) -> dict[str, Any]:
    forms = latin_forms(part.text)
    keys: dict[str, list[str]] = {
        "fold": sorted({fold(f) for f in forms.forms}),
        "skeleton": sorted({k for f in forms.forms for k in skeleton_keys(f)}),
    }
    if forms.method in ABJAD_READINGS:
        keys["skeleton_hebrew"] = sorted(skeleton_keys(part.text))
    for name, encoder in sorted(ENCODERS.items()):
        keys[name] = sorted({k for f in forms.forms for k in encoder(f)})
    return {
        "text": part.text,
        "role": part.role,
        "script": part.script,
        "method": forms.method,
        "latin_forms": list(forms.forms),
        "keys": keys,
    }


def name_keys(name: str) -> dict[str, Any]:
    """Every key of one name: per part (folds, skeletons, phonetic codes), and blocking keys.

    >>> "S:TRPNB" in name_keys("Sasha Trupanov")["block_keys"]
    True
    """
    parsed = parse_name(name)
    return {
        "name": name,
        "parts": [_part_keys(p) for p in parsed.parts],
        "block_keys": sorted(block_keys(parsed)),
        "given_keys": sorted(given_keys(parsed)),
    }


def keys_command(args: argparse.Namespace) -> int:
    """``aliaskit keys NAME``: every key of every encoder per name part."""
    found = name_keys(args.name)
    if not found["parts"]:
        raise ValueError(f"no name can be read from {args.name!r}")
    if args.json:
        _dump(found)
        return 0
    print(found["name"])
    for part in found["parts"]:
        print(f"  {part['role']:<10} {part['text']}  ({part['script']}, {part['method']})")
        print(f"    {'latin_forms':<16} {' '.join(part['latin_forms'])}")
        for key, values in part["keys"].items():
            print(f"    {key:<16} {' '.join(values) or '-'}")
    print(f"  {'block_keys':<12} {' '.join(found['block_keys']) or '-'}")
    print(f"  {'given_keys':<12} {' '.join(found['given_keys']) or '-'}")
    return 0


def schemes_command(args: argparse.Namespace) -> int:
    """``aliaskit schemes``: the bundled schemes with language and source."""
    rows = [scheme(name) for name in schemes()]
    if args.json:
        _dump(
            [
                {
                    "name": s.name,
                    "language": s.language,
                    "description": s.description,
                    "source": s.source,
                    "default": DEFAULT_SCHEMES.get(s.language) == s.name,
                }
                for s in rows
            ]
        )
        return 0
    for s in rows:
        default = "  [default for auto]" if DEFAULT_SCHEMES.get(s.language) == s.name else ""
        print(f"{s.name} ({s.language}){default}")
        print(f"  {s.description}")
        print(f"  source: {s.source}")
    return 0
