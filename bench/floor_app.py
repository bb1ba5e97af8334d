"""Provides the Textual floor of the benchmark: a bare app with a header, an Input and a list of 40 rows.

``python -m bench.floor_app`` shows 40 rows; each change of the Input
refreshes the list with 200 rows, then writes ``value<TAB>time`` on the
stamp pipe (``TRAAM_BENCH_STAMP_FD``) once painted, as :mod:`bench.stamped`
does for traam's search. Nothing else: what Textual itself costs here.
"""

from __future__ import annotations

import os
import time

from textual.app import App, ComposeResult
from textual.widgets import Header, Input, OptionList


def stamp(value: str) -> None:
    """Write ``value<TAB>now`` on the benchmark's stamp pipe, when there is one."""
    fd = os.environ.get("TRAAM_BENCH_STAMP_FD")
    if fd:
        os.write(int(fd), f"{value}\t{time.perf_counter()}\n".encode())


class FloorApp(App):
    """One header, one Input, one list."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(id="query")
        yield OptionList(*(f"Ligne {n} : un scénario pédagogique" for n in range(40)), id="rows")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self.call_after_refresh(stamp, "")

    def on_input_changed(self, event: Input.Changed) -> None:
        rows = self.query_one(OptionList)
        rows.clear_options()
        rows.add_options([f"{event.value} — résultat {n} : un scénario pédagogique" for n in range(200)])
        self.call_after_refresh(stamp, event.value)


if __name__ == "__main__":
    FloorApp().run()
