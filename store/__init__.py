"""Provides the commons on disk and in git: open, load at any ref, cache, write, history, search, review.

Rooms: ``git/`` (the only code that spells a git command or parses git
output, one runner with the whole safety policy), ``index/`` (git blob →
snapshot, every speed trick), ``search/``, ``review/``, ``publish/``; at the
top, :mod:`store.commons` (the door), writing, history, creation and remotes.
Never imports Textual.
"""
