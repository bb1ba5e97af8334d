"""Provides ``python -m bench.stamped ROOT``: traam whose search writes a stamp once each query's results are painted.

The stamp (``query<TAB>time`` on ``TRAAM_BENCH_STAMP_FD``) is written by
``call_after_refresh`` after :meth:`SearchScreen.show_rows`, as
:mod:`bench.floor_app` does, so the two are measured alike.
"""

from __future__ import annotations

import sys

from bench.floor_app import stamp
from tui.cli.main import main
from tui.screens.search import SearchScreen

_show_rows = SearchScreen.show_rows


def _stamped(screen: SearchScreen, query: str, rows: list) -> None:
    _show_rows(screen, query, rows)
    screen.call_after_refresh(stamp, query)


if __name__ == "__main__":
    SearchScreen.show_rows = _stamped
    sys.exit(main(["-C", sys.argv[1]]))
