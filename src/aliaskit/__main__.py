"""Run the command line: ``python -m aliaskit``."""

from __future__ import annotations

import sys

from aliaskit.cli import main

sys.exit(main())
