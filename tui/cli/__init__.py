"""Provides the ``traam`` command line: one module per command under ``tui.cli.commands``."""
