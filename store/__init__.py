"""Provides the commons on disk and in git: open, load at any ref, cache, write, history, search.

This package owns GitPython and never imports Textual.
"""
