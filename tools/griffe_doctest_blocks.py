"""A griffe extension that makes aliaskit's reST-flavoured docstrings render as Markdown.

mkdocstrings renders docstrings as Markdown, but aliaskit's docstrings use
two reST habits: bare ``>>>`` doctest blocks, which Markdown would run into
one paragraph (and read ``[a][b]`` in an output as a link), and Sphinx roles
such as ``:func:`cluster```. This extension, listed under the mkdocstrings
``extensions`` option in ``mkdocs.yml``, rewrites every docstring before it
is rendered: doctest blocks become fenced ``pycon`` blocks and roles become
plain code spans. The source files are not touched.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:func|class|meth|attr|data|mod|obj|exc|const):`~?([^`]+)`")
_PROMPT = re.compile(r"^(\s*)>>> ")


def fence_doctests(text: str) -> str:
    """Wrap each run of ``>>>`` lines and their output in a fenced ``pycon`` block.

    >>> fence_doctests("Intro.\\n\\n>>> 1 + 1\\n2\\n\\nMore.").splitlines()
    ['Intro.', '', '```pycon', '>>> 1 + 1', '2', '```', '', 'More.']
    """
    out: list[str] = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        match = _PROMPT.match(lines[i])
        if not match:
            out.append(lines[i])
            i += 1
            continue
        indent = match.group(1)
        out.append(f"{indent}```pycon")
        while i < len(lines) and lines[i].strip():
            out.append(lines[i])
            i += 1
        out.append(f"{indent}```")
    return "\n".join(out)


def plain_roles(text: str) -> str:
    """Turn Sphinx roles into Markdown code spans.

    >>> plain_roles("see :func:`aliaskit.cluster` and :class:`~aliaskit.Entity`")
    'see `aliaskit.cluster` and `aliaskit.Entity`'
    """
    return _ROLE.sub(r"`\1`", text)


class DoctestBlocks(griffe.Extension):
    """Rewrite docstrings for Markdown rendering (doctest fences, plain roles)."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        """Rewrite the docstring of every loaded object."""
        if obj.docstring is not None:
            obj.docstring.value = fence_doctests(plain_roles(obj.docstring.value))
