"""Run the command line: ``python -m aliaskit``."""

from __future__ import annotations

import sys

from aliaskit.cli import main

if __name__ == "__main__":
    sys.exit(main())
