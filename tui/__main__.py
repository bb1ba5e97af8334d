"""Provides ``python -m tui``, the same as the ``traam`` command."""

import sys

from tui.cli.main import main

sys.exit(main())
